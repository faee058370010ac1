import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SubmittedBidCounter } from '../tenders/submitted-bid-counter';
import { Bid } from './bid.entity';

/**
 * The one fact about bids anybody may know while the box is sealed: how many bids have a
 * submitted version and were not withdrawn (disqualified ones still count: they were
 * submitted by the deadline).
 */
@Injectable()
export class BidCounter extends SubmittedBidCounter {
  async submittedCounts(em: EntityManager, tenderIds: string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (tenderIds.length === 0) return counts;
    const rows = await em
      .getRepository(Bid)
      .createQueryBuilder('bid')
      .select('bid.tenderId', 'tenderId')
      .addSelect('COUNT(*)', 'count')
      .where('bid.tenderId IN (:...tenderIds)', { tenderIds })
      .andWhere('bid.submittedVersionId IS NOT NULL')
      .andWhere('bid.status != :withdrawn', { withdrawn: 'withdrawn' })
      .groupBy('bid.tenderId')
      .getRawMany<{ tenderId: string; count: string | number }>();
    for (const row of rows) counts.set(row.tenderId, Number(row.count));
    return counts;
  }
}
