import { Rational } from './rational';
import { TieBreak } from './types';

export interface RankCandidate {
  bidId: string;
  total: Rational;
  /** The weighted price score (0 when the tender has no price leaf). */
  priceWeighted: Rational;
  pricePence: bigint;
}

/**
 * SCORING.md §6: eligible bids by total descending, compared at 2 decimals — the figure
 * everyone sees — so two bids shown as 78.00 are level even if a third decimal differs.
 * Competition ranking (1, 2, 2, 4). Tie-breaks, applied only between level bids:
 * - `quality`: the higher total excluding price (total − price subtotal), also compared
 *   at 2 decimals for the same reason; still level → shared rank;
 * - `price`: the lower price in pence; still equal → shared rank.
 */
export function rankBids(candidates: readonly RankCandidate[], tieBreak: TieBreak): Map<string, number> {
  const keyed = candidates.map(rankingKey);
  const compare = (a: RankingKey, b: RankingKey) => compareRankingKeys(a, b, tieBreak);
  keyed.sort(compare);
  const ranks = new Map<string, number>();
  keyed.forEach((entry, index) => {
    const previous = keyed[index - 1];
    const rank = previous && compare(previous, entry) === 0 ? ranks.get(previous.bidId)! : index + 1;
    ranks.set(entry.bidId, rank);
  });
  return ranks;
}

/** What the ranking compares of a bid: its total and its total without price, at 2 decimals, and its price. */
export interface RankingKey {
  bidId: string;
  total: bigint;
  quality: bigint;
  price: bigint;
}

export function rankingKey(candidate: RankCandidate): RankingKey {
  return {
    bidId: candidate.bidId,
    total: candidate.total.scaledHalfUp(2),
    quality: candidate.total.sub(candidate.priceWeighted).scaledHalfUp(2),
    price: candidate.pricePence,
  };
}

/** Negative when `a` ranks ahead of `b`, 0 when they are level (share a rank). */
export function compareRankingKeys(a: RankingKey, b: RankingKey, tieBreak: TieBreak): number {
  if (a.total !== b.total) return a.total > b.total ? -1 : 1;
  if (tieBreak === 'quality' && a.quality !== b.quality) return a.quality > b.quality ? -1 : 1;
  if (tieBreak === 'price' && a.price !== b.price) return a.price < b.price ? -1 : 1;
  return 0;
}
