/*
 * The vocabulary of bids: their statuses, the limits of what a bidder may send, and the
 * facts of tenders, bids and criteria the pure bid rules read (structurally the entities).
 */
import type { TenderStatus } from '../../tenders/domain/tender-lifecycle';
import type { CriterionKind } from '../../criteria/domain/criteria-vocabulary';

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
  kind: CriterionKind;
  category: string | null;
  maxWords: number | null;
}

export type BidAction = 'created' | 'edited' | 'submitted' | 'withdrawn';
