import { Rational } from './rational';
import { PriceFormula } from './types';

export interface PricedBid {
  bidId: string;
  pricePence: bigint;
}

/**
 * The share of the price leaf's weight a bid earns (0 to 1), SCORING.md §4. `lowest`
 * and `highest` are taken over eligible bids only, and every price is > 0.
 */
export function priceFraction(formula: PriceFormula, price: bigint, lowest: bigint, highest: bigint): Rational {
  switch (formula) {
    case 'lowest_ratio':
      return Rational.of(lowest, price);
    case 'linear_deviation': {
      // 1 − (price − lowest) / lowest = (2·lowest − price) / lowest, floored at 0.
      const numerator = 2n * lowest - price;
      return numerator > 0n ? Rational.of(numerator, lowest) : Rational.ZERO;
    }
    case 'min_max_linear':
      return highest === lowest ? Rational.ONE : Rational.of(highest - price, highest - lowest);
  }
}

/**
 * Weighted price scores (percentage points) for the eligible bids. Bids not passed in
 * get none: an ineligible bid's price criterion is `weighted: null` (§5).
 */
export function scorePrices(weight: Rational, eligible: readonly PricedBid[], formula: PriceFormula): Map<string, Rational> {
  const scores = new Map<string, Rational>();
  if (eligible.length === 0) return scores;
  let lowest = eligible[0].pricePence;
  let highest = lowest;
  for (const { pricePence } of eligible) {
    if (pricePence < lowest) lowest = pricePence;
    if (pricePence > highest) highest = pricePence;
  }
  for (const bid of eligible) {
    scores.set(bid.bidId, weight.mul(priceFraction(formula, bid.pricePence, lowest, highest)));
  }
  return scores;
}

/**
 * §4: bids priced below `ratio × mean eligible price` — a flag for investigation, never
 * an exclusion. Compared in integers: price · 100 · n < ratioHundredths · Σ prices.
 */
export function abnormallyLowBids(eligible: readonly PricedBid[], ratioHundredths: number): Set<string> {
  const count = BigInt(eligible.length);
  const sum = eligible.reduce((total, bid) => total + bid.pricePence, 0n);
  const ratio = BigInt(ratioHundredths);
  return new Set(eligible.filter((bid) => bid.pricePence * 100n * count < ratio * sum).map((bid) => bid.bidId));
}
