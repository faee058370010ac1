import { MigrationInterface, QueryRunner } from 'typeorm';
import { readSingleChain, writeChains } from '../../../audit/audit-chain-split';
import { createAuditGuards, dropAuditGuards } from '../../../audit/audit-guards';

/**
 * One audit chain per tender plus the service chain (docs/DESIGN.md, "The audit trail"):
 * `audit_events` gains `chain` and is keyed by (chain, seq); heads are keyed by chain. The
 * existing single chain is read, verified, split and hashed again per chain by `writeChains`
 * (with a record of the old head and anchors of every new chain), and the append-only
 * triggers are created again, chain-aware. Written by hand around TypeORM's generated
 * statements; it cannot be undone (restore the backup taken before upgrading).
 */
export class AuditChainPerTender1796171846094 implements MigrationInterface {
  name = 'AuditChainPerTender1796171846094';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await dropAuditGuards(queryRunner);
    const old = await readSingleChain(queryRunner);
    await queryRunner.query(`DELETE FROM "audit_events"`);
    await queryRunner.query(`DELETE FROM "audit_chain_head"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4dd53075869ab5ac12e28f76f0"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "chain" character varying(36) NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "PK_6e299f5706e715265416fefe53e"`);
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "PK_57ccb9e6e0e8e1cab1adef409d0" PRIMARY KEY ("chain", "seq")`,
    );
    await queryRunner.query(`ALTER TABLE "audit_chain_head" ALTER COLUMN "id" TYPE character varying(36)`);
    await writeChains(queryRunner, old);
    await createAuditGuards(queryRunner);
  }

  public async down(): Promise<void> {
    throw new Error(
      'The split of the audit trail into one chain per tender cannot be undone: restore the backup taken before upgrading.',
    );
  }
}
