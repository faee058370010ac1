import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import type { Criterion } from '../criteria/criterion.entity';
import type { PanelMember } from '../panel/panel-member.entity';
import type { Tender } from '../tenders/tender.entity';
import { IndividualScore } from './individual-score.entity';
import { assertDraft, assertOnScale, assertScorableBy, normaliseRationale } from './domain/scoring-rules';

/** One draft score to write for a member, already past the seat, window and bid checks. */
export interface DraftScoreInput {
  tender: Tender;
  member: PanelMember;
  bidId: string;
  criterion: Criterion;
  score: number;
  rationale: string;
  /** Who wrote it (the member, or the team member importing their workbook). */
  actorId: string;
  /** Added to the audit row's `after` (e.g. `{source: 'offline_workbook'}`). */
  auditNote?: Record<string, unknown>;
  /** Field names for the rules' errors (the workbook names its cells). */
  fields?: { score?: string; rationale?: string };
}

/**
 * Writes one draft individual score inside the caller's unit of work, after the scoring
 * rules a save checks (criterion scored by the member's group, on the scale, a rationale,
 * not yet submitted), with its `score.saved` audit row. `ScoringService.save` and the
 * offline workbook import both write through here, so a draft is one rule set.
 */
@Injectable()
export class DraftScoreWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async write(em: EntityManager, input: DraftScoreInput): Promise<IndividualScore> {
    const { tender, member, bidId, criterion } = input;
    const rationale = normaliseRationale(input.rationale, input.fields?.rationale);
    assertScorableBy(criterion, member.group);
    assertOnScale(input.score, { min: tender.scaleMin, max: tender.scaleMax }, input.fields?.score);
    const repo = em.getRepository(IndividualScore);
    const existing = await repo.findOne({ where: { panelMemberId: member.id, bidId, criterionId: criterion.id } });
    assertDraft(existing, criterion.code);
    const now = this.clock.now();
    let score: IndividualScore;
    if (existing) {
      // Conditional: a submit that committed in between must win (PostgreSQL).
      const result = await repo.update({ id: existing.id, status: 'draft' }, { score: input.score, rationale, savedAt: now });
      if (result.affected !== 1) assertDraft({ status: 'submitted' }, criterion.code);
      score = { ...existing, score: input.score, rationale, savedAt: now };
    } else {
      score = repo.create({
        id: newId(),
        tenderId: tender.id,
        bidId,
        criterionId: criterion.id,
        panelMemberId: member.id,
        score: input.score,
        rationale,
        status: 'draft',
        savedAt: now,
        submittedAt: null,
      });
      await repo.insert(score);
    }
    await this.audit.record(em, {
      actorId: input.actorId,
      action: 'score.saved',
      entityType: 'individual_score',
      entityId: score.id,
      tenderId: tender.id,
      sensitivity: 'score',
      before: existing ? { score: existing.score, rationale: existing.rationale } : null,
      after: {
        panelMemberId: member.id,
        bidId,
        criterion: criterion.code,
        score: score.score,
        rationale: score.rationale,
        ...input.auditNote,
      },
    });
    return score;
  }
}
