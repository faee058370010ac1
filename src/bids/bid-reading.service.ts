import { Injectable } from '@nestjs/common';
import { SEALED_READ_REFUSED, SealedBidsRefused, TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Db } from '../database/db.service';
import { BidContent } from './bid-content.service';
import type { BidDetailResponse } from './dto/bid.response';

/** Reading bids: what TenderAccess lets the caller see, and nothing else. */
@Injectable()
export class BidReadingService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly content: BidContent,
    private readonly audit: AuditService,
  ) {}

  list(caller: Caller, tenderId: string): Promise<BidDetailResponse[]> {
    return this.recordingSealedRefusals(caller, () =>
      this.db.read(async (em) => {
        const { tender, bids } = await this.access.visibleBids(em, caller, tenderId);
        const criteria = await this.content.criteria(em, tenderId);
        return this.content.presentAll(em, tender, bids, criteria);
      }),
    );
  }

  get(caller: Caller, tenderId: string, bidId: string): Promise<BidDetailResponse> {
    return this.recordingSealedRefusals(caller, () =>
      this.db.read(async (em) => {
        const { tender, bid, viewer, keeper } = await this.access.requireBid(em, caller, tenderId, bidId, 'read');
        return this.content.present(em, tender, bid, { viewer, keeper });
      }),
    );
  }

  /**
   * The bidder's answer to one criterion, under exactly the access of `get` (the same grant,
   * the same version shown); null when the bid gives none. The criterion and check pages read
   * this rather than the whole bid.
   */
  answer(caller: Caller, tenderId: string, bidId: string, criterionId: string): Promise<string | null> {
    return this.recordingSealedRefusals(caller, () =>
      this.db.read(async (em) => {
        const { bid, viewer, keeper } = await this.access.requireBid(em, caller, tenderId, bidId, 'read');
        return this.content.answer(em, bid, { viewer, keeper }, criterionId);
      }),
    );
  }

  /**
   * A refused read of sealed bids leaves a trace: who asked, for what, when (never any bid
   * content). The read itself fails, so the audit row is written in a transaction of its own,
   * after the read's unit of work has ended; then the refusal is answered as before.
   */
  private async recordingSealedRefusals<T>(caller: Caller, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof SealedBidsRefused) {
        await this.db.transaction((em) =>
          this.audit.record(em, {
            actorId: caller.id,
            action: SEALED_READ_REFUSED,
            entityType: error.bidId ? 'bid' : 'tender',
            entityId: error.bidId ?? error.tenderId,
            tenderId: error.tenderId,
            after: { asked: error.bidId ? 'bid' : 'bid list', role: caller.role, answer: error.code },
          }),
        );
      }
      throw error;
    }
  }
}
