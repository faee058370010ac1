import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { ChainsVerification } from '../audit/domain/audit-chain';
import { AuditEventResponse } from '../audit/dto/audit-event.response';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { livedExperiencePseudonyms } from '../panel/panel-directory.service';
import { userNames } from '../users/user-directory';
import { trailRedaction } from './trail-rules';

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
      const rows = await this.audit.eventsOfTender(em, tenderId);
      const hide = trailRedaction(tender);
      const names = await userNames(
        em,
        rows.map((row) => row.actorId).filter((id): id is string => id !== null),
      );
      for (const [userId, pseudonym] of await livedExperiencePseudonyms(em, tenderId)) names.set(userId, pseudonym);
      return { events: rows.map((row) => AuditEventResponse.from(row, hide)), names };
    });
  }
}
