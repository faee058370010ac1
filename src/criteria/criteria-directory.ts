import { EntityManager, In } from 'typeorm';
import { buildTree, flattenTree, tenderWarnings, type FlatCriterion, type TenderWarning } from './domain';
import { toFlat } from './criteria.service';
import { Criterion } from './criterion.entity';

/**
 * How other features read the criteria: set-based, one query for any number of tenders.
 * The warnings of each tender (PPN 002's social value share), by tender id; every id asked
 * for has an entry.
 */
export async function warningsOfTenders(em: EntityManager, tenderIds: readonly string[]): Promise<Map<string, TenderWarning[]>> {
  const rows = tenderIds.length
    ? await em.getRepository(Criterion).find({
        where: { tenderId: In([...tenderIds]) },
        select: { tenderId: true, kind: true, category: true, weightHundredths: true },
      })
    : [];
  const byTender = new Map<string, Criterion[]>(tenderIds.map((id) => [id, []]));
  for (const row of rows) byTender.get(row.tenderId)?.push(row);
  return new Map([...byTender].map(([id, nodes]) => [id, tenderWarnings(nodes)]));
}

/** A tender's criteria, depth-first in sibling order (the tree as the results read it). */
export async function criteriaOfTender(em: EntityManager, tenderId: string): Promise<FlatCriterion[]> {
  const rows = await em.getRepository(Criterion).find({ where: { tenderId }, order: { order: 'ASC', code: 'ASC' } });
  return flattenTree(buildTree(rows.map(toFlat)));
}

/** The pass/fail gates of some tenders, as id and tender only: one statement (none for no ids). */
export function passFailGatesOf(em: EntityManager, tenderIds: readonly string[]): Promise<Pick<Criterion, 'id' | 'tenderId'>[]> {
  if (tenderIds.length === 0) return Promise.resolve([]);
  return em
    .getRepository(Criterion)
    .find({ where: { tenderId: In([...tenderIds]), kind: 'pass_fail' }, select: { id: true, tenderId: true } });
}
