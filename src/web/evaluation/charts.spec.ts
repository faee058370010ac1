import { sensitivityChart, subtotalsChart } from './charts';

const svgOf = (src: string) => Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');

describe('charts (server-drawn SVG, the library loaded on the first chart)', () => {
  it('draws a stacked bar per bid with the bidders named, as an SVG data URL with its alternative text', () => {
    const byCategory = {
      quality: 40,
      co_production: 20,
      social_outcome: 5,
      economic_outcome: 0,
      environmental_outcome: 0,
      price: 25,
    };
    const chart = subtotalsChart([
      { bidderName: 'Riverside Mind', byCategory },
      { bidderName: 'Peer Futures', byCategory: { ...byCategory, quality: 30 } },
    ]);
    expect(chart.src).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = svgOf(chart.src);
    expect(svg).toContain('<svg');
    expect(svg).toContain('Riverside Mind');
    expect(svg).toContain('Peer Futures');
    expect(chart.alt).toContain('Points by category');
    expect(chart.height).toBe(120 + 2 * 48);
  });

  it('draws the winner’s lead beside the smallest overturning shift', () => {
    const svg = svgOf(sensitivityChart(3.5, 7.25, 'Weight moved to price').src);
    expect(svg).toContain('Winner’s lead');
    expect(svg).toContain('Weight moved to price');
  });
});
