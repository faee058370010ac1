import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import type { Tender } from '../tenders/tender.entity';
import type { AssessmentSummary } from './assessment-summary.entity';
import type { AssessmentSummaryDocumentResponse } from './dto/assessment-summary.response';
import { renderFile, type SummaryFormat } from './summary-files';
import { SummaryReader } from './summary-reader';
import { summaryOfBid } from './summary-queries';

const notSent = () => new DomainError('not_found', 'There is no assessment summary for you to read on this tender yet.');

/**
 * A supplier reads its own assessment summary once the team has recorded it as sent. Anyone
 * else — a rival bidder, the panel — and the supplier before it is sent get 404, as if there
 * were none. (The team works on summaries through AssessmentSummariesService.)
 */
@Injectable()
export class BidderSummaries {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly reader: SummaryReader,
  ) {}

  /** `bidId`: the bid the API names; the bidder's pages pass null and the bidder's own sent summary is found. */
  read(caller: Caller, tenderId: string, bidId: string | null): Promise<AssessmentSummaryDocumentResponse> {
    return this.db.read(async (em) => {
      const { tender, summary } = await this.sent(em, caller, tenderId, bidId);
      return this.reader.document(em, tender, summary);
    });
  }

  file(caller: Caller, tenderId: string, format: SummaryFormat): Promise<{ bytes: Buffer; fileName: string }> {
    return this.db.read(async (em) => {
      const { tender, summary } = await this.sent(em, caller, tenderId, null);
      return renderFile(tender, await this.reader.contentOf(em, tender, summary), format);
    });
  }

  /** Has this bidder a sent summary on the tender? (For the bid page's link: no figures read.) */
  hasSent(caller: Caller, tenderId: string): Promise<boolean> {
    return this.db.read(async (em) => {
      try {
        await this.sent(em, caller, tenderId, null);
        return true;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') return false;
        throw error;
      }
    });
  }

  private async sent(
    em: EntityManager,
    caller: Caller,
    tenderId: string,
    bidId: string | null,
  ): Promise<{ tender: Tender; summary: AssessmentSummary }> {
    if (caller.role !== 'bidder') throw notSent();
    let tender: Tender;
    let bidIds: string[];
    if (bidId) {
      const grant = await this.access.requireBid(em, caller, tenderId, bidId, 'read');
      if (grant.viewer !== 'bidder') throw notSent();
      tender = grant.tender;
      bidIds = [grant.bid.id];
    } else {
      const visible = await this.access.visibleBids(em, caller, tenderId);
      tender = visible.tender;
      bidIds = visible.bids.filter((entry) => entry.viewer === 'bidder').map((entry) => entry.bid.id);
    }
    if (tender.status !== 'awarded') throw notSent();
    for (const id of bidIds) {
      const summary = await summaryOfBid(em, tenderId, id);
      if (summary?.status === 'sent') return { tender, summary };
    }
    throw notSent();
  }
}
