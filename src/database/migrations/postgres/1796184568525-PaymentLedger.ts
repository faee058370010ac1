import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentLedger1796184568525 implements MigrationInterface {
  name = 'PaymentLedger1796184568525';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "payment_rates" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "activity" character varying(20) NOT NULL,
                "basis" character varying(10) NOT NULL,
                "ratePence" integer NOT NULL,
                "updatedAt" TIMESTAMP NOT NULL,
                "updatedById" character varying(36) NOT NULL,
                CONSTRAINT "CHK_ca6f71974f37812f5a665c19d0" CHECK (
                    "ratePence" BETWEEN 0 AND 100000
                ),
                CONSTRAINT "CHK_86b4cc591ac5dec6169a8d0681" CHECK ("basis" IN ('hour', 'session')),
                CONSTRAINT "CHK_7b0960f6ba7a23385fec1827b6" CHECK (
                    "activity" IN ('preparation', 'reading', 'scoring', 'meetings')
                ),
                CONSTRAINT "PK_a1ae5a24a7d7b004f423ea44c2b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7779cb5bffc8a88c35d1d3e29e" ON "payment_rates" ("tenderId", "activity")
        `);
    await queryRunner.query(`
            CREATE TABLE "payment_accounts" (
                "panelMemberId" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "reference" character varying(20) NOT NULL,
                "choice" character varying(10),
                "choiceAt" TIMESTAMP,
                "choiceById" character varying(36),
                "createdAt" TIMESTAMP NOT NULL,
                CONSTRAINT "CHK_77973d3075ecb25cd8ba7b0d03" CHECK ("choice" IN ('paid', 'vouchers', 'declined')),
                CONSTRAINT "PK_d43ca0bfea58f5efd86a08ea5bf" PRIMARY KEY ("panelMemberId")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_97693fa1f7c658d6a1c5358613" ON "payment_accounts" ("tenderId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_18b77dbfc7cc7fcaeeeceb2fa2" ON "payment_accounts" ("reference")
        `);
    await queryRunner.query(`
            CREATE TABLE "payment_ledger_lines" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "panelMemberId" character varying(36) NOT NULL,
                "kind" character varying(10) NOT NULL,
                "occurredOn" character varying(10) NOT NULL,
                "activity" character varying(20),
                "minutes" integer,
                "ratePence" integer,
                "rateBasis" character varying(10),
                "expenseType" character varying(10),
                "amountPence" bigint NOT NULL,
                "note" text,
                "status" character varying(10) NOT NULL,
                "claimedById" character varying(36) NOT NULL,
                "claimedAt" TIMESTAMP NOT NULL,
                "decidedById" character varying(36),
                "decidedAt" TIMESTAMP,
                "rejectionReason" text,
                CONSTRAINT "CHK_961126d2af2cc387bb2adbb0d2" CHECK ("amountPence" >= 0),
                CONSTRAINT "CHK_3d071f941a2cb12d89cff3fae3" CHECK ("rateBasis" IN ('hour', 'session')),
                CONSTRAINT "CHK_cc84181e540ba701187ff92f96" CHECK (
                    "expenseType" IN ('travel', 'care', 'support', 'other')
                ),
                CONSTRAINT "CHK_074a72b41da14bf7c25fc60a24" CHECK (
                    "activity" IN ('preparation', 'reading', 'scoring', 'meetings')
                ),
                CONSTRAINT "CHK_6f3f926d1b886d30de4e4edad1" CHECK ("status" IN ('claimed', 'approved', 'rejected')),
                CONSTRAINT "CHK_e53e9ff585a44ca025ea987876" CHECK ("kind" IN ('time', 'expense')),
                CONSTRAINT "PK_a5217761c262e71011f749bec87" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e14940e3a29177906a4d9c6a80" ON "payment_ledger_lines" ("tenderId", "panelMemberId")
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_rates"
            ADD CONSTRAINT "FK_5445d248d7b22a6ff862f3acbca" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_accounts"
            ADD CONSTRAINT "FK_d43ca0bfea58f5efd86a08ea5bf" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_accounts"
            ADD CONSTRAINT "FK_97693fa1f7c658d6a1c5358613a" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_ledger_lines"
            ADD CONSTRAINT "FK_64b17ebe3faa32588c3b89855e3" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_ledger_lines"
            ADD CONSTRAINT "FK_f0f42b0ef791e1ed9ce9032be7a" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "payment_ledger_lines" DROP CONSTRAINT "FK_f0f42b0ef791e1ed9ce9032be7a"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_ledger_lines" DROP CONSTRAINT "FK_64b17ebe3faa32588c3b89855e3"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_accounts" DROP CONSTRAINT "FK_97693fa1f7c658d6a1c5358613a"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_accounts" DROP CONSTRAINT "FK_d43ca0bfea58f5efd86a08ea5bf"
        `);
    await queryRunner.query(`
            ALTER TABLE "payment_rates" DROP CONSTRAINT "FK_5445d248d7b22a6ff862f3acbca"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e14940e3a29177906a4d9c6a80"
        `);
    await queryRunner.query(`
            DROP TABLE "payment_ledger_lines"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_18b77dbfc7cc7fcaeeeceb2fa2"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_97693fa1f7c658d6a1c5358613"
        `);
    await queryRunner.query(`
            DROP TABLE "payment_accounts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7779cb5bffc8a88c35d1d3e29e"
        `);
    await queryRunner.query(`
            DROP TABLE "payment_rates"
        `);
  }
}
