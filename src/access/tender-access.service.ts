import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  bidOnTender,
  biddersBids,
  countedBids,
  countedBidsDeclaredBy,
  countedBidsKey,
  panelBidsAmong,
} from '../bids/bid-directory';
import { isCounted } from '../bids/domain';
import type { Bid } from '../bids/bid.entity';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import { declaredBy, seatOf, seatsOf } from '../panel/panel-directory.service';
import type { PanelMember } from '../panel/panel-member.entity';
import { teamRolesOf, tenderToWorkOn } from '../tenders/tender-directory';
import { boxIsOpen } from '../tenders/domain/tender-lifecycle';
import type { Tender } from '../tenders/tender.entity';
import {
  assertNeed,
  assertPurpose,
  bidEntryAs,
  bidViewOf,
  declareFirst,
  listScope,
  notFoundBid,
  notFoundTender,
  panelBidAccess,
  relationOf,
  sealedFrom,
  tiesToLoad,
  type BidPurpose,
  type BidView,
  type PanelBidAccess,
  type PanelFacts,
  type TenderNeed,
  type TenderRelation,
} from './access-rules';

export { notFoundBid, notFoundTender };
export type { BidPurpose, BidView, PanelBidAccess, TenderNeed, TenderRelation };

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

export interface TenderAccessGrant {
  tender: Tender;
  relation: TenderRelation;
}

export interface BidAccessGrant extends TenderAccessGrant, BidView {
  bid: Bid;
}

export interface VisibleBids extends TenderAccessGrant {
  bids: (BidView & { bid: Bid })[];
}

/**
 * The loading half of access (the policy is `access-rules.ts`): reads the tender, the
 * caller's team role and panel seat, and a panel member's panel bids and declarations —
 * each once per request, whatever the number of bids or tenders asked about — and answers
 * with the policy. Every query goes through the owning feature's directory.
 */
@Injectable()
export class TenderAccess {
  constructor(private readonly db: Db) {}

  async relationOf(em: EntityManager, caller: Caller, tender: Tender): Promise<TenderRelation> {
    return (await this.relate(em, caller, [tender]))[0].relation;
  }

  /** `relationOf` for many tenders at once: at most two statements, whatever their number. */
  async relationsOf(em: EntityManager, caller: Caller, tenders: readonly Tender[]): Promise<TenderRelation[]> {
    return (await this.relate(em, caller, tenders)).map(({ relation }) => relation);
  }

  /** Each tender's relation, and the panel seat itself when the caller holds one (so nobody loads it twice). */
  private async relate(
    em: EntityManager,
    caller: Caller,
    tenders: readonly Tender[],
  ): Promise<{ relation: TenderRelation; seat: PanelMember | null }[]> {
    const load = tiesToLoad(caller);
    const ids = tenders.map((tender) => tender.id);
    const seats = new Map<string, PanelMember>();
    if (caller.seat) {
      // An invitation session is that one seat and nothing else: every other tender does not
      // exist for it, and on its own tender it has no rights but the seat's.
      const { tenderId, panelMemberId } = caller.seat;
      const seat = ids.includes(tenderId) ? await seatOf(em, panelMemberId, caller.id, tenderId) : null;
      if (seat) seats.set(seat.tenderId, seat);
    } else if (load.seat) {
      for (const seat of await seatsOf(em, caller.id, ids)) seats.set(seat.tenderId, seat);
    }
    const team = load.team ? await teamRolesOf(em, caller.id, ids) : new Map<string, never>();
    return tenders.map((tender) => {
      const seat = seats.get(tender.id) ?? null;
      const relation = relationOf(caller, tender, { teamRole: team.get(tender.id) ?? null, seatId: seat?.id ?? null });
      return { relation, seat: relation.panelMemberId !== null ? seat : null };
    });
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
    // A page asking twice in one read (its frame, then a service) reads the tender and the ties once.
    const { tender, relation, seat } = await this.db.remember(
      `access.grant ${caller.id} ${caller.role} ${caller.seat?.panelMemberId ?? '-'} ${tenderId} ${forUpdate}`,
      async () => {
        const found = await tenderToWorkOn(em, tenderId, forUpdate);
        if (!found) throw notFoundTender();
        return { tender: found, ...(await this.relate(em, caller, [found]))[0] };
      },
    );
    assertNeed(relation, need);
    return { tender, relation, seat };
  }

  /**
   * Who is creating a bid: a bidder account for its organisation, or the tender team
   * entering a bid received on paper. Panel members: 403; admins and bidders on a tender
   * they cannot see: 404.
   */
  async requireBidEntry(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
  ): Promise<TenderAccessGrant & { as: 'bidder' | 'team' }> {
    const grant = await this.require(em, caller, tenderId, 'view');
    return { ...grant, as: bidEntryAs(caller, grant.relation) };
  }

  /**
   * The sealed box, for one bid (`bidViewOf`): a bid the caller may not see answers 404, as
   * if it did not exist; one they may see but not do `purpose` with, 403.
   */
  async requireBid(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    bidId: string,
    purpose: BidPurpose,
  ): Promise<BidAccessGrant> {
    const grant = await this.require(em, caller, tenderId, 'view');
    const { tender, relation } = grant;
    const bid = await this.bidOf(em, tenderId, bidId);
    const panel =
      bid && this.needsPanelFacts(relation, tender, [bid]) ? await this.panelFacts(em, tender, relation.panelMemberId!) : null;
    const view = bid ? bidViewOf(caller, tender, relation, bid, panel) : null;
    if (view === 'undeclared') throw declareFirst();
    if (bid && !view && purpose === 'read' && sealedFrom(caller, tender, relation))
      throw new SealedBidsRefused(notFoundBid(), tenderId, bid.id);
    if (!bid || !view) throw notFoundBid();
    assertPurpose(view, bid, purpose);
    return { ...grant, ...view, bid };
  }

  /**
   * The bids the caller may list (`listScope`, then `bidViewOf` for each): a bidder its own
   * (every status); the team the counted bids once the box is open — while sealed, 409
   * (only the count is known); a panel member those the panel rules allow. Oldest first.
   * A fixed number of statements, whatever the number of bids.
   */
  async visibleBids(em: EntityManager, caller: Caller, tenderId: string): Promise<VisibleBids> {
    const grant = await this.require(em, caller, tenderId, 'view');
    const { tender, relation } = grant;
    let scope: ReturnType<typeof listScope>;
    try {
      scope = listScope(caller, tender, relation);
    } catch (refusal) {
      throw refusal instanceof DomainError ? new SealedBidsRefused(refusal, tenderId, null) : refusal;
    }
    const candidates =
      scope === 'own'
        ? await biddersBids(em, tenderId, { userId: caller.id, organisationId: caller.organisationId })
        : scope === 'counted'
          ? await countedBids(em, tenderId, 'creation')
          : [];
    const panel = this.needsPanelFacts(relation, tender, candidates)
      ? await this.panelFacts(em, tender, relation.panelMemberId!)
      : null;
    const bids: VisibleBids['bids'] = [];
    for (const bid of candidates) {
      const view = bidViewOf(caller, tender, relation, bid, panel);
      if (view && view !== 'undeclared') bids.push({ ...view, bid });
    }
    return { ...grant, bids };
  }

  /** Does the policy need a panel member's facts for any of these bids? (Only counted bids in an open box.) */
  private needsPanelFacts(relation: TenderRelation, tender: Tender, bids: readonly Bid[]): boolean {
    return relation.teamRole === null && relation.panelMemberId !== null && boxIsOpen(tender) && bids.some(isCounted);
  }

  /**
   * One bid of the tender (any status), or null; read once per read-only unit of work (a page
   * checks a bid, then reads its answer and its easy-read summary under the same rules).
   */
  bidOf(em: EntityManager, tenderId: string, bidId: string): Promise<Bid | null> {
    return this.db.remember(`bid ${tenderId} ${bidId}`, () => bidOnTender(em, tenderId, bidId));
  }

  /**
   * A panel member's panel bid ids (oldest submission first) and their declarations on the
   * counted bids (bid → conflict), without any bid's row: one statement, once per read-only
   * unit of work. What a page about one bid needs (the criterion and check pages, a score saved).
   */
  panelFacts(em: EntityManager, tender: Tender, panelMemberId: string): Promise<PanelFacts> {
    return this.db.remember(`access.facts ${tender.id} ${tender.status} ${panelMemberId}`, async () => {
      if (!boxIsOpen(tender)) return { panelBidIds: [], declared: new Map() };
      const counted = await countedBidsDeclaredBy(em, tender.id, panelMemberId);
      const declared = new Map<string, boolean>();
      for (const bid of counted) if (bid.conflict !== null) declared.set(bid.id, bid.conflict);
      return { panelBidIds: panelBidsAmong(counted).map((bid) => bid.id), declared };
    });
  }

  /**
   * A panel member's panel bids themselves (oldest submission first) and declarations (bid →
   * conflict): two statements, once per read-only unit of work (what a page listing every bid needs).
   */
  panelOf(em: EntityManager, tender: Tender, panelMemberId: string): Promise<{ bids: Bid[]; facts: PanelFacts }> {
    return this.db.remember(`access.panel ${tender.id} ${tender.status} ${panelMemberId}`, async () => {
      const bids = await this.panelBids(em, tender);
      const declarations = await declaredBy(em, tender.id, panelMemberId);
      const declared = new Map(declarations.map((declaration) => [declaration.bidId, declaration.conflict]));
      return { bids, facts: { panelBidIds: bids.map((bid) => bid.id), declared } };
    });
  }

  /* ------------------------------------------------------------------ panel ---------- */

  /**
   * The caller's seat on this tender's panel. A panelist not on the panel does not see the
   * tender (404); anyone else who sees it (team, bidder) is refused the panel's action (403).
   */
  async requirePanelMember(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
  ): Promise<TenderAccessGrant & { member: PanelMember }> {
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
    // Among the counted bids, read once per read-only unit of work: the panel's bid names
    // (PanelDirectory) read the same rows.
    return panelBidsAmong(await this.db.remember(countedBidsKey(tender.id), () => countedBids(em, tender.id)));
  }

  /** See `panelBidAccess` in the policy: from evaluation on, declared on every panel bid, no conflict. */
  async panelBidAccess(em: EntityManager, tender: Tender, panelMemberId: string, bidId: string): Promise<PanelBidAccess> {
    return panelBidAccess(await this.panelFacts(em, tender, panelMemberId), bidId);
  }

  /** `panelBidAccess` as an answer: the bid, 409 until every declaration is made, else 404. */
  async requirePanelBid(em: EntityManager, tender: Tender, panelMemberId: string, bidId: string): Promise<Bid> {
    switch (await this.panelBidAccess(em, tender, panelMemberId, bidId)) {
      case 'ok': {
        // A panel bid is a bid of the tender: its row is read only once the member may work on it.
        const bid = await this.bidOf(em, tender.id, bidId);
        if (bid) return bid;
        throw notFoundBid();
      }
      case 'undeclared':
        throw declareFirst();
      case 'conflict':
      case 'not_found':
        throw notFoundBid();
    }
  }

  /** Ids of tenders the caller may list (team, panel, or published for bidders; an invitation session: its seat's tender). */
  async visibleTenderIds(em: EntityManager, caller: Caller): Promise<string[] | 'published'> {
    if (caller.seat) {
      const seat = await seatOf(em, caller.seat.panelMemberId, caller.id);
      return seat ? [seat.tenderId] : [];
    }
    if (caller.role === 'admin') return [];
    if (caller.role === 'bidder') return 'published';
    const load = tiesToLoad(caller);
    const team = load.team ? [...(await teamRolesOf(em, caller.id)).keys()] : [];
    const seats = load.seat ? (await seatsOf(em, caller.id)).map((seat) => seat.tenderId) : [];
    return [...new Set([...team, ...seats])];
  }
}
