/*
 * Who relates how to a tender, and how each bid shows to them, as pure functions (no
 * framework, no ORM, no queries): the policy half of access. `TenderAccess` loads the facts
 * (the tender, the caller's team role and panel seat, the panel's bids and declarations)
 * once per request and asks these functions, for one bid or for many.
 *
 * What the caller may not see answers 404, never 403: it does not even exist for them.
 * Admins manage accounts and see no tender (separation of duties).
 */
import { isCounted } from '../bids/domain';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { assertBoxOpen, boxIsOpen, type BoxFacts } from '../tenders/domain/tender-lifecycle';
import type { TeamRole } from '../tenders/tender-team-member.entity';

/** Tender facts the policy needs (structurally a `Tender`). */
export interface TenderFacts extends BoxFacts {
  id: string;
  publishedAt: Date | null;
}

/** Bid facts the policy needs (structurally a `Bid`). */
export interface BidFacts {
  id: string;
  paper: boolean;
  bidderUserId: string | null;
  organisationId: string | null;
  status: 'draft' | 'submitted' | 'withdrawn' | 'disqualified';
  submittedVersionId: string | null;
}

/** What was found about the caller on one tender: a team role, a panel seat (its id). */
export interface CallerTies {
  teamRole: TeamRole | null;
  seatId: string | null;
}

/** How the caller relates to one tender. */
export interface TenderRelation {
  teamRole: TeamRole | null;
  /** Set by the panel feature: the caller's panel membership on this tender. */
  panelMemberId: string | null;
  /** A bidder account may see a tender once it is published. */
  bidderMayView: boolean;
}

export type TenderNeed = 'view' | 'team' | 'owner';

/**
 * What the caller wants with a bid: `read` its content, `change` it (edit, submit,
 * withdraw: the bidder, or the team for a paper bid) or `assess` it (compliance gates,
 * disqualification: the team once the box is open).
 */
export type BidPurpose = 'read' | 'change' | 'assess';

/** How one bid shows to the caller. */
export interface BidView {
  viewer: 'bidder' | 'team' | 'panel';
  /**
   * The bid's keeper — its bidder, or the team for a paper bid it entered while the box is
   * sealed — sees and changes the latest version; everyone else sees only the counted one.
   */
  keeper: boolean;
}

/**
 * May this panel member see this bid's content (and score it)? `not_found`: not a panel bid
 * (sealed, unknown, withdrawn, disqualified); `conflict`: they declared a conflict with it;
 * `undeclared`: they have not declared on every panel bid yet.
 */
export type PanelBidAccess = 'ok' | 'undeclared' | 'conflict' | 'not_found';

/** A panel member's facts on one tender: the panel bids (ids) and their declarations (bid id → conflict). */
export interface PanelFacts {
  panelBidIds: readonly string[];
  declared: ReadonlyMap<string, boolean>;
}

/** A bidder account's own session (a seat session is never a bidder's, whatever the account). */
export function actsAsBidder(caller: Caller): boolean {
  return caller.role === 'bidder' && !caller.seat;
}

/**
 * The caller's relation to a tender from their ties to it. An invitation session is its
 * seat and nothing else (the loader finds the seat only on the seat's own tender); an admin
 * none; a bidder may view once published (cancelled tenders too, so they can still read
 * their own bid and the reason). Only commissioner and procurement accounts sit on teams,
 * only panelist accounts on panels.
 */
export function relationOf(caller: Caller, tender: TenderFacts, ties: CallerTies): TenderRelation {
  if (caller.seat) return { teamRole: null, panelMemberId: ties.seatId, bidderMayView: false };
  if (caller.role === 'admin') return { teamRole: null, panelMemberId: null, bidderMayView: false };
  if (caller.role === 'bidder') return { teamRole: null, panelMemberId: null, bidderMayView: tender.publishedAt !== null };
  const onTeam = caller.role === 'commissioner' || caller.role === 'procurement';
  return {
    teamRole: onTeam ? ties.teamRole : null,
    panelMemberId: caller.role === 'panelist' ? ties.seatId : null,
    bidderMayView: false,
  };
}

/** Which ties the loader must look up for this caller (so it reads no table it need not). */
export function tiesToLoad(caller: Caller): { team: boolean; seat: boolean } {
  if (caller.seat) return { team: false, seat: true };
  return { team: caller.role === 'commissioner' || caller.role === 'procurement', seat: caller.role === 'panelist' };
}

/** The tender as `need` requires, or the refusal: 404 when not visible, 403 when visible but not theirs. */
export function assertNeed(relation: TenderRelation, need: TenderNeed): void {
  const visible = relation.teamRole !== null || relation.panelMemberId !== null || relation.bidderMayView;
  if (!visible) throw notFoundTender();
  if (need === 'team' && relation.teamRole === null) {
    // Visible (panel, bidder) but not theirs to change: role-level refusal.
    throw new DomainError('forbidden', 'Only the tender team can do this.');
  }
  if (need === 'owner' && relation.teamRole !== 'owner') {
    throw new DomainError('forbidden', "Only the tender's owner can do this.");
  }
}

/** Bid entry: a bidder for its organisation, or the team entering a paper bid; panel members 403. */
export function bidEntryAs(caller: Caller, relation: TenderRelation): 'bidder' | 'team' {
  if (relation.teamRole !== null) return 'team';
  if (actsAsBidder(caller)) return 'bidder';
  throw new DomainError('forbidden', 'Only bidders, or the tender team entering a bid received on paper, can create bids.');
}

/** From evaluation on, after declaring on every panel bid, never a bid declared a conflict with. */
export function panelBidAccess(panel: PanelFacts, bidId: string): PanelBidAccess {
  if (!panel.panelBidIds.includes(bidId)) return 'not_found';
  if (panel.declared.get(bidId) === true) return 'conflict';
  if (panel.panelBidIds.some((id) => !panel.declared.has(id))) return 'undeclared';
  return 'ok';
}

/**
 * How one bid shows to the caller. null: the bid does not exist for them; 'undeclared': a
 * panel member who must declare on every bid first. The sealed box: until the tender is
 * closed nobody but the bid's keeper sees any part of it. Once open, the team sees counted
 * bids (submitted, not withdrawn; drafts never) and a panel member those the panel rules
 * allow (`panel`: required for a panel member). Bidders always see their own, never a rival's.
 */
export function bidViewOf(
  caller: Caller,
  tender: BoxFacts,
  relation: TenderRelation,
  bid: BidFacts,
  panel: PanelFacts | null,
): BidView | 'undeclared' | null {
  const ownBid =
    actsAsBidder(caller) &&
    !bid.paper &&
    (bid.bidderUserId === caller.id || (bid.organisationId !== null && bid.organisationId === caller.organisationId));
  if (ownBid) return { viewer: 'bidder', keeper: true };
  const open = boxIsOpen(tender);
  const counted = isCounted(bid);
  if (relation.teamRole !== null) {
    if (bid.paper && !open) return { viewer: 'team', keeper: true };
    return open && counted ? { viewer: 'team', keeper: false } : null;
  }
  if (relation.panelMemberId !== null && open && counted) {
    if (!panel) throw new Error('bidViewOf: a panel member needs the panel facts');
    const access = panelBidAccess(panel, bid.id);
    if (access === 'ok') return { viewer: 'panel', keeper: false };
    return access === 'undeclared' ? 'undeclared' : null;
  }
  return null;
}

/** May the caller do `purpose` with a bid shown to them as `view`? 403 otherwise. */
export function assertPurpose(view: BidView, bid: Pick<BidFacts, 'paper'>, purpose: BidPurpose): void {
  if (purpose === 'change' && !view.keeper) {
    throw new DomainError(
      'forbidden',
      bid.paper ? 'Only the tender team changes a paper bid.' : 'Only its bidder can change a bid.',
    );
  }
  if (purpose === 'assess' && view.viewer !== 'team') {
    throw new DomainError('forbidden', 'Only the tender team records compliance and disqualifies bids.');
  }
}

/**
 * Which bids the caller may list: a bidder its own (every status); the team and the panel
 * the counted bids once the box is open (each then filtered by `bidViewOf`); anyone else
 * none. The team asking while sealed is refused (409: only the count is known).
 */
export function listScope(caller: Caller, tender: BoxFacts, relation: TenderRelation): 'own' | 'counted' | 'none' {
  if (actsAsBidder(caller)) return 'own';
  if (relation.teamRole === null && relation.panelMemberId === null) return 'none';
  if (relation.teamRole !== null) assertBoxOpen(tender);
  return boxIsOpen(tender) ? 'counted' : 'none';
}

/**
 * Is a bid the caller may not see hidden from them by the sealed box? For a bidder, every
 * bid but their own always is; for the team and the panel, every bid until the tender closes
 * (afterwards a hidden bid is a draft, a withdrawn one or a conflict: not sealed).
 */
export function sealedFrom(caller: Caller, tender: BoxFacts, relation: TenderRelation): boolean {
  if (actsAsBidder(caller)) return true;
  return (relation.teamRole !== null || relation.panelMemberId !== null) && !boxIsOpen(tender);
}

export const notFoundTender = (): DomainError => new DomainError('not_found', 'Tender not found.');
export const notFoundBid = (): DomainError => new DomainError('not_found', 'Bid not found.');
export const declareFirst = (): DomainError =>
  new DomainError(
    'invalid_state',
    'Declare any conflict of interest on every bid first (your declarations list shows which are left); then the bids open for you.',
  );

/**
 * What the caller may do with a bid's easy-read summary (issue 17, part 5), from how the bid
 * shows to them: the team writes and sends it once the box is open (never while it keeps a
 * sealed paper bid), the bid's own bidder fact-checks it, a panel member reads it (the bid's
 * panel rules apply: scoring open, declared, no conflict). null: not theirs at all.
 */
export function easyReadRole(view: BidView): 'team' | 'bidder' | 'panel' | null {
  if (view.viewer === 'team') return view.keeper ? null : 'team';
  return view.viewer;
}
