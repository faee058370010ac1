import { buildContext, compareText, EngineContext } from './context';
import { Rational } from './rational';
import {
  Aggregation,
  EngineCriterion,
  EngineIndividualScore,
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

/**
 * Mean, or median (of an even count: the exact mean of the two middle values). The
 * per-cell code tallies means itself from integer sums; this is the same formula.
 */
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
 *
 * This runs for every bid × criterion, so it tallies in plain integers and allocates
 * little: `scores` holds the input records themselves, in input order (nothing computed
 * here depends on it; panelStatistics() sorts them for display).
 */
export function cellStatistics(
  context: EngineContext,
  bidId: string,
  criterion: EngineCriterion,
): PanelStatistics {
  const { settings } = context.input;
  const conflicted = context.conflicts.get(bidId)!;
  const livedExperienceScores = criterion.scoredBy.includes('lived_experience');
  const professionalScores = criterion.scoredBy.includes('professional');
  const scores: EngineIndividualScore[] = [];
  // Named counters rather than objects keyed by group: this loop runs 144 000 times
  // in a large tender and keyed access would make it several times slower.
  let lived = 0;
  let livedSum = 0;
  let professional = 0;
  let professionalSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const entry of context.submittedScores.get(bidId)?.get(criterion.id) ?? []) {
    const isLived = context.panelistGroup.get(entry.panelistId) === 'lived_experience';
    if (!(isLived ? livedExperienceScores : professionalScores)) continue;
    if (conflicted.size > 0 && conflicted.has(entry.panelistId)) continue;
    scores.push(entry);
    if (isLived) {
      lived += 1;
      livedSum += entry.score;
    } else {
      professional += 1;
      professionalSum += entry.score;
    }
    if (entry.score < min) min = entry.score;
    if (entry.score > max) max = entry.score;
  }
  const groupMeans = {
    lived_experience: lived ? Rational.of(livedSum, lived) : null,
    professional: professional ? Rational.of(professionalSum, professional) : null,
  };

  let panelScore: Rational | null = null;
  let groupScores: Partial<Record<PanelGroup, Rational>> | null = null;
  const median = (group?: PanelGroup) =>
    aggregate(
      scores
        .filter((entry) => !group || context.panelistGroup.get(entry.panelistId) === group)
        .map((entry) => entry.score),
      'median',
    );
  if (scores.length === 0) {
    // No usable score: missing (§3.3).
  } else if (!criterion.groupWeights) {
    panelScore =
      settings.aggregation === 'mean'
        ? Rational.of(livedSum + professionalSum, scores.length)
        : median();
  } else {
    groupScores = {};
    for (const group of PANEL_GROUPS) {
      if (!groupMeans[group]) continue;
      groupScores[group] = settings.aggregation === 'mean' ? groupMeans[group] : median(group);
    }
    panelScore = weightedGroupScore(criterion.groupWeights, groupScores);
  }

  const thresholdHundredths = settings.divergenceThresholdHundredths;
  const flags: Flag[] = [];
  const flag = (type: Flag['type']) => flags.push({ type, criterion: criterion.code });
  // A single score has no spread to diverge from, whatever the threshold.
  if (scores.length >= 2 && (max - min) * 100 >= thresholdHundredths) flag('divergence');
  // |sumL / nL − sumP / nP| ≥ t / 100, multiplied out to stay in small integers.
  if (
    lived &&
    professional &&
    Math.abs(livedSum * professional - professionalSum * lived) * 100 >=
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
 * §3.2 with group weights: Σ weight × groupScore / Σ weight over the groups that scored
 * (the weights renormalised over them). Accumulated unreduced and divided once, so only
 * the final value pays for a gcd. A group weighted 0 contributes nothing; when only such
 * groups scored there is no panel score (missing) rather than a 0/0.
 */
function weightedGroupScore(
  weights: Partial<Record<PanelGroup, number>>,
  groupScores: Partial<Record<PanelGroup, Rational>>,
): Rational | null {
  let numerator = 0n;
  let denominator = 1n;
  let weightTotal = 0n;
  for (const group of PANEL_GROUPS) {
    const weight = weights[group];
    const groupScore = groupScores[group];
    if (weight === undefined || !groupScore) continue;
    numerator =
      numerator * groupScore.denominator + BigInt(weight) * groupScore.numerator * denominator;
    denominator *= groupScore.denominator;
    weightTotal += BigInt(weight);
  }
  return weightTotal > 0n ? Rational.of(numerator, denominator * weightTotal) : null;
}
