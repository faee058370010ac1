import { compareText, EngineContext } from './context';
import { aggregate } from './panel-statistics';
import { rankBids } from './ranking';
import { points } from './robustness';
import { Rational, RationalSum } from './rational';
import {
  Aggregation,
  BidResult,
  EngineCriterion,
  GroupInfluence,
  GroupScenario,
  GroupScenarioKind,
  PanelGroup,
  PanelStatistics,
  ScenarioTotal,
} from './types';

/** bidId → criterionId → the panel statistics of the cell. */
export type StatisticsIndex = Map<string, Map<string, PanelStatistics>>;

const SCENARIOS: readonly GroupScenarioKind[] = [
  'as_scored',
  'without_lived_experience',
  'equal_group_weights',
  'lived_experience_only',
];

/**
 * SCORING.md §11.3 — how the lived-experience members' scores shape the decision.
 *
 * On every scored leaf lived-experience members score (`scoredBy` names them), each bid's
 * criterion score is replaced by one computed from the panel's usable individual scores
 * (§3.2) four ways; every other leaf, the price and each bid's eligibility stay as in the
 * results, and the eligible bids are ranked again by the ranking's own rule:
 * - `as_scored`: the panel score as §3.2 computes it (before any moderation: a moderated
 *   consensus cannot be split by group, so every scenario starts from the panel's scores);
 * - `without_lived_experience`: the professional members' scores alone (aggregated with
 *   the tender's aggregation); a cell only lived-experience members scored counts 0,
 *   as a missing score does;
 * - `equal_group_weights`: each group aggregated alone, then averaged 50 / 50 over the
 *   groups that scored the cell, whatever the leaf's group weights;
 * - `lived_experience_only`: the lived-experience members' scores alone.
 * The lived-experience contribution to the decisive margin (the winner's lead over the
 * runner-up of the results) is that lead as scored minus the lead without them; its share
 * is the contribution over the lead as scored.
 */
export function analyseGroupInfluence(
  context: EngineContext,
  results: readonly BidResult[],
  statistics: StatisticsIndex,
): GroupInfluence | null {
  const ranked = results.filter((bid) => bid.rank !== null);
  const [winner, runnerUp] = ranked;
  if (!winner || !runnerUp) return null;
  const leaves = context.scoredLeaves.filter((leaf) => leaf.scoredBy.includes('lived_experience'));
  if (leaves.length === 0) return null;
  const { min, max } = context.input.scale;
  const range = max - min;
  const aggregation = context.input.settings.aggregation;

  const eligible = results.filter((bid) => bid.eligible);
  const affected = new Set(leaves.map((leaf) => leaf.id));
  const totals = new Map<GroupScenarioKind, Map<string, Rational>>(SCENARIOS.map((kind) => [kind, new Map()]));
  for (const bid of eligible) {
    // What the scenarios leave alone: the price and the leaves lived-experience members do not score.
    const rest = new RationalSum();
    context.weightedLeaves.forEach((leaf, index) => {
      const weighted = bid.criteria[index].weighted;
      if (weighted && !affected.has(leaf.id)) rest.addRational(weighted);
    });
    const sums = SCENARIOS.map(() => new SmallFractionSum());
    const cells = statistics.get(bid.bidId)!;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i];
      const cell = cells.get(leaf.id)!;
      const groups = groupAggregates(context, cell, aggregation);
      for (let k = 0; k < SCENARIOS.length; k++) {
        const score = scenarioScore(SCENARIOS[k], leaf, cell, groups);
        // weight × (score − min) / (max − min), the weight in hundredths of a point.
        if (score) sums[k].addWeighted(leaf.weightHundredths, score, min, range);
      }
    }
    const restValue = rest.value();
    SCENARIOS.forEach((kind, index) => totals.get(kind)!.set(bid.bidId, restValue.add(sums[index].value())));
  }

  const actualOrder = ranked.map((bid) => `${bid.bidId}:${bid.rank}`).join(',');
  const rankOne = (entries: readonly { bidId: string; rank: number | null }[]) =>
    entries
      .filter((entry) => entry.rank === 1)
      .map((entry) => entry.bidId)
      .sort(compareText)
      .join(',');
  const actualWinners = rankOne(ranked);
  const scope =
    leaves.length <= 3 ? `on ${leaves.map((leaf) => leaf.code).join(', ')}` : `on the ${leaves.length} criteria they score`;
  const scenarios = SCENARIOS.map((kind): GroupScenario => {
    const byBid = totals.get(kind)!;
    const ranks = rankBids(
      eligible.map((bid) => ({
        bidId: bid.bidId,
        total: byBid.get(bid.bidId)!,
        priceWeighted: bid.byCategory.price,
        pricePence: bid.pricePence,
      })),
      context.input.settings.tieBreak,
    );
    const names = new Map(eligible.map((bid) => [bid.bidId, bid.bidderName]));
    const ordered: ScenarioTotal[] = eligible
      .map((bid) => ({ bidId: bid.bidId, total: byBid.get(bid.bidId)!, rank: ranks.get(bid.bidId)! }))
      .sort((a, b) => a.rank - b.rank || compareText(names.get(a.bidId)!, names.get(b.bidId)!) || compareText(a.bidId, b.bidId));
    const [first, second] = ordered;
    const margin = second ? first.total.sub(second.total) : null;
    // The bids ranked first (several when level) differ from the results'.
    const winnerChanged = rankOne(ordered) !== actualWinners;
    const orderChanged = ordered.map((entry) => `${entry.bidId}:${entry.rank}`).join(',') !== actualOrder;
    return {
      scenario: kind,
      totals: ordered,
      winnerBidId: first.bidId,
      margin,
      winnerChanged,
      orderChanged,
      sentence: scenarioSentence(kind, scope, names, first, second, margin, winnerChanged, orderChanged),
    };
  });

  const leadIn = (kind: GroupScenarioKind) => {
    const byBid = totals.get(kind)!;
    return byBid.get(winner.bidId)!.sub(byBid.get(runnerUp.bidId)!);
  };
  const panelMargin = leadIn('as_scored');
  const contribution = panelMargin.sub(leadIn('without_lived_experience'));
  const share = panelMargin.isZero() ? null : contribution.div(panelMargin);
  return {
    criteria: leaves.map((leaf) => leaf.code),
    scenarios,
    panelMargin,
    livedExperienceContribution: contribution,
    livedExperienceShare: share,
    sentence: shareSentence(winner, runnerUp, panelMargin, contribution, share),
  };
}

/** Each group's usable scores aggregated alone (the tender's aggregation), or null when it gave none. */
function groupAggregates(
  context: EngineContext,
  cell: PanelStatistics,
  aggregation: Aggregation,
): Record<PanelGroup, Rational | null> {
  if (aggregation === 'mean') return cell.groupMeans;
  const byGroup: Record<PanelGroup, number[]> = { lived_experience: [], professional: [] };
  for (const entry of cell.scores) byGroup[context.panelistGroup.get(entry.panelistId)!].push(entry.score);
  return {
    lived_experience: byGroup.lived_experience.length ? aggregate(byGroup.lived_experience, 'median') : null,
    professional: byGroup.professional.length ? aggregate(byGroup.professional, 'median') : null,
  };
}

function scenarioScore(
  kind: GroupScenarioKind,
  leaf: EngineCriterion,
  cell: PanelStatistics,
  groups: Record<PanelGroup, Rational | null>,
): Rational | null {
  switch (kind) {
    case 'as_scored':
      return cell.panelScore;
    case 'without_lived_experience':
      return leaf.scoredBy.includes('professional') ? groups.professional : null;
    case 'lived_experience_only':
      return groups.lived_experience;
    case 'equal_group_weights': {
      const { lived_experience: lived, professional } = groups;
      if (!lived || !professional) return lived ?? professional;
      // (a/b + c/d) / 2 left unreduced: the sum reduces once per bid.
      return Rational.unreduced(
        lived.numerator * professional.denominator + professional.numerator * lived.denominator,
        2n * lived.denominator * professional.denominator,
      );
    }
  }
}

const SCENARIO_WORDS: Record<GroupScenarioKind, string> = {
  as_scored: 'On the panel’s own scores (before moderation)',
  without_lived_experience: 'Without the lived-experience members’ scores',
  equal_group_weights: 'With the lived-experience and professional members weighted equally',
  lived_experience_only: 'Counting only the lived-experience members’ scores',
};

function scenarioSentence(
  kind: GroupScenarioKind,
  scope: string,
  names: Map<string, string>,
  first: ScenarioTotal,
  second: ScenarioTotal | undefined,
  margin: Rational | null,
  winnerChanged: boolean,
  orderChanged: boolean,
): string {
  const lead = `${SCENARIO_WORDS[kind]} ${scope}`;
  const name = (entry: ScenarioTotal) => names.get(entry.bidId)!;
  if (!second || !margin) return `${lead}, ${name(first)} would have been the only ranked bid.`;
  if (second.rank === first.rank) {
    return `${lead}, ${name(first)} and ${name(second)} would have been level on ${points(first.total)}.`;
  }
  const order = winnerChanged ? '' : orderChanged ? ', though the order behind it would differ' : ', in the same order';
  return `${lead}, ${name(first)} would ${winnerChanged ? 'have won' : 'still have won'}, by ${points(margin)} points${order}.`;
}

function shareSentence(
  winner: BidResult,
  runnerUp: BidResult,
  panelMargin: Rational,
  contribution: Rational,
  share: Rational | null,
): string {
  const groupScores = 'The lived-experience members’ scores';
  const without = panelMargin.sub(contribution);
  if (panelMargin.sign() <= 0) {
    return (
      `On the panel’s own scores ${winner.bidderName} does not lead ${runnerUp.bidderName} (moderation made the difference); ` +
      `without the lived-experience members’ scores the gap would be ${points(without)} points instead of ${points(panelMargin)}.`
    );
  }
  const percent = ` (${points(share!.mul(Rational.fromInteger(100)))} % of the lead)`;
  if (contribution.sign() >= 0) {
    return (
      `${groupScores} account for ${points(contribution)} points of ${winner.bidderName}’s ` +
      `${points(panelMargin)}-point lead over ${runnerUp.bidderName} on the panel’s own scores${percent}.`
    );
  }
  return (
    `${groupScores} narrowed ${winner.bidderName}’s lead over ${runnerUp.bidderName} by ${points(contribution.negate())} points` +
    `${percent}: on the panel’s own scores it leads by ${points(panelMargin)}, without them it would lead by ${points(without)}.`
  );
}

/**
 * Σ weight × (score − min) / (max − min) over a bid's cells, exact. Grouped by denominator
 * in plain numbers while every product stays a safe integer (a mean of a dozen scores on a
 * 0–5 scale always does); anything larger goes through BigInt. Σ over a few denominators
 * then costs a few gcds per bid instead of one per cell.
 */
class SmallFractionSum {
  private readonly byDenominator = new Map<number, number>();
  private readonly large = new RationalSum();

  addWeighted(weightHundredths: number, score: Rational, min: number, range: number): void {
    const numerator = Number(score.numerator);
    const denominator = Number(score.denominator);
    const top = weightHundredths * (numerator - min * denominator);
    const bottom = 100 * denominator * range;
    if (
      Number.isSafeInteger(numerator) &&
      Number.isSafeInteger(denominator) &&
      Number.isSafeInteger(min * denominator) &&
      Number.isSafeInteger(top) &&
      Number.isSafeInteger(bottom)
    ) {
      const sum = (this.byDenominator.get(bottom) ?? 0) + top;
      if (Number.isSafeInteger(sum)) {
        this.byDenominator.set(bottom, sum);
        return;
      }
    }
    const aboveMin = score.numerator - BigInt(min) * score.denominator;
    this.large.add(BigInt(weightHundredths) * aboveMin, 100n * score.denominator * BigInt(range));
  }

  value(): Rational {
    for (const [denominator, numerator] of this.byDenominator) this.large.add(BigInt(numerator), BigInt(denominator));
    this.byDenominator.clear();
    return this.large.value();
  }
}
