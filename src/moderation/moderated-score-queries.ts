import type { EntityManager } from 'typeorm';
import { ModeratedScore } from './moderated-score.entity';

/*
 * The moderation feature's queries of moderated scores, for the features that read them
 * (the results read model): each function takes the unit of work's `em`.
 */

/**
 * Every moderated score of the tender, by bid, criterion and version (the history: the last
 * version of each bid × criterion is current). `full`: every column; else only bid,
 * criterion, version and score (what the engine needs).
 */
export function moderatedScoresOf(em: EntityManager, tenderId: string, full: boolean): Promise<ModeratedScore[]> {
  return em.getRepository(ModeratedScore).find({
    where: { tenderId },
    order: { bidId: 'ASC', criterionId: 'ASC', version: 'ASC' },
    ...(full ? {} : { select: { id: true, bidId: true, criterionId: true, version: true, score: true } }),
  });
}

/** Every version of one bid × criterion's moderated score, oldest first (every column). */
export function cellHistoryOf(
  em: EntityManager,
  tenderId: string,
  bidId: string,
  criterionId: string,
): Promise<ModeratedScore[]> {
  return em.getRepository(ModeratedScore).find({ where: { tenderId, bidId, criterionId }, order: { version: 'ASC' } });
}
