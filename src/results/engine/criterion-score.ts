import { EngineContext } from './context';
import { Rational } from './rational';
import { CriterionResult, EngineCriterion, EngineScale, PanelStatistics } from './types';

/** SCORING.md §3: percentage points earned, `weight × (score − min) / (max − min)`. */
export function weightedScore(weight: Rational, score: Rational, scale: EngineScale): Rational {
  // One reduction instead of three: this runs for every bid × criterion.
  const aboveMin = score.numerator - BigInt(scale.min) * score.denominator;
  return Rational.of(weight.numerator * aboveMin, weight.denominator * score.denominator * BigInt(scale.max - scale.min));
}

/**
 * §3.1–3.3 for one scored leaf: the moderated score when there is one, otherwise the
 * panel score from `panel` (the bid × criterion statistics), otherwise missing.
 */
export function scoreCriterion(
  context: EngineContext,
  bidId: string,
  criterion: EngineCriterion,
  panel: PanelStatistics,
): CriterionResult {
  const moderated = context.moderated.get(bidId)?.get(criterion.id);
  const score = moderated !== undefined ? Rational.fromInteger(moderated) : panel.panelScore;
  if (!score) {
    return { criterionId: criterion.id, code: criterion.code, score: null, weighted: null, source: 'missing' };
  }
  const result: CriterionResult = {
    criterionId: criterion.id,
    code: criterion.code,
    score,
    weighted: weightedScore(context.weightOf.get(criterion.id)!, score, context.input.scale),
    source: moderated !== undefined ? 'moderated' : 'panel',
  };
  // The group scores explain a panel score; beside a moderated one they would mislead.
  if (moderated === undefined && panel.groupScores) result.groupScores = panel.groupScores;
  return result;
}
