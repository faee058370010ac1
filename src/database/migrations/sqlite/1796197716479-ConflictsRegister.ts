import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConflictsRegister1796197716479 implements MigrationInterface {
  name = 'ConflictsRegister1796197716479';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "conflict_declaration_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "subject" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "panelMemberId" varchar(36), "bidId" varchar(36), "userId" varchar(36), "version" integer NOT NULL, "conflict" boolean NOT NULL, "details" text, "declaredAt" datetime NOT NULL, CONSTRAINT "CHK_80f458f63f5dccc682e43c4ec1" CHECK ("subject" IN ('panel_bid', 'team')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ee82d1eefcd94e725562856b28" ON "conflict_declaration_versions" ("tenderId", "subject", "subjectId", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "conflict_mitigations" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "subject" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "version" integer NOT NULL, "text" text NOT NULL, "recordedById" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "CHK_9979383a11c394bc9233165e59" CHECK ("subject" IN ('panel_bid', 'team')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_60f53829986468576b05e7a4ae" ON "conflict_mitigations" ("tenderId", "subject", "subjectId", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "conflict_reviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "revision" integer NOT NULL, "note" text, "reviewedById" varchar(36) NOT NULL, "reviewedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_213bc31945770d736019f3e68b" ON "conflict_reviews" ("tenderId", "revision") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_ee82d1eefcd94e725562856b28"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conflict_declaration_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "subject" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "panelMemberId" varchar(36), "bidId" varchar(36), "userId" varchar(36), "version" integer NOT NULL, "conflict" boolean NOT NULL, "details" text, "declaredAt" datetime NOT NULL, CONSTRAINT "CHK_80f458f63f5dccc682e43c4ec1" CHECK ("subject" IN ('panel_bid', 'team')), CONSTRAINT "FK_0539228dda80c14e77abe8a602b" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conflict_declaration_versions"("id", "tenderId", "subject", "subjectId", "panelMemberId", "bidId", "userId", "version", "conflict", "details", "declaredAt") SELECT "id", "tenderId", "subject", "subjectId", "panelMemberId", "bidId", "userId", "version", "conflict", "details", "declaredAt" FROM "conflict_declaration_versions"`,
    );
    await queryRunner.query(`DROP TABLE "conflict_declaration_versions"`);
    await queryRunner.query(`ALTER TABLE "temporary_conflict_declaration_versions" RENAME TO "conflict_declaration_versions"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ee82d1eefcd94e725562856b28" ON "conflict_declaration_versions" ("tenderId", "subject", "subjectId", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_60f53829986468576b05e7a4ae"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conflict_mitigations" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "subject" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "version" integer NOT NULL, "text" text NOT NULL, "recordedById" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "CHK_9979383a11c394bc9233165e59" CHECK ("subject" IN ('panel_bid', 'team')), CONSTRAINT "FK_4ad202011459caa26f6d79c5439" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conflict_mitigations"("id", "tenderId", "subject", "subjectId", "version", "text", "recordedById", "recordedAt") SELECT "id", "tenderId", "subject", "subjectId", "version", "text", "recordedById", "recordedAt" FROM "conflict_mitigations"`,
    );
    await queryRunner.query(`DROP TABLE "conflict_mitigations"`);
    await queryRunner.query(`ALTER TABLE "temporary_conflict_mitigations" RENAME TO "conflict_mitigations"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_60f53829986468576b05e7a4ae" ON "conflict_mitigations" ("tenderId", "subject", "subjectId", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_213bc31945770d736019f3e68b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_conflict_reviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "revision" integer NOT NULL, "note" text, "reviewedById" varchar(36) NOT NULL, "reviewedAt" datetime NOT NULL, CONSTRAINT "FK_73a1f1fb635b11f125a335cd037" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_conflict_reviews"("id", "tenderId", "revision", "note", "reviewedById", "reviewedAt") SELECT "id", "tenderId", "revision", "note", "reviewedById", "reviewedAt" FROM "conflict_reviews"`,
    );
    await queryRunner.query(`DROP TABLE "conflict_reviews"`);
    await queryRunner.query(`ALTER TABLE "temporary_conflict_reviews" RENAME TO "conflict_reviews"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_213bc31945770d736019f3e68b" ON "conflict_reviews" ("tenderId", "revision") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_213bc31945770d736019f3e68b"`);
    await queryRunner.query(`ALTER TABLE "conflict_reviews" RENAME TO "temporary_conflict_reviews"`);
    await queryRunner.query(
      `CREATE TABLE "conflict_reviews" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "revision" integer NOT NULL, "note" text, "reviewedById" varchar(36) NOT NULL, "reviewedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "conflict_reviews"("id", "tenderId", "revision", "note", "reviewedById", "reviewedAt") SELECT "id", "tenderId", "revision", "note", "reviewedById", "reviewedAt" FROM "temporary_conflict_reviews"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conflict_reviews"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_213bc31945770d736019f3e68b" ON "conflict_reviews" ("tenderId", "revision") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_60f53829986468576b05e7a4ae"`);
    await queryRunner.query(`ALTER TABLE "conflict_mitigations" RENAME TO "temporary_conflict_mitigations"`);
    await queryRunner.query(
      `CREATE TABLE "conflict_mitigations" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "subject" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "version" integer NOT NULL, "text" text NOT NULL, "recordedById" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "CHK_9979383a11c394bc9233165e59" CHECK ("subject" IN ('panel_bid', 'team')))`,
    );
    await queryRunner.query(
      `INSERT INTO "conflict_mitigations"("id", "tenderId", "subject", "subjectId", "version", "text", "recordedById", "recordedAt") SELECT "id", "tenderId", "subject", "subjectId", "version", "text", "recordedById", "recordedAt" FROM "temporary_conflict_mitigations"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conflict_mitigations"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_60f53829986468576b05e7a4ae" ON "conflict_mitigations" ("tenderId", "subject", "subjectId", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_ee82d1eefcd94e725562856b28"`);
    await queryRunner.query(`ALTER TABLE "conflict_declaration_versions" RENAME TO "temporary_conflict_declaration_versions"`);
    await queryRunner.query(
      `CREATE TABLE "conflict_declaration_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "subject" varchar(16) NOT NULL, "subjectId" varchar(36) NOT NULL, "panelMemberId" varchar(36), "bidId" varchar(36), "userId" varchar(36), "version" integer NOT NULL, "conflict" boolean NOT NULL, "details" text, "declaredAt" datetime NOT NULL, CONSTRAINT "CHK_80f458f63f5dccc682e43c4ec1" CHECK ("subject" IN ('panel_bid', 'team')))`,
    );
    await queryRunner.query(
      `INSERT INTO "conflict_declaration_versions"("id", "tenderId", "subject", "subjectId", "panelMemberId", "bidId", "userId", "version", "conflict", "details", "declaredAt") SELECT "id", "tenderId", "subject", "subjectId", "panelMemberId", "bidId", "userId", "version", "conflict", "details", "declaredAt" FROM "temporary_conflict_declaration_versions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_conflict_declaration_versions"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ee82d1eefcd94e725562856b28" ON "conflict_declaration_versions" ("tenderId", "subject", "subjectId", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_213bc31945770d736019f3e68b"`);
    await queryRunner.query(`DROP TABLE "conflict_reviews"`);
    await queryRunner.query(`DROP INDEX "IDX_60f53829986468576b05e7a4ae"`);
    await queryRunner.query(`DROP TABLE "conflict_mitigations"`);
    await queryRunner.query(`DROP INDEX "IDX_ee82d1eefcd94e725562856b28"`);
    await queryRunner.query(`DROP TABLE "conflict_declaration_versions"`);
  }
}
