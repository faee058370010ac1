import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { fromHundredths } from '../common/domain/decimals';
import { Db } from '../database/db.service';
import {
  ModeratedScoreResponse,
  type ModerationItemResponse,
  type ModerationResponse,
  type ModerationScoreResponse,
} from '../moderation/dto/moderation.response';
import { assertModerationVisible } from '../moderation/domain/moderation-rules';
import { DomainError } from '../common/domain/domain-error';
import type { PanelGroup } from '../criteria/domain';
import { scoreEntriesOf } from '../assisted/score-entry-queries';
import { userNames } from '../users/user-directory';
import { presentCellStatistics, type PanelStatistics } from './engine';
import { cellKey, type RecordScore } from './evaluation/evaluation-record';
import { Evaluation } from './evaluation/evaluation.service';
import { entryKey, entryMarkers } from '../assisted/domain/assisted-rules';

/**
 * The moderation table (team, from moderation on): every usable individual score with its
 * group, member and rationale, the panel statistics and flags of the results engine, and
 * the moderated score with its history — all from the evaluation record (`Evaluation`,
 * never a second copy of the formulas or a second reader). Lived-experience members
 * appear by pseudonym even to the team: the record of who said what is read in a room
 * and exported, and lay members score more freely unnamed. Within a cell the scores are
 * in the record's order: lived experience first, then by join order.
 */
@Injectable()
export class ModerationViewService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly evaluation: Evaluation,
  ) {}

  async view(caller: Caller, tenderId: string): Promise<ModerationResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertModerationVisible(tender.status);
      const record = await this.evaluation.record(em, caller, tender);
      const usable = new Map<string, RecordScore[]>();
      for await (const batch of record.readScores({ whole: true })) {
        for (const score of batch) {
          if (score.notCounted !== null) continue;
          const key = cellKey(score.bidId, score.criterionId);
          const cell = usable.get(key);
          if (cell) cell.push(score);
          else usable.set(key, [score]);
        }
      }
      const members = new Map(record.members.map((member) => [member.id, member]));
      const criteria = new Map(record.criteria.map((criterion) => [criterion.id, criterion]));
      const bids = new Map(record.bids.map((bid) => [bid.id, bid]));
      // Each cell's moderation history, oldest first (the record's order), indexed once: a
      // filter per cell was cells × moderated scores (72 million comparisons on the large tender).
      const histories = new Map<string, ModeratedScoreResponse[]>();
      for (const m of record.moderated) {
        const criterion = criteria.get(m.criterionId);
        if (!criterion) continue; // only cells of the record's criteria are listed below
        const key = cellKey(m.bidId, m.criterionId);
        const entry = ModeratedScoreResponse.from(m, criterion.code, m.moderatedBy);
        const history = histories.get(key);
        if (history) history.push(entry);
        else histories.set(key, [entry]);
      }
      return {
        tenderId,
        status: tender.status,
        divergenceThreshold: fromHundredths(tender.divergenceThresholdHundredths),
        minScorers: tender.minScorers,
        items: [...record.statistics.values()].map((cell) => {
          const key = cellKey(cell.bidId, cell.criterionId);
          const history = histories.get(key) ?? [];
          return {
            ...cellFigures(cell, criteria.get(cell.criterionId)!, bids.get(cell.bidId)!),
            scores: (usable.get(key) ?? []).map((score) => {
              const member = members.get(score.memberId)!;
              return scoreOf(member, score, record.entries.get(entryKey(member.id, cell.bidId, cell.criterionId))?.words);
            }),
            moderated: history.at(-1) ?? null,
            history,
          };
        }),
      };
    });
  }

  /**
   * Every cell as `view` shows it — statistics, flags, the agreed score — without the
   * individual scores and the history (the agenda pages): from the evaluation kept while
   * the tender is unchanged (`Evaluation.cells`), so no rationale is read.
   */
  async cells(caller: Caller, tenderId: string): Promise<ModerationCells> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertModerationVisible(tender.status);
      const { input, statistics } = await this.evaluation.cells(em, tender);
      const criteria = new Map(input.criteria.map((criterion) => [criterion.id, criterion]));
      const bids = new Map(input.bids.map((bid) => [bid.id, bid]));
      const agreed = new Map(input.moderatedScores.map((m) => [cellKey(m.bidId, m.criterionId), m.score]));
      return {
        tenderId,
        status: tender.status,
        divergenceThreshold: fromHundredths(tender.divergenceThresholdHundredths),
        minScorers: tender.minScorers,
        cells: [...statistics.values()].map((cell) => ({
          ...cellFigures(cell, criteria.get(cell.criterionId)!, bids.get(cell.bidId)!),
          agreed: agreed.get(cellKey(cell.bidId, cell.criterionId)) ?? null,
        })),
      };
    });
  }

  /**
   * One cell exactly as `view` lists it (its scores with their reasons, in the record's
   * order, and every version of its agreed score), reading only that cell's rows.
   */
  async cell(caller: Caller, tenderId: string, bidId: string, code: string): Promise<ModerationItemResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertModerationVisible(tender.status);
      const found = await this.evaluation.cell(em, tender, bidId, code);
      if (!found) throw new DomainError('not_found', 'No such bid and scored criterion.');
      const { criterion, bid, statistics: cell, members, memberNames } = found;
      const usable = new Set(cell.scores.map((score) => score.panelistId));
      const byId = new Map(members.map((member, index) => [member.id, { member, index }]));
      // The record's order: lived-experience members first, then professionals, each in join order.
      const rank = (memberId: string) => {
        const { member, index } = byId.get(memberId)!;
        return (member.group === 'lived_experience' ? 0 : members.length) + index;
      };
      const rows = found.scoreRows.filter((row) => usable.has(row.memberId)).sort((a, b) => rank(a.memberId) - rank(b.memberId));
      const entries = entryMarkers(await scoreEntriesOf(em, tenderId, { bidId: bid.id }), memberNames);
      const versions = found.history;
      const people = await userNames(
        em,
        versions.map((version) => version.moderatedById),
      );
      const history = versions.map((version) =>
        ModeratedScoreResponse.from(
          { ...version, version: Number(version.version), score: Number(version.score) },
          criterion.code,
          people.get(version.moderatedById) ?? '',
        ),
      );
      return {
        ...cellFigures(cell, criterion, bid),
        scores: rows.map((row) => {
          const { member } = byId.get(row.memberId)!;
          return scoreOf(
            { id: member.id, name: memberNames.get(member.id)!, group: member.group, roleLabel: member.roleLabel },
            row,
            entries.get(entryKey(member.id, bid.id, criterion.id))?.words,
          );
        }),
        moderated: history.at(-1) ?? null,
        history,
      };
    });
  }
}

/** A cell of the moderation agenda: `ModerationItemResponse` without the scores and the history, with the agreed score. */
export type ModerationCell = Omit<ModerationItemResponse, 'scores' | 'moderated' | 'history'> & { agreed: number | null };

export interface ModerationCells extends Omit<ModerationResponse, 'items'> {
  /** In `view`'s order: bid by bidder name, criterion in tree order. */
  cells: ModerationCell[];
}

/** A cell's figures as the API shows them: the engine's statistics, worded by its criterion and bid. */
function cellFigures(
  cell: PanelStatistics,
  criterion: { title: string; scoredBy: PanelGroup[] },
  bid: { bidderName: string; status: string },
): Omit<ModerationCell, 'agreed'> {
  return {
    bidId: cell.bidId,
    bidderName: bid.bidderName,
    bidStatus: bid.status,
    criterionId: cell.criterionId,
    code: cell.code,
    title: criterion.title,
    scoredBy: criterion.scoredBy,
    ...presentCellStatistics(cell),
    flags: cell.flags.map((flag) => ({ type: flag.type, criterion: flag.criterion })),
  };
}

/** One usable score as the API shows it: the member by their name on the record. */
function scoreOf(
  member: { id: string; name: string; group: PanelGroup; roleLabel: string | null },
  score: { score: number; rationale: string; submittedAt: Date | null },
  enteredOnBehalf: string | undefined,
): ModerationScoreResponse {
  return {
    panelMemberId: member.id,
    member: member.name,
    group: member.group,
    role: member.roleLabel,
    score: score.score,
    rationale: score.rationale,
    submittedAt: score.submittedAt ? score.submittedAt.toISOString() : null,
    enteredOnBehalf: enteredOnBehalf ?? null,
  };
}
