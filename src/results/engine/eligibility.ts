import { EngineContext } from './context';
import { Rational } from './rational';
import { CriterionResult, EngineBid, Exclusion } from './types';

/**
 * SCORING.md §5: every reason a listed bid cannot be ranked, in a fixed order
 * (disqualification, then failed gates and unmet thresholds in tree order), each with a
 * sentence that can go into a feedback letter. A gate not yet recorded and a missing
 * score are gaps (completeness.ts), never reasons here: nobody is excluded for work the
 * evaluation team has not done yet.
 */
export function exclusionsOf(
  context: EngineContext,
  bid: EngineBid,
  scoredResults: ReadonlyMap<string, CriterionResult>,
): Exclusion[] {
  const exclusions: Exclusion[] = [];
  if (bid.status === 'disqualified') {
    const reason = bid.disqualificationReason?.trim();
    exclusions.push({
      reason: 'disqualified',
      detail: reason ? `The bid was disqualified: ${asSentenceEnd(reason)}` : 'The bid was disqualified.',
    });
  }
  const gates = context.compliance.get(bid.id)!;
  for (const criterion of context.leaves) {
    if (criterion.kind === 'pass_fail' && gates.get(criterion.id) === false) {
      exclusions.push({
        reason: 'failed_gate',
        criterion: criterion.code,
        detail: `The bid did not pass the pass/fail criterion ${criterion.code} (${criterion.title}).`,
      });
    }
    const score = scoredResults.get(criterion.id)?.score;
    if (criterion.kind !== 'scored' || criterion.threshold === null || !score) continue;
    const threshold = Rational.fromDecimal(criterion.threshold, 2);
    if (score.compare(threshold) < 0) {
      exclusions.push({
        reason: 'below_threshold',
        criterion: criterion.code,
        detail:
          `The bid scored ${describeBelow(score, threshold)} on ${criterion.code} ` +
          `(${criterion.title}), below the minimum score of ${plain(threshold, 2)} for that criterion.`,
      });
    }
  }
  return exclusions;
}

function asSentenceEnd(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Trailing zeros dropped: 2.00 → "2", 2.50 → "2.5". */
function plain(value: Rational, decimals: number): string {
  const text = value.toFixedString(decimals);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * A score just under the threshold can round up to it at 2 decimals (8/3 = 2.666…
 * against a minimum of 2.67); the letter must not say "scored 2.67, below 2.67", so add
 * decimals until the two read differently ("2.667").
 */
function describeBelow(score: Rational, threshold: Rational): string {
  for (let decimals = 2; decimals < 12; decimals++) {
    if (score.scaledHalfUp(decimals) < threshold.scaledHalfUp(decimals)) return plain(score, decimals);
  }
  return plain(score, 12);
}
