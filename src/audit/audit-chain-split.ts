import type { QueryRunner } from 'typeorm';
import { rechain } from './domain/audit-rechain';
import { AuditChainHead, AuditEvent } from './audit-event.entity';

/** Rows per INSERT: well under either driver's bound-parameter limit (13 columns a row). */
const BATCH = 50;

/**
 * Reads the single-chain trail of an earlier release, as the running service would read it
 * (the driver's own conversions of dates and JSON), before the tables are rebuilt.
 */
export async function readSingleChain(
  runner: QueryRunner,
): Promise<{ events: AuditEvent[]; head: { seq: number; hash: string } | null }> {
  const metadata = runner.connection.getMetadata(AuditEvent);
  const driver = runner.connection.driver;
  const rows = (await runner.query(`SELECT * FROM "audit_events" ORDER BY "seq"`)) as Record<string, unknown>[];
  const events = rows.map((row) => {
    const event = {} as Record<string, unknown>;
    for (const column of metadata.columns) {
      if (column.propertyName === 'chain') continue;
      event[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
    }
    event.seq = Number(event.seq);
    return event as unknown as AuditEvent;
  });
  const [head] = (await runner.query(`SELECT "seq", "hash" FROM "audit_chain_head" WHERE "id" = 'main'`)) as {
    seq: unknown;
    hash: string;
  }[];
  return { events, head: head ? { seq: Number(head.seq), hash: head.hash } : null };
}

/** Writes the converted chains into the rebuilt (empty) tables. */
export async function writeChains(
  runner: QueryRunner,
  old: { events: AuditEvent[]; head: { seq: number; hash: string } | null },
): Promise<void> {
  const { events, heads } = rechain(old.events, old.head, new Date());
  for (let start = 0; start < events.length; start += BATCH) {
    await runner.manager
      .createQueryBuilder()
      .insert()
      .into(AuditEvent)
      .values(events.slice(start, start + BATCH) as never)
      .execute();
  }
  for (let start = 0; start < heads.length; start += BATCH) {
    await runner.manager
      .createQueryBuilder()
      .insert()
      .into(AuditChainHead)
      .values(heads.slice(start, start + BATCH))
      .execute();
  }
}
