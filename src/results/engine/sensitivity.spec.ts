/**
 * SCORING.md §9: the smallest move of weight between two top-level nodes that puts the
 * runner-up level with or ahead of the winner. (The worked example's 21.67 points is in
 * worked-example.spec.ts.)
 */
import { computeResults } from './engine';
import { bid, buildInput, criterion, moderated } from './testing/builders';
import { EngineCriterion, EngineSettings } from './types';

/** Two quality leaves of 50 % each, moderated scores [Q1, Q2] per bid, no price. */
function twoLeaves(a: [number, number], b: [number, number], settings: Partial<EngineSettings> = {}) {
  return buildInput({
    settings,
    criteria: [
      criterion('Q1', 'scored', 50, { title: 'Service model', order: 1 }),
      criterion('Q2', 'scored', 50, { title: 'Outcomes', order: 2 }),
    ],
    bids: [bid('A', 100_000), bid('B', 90_000)],
    moderatedScores: [
      moderated('A', 'Q1', a[0]),
      moderated('A', 'Q2', a[1]),
      moderated('B', 'Q1', b[0]),
      moderated('B', 'Q2', b[1]),
    ],
  });
}

describe('sensitivity (§9)', () => {
  describe('a move inside a section-and-price tender', () => {
    // G1 top-level gate (weight 0: never a source or target). S1 "Quality" section 60 %
    // holding Q1 40 % and Q2 20 %; P price 40 % (lowest_ratio). Scale 0–5.
    //   A: Q1 5, Q2 5 → 60; £120k → 40 × 100/120 = 33.33…; total 93.33…
    //   B: Q1 3, Q2 2 → 24 + 8 = 32; £100k → 40; total 72
    // Shares of each node's weight: S1 A 1, B 32/60 = 8/15; P A 5/6, B 1.
    // Moving d from S1 to P changes B − A by d × ((1 − 5/6) − (8/15 − 1)) = d × 19/30;
    // the gap is 64/3, so d = (64/3) / (19/30) = 640/19 = 33.684… → 33.69 (≤ 60).
    // The reverse move, P → S1, only widens the gap.
    const criteria = (weights = { s1: 60, q1: 40, q2: 20, p: 40 }): EngineCriterion[] => [
      criterion('G1', 'pass_fail', 0, { title: 'Insurance', order: 0 }),
      criterion('S1', 'section', weights.s1, { title: 'Quality', order: 1 }),
      criterion('Q1', 'scored', weights.q1, { parent: 'S1', order: 1 }),
      criterion('Q2', 'scored', weights.q2, { parent: 'S1', order: 2 }),
      criterion('P', 'price', weights.p, { title: 'Price', order: 2 }),
    ];
    const tender = (weights?: Parameters<typeof criteria>[0]) =>
      buildInput({
        criteria: criteria(weights),
        bids: [
          bid('A', 120_000, { compliance: [{ criterionId: 'c-G1', passed: true }] }),
          bid('B', 100_000, { compliance: [{ criterionId: 'c-G1', passed: true }] }),
        ],
        moderatedScores: [moderated('A', 'Q1', 5), moderated('A', 'Q2', 5), moderated('B', 'Q1', 3), moderated('B', 'Q2', 2)],
      });

    it('finds 33.69 points from Quality (S1) to Price (P), scaling Q1 and Q2 inside S1', () => {
      expect(computeResults(tender()).sensitivity).toEqual({
        winnerBidId: 'bid-A',
        runnerUpBidId: 'bid-B',
        robust: false,
        smallestShift: { from: 'S1', to: 'P', points: 33.69 },
        sentence:
          'Moving 33.69 percentage points of weight from Quality (S1) to Price (P) would put Bid B ' +
          'level with or ahead of Bid A; no smaller move between two top-level sections would.',
      });
    });

    it('is right: with the stated move applied, B is level with or ahead of A', () => {
      // S1 60 − 33.69 = 26.31 → Q1 40 × 26.31/60 = 17.54, Q2 8.77; P 40 + 33.69 = 73.69.
      // B: 17.54 × 3/5 + 8.77 × 2/5 + 73.69 = 87.722; A: 26.31 + 73.69 × 5/6 = 87.718…
      // Shown at 2 decimals both are 87.72, so they now share rank 1.
      const moved = computeResults(tender({ s1: 26.31, q1: 17.54, q2: 8.77, p: 73.69 }));
      expect(moved.bids.map((x) => x.rank)).toEqual([1, 1]);
      const b = moved.bids.find((x) => x.bidId === 'bid-B')!;
      const a = moved.bids.find((x) => x.bidId === 'bid-A')!;
      expect(b.total.compare(a.total)).toBe(1);
      expect([a.total.toFixedString(3), b.total.toFixedString(3)]).toEqual(['87.718', '87.722']);
    });
  });

  it('allows moving a node’s whole weight: Q1 → Q2, 50 points, when B equals A on Q2', () => {
    // A 5, 3 → 80; B 4, 3 → 70. Moving d from Q1 to Q2: B − A = −10 + d × (0 − (0.8 − 1))
    // = −10 + 0.2d → d = 50, the whole of Q1: then both score 3/5 × 100 = 60.
    expect(computeResults(twoLeaves([5, 3], [4, 3])).sensitivity?.smallestShift).toEqual({
      from: 'Q1',
      to: 'Q2',
      points: 50,
    });
  });

  it('is robust when no move within the nodes’ weights would do it', () => {
    // A 5, 5 → 100; B 4, 1 → 50. Q2 → Q1 narrows the gap by 0.6 a point: 50 / 0.6 =
    // 83.3 points, more than Q2's 50. Q1 → Q2 only widens it.
    expect(computeResults(twoLeaves([5, 5], [4, 1])).sensitivity).toEqual({
      winnerBidId: 'bid-A',
      runnerUpBidId: 'bid-B',
      robust: true,
      smallestShift: null,
      sentence: 'No move of weight between two top-level sections, within 0–100, would change the order of ' + 'Bid A and Bid B.',
    });
  });

  it('says so when the two are already level and share rank 1', () => {
    // A 5, 3 and B 3, 5: both 80.
    expect(computeResults(twoLeaves([5, 3], [3, 5])).sensitivity).toEqual({
      winnerBidId: 'bid-A',
      runnerUpBidId: 'bid-B',
      robust: false,
      smallestShift: null,
      sentence:
        'Bid A and Bid B are level on 80.00 and share rank 1, so any move of weight between ' +
        'top-level sections could change their order.',
    });
  });

  it('names the tie-break when it alone separates them', () => {
    // Same totals; tie-break on price: B (£90k) ranks first.
    const result = computeResults(twoLeaves([5, 3], [3, 5], { tieBreak: 'price' }));
    expect(result.sensitivity?.winnerBidId).toBe('bid-B');
    expect(result.sensitivity?.sentence).toBe(
      'Bid B and Bid A are level on 80.00 and are separated only by the tie-break (lower price first), so any ' +
        'move of weight between top-level sections could change their order.',
    );
  });

  it('is null with fewer than two ranked bids', () => {
    const input = twoLeaves([5, 5], [4, 1]);
    input.bids[1].status = 'disqualified';
    expect(computeResults(input).sensitivity).toBeNull();
  });
});
