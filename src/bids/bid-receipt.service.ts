import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import { BidContent } from './bid-content.service';
import { canonicalContent, sha256Hex } from './bid-receipt';
import type { BidReceiptResponse } from './dto/bid-receipt.response';

/** The keeper's receipt of the version of its bid that counts (the last one submitted). */
@Injectable()
export class BidReceiptService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly content: BidContent,
  ) {}

  receipt(caller: Caller, tenderId: string, bidId: string): Promise<BidReceiptResponse> {
    return this.db.read(async (em) => {
      const { bid } = await this.access.requireBid(em, caller, tenderId, bidId, 'change');
      if (!bid.submittedVersionId) {
        throw new DomainError('invalid_state', 'This bid has not been submitted yet: there is no receipt.', {
          currentStatus: bid.status,
        });
      }
      const criteria = await this.content.criteria(em, tenderId);
      const { version, responses, commitments } = await this.content.load(em, bid.submittedVersionId);
      const position = (id: string) => criteria.labels.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
      const code = (id: string | null) => (id ? (criteria.labels.get(id)?.code ?? id) : null);
      const content = canonicalContent({
        tenderId,
        bidId: bid.id,
        version: version.number,
        submittedAt: version.submittedAt!,
        bidderName: version.bidderName,
        organisationType: version.organisationType,
        consortium: version.consortium,
        pricePence: Number(version.pricePence),
        responses: [...responses]
          .sort((a, b) => position(a.criterionId) - position(b.criterionId))
          .map((r) => ({ criterion: code(r.criterionId)!, text: r.text })),
        commitments: [...commitments]
          .sort((a, b) => a.position - b.position)
          .map((c) => ({
            criterion: code(c.criterionId),
            outcome: c.outcome,
            measure: c.measure,
            target: c.target,
            baseline: c.baseline,
            by: c.byDate,
          })),
      });
      return {
        tenderId,
        bidId: bid.id,
        bidStatus: bid.status,
        version: version.number,
        submittedAt: version.submittedAt!.toISOString(),
        sha256: sha256Hex(content),
        content,
      };
    });
  }
}
