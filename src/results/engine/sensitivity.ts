import { EngineContext, TopLevelNode } from './context';
import { formatScaled, Rational } from './rational';
import { BidResult, Sensitivity, TieBreak } from './types';

/**
 * SCORING.md §9 for the winner and the runner-up (the first two bids in ranked order).
 *
 * Moving d percentage points from top-level node F to node T scales every leaf in F by
 * (W_F − d) / W_F and every leaf in T by (W_T + d) / W_T. A leaf's normalised score
 * does not depend on weights (a price score depends only on the eligible prices), so a
 * bid's total becomes  total + d · (S_T / W_T − S_F / W_F),  where S_N is the bid's
 * weighted subtotal under N. The gap between the two bids is therefore linear in d and
 * the smallest d that closes it is solved exactly, then rounded up to 2 decimals so the
 * stated move really does it.
 *
 * "Reverse" is read as "at least level": the smallest move after which the runner-up's
 * exact total is ≥ the winner's. Only nodes with weight > 0 take part: 0 < d ≤ W_F, and
 * weight cannot be scaled into a node that has none (e.g. a top-level gate).
 */
export function analyseSensitivity(context: EngineContext, rankedInOrder: readonly BidResult[]): Sensitivity | null {
  const [winner, runnerUp] = rankedInOrder;
  if (!winner || !runnerUp) return null;
  const names = { winner: winner.bidderName, runnerUp: runnerUp.bidderName };
  const base = { winnerBidId: winner.bidId, runnerUpBidId: runnerUp.bidId };
  const shownTotal = winner.total.toFixedString(2);

  if (shownTotal === runnerUp.total.toFixedString(2)) {
    const how =
      winner.rank === runnerUp.rank
        ? `share rank ${winner.rank}`
        : `are separated only by the tie-break (${TIE_BREAK_WORDS[context.input.settings.tieBreak]})`;
    return {
      ...base,
      robust: false,
      smallestShift: null,
      sentence:
        `${names.winner} and ${names.runnerUp} are level on ${shownTotal} and ${how}, ` +
        'so any move of weight between top-level sections could change their order.',
    };
  }

  const nodes = context.topLevel.filter((node) => node.weight.sign() > 0);
  const winnerRates = subtotalRates(winner, nodes);
  const runnerUpRates = subtotalRates(runnerUp, nodes);
  // Negative: the runner-up is behind (rounded totals differ, so exact ones do too).
  const gap = runnerUp.total.sub(winner.total);
  let best: { from: TopLevelNode; to: TopLevelNode; shift: Rational } | null = null;
  for (const [i, from] of nodes.entries()) {
    for (const [j, to] of nodes.entries()) {
      if (i === j) continue;
      const slope = runnerUpRates[j].sub(winnerRates[j]).sub(runnerUpRates[i].sub(winnerRates[i]));
      if (slope.sign() <= 0) continue;
      const shift = gap.negate().div(slope);
      if (shift.compare(from.weight) > 0) continue;
      // Strictly smaller only: among equal moves the first pair in tree order is named.
      if (!best || shift.compare(best.shift) < 0) best = { from, to, shift };
    }
  }
  if (!best) {
    return {
      ...base,
      robust: true,
      smallestShift: null,
      sentence:
        'No move of weight between two top-level sections, within 0–100, would change the ' +
        `order of ${names.winner} and ${names.runnerUp}.`,
    };
  }
  const points = formatScaled(best.shift.scaledCeiling(2), 2);
  const label = (node: TopLevelNode) => `${node.criterion.title} (${node.criterion.code})`;
  return {
    ...base,
    robust: false,
    smallestShift: { from: best.from.criterion.code, to: best.to.criterion.code, points: Number(points) },
    sentence:
      `Moving ${points} percentage points of weight from ${label(best.from)} to ${label(best.to)} ` +
      `would put ${names.runnerUp} level with or ahead of ${names.winner}; ` +
      'no smaller move between two top-level sections would.',
  };
}

const TIE_BREAK_WORDS: Record<TieBreak, string> = {
  none: 'none',
  quality: 'higher score without price first',
  price: 'lower price first',
};

/** S_N / W_N per node: the share of each node's weight the bid earned (missing = 0). */
function subtotalRates(bid: BidResult, nodes: readonly TopLevelNode[]): Rational[] {
  const weighted = new Map(bid.criteria.map((c) => [c.criterionId, c.weighted]));
  return nodes.map((node) => {
    const subtotal = Rational.sum(node.leaves.map((leaf) => weighted.get(leaf.id) ?? Rational.ZERO));
    return subtotal.div(node.weight);
  });
}
