import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { TenderAccess, type BidAccessGrant } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { newId } from '../common/ids';
import { Db } from '../database/db.service';
import { Organisation } from '../users/organisation.entity';
import { BidContent } from './bid-content.service';
import {
  activeKeyFor,
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
import type { CreateBidDto } from './dto/create-bid.dto';
import type { UpdateBidDto } from './dto/update-bid.dto';

/**
 * The bidder's side of the box: create, edit, submit, withdraw — each only on a published
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

  async create(caller: Caller, tenderId: string, dto: CreateBidDto): Promise<BidDetailResponse> {
    try {
      return await this.db.transaction(async (em) => {
        const entry = await this.access.requireBidEntry(em, caller, tenderId);
        const { tender } = entry;
        const now = this.clock.now();
        assertAcceptingBids(tender, now, 'created');
        const paper = entry.as === 'team';
        if (paper && !dto.organisationType) {
          throw new DomainError('validation', 'A paper bid needs the organisationType of the organisation it was received from.', {
            errors: [{ field: 'organisationType', message: 'required for a paper bid' }],
          });
        }
        const organisation = !paper && caller.organisationId ? await em.getRepository(Organisation).findOne({ where: { id: caller.organisationId } }) : null;
        const bidderName = dto.bidderName.trim();
        const owner = { paper, organisationId: paper ? null : caller.organisationId, bidderUserId: paper ? null : caller.id, bidderName };
        const activeKey = activeKeyFor(owner);
        const existing = await em.getRepository(Bid).findOne({ where: { tenderId, activeKey } });
        if (existing) throw duplicateBid(tenderId, existing.id, paper);
        const criteria = await this.content.criteria(em, tenderId);
        const texts = checkResponses(criteria.all, dto.responses);
        const commitments = checkCommitments(criteria.all, dto.commitments ?? []);

        const organisationType = dto.organisationType ?? organisation?.type ?? null;
        const bid = em.getRepository(Bid).create({
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
        });
        await em.getRepository(Bid).insert(bid);
        const version = await this.newVersion(em, bid, 1, caller, {
          bidderName,
          organisationType,
          consortium: dto.consortium?.map((name) => name.trim()) ?? [],
          pricePence: priceToPence(dto.price),
        });
        await this.content.mergeResponses(em, version.id, texts);
        await this.content.replaceCommitments(em, version.id, commitments);
        bid.draftVersionId = version.id;
        await em.getRepository(Bid).update({ id: bid.id }, { draftVersionId: version.id });
        await this.audit.record(em, {
          actorId: caller.id,
          action: 'bid.created',
          entityType: 'bid',
          entityId: bid.id,
          tenderId,
          sensitivity: 'bid_content',
          after: { paper, ...this.content.snapshot(await this.content.load(em, version.id), criteria.labels) },
        });
        return this.content.present(em, tender, bid, { viewer: paper ? 'team' : 'bidder', keeper: true }, criteria);
      });
    } catch (error) {
      // PostgreSQL: two concurrent first bids from one organisation; the unique index wins.
      if (isUniqueViolation(error)) throw await this.duplicateAfterRace(caller, tenderId, dto);
      throw error;
    }
  }

  async update(caller: Caller, tenderId: string, bidId: string, dto: UpdateBidDto): Promise<BidDetailResponse> {
    const given = (Object.keys(dto) as (keyof UpdateBidDto)[]).filter((key) => dto[key] !== undefined);
    if (given.length === 0) {
      throw new DomainError('validation', 'Nothing to change: give at least one of bidderName, organisationType, consortium, price, responses, commitments.', {
        errors: [{ field: 'body', message: 'no field given' }],
      });
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
        draft = await this.newVersion(em, bid, (last ?? 0) + 1, caller, counted);
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
        after: { newVersion: plan === 'open_new_version', ...this.content.snapshot(await this.content.load(em, draft.id), criteria.labels) },
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
      await versions.update({ id: next.submittedVersionId }, { status: 'submitted', submittedAt: now, submittedById: caller.id, updatedAt: now });
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
      const superseded = next.supersededVersionId ? await versions.findOneOrFail({ where: { id: next.supersededVersionId } }) : null;
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'bid.submitted',
        entityType: 'bid',
        entityId: bid.id,
        tenderId,
        sensitivity: 'bid_content',
        before: { status: previousStatus, submittedVersion: superseded?.number ?? null },
        after: { status: bid.status, submittedVersion: submitted.number, submittedAt: now.toISOString(), pricePence: submitted.pricePence },
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

  private async newVersion(
    em: EntityManager,
    bid: Bid,
    number: number,
    caller: Caller,
    fields: Pick<BidVersion, 'bidderName' | 'organisationType' | 'consortium' | 'pricePence'>,
  ): Promise<BidVersion> {
    const now = this.clock.now();
    const version = em.getRepository(BidVersion).create({
      id: newId(),
      bidId: bid.id,
      number,
      status: 'draft',
      bidderName: fields.bidderName,
      organisationType: fields.organisationType,
      consortium: [...fields.consortium],
      pricePence: fields.pricePence,
      createdById: caller.id,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      submittedById: null,
    });
    await em.getRepository(BidVersion).insert(version);
    return version;
  }

  private async duplicateAfterRace(caller: Caller, tenderId: string, dto: CreateBidDto): Promise<DomainError> {
    return this.db.read(async (em) => {
      const entry = await this.access.requireBidEntry(em, caller, tenderId);
      const paper = entry.as === 'team';
      const activeKey = activeKeyFor({ paper, organisationId: paper ? null : caller.organisationId, bidderUserId: caller.id, bidderName: dto.bidderName });
      const existing = await em.getRepository(Bid).findOne({ where: { tenderId, activeKey } });
      return existing ? duplicateBid(tenderId, existing.id, paper) : new DomainError('invalid_state', 'The bid could not be created at the same time as another; try again.');
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

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string } | undefined;
  return driverError?.code === '23505' || /UNIQUE constraint failed/i.test(driverError?.message ?? error.message);
}
