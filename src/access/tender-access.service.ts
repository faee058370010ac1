import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain-error';
import { Tender } from '../tenders/tender.entity';
import { reached } from '../tenders/tender-lifecycle';
import { TenderTeamMember, type TeamRole } from '../tenders/tender-team-member.entity';

/** How the caller relates to one tender. */
export interface TenderRelation {
  teamRole: TeamRole | null;
  /** Set by the panel feature: the caller's panel membership on this tender. */
  panelMemberId: string | null;
  /** A bidder account may see a tender once it is published. */
  bidderMayView: boolean;
}

export type TenderNeed = 'view' | 'team' | 'owner';

export interface TenderAccessGrant {
  tender: Tender;
  relation: TenderRelation;
}

/**
 * The one place that decides who may see what on a tender (immich's access.ts idea).
 * What the caller may not see answers 404, never 403: it does not even exist for them.
 * Admins manage accounts and see no tender (separation of duties).
 */
@Injectable()
export class TenderAccess {
  async relationOf(em: EntityManager, caller: Caller, tender: Tender): Promise<TenderRelation> {
    if (caller.role === 'admin') return { teamRole: null, panelMemberId: null, bidderMayView: false };
    const team = await em.getRepository(TenderTeamMember).findOne({ where: { tenderId: tender.id, userId: caller.id } });
    return {
      teamRole: team?.role ?? null,
      panelMemberId: null,
      bidderMayView: caller.role === 'bidder' && tender.publishedAt !== null && reached(tender.status, 'published'),
    };
  }

  /** Loads the tender if the caller may see it as `need` requires; otherwise 404. */
  async require(em: EntityManager, caller: Caller, tenderId: string, need: TenderNeed = 'view'): Promise<TenderAccessGrant> {
    const tender = await em.getRepository(Tender).findOne({ where: { id: tenderId } });
    if (!tender) throw notFoundTender();
    const relation = await this.relationOf(em, caller, tender);
    const visible = relation.teamRole !== null || relation.panelMemberId !== null || relation.bidderMayView;
    if (!visible) throw notFoundTender();
    if (need === 'team' && relation.teamRole === null) {
      // Visible (panel, bidder) but not theirs to change: role-level refusal.
      throw new DomainError('forbidden', 'Only the tender team can do this.');
    }
    if (need === 'owner' && relation.teamRole !== 'owner') {
      throw new DomainError('forbidden', "Only the tender's owner can do this.");
    }
    return { tender, relation };
  }

  /** Ids of tenders the caller may list (team, panel, or published for bidders). */
  async visibleTenderIds(em: EntityManager, caller: Caller): Promise<string[] | 'published'> {
    if (caller.role === 'admin') return [];
    if (caller.role === 'bidder') return 'published';
    const team = await em.getRepository(TenderTeamMember).find({ where: { userId: caller.id } });
    return team.map((member) => member.tenderId);
  }
}

export const notFoundTender = (): DomainError => new DomainError('not_found', 'Tender not found.');
