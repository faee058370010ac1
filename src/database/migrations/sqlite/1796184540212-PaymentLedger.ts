import { MigrationInterface, QueryRunner } from 'typeorm';

export class PaymentLedger1796184540212 implements MigrationInterface {
  name = 'PaymentLedger1796184540212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "payment_rates" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "activity" varchar(20) NOT NULL, "basis" varchar(10) NOT NULL, "ratePence" integer NOT NULL, "updatedAt" datetime NOT NULL, "updatedById" varchar(36) NOT NULL, CONSTRAINT "CHK_ca6f71974f37812f5a665c19d0" CHECK ("ratePence" BETWEEN 0 AND 100000), CONSTRAINT "CHK_86b4cc591ac5dec6169a8d0681" CHECK ("basis" IN ('hour', 'session')), CONSTRAINT "CHK_7b0960f6ba7a23385fec1827b6" CHECK ("activity" IN ('preparation', 'reading', 'scoring', 'meetings')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7779cb5bffc8a88c35d1d3e29e" ON "payment_rates" ("tenderId", "activity") `);
    await queryRunner.query(
      `CREATE TABLE "payment_accounts" ("panelMemberId" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "reference" varchar(20) NOT NULL, "choice" varchar(10), "choiceAt" datetime, "choiceById" varchar(36), "createdAt" datetime NOT NULL, CONSTRAINT "CHK_77973d3075ecb25cd8ba7b0d03" CHECK ("choice" IN ('paid', 'vouchers', 'declined')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_97693fa1f7c658d6a1c5358613" ON "payment_accounts" ("tenderId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_18b77dbfc7cc7fcaeeeceb2fa2" ON "payment_accounts" ("reference") `);
    await queryRunner.query(
      `CREATE TABLE "payment_ledger_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "kind" varchar(10) NOT NULL, "occurredOn" varchar(10) NOT NULL, "activity" varchar(20), "minutes" integer, "ratePence" integer, "rateBasis" varchar(10), "expenseType" varchar(10), "amountPence" bigint NOT NULL, "note" text, "status" varchar(10) NOT NULL, "claimedById" varchar(36) NOT NULL, "claimedAt" datetime NOT NULL, "decidedById" varchar(36), "decidedAt" datetime, "rejectionReason" text, CONSTRAINT "CHK_961126d2af2cc387bb2adbb0d2" CHECK ("amountPence" >= 0), CONSTRAINT "CHK_3d071f941a2cb12d89cff3fae3" CHECK ("rateBasis" IN ('hour', 'session')), CONSTRAINT "CHK_cc84181e540ba701187ff92f96" CHECK ("expenseType" IN ('travel', 'care', 'support', 'other')), CONSTRAINT "CHK_074a72b41da14bf7c25fc60a24" CHECK ("activity" IN ('preparation', 'reading', 'scoring', 'meetings')), CONSTRAINT "CHK_6f3f926d1b886d30de4e4edad1" CHECK ("status" IN ('claimed', 'approved', 'rejected')), CONSTRAINT "CHK_e53e9ff585a44ca025ea987876" CHECK ("kind" IN ('time', 'expense')))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e14940e3a29177906a4d9c6a80" ON "payment_ledger_lines" ("tenderId", "panelMemberId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_7779cb5bffc8a88c35d1d3e29e"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_payment_rates" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "activity" varchar(20) NOT NULL, "basis" varchar(10) NOT NULL, "ratePence" integer NOT NULL, "updatedAt" datetime NOT NULL, "updatedById" varchar(36) NOT NULL, CONSTRAINT "CHK_ca6f71974f37812f5a665c19d0" CHECK ("ratePence" BETWEEN 0 AND 100000), CONSTRAINT "CHK_86b4cc591ac5dec6169a8d0681" CHECK ("basis" IN ('hour', 'session')), CONSTRAINT "CHK_7b0960f6ba7a23385fec1827b6" CHECK ("activity" IN ('preparation', 'reading', 'scoring', 'meetings')), CONSTRAINT "FK_5445d248d7b22a6ff862f3acbca" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_payment_rates"("id", "tenderId", "activity", "basis", "ratePence", "updatedAt", "updatedById") SELECT "id", "tenderId", "activity", "basis", "ratePence", "updatedAt", "updatedById" FROM "payment_rates"`,
    );
    await queryRunner.query(`DROP TABLE "payment_rates"`);
    await queryRunner.query(`ALTER TABLE "temporary_payment_rates" RENAME TO "payment_rates"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7779cb5bffc8a88c35d1d3e29e" ON "payment_rates" ("tenderId", "activity") `);
    await queryRunner.query(`DROP INDEX "IDX_97693fa1f7c658d6a1c5358613"`);
    await queryRunner.query(`DROP INDEX "IDX_18b77dbfc7cc7fcaeeeceb2fa2"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_payment_accounts" ("panelMemberId" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "reference" varchar(20) NOT NULL, "choice" varchar(10), "choiceAt" datetime, "choiceById" varchar(36), "createdAt" datetime NOT NULL, CONSTRAINT "CHK_77973d3075ecb25cd8ba7b0d03" CHECK ("choice" IN ('paid', 'vouchers', 'declined')), CONSTRAINT "FK_d43ca0bfea58f5efd86a08ea5bf" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_97693fa1f7c658d6a1c5358613a" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_payment_accounts"("panelMemberId", "tenderId", "reference", "choice", "choiceAt", "choiceById", "createdAt") SELECT "panelMemberId", "tenderId", "reference", "choice", "choiceAt", "choiceById", "createdAt" FROM "payment_accounts"`,
    );
    await queryRunner.query(`DROP TABLE "payment_accounts"`);
    await queryRunner.query(`ALTER TABLE "temporary_payment_accounts" RENAME TO "payment_accounts"`);
    await queryRunner.query(`CREATE INDEX "IDX_97693fa1f7c658d6a1c5358613" ON "payment_accounts" ("tenderId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_18b77dbfc7cc7fcaeeeceb2fa2" ON "payment_accounts" ("reference") `);
    await queryRunner.query(`DROP INDEX "IDX_e14940e3a29177906a4d9c6a80"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_payment_ledger_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "kind" varchar(10) NOT NULL, "occurredOn" varchar(10) NOT NULL, "activity" varchar(20), "minutes" integer, "ratePence" integer, "rateBasis" varchar(10), "expenseType" varchar(10), "amountPence" bigint NOT NULL, "note" text, "status" varchar(10) NOT NULL, "claimedById" varchar(36) NOT NULL, "claimedAt" datetime NOT NULL, "decidedById" varchar(36), "decidedAt" datetime, "rejectionReason" text, CONSTRAINT "CHK_961126d2af2cc387bb2adbb0d2" CHECK ("amountPence" >= 0), CONSTRAINT "CHK_3d071f941a2cb12d89cff3fae3" CHECK ("rateBasis" IN ('hour', 'session')), CONSTRAINT "CHK_cc84181e540ba701187ff92f96" CHECK ("expenseType" IN ('travel', 'care', 'support', 'other')), CONSTRAINT "CHK_074a72b41da14bf7c25fc60a24" CHECK ("activity" IN ('preparation', 'reading', 'scoring', 'meetings')), CONSTRAINT "CHK_6f3f926d1b886d30de4e4edad1" CHECK ("status" IN ('claimed', 'approved', 'rejected')), CONSTRAINT "CHK_e53e9ff585a44ca025ea987876" CHECK ("kind" IN ('time', 'expense')), CONSTRAINT "FK_64b17ebe3faa32588c3b89855e3" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f0f42b0ef791e1ed9ce9032be7a" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_payment_ledger_lines"("id", "tenderId", "panelMemberId", "kind", "occurredOn", "activity", "minutes", "ratePence", "rateBasis", "expenseType", "amountPence", "note", "status", "claimedById", "claimedAt", "decidedById", "decidedAt", "rejectionReason") SELECT "id", "tenderId", "panelMemberId", "kind", "occurredOn", "activity", "minutes", "ratePence", "rateBasis", "expenseType", "amountPence", "note", "status", "claimedById", "claimedAt", "decidedById", "decidedAt", "rejectionReason" FROM "payment_ledger_lines"`,
    );
    await queryRunner.query(`DROP TABLE "payment_ledger_lines"`);
    await queryRunner.query(`ALTER TABLE "temporary_payment_ledger_lines" RENAME TO "payment_ledger_lines"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_e14940e3a29177906a4d9c6a80" ON "payment_ledger_lines" ("tenderId", "panelMemberId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_e14940e3a29177906a4d9c6a80"`);
    await queryRunner.query(`ALTER TABLE "payment_ledger_lines" RENAME TO "temporary_payment_ledger_lines"`);
    await queryRunner.query(
      `CREATE TABLE "payment_ledger_lines" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "kind" varchar(10) NOT NULL, "occurredOn" varchar(10) NOT NULL, "activity" varchar(20), "minutes" integer, "ratePence" integer, "rateBasis" varchar(10), "expenseType" varchar(10), "amountPence" bigint NOT NULL, "note" text, "status" varchar(10) NOT NULL, "claimedById" varchar(36) NOT NULL, "claimedAt" datetime NOT NULL, "decidedById" varchar(36), "decidedAt" datetime, "rejectionReason" text, CONSTRAINT "CHK_961126d2af2cc387bb2adbb0d2" CHECK ("amountPence" >= 0), CONSTRAINT "CHK_3d071f941a2cb12d89cff3fae3" CHECK ("rateBasis" IN ('hour', 'session')), CONSTRAINT "CHK_cc84181e540ba701187ff92f96" CHECK ("expenseType" IN ('travel', 'care', 'support', 'other')), CONSTRAINT "CHK_074a72b41da14bf7c25fc60a24" CHECK ("activity" IN ('preparation', 'reading', 'scoring', 'meetings')), CONSTRAINT "CHK_6f3f926d1b886d30de4e4edad1" CHECK ("status" IN ('claimed', 'approved', 'rejected')), CONSTRAINT "CHK_e53e9ff585a44ca025ea987876" CHECK ("kind" IN ('time', 'expense')))`,
    );
    await queryRunner.query(
      `INSERT INTO "payment_ledger_lines"("id", "tenderId", "panelMemberId", "kind", "occurredOn", "activity", "minutes", "ratePence", "rateBasis", "expenseType", "amountPence", "note", "status", "claimedById", "claimedAt", "decidedById", "decidedAt", "rejectionReason") SELECT "id", "tenderId", "panelMemberId", "kind", "occurredOn", "activity", "minutes", "ratePence", "rateBasis", "expenseType", "amountPence", "note", "status", "claimedById", "claimedAt", "decidedById", "decidedAt", "rejectionReason" FROM "temporary_payment_ledger_lines"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_payment_ledger_lines"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_e14940e3a29177906a4d9c6a80" ON "payment_ledger_lines" ("tenderId", "panelMemberId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_18b77dbfc7cc7fcaeeeceb2fa2"`);
    await queryRunner.query(`DROP INDEX "IDX_97693fa1f7c658d6a1c5358613"`);
    await queryRunner.query(`ALTER TABLE "payment_accounts" RENAME TO "temporary_payment_accounts"`);
    await queryRunner.query(
      `CREATE TABLE "payment_accounts" ("panelMemberId" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "reference" varchar(20) NOT NULL, "choice" varchar(10), "choiceAt" datetime, "choiceById" varchar(36), "createdAt" datetime NOT NULL, CONSTRAINT "CHK_77973d3075ecb25cd8ba7b0d03" CHECK ("choice" IN ('paid', 'vouchers', 'declined')))`,
    );
    await queryRunner.query(
      `INSERT INTO "payment_accounts"("panelMemberId", "tenderId", "reference", "choice", "choiceAt", "choiceById", "createdAt") SELECT "panelMemberId", "tenderId", "reference", "choice", "choiceAt", "choiceById", "createdAt" FROM "temporary_payment_accounts"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_payment_accounts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_18b77dbfc7cc7fcaeeeceb2fa2" ON "payment_accounts" ("reference") `);
    await queryRunner.query(`CREATE INDEX "IDX_97693fa1f7c658d6a1c5358613" ON "payment_accounts" ("tenderId") `);
    await queryRunner.query(`DROP INDEX "IDX_7779cb5bffc8a88c35d1d3e29e"`);
    await queryRunner.query(`ALTER TABLE "payment_rates" RENAME TO "temporary_payment_rates"`);
    await queryRunner.query(
      `CREATE TABLE "payment_rates" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "activity" varchar(20) NOT NULL, "basis" varchar(10) NOT NULL, "ratePence" integer NOT NULL, "updatedAt" datetime NOT NULL, "updatedById" varchar(36) NOT NULL, CONSTRAINT "CHK_ca6f71974f37812f5a665c19d0" CHECK ("ratePence" BETWEEN 0 AND 100000), CONSTRAINT "CHK_86b4cc591ac5dec6169a8d0681" CHECK ("basis" IN ('hour', 'session')), CONSTRAINT "CHK_7b0960f6ba7a23385fec1827b6" CHECK ("activity" IN ('preparation', 'reading', 'scoring', 'meetings')))`,
    );
    await queryRunner.query(
      `INSERT INTO "payment_rates"("id", "tenderId", "activity", "basis", "ratePence", "updatedAt", "updatedById") SELECT "id", "tenderId", "activity", "basis", "ratePence", "updatedAt", "updatedById" FROM "temporary_payment_rates"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_payment_rates"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7779cb5bffc8a88c35d1d3e29e" ON "payment_rates" ("tenderId", "activity") `);
    await queryRunner.query(`DROP INDEX "IDX_e14940e3a29177906a4d9c6a80"`);
    await queryRunner.query(`DROP TABLE "payment_ledger_lines"`);
    await queryRunner.query(`DROP INDEX "IDX_18b77dbfc7cc7fcaeeeceb2fa2"`);
    await queryRunner.query(`DROP INDEX "IDX_97693fa1f7c658d6a1c5358613"`);
    await queryRunner.query(`DROP TABLE "payment_accounts"`);
    await queryRunner.query(`DROP INDEX "IDX_7779cb5bffc8a88c35d1d3e29e"`);
    await queryRunner.query(`DROP TABLE "payment_rates"`);
  }
}
