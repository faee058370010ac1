import type { QueryRunner } from 'typeorm';

/**
 * The database's own guard of the audit trail (docs/DESIGN.md, "The audit trail"): rows of
 * `audit_events` are never changed or deleted, and each chain's head only moves one step
 * forward, onto the event just appended to that chain. Written by hand for both drivers:
 * TypeORM does not model triggers. Used by the migrations that (re)build the audit tables,
 * and by the tests that play an attacker with DDL rights (drop, tamper, restore).
 *
 * SQLite drops a table's triggers with the table: a migration that rebuilds `audit_events`
 * or `audit_chain_head` must call `createAuditGuards` again.
 */
const GENESIS = '0'.repeat(64);

const SQLITE_GUARDS: Record<string, string> = {
  audit_events_no_update: `CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events"
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: an audit event is never changed'); END`,
  audit_events_no_delete: `CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events"
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: an audit event is never deleted'); END`,
  audit_chain_head_no_delete: `CREATE TRIGGER "audit_chain_head_no_delete" BEFORE DELETE ON "audit_chain_head"
    BEGIN SELECT RAISE(ABORT, 'audit_chain_head is never deleted'); END`,
  // A chain's first append creates its head at the genesis (insert-or-ignore when two start at once).
  audit_chain_head_genesis_only: `CREATE TRIGGER "audit_chain_head_genesis_only" BEFORE INSERT ON "audit_chain_head"
    WHEN NEW."seq" <> 0 OR NEW."hash" <> '${GENESIS}'
    BEGIN SELECT RAISE(ABORT, 'audit_chain_head starts at the genesis only'); END`,
  // The append path inserts the event, then moves its chain's head onto it: one step, same chain.
  audit_chain_head_forward_only: `CREATE TRIGGER "audit_chain_head_forward_only" BEFORE UPDATE ON "audit_chain_head"
    WHEN NEW."id" <> OLD."id" OR NEW."seq" <> OLD."seq" + 1
      OR NOT EXISTS (SELECT 1 FROM "audit_events" WHERE "chain" = NEW."id" AND "seq" = NEW."seq" AND "hash" = NEW."hash" AND "prevHash" = OLD."hash")
    BEGIN SELECT RAISE(ABORT, 'audit_chain_head only moves forward to the event just appended'); END`,
};

/**
 * PostgreSQL moves the head in the same statement that inserts the event
 * (`WITH appended AS (INSERT …) UPDATE head …`), where a row trigger cannot reliably see the
 * new event; so "the head points at an event appended to its chain" is a constraint trigger
 * checked at commit, and the immediate trigger checks the step.
 */
const POSTGRES_GUARDS = [
  `CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
   END
   $$`,
  `CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"()`,
  `CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"()`,
  `CREATE TRIGGER "audit_chain_head_no_delete" BEFORE DELETE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"()`,
  `CREATE TRIGGER "audit_chain_head_no_truncate" BEFORE TRUNCATE ON "audit_chain_head" FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"()`,
  `CREATE FUNCTION "audit_chain_head_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       -- A chain's first append creates its head at the genesis (insert-or-ignore when two start at once).
       IF NEW."seq" <> 0 OR NEW."hash" <> repeat('0', 64) THEN
         RAISE EXCEPTION 'audit_chain_head starts at the genesis only' USING ERRCODE = 'insufficient_privilege';
       END IF;
     ELSIF NEW."id" <> OLD."id" OR NEW."seq" <> OLD."seq" + 1 THEN
       RAISE EXCEPTION 'audit_chain_head only moves forward, one appended event at a time' USING ERRCODE = 'insufficient_privilege';
     END IF;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER "audit_chain_head_forward_only" BEFORE INSERT OR UPDATE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION "audit_chain_head_guard"()`,
  `CREATE FUNCTION "audit_chain_head_on_event"() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NOT EXISTS (SELECT 1 FROM "audit_events" WHERE "chain" = NEW."id" AND "seq" = NEW."seq" AND "hash" = NEW."hash" AND "prevHash" = OLD."hash") THEN
       RAISE EXCEPTION 'audit_chain_head only moves to the event just appended' USING ERRCODE = 'insufficient_privilege';
     END IF;
     RETURN NULL;
   END
   $$`,
  `CREATE CONSTRAINT TRIGGER "audit_chain_head_on_event" AFTER UPDATE ON "audit_chain_head"
   DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "audit_chain_head_on_event"()`,
];

const POSTGRES_DROPS = [
  `DROP TRIGGER IF EXISTS "audit_chain_head_on_event" ON "audit_chain_head"`,
  `DROP TRIGGER IF EXISTS "audit_chain_head_forward_only" ON "audit_chain_head"`,
  `DROP TRIGGER IF EXISTS "audit_chain_head_no_truncate" ON "audit_chain_head"`,
  `DROP TRIGGER IF EXISTS "audit_chain_head_no_delete" ON "audit_chain_head"`,
  `DROP TRIGGER IF EXISTS "audit_events_no_truncate" ON "audit_events"`,
  `DROP TRIGGER IF EXISTS "audit_events_append_only" ON "audit_events"`,
  `DROP FUNCTION IF EXISTS "audit_chain_head_on_event"()`,
  `DROP FUNCTION IF EXISTS "audit_chain_head_guard"()`,
  `DROP FUNCTION IF EXISTS "audit_refuse_change"()`,
];

function isPostgres(runner: QueryRunner): boolean {
  return runner.connection.options.type === 'postgres';
}

export async function createAuditGuards(runner: QueryRunner): Promise<void> {
  for (const sql of isPostgres(runner) ? POSTGRES_GUARDS : Object.values(SQLITE_GUARDS)) await runner.query(sql);
}

export async function dropAuditGuards(runner: QueryRunner): Promise<void> {
  const drops = isPostgres(runner)
    ? POSTGRES_DROPS
    : Object.keys(SQLITE_GUARDS).map((name) => `DROP TRIGGER IF EXISTS "${name}"`);
  for (const sql of drops) await runner.query(sql);
}
