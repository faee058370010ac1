import { EntityManager, In } from 'typeorm';
import { TenderTeamMember, type TeamRole } from './tender-team-member.entity';
import { Tender } from './tender.entity';

/*
 * The tenders feature's queries of its tables (tenders, tender teams), for every feature
 * that reads them: each function takes the unit of work's `em`. Who may see what is decided
 * by the access policy, not here.
 */

/**
 * One tender, to work on. On PostgreSQL, inside a write transaction, every change to a
 * tender's work holds the tender row FOR SHARE and every change to the tender itself
 * (status, settings) FOR UPDATE: so an award or a start-moderation waits for in-flight score
 * and bid writes and decides on what they committed, while ordinary writers still run side
 * by side. SQLite runs one unit of work at a time and needs no lock.
 */
export function tenderToWorkOn(em: EntityManager, tenderId: string, forUpdate: boolean): Promise<Tender | null> {
  const query = em.getRepository(Tender).createQueryBuilder('tender').where('tender.id = :tenderId', { tenderId });
  const inTransaction = em.queryRunner?.isTransactionActive === true;
  if (inTransaction && em.connection.options.type === 'postgres') {
    query.setLock(forUpdate ? 'pessimistic_write' : 'pessimistic_read');
  }
  return query.getOne();
}

/** Tender id → the account's role on its team, over `tenderIds` (every tender when omitted): one statement. */
export async function teamRolesOf(
  em: EntityManager,
  userId: string,
  tenderIds?: readonly string[],
): Promise<Map<string, TeamRole>> {
  if (tenderIds?.length === 0) return new Map();
  const rows = await em
    .getRepository(TenderTeamMember)
    .find({ where: tenderIds ? { userId, tenderId: In([...tenderIds]) } : { userId }, select: { tenderId: true, role: true } });
  return new Map(rows.map((row) => [row.tenderId, row.role]));
}

/** The tenders of `tenderIds` (for the access policy to judge, set-based): one statement. */
export function tendersByIds(em: EntityManager, tenderIds: readonly string[]): Promise<Tender[]> {
  if (tenderIds.length === 0) return Promise.resolve([]);
  return em.getRepository(Tender).find({ where: { id: In([...tenderIds]) } });
}

/** The tenders of `tenderIds`, oldest first (the order they were created in): one statement. */
export function tendersOldestFirst(em: EntityManager, tenderIds: readonly string[]): Promise<Tender[]> {
  if (tenderIds.length === 0) return Promise.resolve([]);
  return em.getRepository(Tender).find({ where: { id: In([...tenderIds]) }, order: { createdAt: 'ASC' } });
}

/** One tender by id, or null (a read: no lock, unlike `tenderToWorkOn`). */
export function tenderById(em: EntityManager, tenderId: string): Promise<Tender | null> {
  return em.getRepository(Tender).findOne({ where: { id: tenderId } });
}

/** One tender that must exist (a row another table points at). */
export function tenderOrFail(em: EntityManager, tenderId: string): Promise<Tender> {
  return em.getRepository(Tender).findOneOrFail({ where: { id: tenderId } });
}

/**
 * The buying organisation's name: the tender owner's organisation, or null when the owner's
 * account has none. One statement, shown on every panel page; the owner's account is joined
 * by entity name, as the relations name their target, so the tenders feature loads no class
 * of the users feature.
 */
export async function buyerOf(em: EntityManager, tenderId: string): Promise<string | null> {
  const row = await em
    .getRepository(Tender)
    .createQueryBuilder('tender')
    .innerJoin('User', 'owner', 'owner.id = tender.ownerId')
    .innerJoin('owner.organisation', 'organisation')
    .select('organisation.name', 'name')
    .where('tender.id = :tenderId', { tenderId })
    .getRawOne<{ name: string }>();
  return row?.name ?? null;
}
