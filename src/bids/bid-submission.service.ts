import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenderAccess, type BidAccessGrant } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Db } from '../database/db.service';
import { BidContent } from './bid-content.service';
import {
  afterSubmit,
  assertAcceptingBids,
  assertComplete,
  assertWithdrawable,
  checkCommitments,
  checkResponses,
  planEdit,
  priceToPence,
} from './bid-rules';
import { BidVersion } from './bid-version.entity';
import { Bid } from './bid.entity';
import type { BidDetailResponse } from './dto/bid.response';
import type { UpdateBidDto } from './dto/update-bid.dto';

/**
 * The keeper's changes to a bid: edit, submit, withdraw — each only on a published
 * tender before its deadline (server clock), each in one transaction with its audit row
 * (sensitivity `bid_content`: the trail shows the action, never the content, while sealed).
 */
@Injectable()
export class BidSubmissionService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly content: BidContent,
  ) {}

  async update(caller: Caller, tenderId: string, bidId: string, dto: UpdateBidDto): Promise<BidDetailResponse> {
    const given = (Object.keys(dto) as (keyof UpdateBidDto)[]).filter((key) => dto[key] !== undefined);
    if (given.length === 0) {
      throw new DomainError(
        'validation',
        'Nothing to change: give at least one of bidderName, organisationType, consortium, price, responses, commitments.',
        {
          errors: [{ field: 'body', message: 'no field given' }],
        },
      );
    }
    return this.db.transaction(async (em) => {
      const { tender, bid } = await this.lockedBid(em, caller, tenderId, bidId);
      const now = this.clock.now();
      assertAcceptingBids(tender, now, 'edited');
      const plan = planEdit(bid);
      const criteria = await this.content.criteria(em, tenderId);
      const texts = dto.responses ? checkResponses(criteria.all, dto.responses) : null;
      const commitments = dto.commitments ? checkCommitments(criteria.all, dto.commitments) : null;

      const latestId = (bid.draftVersionId ?? bid.submittedVersionId)!;
      const before = this.content.snapshot(await this.content.load(em, latestId), criteria.labels);
      let draft: BidVersion;
      if (plan === 'open_new_version') {
        const counted = await em.getRepository(BidVersion).findOneOrFail({ where: { id: latestId } });
        const last = await em.getRepository(BidVersion).maximum('number', { bidId: bid.id });
        draft = await this.content.createVersion(em, bid.id, (last ?? 0) + 1, caller.id, counted, now);
        await this.content.copyContent(em, counted.id, draft.id);
        bid.draftVersionId = draft.id;
      } else {
        draft = await em.getRepository(BidVersion).findOneOrFail({ where: { id: bid.draftVersionId! } });
      }
      if (dto.bidderName !== undefined) draft.bidderName = dto.bidderName.trim();
      if (dto.organisationType !== undefined) draft.organisationType = dto.organisationType;
      if (dto.consortium !== undefined) draft.consortium = dto.consortium.map((name) => name.trim());
      if (dto.price !== undefined) draft.pricePence = priceToPence(dto.price);
      draft.updatedAt = now;
      await em.getRepository(BidVersion).save(draft);
      if (texts) await this.content.mergeResponses(em, draft.id, texts);
      if (commitments) await this.content.replaceCommitments(em, draft.id, commitments);
      if (bid.submittedVersionId === null) {
        // Nothing counts yet: the bid is known by its draft.
        bid.bidderName = draft.bidderName;
        bid.organisationType = draft.organisationType;
      }
      bid.updatedAt = now;
      await em.getRepository(Bid).save(bid);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'bid.edited',
        entityType: 'bid',
        entityId: bid.id,
        tenderId,
        sensitivity: 'bid_content',
        before,
        after: {
          newVersion: plan === 'open_new_version',
          ...this.content.snapshot(await this.content.load(em, draft.id), criteria.labels),
        },
      });
      return this.content.present(em, tender, bid, { viewer: bid.paper ? 'team' : 'bidder', keeper: true }, criteria);
    });
  }

  async submit(caller: Caller, tenderId: string, bidId: string): Promise<BidDetailResponse> {
    return this.db.transaction(async (em) => {
      const { tender, bid } = await this.lockedBid(em, caller, tenderId, bidId);
      const now = this.clock.now();
      assertAcceptingBids(tender, now, 'submitted');
      const next = afterSubmit(bid);
      const criteria = await this.content.criteria(em, tenderId);
      assertComplete(criteria.all, await this.content.answers(em, next.submittedVersionId));

      const versions = em.getRepository(BidVersion);
      if (next.supersededVersionId) await versions.update({ id: next.supersededVersionId }, { status: 'superseded' });
      await versions.update(
        { id: next.submittedVersionId },
        { status: 'submitted', submittedAt: now, submittedById: caller.id, updatedAt: now },
      );
      const submitted = await versions.findOneOrFail({ where: { id: next.submittedVersionId } });
      const previousStatus = bid.status;
      bid.status = next.status;
      bid.submittedAt = now;
      bid.submittedVersionId = submitted.id;
      bid.draftVersionId = null;
      bid.bidderName = submitted.bidderName;
      bid.organisationType = submitted.organisationType;
      bid.updatedAt = now;
      await em.getRepository(Bid).save(bid);
      const superseded = next.supersededVersionId
        ? await versions.findOneOrFail({ where: { id: next.supersededVersionId } })
        : null;
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'bid.submitted',
        entityType: 'bid',
        entityId: bid.id,
        tenderId,
        sensitivity: 'bid_content',
        before: { status: previousStatus, submittedVersion: superseded?.number ?? null },
        after: {
          status: bid.status,
          submittedVersion: submitted.number,
          submittedAt: now.toISOString(),
          pricePence: submitted.pricePence,
        },
      });
      return this.content.present(em, tender, bid, { viewer: bid.paper ? 'team' : 'bidder', keeper: true }, criteria);
    });
  }

  async withdraw(caller: Caller, tenderId: string, bidId: string): Promise<BidDetailResponse> {
    return this.db.transaction(async (em) => {
      const { tender, bid } = await this.lockedBid(em, caller, tenderId, bidId);
      const now = this.clock.now();
      assertAcceptingBids(tender, now, 'withdrawn');
      assertWithdrawable(bid);
      const before = { status: bid.status };
      // Freeing activeKey lets the organisation start a fresh bid before the deadline.
      bid.status = 'withdrawn';
      bid.withdrawnAt = now;
      bid.activeKey = null;
      bid.updatedAt = now;
      await em.getRepository(Bid).save(bid);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'bid.withdrawn',
        entityType: 'bid',
        entityId: bid.id,
        tenderId,
        sensitivity: 'bid_content',
        before,
        after: { status: bid.status, withdrawnAt: now.toISOString() },
      });
      return this.content.present(em, tender, bid, { viewer: bid.paper ? 'team' : 'bidder', keeper: true });
    });
  }

  /** The bid its keeper may change; on PostgreSQL its row is locked for the transaction. */
  private async lockedBid(em: EntityManager, caller: Caller, tenderId: string, bidId: string): Promise<BidAccessGrant> {
    const grant = await this.access.requireBid(em, caller, tenderId, bidId, 'change');
    if (this.db.isSqlite) return grant; // the Db queue already runs one unit of work at a time
    const bid = await em.getRepository(Bid).findOneOrFail({ where: { id: bidId }, lock: { mode: 'pessimistic_write' } });
    return { ...grant, bid };
  }
}
