/*
 * A bid's own lifecycle, as pure functions: whether it counts, which changes its status
 * allows, how an edit is stored (draft updated or a new version), submit and withdrawal,
 * and the key that allows one live bid per bidder.
 */
import { DomainError } from '../../common/domain/domain-error';
import type { BidAction, BidFacts, BidStatus } from './bid-facts';

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
