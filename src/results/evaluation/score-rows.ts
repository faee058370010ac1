import type { EntityManager } from 'typeorm';
import type { PanelGroup } from '../../criteria/domain';
import type { EngineInput, PanelStatistics } from '../engine';
import { scoreRows } from '../../scoring/score-queries';
import { cellKey, type NotCounted, type RecordScore, type ScoreCell } from './evaluation-record';

/*
 * The individual scores of an export. A large tender holds ~150 000 of them with their
 * rationales: instead of holding them all for the whole download, the export plans their
 * layout from the engine input (which it has anyway) and reads the rows a few bids at a
 * time as it writes them. Individual scores never change from moderation on, so what is
 * read later is what was planned; every batch is checked against the plan all the same.
 */

/** Bids per query: ~3 600 score rows at a time in a large tender. */
export const BIDS_PER_BATCH = 5;

export interface ScoreOrder {
  bidIds: readonly string[];
  criterionIds: readonly string[];
  memberOrder: ReadonlyMap<string, number>;
  groupOf: ReadonlyMap<string, PanelGroup>;
  /** `${memberId}|${bidId}` of every declared conflict. */
  conflicts: ReadonlySet<string>;
  /** Per `${bidId}|${criterionId}`: the members whose scores the results engine counted (its panel statistics). */
  usable: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What the engine counted, per cell, from its panel statistics. */
export function usableMembers(statistics: ReadonlyMap<string, PanelStatistics>): Map<string, Set<string>> {
  return new Map([...statistics].map(([key, cell]) => [key, new Set(cell.scores.map((entry) => entry.panelistId))]));
}

/**
 * The Scores sheet's cells in order (bid by bid as in `order.bidIds`, criterion by
 * criterion), with how many rows each holds and how many of them count, by group; and per
 * member, how many scores they submitted and how many counted. From the engine input:
 * no score row is read.
 */
export function planScoreCells(input: EngineInput, order: ScoreOrder) {
  const totals = new Map<string, number>();
  const tallies = new Map<string, { submitted: number; counted: number }>();
  for (const entry of input.individualScores) {
    const key = cellKey(entry.bidId, entry.criterionId);
    totals.set(key, (totals.get(key) ?? 0) + 1);
    const tally = tallies.get(entry.panelistId) ?? { submitted: 0, counted: 0 };
    if (entry.submitted) tally.submitted += 1;
    if (order.usable.get(key)?.has(entry.panelistId)) tally.counted += 1;
    tallies.set(entry.panelistId, tally);
  }
  const cells: ScoreCell[] = [];
  for (const bidId of order.bidIds) {
    for (const criterionId of order.criterionIds) {
      const key = cellKey(bidId, criterionId);
      const total = totals.get(key);
      if (!total) continue;
      const counted: Partial<Record<PanelGroup, number>> = {};
      for (const memberId of order.usable.get(key) ?? []) {
        const group = order.groupOf.get(memberId)!;
        counted[group] = (counted[group] ?? 0) + 1;
      }
      cells.push({ bidId, criterionId, total, counted });
    }
  }
  return { cells, tallies };
}

/**
 * The score rows of some bids with their rationales (scoring's `scoreRows`: raw columns,
 * ids as the caller's own strings), each not yet marked counted or not. The score's own id
 * and last-saved time only with `full` (evaluation.json shows them).
 */
export async function readScoreRows(
  em: EntityManager,
  tenderId: string,
  bidIds: readonly string[],
  canonical: ReadonlyMap<string, string>,
  full = false,
): Promise<RecordScore[]> {
  const rows = (await scoreRows(em, tenderId, bidIds, canonical, full)) as RecordScore[];
  for (const row of rows) row.notCounted = null;
  return rows;
}

/**
 * Marks each score counted or not — counted means what the results engine used — and
 * orders them bid by bid (in `order.bidIds` order), criterion by criterion, counted
 * scores first by group (lived experience, then professional) and member, then the rest.
 * Scores on bids not listed are dropped.
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
      const usable = order.usable.get(key);
      for (const score of bucket)
        score.notCounted = usable?.has(score.memberId) ? null : reasonNotCounted(score, order.conflicts);
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

/** Checks ordered rows against the planned cells they fill; throws if a row is missing, extra or counted differently. */
export function checkAgainstPlan(
  rows: readonly RecordScore[],
  cells: readonly ScoreCell[],
  groupOf: ReadonlyMap<string, PanelGroup>,
): void {
  let index = 0;
  for (const cell of cells) {
    const counted: Partial<Record<PanelGroup, number>> = {};
    for (let n = 0; n < cell.total; n++, index++) {
      const row = rows[index];
      if (!row || row.bidId !== cell.bidId || row.criterionId !== cell.criterionId) {
        throw new Error(`Score rows of ${cellKey(cell.bidId, cell.criterionId)} differ from the planned layout`);
      }
      if (row.notCounted === null) counted[groupOf.get(row.memberId)!] = (counted[groupOf.get(row.memberId)!] ?? 0) + 1;
    }
    const same = (group: PanelGroup) => (counted[group] ?? 0) === (cell.counted[group] ?? 0);
    if (!same('lived_experience') || !same('professional')) {
      throw new Error(`Counted scores of ${cellKey(cell.bidId, cell.criterionId)} differ from the planned layout`);
    }
  }
  if (index !== rows.length) throw new Error('More score rows than the planned layout holds');
}

function reasonNotCounted(score: RecordScore, conflicts: ReadonlySet<string>): NotCounted {
  if (score.status !== 'submitted') return 'draft';
  return conflicts.has(`${score.memberId}|${score.bidId}`) ? 'conflict' : 'group_not_asked';
}
