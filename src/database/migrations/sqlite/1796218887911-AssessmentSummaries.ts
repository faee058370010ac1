import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentSummaries1796218887911 implements MigrationInterface {
  name = 'AssessmentSummaries1796218887911';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "assessment_summaries" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "currentVersion" integer NOT NULL, "approvedById" varchar(36), "approvedAt" datetime, "sentOn" varchar(10), "sentRecordedById" varchar(36), "sentRecordedAt" datetime, CONSTRAINT "CHK_3476f6a7a48571edfb797d7982" CHECK ("status" IN ('draft', 'approved', 'sent')))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d4cdc9fb7007c4dd0efca175e9" ON "assessment_summaries" ("tenderId", "bidId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_summary_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "summaryId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "version" integer NOT NULL, "explanations" text NOT NULL, "overall" text NOT NULL, "editedById" varchar(36) NOT NULL, "editedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cf254bfa93b6a2604a7bf73712" ON "assessment_summary_versions" ("summaryId", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_d4cdc9fb7007c4dd0efca175e9"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_assessment_summaries" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "currentVersion" integer NOT NULL, "approvedById" varchar(36), "approvedAt" datetime, "sentOn" varchar(10), "sentRecordedById" varchar(36), "sentRecordedAt" datetime, CONSTRAINT "CHK_3476f6a7a48571edfb797d7982" CHECK ("status" IN ('draft', 'approved', 'sent')), CONSTRAINT "FK_d30a7097159865fa0e9576978f6" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_14a0da1b6754bd73c647ec8494d" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_assessment_summaries"("id", "tenderId", "bidId", "status", "currentVersion", "approvedById", "approvedAt", "sentOn", "sentRecordedById", "sentRecordedAt") SELECT "id", "tenderId", "bidId", "status", "currentVersion", "approvedById", "approvedAt", "sentOn", "sentRecordedById", "sentRecordedAt" FROM "assessment_summaries"`,
    );
    await queryRunner.query(`DROP TABLE "assessment_summaries"`);
    await queryRunner.query(`ALTER TABLE "temporary_assessment_summaries" RENAME TO "assessment_summaries"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d4cdc9fb7007c4dd0efca175e9" ON "assessment_summaries" ("tenderId", "bidId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cf254bfa93b6a2604a7bf73712"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_assessment_summary_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "summaryId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "version" integer NOT NULL, "explanations" text NOT NULL, "overall" text NOT NULL, "editedById" varchar(36) NOT NULL, "editedAt" datetime NOT NULL, CONSTRAINT "FK_18ceb36c37a139ba8372fda4693" FOREIGN KEY ("summaryId") REFERENCES "assessment_summaries" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_assessment_summary_versions"("id", "summaryId", "tenderId", "version", "explanations", "overall", "editedById", "editedAt") SELECT "id", "summaryId", "tenderId", "version", "explanations", "overall", "editedById", "editedAt" FROM "assessment_summary_versions"`,
    );
    await queryRunner.query(`DROP TABLE "assessment_summary_versions"`);
    await queryRunner.query(`ALTER TABLE "temporary_assessment_summary_versions" RENAME TO "assessment_summary_versions"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cf254bfa93b6a2604a7bf73712" ON "assessment_summary_versions" ("summaryId", "version") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cf254bfa93b6a2604a7bf73712"`);
    await queryRunner.query(`ALTER TABLE "assessment_summary_versions" RENAME TO "temporary_assessment_summary_versions"`);
    await queryRunner.query(
      `CREATE TABLE "assessment_summary_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "summaryId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "version" integer NOT NULL, "explanations" text NOT NULL, "overall" text NOT NULL, "editedById" varchar(36) NOT NULL, "editedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "assessment_summary_versions"("id", "summaryId", "tenderId", "version", "explanations", "overall", "editedById", "editedAt") SELECT "id", "summaryId", "tenderId", "version", "explanations", "overall", "editedById", "editedAt" FROM "temporary_assessment_summary_versions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_assessment_summary_versions"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cf254bfa93b6a2604a7bf73712" ON "assessment_summary_versions" ("summaryId", "version") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_d4cdc9fb7007c4dd0efca175e9"`);
    await queryRunner.query(`ALTER TABLE "assessment_summaries" RENAME TO "temporary_assessment_summaries"`);
    await queryRunner.query(
      `CREATE TABLE "assessment_summaries" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "status" varchar(16) NOT NULL, "currentVersion" integer NOT NULL, "approvedById" varchar(36), "approvedAt" datetime, "sentOn" varchar(10), "sentRecordedById" varchar(36), "sentRecordedAt" datetime, CONSTRAINT "CHK_3476f6a7a48571edfb797d7982" CHECK ("status" IN ('draft', 'approved', 'sent')))`,
    );
    await queryRunner.query(
      `INSERT INTO "assessment_summaries"("id", "tenderId", "bidId", "status", "currentVersion", "approvedById", "approvedAt", "sentOn", "sentRecordedById", "sentRecordedAt") SELECT "id", "tenderId", "bidId", "status", "currentVersion", "approvedById", "approvedAt", "sentOn", "sentRecordedById", "sentRecordedAt" FROM "temporary_assessment_summaries"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_assessment_summaries"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d4cdc9fb7007c4dd0efca175e9" ON "assessment_summaries" ("tenderId", "bidId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_cf254bfa93b6a2604a7bf73712"`);
    await queryRunner.query(`DROP TABLE "assessment_summary_versions"`);
    await queryRunner.query(`DROP INDEX "IDX_d4cdc9fb7007c4dd0efca175e9"`);
    await queryRunner.query(`DROP TABLE "assessment_summaries"`);
  }
}
