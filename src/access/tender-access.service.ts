import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { isCounted } from '../bids/bid-rules';
import { Bid } from '../bids/bid.entity';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain-error';
import { ConflictDeclaration } from '../panel/conflict-declaration.entity';
import { PanelMember } from '../panel/panel-member.entity';
import { boxIsOpen, statusWords } from '../tenders/tender-lifecycle';
import { Tender } from '../tenders/tender.entity';
import { TenderTeamMember, type TeamRole } from '../tenders/tender-team-member.entity';

/**
 * A refusal that the sealed box caused: a signed-in caller asked to read bids they may not see
 * yet (the team or the panel before the tender closes, a bidder a rival's bid). The answer is
 * the same as any refusal (409 or 404); the reading service records the attempt on the audit
 * trail (`SEALED_READ_REFUSED`), in a transaction of its own because the request fails.
 */
export class SealedBidsRefused extends DomainError {
  constructor(
    refusal: DomainError,
    readonly tenderId: string,
    /** The bid asked for; null when the caller asked for the list. */
    readonly bidId: string | null,
  ) {
    super(refusal.code, refusal.detail, refusal.extensions);
  }
}

/** The audit action of a refused read of sealed bids; counted on the tender for its team. */
export const SEALED_READ_REFUSED = 'bid.sealed_read_refused';

/** How the caller relates to one tender. */
export interface TenderRelation {
  teamRole: TeamRole | null;
  /** Set by the panel feature: the caller's panel membership on this tender. */
  panelMemberId: string | null;
  /** A bidder account may see a tender once it is published. */
  bidderMayView: boolean;
}

export type TenderNeed = 'view' | 'team' | 'owner';

/** See `TenderAccess.panelBidAccess`. */
export type PanelBidAccess = 'ok' | 'undeclared' | 'conflict' | 'not_found';

export interface TenderAccessGrant {
  tender: Tender;
  relation: TenderRelation;
}

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

export interface BidAccessGrant extends TenderAccessGrant, BidView {
  bid: Bid;
}

export interface VisibleBids extends TenderAccessGrant {
  bids: (BidView & { bid: Bid })[];
}

/**
 * The one place that decides who may see what on a tender (immich's access.ts idea).
 * What the caller may not see answers 404, never 403: it does not even exist for them.
 * Admins manage accounts and see no tender (separation of duties).
 */
@Injectable()
export class TenderAccess {
  async relationOf(em: EntityManager, caller: Caller, tender: Tender): Promise<TenderRelation> {
    return (await this.relate(em, caller, tender)).relation;
  }

  /** The relation, and the panel seat itself when the caller holds one (so nobody loads it twice). */
  private async relate(em: EntityManager, caller: Caller, tender: Tender): Promise<{ relation: TenderRelation; seat: PanelMember | null }> {
    if (caller.seat) {
      // An invitation session is that one seat and nothing else: every other tender does not
      // exist for it, and on its own tender it has no rights but the seat's (even if the account
      // sits elsewhere or was given another relation since).
      const seat =
        caller.seat.tenderId === tender.id
          ? await em.getRepository(PanelMember).findOne({ where: { id: caller.seat.panelMemberId, tenderId: tender.id, userId: caller.id } })
          : null;
      return { relation: { teamRole: null, panelMemberId: seat?.id ?? null, bidderMayView: false }, seat };
    }
    if (caller.role === 'admin') return { relation: { teamRole: null, panelMemberId: null, bidderMayView: false }, seat: null };
    // Bidders: a published tender is public to them — cancelled ones too, so they can still
    // read their own bid and the reason. Only commissioner and procurement accounts sit on teams.
    if (caller.role === 'bidder') {
      return { relation: { teamRole: null, panelMemberId: null, bidderMayView: tender.publishedAt !== null }, seat: null };
    }
    const team =
      caller.role === 'commissioner' || caller.role === 'procurement'
        ? await em.getRepository(TenderTeamMember).findOne({ where: { tenderId: tender.id, userId: caller.id } })
        : null;
    // Panel seats are held by panelist accounts only (the panel feature enforces it).
    const seat =
      caller.role === 'panelist' ? await em.getRepository(PanelMember).findOne({ where: { tenderId: tender.id, userId: caller.id } }) : null;
    return { relation: { teamRole: team?.role ?? null, panelMemberId: seat?.id ?? null, bidderMayView: false }, seat };
  }

  /** Loads the tender if the caller may see it as `need` requires; otherwise 404. */
  async require(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    need: TenderNeed = 'view',
    options: { forUpdate?: boolean } = {},
  ): Promise<TenderAccessGrant> {
    const { tender, relation } = await this.grant(em, caller, tenderId, need, options.forUpdate ?? false);
    return { tender, relation };
  }

  private async grant(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    need: TenderNeed,
    forUpdate: boolean,
  ): Promise<TenderAccessGrant & { seat: PanelMember | null }> {
    const tender = await this.loadTender(em, tenderId, forUpdate);
    if (!tender) throw notFoundTender();
    const { relation, seat } = await this.relate(em, caller, tender);
    const visible = relation.teamRole !== null || relation.panelMemberId !== null || relation.bidderMayView;
    if (!visible) throw notFoundTender();
    if (need === 'team' && relation.teamRole === null) {
      // Visible (panel, bidder) but not theirs to change: role-level refusal.
      throw new DomainError('forbidden', 'Only the tender team can do this.');
    }
    if (need === 'owner' && relation.teamRole !== 'owner') {
      throw new DomainError('forbidden', "Only the tender's owner can do this.");
    }
    return { tender, relation, seat };
  }

  /**
   * Who is creating a bid: a bidder account for its organisation, or the tender team
   * entering a bid received on paper. Panel members: 403; admins and bidders on a tender
   * they cannot see: 404.
   */
  async requireBidEntry(em: EntityManager, caller: Caller, tenderId: string): Promise<TenderAccessGrant & { as: 'bidder' | 'team' }> {
    const grant = await this.require(em, caller, tenderId, 'view');
    if (grant.relation.teamRole !== null) return { ...grant, as: 'team' };
    if (actsAsBidder(caller)) return { ...grant, as: 'bidder' };
    throw new DomainError('forbidden', 'Only bidders, or the tender team entering a bid received on paper, can create bids.');
  }

  /**
   * The sealed box, for one bid. Until the tender is closed nobody but the bid's keeper
   * sees any part of it (404, as if it did not exist): not the team, not an admin. Once
   * open, the team sees counted bids (submitted, not withdrawn; drafts never) and a panel
   * member those the panel rules allow. Bidders always see their own and never a rival's.
   * A caller who may see the bid but not do `purpose` with it gets 403.
   */
  async requireBid(em: EntityManager, caller: Caller, tenderId: string, bidId: string, purpose: BidPurpose): Promise<BidAccessGrant> {
    const grant = await this.require(em, caller, tenderId, 'view');
    const bid = await em.getRepository(Bid).findOne({ where: { id: bidId, tenderId } });
    const view = bid ? await this.bidViewOf(em, caller, grant, bid) : null;
    if (view === 'undeclared') throw declareFirst();
    if (bid && !view && purpose === 'read' && sealedFrom(caller, grant)) throw new SealedBidsRefused(notFoundBid(), tenderId, bid.id);
    if (!bid || !view) throw notFoundBid();
    if (purpose === 'change' && !view.keeper) {
      throw new DomainError('forbidden', bid.paper ? 'Only the tender team changes a paper bid.' : 'Only its bidder can change a bid.');
    }
    if (purpose === 'assess' && view.viewer !== 'team') {
      throw new DomainError('forbidden', 'Only the tender team records compliance and disqualifies bids.');
    }
    return { ...grant, ...view, bid };
  }

  /**
   * The bids the caller may list: a bidder its own (every status); the team the counted
   * bids once the box is open — while sealed, 409 (only the count is known); a panel member
   * those the panel rules allow. Oldest first.
   */
  async visibleBids(em: EntityManager, caller: Caller, tenderId: string): Promise<VisibleBids> {
    const grant = await this.require(em, caller, tenderId, 'view');
    const { tender, relation } = grant;
    const repo = em.getRepository(Bid);
    const order = { createdAt: 'ASC' as const, id: 'ASC' as const };
    let candidates: Bid[];
    if (actsAsBidder(caller)) {
      const own = caller.organisationId ? [{ tenderId, organisationId: caller.organisationId }] : [];
      candidates = await repo.find({ where: [{ tenderId, bidderUserId: caller.id }, ...own], order });
    } else if (relation.teamRole !== null || relation.panelMemberId !== null) {
      if (relation.teamRole !== null && !boxIsOpen(tender)) {
        const refusal = new DomainError(
          'invalid_state',
          tender.status === 'cancelled'
            ? 'The tender was cancelled before it closed: its bids stay sealed.'
            : `Bids are sealed until the tender is closed after its deadline; it is ${statusWords(tender.status)}. Only the number of submitted bids (submittedBidCount) is known.`,
          { currentStatus: tender.status },
        );
        throw new SealedBidsRefused(refusal, tenderId, null);
      }
      candidates = boxIsOpen(tender)
        ? await repo.find({ where: { tenderId, submittedVersionId: Not(IsNull()), status: In(['submitted', 'disqualified']) }, order })
        : [];
    } else {
      candidates = [];
    }
    const bids: VisibleBids['bids'] = [];
    for (const bid of candidates) {
      const view = await this.bidViewOf(em, caller, grant, bid);
      if (view && view !== 'undeclared') bids.push({ ...view, bid });
    }
    return { ...grant, bids };
  }

  /** null: the bid does not exist for this caller; 'undeclared': a panel member who must declare on every bid first. */
  private async bidViewOf(em: EntityManager, caller: Caller, grant: TenderAccessGrant, bid: Bid): Promise<BidView | 'undeclared' | null> {
    const { tender, relation } = grant;
    const ownBid =
      actsAsBidder(caller) &&
      !bid.paper &&
      (bid.bidderUserId === caller.id || (bid.organisationId !== null && bid.organisationId === caller.organisationId));
    if (ownBid) return { viewer: 'bidder', keeper: true };
    const open = boxIsOpen(tender);
    if (relation.teamRole !== null) {
      if (bid.paper && !open) return { viewer: 'team', keeper: true };
      return open && isCounted(bid) ? { viewer: 'team', keeper: false } : null;
    }
    if (relation.panelMemberId !== null && open && isCounted(bid)) {
      // Panel members read a bid's content only when the panel rules (declarations, conflicts) say 'ok'.
      const access = await this.panelBidAccess(em, tender, relation.panelMemberId, bid.id);
      if (access === 'ok') return { viewer: 'panel', keeper: false };
      return access === 'undeclared' ? 'undeclared' : null;
    }
    return null;
  }

  /* ------------------------------------------------------------------ panel ---------- */

  /**
   * The caller's seat on this tender's panel. A panelist not on the panel does not see the
   * tender (404); anyone else who sees it (team, bidder) is refused the panel's action (403).
   */
  async requirePanelMember(em: EntityManager, caller: Caller, tenderId: string): Promise<TenderAccessGrant & { member: PanelMember }> {
    const { tender, relation, seat } = await this.grant(em, caller, tenderId, 'view', false);
    if (seat === null) throw new DomainError('forbidden', "Only members of this tender's evaluation panel can do this.");
    return { tender, relation, member: seat };
  }

  /**
   * The bids a panel member declares on and may score, oldest submission first: counted
   * (submitted by the deadline, not withdrawn) and not disqualified, once the box is open.
   */
  async panelBids(em: EntityManager, tender: Tender): Promise<Bid[]> {
    if (!boxIsOpen(tender)) return [];
    return em.getRepository(Bid).find({
      where: { tenderId: tender.id, status: 'submitted', submittedVersionId: Not(IsNull()) },
      order: { submittedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * May this panel member see this bid's content (and score it)? From evaluation on, and
   * only after declaring an interest on every panel bid (conflicts of interest first), and
   * never a bid they declared a conflict with. `not_found`: not a panel bid (sealed,
   * unknown, withdrawn, disqualified).
   */
  async panelBidAccess(em: EntityManager, tender: Tender, panelMemberId: string, bidId: string): Promise<PanelBidAccess> {
    return (await this.checkPanelBid(em, tender, panelMemberId, bidId)).access;
  }

  /** `panelBidAccess` as an answer: the bid, 409 until every declaration is made, else 404. */
  async requirePanelBid(em: EntityManager, tender: Tender, panelMemberId: string, bidId: string): Promise<Bid> {
    const { access, bid } = await this.checkPanelBid(em, tender, panelMemberId, bidId);
    switch (access) {
      case 'ok':
        return bid!;
      case 'undeclared':
        throw declareFirst();
      case 'conflict':
      case 'not_found':
        throw notFoundBid();
    }
  }

  private async checkPanelBid(
    em: EntityManager,
    tender: Tender,
    panelMemberId: string,
    bidId: string,
  ): Promise<{ access: PanelBidAccess; bid: Bid | null }> {
    const bids = await this.panelBids(em, tender);
    const bid = bids.find((candidate) => candidate.id === bidId) ?? null;
    if (!bid) return { access: 'not_found', bid };
    const declarations = await em.getRepository(ConflictDeclaration).find({ where: { tenderId: tender.id, panelMemberId } });
    const byBid = new Map(declarations.map((declaration) => [declaration.bidId, declaration]));
    if (byBid.get(bidId)?.conflict) return { access: 'conflict', bid };
    if (bids.some((candidate) => !byBid.has(candidate.id))) return { access: 'undeclared', bid };
    return { access: 'ok', bid };
  }

  /**
   * On PostgreSQL, inside a write transaction, every change to a tender's work holds the
   * tender row FOR SHARE and every change to the tender itself (status, settings) FOR UPDATE:
   * so an award or a start-moderation waits for in-flight score and bid writes and decides on
   * what they committed, while ordinary writers still run side by side. SQLite runs one unit
   * of work at a time and needs no lock.
   */
  private loadTender(em: EntityManager, tenderId: string, forUpdate: boolean): Promise<Tender | null> {
    const query = em.getRepository(Tender).createQueryBuilder('tender').where('tender.id = :tenderId', { tenderId });
    const inTransaction = em.queryRunner?.isTransactionActive === true;
    if (inTransaction && em.connection.options.type === 'postgres') {
      query.setLock(forUpdate ? 'pessimistic_write' : 'pessimistic_read');
    }
    return query.getOne();
  }

  /** Ids of tenders the caller may list (team, panel, or published for bidders; an invitation session: its seat's tender). */
  async visibleTenderIds(em: EntityManager, caller: Caller): Promise<string[] | 'published'> {
    if (caller.seat) {
      const seat = await em.getRepository(PanelMember).findOne({ where: { id: caller.seat.panelMemberId, userId: caller.id } });
      return seat ? [seat.tenderId] : [];
    }
    if (caller.role === 'admin') return [];
    if (caller.role === 'bidder') return 'published';
    const team = await em.getRepository(TenderTeamMember).find({ where: { userId: caller.id } });
    const seats = caller.role === 'panelist' ? await em.getRepository(PanelMember).find({ where: { userId: caller.id } }) : [];
    return [...new Set([...team.map((member) => member.tenderId), ...seats.map((seat) => seat.tenderId)])];
  }
}

/** A bidder account's own session (a seat session is never a bidder's, whatever the account). */
const actsAsBidder = (caller: Caller): boolean => caller.role === 'bidder' && !caller.seat;

/**
 * Is a bid the caller may not see hidden from them by the sealed box? For a bidder, every
 * bid but their own always is; for the team and the panel, every bid until the tender closes
 * (afterwards a hidden bid is a draft, a withdrawn one or a conflict: not sealed).
 */
function sealedFrom(caller: Caller, grant: TenderAccessGrant): boolean {
  if (actsAsBidder(caller)) return true;
  const { relation, tender } = grant;
  return (relation.teamRole !== null || relation.panelMemberId !== null) && !boxIsOpen(tender);
}

export const notFoundTender = (): DomainError => new DomainError('not_found', 'Tender not found.');
export const notFoundBid = (): DomainError => new DomainError('not_found', 'Bid not found.');
const declareFirst = (): DomainError =>
  new DomainError('invalid_state', 'Declare any conflict of interest on every bid first (your declarations list shows which are left); then the bids open for you.');
