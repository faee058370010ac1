/*
 * The rules of bids, as pure functions (no framework, no ORM):
 * deadline and state checks, version planning, response and commitment checks, prices.
 * The bid services call them; their spec needs no DI and no mocks.
 */
import { hasAtMostDecimals, toHundredthsExact } from '../common/decimals';
import { DomainError, type FieldProblem } from '../common/domain-error';
import { statusWords, type TenderStatus } from '../tenders/tender-lifecycle';

export const BID_STATUSES = ['draft', 'submitted', 'withdrawn', 'disqualified'] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

export const BID_VERSION_STATUSES = ['draft', 'submitted', 'superseded'] as const;
export type BidVersionStatus = (typeof BID_VERSION_STATUSES)[number];

/** API.md: at most 20 000 characters per response (counted in Unicode code points). */
export const MAX_RESPONSE_CHARS = 20_000;
/** £1bn: above any public-service contract we know of, and exact in pence as a JS number. */
export const MAX_PRICE = 1_000_000_000;
/** Commitment targets and baselines: at most 4 decimals ("0.125 tonnes"), |value| ≤ 10^12. */
export const COMMITMENT_DECIMALS = 4;
export const MAX_COMMITMENT_MAGNITUDE = 1e12;

/** Tender facts the bid rules need (structurally a `Tender`). */
export interface TenderFacts {
  status: TenderStatus;
  bidDeadline: Date;
  closedAt: Date | null;
}

/** Bid facts the rules need (structurally a `Bid`). */
export interface BidFacts {
  status: BidStatus;
  submittedVersionId: string | null;
  draftVersionId: string | null;
}

/** Criterion facts the rules need (structurally a `Criterion`). */
export interface CriterionFacts {
  id: string;
  code: string;
  title?: string;
  kind: 'section' | 'scored' | 'price' | 'pass_fail';
  category: string | null;
  maxWords: number | null;
}

export type BidAction = 'created' | 'edited' | 'submitted' | 'withdrawn';

/* ------------------------------------------------------------- text ---------- */

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

/* ------------------------------------------------------- time and state ---------- */

/** The deadline is an instant: at it, the box is shut (deadline − 1 ms is the last moment). */
export function isPastDeadline(now: Date, deadline: Date): boolean {
  return now.getTime() >= deadline.getTime();
}

/**
 * Creating, editing, submitting and withdrawing need a published tender before its
 * deadline; otherwise 409 and nothing changes.
 */
export function assertAcceptingBids(tender: TenderFacts, now: Date, action: BidAction): void {
  if (tender.status !== 'published') {
    throw new DomainError('invalid_state', `Bids can be ${action} only while the tender is published; it is ${statusWords(tender.status)}.`, {
      currentStatus: tender.status,
    });
  }
  if (isPastDeadline(now, tender.bidDeadline)) {
    throw new DomainError(
      'invalid_state',
      `The bid deadline (${tender.bidDeadline.toISOString()}) has passed: bids can no longer be ${action}.`,
      { bidDeadline: tender.bidDeadline.toISOString() },
    );
  }
}

/** Closing opens the box, so never before the deadline. */
export function assertMayClose(now: Date, deadline: Date): void {
  if (!isPastDeadline(now, deadline)) {
    throw new DomainError(
      'invalid_state',
      `The tender cannot be closed before its bid deadline (${deadline.toISOString()}): bidders may still submit.`,
      { bidDeadline: deadline.toISOString() },
    );
  }
}

export interface OpeningApprovalFacts {
  by: string;
  at: string;
}

/**
 * One team member's approval to open the box (EU 2014/24 Annex IV: the opening of tenders
 * needs more than one person when the tender asks for it). Returns the approvals with this one
 * added and whether that completes them; the same person twice is 409, nothing changes.
 */
export function approveOpening(
  given: readonly OpeningApprovalFacts[],
  by: string,
  required: number,
  now: Date,
): { given: OpeningApprovalFacts[]; complete: boolean } {
  if (given.some((approval) => approval.by === by)) {
    throw new DomainError(
      'invalid_state',
      `You have already approved opening the bids. Another member of the tender team must approve too (${required} different people are needed).`,
      { openingApprovals: required, approvalsGiven: given.length },
    );
  }
  const next = [...given, { by, at: now.toISOString() }];
  return { given: next, complete: next.length >= required };
}

/** Compliance gates and disqualification are evaluation work. */
export function assertAssessable(status: TenderFacts['status']): void {
  if (status !== 'evaluation' && status !== 'moderation') {
    throw new DomainError(
      'invalid_state',
      `Compliance and disqualification are recorded during evaluation or moderation; the tender is ${statusWords(status)}.`,
      {
        currentStatus: status,
      },
    );
  }
}

/* ------------------------------------------------------------ bid state ---------- */

/** A bid counts (is in the box) when a version was submitted and it was not withdrawn. */
export function isCounted(bid: Pick<BidFacts, 'status' | 'submittedVersionId'>): boolean {
  return bid.submittedVersionId !== null && bid.status !== 'withdrawn';
}

/** Withdrawn and disqualified bids are closed records. */
export function assertChangeable(bid: Pick<BidFacts, 'status'>, action: BidAction): void {
  if (bid.status === 'withdrawn' || bid.status === 'disqualified') {
    throw new DomainError('invalid_state', `This bid is ${bid.status}; it can no longer be ${action}.`, {
      currentStatus: bid.status,
    });
  }
}

export type EditPlan = 'update_draft' | 'open_new_version';

/**
 * Editing changes the open draft in place; with none (the last version was submitted) it
 * opens a new draft version, and the submitted one keeps counting until that is submitted.
 */
export function planEdit(bid: BidFacts): EditPlan {
  assertChangeable(bid, 'edited');
  return bid.draftVersionId !== null ? 'update_draft' : 'open_new_version';
}

export function assertSubmittable(bid: BidFacts): string {
  assertChangeable(bid, 'submitted');
  if (bid.draftVersionId === null) {
    throw new DomainError('invalid_state', 'This bid has no unsubmitted changes: its latest version is already submitted.', {
      currentStatus: bid.status,
    });
  }
  return bid.draftVersionId;
}

/** Statuses after a successful submit: the draft counts, the previous submission is superseded. */
export function afterSubmit(bid: BidFacts): {
  status: BidStatus;
  submittedVersionId: string;
  supersededVersionId: string | null;
} {
  const draftId = assertSubmittable(bid);
  return { status: 'submitted', submittedVersionId: draftId, supersededVersionId: bid.submittedVersionId };
}

/** A withdrawal stops a live bid (draft or submitted) from ever counting. */
export function assertWithdrawable(bid: Pick<BidFacts, 'status'>): void {
  assertChangeable(bid, 'withdrawn');
}

export function assertDisqualifiable(bid: Pick<BidFacts, 'status' | 'submittedVersionId'>): void {
  if (bid.status === 'disqualified')
    throw new DomainError('invalid_state', 'This bid is already disqualified.', { currentStatus: bid.status });
  if (!isCounted(bid))
    throw new DomainError('invalid_state', 'Only a submitted bid can be disqualified.', { currentStatus: bid.status });
}

/**
 * The key of "one live bid per bidder on a tender": an account's organisation, or for a
 * paper bid its bidder's name (case and spacing folded).
 */
export function activeKeyFor(bid: {
  paper: boolean;
  organisationId: string | null;
  bidderUserId: string | null;
  bidderName: string;
}): string {
  if (bid.paper) return `paper:${bid.bidderName.trim().replace(/\s+/gu, ' ').toLowerCase()}`;
  if (bid.organisationId) return `org:${bid.organisationId}`;
  return `user:${bid.bidderUserId}`;
}

/* ------------------------------------------------------------- content ---------- */

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

const WIDER_OUTCOMES = ['social_outcome', 'economic_outcome', 'environmental_outcome'];

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
      problems.push({ field: `${field}.criterion`, message: `This tender has no criterion "${response.criterion}": use the code of one of its questions.` });
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
      problems.push({ field: `${field}.criterion`, message: `${criterion.code} is answered more than once: give one response to it.` });
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
      } else if (!WIDER_OUTCOMES.includes(criterion.category ?? '')) {
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

/* ------------------------------------------------------------- numbers ---------- */

/** Exact: 1234.5 → 123450 (never via float multiplication). */
export function priceToPence(price: number): number {
  return toHundredthsExact(price);
}

/** 123450 → 1234.5 (a number with at most 2 decimals, exact for any price we accept). */
export function penceToPrice(pence: number): number {
  const whole = Math.trunc(pence / 100);
  const cents = Math.abs(pence % 100);
  return Number(`${pence < 0 && whole === 0 ? '-' : ''}${whole}.${String(cents).padStart(2, '0')}`);
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
