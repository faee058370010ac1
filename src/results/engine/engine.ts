/**
 * The results engine: SCORING.md §3–§9 as one pure function of plain data.
 *
 * Decisions where SCORING.md is silent (also in docs/SCORING-DECISIONS.md):
 * - Missing scores. A scored leaf with no moderated and no usable panel score has
 *   `score: null, weighted: null, source: 'missing'`; the bid's total sums what is
 *   present. Such a bid is still ranked, provisionally: the results are then
 *   incomplete (the cell is a gap), and award is refused while any gap remains, so a
 *   provisional rank can never become a decision. Hiding the bid instead would make the
 *   moderation meeting blind to where it stands.
 * - Gaps are required of every listed bid that is not disqualified, including one that
 *   failed a gate or threshold (its record must be complete for feedback and challenge).
 * - Usable score: submitted, by a panelist with no declared conflict on the bid, from
 *   a group the leaf's `scoredBy` names. If only groups weighted 0 scored, the cell is
 *   missing (no 0/0).
 * - Thresholds compare the criterion score (moderated, else panel) exactly, before any
 *   rounding; a missing score excludes nobody.
 * - Divergence needs at least two usable scores. Flags are computed on the panel's
 *   scores even when a moderated score exists: they are part of the record.
 * - Ranking compares totals at 2 decimals (what everyone sees); the `quality`
 *   tie-break compares total − price subtotal, also at 2 decimals.
 * - Order of `bids`: ranked bids by rank, then bidder name; then unranked bids by
 *   total at 2 decimals descending, then bidder name; the bid id settles the rest.
 * - The price leaf's `score` is null (it has no point on the scale); its `weighted` is
 *   the formula's result. Gates are not listed in `criteria`: their outcomes are in
 *   `exclusions` and `gaps`.
 * - Sensitivity: see sensitivity.ts ("reverse" means "at least level").
 * - Robustness, close call, group influence and calibration (§11): robustness.ts,
 *   group-influence.ts, calibration.ts. They read the result and never change it.
 * - Input that contradicts itself is refused with EngineInputError (context.ts).
 */
import { buildContext, compareText, EngineContext } from './context';
import { scoreCriterion } from './criterion-score';
import { exclusionsOf } from './eligibility';
import { cellStatistics } from './panel-statistics';
import { abnormallyLowBids, scorePrices } from './price';
import { rankBids } from './ranking';
import { Rational } from './rational';
import { analyseSensitivity } from './sensitivity';
import { gapsOf } from './completeness';
import { calibratePanel } from './calibration';
import { analyseGroupInfluence, StatisticsIndex } from './group-influence';
import { analyseRobustness, closeCallOf } from './robustness';
import {
  BidResult,
  CategoryTotals,
  CriterionResult,
  EngineBid,
  EngineInput,
  EngineResult,
  Flag,
  Gap,
  PanelStatistics,
} from './types';

/** What computeResults works out beyond the results themselves. */
export interface ComputeOptions {
  /**
   * The §11 analyses (robustness, close call, group influence, calibration); default on.
   * Off only to measure the engine without them (bench/engine.bench.ts): every caller in
   * the service keeps the default, so no renderer can show results without them.
   */
  analyses?: boolean;
}

export function computeResults(input: EngineInput, options: ComputeOptions = {}): EngineResult {
  const context = buildContext(input);
  const assessed = input.bids.map((bid) => assessBid(context, bid));

  // Price depends on the other bids, but only on the eligible ones (§4, §5).
  const eligible = assessed
    .filter((entry) => entry.exclusions.length === 0)
    .map(({ bid }) => ({ bidId: bid.id, pricePence: BigInt(bid.pricePence) }));
  const { priceLeaf, weightOf } = context;
  const priceScores = priceLeaf
    ? scorePrices(weightOf.get(priceLeaf.id)!, eligible, input.settings.priceFormula)
    : new Map<string, Rational>();
  const abnormallyLow = abnormallyLowBids(eligible, input.settings.abnormallyLowRatioHundredths);

  const results = assessed.map(({ bid, scored, flags, exclusions }): BidResult => {
    const criteria = context.weightedLeaves.map((leaf): CriterionResult =>
      leaf.kind === 'price'
        ? { criterionId: leaf.id, code: leaf.code, score: null, weighted: priceScores.get(bid.id) ?? null, source: 'price' }
        : scored.get(leaf.id)!,
    );
    const { total, byCategory } = subtotals(context, criteria);
    return {
      bidId: bid.id,
      bidderName: bid.bidderName,
      status: bid.status,
      eligible: exclusions.length === 0,
      exclusions,
      pricePence: BigInt(bid.pricePence),
      rank: null,
      total,
      byCategory,
      criteria,
      flags: abnormallyLow.has(bid.id) ? [...flags, { type: 'abnormally_low_price', criterion: null }] : flags,
    };
  });

  const candidates = results
    .filter((result) => result.eligible)
    .map(({ bidId, total, byCategory, pricePence }) => ({ bidId, total, priceWeighted: byCategory.price, pricePence }));
  const ranks = rankBids(candidates, input.settings.tieBreak);
  for (const result of results) result.rank = ranks.get(result.bidId) ?? null;
  results.sort(compareForListing);

  const gapsByBid = new Map(assessed.map((entry) => [entry.bid.id, entry.gaps]));
  const gaps: Gap[] = results.flatMap((result) => gapsByBid.get(result.bidId)!);
  const ranked = results.filter((result) => result.rank !== null);
  const statistics: StatisticsIndex = new Map(assessed.map((entry) => [entry.bid.id, entry.statistics]));
  const sensitivity = analyseSensitivity(context, ranked);
  if (options.analyses === false) {
    return {
      complete: gaps.length === 0,
      gaps,
      bids: results,
      sensitivity,
      robustness: null,
      closeCall: null,
      groupInfluence: null,
      calibration: [],
    };
  }
  const robustness = analyseRobustness(context, ranked);
  return {
    complete: gaps.length === 0,
    gaps,
    bids: results,
    sensitivity,
    robustness,
    closeCall: closeCallOf(context, robustness, results),
    groupInfluence: analyseGroupInfluence(context, results, statistics),
    calibration: calibratePanel(context, results, statistics),
  };
}

/** Everything about a bid that does not depend on the other bids. */
function assessBid(context: EngineContext, bid: EngineBid) {
  const scored = new Map<string, CriterionResult>();
  const flags: Flag[] = [];
  const statistics = new Map<string, PanelStatistics>();
  for (const criterion of context.scoredLeaves) {
    const cell = cellStatistics(context, bid.id, criterion);
    statistics.set(criterion.id, cell);
    scored.set(criterion.id, scoreCriterion(context, bid.id, criterion, cell));
    for (const flag of cell.flags) flags.push(flag);
  }
  return {
    bid,
    scored,
    statistics,
    flags,
    exclusions: exclusionsOf(context, bid, scored),
    gaps: gapsOf(context, bid, scored),
  };
}

/**
 * Subtotals follow the leaves' categories (§2); wider outcomes = social + economic +
 * environmental. Every weighted leaf is in exactly one base category, so the total is
 * the sum of the base subtotals — the same as the sum of the leaves, in fewer steps.
 */
function subtotals(context: EngineContext, criteria: readonly CriterionResult[]) {
  const byCategory: CategoryTotals = {
    quality: Rational.ZERO,
    co_production: Rational.ZERO,
    social_outcome: Rational.ZERO,
    economic_outcome: Rational.ZERO,
    environmental_outcome: Rational.ZERO,
    wider_outcomes: Rational.ZERO,
    price: Rational.ZERO,
  };
  context.weightedLeaves.forEach((leaf, index) => {
    const weighted = criteria[index].weighted;
    const category = leaf.category;
    if (!weighted || !category || category === 'compliance') return;
    byCategory[category] = byCategory[category].add(weighted);
  });
  byCategory.wider_outcomes = byCategory.social_outcome.add(byCategory.economic_outcome).add(byCategory.environmental_outcome);
  const total = byCategory.quality.add(byCategory.co_production).add(byCategory.wider_outcomes).add(byCategory.price);
  return { total, byCategory };
}

/** Ranked bids by rank, then name; then the unranked by total shown, then name; then id. */
function compareForListing(a: BidResult, b: BidResult): number {
  if (a.rank !== null || b.rank !== null) {
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    if (a.rank !== b.rank) return a.rank - b.rank;
  } else {
    const totalA = a.total.scaledHalfUp(2);
    const totalB = b.total.scaledHalfUp(2);
    if (totalA !== totalB) return totalA > totalB ? -1 : 1;
  }
  return compareText(a.bidderName, b.bidderName) || compareText(a.bidId, b.bidId);
}
