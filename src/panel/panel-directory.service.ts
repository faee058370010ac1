import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { countedBidKeys, countedBidKeysKey, countedBids, countedBidsKey } from '../bids/bid-directory';
import { Db } from '../database/db.service';
import type { Bid } from '../bids/bid.entity';
import type { Tender } from '../tenders/tender.entity';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { hashInvitationToken } from './domain/invitation-token';
import { PanelInvitation } from './panel-invitation.entity';
import { PanelMember } from './panel-member.entity';
import { blindLabels, panelBidName, pseudonymFor, seatContact } from './domain/panel-rules';

/**
 * Reads the panel's records for the panel, scoring and moderation features (and the
 * exports): members with their pseudonyms, declarations, and the names bids go by on
 * panel pages. Who may see any of it is decided by TenderAccess, not here.
 */
@Injectable()
export class PanelDirectory {
  constructor(private readonly db: Db) {}

  members(em: EntityManager, tenderId: string): Promise<PanelMember[]> {
    return em.getRepository(PanelMember).find({ where: { tenderId }, relations: { user: true }, order: { joinOrder: 'ASC' } });
  }

  /** Member id → "Lived experience n" for lived-experience members, the name for professionals. */
  async recordNames(em: EntityManager, tenderId: string): Promise<Map<string, string>> {
    return this.namesOnRecord(await this.members(em, tenderId));
  }

  /** `recordNames` of members already read (by `members`, with their accounts). */
  namesOnRecord(members: readonly PanelMember[]): Map<string, string> {
    return pseudonymFor(
      members.map((m) => ({ id: m.id, group: m.group, joinOrder: m.joinOrder, name: m.user ? seatContact(m, m.user).name : '' })),
    );
  }

  declarations(em: EntityManager, tenderId: string, panelMemberId?: string): Promise<ConflictDeclaration[]> {
    return declarationsOf(em, tenderId, panelMemberId);
  }

  /** Bids submitted by the deadline (disqualified ones included), oldest submission first. */
  countedBids(em: EntityManager, tenderId: string): Promise<Bid[]> {
    // Read once per read-only unit of work: the panel pages' access check reads the same bids.
    return this.db.remember(countedBidsKey(tenderId), () => countedBids(em, tenderId));
  }

  /**
   * Bid id → the name a panel member sees: "Bid 1", "Bid 2"… under blind marking (numbered
   * over every counted bid, so a disqualification renames nothing), else the bidder name.
   */
  async panelBidNames(em: EntityManager, tender: Tender): Promise<Map<string, string>> {
    const bids = await this.countedBids(em, tender.id);
    const labels = blindLabels(bids);
    return new Map(bids.map((bid) => [bid.id, panelBidName(bid, tender.blindMarking, labels)]));
  }

  /**
   * `panelBidNames` for one counted bid. Under blind marking its number needs the other
   * counted bids' places only (`countedBidKeys`, three columns), never their rows.
   */
  async panelBidNameOf(em: EntityManager, tender: Tender, bid: Bid): Promise<string> {
    if (!tender.blindMarking) return panelBidName(bid, false, new Map());
    const keys = await this.db.remember(countedBidKeysKey(tender.id), () => countedBidKeys(em, tender.id));
    return panelBidName(bid, true, blindLabels(keys));
  }
}

/* The same queries as plain functions, for the features below the panel's module (access). */

/** The tender's declarations (one member's with `panelMemberId`), oldest first. */
export function declarationsOf(em: EntityManager, tenderId: string, panelMemberId?: string): Promise<ConflictDeclaration[]> {
  return em.getRepository(ConflictDeclaration).find({
    where: panelMemberId ? { tenderId, panelMemberId } : { tenderId },
    order: { declaredAt: 'ASC', id: 'ASC' },
  });
}

/** One member's declarations as bid and conflict only (what the access policy needs). */
export function declaredBy(
  em: EntityManager,
  tenderId: string,
  panelMemberId: string,
): Promise<Pick<ConflictDeclaration, 'bidId' | 'conflict'>[]> {
  return em.getRepository(ConflictDeclaration).find({
    where: { tenderId, panelMemberId },
    select: { id: true, bidId: true, conflict: true },
  });
}

/** The account's panel seats over `tenderIds` (every tender when omitted): one statement. */
export function seatsOf(em: EntityManager, userId: string, tenderIds?: readonly string[]): Promise<PanelMember[]> {
  if (tenderIds?.length === 0) return Promise.resolve([]);
  return em.getRepository(PanelMember).find({ where: tenderIds ? { userId, tenderId: In([...tenderIds]) } : { userId } });
}

/** One seat, if it is the account's (and on `tenderId`, when given). */
export function seatOf(em: EntityManager, seatId: string, userId: string, tenderId?: string): Promise<PanelMember | null> {
  return em.getRepository(PanelMember).findOne({ where: tenderId ? { id: seatId, userId, tenderId } : { id: seatId, userId } });
}

/** One seat by id, whoever holds it, or null. */
export function memberById(em: EntityManager, panelMemberId: string): Promise<PanelMember | null> {
  return em.getRepository(PanelMember).findOne({ where: { id: panelMemberId } });
}

/** The invitation a link's token was issued as (only its hash is stored), whatever its state, or null. */
export function invitationByToken(em: EntityManager, token: string): Promise<PanelInvitation | null> {
  return em.getRepository(PanelInvitation).findOne({ where: { tokenHash: hashInvitationToken(token) } });
}

/** How many invitations were issued to the seat after `since` (a new link retires what came before it). */
export function invitationsIssuedSince(em: EntityManager, panelMemberId: string, since: Date): Promise<number> {
  return em.getRepository(PanelInvitation).count({ where: { panelMemberId, issuedAt: MoreThan(since) } });
}

/** The tender's declared conflicts, as bid and member only (what the results engine needs). */
export function conflictsOf(em: EntityManager, tenderId: string): Promise<ConflictDeclaration[]> {
  return em.getRepository(ConflictDeclaration).find({
    where: { tenderId, conflict: true },
    select: { id: true, bidId: true, panelMemberId: true, conflict: true },
  });
}

/**
 * Account id → "Lived experience n" for the tender's lived-experience members with an
 * account (the audit trail names them so, as everywhere the record is read).
 */
export async function livedExperiencePseudonyms(em: EntityManager, tenderId: string): Promise<Map<string, string>> {
  const members = await em
    .getRepository(PanelMember)
    .find({ where: { tenderId }, select: { id: true, userId: true, group: true, joinOrder: true } });
  const pseudonyms = pseudonymFor(
    members.map((member) => ({ id: member.id, group: member.group, joinOrder: member.joinOrder, name: '' })),
  );
  const byUser = new Map<string, string>();
  for (const member of members) {
    if (member.group === 'lived_experience' && member.userId) byUser.set(member.userId, pseudonyms.get(member.id)!);
  }
  return byUser;
}
