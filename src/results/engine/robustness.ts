import { EngineContext } from './context';
import { compareRankingKeys, RankingKey, rankingKey } from './ranking';
import { formatScaled, Rational } from './rational';
import {
  BidResult,
  CloseCall,
  CloseCallReason,
  EngineCriterion,
  MarkChange,
  RecheckCell,
  Robustness,
  RunnerUpRobustness,
} from './types';

/**
 * SCORING.md §11.1 — marks to change the winner — and §11.2 — the close-call alert.
 *
 * For the winner W (the first ranked bid) and each other ranked bid R: which single
 * criterion score, changed to another whole score on the scale (moderated scores are
 * whole numbers), would put R level with or ahead of W in the ranking, and by how little.
 * Lowering W's score on a leaf of weight w lowers W's total by w × Δ / (max − min); raising
 * R's score raises R's. Only W's and R's totals move and the price scores stay (they depend
 * on the eligible prices only), so the order of the two is decided by the ranking's own
 * comparison (`compareRankingKeys`: totals at 2 decimals, then the tie-break) of the new
 * totals — exactly what recomputing the results would show. The one other way a single
 * score changes the order is the winner falling below a criterion's threshold: it would
 * then not be ranked at all (`effect: 'below_threshold'`).
 *
 * Whether the order flips is monotone in the size of the change, so for each cell the
 * smallest whole new score is found by bisection over the scale, exactly. A cell whose
 * whole range could not close the gap (checked in doubles with a margin far wider than
 * their error, then never trusted for a decision) is skipped without exact arithmetic:
 * 200 bids × 60 criteria are 24 000 cells, almost all of them far from mattering.
 */
export function analyseRobustness(context: EngineContext, rankedInOrder: readonly BidResult[]): Robustness | null {
  const [winner, ...others] = rankedInOrder;
  if (!winner || others.length === 0) return null;
  const indexOf = new Map(context.weightedLeaves.map((leaf, index) => [leaf.id, index]));
  const plans = context.scoredLeaves.map((leaf) => new CellPlan(context, leaf, indexOf.get(leaf.id)!));
  const tieBreak = context.input.settings.tieBreak;
  const keyOf = (bid: BidResult, total: Rational): RankingKey =>
    rankingKey({ bidId: bid.bidId, total, priceWeighted: bid.byCategory.price, pricePence: bid.pricePence });
  const winnerKey = keyOf(winner, winner.total);
  const winnerReach = plans.map((plan) => plan.reach(winner, 'down'));
  const winnerMostReach = Math.max(...winnerReach);
  // Thresholds exclude the winner whoever the runner-up is: worked out once.
  const thresholdChanges = plans.flatMap((plan) => plan.belowThresholdChange(winner) ?? []);

  const runnersUp = others.map((runnerUp): RunnerUpRobustness => {
    const margin = winner.total.sub(runnerUp.total);
    const base = { runnerUpBidId: runnerUp.bidId, margin };
    if (runnerUp.rank === winner.rank) {
      return {
        ...base,
        level: true,
        smallestMarkChange: null,
        totalChange: null,
        oneMarkChanges: [],
        sentence: `${winner.bidderName} and ${runnerUp.bidderName} already share rank ${winner.rank}.`,
      };
    }
    const runnerUpKey = keyOf(runnerUp, runnerUp.total);
    // R level with or ahead of W: W is no longer strictly ahead.
    const flipsWhenWinnerHas = (total: Rational) => compareRankingKeys(keyOf(winner, total), runnerUpKey, tieBreak) >= 0;
    const flipsWhenRunnerUpHas = (total: Rational) => compareRankingKeys(winnerKey, keyOf(runnerUp, total), tieBreak) >= 0;
    // Necessary for any flip: the gap must fall below 0.01 (two totals 0.01 or more apart
    // round to different figures, the higher one higher).
    const reachable = margin.toNumber() - 0.01 - 1e-9;

    let changes: MarkChange[];
    const runnerUpReach = plans.map((plan) => plan.reach(runnerUp, 'up'));
    if (winnerMostReach < reachable && Math.max(...runnerUpReach) < reachable) {
      changes = thresholdChanges;
    } else {
      changes = [];
      plans.forEach((plan, index) => {
        const lowered =
          winnerReach[index] >= reachable ? plan.lowerWinner(winner, flipsWhenWinnerHas) : plan.belowThresholdChange(winner);
        if (lowered) changes.push(lowered);
        const raised = runnerUpReach[index] >= reachable ? plan.raiseRunnerUp(runnerUp, flipsWhenRunnerUpHas) : null;
        if (raised) changes.push(raised);
      });
    }
    // Strictly smaller only: among equal changes the first in tree order (the winner's before the runner-up's) is named.
    let smallest: MarkChange | null = null;
    for (const change of changes) if (!smallest || change.change.compare(smallest.change) < 0) smallest = change;
    const totalChange =
      tieBreak === 'none'
        ? smallestTotalFallUntied(winner.total, runnerUpKey.total)
        : smallestTotalFall(margin, winner.total, flipsWhenWinnerHas);
    return {
      ...base,
      level: false,
      smallestMarkChange: smallest,
      totalChange,
      oneMarkChanges: changes.filter((change) => change.change.compare(Rational.ONE) <= 0),
      sentence: robustnessSentence(context, winner, runnerUp, smallest, totalChange),
    };
  });
  return { winnerBidId: winner.bidId, runnersUp };
}

/**
 * The smallest fall, in whole hundredths of a point, in the winner's total that puts the
 * runner-up level or ahead. A fall of the exact margin, rounded up to hundredths, always
 * puts the totals level on 2 decimals, so the answer lies within a few hundredths of it:
 * bisect between margin − 0.01 (still 0.01 ahead) and that + 0.02 (0.01 or more behind).
 */
function smallestTotalFall(margin: Rational, total: Rational, flips: (total: Rational) => boolean): Rational {
  // A fall of at most margin − 0.01 leaves the winner 0.01 or more ahead: no flip.
  let low = margin.sub(Rational.of(1, 100)).mul(Rational.fromInteger(100)).floor();
  low = low > 0n ? low : 0n;
  let high = margin.scaledCeiling(2) + 2n; // flips
  while (high - low > 1n) {
    const middle = (low + high) / 2n;
    if (flips(total.sub(Rational.of(middle, 100n)))) high = middle;
    else low = middle;
  }
  return Rational.of(high, 100n);
}

/**
 * `smallestTotalFall` in closed form without a tie-break, where level is enough: the
 * winner's total T − k/100, rounded half-up, must show at most the runner-up's R̂ (in
 * hundredths), i.e. 100·T − k < R̂ + 1/2, so k = ⌊100·T − R̂ − 1/2⌋ + 1. One exact floor
 * instead of a bisection (this runs for every runner-up of a 200-bid tender).
 */
function smallestTotalFallUntied(total: Rational, runnerUpShown: bigint): Rational {
  const hundredths = total.mul(Rational.fromInteger(200)).sub(Rational.fromInteger(2n * runnerUpShown + 1n));
  const k = Rational.of(hundredths.numerator, hundredths.denominator * 2n).floor() + 1n;
  return Rational.of(k > 0n ? k : 0n, 100n);
}

/** One scored leaf: its weight and scale, and the search for the smallest change on it. */
class CellPlan {
  private readonly weight: Rational;
  private readonly weightNumber: number;
  private readonly range: number;
  /** The highest whole score below the threshold, when the scale has one. */
  private readonly belowThreshold: number | null;

  constructor(
    private readonly context: EngineContext,
    readonly leaf: EngineCriterion,
    /** The leaf's position in a bid's `criteria`. */
    private readonly position: number,
  ) {
    const { min } = context.input.scale;
    this.weight = context.weightOf.get(leaf.id)!;
    this.weightNumber = this.weight.toNumber();
    this.range = context.input.scale.max - min;
    if (leaf.threshold === null) {
      this.belowThreshold = null;
    } else {
      const highest = Number(Rational.fromDecimal(leaf.threshold, 2).ceil()) - 1;
      this.belowThreshold = highest >= min ? highest : null;
    }
  }

  /**
   * The most the bid's total could move, in points, by this one score going to the bottom
   * (`down`) or top (`up`) of the scale; a double, only to rule cells out (-1: no score).
   */
  reach(bid: BidResult, direction: 'down' | 'up'): number {
    const score = bid.criteria[this.position].score;
    if (!score) return -1;
    const { min, max } = this.context.input.scale;
    const room = direction === 'down' ? score.toNumber() - min : max - score.toNumber();
    return (this.weightNumber * room) / this.range;
  }

  /** The total after the score moves from `from` to `to`: total + w × (to − from) / (max − min). */
  private moved(total: Rational, from: Rational, to: number): Rational {
    return total.add(this.weight.mul(Rational.fromInteger(to).sub(from)).div(Rational.fromInteger(this.range)));
  }

  /** The winner's score lowered to the highest whole score below the threshold, if that is on the scale. */
  belowThresholdChange(winner: BidResult): MarkChange | null {
    const from = winner.criteria[this.position].score;
    if (!from || this.belowThreshold === null) return null;
    // An eligible winner meets the threshold, so this is below `from`.
    return this.change(winner.bidId, from, this.belowThreshold, 'below_threshold');
  }

  lowerWinner(winner: BidResult, flips: (total: Rational) => boolean): MarkChange | null {
    const from = winner.criteria[this.position].score;
    if (!from) return null;
    const { min } = this.context.input.scale;
    // The whole scores below `from`, nearest first: [min, nearest].
    const nearest = Number(from.ceil()) - 1;
    if (nearest < min) return null;
    const below = this.belowThreshold;
    const flipsAt = (to: number) => (below !== null && to <= below) || flips(this.moved(winner.total, from, to));
    if (!flipsAt(min)) return null;
    // Bisection on the new score: `low` flips, `high` does not (or is `from` itself).
    let low = min;
    let high = nearest + 1;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (flipsAt(middle)) low = middle;
      else high = middle;
    }
    const stillAhead = !flips(this.moved(winner.total, from, low));
    return this.change(winner.bidId, from, low, stillAhead ? 'below_threshold' : 'order');
  }

  raiseRunnerUp(runnerUp: BidResult, flips: (total: Rational) => boolean): MarkChange | null {
    const from = runnerUp.criteria[this.position].score;
    if (!from) return null;
    const { max } = this.context.input.scale;
    const nearest = Number(from.floor()) + 1;
    if (nearest > max) return null;
    const flipsAt = (to: number) => flips(this.moved(runnerUp.total, from, to));
    if (!flipsAt(max)) return null;
    let low = nearest - 1; // does not flip (or is `from` itself)
    let high = max; // flips
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (flipsAt(middle)) high = middle;
      else low = middle;
    }
    return this.change(runnerUp.bidId, from, high, 'order');
  }

  private change(bidId: string, from: Rational, to: number, effect: MarkChange['effect']): MarkChange {
    return {
      bidId,
      criterionId: this.leaf.id,
      code: this.leaf.code,
      from,
      to,
      change: Rational.fromInteger(to).sub(from).abs(),
      effect,
    };
  }
}

/**
 * §11.2: a close call when the winner's lead over the first runner-up is under the
 * tender's margin (level bids included), or when a change of at most one scale point in a
 * single score would put any runner-up level or ahead. The cells to check again: every
 * such one-point change, and for each runner-up within the margin its smallest change.
 */
export function closeCallOf(context: EngineContext, robustness: Robustness | null, bids: readonly BidResult[]): CloseCall | null {
  if (!robustness) return null;
  const threshold = Rational.fromHundredths(context.input.settings.closeCallMarginHundredths ?? 100);
  const first = robustness.runnersUp[0];
  const reasons: CloseCallReason[] = [];
  if (first.margin.compare(threshold) < 0) reasons.push('margin');
  if (robustness.runnersUp.some((entry) => entry.oneMarkChanges.length > 0)) reasons.push('single_mark');

  const byId = new Map(bids.map((bid) => [bid.bidId, bid]));
  const sourceOf = (change: MarkChange) =>
    byId.get(change.bidId)!.criteria.find((criterion) => criterion.criterionId === change.criterionId)!.source;
  const recheck = new Map<string, RecheckCell>();
  const note = (runnerUpBidId: string, change: MarkChange) => {
    const key = `${change.bidId}|${change.criterionId}`;
    const known = recheck.get(key);
    // One line per cell: the smallest change that matters there.
    if (known && known.change.compare(change.change) <= 0) return;
    recheck.set(key, { ...change, runnerUpBidId, source: sourceOf(change) });
  };
  for (const entry of robustness.runnersUp) {
    for (const change of entry.oneMarkChanges) note(entry.runnerUpBidId, change);
    if (entry.smallestMarkChange && entry.margin.compare(threshold) < 0) note(entry.runnerUpBidId, entry.smallestMarkChange);
  }
  const bidOrder = new Map(bids.map((bid, index) => [bid.bidId, index]));
  const leafOrder = new Map(context.scoredLeaves.map((leaf, index) => [leaf.id, index]));
  const cells = [...recheck.values()].sort(
    (a, b) => bidOrder.get(a.bidId)! - bidOrder.get(b.bidId)! || leafOrder.get(a.criterionId)! - leafOrder.get(b.criterionId)!,
  );

  const names = new Map(bids.map((bid) => [bid.bidId, bid.bidderName]));
  const winner = names.get(robustness.winnerBidId)!;
  const runnerUp = names.get(first.runnerUpBidId)!;
  const alert = reasons.length > 0;
  const why: string[] = [];
  if (reasons.includes('margin')) {
    why.push(
      first.level
        ? `${winner} and ${runnerUp} share rank 1`
        : `${winner} leads ${runnerUp} by ${points(first.margin)} points, under the close-call margin of ${points(threshold)}`,
    );
  }
  if (reasons.includes('single_mark')) {
    why.push('a change of one scale point or less in a single score would put a runner-up level with or ahead of the winner');
  }
  const sentence = alert
    ? `Close call: ${why.join(', and ')}. ` +
      (cells.length
        ? `Check ${cells.length === 1 ? 'this score' : `these ${cells.length} scores`} again at moderation.`
        : 'Check the level bids’ scores again at moderation.')
    : `Not a close call: ${winner} leads ${runnerUp} by ${points(first.margin)} points, and no change of one scale point ` +
      'in a single score would change the order.';
  return { alert, reasons, margin: first.margin, threshold, recheck: cells, sentence };
}

function robustnessSentence(
  context: EngineContext,
  winner: BidResult,
  runnerUp: BidResult,
  smallest: MarkChange | null,
  totalChange: Rational | null,
): string {
  const fall = totalChange
    ? `a fall of ${points(totalChange)} points in ${winner.bidderName}’s total would put ${runnerUp.bidderName} level with or ahead of it`
    : '';
  if (!smallest) {
    return (
      `No change to a single score, anywhere on the scale, would put ${runnerUp.bidderName} level with or ahead of ` +
      `${winner.bidderName}; ${fall}.`
    );
  }
  const leaf = context.scoredLeaves.find((candidate) => candidate.id === smallest.criterionId)!;
  const whose = smallest.bidId === winner.bidId ? winner.bidderName : runnerUp.bidderName;
  const verb = smallest.bidId === winner.bidId ? 'Lowering' : 'Raising';
  const unit = smallest.change.equals(Rational.ONE) ? 'point' : 'points';
  const what =
    `${verb} ${whose}’s score on ${leaf.code} (${leaf.title}) by ${plain(smallest.change)} ${unit}, ` +
    `from ${plain(smallest.from)} to ${smallest.to},`;
  const effect =
    smallest.effect === 'below_threshold'
      ? ` would take ${winner.bidderName} below the minimum score of ${plain(Rational.fromDecimal(leaf.threshold!, 2))} ` +
        `on ${leaf.code}, so it could not be ranked`
      : ` would put ${runnerUp.bidderName} level with or ahead of ${winner.bidderName}`;
  return `${what}${effect}; no smaller change to a single score would. Equally, ${fall}.`;
}

/** 2 decimals, as everywhere in the results. */
export function points(value: Rational): string {
  return value.toFixedString(2);
}

/** A score as people write it: 4, 3.5, 3.33 (2 decimals at most, rounded half-up). */
export function plain(value: Rational): string {
  const text = formatScaled(value.scaledHalfUp(2), 2);
  return text.replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
}
