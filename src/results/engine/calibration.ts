import { compareText, EngineContext } from './context';
import type { StatisticsIndex } from './group-influence';
import { Rational } from './rational';
import { CalibrationOutlier, PanelistCalibration } from './types';

/**
 * SCORING.md §11.4 — how each panel member marks, for the moderation meeting. Reporting
 * only: nothing here feeds a score, a rank or a flag, and nothing is normalised.
 *
 * Over the usable scores (§3.2) of every bid × scored criterion ("cell"):
 * - leniency: the mean, over the cells the member scored with at least one other member,
 *   of (own score − mean of the others' scores); positive marks more generously;
 * - spread: the mean absolute deviation of the member's scores around their own mean;
 * - consensus: on the cells with a moderated score, how many the member scored exactly as
 *   moderated, and the mean absolute difference from it;
 * - outlier cells: at least three usable scores, a spread that is flagged `divergence`
 *   (§7), and the member alone farthest from the mean of the others, at least the
 *   divergence threshold away from it.
 *
 * Members by id; outliers in the order of the results' bids, then tree order. One pass over the ~144 000 scores of a large tender in plain integers: own − mean of the
 * others is (s·n − Σ) / (n − 1) on a cell of n scores summing to Σ, so the leniency sums
 * are kept per denominator n − 1 and turned into one rational at the end.
 */
export function calibratePanel(
  context: EngineContext,
  bidsInOrder: readonly { bidId: string }[],
  statistics: StatisticsIndex,
): PanelistCalibration[] {
  const { min, max } = context.input.scale;
  const threshold = context.input.settings.divergenceThresholdHundredths;
  // By id, so the answer does not depend on the order the members were passed in.
  const panelists = [...context.input.panelists].sort((a, b) => compareText(a.id, b.id));
  const indexOf = new Map(panelists.map((panelist, index) => [panelist.id, index]));
  const tallies = panelists.map(() => ({
    scores: 0,
    sum: 0,
    histogram: new Array<number>(max - min + 1).fill(0),
    compared: 0,
    /** [n − 1] → Σ (s·n − Σ) over the cells of n scores. */
    leniency: new Array<number>(panelists.length + 1).fill(0),
    consensusCells: 0,
    agreements: 0,
    consensusDistance: 0,
    outliers: [] as CalibrationOutlier[],
  }));

  for (const { bidId } of bidsInOrder) {
    const cells = statistics.get(bidId)!;
    const moderated = context.moderated.get(bidId)!;
    for (const leaf of context.scoredLeaves) {
      const cell = cells.get(leaf.id)!;
      const scores = cell.scores;
      const n = scores.length;
      if (n === 0) continue;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += scores[i].score;
      const consensus = moderated.get(leaf.id);
      let farthest = -1;
      let farthestDistance = -1;
      let tied = false;
      for (let i = 0; i < n; i++) {
        const { score, panelistId } = scores[i];
        const tally = tallies[indexOf.get(panelistId)!];
        tally.scores += 1;
        tally.sum += score;
        tally.histogram[score - min] += 1;
        if (n > 1) {
          const difference = score * n - sum;
          tally.compared += 1;
          tally.leniency[n - 1] += difference;
          const distance = Math.abs(difference);
          if (distance > farthestDistance) {
            farthest = i;
            farthestDistance = distance;
            tied = false;
          } else if (distance === farthestDistance) {
            tied = true;
          }
        }
        if (consensus !== undefined) {
          tally.consensusCells += 1;
          if (score === consensus) tally.agreements += 1;
          tally.consensusDistance += Math.abs(score - consensus);
        }
      }
      const divergent = cell.flags.some((flag) => flag.type === 'divergence');
      // |s − (Σ − s)/(n − 1)| ≥ t / 100, multiplied out: 100·|s·n − Σ| ≥ t·(n − 1).
      if (n >= 3 && divergent && !tied && farthestDistance * 100 >= threshold * (n - 1)) {
        const { score, panelistId } = scores[farthest];
        tallies[indexOf.get(panelistId)!].outliers.push({
          bidId,
          criterionId: leaf.id,
          code: leaf.code,
          score,
          othersMean: Rational.of(sum - score, n - 1),
        });
      }
    }
  }

  return panelists.map((panelist, index): PanelistCalibration => {
    const tally = tallies[index];
    const count = tally.scores;
    let deviation = 0;
    tally.histogram.forEach((times, offset) => (deviation += times * Math.abs((offset + min) * count - tally.sum)));
    const leniencySum = Rational.sum(
      tally.leniency.flatMap((total, others) => (others > 0 && total !== 0 ? [Rational.of(total, others)] : [])),
    );
    return {
      panelistId: panelist.id,
      group: panelist.group,
      scores: count,
      mean: count ? Rational.of(tally.sum, count) : null,
      spread: count ? Rational.of(deviation, count * count) : null,
      comparedCells: tally.compared,
      leniency: tally.compared ? leniencySum.div(Rational.fromInteger(tally.compared)) : null,
      consensusCells: tally.consensusCells,
      consensusAgreements: tally.agreements,
      consensusDifference: tally.consensusCells ? Rational.of(tally.consensusDistance, tally.consensusCells) : null,
      outliers: tally.outliers,
    };
  });
}
