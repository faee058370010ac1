/**
 * SCORING.md §6: competition ranking and the three tie-breaks.
 *
 * Q1 quality 50 %, P price 50 % (lowest_ratio), scale 0–5, moderated scores:
 *   A: Q1 5 → 50, £125k → 50 × 100/125 = 40 → total 90 (quality 50)
 *   B: Q1 4 → 40, £100k → 50                → total 90 (quality 40)
 *   C: as A                                  → total 90 (quality 50)
 *   D: Q1 3 → 30, £100k → 50                → total 80
 */
import { computeResults } from './engine';
import { rankBids } from './ranking';
import { Rational } from './rational';
import { bid, buildInput, criterion, moderated } from './testing/builders';
import { TieBreak } from './types';

function ranks(tieBreak: TieBreak) {
  const input = buildInput({
    settings: { tieBreak },
    criteria: [criterion('Q1', 'scored', 50, { order: 1 }), criterion('P', 'price', 50, { order: 2 })],
    bids: [bid('A', 125_000), bid('B', 100_000), bid('C', 125_000), bid('D', 100_000)],
    moderatedScores: [moderated('A', 'Q1', 5), moderated('B', 'Q1', 4), moderated('C', 'Q1', 5), moderated('D', 'Q1', 3)],
  });
  return computeResults(input).bids.map((b) => [b.bidderName, b.rank]);
}

describe('ranking and tie-breaks (§6)', () => {
  it('none: level bids share a rank, and the next rank skips (1, 1, 1, 4)', () => {
    expect(ranks('none')).toEqual([
      ['Bid A', 1],
      ['Bid B', 1],
      ['Bid C', 1],
      ['Bid D', 4],
    ]);
  });

  it('quality: the higher total excluding price first; A and C still level share rank 1', () => {
    expect(ranks('quality')).toEqual([
      ['Bid A', 1],
      ['Bid C', 1],
      ['Bid B', 3],
      ['Bid D', 4],
    ]);
  });

  it('price: the lower price first; A and C at the same price share rank 2', () => {
    expect(ranks('price')).toEqual([
      ['Bid B', 1],
      ['Bid A', 2],
      ['Bid C', 2],
      ['Bid D', 4],
    ]);
  });

  it('compares totals at 2 decimals: 80.002 and 79.996 are both 80.00, so level', () => {
    // Q1 99.99 % and Q2 0.01 %, scale 0–5. Both bids score 4 on Q1: 99.99 × 4/5 = 79.992.
    // Q2: A 5 → 0.01, B 2 → 0.004. Exact totals 80.002 and 79.996; shown 80.00 each.
    const input = buildInput({
      criteria: [criterion('Q1', 'scored', 99.99), criterion('Q2', 'scored', 0.01)],
      bids: [bid('A', 100), bid('B', 100)],
      moderatedScores: [moderated('A', 'Q1', 4), moderated('A', 'Q2', 5), moderated('B', 'Q1', 4), moderated('B', 'Q2', 2)],
    });
    const result = computeResults(input);
    expect(result.bids.map((b) => [b.bidderName, b.total.toFixedString(3), b.rank])).toEqual([
      ['Bid A', '80.002', 1],
      ['Bid B', '79.996', 1],
    ]);
  });

  it('rankBids alone: competition ranking over any number of candidates', () => {
    const candidate = (bidId: string, total: number, price = 0) => ({
      bidId,
      total: Rational.of(total),
      priceWeighted: Rational.of(price),
      pricePence: 100n,
    });
    const ranked = rankBids(
      [candidate('w', 60), candidate('x', 70), candidate('y', 70), candidate('z', 50), candidate('v', 70)],
      'none',
    );
    expect(Object.fromEntries(ranked)).toEqual({ x: 1, y: 1, v: 1, w: 4, z: 5 });
    expect(rankBids([], 'quality').size).toBe(0);
  });
});
