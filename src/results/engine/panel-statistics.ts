import { buildContext, compareText, EngineContext } from './context';
import { Rational } from './rational';
import {
  Aggregation,
  EngineCriterion,
  EngineInput,
  Flag,
  PANEL_GROUPS,
  PanelGroup,
  PanelStatistics,
} from './types';

/**
 * What the panel did on every bid × scored criterion (SCORING.md §3.2 and §7): the
 * moderation view, the exports and the results all read these, so the panel score and
 * the panel flags are computed here and nowhere else. Bids in bidder-name order,
 * criteria in tree order.
 */
export function panelStatistics(input: EngineInput): PanelStatistics[] {
  const context = buildContext(input);
  const bids = [...input.bids].sort(
    (a, b) => compareText(a.bidderName, b.bidderName) || compareText(a.id, b.id),
  );
  return bids.flatMap((bid) =>
    context.scoredLeaves.map((criterion) => {
      const statistics = cellStatistics(context, bid.id, criterion);
      statistics.scores.sort((a, b) => compareText(a.panelistId, b.panelistId));
      return statistics;
    }),
  );
}

/** Mean, or median (of an even count: the exact mean of the two middle values). */
export function aggregate(scores: readonly number[], aggregation: Aggregation): Rational {
  if (scores.length === 0) throw new RangeError('aggregate: no scores');
  if (aggregation === 'mean') return mean(scores);
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? Rational.fromInteger(sorted[middle])
    : Rational.of(sorted[middle - 1] + sorted[middle], 2);
}

function mean(scores: readonly number[]): Rational {
  let total = 0;
  for (const score of scores) total += score;
  return Rational.of(total, scores.length);
}

/**
 * A score is usable when it is submitted (drafts never reach the context), its panelist
 * declared no conflict with the bid, and its panelist's group is one that scores this
 * leaf — a score from a group the tender did not ask is not part of the evaluation.
 * `scores` come in input order (nothing computed here depends on it); panelStatistics()
 * sorts them for display.
 */
export function cellStatistics(
  context: EngineContext,
  bidId: string,
  criterion: EngineCriterion,
): PanelStatistics {
  const { settings } = context.input;
  const conflicted = context.conflicts.get(bidId)!;
  const scores: PanelStatistics['scores'] = [];
  const byGroup: Record<PanelGroup, number[]> = { lived_experience: [], professional: [] };
  const sums: Record<PanelGroup, number> = { lived_experience: 0, professional: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (const entry of context.submittedScores.get(bidId)?.get(criterion.id) ?? []) {
    const group = context.panelistGroup.get(entry.panelistId)!;
    if (conflicted.has(entry.panelistId) || !criterion.scoredBy.includes(group)) continue;
    scores.push({ panelistId: entry.panelistId, group, score: entry.score });
    byGroup[group].push(entry.score);
    sums[group] += entry.score;
    min = Math.min(min, entry.score);
    max = Math.max(max, entry.score);
  }
  const lived = byGroup.lived_experience.length;
  const professional = byGroup.professional.length;
  const groupMeans = {
    lived_experience: lived ? Rational.of(sums.lived_experience, lived) : null,
    professional: professional ? Rational.of(sums.professional, professional) : null,
  };
  const { panelScore, groupScores } = panelScoreOf(criterion, byGroup, groupMeans, settings.aggregation);

  const thresholdHundredths = settings.divergenceThresholdHundredths;
  const flags: Flag[] = [];
  const flag = (type: Flag['type']) => flags.push({ type, criterion: criterion.code });
  // A single score has no spread to diverge from, whatever the threshold.
  if (scores.length >= 2 && (max - min) * 100 >= thresholdHundredths) flag('divergence');
  // |sumL / nL − sumP / nP| ≥ t / 100, multiplied out to stay in small integers.
  if (
    lived &&
    professional &&
    Math.abs(sums.lived_experience * professional - sums.professional * lived) * 100 >=
      thresholdHundredths * lived * professional
  ) {
    flag('group_divergence');
  }
  const livedExperienceMissing = criterion.scoredBy.includes('lived_experience') && !lived;
  if (scores.length < settings.minScorers || livedExperienceMissing) flag('quorum_not_met');

  const scored = scores.length > 0;
  return {
    bidId,
    criterionId: criterion.id,
    code: criterion.code,
    scores,
    count: scores.length,
    min: scored ? min : null,
    max: scored ? max : null,
    spread: scored ? max - min : null,
    groupMeans,
    groupScores,
    panelScore,
    flags,
  };
}

/**
 * §3.2. With group weights, each group is aggregated on its own and the weights are
 * renormalised over the groups that scored. A group weighted 0 contributes nothing, so
 * when only zero-weighted groups scored there is no panel score (missing), rather than
 * a 0/0. Means already computed for the flags are reused rather than recomputed.
 */
function panelScoreOf(
  criterion: EngineCriterion,
  byGroup: Record<PanelGroup, number[]>,
  groupMeans: Record<PanelGroup, Rational | null>,
  aggregation: Aggregation,
): { panelScore: Rational | null; groupScores: Partial<Record<PanelGroup, Rational>> | null } {
  const aggregateGroup = (group: PanelGroup) =>
    aggregation === 'mean' ? groupMeans[group]! : aggregate(byGroup[group], aggregation);
  if (!criterion.groupWeights) {
    const all = [...byGroup.lived_experience, ...byGroup.professional];
    return { panelScore: all.length ? aggregate(all, aggregation) : null, groupScores: null };
  }
  // Σ weight × groupScore / Σ weight, accumulated unreduced and divided once: the
  // denominators stay tiny and only the final value pays for a gcd.
  const groupScores: Partial<Record<PanelGroup, Rational>> = {};
  let numerator = 0n;
  let denominator = 1n;
  let weightTotal = 0n;
  for (const group of PANEL_GROUPS) {
    const weight = criterion.groupWeights[group];
    if (weight === undefined || byGroup[group].length === 0) continue;
    const groupScore = aggregateGroup(group);
    groupScores[group] = groupScore;
    numerator =
      numerator * groupScore.denominator + BigInt(weight) * groupScore.numerator * denominator;
    denominator *= groupScore.denominator;
    weightTotal += BigInt(weight);
  }
  const panelScore = weightTotal > 0n ? Rational.of(numerator, denominator * weightTotal) : null;
  return { panelScore, groupScores };
}
