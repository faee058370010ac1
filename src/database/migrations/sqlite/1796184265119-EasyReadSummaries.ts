import { MigrationInterface, QueryRunner } from 'typeorm';

export class EasyReadSummaries1796184265119 implements MigrationInterface {
  name = 'EasyReadSummaries1796184265119';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "easy_read_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "number" integer NOT NULL, "sections" text NOT NULL, "wordLimit" integer NOT NULL, "writtenById" varchar(36) NOT NULL, "writtenAt" datetime NOT NULL, CONSTRAINT "CHK_4431fef14f2fda487397d8f51d" CHECK ("number" >= 1))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3c543307c15f317cdd8a3a8bd8" ON "easy_read_versions" ("bidId", "number") `);
    await queryRunner.query(
      `CREATE TABLE "easy_read_fact_checks" ("id" varchar(36) PRIMARY KEY NOT NULL, "versionId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "sentById" varchar(36) NOT NULL, "sentAt" datetime NOT NULL, "workingDays" integer NOT NULL, "respondBy" datetime NOT NULL, "outcome" varchar(12), "comment" text, "respondedById" varchar(36), "respondedAt" datetime, CONSTRAINT "UQ_8b258a91301403570fafaa452c3" UNIQUE ("versionId"), CONSTRAINT "REL_8b258a91301403570fafaa452c" UNIQUE ("versionId"), CONSTRAINT "CHK_02983468290a3c8d699924d486" CHECK ("workingDays" BETWEEN 2 AND 20), CONSTRAINT "CHK_829d20f849d04a16f24944f94c" CHECK ("outcome" IN ('approved', 'commented')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_538bf6d0a5644cec97a6da4283" ON "easy_read_fact_checks" ("bidId") `);
    await queryRunner.query(
      `CREATE TABLE "easy_read_templates" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "headings" text NOT NULL, "wordLimit" integer NOT NULL, "updatedById" varchar(36) NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "CHK_5e2aedd6acd46fb1f08d6b071c" CHECK ("wordLimit" BETWEEN 20 AND 300))`,
    );
    await queryRunner.query(`DROP INDEX "IDX_3c543307c15f317cdd8a3a8bd8"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_easy_read_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "number" integer NOT NULL, "sections" text NOT NULL, "wordLimit" integer NOT NULL, "writtenById" varchar(36) NOT NULL, "writtenAt" datetime NOT NULL, CONSTRAINT "CHK_4431fef14f2fda487397d8f51d" CHECK ("number" >= 1), CONSTRAINT "FK_5c8cce7772062ca44fb904e60c4" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0e94900b2549d756ff912c3d610" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_easy_read_versions"("id", "tenderId", "bidId", "number", "sections", "wordLimit", "writtenById", "writtenAt") SELECT "id", "tenderId", "bidId", "number", "sections", "wordLimit", "writtenById", "writtenAt" FROM "easy_read_versions"`,
    );
    await queryRunner.query(`DROP TABLE "easy_read_versions"`);
    await queryRunner.query(`ALTER TABLE "temporary_easy_read_versions" RENAME TO "easy_read_versions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3c543307c15f317cdd8a3a8bd8" ON "easy_read_versions" ("bidId", "number") `);
    await queryRunner.query(`DROP INDEX "IDX_538bf6d0a5644cec97a6da4283"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_easy_read_fact_checks" ("id" varchar(36) PRIMARY KEY NOT NULL, "versionId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "sentById" varchar(36) NOT NULL, "sentAt" datetime NOT NULL, "workingDays" integer NOT NULL, "respondBy" datetime NOT NULL, "outcome" varchar(12), "comment" text, "respondedById" varchar(36), "respondedAt" datetime, CONSTRAINT "UQ_8b258a91301403570fafaa452c3" UNIQUE ("versionId"), CONSTRAINT "REL_8b258a91301403570fafaa452c" UNIQUE ("versionId"), CONSTRAINT "CHK_02983468290a3c8d699924d486" CHECK ("workingDays" BETWEEN 2 AND 20), CONSTRAINT "CHK_829d20f849d04a16f24944f94c" CHECK ("outcome" IN ('approved', 'commented')), CONSTRAINT "FK_8b258a91301403570fafaa452c3" FOREIGN KEY ("versionId") REFERENCES "easy_read_versions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_538bf6d0a5644cec97a6da42837" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_easy_read_fact_checks"("id", "versionId", "tenderId", "bidId", "sentById", "sentAt", "workingDays", "respondBy", "outcome", "comment", "respondedById", "respondedAt") SELECT "id", "versionId", "tenderId", "bidId", "sentById", "sentAt", "workingDays", "respondBy", "outcome", "comment", "respondedById", "respondedAt" FROM "easy_read_fact_checks"`,
    );
    await queryRunner.query(`DROP TABLE "easy_read_fact_checks"`);
    await queryRunner.query(`ALTER TABLE "temporary_easy_read_fact_checks" RENAME TO "easy_read_fact_checks"`);
    await queryRunner.query(`CREATE INDEX "IDX_538bf6d0a5644cec97a6da4283" ON "easy_read_fact_checks" ("bidId") `);
    await queryRunner.query(
      `CREATE TABLE "temporary_easy_read_templates" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "headings" text NOT NULL, "wordLimit" integer NOT NULL, "updatedById" varchar(36) NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "CHK_5e2aedd6acd46fb1f08d6b071c" CHECK ("wordLimit" BETWEEN 20 AND 300), CONSTRAINT "FK_01f6af979d52403cdf7340b85cf" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_easy_read_templates"("tenderId", "headings", "wordLimit", "updatedById", "updatedAt") SELECT "tenderId", "headings", "wordLimit", "updatedById", "updatedAt" FROM "easy_read_templates"`,
    );
    await queryRunner.query(`DROP TABLE "easy_read_templates"`);
    await queryRunner.query(`ALTER TABLE "temporary_easy_read_templates" RENAME TO "easy_read_templates"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "easy_read_templates" RENAME TO "temporary_easy_read_templates"`);
    await queryRunner.query(
      `CREATE TABLE "easy_read_templates" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "headings" text NOT NULL, "wordLimit" integer NOT NULL, "updatedById" varchar(36) NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "CHK_5e2aedd6acd46fb1f08d6b071c" CHECK ("wordLimit" BETWEEN 20 AND 300))`,
    );
    await queryRunner.query(
      `INSERT INTO "easy_read_templates"("tenderId", "headings", "wordLimit", "updatedById", "updatedAt") SELECT "tenderId", "headings", "wordLimit", "updatedById", "updatedAt" FROM "temporary_easy_read_templates"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_easy_read_templates"`);
    await queryRunner.query(`DROP INDEX "IDX_538bf6d0a5644cec97a6da4283"`);
    await queryRunner.query(`ALTER TABLE "easy_read_fact_checks" RENAME TO "temporary_easy_read_fact_checks"`);
    await queryRunner.query(
      `CREATE TABLE "easy_read_fact_checks" ("id" varchar(36) PRIMARY KEY NOT NULL, "versionId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "sentById" varchar(36) NOT NULL, "sentAt" datetime NOT NULL, "workingDays" integer NOT NULL, "respondBy" datetime NOT NULL, "outcome" varchar(12), "comment" text, "respondedById" varchar(36), "respondedAt" datetime, CONSTRAINT "UQ_8b258a91301403570fafaa452c3" UNIQUE ("versionId"), CONSTRAINT "REL_8b258a91301403570fafaa452c" UNIQUE ("versionId"), CONSTRAINT "CHK_02983468290a3c8d699924d486" CHECK ("workingDays" BETWEEN 2 AND 20), CONSTRAINT "CHK_829d20f849d04a16f24944f94c" CHECK ("outcome" IN ('approved', 'commented')))`,
    );
    await queryRunner.query(
      `INSERT INTO "easy_read_fact_checks"("id", "versionId", "tenderId", "bidId", "sentById", "sentAt", "workingDays", "respondBy", "outcome", "comment", "respondedById", "respondedAt") SELECT "id", "versionId", "tenderId", "bidId", "sentById", "sentAt", "workingDays", "respondBy", "outcome", "comment", "respondedById", "respondedAt" FROM "temporary_easy_read_fact_checks"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_easy_read_fact_checks"`);
    await queryRunner.query(`CREATE INDEX "IDX_538bf6d0a5644cec97a6da4283" ON "easy_read_fact_checks" ("bidId") `);
    await queryRunner.query(`DROP INDEX "IDX_3c543307c15f317cdd8a3a8bd8"`);
    await queryRunner.query(`ALTER TABLE "easy_read_versions" RENAME TO "temporary_easy_read_versions"`);
    await queryRunner.query(
      `CREATE TABLE "easy_read_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "number" integer NOT NULL, "sections" text NOT NULL, "wordLimit" integer NOT NULL, "writtenById" varchar(36) NOT NULL, "writtenAt" datetime NOT NULL, CONSTRAINT "CHK_4431fef14f2fda487397d8f51d" CHECK ("number" >= 1))`,
    );
    await queryRunner.query(
      `INSERT INTO "easy_read_versions"("id", "tenderId", "bidId", "number", "sections", "wordLimit", "writtenById", "writtenAt") SELECT "id", "tenderId", "bidId", "number", "sections", "wordLimit", "writtenById", "writtenAt" FROM "temporary_easy_read_versions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_easy_read_versions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3c543307c15f317cdd8a3a8bd8" ON "easy_read_versions" ("bidId", "number") `);
    await queryRunner.query(`DROP TABLE "easy_read_templates"`);
    await queryRunner.query(`DROP INDEX "IDX_538bf6d0a5644cec97a6da4283"`);
    await queryRunner.query(`DROP TABLE "easy_read_fact_checks"`);
    await queryRunner.query(`DROP INDEX "IDX_3c543307c15f317cdd8a3a8bd8"`);
    await queryRunner.query(`DROP TABLE "easy_read_versions"`);
  }
}
