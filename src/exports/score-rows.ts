import type { EntityManager } from 'typeorm';
import type { PanelGroup } from '../criteria/criteria-tree';
import type { PanelStatistics } from '../results/engine';
import { IndividualScore } from '../scoring/individual-score.entity';
import { cellKey, type NotCounted, type RecordScore } from './evaluation-record';

/** Bids per query: ~15 000 score rows at a time in a large tender, so no query holds them all at once. */
const BIDS_PER_QUERY = 5;

/**
 * Every individual score on the listed bids with its rationale, read as raw columns in
 * batches of bids (a large tender holds ~150 000: hydrating entities costs seconds, and
 * one query materialises every row several times over) and converted exactly as TypeORM
 * would (the driver's own `prepareHydratedValue`, so dates are right on SQLite and
 * PostgreSQL alike). Ids are replaced by the caller's own strings (`canonical`), so
 * 150 000 rows do not each carry their own copies.
 */
export async function readScoreRows(
  em: EntityManager,
  tenderId: string,
  bidIds: readonly string[],
  canonical: ReadonlyMap<string, string>,
): Promise<RecordScore[]> {
  const repository = em.getRepository(IndividualScore);
  const column = (property: string) => repository.metadata.findColumnWithPropertyName(property)!;
  const [savedAt, submittedAt] = [column('savedAt'), column('submittedAt')];
  const { driver } = em.connection;
  const same = (value: unknown) => canonical.get(value as string) ?? (value as string);
  const scores: RecordScore[] = [];
  for (let first = 0; first < bidIds.length; first += BIDS_PER_QUERY) {
    const rows = await repository
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .addSelect('s.bidId', 'bidId')
      .addSelect('s.criterionId', 'criterionId')
      .addSelect('s.panelMemberId', 'memberId')
      .addSelect('s.score', 'score')
      .addSelect('s.rationale', 'rationale')
      .addSelect('s.status', 'status')
      .addSelect('s.savedAt', 'savedAt')
      .addSelect('s.submittedAt', 'submittedAt')
      .where('s.tenderId = :tenderId', { tenderId })
      .andWhere('s.bidId IN (:...bidIds)', { bidIds: bidIds.slice(first, first + BIDS_PER_QUERY) })
      .getRawMany<Record<keyof RecordScore, unknown>>();
    for (const row of rows) {
      scores.push({
        id: row.id as string,
        bidId: same(row.bidId),
        criterionId: same(row.criterionId),
        memberId: same(row.memberId),
        score: Number(row.score),
        rationale: row.rationale as string,
        status: row.status === 'submitted' ? 'submitted' : 'draft',
        savedAt: driver.prepareHydratedValue(row.savedAt, savedAt) as Date,
        submittedAt: (row.submittedAt === null ? null : driver.prepareHydratedValue(row.submittedAt, submittedAt)) as Date | null,
        notCounted: null,
      });
    }
  }
  return scores;
}

export interface ScoreOrder {
  bidIds: readonly string[];
  criterionIds: readonly string[];
  memberOrder: ReadonlyMap<string, number>;
  groupOf: ReadonlyMap<string, PanelGroup>;
  /** `${memberId}|${bidId}` of every declared conflict. */
  conflicts: ReadonlySet<string>;
  statistics: ReadonlyMap<string, PanelStatistics>;
}

/**
 * Marks each score counted or not — counted means what the results engine used: the
 * usable scores of its panel statistics — and orders them bid by bid (in `bidIds` order),
 * criterion by criterion, counted scores first by group (lived experience, then
 * professional) and member, then the rest. Scores on bids not listed are dropped.
 */
export function orderScores(scores: RecordScore[], order: ScoreOrder): RecordScore[] {
  const buckets = new Map<string, RecordScore[]>();
  for (const score of scores) {
    const key = cellKey(score.bidId, score.criterionId);
    const bucket = buckets.get(key);
    if (bucket) bucket.push(score);
    else buckets.set(key, [score]);
  }
  const groupRank = (memberId: string) => (order.groupOf.get(memberId) === 'lived_experience' ? 0 : 1);
  const ordered: RecordScore[] = [];
  for (const bidId of order.bidIds) {
    for (const criterionId of order.criterionIds) {
      const key = cellKey(bidId, criterionId);
      const bucket = buckets.get(key);
      if (!bucket) continue;
      const usable = new Set(order.statistics.get(key)?.scores.map((entry) => entry.panelistId) ?? []);
      for (const score of bucket) score.notCounted = usable.has(score.memberId) ? null : reasonNotCounted(score, order.conflicts);
      bucket.sort(
        (a, b) =>
          Number(a.notCounted !== null) - Number(b.notCounted !== null) ||
          groupRank(a.memberId) - groupRank(b.memberId) ||
          order.memberOrder.get(a.memberId)! - order.memberOrder.get(b.memberId)!,
      );
      for (const score of bucket) ordered.push(score);
    }
  }
  return ordered;
}

function reasonNotCounted(score: RecordScore, conflicts: ReadonlySet<string>): NotCounted {
  if (score.status !== 'submitted') return 'draft';
  return conflicts.has(`${score.memberId}|${score.bidId}`) ? 'conflict' : 'group_not_asked';
}
