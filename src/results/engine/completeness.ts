import { EngineContext } from './context';
import { CriterionResult, EngineBid, Gap } from './types';

/**
 * SCORING.md §8: what is still missing before the results can be relied on. A
 * disqualified bid needs nothing more; every other listed bid — including one that
 * failed a gate or a threshold, whose record must still be complete for a challenge or
 * a feedback letter — needs an outcome on every gate and, on every scored leaf, a
 * moderated score (moderation required) or at least one usable panel score (not
 * required; a moderated score then also counts). Gaps come in tree order.
 */
export function gapsOf(context: EngineContext, bid: EngineBid, scored: ReadonlyMap<string, CriterionResult>): Gap[] {
  if (bid.status === 'disqualified') return [];
  const gaps: Gap[] = [];
  const gates = context.compliance.get(bid.id)!;
  const gap = (criterion: { id: string; code: string }, missing: Gap['missing']) =>
    gaps.push({ bidId: bid.id, criterion: criterion.code, criterionId: criterion.id, missing });
  for (const criterion of context.leaves) {
    if (criterion.kind === 'pass_fail' && !gates.has(criterion.id)) gap(criterion, 'compliance');
    if (criterion.kind !== 'scored') continue;
    const source = scored.get(criterion.id)!.source;
    if (context.input.settings.moderationRequired) {
      if (source !== 'moderated') gap(criterion, 'moderated');
    } else if (source === 'missing') gap(criterion, 'panel');
  }
  return gaps;
}
