import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { complianceOf, countedBid, versionsOf } from '../../bids/bid-directory';
import type { BidVersion } from '../../bids/bid-version.entity';
import type { ComplianceRecord } from '../../bids/compliance-record.entity';
import { CriteriaService, toFlat } from '../../criteria/criteria.service';
import type { ConflictDeclaration } from '../../panel/conflict-declaration.entity';
import { conflictsOf, PanelDirectory } from '../../panel/panel-directory.service';
import type { PanelMember } from '../../panel/panel-member.entity';
import type { Bid } from '../../bids/bid.entity';
import type { Criterion } from '../../criteria/criterion.entity';
import type { EngineIndividualScore, EngineInput } from '../engine';
import { scoreCellEntries, scoreRows, type ScoreRow } from '../../scoring/score-queries';
import { scoringSettingsOf } from '../../tenders/domain/tender-settings';
import type { Tender } from '../../tenders/tender.entity';
import { cellHistoryOf, moderatedScoresOf } from '../../moderation/moderated-score-queries';
import { scoreEntriesOf, type ScoreEntryRow } from '../../assisted/score-entry-queries';
import type { ModeratedScore } from '../../moderation/moderated-score.entity';

/** How much of the rows to read: what the engine needs, or also what the evaluation record shows. */
export type ReadDetail = 'engine' | 'record';

/**
 * A tender's evaluation rows, read once. With `detail: 'engine'` only the columns the
 * engine needs are read (declarations: the conflicts, as bid and member; versions: the
 * counted ones, as id, bid and price; moderated scores: bid, criterion, version, score);
 * with `'record'` the full rows, every version of each counted bid included.
 */
export interface EvaluationRows {
  detail: ReadDetail;
  tender: Tender;
  /** Every node, in stored order (the engine and the tree sort them). */
  criteria: Criterion[];
  /** In join order, with their accounts. */
  members: PanelMember[];
  /** Submitted by the deadline (disqualified ones included), oldest submission first. */
  bids: Bid[];
  versions: BidVersion[];
  compliance: ComplianceRecord[];
  declarations: ConflictDeclaration[];
  /** Every version of every moderated cell. */
  moderated: ModeratedScore[];
  /** Every individual score of the tender, drafts flagged (grouped per cell by the database). */
  scores: EngineIndividualScore[];
  /** With `'record'`: who entered a score on a member's behalf, and how (assisted scoring); `[]` for the engine. */
  entries: ScoreEntryRow[];
}

/**
 * Reads a tender's evaluation from the database: the one reader behind GET /results, the
 * award, the moderation view and the exports (through `Evaluation`). Every bid submitted by
 * the deadline (disqualified ones included) with its counted price, gates and declared
 * conflicts, every individual score (drafts flagged), and every moderated score version.
 * `toEngineInput` turns the rows into the results engine's plain input
 * (src/results/engine/types.ts); the evaluation record is built on the same rows.
 *
 * A large tender holds ~150 000 individual scores, and turning each into a row object with
 * three UUID strings costs more than the whole computation: the database groups them per
 * bid × criterion instead (see `scoreCells`), so only ~12 000 rows cross into JavaScript.
 * Their rationales are read later, a few bids at a time, by the record's `readScores`.
 */
@Injectable()
export class EvaluationReader {
  constructor(
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  /** `members`: the panel already read by the caller (`PanelDirectory.members`), else read here. */
  async read(em: EntityManager, tender: Tender, detail: ReadDetail, members?: PanelMember[]): Promise<EvaluationRows> {
    const record = detail === 'record';
    members ??= await this.directory.members(em, tender.id);
    const scores = await this.scoreCells(em, tender.id, members);
    const moderated = await moderatedScoresOf(em, tender.id, record);
    const criteria = await this.criteria.all(em, tender.id);
    const bids = await this.directory.countedBids(em, tender.id);
    const bidIds = bids.map((bid) => bid.id);
    const versions = record
      ? await versionsOf(em, { bidIds }, VERSION_COLUMNS)
      : await versionsOf(em, { ids: bids.map((bid) => bid.submittedVersionId!) }, { id: true, bidId: true, pricePence: true });
    const compliance = await complianceOf(em, bidIds);
    const declarations = record ? await this.directory.declarations(em, tender.id) : await conflictsOf(em, tender.id);
    const entries = record ? await scoreEntriesOf(em, tender.id) : [];
    return { detail, tender, criteria, members, bids, versions, compliance, declarations, moderated, scores, entries };
  }

  /**
   * One bid × scored criterion's rows, for that cell's panel statistics, which depend on
   * nothing else (SCORING.md §3.2: the cell's usable scores, the bid's conflicts, the panel's
   * groups, the settings): the tender's criteria and panel, the one counted bid with its
   * counted price, gates and conflicts, the cell's score rows (with their rationales, as
   * `scoreRows` reads them) and every version of its moderated score. Null when the bid
   * does not count or `code` is not a scored criterion.
   */
  async readCell(
    em: EntityManager,
    tender: Tender,
    bidId: string,
    code: string,
  ): Promise<{ rows: EvaluationRows; criterion: Criterion; scoreRows: ScoreRow[] } | null> {
    const criteria = await this.criteria.all(em, tender.id);
    const criterion = criteria.find((candidate) => candidate.code === code && candidate.kind === 'scored');
    const bid = criterion ? await countedBid(em, tender.id, bidId) : null;
    if (!criterion || !bid) return null;
    const members = await this.directory.members(em, tender.id);
    const versions = await versionsOf(em, { ids: [bid.submittedVersionId!] }, { id: true, bidId: true, pricePence: true });
    const compliance = await complianceOf(em, [bid.id]);
    const declarations = (await conflictsOf(em, tender.id)).filter((declaration) => declaration.bidId === bid.id);
    const moderated = await cellHistoryOf(em, tender.id, bid.id, criterion.id);
    const rows = await scoreRows(em, tender.id, [bid.id], new Map(), false, criterion.id);
    const scores = rows.map((row) => ({
      bidId: row.bidId,
      criterionId: row.criterionId,
      panelistId: row.memberId,
      score: row.score,
      submitted: row.status === 'submitted',
    }));
    return {
      rows: {
        detail: 'engine',
        tender,
        criteria,
        members,
        bids: [bid],
        versions,
        compliance,
        declarations,
        moderated,
        scores,
        entries: [],
      },
      criterion,
      scoreRows: rows,
    };
  }

  /**
   * Every individual score of the tender, from one row per bid × criterion of "joinOrder
   * score submitted" entries (scoring's `scoreCellEntries`). Parsing that back costs no
   * strings per score, and each score's record reuses the cell's bid and criterion id strings.
   */
  private async scoreCells(
    em: EntityManager,
    tenderId: string,
    members: readonly PanelMember[],
  ): Promise<EngineIndividualScore[]> {
    const cells = await scoreCellEntries(em, tenderId);
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
}

/** The columns of a bid version the evaluation record shows (never the answers). */
const VERSION_COLUMNS = {
  id: true,
  bidId: true,
  number: true,
  submittedAt: true,
  pricePence: true,
  consortium: true,
  organisationType: true,
} as const;

/** What the engine reads from the tender row itself: its scale and scoring settings. */
export function engineSettingsOf(tender: Tender): Pick<EngineInput, 'scale' | 'settings'> {
  return {
    scale: { min: tender.scaleMin, max: tender.scaleMax },
    settings: { ...scoringSettingsOf(tender), closeCallMarginHundredths: tender.closeCallMarginHundredths },
  };
}

/** The results engine's input from the evaluation rows: pure, no database. */
export function toEngineInput(rows: EvaluationRows): EngineInput {
  const { tender, bids } = rows;
  const criteria = rows.criteria.map(toFlat);
  const counted = new Set(bids.map((bid) => bid.id));
  const versionById = new Map(rows.versions.map((version) => [version.id, version]));
  const conflicts = rows.declarations.filter((declaration) => declaration.conflict);
  const latest = new Map<string, ModeratedScore>();
  for (const version of rows.moderated) {
    const key = `${version.bidId}|${version.criterionId}`;
    const seen = latest.get(key);
    if (!seen || Number(seen.version) < Number(version.version)) latest.set(key, version);
  }
  return {
    ...engineSettingsOf(tender),
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
    panelists: rows.members.map((member) => ({ id: member.id, group: member.group })),
    bids: bids.map((bid) => ({
      id: bid.id,
      bidderName: bid.bidderName,
      status: bid.status === 'disqualified' ? 'disqualified' : 'submitted',
      disqualificationReason: bid.disqualificationReason,
      pricePence: versionById.get(bid.submittedVersionId!)!.pricePence,
      compliance: rows.compliance
        .filter((r) => r.bidId === bid.id)
        .map((r) => ({ criterionId: r.criterionId, passed: r.passed })),
      conflicts: conflicts.filter((d) => d.bidId === bid.id).map((d) => d.panelMemberId),
    })),
    individualScores: rows.scores.filter((score) => counted.has(score.bidId)),
    moderatedScores: [...latest.values()]
      .filter((m) => counted.has(m.bidId))
      // A driver may return integers as strings; the engine wants numbers.
      .map((m) => ({ bidId: m.bidId, criterionId: m.criterionId, score: Number(m.score) })),
  };
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
