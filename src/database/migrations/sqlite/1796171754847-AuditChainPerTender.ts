import { MigrationInterface, QueryRunner } from 'typeorm';
import { readSingleChain, writeChains } from '../../../audit/audit-chain-split';
import { createAuditGuards, dropAuditGuards } from '../../../audit/audit-guards';

/**
 * One audit chain per tender plus the service chain (docs/DESIGN.md, "The audit trail"):
 * `audit_events` gains `chain` and is keyed by (chain, seq); heads are keyed by chain. The
 * existing single chain is verified, split and hashed again per chain by `writeChains`, with
 * a record of the old head and anchors of every new chain. Both tables are rebuilt, so the
 * append-only triggers are created again (chain-aware). Written by hand around TypeORM's
 * generated table definitions; it cannot be undone (restore the backup taken before upgrading).
 */
export class AuditChainPerTender1796171754847 implements MigrationInterface {
  name = 'AuditChainPerTender1796171754847';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await dropAuditGuards(queryRunner);
    const old = await readSingleChain(queryRunner);
    await queryRunner.query(`DROP INDEX "IDX_4dd53075869ab5ac12e28f76f0"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("chain" varchar(36) NOT NULL, "seq" integer NOT NULL, "occurredAt" datetime NOT NULL, "actorId" varchar(36), "action" varchar(64) NOT NULL, "entityType" varchar(40) NOT NULL, "entityId" varchar(64), "tenderId" varchar(36), "sensitivity" varchar(16) NOT NULL, "before" text, "after" text, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, CONSTRAINT "CHK_93bef3f4189ace201c94741a78" CHECK (("seq" >= 1)), CONSTRAINT "CHK_c2d4b5e469b0b8ca39f33055ba" CHECK (("sensitivity" IN ('public', 'bid_content', 'score'))), PRIMARY KEY ("chain", "seq"))`,
    );
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" varchar(36) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "hash" varchar(64) NOT NULL, CONSTRAINT "CHK_39af16794b448c8df8f504cf5e" CHECK (("seq" >= 0)))`,
    );
    await writeChains(queryRunner, old);
    await createAuditGuards(queryRunner);
  }

  public async down(): Promise<void> {
    throw new Error(
      'The split of the audit trail into one chain per tender cannot be undone: restore the backup taken before upgrading.',
    );
  }
}
