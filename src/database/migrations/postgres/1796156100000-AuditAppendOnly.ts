import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only in the database itself (docs/DESIGN.md, "The audit trail"):
 * rows of `audit_events` are never changed, deleted or truncated, and the chain head only
 * moves one step forward, to the event just appended. Written by hand: TypeORM does not
 * model triggers.
 *
 * The append path moves the head in the same statement that inserts the event
 * (`WITH appended AS (INSERT …) UPDATE head …`), where a row trigger cannot reliably see the
 * new event; so "the head points at an appended event" is a constraint trigger checked at
 * commit, and the immediate trigger checks the step.
 */
export class AuditAppendOnly1796156100000 implements MigrationInterface {
  name = 'AuditAppendOnly1796156100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"()
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"()
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_chain_head_no_delete" BEFORE DELETE ON "audit_chain_head"
      FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"()
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_chain_head_no_truncate" BEFORE TRUNCATE ON "audit_chain_head"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"()
    `);
    await queryRunner.query(`
      CREATE FUNCTION "audit_chain_head_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- The first append creates the head at the genesis (insert-or-ignore when two start at once).
          IF NEW."id" <> 'main' OR NEW."seq" <> 0 OR NEW."hash" <> repeat('0', 64) THEN
            RAISE EXCEPTION 'audit_chain_head starts at the genesis only' USING ERRCODE = 'insufficient_privilege';
          END IF;
        ELSIF NEW."id" <> OLD."id" OR NEW."seq" <> OLD."seq" + 1 THEN
          RAISE EXCEPTION 'audit_chain_head only moves forward, one appended event at a time' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_chain_head_forward_only" BEFORE INSERT OR UPDATE ON "audit_chain_head"
      FOR EACH ROW EXECUTE FUNCTION "audit_chain_head_guard"()
    `);
    await queryRunner.query(`
      CREATE FUNCTION "audit_chain_head_on_event"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM "audit_events" WHERE "seq" = NEW."seq" AND "hash" = NEW."hash" AND "prevHash" = OLD."hash") THEN
          RAISE EXCEPTION 'audit_chain_head only moves to the event just appended' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER "audit_chain_head_on_event" AFTER UPDATE ON "audit_chain_head"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "audit_chain_head_on_event"()
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_chain_head_on_event" ON "audit_chain_head"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_chain_head_forward_only" ON "audit_chain_head"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_chain_head_no_truncate" ON "audit_chain_head"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_chain_head_no_delete" ON "audit_chain_head"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_events_no_truncate" ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "audit_events_append_only" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "audit_chain_head_on_event"()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "audit_chain_head_guard"()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "audit_refuse_change"()`);
  }
}
