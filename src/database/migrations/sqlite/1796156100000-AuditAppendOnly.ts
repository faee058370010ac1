import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is append-only in the database itself (docs/DESIGN.md, "The audit trail"):
 * rows of `audit_events` are never changed or deleted, and the chain head only moves one
 * step forward, to the event just appended. Written by hand: TypeORM does not model triggers.
 *
 * SQLite drops a table's triggers with the table: a later migration that rebuilds
 * `audit_events` or `audit_chain_head` (TypeORM's temporary-table dance) must create these
 * again. test/foundation/audit.e2e-spec.ts fails if they are missing.
 */
export class AuditAppendOnly1796156100000 implements MigrationInterface {
  name = 'AuditAppendOnly1796156100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events"
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: an audit event is never changed'); END
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events"
      BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: an audit event is never deleted'); END
    `);
    await queryRunner.query(`
      CREATE TRIGGER "audit_chain_head_no_delete" BEFORE DELETE ON "audit_chain_head"
      BEGIN SELECT RAISE(ABORT, 'audit_chain_head is never deleted'); END
    `);
    // The first append creates the head at the genesis (insert-or-ignore when two start at once).
    await queryRunner.query(`
      CREATE TRIGGER "audit_chain_head_genesis_only" BEFORE INSERT ON "audit_chain_head"
      WHEN NEW."id" <> 'main' OR NEW."seq" <> 0 OR NEW."hash" <> '${'0'.repeat(64)}'
      BEGIN SELECT RAISE(ABORT, 'audit_chain_head starts at the genesis only'); END
    `);
    // The append path inserts the event, then moves the head onto it: one step, same row.
    await queryRunner.query(`
      CREATE TRIGGER "audit_chain_head_forward_only" BEFORE UPDATE ON "audit_chain_head"
      WHEN NEW."id" <> OLD."id" OR NEW."seq" <> OLD."seq" + 1
        OR NOT EXISTS (SELECT 1 FROM "audit_events" WHERE "seq" = NEW."seq" AND "hash" = NEW."hash" AND "prevHash" = OLD."hash")
      BEGIN SELECT RAISE(ABORT, 'audit_chain_head only moves forward to the event just appended'); END
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of [
      'audit_chain_head_forward_only',
      'audit_chain_head_genesis_only',
      'audit_chain_head_no_delete',
      'audit_events_no_delete',
      'audit_events_no_update',
    ]) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${trigger}"`);
    }
  }
}
