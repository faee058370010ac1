import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import type { TenderResponse } from '../tenders/dto/tender.response';
import { TendersService } from '../tenders/tenders.service';
import type { AwardTenderDto } from './dto/award.dto';
import { assertComplete, awardSnapshot, chooseAwardedBid } from './domain/results-rules';
import { Evaluation } from './evaluation/evaluation.service';

/**
 * moderation → awarded: only on complete results, to a rank-1 bid, with the ranking as it
 * stood written to the audit trail in the same transaction. From then on the tender is
 * frozen: every change answers 409.
 */
@Injectable()
export class AwardService {
  constructor(
    private readonly tenders: TendersService,
    private readonly evaluation: Evaluation,
    private readonly clock: Clock,
  ) {}

  award(caller: Caller, tenderId: string, dto: AwardTenderDto): Promise<TenderResponse> {
    return this.tenders.changeStatus(caller, tenderId, 'award', async (em, tender) => {
      const { result } = await this.evaluation.evaluate(em, tender);
      assertComplete(result);
      const awarded = chooseAwardedBid(result, dto.bidId);
      tender.awardedBidId = awarded.bidId;
      tender.awardedAt = this.clock.now();
      return { ...awardSnapshot(result, awarded), awardedAt: tender.awardedAt.toISOString() };
    });
  }
}
