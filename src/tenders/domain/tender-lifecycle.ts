import { DomainError } from '../../common/domain/domain-error';

/**
 * The tender lifecycle (API.md): draft → published → evaluation → moderation → awarded,
 * and cancelled from any open state. Pure: which action is allowed in which state.
 */
export const TENDER_STATUSES = ['draft', 'published', 'evaluation', 'moderation', 'awarded', 'cancelled'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

export type TenderAction = 'publish' | 'close' | 'start_moderation' | 'award' | 'cancel';

const TRANSITIONS: Record<TenderAction, Partial<Record<TenderStatus, TenderStatus>>> = {
  publish: { draft: 'published' },
  close: { published: 'evaluation' },
  start_moderation: { evaluation: 'moderation' },
  award: { moderation: 'awarded' },
  cancel: { draft: 'cancelled', published: 'cancelled', evaluation: 'cancelled', moderation: 'cancelled' },
};

const ACTION_WORDS: Record<TenderAction, string> = {
  publish: 'published',
  close: 'closed',
  start_moderation: 'moved to moderation',
  award: 'awarded',
  cancel: 'cancelled',
};

const STATUS_WORDS: Record<TenderStatus, string> = {
  draft: 'a draft',
  published: 'published',
  evaluation: 'in evaluation',
  moderation: 'in moderation',
  awarded: 'awarded',
  cancelled: 'cancelled',
};

/** A status as it reads after "the tender is": "in moderation", "a draft", "awarded". */
export function statusWords(status: TenderStatus): string {
  return STATUS_WORDS[status] ?? status;
}

/** "a draft, published or in evaluation". */
export function statusList(statuses: readonly TenderStatus[]): string {
  const words = statuses.map(statusWords);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function nextStatus(from: TenderStatus, action: TenderAction): TenderStatus | null {
  return TRANSITIONS[action][from] ?? null;
}

/** The next status, or a 409 saying which states allow the action. */
export function transition(from: TenderStatus, action: TenderAction): TenderStatus {
  const to = nextStatus(from, action);
  if (to) return to;
  const allowed = statusList(Object.keys(TRANSITIONS[action]) as TenderStatus[]);
  throw new DomainError(
    'invalid_state',
    `The tender is ${statusWords(from)}, so it cannot be ${ACTION_WORDS[action]}: only a tender that is ${allowed} can be.`,
    {
      currentStatus: from,
    },
  );
}

/** Awarded and cancelled tenders are frozen: every change answers 409. */
export function isFrozen(status: TenderStatus): boolean {
  return status === 'awarded' || status === 'cancelled';
}

export function assertNotFrozen(status: TenderStatus): void {
  if (isFrozen(status))
    throw new DomainError('invalid_state', `The tender is ${statusWords(status)}; it can no longer be changed.`);
}

/**
 * The scoring deadline, when there is one, falls after the bid deadline (scoring starts once
 * the bids are in). `field` names the value the request changed: 422 naming it otherwise.
 */
export function assertScoringDeadlineAfterBids(
  deadlines: { bidDeadline: Date; scoringDeadline: Date | null },
  field: 'scoringDeadline' | 'bidDeadline',
): void {
  const { bidDeadline, scoringDeadline } = deadlines;
  if (scoringDeadline === null || scoringDeadline.getTime() > bidDeadline.getTime()) return;
  const message =
    field === 'scoringDeadline'
      ? `The scoring deadline must be after the bid deadline, ${bidDeadline.toISOString()}.`
      : `The bid deadline must be before the scoring deadline, ${scoringDeadline.toISOString()}: move the scoring deadline too.`;
  throw new DomainError(
    'rule_violation',
    'The scoring deadline must be after the bid deadline: panel scoring starts once the bids are in.',
    {
      errors: [{ field, message }],
    },
  );
}

/** Scoring settings and criteria change only while draft. */
export function assertDraft(status: TenderStatus, what: string): void {
  if (status !== 'draft') {
    throw new DomainError(
      'invalid_state',
      `${what} can be changed only while the tender is a draft; it is ${statusWords(status)}.`,
    );
  }
}

/** Tender facts the sealed box depends on (structurally a `Tender`). */
export interface BoxFacts {
  status: TenderStatus;
  closedAt: Date | null;
}

/**
 * The box is open once the tender was closed: in evaluation or later, or cancelled after
 * closing. A tender cancelled before it closed keeps its bids sealed for good (they are
 * never opened, as with paper tenders returned unopened).
 */
export function boxIsOpen(tender: BoxFacts): boolean {
  switch (tender.status) {
    case 'evaluation':
    case 'moderation':
    case 'awarded':
      return true;
    case 'cancelled':
      return tender.closedAt !== null;
    case 'draft':
    case 'published':
      return false;
  }
}

export function assertBoxOpen(tender: BoxFacts): void {
  if (!boxIsOpen(tender)) {
    throw new DomainError(
      'invalid_state',
      tender.status === 'cancelled'
        ? 'The tender was cancelled before it closed: its bids stay sealed.'
        : `Bids are sealed until the tender is closed after its deadline; it is ${statusWords(tender.status)}. Only the number of submitted bids (submittedBidCount) is known.`,
      { currentStatus: tender.status },
    );
  }
}

/** Stage order, for "from evaluation on" style rules. */
const STAGE: Record<TenderStatus, number> = { draft: 0, published: 1, evaluation: 2, moderation: 3, awarded: 4, cancelled: -1 };

export function reached(status: TenderStatus, stage: Exclude<TenderStatus, 'cancelled'>): boolean {
  return STAGE[status] >= STAGE[stage];
}
