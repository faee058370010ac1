import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { fromHundredths } from '../common/domain/decimals';
import { Db } from '../database/db.service';
import { ModeratedScoreResponse, type ModerationResponse } from '../moderation/dto/moderation.response';
import { assertModerationVisible } from '../moderation/domain/moderation-rules';
import { presentNumber } from './engine';
import { cellKey, type RecordScore } from './evaluation/evaluation-record';
import { Evaluation } from './evaluation/evaluation.service';
import { entryKey } from '../assisted/domain/assisted-rules';

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
          const criterion = criteria.get(cell.criterionId)!;
          const history = histories.get(cellKey(cell.bidId, cell.criterionId)) ?? [];
          return {
            bidId: cell.bidId,
            bidderName: bids.get(cell.bidId)!.bidderName,
            bidStatus: bids.get(cell.bidId)!.status,
            criterionId: cell.criterionId,
            code: cell.code,
            title: criterion.title,
            scoredBy: criterion.scoredBy,
            scores: (usable.get(cellKey(cell.bidId, cell.criterionId)) ?? []).map((score) => {
              const member = members.get(score.memberId)!;
              return {
                panelMemberId: member.id,
                member: member.name,
                group: member.group,
                role: member.roleLabel,
                score: score.score,
                rationale: score.rationale,
                submittedAt: score.submittedAt ? score.submittedAt.toISOString() : null,
                enteredOnBehalf: record.entries.get(entryKey(member.id, cell.bidId, cell.criterionId))?.words ?? null,
              };
            }),
            count: cell.count,
            min: cell.min,
            max: cell.max,
            spread: cell.spread,
            groupMeans: {
              lived_experience: presentNumber(cell.groupMeans.lived_experience),
              professional: presentNumber(cell.groupMeans.professional),
            },
            panelScore: presentNumber(cell.panelScore),
            flags: cell.flags.map((flag) => ({ type: flag.type, criterion: flag.criterion })),
            moderated: history.at(-1) ?? null,
            history,
          };
        }),
      };
    });
  }
}
