import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { Db } from '../database/db.service';
import type { TenderResponse } from './dto/tender.response';
import { SubmittedBidCounter } from './submitted-bid-counter';
import { transition } from './domain/tender-lifecycle';
import { Tender } from './tender.entity';
import { TendersService } from './tenders.service';
import { approveOpening, assertMayClose } from '../bids/domain';

/** What a close request did: opened the box, or recorded an approval that awaits another. */
export interface ClosingOutcome {
  closed: boolean;
  tender: TenderResponse;
}

/**
 * Closing opens the box: `published → evaluation`, never before the bid deadline (server
 * clock). From then on the team sees the submitted bids. A tender with `openingApprovals: 2`
 * needs two different team members: the first request records an approval and the tender
 * stays published (bids sealed); the second opens it.
 */
@Injectable()
export class TenderClosing {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly tenders: TendersService,
    private readonly clock: Clock,
    private readonly counter: SubmittedBidCounter,
  ) {}

  close(caller: Caller, tenderId: string): Promise<ClosingOutcome> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team', { forUpdate: true });
      if (tender.openingApprovals > 1) {
        transition(tender.status, 'close'); // 409 unless published
        const now = this.clock.now();
        assertMayClose(now, tender.bidDeadline);
        const approval = approveOpening(tender.openingApprovalsGiven ?? [], caller.id, tender.openingApprovals, now);
        tender.openingApprovalsGiven = approval.given;
        await em.getRepository(Tender).save(tender);
        await this.audit.record(em, {
          actorId: caller.id,
          action: 'tender.opening_approved',
          entityType: 'tender',
          entityId: tender.id,
          tenderId: tender.id,
          after: { approval: approval.given.length, required: tender.openingApprovals },
        });
        if (!approval.complete) return { closed: false, tender: await this.tenders.get(caller, tenderId) };
      }
      return { closed: true, tender: await this.open(caller, tenderId) };
    });
  }

  private open(caller: Caller, tenderId: string): Promise<TenderResponse> {
    return this.tenders.changeStatus(caller, tenderId, 'close', async (em, tender) => {
      const now = this.clock.now();
      assertMayClose(now, tender.bidDeadline);
      tender.closedAt = now;
      const counts = await this.counter.submittedCounts(em, [tender.id]);
      const approvedBy =
        tender.openingApprovals > 1 ? { approvedBy: (tender.openingApprovalsGiven ?? []).map((approval) => approval.by) } : {};
      return { closedAt: now.toISOString(), submittedBidCount: counts.get(tender.id) ?? 0, ...approvedBy };
    });
  }
}
