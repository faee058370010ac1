import type { EntityManager } from 'typeorm';
import { ScoreEntry } from './score-entry.entity';
import type { ScoreEntryMethod } from './domain/assisted-rules';

/*
 * The assisted-scoring feature's queries, for itself and for the evaluation read model
 * (results, moderation, exports): each takes the unit of work's `em`. Who may see what is
 * decided by the access policy, not here.
 */

/** An entry on a member's behalf, with the score it is about and the name of who entered it. */
export interface ScoreEntryRow {
  id: string;
  individualScoreId: string;
  bidId: string;
  criterionId: string;
  panelMemberId: string;
  score: number;
  rationale: string;
  status: 'draft' | 'submitted';
  savedAt: Date;
  submittedAt: Date | null;
  method: ScoreEntryMethod;
  enteredById: string;
  enteredByName: string;
  enteredAt: Date;
  confirmedByMemberAt: Date | null;
}

/** The tender's entries (one member's, on one bid, when given): one statement. */
export async function scoreEntriesOf(
  em: EntityManager,
  tenderId: string,
  filter: { panelMemberId?: string; bidId?: string } = {},
): Promise<ScoreEntryRow[]> {
  const query = em
    .getRepository(ScoreEntry)
    .createQueryBuilder('e')
    .innerJoin('e.individualScore', 's')
    .innerJoin('e.enteredBy', 'u')
    .select([
      'e.id AS "id"',
      'e.individualScoreId AS "individualScoreId"',
      's.bidId AS "bidId"',
      's.criterionId AS "criterionId"',
      's.panelMemberId AS "panelMemberId"',
      's.score AS "score"',
      's.rationale AS "rationale"',
      's.status AS "status"',
      's.savedAt AS "savedAt"',
      's.submittedAt AS "submittedAt"',
      'e.method AS "method"',
      'e.enteredById AS "enteredById"',
      'u.name AS "enteredByName"',
      'e.enteredAt AS "enteredAt"',
      'e.confirmedByMemberAt AS "confirmedByMemberAt"',
    ])
    .where('e.tenderId = :tenderId', { tenderId });
  if (filter.panelMemberId) query.andWhere('s.panelMemberId = :memberId', { memberId: filter.panelMemberId });
  if (filter.bidId) query.andWhere('s.bidId = :bidId', { bidId: filter.bidId });
  const raw = await query.orderBy('e.enteredAt', 'ASC').addOrderBy('e.id', 'ASC').getRawMany<Record<string, unknown>>();
  return raw.map((row) => ({
    ...(row as unknown as ScoreEntryRow),
    score: Number(row.score),
    savedAt: toDate(row.savedAt)!,
    submittedAt: toDate(row.submittedAt),
    enteredAt: toDate(row.enteredAt)!,
    confirmedByMemberAt: toDate(row.confirmedByMemberAt),
  }));
}

/** Raw rows give SQLite's datetime text ("2027-02-02 10:00:00.000", UTC) or PostgreSQL's Date. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** Records (or rewrites) who entered an individual score, and how: the member's confirmation starts again. */
export async function recordEntry(
  em: EntityManager,
  entry: Pick<ScoreEntry, 'id' | 'individualScoreId' | 'tenderId' | 'enteredById' | 'method' | 'enteredAt'>,
): Promise<void> {
  const repo = em.getRepository(ScoreEntry);
  const existing = await repo.findOne({ where: { individualScoreId: entry.individualScoreId }, select: { id: true } });
  if (existing) {
    await repo.update(
      { id: existing.id },
      { enteredById: entry.enteredById, method: entry.method, enteredAt: entry.enteredAt, confirmedByMemberAt: null },
    );
  } else {
    await repo.insert({ ...entry, confirmedByMemberAt: null });
  }
}

/** Rows by bid (in `bidOrder`), then criterion in tree order (`criterionOrder`: ids in tree order). */
export function inTreeOrder<T extends { bidId: string; criterionId: string }>(
  rows: readonly T[],
  bidOrder: readonly string[],
  criterionOrder: readonly string[],
): T[] {
  const bid = new Map(bidOrder.map((id, index) => [id, index]));
  const criterion = new Map(criterionOrder.map((id, index) => [id, index]));
  return [...rows].sort(
    (a, b) =>
      (bid.get(a.bidId) ?? 0) - (bid.get(b.bidId) ?? 0) ||
      (criterion.get(a.criterionId) ?? 0) - (criterion.get(b.criterionId) ?? 0),
  );
}

/** Marks entries confirmed by the member. */
export async function confirmEntries(em: EntityManager, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await em
    .getRepository(ScoreEntry)
    .createQueryBuilder()
    .update()
    .set({ confirmedByMemberAt: at })
    .whereInIds([...ids])
    .execute();
}

/** Entries for the member neither confirmed nor changed by them since (conflicted bids included: the page filters). */
export function countWaiting(em: EntityManager, tenderId: string, panelMemberId: string): Promise<number> {
  return em
    .getRepository(ScoreEntry)
    .createQueryBuilder('e')
    .innerJoin('e.individualScore', 's')
    .where('e.tenderId = :tenderId', { tenderId })
    .andWhere('s.panelMemberId = :panelMemberId', { panelMemberId })
    .andWhere('e.confirmedByMemberAt IS NULL')
    .andWhere('s.savedAt <= e.enteredAt')
    .getCount();
}
