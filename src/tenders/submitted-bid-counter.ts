import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * How many bids each tender has submitted: the only fact about bids anybody but the
 * bidder may know while the box is sealed. Implemented by the bids feature.
 */
@Injectable()
export abstract class SubmittedBidCounter {
  abstract submittedCounts(em: EntityManager, tenderIds: string[]): Promise<Map<string, number>>;
}
