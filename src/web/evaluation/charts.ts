import type * as Echarts from 'echarts';

/**
 * The charting library, loaded on the first chart drawn: a server that never shows a results
 * page (a panel-only instance, an export) does not hold its 4 MB of source and code.
 */
let loaded: typeof Echarts | undefined;
function echartsLibrary(): typeof Echarts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('echarts') as typeof Echarts;
  return loaded;
}
import { CATEGORY_LABELS, CHART_CATEGORIES, type ChartCategory } from './evaluation-view';

/*
 * Server-rendered charts (Apache ECharts' server-side SVG renderer: no canvas, no browser).
 * Each chart is an <img> with a data: address (the page's CSP allows images from data:),
 * so its ids never clash with the page's and its alt text names what the table beside it
 * holds. Readable without colour: every series has its own pattern (ECharts' decals), a
 * label with its value, and a legend.
 */

export interface ChartImage {
  src: string;
  alt: string;
  width: number;
  height: number;
}

const WIDTH = 640;
/** GOV.UK colours that keep 3:1 against white and against each other's patterns. */
const PALETTE = ['#1d70b8', '#00703c', '#4c2c92', '#d4351c', '#f47738', '#505a5f'];

function render(option: Echarts.EChartsOption, height: number, alt: string): ChartImage {
  const chart = echartsLibrary().init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'Arial, sans-serif', fontSize: 13 },
      ...option,
    });
    const svg = chart.renderToSVGString();
    return { src: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`, alt, width: WIDTH, height };
  } finally {
    chart.dispose();
  }
}

/**
 * Drawing a chart costs tens of milliseconds, and a tender's results page shows the same ones
 * until its numbers change: each chart is kept by the numbers it is drawn from (a pure
 * function of them, so never stale), the CHARTS_KEPT most recently drawn.
 */
const CHARTS_KEPT = 16;
const drawn = new Map<string, ChartImage>();

function memo(key: string, draw: () => ChartImage): ChartImage {
  const found = drawn.get(key);
  if (found) {
    drawn.delete(key);
    drawn.set(key, found);
    return found;
  }
  const image = draw();
  drawn.set(key, image);
  while (drawn.size > CHARTS_KEPT) drawn.delete(drawn.keys().next().value!);
  return image;
}

export interface BidSubtotals {
  bidderName: string;
  byCategory: Record<ChartCategory, number>;
}

/** A stacked bar per bid of its category subtotals (percentage points), best first. */
export function subtotalsChart(bids: readonly BidSubtotals[]): ChartImage {
  const numbers = bids.map((bid) => [bid.bidderName, CHART_CATEGORIES.map((key) => bid.byCategory[key])]);
  return memo(JSON.stringify(['subtotals', numbers]), () => drawSubtotals(bids));
}

function drawSubtotals(bids: readonly BidSubtotals[]): ChartImage {
  const categories = CHART_CATEGORIES.filter((key) => bids.some((bid) => bid.byCategory[key] > 0));
  const names = bids.map((bid) => bid.bidderName);
  const height = 120 + bids.length * 48;
  return render(
    {
      aria: { enabled: true, decal: { show: true } },
      legend: { top: 0, itemWidth: 28, itemHeight: 16 },
      grid: { left: 8, right: 24, top: 40 + Math.ceil(categories.length / 4) * 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, name: 'Points', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      series: categories.map((key) => ({
        name: CATEGORY_LABELS[key],
        type: 'bar',
        stack: 'total',
        barWidth: 28,
        label: {
          show: true,
          formatter: (p: { value: unknown }) => (Number(p.value) >= 4 ? Number(p.value).toFixed(1) : ''),
          color: '#fff',
        },
        data: bids.map((bid) => bid.byCategory[key]),
      })),
    },
    height,
    'Stacked bars of each bid’s points by category. The same numbers are in the table “Points by category”.',
  );
}

/** The winner's lead against the smallest move of weight that would overturn it, both in points. */
export function sensitivityChart(lead: number, shift: number | null, shiftLabel: string): ChartImage {
  return memo(JSON.stringify(['sensitivity', lead, shift, shiftLabel]), () => drawSensitivity(lead, shift, shiftLabel));
}

function drawSensitivity(lead: number, shift: number | null, shiftLabel: string): ChartImage {
  const rows = [{ name: 'Winner’s lead', value: lead }, ...(shift === null ? [] : [{ name: shiftLabel, value: shift }])];
  return render(
    {
      aria: { enabled: true, decal: { show: true } },
      grid: { left: 8, right: 56, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: 'Points', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', data: rows.map((row) => row.name), inverse: true, axisLabel: { width: 220, overflow: 'break' } },
      series: [
        {
          type: 'bar',
          barWidth: 28,
          colorBy: 'data',
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => Number(p.value).toFixed(2) },
          data: rows.map((row) => row.value),
        },
      ],
    },
    140 + rows.length * 20,
    'Bars comparing the winner’s lead with the weight that would have to move to change the winner. The same numbers are in the table “How sure is the result”.',
  );
}
