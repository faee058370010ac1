import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { BidVersion } from '../../bids/bid-version.entity';
import { ComplianceRecord } from '../../bids/compliance-record.entity';
import { CriteriaService, toFlat } from '../../criteria/criteria.service';
import { ConflictDeclaration } from '../../panel/conflict-declaration.entity';
import { PanelDirectory } from '../../panel/panel-directory.service';
import type { PanelMember } from '../../panel/panel-member.entity';
import type { EngineIndividualScore, EngineInput } from '../engine';
import { IndividualScore } from '../../scoring/individual-score.entity';
import type { Tender } from '../../tenders/tender.entity';
import { ModeratedScore } from '../../moderation/moderated-score.entity';

/** The engine input and the rows it came from, for views that show more than numbers. */
export interface LoadedEvaluation {
  input: EngineInput;
  scores: IndividualScore[];
  /** Every version, oldest first per cell. */
  moderatedVersions: ModeratedScore[];
}

/** The columns of a moderated score version the engine reads. */
type ModeratedRow = Pick<ModeratedScore, 'bidId' | 'criterionId' | 'version' | 'score'>;

/**
 * Reads a tender's evaluation from the database as the results engine's plain input
 * (src/results/engine/types.ts): every bid submitted by the deadline (disqualified ones
 * included) with its counted price, gates and declared conflicts, every individual score
 * (drafts flagged), and the latest moderated score per cell.
 *
 * Two reads, one assembly: `load` also returns the full rows (rationales, every version)
 * for the moderation view; `loadInput` reads only what the engine needs, for the results,
 * the award and the exports. A large tender holds ~150 000 individual scores, and
 * turning each into a row object with three UUID strings costs more than the whole
 * computation: `loadInput` has the database group them per bid × criterion instead (see
 * `scoreCells`), so only ~12 000 rows cross into JavaScript.
 */
@Injectable()
export class EngineInputLoader {
  constructor(
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  async load(em: EntityManager, tender: Tender): Promise<LoadedEvaluation> {
    const members = await this.directory.members(em, tender.id);
    const scores = await em
      .getRepository(IndividualScore)
      .find({ where: { tenderId: tender.id }, order: { savedAt: 'ASC', id: 'ASC' } });
    const moderatedVersions = await em
      .getRepository(ModeratedScore)
      .find({ where: { tenderId: tender.id }, order: { bidId: 'ASC', criterionId: 'ASC', version: 'ASC' } });
    const individualScores = scores.map((score): EngineIndividualScore => ({
      bidId: score.bidId,
      criterionId: score.criterionId,
      panelistId: score.panelMemberId,
      score: score.score,
      submitted: score.status === 'submitted',
    }));
    const input = await this.assemble(em, tender, members, individualScores, moderatedVersions);
    return { input, scores, moderatedVersions };
  }

  /** The engine input alone, read as compactly as the database allows. */
  async loadInput(em: EntityManager, tender: Tender): Promise<EngineInput> {
    const members = await this.directory.members(em, tender.id);
    const scores = await this.scoreCells(em, tender.id, members);
    const moderated = await em
      .getRepository(ModeratedScore)
      .createQueryBuilder('m')
      .select('m.bidId', 'bidId')
      .addSelect('m.criterionId', 'criterionId')
      .addSelect('m.version', 'version')
      .addSelect('m.score', 'score')
      .where('m.tenderId = :tenderId', { tenderId: tender.id })
      .getRawMany<ModeratedRow>();
    return this.assemble(em, tender, members, scores, moderated);
  }

  /**
   * Every individual score of the tender, one row per bid × criterion: the database joins
   * the member's `joinOrder` (unique on the tender) and concatenates "joinOrder score
   * submitted" entries, e.g. "3 4 1,7 2 0". Parsing that back costs no strings per score,
   * and each score's record reuses the cell's bid and criterion id strings.
   */
  private async scoreCells(
    em: EntityManager,
    tenderId: string,
    members: readonly PanelMember[],
  ): Promise<EngineIndividualScore[]> {
    const aggregate = em.connection.options.type === 'postgres' ? 'string_agg' : 'group_concat';
    const entry =
      "CAST(m.joinOrder AS varchar(12)) || ' ' || CAST(s.score AS varchar(12)) || ' ' || " +
      "CASE WHEN s.status = 'submitted' THEN '1' ELSE '0' END";
    const cells = await em
      .getRepository(IndividualScore)
      .createQueryBuilder('s')
      .innerJoin('s.panelMember', 'm')
      .select('s.bidId', 'bidId')
      .addSelect('s.criterionId', 'criterionId')
      .addSelect(`${aggregate}(${entry}, ',')`, 'entries')
      .where('s.tenderId = :tenderId', { tenderId })
      .groupBy('s.bidId')
      .addGroupBy('s.criterionId')
      .getRawMany<{ bidId: string; criterionId: string; entries: string }>();
    const memberByOrder = new Map(members.map((member) => [member.joinOrder, member.id]));
    const scores: EngineIndividualScore[] = [];
    for (const { bidId, criterionId, entries } of cells) {
      parseEntries(entries, (joinOrder, score, submitted) => {
        const panelistId = memberByOrder.get(joinOrder);
        if (panelistId === undefined)
          throw new Error(`Score by panel member #${joinOrder}, who is not on tender ${tenderId}'s panel`);
        scores.push({ bidId, criterionId, panelistId, score, submitted });
      });
    }
    return scores;
  }

  private async assemble(
    em: EntityManager,
    tender: Tender,
    members: readonly PanelMember[],
    scores: readonly EngineIndividualScore[],
    moderatedVersions: readonly ModeratedRow[],
  ): Promise<EngineInput> {
    const criteria = (await this.criteria.all(em, tender.id)).map(toFlat);
    const bids = await this.directory.countedBids(em, tender.id);
    const bidIds = bids.map((bid) => bid.id);
    const versions = bidIds.length
      ? await em.getRepository(BidVersion).find({ where: { id: In(bids.map((bid) => bid.submittedVersionId!)) } })
      : [];
    const priceOf = new Map(versions.map((version) => [version.bidId, version.pricePence]));
    const compliance = bidIds.length ? await em.getRepository(ComplianceRecord).find({ where: { bidId: In(bidIds) } }) : [];
    const conflicts = await em
      .getRepository(ConflictDeclaration)
      .find({ where: { tenderId: tender.id, conflict: true }, select: { bidId: true, panelMemberId: true } });
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
      bids: bids.map((bid) => ({
        id: bid.id,
        bidderName: bid.bidderName,
        status: bid.status === 'disqualified' ? 'disqualified' : 'submitted',
        disqualificationReason: bid.disqualificationReason,
        pricePence: priceOf.get(bid.id)!,
        compliance: compliance.filter((r) => r.bidId === bid.id).map((r) => ({ criterionId: r.criterionId, passed: r.passed })),
        conflicts: conflicts.filter((d) => d.bidId === bid.id).map((d) => d.panelMemberId),
      })),
      individualScores: scores.filter((score) => counted.has(score.bidId)),
      moderatedScores: [...latest.values()]
        .filter((m) => counted.has(m.bidId))
        // Raw rows: a driver may return integers as strings; the engine wants numbers.
        .map((m) => ({ bidId: m.bidId, criterionId: m.criterionId, score: Number(m.score) })),
    };
  }
}

/**
 * Reads "3 4 1,7 -2 0" (joinOrder, score, submitted 1/0 per entry) digit by digit: no
 * substring per score. Integers only, as the query writes them.
 */
export function parseEntries(text: string, each: (joinOrder: number, score: number, submitted: boolean) => void): void {
  const fields = [0, 0, 0];
  let field = 0;
  let value = 0;
  let negative = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 44; // a final ',' ends the last entry
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
    } else if (code === 45) {
      negative = true;
    } else {
      fields[field] = negative ? -value : value;
      value = 0;
      negative = false;
      if (code === 32) {
        field += 1;
      } else if (code === 44) {
        if (field !== 2) throw new Error(`Malformed score entries: "${text}"`);
        each(fields[0], fields[1], fields[2] === 1);
        field = 0;
      } else {
        throw new Error(`Malformed score entries: "${text}"`);
      }
    }
  }
}
