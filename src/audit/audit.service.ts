import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { Db } from '../database/db.service';
import { GENESIS_HASH, hashEvent, verifyChain, type ChainVerification } from './domain/audit-chain';
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

const HEAD_ID = 'main';

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event inside the caller's transaction, so the state change and its audit
   * row commit or roll back together. On PostgreSQL the head row is locked for update,
   * which orders concurrent writers; on SQLite the Db queue already does.
   */
  async record(em: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    const heads = em.getRepository(AuditChainHead);
    const query = heads.createQueryBuilder('head').where('head.id = :id', { id: HEAD_ID });
    if (!this.db.isSqlite) query.setLock('pessimistic_write');
    let head = await query.getOne();
    if (!head) {
      // The very first event. Two first writers at once (instances starting together) both
      // find no head: the insert is a no-op for the second, and the locked read then
      // waits for the first to commit and sees its head.
      await heads.createQueryBuilder().insert().values({ id: HEAD_ID, seq: 0, hash: GENESIS_HASH }).orIgnore().execute();
      head = await query.getOneOrFail();
    }
    const event = em.getRepository(AuditEvent).create({
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
      await heads.update({ id: HEAD_ID }, { seq: event.seq, hash: event.hash });
      return event;
    }
    // PostgreSQL: the event and the head move in one statement, so the head's row lock
    // (which every writer queues on) is held for one round trip fewer. TypeORM builds the
    // INSERT with its own value conversions; only the head update is spelled out here.
    const [insert, parameters] = em.createQueryBuilder().insert().into(AuditEvent).values(event as never).getQueryAndParameters();
    const next = parameters.length;
    await em.query(
      `WITH appended AS (${insert}) UPDATE "audit_chain_head" SET "seq" = $${next + 1}, "hash" = $${next + 2} WHERE "id" = $${next + 3}`,
      [...parameters, event.seq, event.hash, HEAD_ID],
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
      .where('event.tenderId IN (:...tenderIds)', { tenderIds })
      .andWhere('event.action = :action', { action })
      .groupBy('event.tenderId')
      .getRawMany<{ tenderId: string; count: string | number }>();
    return new Map(rows.map((row) => [row.tenderId, Number(row.count)]));
  }

  listForTender(tenderId: string): Promise<AuditEvent[]> {
    return this.db.read((em) => em.getRepository(AuditEvent).find({ where: { tenderId }, order: { seq: 'ASC' } }));
  }

  /** Re-computes the whole chain and names every broken link. */
  verify(): Promise<ChainVerification> {
    return this.db.read(async (em) => {
      const head = await em.getRepository(AuditChainHead).findOne({ where: { id: HEAD_ID } });
      const events = await em.getRepository(AuditEvent).find({ order: { seq: 'ASC' } });
      return verifyChain(events, head ? { seq: head.seq, hash: head.hash } : null);
    });
  }
}

function toJsonValue(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  const json: unknown = JSON.parse(JSON.stringify(value));
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : { value: json };
}
