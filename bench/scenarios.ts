import { benchCrashSafety } from './crash-safety';
import { benchDeadlineSurge } from './deadline-surge.bench';
import { benchEngine } from './engine.bench';
import { benchEvaluationPages } from './evaluation-pages.bench';
import { benchExport } from './export.bench';
import { benchPanelPages } from './panel-pages.bench';
import { benchResults } from './results.bench';
import { benchScoreThroughput } from './score-throughput.bench';
import { benchInstances } from './instances.bench';
import type { BenchFigure, BenchScenario } from './types';

type Raw = { name?: string; scenario?: string; metric: string; value: number; unit: string; target: string; met?: boolean };

/** Fills `scenario` and, for targets of the form "< N" or "N", whether the value meets it. */
export function normalise(figures: Raw[], scenario: string): BenchFigure[] {
  return figures.map((f) => {
    const met = f.met ?? meets(f.value, f.target);
    return {
      scenario: f.scenario ?? f.name ?? scenario,
      metric: f.metric,
      value: f.value,
      unit: f.unit,
      target: f.target,
      ...(met === undefined ? {} : { met }),
    };
  });
}

function meets(value: number, target: string): boolean | undefined {
  const below = /^<\s*([\d.]+)/.exec(target);
  if (below) return value < Number(below[1]);
  const atMost = /^≤\s*([\d.]+)/.exec(target);
  if (atMost) return value <= Number(atMost[1]);
  const exactly = /^=?\s*([\d.]+)$/.exec(target.trim());
  if (exactly) return value === Number(exactly[1]);
  return undefined;
}

/** Every scenario `npm run bench` runs, in order. */
export const scenarios: BenchScenario[] = [
  { name: 'engine', run: async () => normalise(await benchEngine(), 'results engine') },
  { name: 'results', run: async () => normalise(await benchResults(), 'results endpoint') },
  { name: 'export', run: async () => normalise(await benchExport(), 'evaluation matrix export') },
  { name: 'surge', run: async () => normalise(await benchDeadlineSurge('api'), 'deadline surge') },
  // Issue 15: the same surge with every submit through the bidder's web pages.
  { name: 'web-surge', run: async () => normalise(await benchDeadlineSurge('web'), 'deadline surge') },
  { name: 'throughput', run: async () => normalise(await benchScoreThroughput(), 'score writes') },
  // Issue 19: two app instances on one PostgreSQL database.
  { name: 'instances', run: async () => normalise(await benchInstances(), 'more instances (PostgreSQL)') },
  { name: 'panel-pages', run: async () => normalise(await benchPanelPages(), 'panel pages') },
  { name: 'evaluation-pages', run: async () => normalise(await benchEvaluationPages(), 'evaluation pages') },
  { name: 'crash', run: async () => normalise(await benchCrashSafety(), 'crash safety') },
];
