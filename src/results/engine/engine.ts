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
 * - Usable score: submitted, by a panelist with no declared conflict on the bid, from
 *   a group the leaf's `scoredBy` names.
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
import {
  BidResult,
  CategoryTotals,
  CriterionResult,
  EngineBid,
  EngineInput,
  EngineResult,
  Flag,
  Gap,
} from './types';

export function computeResults(input: EngineInput): EngineResult {
  const context = buildContext(input);
  const assessed = input.bids.map((bid) => assessBid(context, bid));

  const eligible = assessed.filter((entry) => entry.exclusions.length === 0);
  const priced = eligible.map(({ bid }) => ({ bidId: bid.id, pricePence: BigInt(bid.pricePence) }));
  const priceLeaf = context.priceLeaf;
  const priceScores = priceLeaf
    ? scorePrices(context.weightOf.get(priceLeaf.id)!, priced, input.settings.priceFormula)
    : new Map<string, Rational>();
  const abnormallyLow = abnormallyLowBids(priced, input.settings.abnormallyLowRatioHundredths);

  const results = assessed.map(({ bid, scored, flags, exclusions }) => {
    const criteria = context.weightedLeaves.map(
      (leaf): CriterionResult =>
        leaf.kind === 'price'
          ? { criterionId: leaf.id, code: leaf.code, score: null, weighted: priceScores.get(bid.id) ?? null, source: 'price' }
          : scored.get(leaf.id)!,
    );
    const allFlags: Flag[] = abnormallyLow.has(bid.id)
      ? [...flags, { type: 'abnormally_low_price', criterion: null }]
      : flags;
    const byCategory = categoryTotals(context, criteria);
    const result: BidResult = {
      bidId: bid.id,
      bidderName: bid.bidderName,
      status: bid.status,
      eligible: exclusions.length === 0,
      exclusions,
      pricePence: BigInt(bid.pricePence),
      rank: null,
      // Every weighted leaf is in exactly one of these categories (wider outcomes is a
      // sum of three of them), so adding them up is adding every leaf, with fewer steps.
      total: Rational.sum(
        (['quality', 'co_production', 'social_outcome', 'economic_outcome', 'environmental_outcome', 'price'] as const).map(
          (key) => byCategory[key],
        ),
      ),
      byCategory,
      criteria,
      flags: allFlags,
    };
    return result;
  });

  const ranks = rankBids(
    results
      .filter((result) => result.eligible)
      .map((result) => ({
        bidId: result.bidId,
        total: result.total,
        priceWeighted: result.byCategory.price,
        pricePence: result.pricePence,
      })),
    input.settings.tieBreak,
  );
  for (const result of results) result.rank = ranks.get(result.bidId) ?? null;
  results.sort(compareForListing);

  const gapsByBid = new Map(assessed.map((entry) => [entry.bid.id, entry.gaps]));
  const gaps: Gap[] = results.flatMap((result) => gapsByBid.get(result.bidId)!);
  const ranked = results.filter((result) => result.rank !== null);
  return {
    complete: gaps.length === 0,
    gaps,
    bids: results,
    sensitivity: analyseSensitivity(context, ranked),
  };
}

/** Everything about a bid that does not depend on the other bids. */
function assessBid(context: EngineContext, bid: EngineBid) {
  const scored = new Map<string, CriterionResult>();
  const flags: Flag[] = [];
  for (const criterion of context.scoredLeaves) {
    const statistics = cellStatistics(context, bid.id, criterion);
    scored.set(criterion.id, scoreCriterion(context, bid.id, criterion, statistics));
    for (const flag of statistics.flags) flags.push(flag);
  }
  return {
    bid,
    scored,
    flags,
    exclusions: exclusionsOf(context, bid, scored),
    gaps: gapsOf(context, bid, scored),
  };
}

/** Subtotals follow the leaves' categories; wider outcomes = social + economic + environmental. */
function categoryTotals(context: EngineContext, criteria: readonly CriterionResult[]): CategoryTotals {
  const totals: CategoryTotals = {
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
    totals[category] = totals[category].add(weighted);
    if (category.endsWith('_outcome')) totals.wider_outcomes = totals.wider_outcomes.add(weighted);
  });
  return totals;
}

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
