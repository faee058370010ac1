/** SCORING.md §10, number for number (the input is in testing/worked-example.fixture.ts). */
import { computeResults } from './engine';
import { presentResults } from './present';
import { Rational } from './rational';
import { bidId } from './testing/builders';
import { workedExample } from './testing/worked-example.fixture';

describe('SCORING.md §10 worked example', () => {
  const result = computeResults(workedExample());
  const [first, second] = result.bids;

  it('ranks B first on 78.00 and A second on 71.50', () => {
    expect(first.bidId).toBe(bidId('B'));
    expect(first.rank).toBe(1);
    expect(first.total.equals(Rational.fromInteger(78))).toBe(true);
    expect(second.bidId).toBe(bidId('A'));
    expect(second.rank).toBe(2);
    expect(second.total.equals(Rational.of(143, 2))).toBe(true);
  });

  it("scores bid A's criteria from the panel: 3.5 → 28, 3.25 → 19.5, price 24", () => {
    const a = presentResults(result).bids[1];
    expect(a.criteria).toEqual([
      { criterionId: 'c-Q1', code: 'Q1', score: 3.5, weighted: 28, source: 'panel' },
      {
        criterionId: 'c-C1',
        code: 'C1',
        score: 3.25,
        weighted: 19.5,
        source: 'panel',
        groupScores: { lived_experience: 4.5, professional: 2 },
      },
      { criterionId: 'c-P', code: 'P', score: null, weighted: 24, source: 'price' },
    ]);
    expect(a.total).toBe(71.5);
    expect(a.price).toBe(100_000);
    expect(a.byCategory).toEqual({
      quality: 28,
      co_production: 19.5,
      social_outcome: 0,
      economic_outcome: 0,
      environmental_outcome: 0,
      wider_outcomes: 0,
      price: 24,
    });
  });

  it("scores bid B's criteria from the moderated scores: 24, 24, price 30", () => {
    const b = presentResults(result).bids[0];
    expect(b.criteria.map((c) => [c.code, c.score, c.weighted, c.source])).toEqual([
      ['Q1', 3, 24, 'moderated'],
      ['C1', 4, 24, 'moderated'],
      ['P', null, 30, 'price'],
    ]);
  });

  it('flags C1 on bid A for divergence (5 − 2 = 3) and group divergence (4.5 vs 2), nothing else', () => {
    expect(second.flags).toEqual([
      { type: 'divergence', criterion: 'C1' },
      { type: 'group_divergence', criterion: 'C1' },
    ]);
    expect(first.flags).toEqual([]);
  });

  it('is complete without moderation required, and lists A’s unmoderated cells when it is required', () => {
    expect(result.complete).toBe(true);
    expect(result.gaps).toEqual([]);
    const required = computeResults(workedExample({ moderationRequired: true }));
    expect(required.complete).toBe(false);
    expect(required.gaps).toEqual([
      { bidId: 'bid-A', criterion: 'Q1', criterionId: 'c-Q1', missing: 'moderated' },
      { bidId: 'bid-A', criterion: 'C1', criterionId: 'c-C1', missing: 'moderated' },
    ]);
  });

  it('finds the smallest reversing move: 65/3 ≈ 21.67 points from Price to Quality', () => {
    // Shares earned (A, B): Q1 28/40 = .7, .6; C1 19.5/30 = .65, .8; P 24/30 = .8, 1.
    // Moving d from P to Q1 changes A − B by d·((.7 − .6) − (.8 − 1)) = .3d; the gap is
    // 6.5, so d = 65/3 = 21.666… → 21.67 (≤ 30). C1→Q1 needs 6.5/.25 = 26; P→C1 needs
    // 6.5/.05 = 130 > 30; every other move widens the gap.
    expect(result.sensitivity).toEqual({
      winnerBidId: 'bid-B',
      runnerUpBidId: 'bid-A',
      robust: false,
      smallestShift: { from: 'P', to: 'Q1', points: 21.67 },
      sentence:
        'Moving 21.67 percentage points of weight from Price (P) to Quality (Q1) would put Bid A ' +
        'level with or ahead of Bid B; no smaller move between two top-level sections would.',
    });
  });
});
