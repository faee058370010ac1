/*
 * What a bid says, as pure functions: words and characters, the responses to the
 * criteria, the social-value commitments, and the exact decimal and date forms they are
 * stored in.
 */
import { hasAtMostDecimals } from '../../common/domain/decimals';
import { DomainError, type FieldProblem } from '../../common/domain/domain-error';
import { isWiderOutcome } from '../../criteria/domain';
import { COMMITMENT_DECIMALS, MAX_COMMITMENT_MAGNITUDE, MAX_RESPONSE_CHARS, type CriterionFacts } from './bid-facts';

/** Words split on whitespace (any Unicode space, tabs, line breaks), as API.md says. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** Characters as a reader counts them: an emoji or an accented letter is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export interface ResponseInput {
  criterion: string;
  text: string;
}

export interface CommitmentInput {
  criterion?: string | null;
  outcome: string;
  measure: string;
  target: number;
  baseline?: number | null;
  by?: string | null;
}

export interface CommitmentPlan {
  criterionId: string | null;
  outcome: string;
  measure: string;
  target: string;
  baseline: string | null;
  byDate: string | null;
}

/** By id first, then by code (API.md: every body accepts a criterion's id or its code). */
export function resolveCriterion<C extends CriterionFacts>(criteria: readonly C[], ref: string): C | undefined {
  return criteria.find((c) => c.id === ref) ?? criteria.find((c) => c.code === ref);
}

function ruleViolation(summary: string, problems: FieldProblem[]): DomainError {
  return new DomainError('rule_violation', `${summary} ${problems.map((p) => p.message).join('; ')}.`, { errors: problems });
}

/**
 * Checks responses against the tender's criteria and returns criterionId → text. A blank
 * text means "no response" (on an edit it removes one). Every problem is listed, each
 * naming the criterion: unknown, a section, the price leaf, given twice, too many words.
 */
export function checkResponses(criteria: readonly CriterionFacts[], responses: readonly ResponseInput[]): Map<string, string> {
  const problems: FieldProblem[] = [];
  const texts = new Map<string, string>();
  responses.forEach((response, index) => {
    const field = `responses[${index}]`;
    const criterion = resolveCriterion(criteria, response.criterion);
    if (!criterion) {
      problems.push({
        field: `${field}.criterion`,
        message: `This tender has no criterion "${response.criterion}": use the code of one of its questions.`,
      });
      return;
    }
    if (criterion.kind === 'section') {
      problems.push({ field: `${field}.criterion`, message: `${criterion.code} is a section: answer the questions inside it.` });
      return;
    }
    if (criterion.kind === 'price') {
      problems.push({
        field: `${field}.criterion`,
        message: `${criterion.code} is the price criterion: give the price in "price", not as a response.`,
      });
      return;
    }
    if (texts.has(criterion.id)) {
      problems.push({
        field: `${field}.criterion`,
        message: `${criterion.code} is answered more than once: give one response to it.`,
      });
      return;
    }
    if (characterCount(response.text) > MAX_RESPONSE_CHARS) {
      problems.push({
        field: `${field}.text`,
        message: `The response to ${criterion.code} is too long: use at most ${MAX_RESPONSE_CHARS.toLocaleString('en-GB')} characters.`,
      });
      return;
    }
    const words = countWords(response.text);
    if (criterion.maxWords !== null && words > criterion.maxWords) {
      problems.push({
        field: `${field}.text`,
        message: `${criterion.code} allows at most ${criterion.maxWords} words; this response has ${words}. Shorten it.`,
      });
      return;
    }
    texts.set(criterion.id, response.text.trim() === '' ? '' : response.text);
  });
  if (problems.length > 0) throw ruleViolation('Some responses break the rules of this tender:', problems);
  return texts;
}

/**
 * An edit's responses over a version's: the named criteria take the new text, an empty
 * text removes the response, the others stay.
 */
export function mergeAnswers(
  current: Iterable<readonly [string, string]>,
  changes: ReadonlyMap<string, string>,
): Map<string, string> {
  const merged = new Map(current);
  for (const [criterionId, text] of changes) {
    if (text === '') merged.delete(criterionId);
    else merged.set(criterionId, text);
  }
  return merged;
}

/** The scored leaves a version has no (non-blank) response to, in the criteria's order. */
export function missingResponses<C extends CriterionFacts>(criteria: readonly C[], answered: ReadonlyMap<string, string>): C[] {
  return criteria.filter((c) => c.kind === 'scored' && (answered.get(c.id) ?? '').trim() === '');
}

/** Submit: every scored leaf needs a response (gates' evidence is optional). */
export function assertComplete(criteria: readonly CriterionFacts[], answered: ReadonlyMap<string, string>): void {
  const missing = missingResponses(criteria, answered);
  if (missing.length === 0) return;
  throw new DomainError(
    'rule_violation',
    `The bid cannot be submitted: it has no response to ${missing.map((c) => c.code).join(', ')}.`,
    {
      errors: missing.map((c) => ({
        field: `responses.${c.code}`,
        message: `There is no response to ${c.code}${c.title ? ` (${c.title})` : ''} yet: answer it, then submit.`,
      })),
      missing: missing.map((c) => c.code),
    },
  );
}

/** Commitments: a named criterion must be a wider-outcome one (social, economic, environmental). */
export function checkCommitments(criteria: readonly CriterionFacts[], commitments: readonly CommitmentInput[]): CommitmentPlan[] {
  const problems: FieldProblem[] = [];
  const plans = commitments.map((commitment, index): CommitmentPlan => {
    let criterionId: string | null = null;
    if (commitment.criterion !== undefined && commitment.criterion !== null) {
      const criterion = resolveCriterion(criteria, commitment.criterion);
      if (!criterion) {
        problems.push({
          field: `commitments[${index}].criterion`,
          message: `This tender has no criterion "${commitment.criterion}": use the code of a social, economic or environmental outcome.`,
        });
      } else if (!isWiderOutcome(criterion.category)) {
        problems.push({
          field: `commitments[${index}].criterion`,
          message: `${criterion.code} is not a social, economic or environmental outcome (its category is ${criterion.category ?? 'none'}): link the commitment to one of those, or to none.`,
        });
      } else {
        criterionId = criterion.id;
      }
    }
    return {
      criterionId,
      outcome: commitment.outcome.trim(),
      measure: commitment.measure.trim(),
      target: toDecimalString(commitment.target),
      baseline: commitment.baseline === undefined || commitment.baseline === null ? null : toDecimalString(commitment.baseline),
      byDate: commitment.by ?? null,
    };
  });
  if (problems.length > 0) throw ruleViolation('Some commitments break the rules of this tender:', problems);
  return plans;
}

/** A JSON number's exact decimal form ("12.5", "-3", "0.125"); 4 decimals at most. */
export function toDecimalString(value: number): string {
  if (!hasAtMostDecimals(value, COMMITMENT_DECIMALS) || Math.abs(value) > MAX_COMMITMENT_MAGNITUDE) {
    throw new RangeError(`${value} is not a decimal with at most ${COMMITMENT_DECIMALS} places within ±10^12`);
  }
  return Object.is(value, -0) ? '0' : String(value);
}

/** YYYY-MM-DD naming a real calendar day (2027-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
