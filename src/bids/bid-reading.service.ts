import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
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
  ) {}

  list(caller: Caller, tenderId: string): Promise<BidDetailResponse[]> {
    return this.db.read(async (em) => {
      const { tender, bids } = await this.access.visibleBids(em, caller, tenderId);
      const criteria = await this.content.criteria(em, tenderId);
      const out: BidDetailResponse[] = [];
      for (const { bid, viewer, keeper } of bids)
        out.push(await this.content.present(em, tender, bid, { viewer, keeper }, { criteria }));
      return out;
    });
  }

  get(caller: Caller, tenderId: string, bidId: string): Promise<BidDetailResponse> {
    return this.db.read(async (em) => {
      const { tender, bid, viewer, keeper } = await this.access.requireBid(em, caller, tenderId, bidId, 'read');
      return this.content.present(em, tender, bid, { viewer, keeper });
    });
  }
}
