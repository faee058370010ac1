/**
 * SCORING.md §3.2: the scores of a panelist who declared a conflict with a bid do not
 * count for that bid — not in its score, its flags or its quorum — and still count for
 * the other bids. Q1 quality 100 %, scale 0–5, mean, no moderation, minimum 2 scorers.
 *
 *   A: le1 5, le2 4, pro1 1; pro1 conflicted on A → 5, 4 → 4.5 → 90
 *      (counting pro1 it would be 10/3 → 66.67, with a divergence of 4)
 *   B: the same scores, no conflict → 10/3 → 66.67, divergence and group divergence
 *   C: le1 3, pro1 4; le1 conflicted on C → 4 alone → 80, quorum not met
 */
import { computeResults } from './engine';
import { panelStatistics } from './panel-statistics';
import { presentResults } from './present';
import { bid, bidId, bidOf, buildInput, criterion, panel, scores } from './testing/builders';

const input = buildInput({
  settings: { moderationRequired: false },
  criteria: [criterion('Q1', 'scored', 100)],
  panelists: panel(2, 1),
  bids: [bid('A', 100, { conflicts: ['pro1'] }), bid('B', 100), bid('C', 100, { conflicts: ['le1'] })],
  individualScores: [
    ...scores('A', 'Q1', { le1: 5, le2: 4, pro1: 1 }),
    ...scores('B', 'Q1', { le1: 5, le2: 4, pro1: 1 }),
    ...scores('C', 'Q1', { le1: 3, pro1: 4 }),
  ],
});

describe('conflicts of interest (§3.2)', () => {
  const shown = presentResults(computeResults(input));

  it('leaves the conflicted panelist out of the bid’s score: (5 + 4) / 2 = 4.5 → 90', () => {
    expect(bidOf(shown, 'A').criteria[0]).toMatchObject({ score: 4.5, weighted: 90 });
    expect(bidOf(shown, 'A').flags).toEqual([]);
  });

  it('still counts that panelist on bids without a conflict: 10/3 → 66.67', () => {
    expect(bidOf(shown, 'B').criteria[0]).toMatchObject({ score: 3.33, weighted: 66.67 });
    expect(bidOf(shown, 'B').flags).toEqual([
      { type: 'divergence', criterion: 'Q1' }, // 5 − 1 = 4
      { type: 'group_divergence', criterion: 'Q1' }, // 4.5 vs 1
    ]);
  });

  it('counts only unconflicted scores towards the quorum', () => {
    expect(bidOf(shown, 'C').criteria[0]).toMatchObject({ score: 4, weighted: 80 });
    expect(bidOf(shown, 'C').flags).toEqual([{ type: 'quorum_not_met', criterion: 'Q1' }]);
  });

  it('shows the moderation view only the usable scores', () => {
    const a = panelStatistics(input).find((cell) => cell.bidId === bidId('A'))!;
    expect(a.scores.map((s) => s.panelistId)).toEqual(['le1', 'le2']);
    expect([a.count, a.min, a.max, a.spread]).toEqual([2, 4, 5, 1]);
    expect(a.groupMeans.professional).toBeNull();
  });
});
