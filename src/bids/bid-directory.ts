import { EntityManager, In, IsNull, Not, type FindOptionsSelect, type FindOptionsWhere } from 'typeorm';
import { BidCommitment } from './bid-commitment.entity';
import { BidResponse } from './bid-response.entity';
import { BidVersion } from './bid-version.entity';
import { Bid } from './bid.entity';
import { ComplianceRecord } from './compliance-record.entity';

/*
 * The bids feature's queries of its bids, for every feature that reads them (access,
 * tenders, panel, scoring, results): each function takes the unit of work's `em`. Who may
 * see what is decided by the access policy, not here.
 */

/**
 * A counted bid — in the box: a version was submitted and the bid was not withdrawn
 * (disqualified bids still count: they were submitted by the deadline). `isCounted` in
 * bid-rules is the same rule on one bid already read; this is it as a where clause.
 */
export function countedWhere(tenderId: string | ReturnType<typeof In<string>>): FindOptionsWhere<Bid> {
  return { tenderId, submittedVersionId: Not(IsNull()), status: Not('withdrawn' as const) };
}

const BY_SUBMISSION = { submittedAt: 'ASC', id: 'ASC' } as const;
const BY_CREATION = { createdAt: 'ASC', id: 'ASC' } as const;

/** The counted bids, oldest submission first (or oldest created first: the order bids are listed in). */
export function countedBids(
  em: EntityManager,
  tenderId: string,
  order: 'submission' | 'creation' = 'submission',
): Promise<Bid[]> {
  return em
    .getRepository(Bid)
    .find({ where: countedWhere(tenderId), order: order === 'submission' ? BY_SUBMISSION : BY_CREATION });
}

/** One counted bid of the tender, by id (null when there is no such bid, or it does not count). */
export function countedBid(em: EntityManager, tenderId: string, bidId: string): Promise<Bid | null> {
  return em.getRepository(Bid).findOne({ where: { ...countedWhere(tenderId), id: bidId } });
}

/**
 * The `Db.remember` key of `countedBids(em, tenderId)` (submission order): the panel pages'
 * access check and the panel's bid names read the same rows once per read-only unit of work.
 */
export function countedBidsKey(tenderId: string): string {
  return `bids.counted ${tenderId} submission`;
}

/** A counted bid as far as its place goes: which it is, whether the panel scores it, when it came in. */
export type CountedBidKey = Pick<Bid, 'id' | 'status' | 'submittedAt'>;

/**
 * `countedBids` with three columns (same rows, same order): enough for a page about one bid
 * to know the panel's bids and a bid's blind number without reading every bid's full row.
 */
export function countedBidKeys(em: EntityManager, tenderId: string): Promise<CountedBidKey[]> {
  return em
    .getRepository(Bid)
    .find({ where: countedWhere(tenderId), select: { id: true, status: true, submittedAt: true }, order: BY_SUBMISSION });
}

/**
 * The counted bids (same rows, same order as `countedBids`) as id and status, each with one
 * panel member's declaration of interest on it (`conflict`: null while not declared): one
 * statement, what the panel's access rules need about every bid without reading any bid's row.
 * The declarations table is joined by entity name, so the bids feature imports nothing of the
 * panel's.
 */
export async function countedBidsDeclaredBy(
  em: EntityManager,
  tenderId: string,
  panelMemberId: string,
): Promise<{ id: string; status: Bid['status']; conflict: boolean | null }[]> {
  const rows = await em
    .getRepository(Bid)
    .createQueryBuilder('bid')
    .leftJoin('ConflictDeclaration', 'declaration', 'declaration.bidId = bid.id AND declaration.panelMemberId = :panelMemberId', {
      panelMemberId,
    })
    .select('bid.id', 'id')
    .addSelect('bid.status', 'status')
    .addSelect('declaration.conflict', 'conflict')
    .where(countedWhere(tenderId))
    .orderBy('bid.submittedAt', 'ASC')
    .addOrderBy('bid.id', 'ASC')
    .getRawMany<{ id: string; status: Bid['status']; conflict: boolean | number | null }>();
  // SQLite answers a boolean as 0 or 1, PostgreSQL as a boolean.
  return rows.map((row) => ({
    ...row,
    conflict: row.conflict === null ? null : row.conflict === true || Number(row.conflict) === 1,
  }));
}

/** The `Db.remember` key of `countedBidKeys(em, tenderId)`. */
export function countedBidKeysKey(tenderId: string): string {
  return `bids.counted-keys ${tenderId}`;
}

/** The bids the panel declares on and scores, among the counted bids (`countedBids`, `countedBidKeys`): not disqualified, in the same order. */
export function panelBidsAmong<T extends Pick<Bid, 'status'>>(counted: readonly T[]): T[] {
  return counted.filter((bid) => bid.status === 'submitted');
}

/** How many counted bids each tender has (tenders without any are absent): one statement. */
export async function submittedCounts(em: EntityManager, tenderIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (tenderIds.length === 0) return counts;
  const rows = await em
    .getRepository(Bid)
    .createQueryBuilder('bid')
    .select('bid.tenderId', 'tenderId')
    .addSelect('COUNT(*)', 'count')
    .where(countedWhere(In([...tenderIds])))
    .groupBy('bid.tenderId')
    .getRawMany<{ tenderId: string; count: string | number }>();
  for (const row of rows) counts.set(row.tenderId, Number(row.count));
  return counts;
}

/** One bid of the tender (any status), or null. */
export function bidOnTender(em: EntityManager, tenderId: string, bidId: string): Promise<Bid | null> {
  return em.getRepository(Bid).findOne({ where: { id: bidId, tenderId } });
}

/** The bids a bidder account entered or its organisation holds on the tender (every status), oldest created first. */
export function biddersBids(
  em: EntityManager,
  tenderId: string,
  bidder: { userId: string; organisationId: string | null },
): Promise<Bid[]> {
  const own = bidder.organisationId ? [{ tenderId, organisationId: bidder.organisationId }] : [];
  return em.getRepository(Bid).find({ where: [{ tenderId, bidderUserId: bidder.userId }, ...own], order: BY_CREATION });
}

/** Bid versions by their ids, or every version of some bids (only the columns in `select`, when given). */
export function versionsOf(
  em: EntityManager,
  of: { ids: readonly string[] } | { bidIds: readonly string[] },
  select?: FindOptionsSelect<BidVersion>,
): Promise<BidVersion[]> {
  const ids = 'ids' in of ? of.ids : of.bidIds;
  if (ids.length === 0) return Promise.resolve([]);
  const where = 'ids' in of ? { id: In([...of.ids]) } : { bidId: In([...of.bidIds]) };
  return em.getRepository(BidVersion).find(select ? { where, select } : { where });
}

/** The compliance records of some bids. */
export function complianceOf(em: EntityManager, bidIds: readonly string[]): Promise<ComplianceRecord[]> {
  if (bidIds.length === 0) return Promise.resolve([]);
  return em.getRepository(ComplianceRecord).find({ where: { bidId: In([...bidIds]) } });
}

/** The commitments of some versions. */
export function commitmentsOf(em: EntityManager, versionIds: readonly string[]): Promise<BidCommitment[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  return em.getRepository(BidCommitment).find({ where: { versionId: In([...versionIds]) } });
}

/** The answers of some versions (one per version × criterion): the letters' scoring pack and the offline workbook. */
export function responsesOf(em: EntityManager, versionIds: readonly string[]): Promise<BidResponse[]> {
  if (versionIds.length === 0) return Promise.resolve([]);
  return em.getRepository(BidResponse).find({ where: { versionId: In([...versionIds]) } });
}

/** The panel's bids (counted, not disqualified: as `panelBidsAmong`) of several tenders: id and tender only. */
export function submittedBidsOf(em: EntityManager, tenderIds: readonly string[]): Promise<Pick<Bid, 'id' | 'tenderId'>[]> {
  return em.getRepository(Bid).find({
    where: { ...countedWhere(In([...tenderIds])), status: 'submitted' },
    select: { id: true, tenderId: true },
  });
}

/** Which (bid, gate) compliance records exist on several tenders. */
export function complianceKeysOf(
  em: EntityManager,
  tenderIds: readonly string[],
): Promise<Pick<ComplianceRecord, 'bidId' | 'criterionId'>[]> {
  return em
    .getRepository(ComplianceRecord)
    .createQueryBuilder('record')
    .innerJoin('record.bid', 'bid')
    .select(['record.bidId', 'record.criterionId'])
    .where('bid.tenderId IN (:...ids)', { ids: [...tenderIds] })
    .getMany();
}
