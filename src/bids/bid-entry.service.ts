import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { isUniqueViolation } from '../database/unique-violation';
import { organisationTypeOf } from '../users/user-directory';
import { BidContent } from './bid-content.service';
import { activeKeyFor, assertAcceptingBids, checkCommitments, checkResponses } from './domain';
import { poundsToPence } from '../common/domain/decimals';
import { Bid } from './bid.entity';
import type { BidDetailResponse } from './dto/bid.response';
import type { CreateBidDto } from './dto/create-bid.dto';

/**
 * Starting a bid: a bidder for its organisation, or the tender team entering a bid that
 * arrived on paper (`paper: true`, before the deadline like any bid). One live bid per
 * organisation (or per paper bidder name) per tender: a second one answers 409 pointing at
 * the first, enforced by the unique (tenderId, activeKey) index even under concurrency.
 */
@Injectable()
export class BidEntryService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly content: BidContent,
  ) {}

  async create(caller: Caller, tenderId: string, dto: CreateBidDto): Promise<BidDetailResponse> {
    try {
      return await this.db.transaction(async (em) => {
        const entry = await this.access.requireBidEntry(em, caller, tenderId);
        const { tender } = entry;
        const now = this.clock.now();
        assertAcceptingBids(tender, now, 'created');
        const paper = entry.as === 'team';
        if (paper && !dto.organisationType) {
          throw new DomainError(
            'validation',
            'A paper bid needs the organisationType of the organisation it was received from.',
            {
              errors: [{ field: 'organisationType', message: 'A paper bid needs the type of the organisation it came from.' }],
            },
          );
        }
        const bidderName = dto.bidderName.trim();
        const owner = {
          paper,
          organisationId: paper ? null : caller.organisationId,
          bidderUserId: paper ? null : caller.id,
          bidderName,
        };
        const activeKey = activeKeyFor(owner);
        const existing = await em.getRepository(Bid).findOne({ where: { tenderId, activeKey }, select: { id: true } });
        if (existing) throw duplicateBid(tenderId, existing.id, paper);
        const criteria = await this.content.criteria(em, tenderId);
        const texts = checkResponses(criteria.all, dto.responses);
        const commitments = checkCommitments(criteria.all, dto.commitments ?? []);

        // An account's bid defaults to its organisation's type; a paper bid always names one.
        const organisationType =
          dto.organisationType ?? (paper || !caller.organisationId ? null : await organisationTypeOf(em, caller.organisationId));
        const fields = {
          bidderName,
          organisationType,
          consortium: dto.consortium?.map((name) => name.trim()) ?? [],
          pricePence: poundsToPence(dto.price),
        };
        const bid: Bid = {
          id: newId(),
          tenderId,
          ...owner,
          organisationType,
          enteredById: caller.id,
          activeKey,
          status: 'draft',
          submittedAt: null,
          submittedVersionId: null,
          draftVersionId: null,
          withdrawnAt: null,
          disqualifiedAt: null,
          disqualifiedById: null,
          disqualificationReason: null,
          createdAt: now,
          updatedAt: now,
        };
        await em.getRepository(Bid).insert(bid);
        const content = await this.content.createVersion(em, bid.id, 1, caller.id, fields, { texts, commitments }, now);
        bid.draftVersionId = content.version.id;
        await em.getRepository(Bid).update({ id: bid.id }, { draftVersionId: bid.draftVersionId });
        await this.audit.record(em, {
          actorId: caller.id,
          action: 'bid.created',
          entityType: 'bid',
          entityId: bid.id,
          tenderId,
          sensitivity: 'bid_content',
          after: { paper, ...this.content.snapshot(content, criteria.labels) },
        });
        return this.content.present(
          em,
          tender,
          bid,
          { viewer: paper ? 'team' : 'bidder', keeper: true },
          { criteria, shown: content },
        );
      });
    } catch (error) {
      // PostgreSQL: two concurrent first bids from one organisation; the unique index wins.
      if (isUniqueViolation(error)) throw await this.duplicateAfterRace(caller, tenderId, dto);
      throw error;
    }
  }

  private async duplicateAfterRace(caller: Caller, tenderId: string, dto: CreateBidDto): Promise<DomainError> {
    return this.db.read(async (em) => {
      const entry = await this.access.requireBidEntry(em, caller, tenderId);
      const paper = entry.as === 'team';
      const activeKey = activeKeyFor({
        paper,
        organisationId: paper ? null : caller.organisationId,
        bidderUserId: caller.id,
        bidderName: dto.bidderName,
      });
      const existing = await em.getRepository(Bid).findOne({ where: { tenderId, activeKey } });
      return existing
        ? duplicateBid(tenderId, existing.id, paper)
        : new DomainError('invalid_state', 'The bid could not be created at the same time as another; try again.');
    });
  }
}

/** 409 pointing at the live bid: one bid per organisation (or paper bidder) per tender. */
function duplicateBid(tenderId: string, existingBidId: string, paper: boolean): DomainError {
  return new DomainError(
    'invalid_state',
    paper
      ? 'A paper bid from this organisation is already entered on this tender: edit it instead.'
      : 'Your organisation already has a bid on this tender: edit that one (PATCH) instead, or withdraw it first.',
    { existingBidId, existingBid: `/api/tenders/${tenderId}/bids/${existingBidId}` },
  );
}
