import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import type { Caller } from '../common/caller';
import { fromHundredths } from '../common/decimals';
import { Criterion } from '../criteria/criterion.entity';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { panelStatistics, presentNumber } from './engine';
import { User } from '../users/user.entity';
import { ModeratedScoreResponse, type ModerationResponse } from '../moderation/dto/moderation.response';
import { EngineInputLoader } from './evaluation/evaluation-reader';
import { assertModerationVisible } from '../moderation/moderation-rules';

/**
 * The moderation table (team, from moderation on): every usable individual score with its
 * group, member and rationale, the panel statistics and flags of the results engine
 * (`panelStatistics`, never a second copy of the formulas), and the moderated score.
 * Lived-experience members appear by pseudonym even to the team: the record of who said
 * what is read in a room and exported, and lay members score more freely unnamed.
 */
@Injectable()
export class ModerationViewService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly loader: EngineInputLoader,
    private readonly directory: PanelDirectory,
  ) {}

  async view(caller: Caller, tenderId: string): Promise<ModerationResponse> {
    return this.db.read(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertModerationVisible(tender.status);
      const { input, scores, moderatedVersions } = await this.loader.load(em, tender);
      const statistics = panelStatistics(input);
      const members = new Map((await this.directory.members(em, tenderId)).map((m) => [m.id, m]));
      const names = await this.directory.recordNames(em, tenderId);
      const criteria = new Map((await em.getRepository(Criterion).find({ where: { tenderId } })).map((c) => [c.id, c]));
      const bids = new Map(input.bids.map((bid) => [bid.id, bid]));
      const rowOf = new Map(scores.map((score) => [`${score.panelMemberId}|${score.bidId}|${score.criterionId}`, score]));
      const moderatorIds = [...new Set(moderatedVersions.map((m) => m.moderatedById))];
      const moderators = new Map(
        (moderatorIds.length ? await em.getRepository(User).find({ where: { id: In(moderatorIds) } }) : []).map((u) => [
          u.id,
          u.name,
        ]),
      );
      return {
        tenderId,
        status: tender.status,
        divergenceThreshold: fromHundredths(tender.divergenceThresholdHundredths),
        minScorers: tender.minScorers,
        items: statistics.map((cell) => {
          const criterion = criteria.get(cell.criterionId)!;
          const history = moderatedVersions
            .filter((m) => m.bidId === cell.bidId && m.criterionId === cell.criterionId)
            .map((m) => ModeratedScoreResponse.from(m, criterion.code, moderators.get(m.moderatedById) ?? ''));
          return {
            bidId: cell.bidId,
            bidderName: bids.get(cell.bidId)!.bidderName,
            bidStatus: bids.get(cell.bidId)!.status,
            criterionId: cell.criterionId,
            code: cell.code,
            title: criterion.title,
            scoredBy: criterion.scoredBy,
            scores: cell.scores.map((entry) => {
              const member = members.get(entry.panelistId)!;
              const row = rowOf.get(`${entry.panelistId}|${cell.bidId}|${cell.criterionId}`)!;
              return {
                panelMemberId: member.id,
                member: names.get(member.id)!,
                group: member.group,
                role: member.roleLabel,
                score: entry.score,
                rationale: row.rationale,
                submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
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
