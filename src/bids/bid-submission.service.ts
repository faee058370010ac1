import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenderAccess, type BidAccessGrant, type BidView } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { Db } from '../database/db.service';
import { BidContent, type VersionFields } from './bid-content.service';
import {
  afterSubmit,
  assertAcceptingBids,
  assertComplete,
  assertWithdrawable,
  checkCommitments,
  checkResponses,
  mergeAnswers,
  planEdit,
} from './domain';
import { poundsToPence } from '../common/domain/decimals';
import { BidVersion } from './bid-version.entity';
import { Bid } from './bid.entity';
import type { BidDetailResponse, VersionContent } from './dto/bid.response';
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
          errors: [{ field: 'body', message: 'Nothing to change: give at least one field.' }],
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

      const latest = await this.content.load(em, (bid.draftVersionId ?? bid.submittedVersionId)!);
      const fields: VersionFields = {
        bidderName: dto.bidderName?.trim() ?? latest.version.bidderName,
        organisationType: dto.organisationType ?? latest.version.organisationType,
        consortium: dto.consortium?.map((name) => name.trim()) ?? latest.version.consortium,
        pricePence: dto.price !== undefined ? poundsToPence(dto.price) : latest.version.pricePence,
      };
      let draft: VersionContent;
      if (plan === 'open_new_version') {
        // A copy of the counted version with the edit applied; the counted one is untouched.
        const last = await em.getRepository(BidVersion).maximum('number', { bidId: bid.id });
        const answers = mergeAnswers(
          latest.responses.map((r) => [r.criterionId, r.text] as const),
          texts ?? new Map(),
        );
        const kept = latest.commitments.map(({ criterionId, outcome, measure, target, baseline, byDate }) => ({
          criterionId,
          outcome,
          measure,
          target,
          baseline,
          byDate,
        }));
        draft = await this.content.createVersion(
          em,
          bid.id,
          (last ?? 0) + 1,
          caller.id,
          fields,
          { texts: answers, commitments: commitments ?? kept },
          now,
        );
        bid.draftVersionId = draft.version.id;
      } else {
        draft = await this.content.editDraft(em, latest, fields, texts, commitments, now);
      }
      if (bid.submittedVersionId === null) {
        // Nothing counts yet: the bid is known by its draft.
        bid.bidderName = draft.version.bidderName;
        bid.organisationType = draft.version.organisationType;
      }
      bid.updatedAt = now;
      await em.getRepository(Bid).update(
        { id: bid.id },
        {
          draftVersionId: bid.draftVersionId,
          bidderName: bid.bidderName,
          organisationType: bid.organisationType,
          updatedAt: now,
        },
      );
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'bid.edited',
        entityType: 'bid',
        entityId: bid.id,
        tenderId,
        sensitivity: 'bid_content',
        before: this.content.snapshot(latest, criteria.labels),
        after: { newVersion: plan === 'open_new_version', ...this.content.snapshot(draft, criteria.labels) },
      });
      const submittedVersionNumber = plan === 'open_new_version' ? latest.version.number : undefined;
      return this.content.present(em, tender, bid, keeperView(bid), { criteria, shown: draft, submittedVersionNumber });
    });
  }

  async submit(caller: Caller, tenderId: string, bidId: string): Promise<BidDetailResponse> {
    return this.db.transaction(async (em) => {
      const { tender, bid } = await this.lockedBid(em, caller, tenderId, bidId);
      const now = this.clock.now();
      assertAcceptingBids(tender, now, 'submitted');
      const next = afterSubmit(bid);
      const criteria = await this.content.criteria(em, tenderId);
      const draft = await this.content.load(em, next.submittedVersionId);
      assertComplete(criteria.all, new Map(draft.responses.map((r) => [r.criterionId, r.text])));

      const versions = em.getRepository(BidVersion);
      const superseded = next.supersededVersionId
        ? await versions.findOneOrFail({ where: { id: next.supersededVersionId }, select: { id: true, number: true } })
        : null;
      if (superseded) await versions.update({ id: superseded.id }, { status: 'superseded' });
      await versions.update(
        { id: draft.version.id },
        { status: 'submitted', submittedAt: now, submittedById: caller.id, updatedAt: now },
      );
      const submitted: VersionContent = {
        ...draft,
        version: { ...draft.version, status: 'submitted', submittedAt: now, submittedById: caller.id, updatedAt: now },
      };
      const previousStatus = bid.status;
      bid.status = next.status;
      bid.submittedAt = now;
      bid.submittedVersionId = submitted.version.id;
      bid.draftVersionId = null;
      bid.bidderName = submitted.version.bidderName;
      bid.organisationType = submitted.version.organisationType;
      bid.updatedAt = now;
      await em.getRepository(Bid).update(
        { id: bid.id },
        {
          status: bid.status,
          submittedAt: now,
          submittedVersionId: bid.submittedVersionId,
          draftVersionId: null,
          bidderName: bid.bidderName,
          organisationType: bid.organisationType,
          updatedAt: now,
        },
      );
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
          submittedVersion: submitted.version.number,
          submittedAt: now.toISOString(),
          pricePence: submitted.version.pricePence,
        },
      });
      return this.content.present(em, tender, bid, keeperView(bid), { criteria, shown: submitted });
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
      await em
        .getRepository(Bid)
        .update({ id: bid.id }, { status: 'withdrawn', withdrawnAt: now, activeKey: null, updatedAt: now });
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
      return this.content.present(em, tender, bid, keeperView(bid));
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

/** What the bid's keeper sees after a change: its bidder, or the team for a paper bid. */
function keeperView(bid: Bid): BidView {
  return { viewer: bid.paper ? 'team' : 'bidder', keeper: true };
}
