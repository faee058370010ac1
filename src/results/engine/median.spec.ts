/**
 * SCORING.md §3.2 with `aggregation: 'median'`; the median of an even count is the
 * exact mean of the two middle values. Q1 quality 100 %, scale 0–5, no moderation.
 */
import { computeResults } from './engine';
import { aggregate } from './panel-statistics';
import { presentResults } from './present';
import { Rational } from './rational';
import { bid, bidOf, buildInput, criterion, panel, scores } from './testing/builders';

describe('median aggregation (§3.2)', () => {
  it('takes the middle value of an odd count: 1, 4, 5 → 4 (the mean would be 3.33)', () => {
    expect(aggregate([5, 1, 4], 'median')).toEqual(Rational.of(4));
    expect(aggregate([5, 1, 4], 'mean')).toEqual(Rational.of(10, 3));
  });

  it('takes the mean of the two middle values of an even count: 1, 2, 4, 5 → 3; 2, 3 → 2.5', () => {
    expect(aggregate([5, 2, 1, 4], 'median')).toEqual(Rational.of(3));
    expect(aggregate([3, 2], 'median')).toEqual(Rational.of(5, 2));
  });

  const input = buildInput({
    settings: { aggregation: 'median', moderationRequired: false },
    criteria: [
      criterion('Q1', 'scored', 50, { order: 1 }),
      criterion('C1', 'scored', 50, {
        order: 2,
        category: 'co_production',
        groupWeights: { lived_experience: 50, professional: 50 },
      }),
    ],
    panelists: panel(3, 2),
    bids: [bid('A', 100)],
    individualScores: [
      // Q1 all together: 0, 5, 5, 3, 1 → sorted 0, 1, 3, 5, 5 → 3 → 50 × 3/5 = 30.
      ...scores('A', 'Q1', { le1: 0, le2: 5, le3: 5, pro1: 3, pro2: 1 }),
      // C1 by group: lived 0, 5, 5 → 5; professional 3, 4 → 3.5; 50/50 → 4.25 → 42.5.
      ...scores('A', 'C1', { le1: 0, le2: 5, le3: 5, pro1: 3, pro2: 4 }),
    ],
  });
  const a = bidOf(presentResults(computeResults(input)), 'A');

  it('aggregates all scores together without group weights: median 3 → 30', () => {
    expect(a.criteria[0]).toMatchObject({ score: 3, weighted: 30 });
  });

  it('takes each group’s median with group weights: 0.5 × 5 + 0.5 × 3.5 = 4.25 → 42.5', () => {
    expect(a.criteria[1]).toMatchObject({
      score: 4.25,
      weighted: 42.5,
      groupScores: { lived_experience: 5, professional: 3.5 },
    });
    expect(a.total).toBe(72.5);
  });

  it('compares group means, not medians, for group divergence', () => {
    // C1: lived mean 10/3 = 3.33 vs professional 3.5 — no group divergence, although
    // the medians are 5 and 3.5. Spread 5 − 0 = 5 ≥ 2 → divergence on both leaves.
    expect(a.flags).toEqual([
      { type: 'divergence', criterion: 'Q1' },
      { type: 'divergence', criterion: 'C1' },
    ]);
  });
});
