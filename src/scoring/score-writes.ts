import { In, type EntityManager } from 'typeorm';
import { DomainError } from '../common/domain/domain-error';
import { newId } from '../common/ids';
import { IndividualScore } from './individual-score.entity';
import { assertDraft } from './domain/scoring-rules';

/*
 * The writes behind a member's draft and submission, for scores entered on a member's
 * behalf (the assisted-scoring feature) — the same conditional updates as ScoringService's:
 * a draft update only while it is a draft, a submission only of drafts still drafts.
 */

/** Saves the member's draft of one cell; returns the row as it now is and the one before. */
export async function writeDraft(
  em: EntityManager,
  cell: { tenderId: string; bidId: string; criterionId: string; criterionCode: string; panelMemberId: string },
  value: { score: number; rationale: string },
  now: Date,
): Promise<{ score: IndividualScore; before: IndividualScore | null }> {
  const repo = em.getRepository(IndividualScore);
  const { tenderId, bidId, criterionId, panelMemberId } = cell;
  const existing = await repo.findOne({ where: { panelMemberId, bidId, criterionId } });
  assertDraft(existing, cell.criterionCode);
  if (existing) {
    const result = await repo.update({ id: existing.id, status: 'draft' }, { ...value, savedAt: now });
    if (result.affected !== 1) assertDraft({ status: 'submitted' }, cell.criterionCode);
    return { score: { ...existing, ...value, savedAt: now }, before: existing };
  }
  const score = repo.create({
    id: newId(),
    tenderId,
    bidId,
    criterionId,
    panelMemberId,
    ...value,
    status: 'draft',
    savedAt: now,
    submittedAt: null,
  });
  await repo.insert(score);
  return { score, before: null };
}

/** Locks the given drafts (ids) at `now`; 409 when another request submitted them meanwhile. */
export async function lockDrafts(em: EntityManager, ids: readonly string[], now: Date): Promise<void> {
  const result = await em
    .getRepository(IndividualScore)
    .update({ id: In([...ids]), status: 'draft' }, { status: 'submitted', submittedAt: now });
  if (result.affected !== ids.length) {
    throw new DomainError('invalid_state', 'These scores for this bid were submitted by another request meanwhile.');
  }
}
