import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { BidView } from '../access/tender-access.service';
import { newId } from '../common/ids';
import { buildTree, flattenTree } from '../criteria/domain';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import type { Criterion } from '../criteria/criterion.entity';
import type { Tender } from '../tenders/tender.entity';
import { countWords, type CommitmentPlan } from './domain';
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

export type VersionFields = Pick<BidVersion, 'bidderName' | 'organisationType' | 'consortium' | 'pricePence'>;

/** What a response shows already knows, so nothing written in this request is read back. */
export interface Known {
  criteria?: TenderCriteria;
  /** The version being shown, with its content. */
  shown?: VersionContent;
  /** The number of the counted version, when it is not the one shown. */
  submittedVersionNumber?: number | null;
  /** The bid's compliance records, oldest first (shown to the team only). */
  compliance?: ComplianceRecord[];
}

/** The version a caller is shown: the keeper its latest, everyone else the counted one. */
export function shownVersionId(bid: Pick<Bid, 'draftVersionId' | 'submittedVersionId'>, view: BidView): string | null {
  return view.keeper ? (bid.draftVersionId ?? bid.submittedVersionId) : bid.submittedVersionId;
}

/**
 * Reading and writing a bid version's content (responses, commitments) and presenting a
 * bid to a caller. Knows nothing of who may do what: callers pass the view that
 * TenderAccess granted. Writes are bulk and return what they wrote, because during a
 * deadline surge every query waits its turn on SQLite.
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

  async load(em: EntityManager, versionId: string): Promise<VersionContent> {
    const version = await em.getRepository(BidVersion).findOneOrFail({ where: { id: versionId } });
    const responses = await em.getRepository(BidResponse).find({ where: { versionId } });
    const commitments = await em.getRepository(BidCommitment).find({ where: { versionId }, order: { position: 'ASC' } });
    return { version, responses, commitments };
  }

  /** A new draft version with its content: three inserts whatever the number of answers. */
  async createVersion(
    em: EntityManager,
    bidId: string,
    number: number,
    createdById: string,
    fields: VersionFields,
    content: { texts: ReadonlyMap<string, string>; commitments: readonly CommitmentPlan[] },
    now: Date,
  ): Promise<VersionContent> {
    const version: BidVersion = {
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
    };
    await em.getRepository(BidVersion).insert(version);
    const responses: BidResponse[] = [...content.texts]
      .filter(([, text]) => text !== '')
      .map(([criterionId, text]) => ({ id: newId(), versionId: version.id, criterionId, text }));
    if (responses.length > 0) await em.getRepository(BidResponse).insert(responses);
    const commitments = await this.insertCommitments(em, version.id, content.commitments);
    return { version, responses, commitments };
  }

  /**
   * Changes a draft version in place: the given responses are set (an empty text removes
   * one), the others stay; commitments, when given, replace the list.
   */
  async editDraft(
    em: EntityManager,
    draft: VersionContent,
    fields: VersionFields,
    texts: ReadonlyMap<string, string> | null,
    commitments: readonly CommitmentPlan[] | null,
    now: Date,
  ): Promise<VersionContent> {
    const version: BidVersion = { ...draft.version, ...fields, consortium: [...fields.consortium], updatedAt: now };
    await em.getRepository(BidVersion).update(
      { id: version.id },
      {
        bidderName: version.bidderName,
        organisationType: version.organisationType,
        consortium: version.consortium,
        pricePence: version.pricePence,
        updatedAt: now,
      },
    );
    let responses = draft.responses;
    if (texts && texts.size > 0) {
      const repo = em.getRepository(BidResponse);
      const current = new Map(draft.responses.map((response) => [response.criterionId, response]));
      const removed = [...texts].filter(([id, text]) => text === '' && current.has(id)).map(([id]) => current.get(id)!.id);
      if (removed.length > 0) await repo.delete(removed);
      const added: BidResponse[] = [];
      for (const [criterionId, text] of texts) {
        const existing = current.get(criterionId);
        if (text === '') current.delete(criterionId);
        else if (existing) {
          if (existing.text !== text) await repo.update({ id: existing.id }, { text });
          current.set(criterionId, { ...existing, text });
        } else {
          const response = { id: newId(), versionId: version.id, criterionId, text };
          added.push(response);
          current.set(criterionId, response);
        }
      }
      if (added.length > 0) await repo.insert(added);
      responses = [...current.values()];
    }
    let written = draft.commitments;
    if (commitments) {
      await em.getRepository(BidCommitment).delete({ versionId: version.id });
      written = await this.insertCommitments(em, version.id, commitments);
    }
    return { version, responses, commitments: written };
  }

  /** The bid as this caller may see it: the keeper its latest version, others the counted one. */
  async present(em: EntityManager, tender: Tender, bid: Bid, view: BidView, known: Known = {}): Promise<BidDetailResponse> {
    const labels = (known.criteria ?? (await this.criteria(em, tender.id))).labels;
    const shownId = shownVersionId(bid, view);
    const content = known.shown?.version.id === shownId ? known.shown : await this.load(em, shownId!);
    let submittedVersionNumber: number | null = null;
    if (bid.submittedVersionId === content.version.id) submittedVersionNumber = content.version.number;
    else if (bid.submittedVersionId) {
      submittedVersionNumber =
        known.submittedVersionNumber ??
        (
          await em
            .getRepository(BidVersion)
            .findOneOrFail({ where: { id: bid.submittedVersionId }, select: { id: true, number: true } })
        ).number;
    }
    const compliance =
      view.viewer === 'team'
        ? (known.compliance ??
          (await em.getRepository(ComplianceRecord).find({ where: { bidId: bid.id }, order: { recordedAt: 'ASC' } })))
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

  /** One answer of the version this caller is shown (`present`'s rule), without the rest of the bid. */
  async answer(em: EntityManager, bid: Bid, view: BidView, criterionId: string): Promise<string | null> {
    const response = await em
      .getRepository(BidResponse)
      .findOne({ where: { versionId: shownVersionId(bid, view)!, criterionId } });
    return response?.text ?? null;
  }

  /**
   * `present` for many bids at once, in their order: their versions, responses, commitments
   * and (for the team) compliance records are read in one statement each, whatever the
   * number of bids.
   */
  async presentAll(
    em: EntityManager,
    tender: Tender,
    items: readonly (BidView & { bid: Bid })[],
    criteria: TenderCriteria,
  ): Promise<BidDetailResponse[]> {
    if (items.length === 0) return [];
    const shownIds = items.map(
      ({ bid, keeper }) => (keeper ? (bid.draftVersionId ?? bid.submittedVersionId) : bid.submittedVersionId)!,
    );
    const versionIds = [
      ...new Set([...shownIds, ...items.flatMap(({ bid }) => (bid.submittedVersionId ? [bid.submittedVersionId] : []))]),
    ];
    const versions = new Map((await em.getRepository(BidVersion).find({ where: { id: In(versionIds) } })).map((v) => [v.id, v]));
    const responses = groupBy(
      await em.getRepository(BidResponse).find({ where: { versionId: In(shownIds) } }),
      (r) => r.versionId,
    );
    const commitments = groupBy(
      await em.getRepository(BidCommitment).find({ where: { versionId: In(shownIds) }, order: { position: 'ASC' } }),
      (c) => c.versionId,
    );
    const teamBidIds = items.filter(({ viewer }) => viewer === 'team').map(({ bid }) => bid.id);
    const compliance = groupBy(
      teamBidIds.length
        ? await em.getRepository(ComplianceRecord).find({ where: { bidId: In(teamBidIds) }, order: { recordedAt: 'ASC' } })
        : [],
      (record) => record.bidId,
    );
    return Promise.all(
      items.map(({ bid, viewer, keeper }, index) => {
        const version = versions.get(shownIds[index]);
        if (!version) throw new Error(`Bid ${bid.id}: version ${shownIds[index]} not found`);
        const shown = { version, responses: responses.get(version.id) ?? [], commitments: commitments.get(version.id) ?? [] };
        const submittedVersionNumber = bid.submittedVersionId ? (versions.get(bid.submittedVersionId)?.number ?? null) : null;
        return this.present(
          em,
          tender,
          bid,
          { viewer, keeper },
          { criteria, shown, submittedVersionNumber, compliance: compliance.get(bid.id) ?? [] },
        );
      }),
    );
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

  private async insertCommitments(
    em: EntityManager,
    versionId: string,
    plans: readonly CommitmentPlan[],
  ): Promise<BidCommitment[]> {
    const rows: BidCommitment[] = plans.map((plan, position) => ({ id: newId(), versionId, position, ...plan }));
    if (rows.length > 0) await em.getRepository(BidCommitment).insert(rows);
    return rows;
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
