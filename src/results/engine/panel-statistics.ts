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
  const bids = [...input.bids].sort((a, b) => compareText(a.bidderName, b.bidderName) || compareText(a.id, b.id));
  return bids.flatMap((bid) =>
    context.scoredLeaves.map((criterion) => {
      const statistics = cellStatistics(context, bid.id, criterion);
      // A sorted copy: `scores` may be the context's own array.
      return { ...statistics, scores: [...statistics.scores].sort((a, b) => compareText(a.panelistId, b.panelistId)) };
    }),
  );
}

/** Mean, or median (of an even count: the exact mean of the two middle values). */
export function aggregate(scores: readonly number[], aggregation: Aggregation): Rational {
  if (scores.length === 0) throw new RangeError('aggregate: no scores');
  if (aggregation === 'mean') {
    const sum = scores.reduce((total, score) => total + score, 0);
    return meanOf(sum, scores.length);
  }
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? Rational.fromInteger(sorted[middle]) : Rational.of(sorted[middle - 1] + sorted[middle], 2);
}

/** The mean of `count` integer scores adding up to `sum`: one exact division. */
function meanOf(sum: number, count: number): Rational {
  return Rational.of(sum, count);
}

/**
 * A score is usable when it is submitted (drafts never reach the context), its panelist
 * declared no conflict with the bid, and its panelist's group is one that scores this
 * leaf — a score from a group the tender did not ask is not part of the evaluation.
 */
function isUsable(
  context: EngineContext,
  conflicted: ReadonlySet<string>,
  criterion: EngineCriterion,
  entry: EngineIndividualScore,
) {
  return criterion.scoredBy.includes(context.panelistGroup.get(entry.panelistId)!) && !conflicted.has(entry.panelistId);
}

/**
 * Panel statistics of one bid × scored criterion. This runs for every cell of the
 * tender (12 000 of them, over 144 000 scores, in a large one), so it tallies in plain
 * integers, uses indexed loops (V8 does not always optimise away for…of's iterator
 * results) and allocates little: `scores` holds the input records themselves, in input
 * order, and is the index's own array when every score is usable (nothing computed here
 * depends on the order; panelStatistics() sorts a copy for display).
 */
export function cellStatistics(context: EngineContext, bidId: string, criterion: EngineCriterion): PanelStatistics {
  const { settings } = context.input;
  const conflicted = context.conflicts.get(bidId)!;
  const submitted = context.submittedScores.get(bidId)?.get(criterion.id) ?? [];
  let allUsable = true;
  for (let i = 0; i < submitted.length && allUsable; i++) allUsable = isUsable(context, conflicted, criterion, submitted[i]);
  const scores = allUsable ? submitted : submitted.filter((entry) => isUsable(context, conflicted, criterion, entry));
  // Named counters rather than objects keyed by group: keyed access would make this
  // loop several times slower.
  let lived = 0;
  let livedSum = 0;
  let professional = 0;
  let professionalSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i].score;
    if (context.panelistGroup.get(scores[i].panelistId) === 'lived_experience') {
      lived += 1;
      livedSum += score;
    } else {
      professional += 1;
      professionalSum += score;
    }
    if (score < min) min = score;
    if (score > max) max = score;
  }
  const groupMeans = {
    lived_experience: lived ? meanOf(livedSum, lived) : null,
    professional: professional ? meanOf(professionalSum, professional) : null,
  };

  let panelScore: Rational | null = null;
  let groupScores: Partial<Record<PanelGroup, Rational>> | null = null;
  const mean = settings.aggregation === 'mean';
  if (scores.length === 0) {
    // No usable score: missing (§3.3).
  } else if (!criterion.groupWeights) {
    panelScore = mean ? meanOf(livedSum + professionalSum, scores.length) : medianOf(context, scores, null);
  } else {
    groupScores = {};
    if (groupMeans.lived_experience) {
      groupScores.lived_experience = mean ? groupMeans.lived_experience : medianOf(context, scores, 'lived_experience');
    }
    if (groupMeans.professional) {
      groupScores.professional = mean ? groupMeans.professional : medianOf(context, scores, 'professional');
    }
    panelScore = weightedGroupScore(criterion.groupWeights, groupScores);
  }

  const thresholdHundredths = settings.divergenceThresholdHundredths;
  const flags: Flag[] = [];
  // A single score has no spread to diverge from, whatever the threshold.
  if (scores.length >= 2 && (max - min) * 100 >= thresholdHundredths) {
    flags.push({ type: 'divergence', criterion: criterion.code });
  }
  // |sumL / nL − sumP / nP| ≥ t / 100, multiplied out to stay in small integers.
  if (
    lived &&
    professional &&
    Math.abs(livedSum * professional - professionalSum * lived) * 100 >= thresholdHundredths * lived * professional
  ) {
    flags.push({ type: 'group_divergence', criterion: criterion.code });
  }
  const livedExperienceMissing = !lived && criterion.scoredBy.includes('lived_experience');
  if (scores.length < settings.minScorers || livedExperienceMissing) {
    flags.push({ type: 'quorum_not_met', criterion: criterion.code });
  }

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

/** The median of the usable scores, of one group or (null) of all. */
function medianOf(context: EngineContext, scores: readonly EngineIndividualScore[], group: PanelGroup | null): Rational {
  const values = scores
    .filter((entry) => group === null || context.panelistGroup.get(entry.panelistId) === group)
    .map((entry) => entry.score);
  return aggregate(values, 'median');
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
  for (let i = 0; i < PANEL_GROUPS.length; i++) {
    const group = PANEL_GROUPS[i];
    const weight = weights[group];
    const groupScore = groupScores[group];
    if (weight === undefined || !groupScore) continue;
    numerator = numerator * groupScore.denominator + BigInt(weight) * groupScore.numerator * denominator;
    denominator *= groupScore.denominator;
    weightTotal += BigInt(weight);
  }
  return weightTotal > 0n ? Rational.of(numerator, denominator * weightTotal) : null;
}
