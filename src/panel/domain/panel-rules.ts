/*
 * Rules of the evaluation panel (API.md "Panel and scoring", SCORING.md §7–§8), as pure
 * functions: who may join when, what a panelist is called where, how a declaration of
 * interest may change, and in whose words a criterion is explained.
 *
 * Imports nothing but local pure code, so services and tests call it without DI.
 */
import type { PanelGroup } from '../../criteria/domain';
import { DomainError } from '../../common/domain/domain-error';
import { statusWords, type TenderStatus } from '../../tenders/domain/tender-lifecycle';

/* ------------------------------------------------------------- membership ---------- */

/**
 * The panel is formed while the tender is prepared and open (draft, published), and may
 * still grow during evaluation (a member who falls ill is replaced; late joiners declare
 * and score like everyone else). Once moderation opens the panel that scored is the
 * panel on the record: nobody joins.
 */
export const PANEL_JOIN_STATUSES: readonly TenderStatus[] = ['draft', 'published', 'evaluation'];

/**
 * A member may be removed only before evaluation: from then on they may have declared
 * interests or scored, and those stay on the record with their membership.
 */
export const PANEL_REMOVE_STATUSES: readonly TenderStatus[] = ['draft', 'published'];

export function assertMayJoinPanel(status: TenderStatus): void {
  if (!PANEL_JOIN_STATUSES.includes(status)) {
    throw new DomainError(
      'invalid_state',
      `Panel members can be added while the tender is a draft, published or in evaluation; it is ${statusWords(status)}.`,
      { currentStatus: status },
    );
  }
}

export function assertMayLeavePanel(status: TenderStatus): void {
  if (!PANEL_REMOVE_STATUSES.includes(status)) {
    throw new DomainError(
      'invalid_state',
      `Panel members can be removed only before evaluation starts (while the tender is a draft or published); it is ${statusWords(status)}. ` +
        'Their declarations and scores stay on the record.',
      { currentStatus: status },
    );
  }
}

/** Invitations are issued and revoked while the tender is open for work (not awarded or cancelled). */
export function assertMayInvite(status: TenderStatus): void {
  if (status === 'awarded' || status === 'cancelled') {
    throw new DomainError('invalid_state', `The tender is ${statusWords(status)}; no invitations can be issued or revoked.`, {
      currentStatus: status,
    });
  }
}

/* ------------------------------------------------------------ who is shown ---------- */

export interface SeatContact {
  /** What the team typed when adding by email (null when added by userId). */
  contactName: string | null;
  contactEmail: string | null;
  /** When the person first signed in for the seat. */
  acceptedAt: Date | null;
}

/**
 * How the team sees a member. Added by email, a member is shown by the name and email the
 * team typed until they accept the seat (redeem its link or sign in with their password):
 * the account's own name would tell the team that an account with that address exists.
 * Once accepted, the account's name; the email stays the one typed (the account of a lay
 * member may carry a placeholder address, see PanelService).
 */
export function seatContact(seat: SeatContact, account: { name: string; email: string }): { name: string; email: string } {
  return {
    name: seat.acceptedAt !== null || seat.contactName === null ? account.name : seat.contactName,
    email: seat.contactEmail ?? account.email,
  };
}

/* ------------------------------------------------------------- pseudonyms ---------- */

export interface PseudonymInput {
  id: string;
  group: PanelGroup;
  /** 1, 2, 3… in the order members joined this tender's panel. */
  joinOrder: number;
  name: string;
}

export const LIVED_EXPERIENCE_PSEUDONYM = 'Lived experience';

/**
 * How each member is named in anything recorded or exported: lived-experience members as
 * "Lived experience 1", "Lived experience 2"… by order of joining (so the number never
 * changes once evaluation starts); professionals by their name, as evaluation records
 * name professional evaluators. A bidder never sees any of these.
 */
export function pseudonymFor(members: readonly PseudonymInput[]): Map<string, string> {
  const names = new Map<string, string>();
  const lived = members
    .filter((member) => member.group === 'lived_experience')
    .sort((a, b) => a.joinOrder - b.joinOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  lived.forEach((member, index) => names.set(member.id, `${LIVED_EXPERIENCE_PSEUDONYM} ${index + 1}`));
  for (const member of members) if (!names.has(member.id)) names.set(member.id, member.name);
  return names;
}

/* --------------------------------------------------------- blind marking ---------- */

export interface LabelledBid {
  id: string;
  submittedAt: Date | null;
}

/**
 * "Bid 1", "Bid 2"… by submission time (then id), over every bid that was submitted by
 * the deadline, disqualified ones included: a later disqualification never renames the
 * bids a panelist has already been reading.
 */
export function blindLabels(bids: readonly LabelledBid[]): Map<string, string> {
  const ordered = [...bids].sort((a, b) => {
    const at = (a.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER);
    return at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return new Map(ordered.map((bid, index) => [bid.id, `Bid ${index + 1}`]));
}

/** The name a panelist sees for a bid wherever they see its content or score it. */
export function panelBidName(
  bid: { id: string; bidderName: string },
  blindMarking: boolean,
  labels: Map<string, string>,
): string {
  return blindMarking ? (labels.get(bid.id) ?? 'Bid') : bid.bidderName;
}

/* ------------------------------------------------------------ declarations ---------- */

export interface Declaration {
  conflict: boolean;
  details: string | null;
}

export type DeclarationChange = 'created' | 'unchanged' | 'escalated';

/**
 * A declaration is a statement on the record. The first one may say either; afterwards
 * the only change is no conflict → conflict (a panelist realises, late, that they know
 * the bidder), which also makes their scores on that bid unusable (SCORING.md §3.2).
 * Conflict → no conflict is refused: otherwise a conflicted panelist could declare
 * themselves clear again and score. Repeating the same declaration changes nothing.
 */
export function declarationChange(existing: Declaration | null, next: Declaration): DeclarationChange {
  if (!existing) return 'created';
  if (existing.conflict === next.conflict && (existing.details ?? null) === (next.details ?? null)) return 'unchanged';
  if (!existing.conflict && next.conflict) return 'escalated';
  if (existing.conflict && !next.conflict) {
    throw new DomainError(
      'invalid_state',
      'A declared conflict of interest cannot be withdrawn. Ask the tender team if it was recorded by mistake.',
    );
  }
  throw new DomainError('invalid_state', 'This declaration is already on the record and cannot be reworded.');
}

/** Declarations open when bids do (evaluation) and stay open through moderation. */
export function assertDeclarationsOpen(status: TenderStatus): void {
  if (status !== 'evaluation' && status !== 'moderation') {
    throw new DomainError(
      'invalid_state',
      status === 'draft' || status === 'published'
        ? 'Bids are sealed until the tender closes; declarations of interest open then.'
        : `The tender is ${statusWords(status)}; declarations are closed.`,
      { currentStatus: status },
    );
  }
}

/** Bids the member still has to declare on. */
export function outstandingDeclarations(panelBidIds: readonly string[], declaredBidIds: ReadonlySet<string>): string[] {
  return panelBidIds.filter((id) => !declaredBidIds.has(id));
}

/* -------------------------------------------------------------- wording ---------- */

/**
 * Lived-experience members read the plain-language guidance and labels, professionals
 * the professional ones; each falls back on the other wording when a tender gave only one.
 */
export function guidanceFor(
  group: PanelGroup,
  criterion: { guidance: string | null; plainGuidance: string | null },
): string | null {
  return group === 'lived_experience'
    ? (criterion.plainGuidance ?? criterion.guidance)
    : (criterion.guidance ?? criterion.plainGuidance);
}

export interface ScaleLevel {
  score: number;
  label: string;
}

export function scaleLevelsFor(
  group: PanelGroup,
  scale: { min: number; max: number; labels: Record<string, { label: string; plainLabel: string }> },
): ScaleLevel[] {
  const levels: ScaleLevel[] = [];
  for (let score = scale.min; score <= scale.max; score++) {
    const labels = scale.labels[String(score)];
    const label = labels ? (group === 'lived_experience' ? labels.plainLabel : labels.label) : `Score ${score}`;
    levels.push({ score, label });
  }
  return levels;
}

/* --------------------------------------------------------------- progress ---------- */

export interface ProgressInput {
  /** The bids every member declares on (see TenderAccess.panelBids). */
  panelBidIds: readonly string[];
  declarations: readonly { bidId: string; conflict: boolean }[];
  /** The criteria this member's group scores. */
  criterionIds: readonly string[];
  scores: readonly { bidId: string; criterionId: string; status: 'draft' | 'submitted' }[];
}

/** What the team sees of a member's work before moderation: counts, never score values. */
export interface MemberProgress {
  bidsToDeclare: number;
  declared: number;
  declaredOnAllBids: boolean;
  conflicts: number;
  /** Panel bids without a conflict: the ones this member scores. */
  bidsToScore: number;
  scoresExpected: number;
  /** Draft or submitted. */
  scoresSaved: number;
  scoresSubmitted: number;
  /** Bids whose scores the member has submitted (locked). */
  bidsSubmitted: number;
}

export function memberProgress(input: ProgressInput): MemberProgress {
  const panelBids = new Set(input.panelBidIds);
  const declarations = input.declarations.filter((d) => panelBids.has(d.bidId));
  const conflicted = new Set(declarations.filter((d) => d.conflict).map((d) => d.bidId));
  const toScore = input.panelBidIds.filter((id) => !conflicted.has(id));
  const toScoreSet = new Set(toScore);
  const criteria = new Set(input.criterionIds);
  const scores = input.scores.filter((s) => toScoreSet.has(s.bidId) && criteria.has(s.criterionId));
  const submittedPerBid = new Map<string, number>();
  for (const score of scores) {
    if (score.status === 'submitted') submittedPerBid.set(score.bidId, (submittedPerBid.get(score.bidId) ?? 0) + 1);
  }
  return {
    bidsToDeclare: input.panelBidIds.length,
    declared: declarations.length,
    declaredOnAllBids: declarations.length === input.panelBidIds.length,
    conflicts: conflicted.size,
    bidsToScore: toScore.length,
    scoresExpected: toScore.length * criteria.size,
    scoresSaved: scores.length,
    scoresSubmitted: scores.filter((s) => s.status === 'submitted').length,
    bidsSubmitted: criteria.size === 0 ? 0 : toScore.filter((id) => submittedPerBid.get(id) === criteria.size).length,
  };
}

export type BidProgress = 'not_started' | 'in_progress' | 'completed' | 'submitted' | 'conflict';

/**
 * One member's work on one bid, for the team's progress grid: a declared conflict first;
 * then submitted (locked), completed (every criterion of their group saved, not yet
 * submitted), in progress (some saved) or not started. Counts only, never score values.
 */
export function bidProgress(input: {
  conflict: boolean;
  criterionIds: readonly string[];
  scores: readonly { criterionId: string; status: 'draft' | 'submitted' }[];
}): BidProgress {
  const criteria = new Set(input.criterionIds);
  const own = input.scores.filter((s) => criteria.has(s.criterionId));
  return bidProgressOfCounts({
    conflict: input.conflict,
    criteria: criteria.size,
    saved: own.length,
    submitted: own.filter((s) => s.status === 'submitted').length,
  });
}

/** `bidProgress` from counts: of `criteria` (the member's group's), `saved` have a score, `submitted` of them submitted. */
export function bidProgressOfCounts(input: {
  conflict: boolean;
  criteria: number;
  saved: number;
  submitted: number;
}): BidProgress {
  if (input.conflict) return 'conflict';
  if (input.saved === 0) return 'not_started';
  if (input.criteria > 0 && input.submitted === input.criteria) return 'submitted';
  return input.saved === input.criteria ? 'completed' : 'in_progress';
}

/* ------------------------------------------------------------ invitations ---------- */

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export type InvitationState = 'pending' | 'used' | 'expired' | 'revoked';

export function invitationState(
  invitation: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.usedAt) return 'used';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function invitationExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + INVITATION_LIFETIME_MS);
}
