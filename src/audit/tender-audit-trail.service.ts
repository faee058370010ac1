import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { boxIsOpen } from '../bids/domain';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { PanelMember } from '../panel/panel-member.entity';
import { pseudonymFor } from '../panel/domain/panel-rules';
import { reached } from '../tenders/domain/tender-lifecycle';
import { User } from '../users/user.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';
import { chainOf, type ChainsVerification } from './domain/audit-chain';
import { AuditEventResponse } from './dto/audit-event.response';

export interface TenderAuditTrail {
  events: AuditEventResponse[];
  /**
   * Actor id → the name to show: lived-experience panel members of this tender by their
   * pseudonym ("Lived experience 2"), as everywhere the record is read; everyone else by name.
   */
  names: Map<string, string>;
}

/**
 * A tender's trail for its team (GET /api/tenders/:id/audit and the audit page): while bids
 * are sealed no bid content, and until moderation no score values (a tender cancelled
 * during evaluation never reveals its scores either).
 */
@Injectable()
export class TenderAuditTrailService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
  ) {}

  /** The tender's own chain, the service chain and its anchors of the tender (team only). */
  async verify(caller: Caller, tenderId: string): Promise<ChainsVerification> {
    await this.db.read((em) => this.access.require(em, caller, tenderId, 'team'));
    return this.audit.verifyTender(tenderId);
  }

  trail(caller: Caller, tenderId: string): Promise<TenderAuditTrail> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      const rows = await em.getRepository(AuditEvent).find({ where: { chain: chainOf(tenderId) }, order: { seq: 'ASC' } });
      const hide = { bid_content: !boxIsOpen(tender), score: !reached(tender.status, 'moderation') };
      const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
      const users = actorIds.length
        ? await em.getRepository(User).find({ where: { id: In(actorIds) }, select: { id: true, name: true } })
        : [];
      const names = new Map(users.map((user) => [user.id, user.name]));
      const members = await em
        .getRepository(PanelMember)
        .find({ where: { tenderId }, select: { id: true, userId: true, group: true, joinOrder: true } });
      const pseudonyms = pseudonymFor(
        members.map((member) => ({ id: member.id, group: member.group, joinOrder: member.joinOrder, name: '' })),
      );
      for (const member of members) {
        if (member.group === 'lived_experience' && member.userId) names.set(member.userId, pseudonyms.get(member.id)!);
      }
      return { events: rows.map((row) => AuditEventResponse.from(row, hide)), names };
    });
  }
}
