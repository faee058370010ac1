import { Injectable } from '@nestjs/common';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { CriteriaService } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { isUniqueViolation } from '../database/unique-violation';
import { assertOnScale, normaliseRationale } from '../scoring/domain/scoring-rules';
import type { ModerateScoreDto } from './dto/moderation.dto';
import { ModeratedScoreResponse } from './dto/moderation.response';
import { ModeratedScore } from './moderated-score.entity';
import {
  assertBidModeratable,
  assertIfMatch,
  assertModeratable,
  assertModerationOpen,
  type IfMatch,
} from './domain/moderation-rules';

/**
 * Records the panel's consensus on a bid × criterion. Every change appends a version;
 * `If-Match` guards against overwriting a colleague's change unseen (412).
 */
@Injectable()
export class ModeratedScoresService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
  ) {}

  async record(
    caller: Caller,
    tenderId: string,
    bidId: string,
    criterionRef: string,
    dto: ModerateScoreDto,
    condition: IfMatch | null,
  ): Promise<ModeratedScoreResponse> {
    const rationale = normaliseRationale(dto.rationale);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.recordOnce(caller, tenderId, bidId, criterionRef, dto.score, rationale, condition);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // A colleague's version landed first (PostgreSQL). Guarded: their change is news
        // to this client. Unguarded: stack on top of it, as if sent a moment later.
        if (condition || attempt >= 3) {
          throw new DomainError(
            'precondition_failed',
            'The moderated score changed while you were saving. Reload and try again.',
          );
        }
      }
    }
  }

  private async recordOnce(
    caller: Caller,
    tenderId: string,
    bidId: string,
    criterionRef: string,
    score: number,
    rationale: string,
    condition: IfMatch | null,
  ): Promise<ModeratedScoreResponse> {
    return this.db.transaction(async (em) => {
      const { tender } = await this.access.require(em, caller, tenderId, 'team');
      assertModerationOpen(tender.status);
      const bid = (await this.directory.countedBids(em, tenderId)).find((candidate) => candidate.id === bidId);
      if (!bid) throw new DomainError('not_found', 'Bid not found.');
      assertBidModeratable(bid);
      const criterion = await this.criteria.resolve(em, tenderId, criterionRef);
      assertModeratable(criterion);
      assertOnScale(score, { min: tender.scaleMin, max: tender.scaleMax });
      const repo = em.getRepository(ModeratedScore);
      const latest = await repo.findOne({ where: { bidId, criterionId: criterion.id }, order: { version: 'DESC' } });
      assertIfMatch(condition, latest?.version ?? 0);
      const row = repo.create({
        id: newId(),
        tenderId,
        bidId,
        criterionId: criterion.id,
        version: (latest?.version ?? 0) + 1,
        score,
        rationale,
        moderatedById: caller.id,
        moderatedAt: this.clock.now(),
      });
      await repo.insert(row);
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'moderated_score.recorded',
        entityType: 'moderated_score',
        entityId: row.id,
        tenderId,
        sensitivity: 'score',
        before: latest ? { version: latest.version, score: latest.score, rationale: latest.rationale } : null,
        after: { bidId, criterion: criterion.code, version: row.version, score: row.score, rationale: row.rationale },
      });
      return ModeratedScoreResponse.from(row, criterion.code, caller.name);
    });
  }
}
