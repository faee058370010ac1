/** presentResults(): the API.md `results` shape, numbers rounded half-up to 2 decimals. */
import { computeResults } from './engine';
import { penceToPounds } from '../../common/domain/decimals';
import { presentResults } from './present';
import { workedExample } from './testing/worked-example.fixture';

describe('presentResults', () => {
  const shown = presentResults(computeResults(workedExample()));

  it('has the API.md fields for every bid, in order', () => {
    expect(Object.keys(shown)).toEqual([
      'complete',
      'gaps',
      'sensitivity',
      'robustness',
      'closeCall',
      'groupInfluence',
      'calibration',
      'bids',
    ]);
    expect(Object.keys(shown.bids[0])).toEqual([
      'bidId',
      'bidderName',
      'status',
      'eligible',
      'exclusions',
      'price',
      'rank',
      'total',
      'byCategory',
      'criteria',
      'flags',
    ]);
  });

  it('presents the worked example’s bid B exactly', () => {
    expect(shown.bids[0]).toEqual({
      bidId: 'bid-B',
      bidderName: 'Bid B',
      status: 'submitted',
      eligible: true,
      exclusions: [],
      price: 80000,
      rank: 1,
      total: 78,
      byCategory: {
        quality: 24,
        co_production: 24,
        social_outcome: 0,
        economic_outcome: 0,
        environmental_outcome: 0,
        wider_outcomes: 0,
        price: 30,
      },
      criteria: [
        { criterionId: 'c-Q1', code: 'Q1', score: 3, weighted: 24, source: 'moderated' },
        { criterionId: 'c-C1', code: 'C1', score: 4, weighted: 24, source: 'moderated' },
        { criterionId: 'c-P', code: 'P', score: null, weighted: 30, source: 'price' },
      ],
      flags: [],
    });
  });

  it('turns pence into pounds with 2 decimals, exactly', () => {
    expect(penceToPounds(12_345_678n)).toBe(123456.78);
    expect(penceToPounds(5n)).toBe(0.05);
    expect(penceToPounds(10n ** 17n + 1n)).toBe(1e15); // 1e15 + 0.01 has no closer double
  });

  it('adds wider outcomes from the three outcome categories', () => {
    const input = workedExample();
    input.criteria[0].category = 'social_outcome';
    input.criteria[1].category = 'environmental_outcome';
    const b = presentResults(computeResults(input)).bids[0];
    expect(b.byCategory).toMatchObject({ social_outcome: 24, environmental_outcome: 24, wider_outcomes: 48, quality: 0 });
  });
});
