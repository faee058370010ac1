import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { CriteriaService } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { BidContent } from './bid-content.service';
import { assertAssessable, assertDisqualifiable } from './domain';
import { Bid } from './bid.entity';
import { ComplianceRecord } from './compliance-record.entity';
import type { RecordComplianceDto } from './dto/bid-actions.dto';
import { ComplianceRecordResponse, type BidDetailResponse } from './dto/bid.response';

/**
 * The team's evaluation work on an opened bid: pass/fail gates and disqualification, only
 * while the tender is in evaluation or moderation, each audited with before and after.
 */
@Injectable()
export class BidAssessmentService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly content: BidContent,
  ) {}

  recordCompliance(
    caller: Caller,
    tenderId: string,
    bidId: string,
    criterionRef: string,
    dto: RecordComplianceDto,
  ): Promise<ComplianceRecordResponse> {
    return this.db.transaction(async (em) => {
      const { tender, bid } = await this.access.requireBid(em, caller, tenderId, bidId, 'assess');
      assertAssessable(tender.status);
      const criterion = await this.criteria.resolve(em, tenderId, criterionRef);
      if (criterion.kind !== 'pass_fail') {
        throw new DomainError(
          'rule_violation',
          `${criterion.code} is a ${criterion.kind} criterion: compliance is recorded on pass/fail gates only.`,
          {
            errors: [{ field: 'criterion', message: `${criterion.code} is not a pass/fail gate: choose one of the gates.` }],
          },
        );
      }
      const repo = em.getRepository(ComplianceRecord);
      const existing = await repo.findOne({ where: { bidId: bid.id, criterionId: criterion.id } });
      const before = existing ? { criterion: criterion.code, passed: existing.passed, note: existing.note } : null;
      const record = existing ?? repo.create({ id: newId(), bidId: bid.id, criterionId: criterion.id });
      record.passed = dto.passed;
      record.note = dto.note?.trim() ?? '';
      record.recordedById = caller.id;
      record.recordedAt = this.clock.now();
      await repo.save(record);
      await this.audit.record(em, {
        actorId: caller.id,
        action: existing ? 'bid.compliance_changed' : 'bid.compliance_recorded',
        entityType: 'bid',
        entityId: bid.id,
        tenderId,
        sensitivity: 'bid_content',
        before,
        after: { criterion: criterion.code, passed: record.passed, note: record.note },
      });
      return ComplianceRecordResponse.from(record, new Map([[criterion.id, { code: criterion.code, position: 0 }]]));
    });
  }

  disqualify(caller: Caller, tenderId: string, bidId: string, reason: string): Promise<BidDetailResponse> {
    return this.db.transaction(async (em) => {
      const { tender, bid, viewer, keeper } = await this.access.requireBid(em, caller, tenderId, bidId, 'assess');
      assertAssessable(tender.status);
      assertDisqualifiable(bid);
      const now = this.clock.now();
      const before = { status: bid.status };
      bid.status = 'disqualified';
      bid.disqualifiedAt = now;
      bid.disqualifiedById = caller.id;
      bid.disqualificationReason = reason.trim();
      bid.updatedAt = now;
      await em.getRepository(Bid).save(bid);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'bid.disqualified',
        entityType: 'bid',
        entityId: bid.id,
        tenderId,
        sensitivity: 'bid_content',
        before,
        after: { status: bid.status, reason: bid.disqualificationReason },
      });
      return this.content.present(em, tender, bid, { viewer, keeper });
    });
  }
}
