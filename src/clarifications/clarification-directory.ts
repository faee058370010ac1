import type { EntityManager } from 'typeorm';
import { Clarification } from './clarification.entity';

/*
 * The clarifications feature's queries of its log, for the features that read it (the
 * evaluation record): each function takes the unit of work's `em`. Who may see which entry
 * is decided by the clarification rules (`mayView`), not here.
 */

/** The tender's whole clarification log, questions and notices alike, in number order. */
export function clarificationLogOf(em: EntityManager, tenderId: string): Promise<Clarification[]> {
  return em.getRepository(Clarification).find({ where: { tenderId }, order: { number: 'ASC' } });
}
