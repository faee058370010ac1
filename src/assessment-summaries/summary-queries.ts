import type { EntityManager } from 'typeorm';
import { AssessmentSummary, AssessmentSummaryVersion } from './assessment-summary.entity';
import { allSentOn } from './domain/summary-status';

/*
 * What other features read of the assessment summaries (the model: panel-directory.service.ts):
 * the award notice's date the summaries were sent (OCDS `assessmentSummariesDateSent`).
 */

/**
 * The day the assessment summaries were sent, once every summary of the tender is recorded as
 * sent: the last such day (midnight UTC of it). null while any is unsent, or none was generated.
 */
export async function summariesSentOn(em: EntityManager, tenderId: string): Promise<Date | null> {
  const rows = await em.getRepository(AssessmentSummary).find({ where: { tenderId }, select: { status: true, sentOn: true } });
  const day = allSentOn(rows);
  return day ? new Date(`${day}T00:00:00.000Z`) : null;
}

export function summariesOf(em: EntityManager, tenderId: string): Promise<AssessmentSummary[]> {
  return em.getRepository(AssessmentSummary).find({ where: { tenderId } });
}

export function summaryOfBid(em: EntityManager, tenderId: string, bidId: string): Promise<AssessmentSummary | null> {
  return em.getRepository(AssessmentSummary).findOne({ where: { tenderId, bidId } });
}

/** Every version of some summaries, oldest first. */
export function versionsOf(em: EntityManager, summaryIds: readonly string[]): Promise<AssessmentSummaryVersion[]> {
  if (summaryIds.length === 0) return Promise.resolve([]);
  return em
    .getRepository(AssessmentSummaryVersion)
    .createQueryBuilder('v')
    .where('v.summaryId IN (:...ids)', { ids: [...summaryIds] })
    .orderBy('v.version', 'ASC')
    .getMany();
}
