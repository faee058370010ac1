/**
 * panelStatistics(): what the moderation view and the exports show per bid × scored
 * criterion — the same numbers the results use (there is no other copy of them).
 */
import { computeResults } from './engine';
import { panelStatistics } from './panel-statistics';
import { Rational } from './rational';
import { workedExample } from './testing/worked-example.fixture';
import { bid, buildInput, criterion, panel, scores } from './testing/builders';

describe('panelStatistics', () => {
  const cells = panelStatistics(workedExample());

  it('covers every bid × scored criterion, bids by name, criteria in tree order', () => {
    expect(cells.map((c) => [c.bidId, c.code])).toEqual([
      ['bid-A', 'Q1'],
      ['bid-A', 'C1'],
      ['bid-B', 'Q1'],
      ['bid-B', 'C1'],
    ]);
  });

  it('gives C1 on bid A: scores 5, 4, 2; spread 3; group means 4.5 and 2; panel score 3.25', () => {
    const c1 = cells[1];
    expect(c1.scores.map((s) => [s.panelistId, s.score])).toEqual([
      ['le1', 5],
      ['le2', 4],
      ['pro1', 2],
    ]);
    expect([c1.count, c1.min, c1.max, c1.spread]).toEqual([3, 2, 5, 3]);
    expect(c1.groupMeans).toEqual({ lived_experience: Rational.of(9, 2), professional: Rational.of(2) });
    expect(c1.groupScores).toEqual({ lived_experience: Rational.of(9, 2), professional: Rational.of(2) });
    expect(c1.panelScore).toEqual(Rational.of(13, 4));
    expect(c1.flags).toEqual([
      { type: 'divergence', criterion: 'C1' },
      { type: 'group_divergence', criterion: 'C1' },
    ]);
  });

  it('computes the panel score even where a moderated score overrides it (B: Q1 panel 3, moderated 3)', () => {
    expect(cells[2].panelScore).toEqual(Rational.of(3));
    expect(cells[2].groupScores).toBeNull(); // Q1 has no group weights
  });

  it('agrees with the results wherever the results use the panel score', () => {
    const result = computeResults(workedExample());
    for (const cell of cells) {
      const used = result.bids.find((b) => b.bidId === cell.bidId)!.criteria.find((c) => c.criterionId === cell.criterionId)!;
      if (used.source === 'panel') expect(used.score).toEqual(cell.panelScore);
    }
  });

  it('hands back the caller’s own records, so a rationale travels with its score', () => {
    const withRationale = scores('A', 'Q1', { pro1: 4, le1: 2 }).map((s) => ({
      ...s,
      rationale: `Because ${s.panelistId} said so`,
    }));
    const input = buildInput({
      criteria: [criterion('Q1', 'scored', 100)],
      panelists: panel(1, 1),
      bids: [bid('A', 100)],
      individualScores: withRationale,
    });
    const [cell] = panelStatistics(input);
    // Sorted by panelist for display; the very objects passed in.
    expect(cell.scores).toEqual([withRationale[1], withRationale[0]]);
    expect(cell.scores[0]).toBe(withRationale[1]);
  });

  it('reports an unscored cell as empty, with no panel score and a quorum flag', () => {
    const input = buildInput({
      criteria: [criterion('Q1', 'scored', 100)],
      panelists: panel(1, 1),
      bids: [bid('A', 100)],
    });
    expect(panelStatistics(input)[0]).toMatchObject({
      count: 0,
      min: null,
      max: null,
      spread: null,
      groupMeans: { lived_experience: null, professional: null },
      panelScore: null,
      flags: [{ type: 'quorum_not_met', criterion: 'Q1' }],
    });
  });
});
