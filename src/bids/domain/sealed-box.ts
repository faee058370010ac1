/*
 * The sealed tender box, as pure functions: the deadline, which bid actions the tender
 * accepts, closing, the opening approvals, whether the box is open, and when gates and
 * disqualification may be recorded.
 */
import { DomainError } from '../../common/domain/domain-error';
import { statusWords } from '../../tenders/domain/tender-lifecycle';
import type { BidAction, TenderFacts } from './bid-facts';

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
    throw new DomainError(
      'invalid_state',
      `Bids can be ${action} only while the tender is published; it is ${statusWords(tender.status)}.`,
      {
        currentStatus: tender.status,
      },
    );
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

/**
 * The box is open once the tender was closed: in evaluation or later, or cancelled after
 * closing. A tender cancelled before it closed keeps its bids sealed for good (they are
 * never opened, as with paper tenders returned unopened).
 */
export function boxIsOpen(tender: Pick<TenderFacts, 'status' | 'closedAt'>): boolean {
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

export function assertBoxOpen(tender: Pick<TenderFacts, 'status' | 'closedAt'>): void {
  if (!boxIsOpen(tender)) {
    throw new DomainError(
      'invalid_state',
      tender.status === 'cancelled'
        ? 'The tender was cancelled before it closed: its bids stay sealed.'
        : `Bids are sealed until the tender is closed after its deadline; it is ${statusWords(tender.status)}. Only the number of submitted bids is known.`,
      { currentStatus: tender.status },
    );
  }
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
