/**
 * SCORING.md §3.2 with group weights: each group aggregated alone, then a weighted
 * average renormalised over the groups that scored.
 *
 * C1 co_production 100 %, lived experience 70 / professional 30, scale 0–5, mean,
 * moderation not required, minimum 2 scorers.
 *   A: lived 5, 4 → 4.5; professional 2, 3 → 2.5; 0.7 × 4.5 + 0.3 × 2.5 = 3.9 → 78
 *   B: professional 3, 3 only → 3; renormalised over professional alone → 3 → 60
 *   C: lived 4 only → 4 → 80
 */
import { computeResults } from './engine';
import { presentResults } from './present';
import { bid, bidOf, buildInput, criterion, panel, scores } from './testing/builders';
import { EngineCriterion } from './types';

function tender(c1: Partial<EngineCriterion> = {}) {
  return buildInput({
    settings: { moderationRequired: false },
    criteria: [
      criterion('C1', 'scored', 100, {
        category: 'co_production',
        groupWeights: { lived_experience: 70, professional: 30 },
        ...c1,
      }),
    ],
    panelists: panel(2, 2),
    bids: [bid('A', 100), bid('B', 100), bid('C', 100)],
    individualScores: [
      ...scores('A', 'C1', { le1: 5, le2: 4, pro1: 2, pro2: 3 }),
      ...scores('B', 'C1', { pro1: 3, pro2: 3 }),
      ...scores('C', 'C1', { le1: 4 }),
    ],
  });
}

describe('group weights (§3.2)', () => {
  const shown = presentResults(computeResults(tender()));

  it('weights the group scores: 0.7 × 4.5 + 0.3 × 2.5 = 3.9 → 78', () => {
    expect(bidOf(shown, 'A').criteria[0]).toMatchObject({
      score: 3.9,
      weighted: 78,
      source: 'panel',
      groupScores: { lived_experience: 4.5, professional: 2.5 },
    });
    expect(bidOf(shown, 'A').byCategory.co_production).toBe(78);
  });

  it('renormalises over the groups present: professional alone counts 100 % (3 → 60)', () => {
    expect(bidOf(shown, 'B').criteria[0]).toMatchObject({
      score: 3,
      weighted: 60,
      groupScores: { professional: 3 },
    });
  });

  it('does the same with lived experience alone (4 → 80)', () => {
    expect(bidOf(shown, 'C').criteria[0]).toMatchObject({ score: 4, weighted: 80 });
  });

  it('flags the group halves apart at exactly the threshold (4.5 − 2.5 = 2)', () => {
    expect(bidOf(shown, 'A').flags).toEqual([
      { type: 'divergence', criterion: 'C1' }, // 5 − 2 = 3
      { type: 'group_divergence', criterion: 'C1' },
    ]);
  });

  it('flags quorum when the lived-experience half is absent or too few scored', () => {
    expect(bidOf(shown, 'B').flags).toEqual([{ type: 'quorum_not_met', criterion: 'C1' }]);
    expect(bidOf(shown, 'C').flags).toEqual([{ type: 'quorum_not_met', criterion: 'C1' }]);
  });

  it('has no panel score when only a group weighted 0 scored (no 0/0)', () => {
    const result = computeResults(tender({ groupWeights: { lived_experience: 100, professional: 0 } }));
    expect(bidOf(result, 'B').criteria[0]).toMatchObject({ score: null, weighted: null, source: 'missing' });
    expect(result.gaps).toEqual([{ bidId: 'bid-B', criterion: 'C1', criterionId: 'c-C1', missing: 'panel' }]);
    // A: 1.0 × 4.5 + 0 × 2.5 = 4.5 → 90.
    expect(bidOf(presentResults(result), 'A').total).toBe(90);
  });

  it('ignores scores from a group the leaf is not scored by', () => {
    // Scored by professionals only: A's lived-experience 5 and 4 are not part of it,
    // the score is the mean of 2 and 3 = 2.5 → 50, and no lived-experience quorum flag.
    const result = presentResults(computeResults(tender({ scoredBy: ['professional'], groupWeights: null })));
    expect(bidOf(result, 'A').criteria[0]).toMatchObject({ score: 2.5, weighted: 50 });
    expect(bidOf(result, 'A').flags).toEqual([]);
    expect(bidOf(result, 'C').criteria[0].source).toBe('missing');
  });

  it('without group weights, aggregates everyone together: (5 + 4 + 2 + 3) / 4 = 3.5 → 70', () => {
    const result = presentResults(computeResults(tender({ groupWeights: null })));
    expect(bidOf(result, 'A').criteria[0]).toEqual({
      criterionId: 'c-C1',
      code: 'C1',
      score: 3.5,
      weighted: 70,
      source: 'panel',
    });
  });
});
