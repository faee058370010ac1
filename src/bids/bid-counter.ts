import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SubmittedBidCounter } from '../tenders/submitted-bid-counter';
import { submittedCounts } from './bid-directory';

/**
 * The one fact about bids anybody may know while the box is sealed: how many counted bids
 * each tender has (`countedWhere` in the bid directory).
 */
@Injectable()
export class BidCounter extends SubmittedBidCounter {
  submittedCounts(em: EntityManager, tenderIds: string[]): Promise<Map<string, number>> {
    return submittedCounts(em, tenderIds);
  }
}
