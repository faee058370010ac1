import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Bid } from '../bids/bid.entity';
import { BidVersion } from '../bids/bid-version.entity';
import { ComplianceRecord } from '../bids/compliance-record.entity';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import type { EngineInput } from '../results/engine';
import { IndividualScore } from '../scoring/individual-score.entity';
import type { Tender } from '../tenders/tender.entity';
import { ModeratedScore } from './moderated-score.entity';

/** The engine input and the rows it came from, for views that show more than numbers. */
export interface LoadedEvaluation {
  input: EngineInput;
  scores: IndividualScore[];
  /** Every version, oldest first per cell. */
  moderatedVersions: ModeratedScore[];
}

/** The columns of an individual score the engine reads. */
type ScoreRow = Pick<IndividualScore, 'bidId' | 'criterionId' | 'panelMemberId' | 'score' | 'status'>;
/** The columns of a moderated score version the engine reads. */
type ModeratedRow = Pick<ModeratedScore, 'bidId' | 'criterionId' | 'version' | 'score'>;

/**
 * Reads a tender's evaluation from the database as the results engine's plain input
 * (src/results/engine/types.ts): every bid submitted by the deadline (disqualified ones
 * included) with its counted price, gates and declared conflicts, every individual score
 * (drafts flagged), and the latest moderated score per cell.
 *
 * Two paths, one assembly: `load` also returns the full rows (rationales, every version)
 * for the moderation view and the exports; `loadInput` reads only the columns the engine
 * needs, for the results (a large tender holds ~150 000 scores: hydrating entities with
 * their rationales would cost more than the whole computation).
 */
@Injectable()
export class EngineInputLoader {
  constructor(
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  async load(em: EntityManager, tender: Tender): Promise<LoadedEvaluation> {
    const scores = await em
      .getRepository(IndividualScore)
      .find({ where: { tenderId: tender.id }, order: { savedAt: 'ASC', id: 'ASC' } });
    const moderatedVersions = await em
      .getRepository(ModeratedScore)
      .find({ where: { tenderId: tender.id }, order: { bidId: 'ASC', criterionId: 'ASC', version: 'ASC' } });
    const input = await this.assemble(em, tender, scores, moderatedVersions);
    return { input, scores, moderatedVersions };
  }

  /** The engine input alone, read column by column (no entity hydration). */
  async loadInput(em: EntityManager, tender: Tender): Promise<EngineInput> {
    const scores = await em
      .getRepository(IndividualScore)
      .createQueryBuilder('s')
      .select('s.bidId', 'bidId')
      .addSelect('s.criterionId', 'criterionId')
      .addSelect('s.panelMemberId', 'panelMemberId')
      .addSelect('s.score', 'score')
      .addSelect('s.status', 'status')
      .where('s.tenderId = :tenderId', { tenderId: tender.id })
      .getRawMany<ScoreRow>();
    const moderated = await em
      .getRepository(ModeratedScore)
      .createQueryBuilder('m')
      .select('m.bidId', 'bidId')
      .addSelect('m.criterionId', 'criterionId')
      .addSelect('m.version', 'version')
      .addSelect('m.score', 'score')
      .where('m.tenderId = :tenderId', { tenderId: tender.id })
      .getRawMany<ModeratedRow>();
    return this.assemble(em, tender, scores, moderated);
  }

  private async assemble(
    em: EntityManager,
    tender: Tender,
    scores: readonly ScoreRow[],
    moderatedVersions: readonly ModeratedRow[],
  ): Promise<EngineInput> {
    const criteria = (await this.criteria.all(em, tender.id)).map(toFlat);
    const members = await this.directory.members(em, tender.id);
    const bids = await this.directory.countedBids(em, tender.id);
    const bidIds = bids.map((bid) => bid.id);
    const versions = bidIds.length
      ? await em.getRepository(BidVersion).find({ where: { id: In(bids.map((bid) => bid.submittedVersionId!)) } })
      : [];
    const priceOf = new Map(versions.map((version) => [version.bidId, version.pricePence]));
    const compliance = bidIds.length ? await em.getRepository(ComplianceRecord).find({ where: { bidId: In(bidIds) } }) : [];
    const conflicts = (await this.directory.declarations(em, tender.id)).filter((d) => d.conflict);
    const latest = new Map<string, ModeratedRow>();
    for (const version of moderatedVersions) {
      const key = `${version.bidId}|${version.criterionId}`;
      const seen = latest.get(key);
      if (!seen || Number(seen.version) < Number(version.version)) latest.set(key, version);
    }
    const counted = new Set(bidIds);
    return {
      scale: { min: tender.scaleMin, max: tender.scaleMax },
      settings: {
        aggregation: tender.aggregation,
        moderationRequired: tender.moderationRequired,
        priceFormula: tender.priceFormula,
        tieBreak: tender.tieBreak,
        divergenceThresholdHundredths: tender.divergenceThresholdHundredths,
        minScorers: tender.minScorers,
        abnormallyLowRatioHundredths: tender.abnormallyLowRatioHundredths,
      },
      criteria: criteria.map((c) => ({
        id: c.id,
        code: c.code,
        title: c.title,
        parentId: c.parentId,
        kind: c.kind,
        category: c.category,
        weightHundredths: c.weightHundredths,
        threshold: c.threshold,
        scoredBy: c.scoredBy,
        groupWeights: c.groupWeights,
        order: c.order,
      })),
      panelists: members.map((member) => ({ id: member.id, group: member.group })),
      bids: bids.map((bid: Bid) => ({
        id: bid.id,
        bidderName: bid.bidderName,
        status: bid.status === 'disqualified' ? 'disqualified' : 'submitted',
        disqualificationReason: bid.disqualificationReason,
        pricePence: priceOf.get(bid.id)!,
        compliance: compliance.filter((r) => r.bidId === bid.id).map((r) => ({ criterionId: r.criterionId, passed: r.passed })),
        conflicts: conflicts.filter((d) => d.bidId === bid.id).map((d) => d.panelMemberId),
      })),
      individualScores: scores
        .filter((score) => counted.has(score.bidId))
        .map((score) => ({
          bidId: score.bidId,
          criterionId: score.criterionId,
          panelistId: score.panelMemberId,
          // Raw rows: PostgreSQL drivers may hand integers back as they see fit; the engine wants numbers.
          score: Number(score.score),
          submitted: score.status === 'submitted',
        })),
      moderatedScores: [...latest.values()]
        .filter((m) => counted.has(m.bidId))
        .map((m) => ({ bidId: m.bidId, criterionId: m.criterionId, score: Number(m.score) })),
    };
  }
}
