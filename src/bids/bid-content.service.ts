import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { BidView } from '../access/tender-access.service';
import { newId } from '../common/ids';
import { buildTree, flattenTree } from '../criteria/criteria-tree';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import type { Criterion } from '../criteria/criterion.entity';
import type { Tender } from '../tenders/tender.entity';
import { countWords, type CommitmentPlan } from './bid-rules';
import { BidCommitment } from './bid-commitment.entity';
import { BidResponse } from './bid-response.entity';
import { BidVersion } from './bid-version.entity';
import type { Bid } from './bid.entity';
import { ComplianceRecord } from './compliance-record.entity';
import { BidDetailResponse, type CriterionLabel, type VersionContent } from './dto/bid.response';

/** A tender's criteria with their codes and tree order, loaded once per request. */
export interface TenderCriteria {
  all: Criterion[];
  labels: Map<string, CriterionLabel>;
}

/**
 * Reading and writing a bid version's content (responses, commitments) and presenting a
 * bid to a caller. Knows nothing of who may do what: callers pass the view that
 * TenderAccess granted.
 */
@Injectable()
export class BidContent {
  constructor(private readonly criteriaService: CriteriaService) {}

  async criteria(em: EntityManager, tenderId: string): Promise<TenderCriteria> {
    const all = await this.criteriaService.all(em, tenderId);
    const byId = new Map(all.map((criterion) => [criterion.id, criterion]));
    const ordered = flattenTree(buildTree(all.map(toFlat))).map((node) => byId.get(node.id)!);
    return {
      all: ordered,
      labels: new Map(ordered.map((criterion, position) => [criterion.id, { code: criterion.code, position }])),
    };
  }

  /** A new draft version of a bid (its content is written separately). */
  async createVersion(
    em: EntityManager,
    bidId: string,
    number: number,
    createdById: string,
    fields: Pick<BidVersion, 'bidderName' | 'organisationType' | 'consortium' | 'pricePence'>,
    now: Date,
  ): Promise<BidVersion> {
    const version = em.getRepository(BidVersion).create({
      id: newId(),
      bidId,
      number,
      status: 'draft',
      bidderName: fields.bidderName,
      organisationType: fields.organisationType,
      consortium: [...fields.consortium],
      pricePence: fields.pricePence,
      createdById,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      submittedById: null,
    });
    await em.getRepository(BidVersion).insert(version);
    return version;
  }

  async load(em: EntityManager, versionId: string): Promise<VersionContent> {
    const version = await em.getRepository(BidVersion).findOneOrFail({ where: { id: versionId } });
    const responses = await em.getRepository(BidResponse).find({ where: { versionId } });
    const commitments = await em.getRepository(BidCommitment).find({ where: { versionId }, order: { position: 'ASC' } });
    return { version, responses, commitments };
  }

  /** criterionId → text of the version's responses. */
  async answers(em: EntityManager, versionId: string): Promise<Map<string, string>> {
    const responses = await em.getRepository(BidResponse).find({ where: { versionId } });
    return new Map(responses.map((response) => [response.criterionId, response.text]));
  }

  /** Sets the given responses (an empty text removes one); the others stay. */
  async mergeResponses(em: EntityManager, versionId: string, texts: ReadonlyMap<string, string>): Promise<void> {
    const repo = em.getRepository(BidResponse);
    const ids = [...texts.keys()];
    if (ids.length === 0) return;
    const existing = new Map((await repo.find({ where: { versionId, criterionId: In(ids) } })).map((r) => [r.criterionId, r]));
    const removed = ids.filter((id) => texts.get(id) === '' && existing.has(id)).map((id) => existing.get(id)!.id);
    if (removed.length > 0) await repo.delete(removed);
    for (const [criterionId, text] of texts) {
      if (text === '') continue;
      const current = existing.get(criterionId);
      if (current) await repo.update({ id: current.id }, { text });
      else await repo.insert({ id: newId(), versionId, criterionId, text });
    }
  }

  async replaceCommitments(em: EntityManager, versionId: string, plans: readonly CommitmentPlan[]): Promise<void> {
    const repo = em.getRepository(BidCommitment);
    await repo.delete({ versionId });
    if (plans.length === 0) return;
    await repo.insert(plans.map((plan, position) => ({ id: newId(), versionId, position, ...plan })));
  }

  /** A new draft starts as a copy of the version that counts. */
  async copyContent(em: EntityManager, fromVersionId: string, toVersionId: string): Promise<void> {
    const from = await this.load(em, fromVersionId);
    if (from.responses.length > 0) {
      await em
        .getRepository(BidResponse)
        .insert(from.responses.map((r) => ({ id: newId(), versionId: toVersionId, criterionId: r.criterionId, text: r.text })));
    }
    await this.replaceCommitments(
      em,
      toVersionId,
      from.commitments.map((c) => ({
        criterionId: c.criterionId,
        outcome: c.outcome,
        measure: c.measure,
        target: c.target,
        baseline: c.baseline,
        byDate: c.byDate,
      })),
    );
  }

  /** The bid as this caller may see it: the keeper its latest version, others the counted one. */
  async present(
    em: EntityManager,
    tender: Tender,
    bid: Bid,
    view: BidView,
    criteria?: TenderCriteria,
  ): Promise<BidDetailResponse> {
    const labels = (criteria ?? (await this.criteria(em, tender.id))).labels;
    const shownId = view.keeper ? (bid.draftVersionId ?? bid.submittedVersionId) : bid.submittedVersionId;
    const content = await this.load(em, shownId!);
    let submittedVersionNumber: number | null = null;
    if (bid.submittedVersionId === content.version.id) submittedVersionNumber = content.version.number;
    else if (bid.submittedVersionId) {
      submittedVersionNumber = (await em.getRepository(BidVersion).findOneOrFail({ where: { id: bid.submittedVersionId } }))
        .number;
    }
    const compliance =
      view.viewer === 'team'
        ? await em.getRepository(ComplianceRecord).find({ where: { bidId: bid.id }, order: { recordedAt: 'ASC' } })
        : null;
    return BidDetailResponse.from(bid, content, {
      keeper: view.keeper,
      showPrice: view.viewer !== 'panel' || tender.priceVisibleToPanel,
      blind: view.viewer === 'panel' && tender.blindMarking,
      submittedVersionNumber,
      compliance,
      labels,
    });
  }

  /**
   * What the audit trail keeps of a version: everything but the response texts, which it
   * fingerprints (SHA-256) so the record proves what was submitted without copying essays.
   */
  snapshot(content: VersionContent, labels: ReadonlyMap<string, CriterionLabel>): Record<string, unknown> {
    const code = (id: string | null) => (id ? (labels.get(id)?.code ?? id) : null);
    return {
      version: content.version.number,
      bidderName: content.version.bidderName,
      organisationType: content.version.organisationType,
      consortium: content.version.consortium,
      pricePence: content.version.pricePence,
      responses: [...content.responses]
        .sort((a, b) => (labels.get(a.criterionId)?.position ?? 0) - (labels.get(b.criterionId)?.position ?? 0))
        .map((r) => ({
          criterion: code(r.criterionId),
          words: countWords(r.text),
          sha256: createHash('sha256').update(r.text).digest('hex'),
        })),
      commitments: content.commitments.map((c) => ({
        criterion: code(c.criterionId),
        outcome: c.outcome,
        measure: c.measure,
        target: c.target,
        baseline: c.baseline,
        by: c.byDate,
      })),
    };
  }
}
