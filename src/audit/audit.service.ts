import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock';
import { Db } from '../database/db.service';
import {
  ANCHOR_ACTION,
  anchorsAt,
  chainOf,
  GENESIS_HASH,
  hashEvent,
  SERVICE_CHAIN,
  verifyChains,
  type ChainsVerification,
} from './domain/audit-chain';
import { AuditChainHead, AuditEvent, type AuditSensitivity } from './audit-event.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  tenderId?: string | null;
  sensitivity?: AuditSensitivity;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event to its chain (its tender's, or the service chain) inside the caller's
   * transaction, so the state change and its audit row commit or roll back together. At a
   * tender chain's first event and every ANCHOR_EVERY-th, the service chain records the
   * chain's head in the same transaction (an anchor), so the whole chain cannot vanish unseen.
   */
  async record(em: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    const chain = chainOf(entry.tenderId ?? null);
    const event = await this.append(em, chain, entry);
    if (chain !== SERVICE_CHAIN && anchorsAt(event.seq)) {
      await this.append(em, SERVICE_CHAIN, {
        actorId: null,
        action: ANCHOR_ACTION,
        entityType: 'audit_chain',
        entityId: chain,
        after: { anchors: [{ chain, seq: event.seq, hash: event.hash }] },
      });
    }
    return event;
  }

  /**
   * On PostgreSQL the chain's head row is locked for update, which orders concurrent writers
   * of the same chain (writers of other tenders never wait on it); on SQLite the Db queue
   * already orders every writer.
   */
  private async append(em: EntityManager, chain: string, entry: AuditEntry): Promise<AuditEvent> {
    const heads = em.getRepository(AuditChainHead);
    const query = heads.createQueryBuilder('head').where('head.id = :id', { id: chain });
    if (!this.db.isSqlite) query.setLock('pessimistic_write');
    let head = await query.getOne();
    if (!head) {
      // The chain's first event. Two first writers at once both find no head: the insert is a
      // no-op for the second, and the locked read then waits for the first to commit.
      await heads.createQueryBuilder().insert().values({ id: chain, seq: 0, hash: GENESIS_HASH }).orIgnore().execute();
      head = await query.getOneOrFail();
    }
    const event = em.getRepository(AuditEvent).create({
      chain,
      seq: head.seq + 1,
      occurredAt: this.clock.now(),
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      tenderId: entry.tenderId ?? null,
      sensitivity: entry.sensitivity ?? 'public',
      // Stored as JSON and hashed as JSON: normalise now so re-reading hashes the same.
      before: toJsonValue(entry.before),
      after: toJsonValue(entry.after),
      prevHash: head.hash,
    });
    event.hash = hashEvent(event);
    if (this.db.isSqlite) {
      // insert(), not save(): an audit row is only ever added, never merged.
      await em.getRepository(AuditEvent).insert(event as never);
      await heads.update({ id: chain }, { seq: event.seq, hash: event.hash });
      return event;
    }
    // PostgreSQL: the event and the head move in one statement, so the head's row lock
    // (which the chain's writers queue on) is held for one round trip fewer. TypeORM builds
    // the INSERT with its own value conversions; only the head update is spelled out here.
    const [insert, parameters] = em
      .createQueryBuilder()
      .insert()
      .into(AuditEvent)
      .values(event as never)
      .getQueryAndParameters();
    const next = parameters.length;
    await em.query(
      `WITH appended AS (${insert}) UPDATE "audit_chain_head" SET "seq" = $${next + 1}, "hash" = $${next + 2} WHERE "id" = $${next + 3}`,
      [...parameters, event.seq, event.hash, chain],
    );
    return event;
  }

  /** How many `action` events each tender has, in one query. */
  async countForTenders(em: EntityManager, tenderIds: string[], action: string): Promise<Map<string, number>> {
    if (tenderIds.length === 0) return new Map();
    const rows = await em
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .select('event.tenderId', 'tenderId')
      .addSelect('COUNT(*)', 'count')
      .where('event.chain IN (:...tenderIds)', { tenderIds })
      .andWhere('event.action = :action', { action })
      .groupBy('event.tenderId')
      .getRawMany<{ tenderId: string; count: string | number }>();
    return new Map(rows.map((row) => [row.tenderId, Number(row.count)]));
  }

  /** Who did `actions` on the tender and when, oldest first (the conflicts assessment names the approvers). */
  async actorsOf(
    em: EntityManager,
    tenderId: string,
    actions: readonly string[],
  ): Promise<{ actorId: string; action: string; at: Date }[]> {
    const rows = await em.getRepository(AuditEvent).find({
      where: { chain: chainOf(tenderId), action: In([...actions]) },
      select: { actorId: true, action: true, occurredAt: true, seq: true },
      order: { seq: 'ASC' },
    });
    return rows
      .filter((row) => row.actorId !== null)
      .map((row) => ({ actorId: row.actorId!, action: row.action, at: row.occurredAt }));
  }

  listForTender(tenderId: string): Promise<AuditEvent[]> {
    return this.db.read((em) => this.eventsOfTender(em, tenderId));
  }

  /** The tender's own chain, oldest first (in the caller's unit of work). */
  eventsOfTender(em: EntityManager, tenderId: string): Promise<AuditEvent[]> {
    return em.getRepository(AuditEvent).find({ where: { chain: chainOf(tenderId) }, order: { seq: 'ASC' } });
  }

  /** Re-computes every chain and the service chain's anchors, and names every broken link. */
  verify(): Promise<ChainsVerification> {
    return this.db.read(async (em) => {
      const heads = await em.getRepository(AuditChainHead).find();
      const events = await em.getRepository(AuditEvent).find({ order: { chain: 'ASC', seq: 'ASC' } });
      return verifyChains(events, heads);
    });
  }

  /** One tender's chain, with the service chain whose anchors vouch for it. */
  verifyTender(tenderId: string): Promise<ChainsVerification> {
    const chains = [SERVICE_CHAIN, chainOf(tenderId)];
    return this.db.read(async (em) => {
      const heads = await em.getRepository(AuditChainHead).find({ where: { id: In(chains) } });
      const events = await em
        .getRepository(AuditEvent)
        .find({ where: { chain: In(chains) }, order: { chain: 'ASC', seq: 'ASC' } });
      return verifyChains(events, heads, new Set([chainOf(tenderId)]));
    });
  }
}

function toJsonValue(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  const json: unknown = JSON.parse(JSON.stringify(value));
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : { value: json };
}
