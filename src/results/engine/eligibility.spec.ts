/**
 * SCORING.md §5: who is ranked. One tender, five bids, each showing one rule.
 *
 * G1 gate, Q1 scored 60 % (threshold 2.5, scale 0–5), P price 40 % (lowest_ratio).
 * Moderation not required; each bid has two panel scores on Q1.
 *
 *   bid  gate      Q1 scores  Q1 score  Q1 weighted   price     outcome
 *   A    pass      2, 3       2.5       60×2.5/5 = 30  £100k    eligible (2.5 meets 2.5)
 *   B    pass      2, 2       2         24             £50k     below threshold
 *   C    fail      4, 4       4         48             £80k     failed gate
 *   D    pass      5, 5       5         60             £200k    disqualified
 *   E    (none)    3, 3       3         36             £120k    eligible, gap on G1
 *
 * Prices are scored among A and E only: lowest £100k → A 40, E 40×100/120 = 33.33….
 * Totals: A 70, E 69.33; B 24, C 48, D 60 with no price score (§5).
 */
import { computeResults } from './engine';
import { EngineInputError } from './context';
import { presentResults } from './present';
import { bid, bidOf, buildInput, criterion, panel, scores } from './testing/builders';
import { EngineBid } from './types';

function tender(extraBids: EngineBid[] = []) {
  const pass = (passed: boolean) => [{ criterionId: 'c-G1', passed }];
  return buildInput({
    settings: { moderationRequired: false },
    criteria: [
      criterion('G1', 'pass_fail', 0, { title: 'Safeguarding policy', order: 0 }),
      criterion('Q1', 'scored', 60, { title: 'Service model', threshold: 2.5, order: 1 }),
      criterion('P', 'price', 40, { title: 'Price', order: 2 }),
    ],
    panelists: panel(1, 1),
    bids: [
      bid('A', 100_000, { compliance: pass(true) }),
      bid('B', 50_000, { compliance: pass(true) }),
      bid('C', 80_000, { compliance: pass(false) }),
      bid('D', 200_000, {
        compliance: pass(true),
        status: 'disqualified',
        disqualificationReason: 'Conflict of interest not declared by the bidder',
      }),
      bid('E', 120_000),
      ...extraBids,
    ],
    individualScores: [
      ...scores('A', 'Q1', { le1: 2, pro1: 3 }),
      ...scores('B', 'Q1', { le1: 2, pro1: 2 }),
      ...scores('C', 'Q1', { le1: 4, pro1: 4 }),
      ...scores('D', 'Q1', { le1: 5, pro1: 5 }),
      ...scores('E', 'Q1', { le1: 3, pro1: 3 }),
    ],
  });
}

describe('eligibility (§5)', () => {
  const result = computeResults(tender());
  const shown = presentResults(result);

  it('ranks only A and E, and lists the others after them by total', () => {
    expect(shown.bids.map((b) => [b.bidderName, b.rank, b.eligible, b.total])).toEqual([
      ['Bid A', 1, true, 70],
      ['Bid E', 2, true, 69.33],
      ['Bid D', null, false, 60],
      ['Bid C', null, false, 48],
      ['Bid B', null, false, 24],
    ]);
  });

  it('treats a score equal to the threshold as meeting it', () => {
    expect(bidOf(shown, 'A').exclusions).toEqual([]);
  });

  it('excludes a bid below a threshold, saying why in plain English', () => {
    expect(bidOf(shown, 'B').exclusions).toEqual([
      {
        reason: 'below_threshold',
        criterion: 'Q1',
        detail: 'The bid scored 2 on Q1 (Service model), below the minimum score of 2.5 for that criterion.',
      },
    ]);
  });

  it('excludes a bid that failed a gate', () => {
    expect(bidOf(shown, 'C').exclusions).toEqual([
      {
        reason: 'failed_gate',
        criterion: 'G1',
        detail: 'The bid did not pass the pass/fail criterion G1 (Safeguarding policy).',
      },
    ]);
  });

  it('lists a disqualified bid with its reason, and asks nothing more of it', () => {
    const d = bidOf(shown, 'D');
    expect(d.status).toBe('disqualified');
    expect(d.exclusions).toEqual([
      {
        reason: 'disqualified',
        detail: 'The bid was disqualified: Conflict of interest not declared by the bidder.',
      },
    ]);
    expect(shown.gaps.filter((gap) => gap.bidId === 'bid-D')).toEqual([]);
  });

  it('gives ineligible bids no price score and totals their other scores', () => {
    for (const letter of ['B', 'C', 'D']) {
      const price = bidOf(shown, letter).criteria.find((c) => c.code === 'P')!;
      expect(price).toEqual({ criterionId: 'c-P', code: 'P', score: null, weighted: null, source: 'price' });
      expect(bidOf(shown, letter).byCategory.price).toBe(0);
    }
  });

  it('scores price among eligible bids only: B’s £50k does not set the lowest price', () => {
    expect(bidOf(shown, 'A').byCategory.price).toBe(40);
    expect(bidOf(shown, 'E').byCategory.price).toBe(33.33);
    // ...and the mean for the abnormally-low test is over A and E only (£110k × 0.8).
    expect(shown.bids.flatMap((b) => b.flags)).toEqual([]);
  });

  it('counts an unrecorded gate as a gap, not an exclusion', () => {
    expect(bidOf(shown, 'E').eligible).toBe(true);
    expect(shown.gaps).toEqual([{ bidId: 'bid-E', criterion: 'G1', criterionId: 'c-G1', missing: 'compliance' }]);
    expect(shown.complete).toBe(false);
  });

  it('lists every reason when there are several, disqualification first, then tree order', () => {
    const f = bid('F', 90_000, {
      status: 'disqualified',
      disqualificationReason: '  Collusion  ',
      compliance: [{ criterionId: 'c-G1', passed: false }],
    });
    const input = tender([f]);
    input.individualScores.push(...scores('F', 'Q1', { le1: 1, pro1: 2 }));
    const exclusions = bidOf(computeResults(input), 'F').exclusions;
    expect(exclusions.map((e) => [e.reason, e.criterion])).toEqual([
      ['disqualified', undefined],
      ['failed_gate', 'G1'],
      ['below_threshold', 'Q1'],
    ]);
    expect(exclusions[0].detail).toBe('The bid was disqualified: Collusion.');
    expect(exclusions[2].detail).toContain('scored 1.5 on Q1');
  });

  it('shows enough decimals that a score just under the threshold does not read as equal to it', () => {
    // Scores 2, 3, 3 → mean 8/3 = 2.666…, below a threshold of 2.67, yet it rounds to
    // 2.67 at 2 decimals; the sentence gives a third decimal instead: 2.667.
    const input = tender();
    input.criteria[1].threshold = 2.67;
    input.panelists.push({ id: 'pro2', group: 'professional' });
    input.individualScores = scores('A', 'Q1', { le1: 2, pro1: 3, pro2: 3 });
    expect(bidOf(computeResults(input), 'A').exclusions[0].detail).toBe(
      'The bid scored 2.667 on Q1 (Service model), below the minimum score of 2.67 for that criterion.',
    );
  });

  it('lists exactly the bids passed in: a withdrawn bid never appears, and its scores are refused', () => {
    expect(new Set(shown.bids.map((b) => b.bidId))).toEqual(new Set(['bid-A', 'bid-B', 'bid-C', 'bid-D', 'bid-E']));
    expect(shown.bids).toHaveLength(5);
    const input = tender();
    input.individualScores.push(...scores('W', 'Q1', { le1: 5 }));
    expect(() => computeResults(input)).toThrow(EngineInputError);
  });

  it('ranks nothing when no bid is eligible', () => {
    const input = tender();
    input.bids = input.bids.filter((b) => ['B', 'C', 'D'].some((l) => b.id === `bid-${l}`));
    input.individualScores = input.individualScores.filter((s) => input.bids.some((b) => b.id === s.bidId));
    const none = computeResults(input);
    expect(none.bids.map((b) => b.rank)).toEqual([null, null, null]);
    expect(none.sensitivity).toBeNull();
  });
});
