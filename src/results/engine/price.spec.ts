/**
 * SCORING.md §4: the three price formulas, over eligible bids only, and the
 * abnormally-low-price flag. Price only (weight 30 %), so each total is the price score.
 *
 * Prices A £100k, B £80k, C £200k; lowest £80k, highest £200k.
 *   lowest_ratio      30 × lowest / price:              A 24,   B 30, C 12
 *   linear_deviation  30 × max(0, 1 − (p − low) / low):  A 22.5, B 30, C 0 (1 − 1.5 < 0)
 *   min_max_linear    30 × (high − p) / (high − low):    A 25,   B 30, C 0
 */
import { computeResults } from './engine';
import { presentResults } from './present';
import { abnormallyLowBids, priceFraction } from './price';
import { Rational } from './rational';
import { bid, bidOf, buildInput, criterion } from './testing/builders';
import { EngineBid, EngineSettings, PriceFormula } from './types';

function priceOnly(bids: EngineBid[], settings: Partial<EngineSettings> = {}) {
  return buildInput({ settings, criteria: [criterion('P', 'price', 30, { title: 'Price' })], bids });
}

const threeBids = () => [bid('A', 100_000), bid('B', 80_000), bid('C', 200_000)];

function priceScores(formula: PriceFormula, bids = threeBids()) {
  const shown = presentResults(computeResults(priceOnly(bids, { priceFormula: formula })));
  return Object.fromEntries(shown.bids.map((b) => [b.bidderName, b.criteria[0].weighted]));
}

describe('price formulas (§4)', () => {
  it('lowest_ratio: weight × lowest / price', () => {
    expect(priceScores('lowest_ratio')).toEqual({ 'Bid A': 24, 'Bid B': 30, 'Bid C': 12 });
  });

  it('linear_deviation: weight × max(0, 1 − (price − lowest) / lowest), floored at 0', () => {
    expect(priceScores('linear_deviation')).toEqual({ 'Bid A': 22.5, 'Bid B': 30, 'Bid C': 0 });
  });

  it('min_max_linear: weight × (highest − price) / (highest − lowest)', () => {
    expect(priceScores('min_max_linear')).toEqual({ 'Bid A': 25, 'Bid B': 30, 'Bid C': 0 });
  });

  it('min_max_linear gives every bid the full weight when all prices are equal', () => {
    const equal = [bid('A', 90_000), bid('B', 90_000)];
    expect(priceScores('min_max_linear', equal)).toEqual({ 'Bid A': 30, 'Bid B': 30 });
    // So do the other two, naturally: lowest / price = 1, deviation 0.
    expect(priceScores('lowest_ratio', equal)).toEqual({ 'Bid A': 30, 'Bid B': 30 });
  });

  it('keeps non-terminating ratios exact: 30 × 80 000 / 90 000 = 80/3 = 26.666…', () => {
    const result = computeResults(priceOnly([bid('A', 90_000), bid('B', 80_000)]));
    expect(bidOf(result, 'A').total).toEqual(Rational.of(80, 3));
    expect(bidOf(presentResults(result), 'A').total).toBe(26.67);
  });

  it('uses exact pence: £1,000.01 against £1,000.00', () => {
    // A: 30 × 100 000 / 100 001 = 29.9997… → 30.00, level with B at 2 decimals (§6).
    const exact = computeResults(priceOnly([bid('A', 1000.01), bid('B', 1000)]));
    expect(bidOf(exact, 'A').total).toEqual(Rational.of(3_000_000, 100_001));
    const result = presentResults(exact);
    expect(bidOf(result, 'A').total).toBe(30);
    expect(bidOf(result, 'A').price).toBe(1000.01);
    expect(result.bids.map((b) => b.rank)).toEqual([1, 1]);
  });

  it('leaves ineligible bids out of lowest and highest', () => {
    // D (£50k) is disqualified: lowest stays £80k and highest £200k.
    const bids = [...threeBids(), bid('D', 50_000, { status: 'disqualified' })];
    expect(priceScores('min_max_linear', bids)).toEqual({ 'Bid A': 25, 'Bid B': 30, 'Bid C': 0, 'Bid D': null });
  });

  it('priceFraction is the share of the weight, 0 to 1', () => {
    expect(priceFraction('lowest_ratio', 100n, 80n, 200n)).toEqual(Rational.of(4, 5));
    expect(priceFraction('linear_deviation', 160n, 80n, 200n)).toEqual(Rational.ZERO); // exactly 1 − 1
    expect(priceFraction('min_max_linear', 80n, 80n, 80n)).toEqual(Rational.ONE);
  });
});

describe('abnormally low price (§4)', () => {
  it('flags a price below 0.8 × the mean eligible price, without excluding it', () => {
    // Mean of £100k, £100k, £60k = £86 666.67; × 0.8 = £69 333.33 > £60k → C flagged.
    const result = computeResults(priceOnly([bid('A', 100_000), bid('B', 100_000), bid('C', 60_000)]));
    expect(bidOf(result, 'C').flags).toEqual([{ type: 'abnormally_low_price', criterion: null }]);
    expect(bidOf(result, 'C').rank).toBe(1);
    expect(bidOf(result, 'A').flags).toEqual([]);
  });

  it('does not flag a price exactly at the limit', () => {
    // £150k and £100k: mean £125k × 0.8 = £100k, and £100k is not below £100k.
    const eligible = [
      { bidId: 'a', pricePence: 15_000_000n },
      { bidId: 'b', pricePence: 10_000_000n },
    ];
    expect(abnormallyLowBids(eligible, 80)).toEqual(new Set());
    expect(abnormallyLowBids(eligible, 81)).toEqual(new Set(['b'])); // £101 250 limit
  });

  it('uses the tender’s ratio and only eligible bids', () => {
    // Ratio 0.9: A £100k, B £85k → mean £92.5k × 0.9 = £83 250: B not flagged. The
    // disqualified C at £10k neither drags the mean down nor gets a flag.
    const bids = [bid('A', 100_000), bid('B', 85_000), bid('C', 10_000, { status: 'disqualified' })];
    const result = computeResults(priceOnly(bids, { abnormallyLowRatioHundredths: 90 }));
    expect(result.bids.flatMap((b) => b.flags)).toEqual([]);
    // Ratio 0.95: limit £87 875 → B flagged.
    const stricter = computeResults(priceOnly(bids, { abnormallyLowRatioHundredths: 95 }));
    expect(bidOf(stricter, 'B').flags).toEqual([{ type: 'abnormally_low_price', criterion: null }]);
  });
});
