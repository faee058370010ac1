import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import type { TenderResponse } from '../tenders/dto/tender.response';
import { SubmittedBidCounter } from '../tenders/submitted-bid-counter';
import { TendersService } from '../tenders/tenders.service';
import { assertMayClose } from './bid-rules';

/**
 * Closing opens the box: `published → evaluation`, never before the bid deadline (server
 * clock). From then on the team sees the submitted bids.
 */
@Injectable()
export class TenderClosing {
  constructor(
    private readonly tenders: TendersService,
    private readonly clock: Clock,
    private readonly counter: SubmittedBidCounter,
  ) {}

  close(caller: Caller, tenderId: string): Promise<TenderResponse> {
    return this.tenders.changeStatus(caller, tenderId, 'close', async (em, tender) => {
      const now = this.clock.now();
      assertMayClose(now, tender.bidDeadline);
      tender.closedAt = now;
      const counts = await this.counter.submittedCounts(em, [tender.id]);
      return { closedAt: now.toISOString(), submittedBidCount: counts.get(tender.id) ?? 0 };
    });
  }
}
