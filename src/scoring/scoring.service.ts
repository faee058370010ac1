import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenderAccess } from '../access/tender-access.service';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../common/caller';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain/domain-error';
import { leaves } from '../criteria/domain';
import { CriteriaService, toFlat } from '../criteria/criteria.service';
import { Db } from '../database/db.service';
import { PanelDirectory } from '../panel/panel-directory.service';
import { retryOnUniqueViolation } from '../database/unique-violation';
import { DraftScoreWriter } from './draft-score-writer';
import type { SaveScoreDto } from './dto/save-score.dto';
import { ScoreResponse, type SubmittedBidScoresResponse } from './dto/score.response';
import { IndividualScore } from './individual-score.entity';
import { memberScores } from './score-queries';
import { ScoringHooks } from './scoring-hooks';
import { assertScoringOpen, criteriaForGroup, normaliseRationale, planSubmission } from './domain/scoring-rules';

/**
 * Independent scoring (SCORING.md §8): each panel member saves draft scores on the bids
 * they may see, then submits a bid's scores at once, after which they never change.
 * Until moderation a member sees only their own scores.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly db: Db,
    private readonly access: TenderAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly criteria: CriteriaService,
    private readonly directory: PanelDirectory,
    private readonly drafts: DraftScoreWriter,
    private readonly hooks: ScoringHooks,
  ) {}

  async save(caller: Caller, tenderId: string, bidId: string, criterionRef: string, dto: SaveScoreDto): Promise<ScoreResponse> {
    const rationale = normaliseRationale(dto.rationale);
    // Two first saves of one cell racing on PostgreSQL: the loser retries as an update.
    return retryOnUniqueViolation(() =>
      this.db.transaction(async (em) => {
        const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
        assertScoringOpen(tender, this.clock.now());
        const bid = await this.access.requirePanelBid(em, tender, member.id, bidId);
        const criterion = await this.criteria.resolve(em, tenderId, criterionRef);
        // The bid's name is read before the write: on PostgreSQL the audit append takes the
        // audit head's row lock, so nothing else should run between it and the commit.
        const bidName = await this.directory.panelBidNameOf(em, tender, bid);
        const score = await this.drafts.write(em, {
          tender,
          member,
          bidId,
          criterion,
          score: dto.score,
          rationale,
          actorId: caller.id,
        });
        return ScoreResponse.from(score, bidName, criterion.code);
      }),
    );
  }

  async submit(caller: Caller, tenderId: string, bidId: string): Promise<SubmittedBidScoresResponse> {
    return this.db.transaction(async (em) => {
      const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
      assertScoringOpen(tender, this.clock.now());
      const bid = await this.access.requirePanelBid(em, tender, member.id, bidId);
      const all = await this.criteria.all(em, tenderId);
      const ordered = criteriaForGroup(leaves(all.map(toFlat)), member.group);
      const repo = em.getRepository(IndividualScore);
      const scores = await repo.find({ where: { panelMemberId: member.id, bidId } });
      const byCriterion = new Map(scores.map((score) => [score.criterionId, score]));
      const { toSubmit } = planSubmission(ordered, byCriterion);
      const bidName = await this.directory.panelBidNameOf(em, tender, bid);
      const now = this.clock.now();
      const ids = toSubmit.map((criterionId) => byCriterion.get(criterionId)!.id);
      const result = await repo.update({ id: In(ids), status: 'draft' }, { status: 'submitted', submittedAt: now });
      if (result.affected !== ids.length) {
        throw new DomainError('invalid_state', 'Your scores for this bid were submitted by another request meanwhile.');
      }
      const codes = new Map(all.map((c) => [c.id, c.code]));
      const locked = ordered.map((criterion) => {
        const score = byCriterion.get(criterion.id)!;
        return toSubmit.includes(criterion.id) ? { ...score, status: 'submitted' as const, submittedAt: now } : score;
      });
      await this.audit.record(em, {
        actorId: caller.id,
        action: 'score.submitted',
        entityType: 'bid',
        entityId: bidId,
        tenderId,
        sensitivity: 'score',
        after: {
          panelMemberId: member.id,
          bidId,
          scores: locked.map((score) => ({
            criterion: codes.get(score.criterionId),
            score: score.score,
            rationale: score.rationale,
          })),
        },
      });
      await this.hooks.run(em, { tender });
      return {
        bidId,
        bid: bidName,
        submittedAt: now.toISOString(),
        scores: locked.map((score) => ScoreResponse.from(score, bidName, codes.get(score.criterionId) ?? '')),
      };
    });
  }

  /** The caller's own scores, drafts included, except on bids they declared a conflict with. */
  async mine(caller: Caller, tenderId: string): Promise<ScoreResponse[]> {
    return this.db.read(async (em) => {
      const { tender, member } = await this.access.requirePanelMember(em, caller, tenderId);
      const conflicted = new Set(
        (await this.directory.declarations(em, tenderId, member.id)).filter((d) => d.conflict).map((d) => d.bidId),
      );
      const names = await this.directory.panelBidNames(em, tender);
      const all = await this.criteria.all(em, tenderId);
      const codes = new Map(all.map((c) => [c.id, c.code]));
      const position = new Map(leaves(all.map(toFlat)).map((c, index) => [c.id, index]));
      const bidOrder = [...names.keys()];
      const scores = (await memberScores(em, member.id))
        .filter((score) => !conflicted.has(score.bidId) && names.has(score.bidId))
        .sort(
          (a, b) =>
            bidOrder.indexOf(a.bidId) - bidOrder.indexOf(b.bidId) ||
            (position.get(a.criterionId) ?? 0) - (position.get(b.criterionId) ?? 0),
        );
      return scores.map((score) => ScoreResponse.from(score, names.get(score.bidId)!, codes.get(score.criterionId) ?? ''));
    });
  }
}
