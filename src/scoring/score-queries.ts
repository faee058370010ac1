import { EntityManager, In } from 'typeorm';
import { IndividualScore } from './individual-score.entity';

/*
 * The scoring feature's queries of individual scores, for every feature that reads them
 * (panel, moderation, results and its exports): each function takes the unit of work's
 * `em`. Who may see what is decided by the access policy, not here.
 */

/** Which (member, bid, criterion) a score exists for, and whether it was submitted. */
export type ScoreKey = Pick<IndividualScore, 'panelMemberId' | 'bidId' | 'criterionId' | 'status'>;

/** Every score's key on the tender (`submitted` only: the submitted ones), without values or rationales. */
export function scoreKeys(em: EntityManager, tenderId: string, options: { submitted?: boolean } = {}): Promise<ScoreKey[]> {
  return em.getRepository(IndividualScore).find({
    where: options.submitted ? { tenderId, status: 'submitted' } : { tenderId },
    select: { panelMemberId: true, bidId: true, criterionId: true, status: true },
  });
}

/** How many scores a member has on a bid, per status (on the criteria of the member's group). */
export interface ScoreCount {
  panelMemberId: string;
  bidId: string;
  status: IndividualScore['status'];
  count: number;
}

/**
 * Score counts per member × bid × status, each panel member counted only on the criteria of
 * their group (`groups`: the members of a group and its criteria). One grouped statement per
 * group, read in the order of the (panelMemberId, status, bidId, criterionId) index alone: no
 * row per score crosses into JavaScript (a large tender holds ~150 000).
 */
export async function scoreCounts(
  em: EntityManager,
  groups: readonly { memberIds: readonly string[]; criterionIds: readonly string[] }[],
): Promise<ScoreCount[]> {
  const counts: ScoreCount[] = [];
  for (const { memberIds, criterionIds } of groups) {
    if (memberIds.length === 0 || criterionIds.length === 0) continue;
    const rows = await em
      .getRepository(IndividualScore)
      .createQueryBuilder('score')
      .select('score.panelMemberId', 'panelMemberId')
      .addSelect('score.status', 'status')
      .addSelect('score.bidId', 'bidId')
      .addSelect('COUNT(*)', 'count')
      .where('score.panelMemberId IN (:...memberIds)', { memberIds: [...memberIds] })
      .andWhere('score.criterionId IN (:...criterionIds)', { criterionIds: [...criterionIds] })
      .groupBy('score.panelMemberId')
      .addGroupBy('score.status')
      .addGroupBy('score.bidId')
      .getRawMany<{ panelMemberId: string; status: IndividualScore['status']; bidId: string; count: string | number }>();
    for (const row of rows) counts.push({ ...row, count: Number(row.count) });
  }
  return counts;
}

/** One member's scores (on `bidIds` only, when given). */
export function memberScores(em: EntityManager, panelMemberId: string, bidIds?: readonly string[]): Promise<IndividualScore[]> {
  if (bidIds?.length === 0) return Promise.resolve([]);
  return em
    .getRepository(IndividualScore)
    .find({ where: bidIds ? { panelMemberId, bidId: In([...bidIds]) } : { panelMemberId } });
}

/**
 * Every individual score of the tender, one row per bid × criterion: the database joins the
 * member's `joinOrder` (unique on the tender) and concatenates "joinOrder score submitted"
 * entries, e.g. "3 4 1,7 2 0" (one statement, no entity per score: the results engine's input).
 */
export function scoreCellEntries(
  em: EntityManager,
  tenderId: string,
): Promise<{ bidId: string; criterionId: string; entries: string }[]> {
  const aggregate = em.connection.options.type === 'postgres' ? 'string_agg' : 'group_concat';
  const entry =
    "CAST(m.joinOrder AS varchar(12)) || ' ' || CAST(s.score AS varchar(12)) || ' ' || " +
    "CASE WHEN s.status = 'submitted' THEN '1' ELSE '0' END";
  return em
    .getRepository(IndividualScore)
    .createQueryBuilder('s')
    .innerJoin('s.panelMember', 'm')
    .select('s.bidId', 'bidId')
    .addSelect('s.criterionId', 'criterionId')
    .addSelect(`${aggregate}(${entry}, ',')`, 'entries')
    .where('s.tenderId = :tenderId', { tenderId })
    .groupBy('s.bidId')
    .addGroupBy('s.criterionId')
    .getRawMany<{ bidId: string; criterionId: string; entries: string }>();
}

/** One score row with its rationale, as `scoreRows` reads it (`id` and `savedAt` only when `full`). */
export interface ScoreRow {
  /** Only with `full`, like `savedAt`. */
  id: string | null;
  bidId: string;
  criterionId: string;
  memberId: string;
  score: number;
  rationale: string;
  status: 'draft' | 'submitted';
  /** Last saved; only with `full`. */
  savedAt: Date | null;
  submittedAt: Date | null;
}

/**
 * The score rows of some bids with their rationales, read as raw columns (hydrating
 * entities costs seconds on a large tender) and converted exactly as TypeORM would (the
 * driver's own `prepareHydratedValue`, so dates are right on SQLite and PostgreSQL alike).
 * Ids become the caller's own strings (`canonical`), so rows share them. The score's own id
 * and last-saved time only with `full`; one criterion's only with `criterionId`.
 */
export async function scoreRows(
  em: EntityManager,
  tenderId: string,
  bidIds: readonly string[],
  canonical: ReadonlyMap<string, string>,
  full = false,
  criterionId?: string,
): Promise<ScoreRow[]> {
  if (bidIds.length === 0) return [];
  const repository = em.getRepository(IndividualScore);
  const column = (property: string) => repository.metadata.findColumnWithPropertyName(property)!;
  const [savedAt, submittedAt] = [column('savedAt'), column('submittedAt')];
  const { driver } = em.connection;
  const same = (value: unknown) => canonical.get(value as string) ?? (value as string);
  const query = repository
    .createQueryBuilder('s')
    .select('s.bidId', 'bidId')
    .addSelect('s.criterionId', 'criterionId')
    .addSelect('s.panelMemberId', 'memberId')
    .addSelect('s.score', 'score')
    .addSelect('s.rationale', 'rationale')
    .addSelect('s.status', 'status')
    .addSelect('s.submittedAt', 'submittedAt')
    .where('s.tenderId = :tenderId', { tenderId })
    .andWhere('s.bidId IN (:...bidIds)', { bidIds });
  if (criterionId !== undefined) query.andWhere('s.criterionId = :criterionId', { criterionId });
  if (full) query.addSelect('s.id', 'id').addSelect('s.savedAt', 'savedAt');
  const rows = await query.getRawMany<Record<keyof ScoreRow, unknown>>();
  return rows.map((row) => ({
    id: full ? (row.id as string) : null,
    bidId: same(row.bidId),
    criterionId: same(row.criterionId),
    memberId: same(row.memberId),
    score: Number(row.score),
    rationale: row.rationale as string,
    status: row.status === 'submitted' ? 'submitted' : 'draft',
    savedAt: full ? (driver.prepareHydratedValue(row.savedAt, savedAt) as Date) : null,
    submittedAt: (row.submittedAt === null ? null : driver.prepareHydratedValue(row.submittedAt, submittedAt)) as Date | null,
  }));
}

/** The panel members of several tenders who have saved at least one score. */
export async function membersWhoStarted(em: EntityManager, tenderIds: readonly string[]): Promise<Set<string>> {
  const rows = await em
    .getRepository(IndividualScore)
    .createQueryBuilder('score')
    .select('DISTINCT score.panelMemberId', 'panelMemberId')
    .where('score.tenderId IN (:...ids)', { ids: [...tenderIds] })
    .getRawMany<{ panelMemberId: string }>();
  return new Set(rows.map((row) => row.panelMemberId));
}
