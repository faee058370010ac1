import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssessmentSummaries1796219025605 implements MigrationInterface {
  name = 'AssessmentSummaries1796219025605';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "assessment_summaries" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "status" character varying(16) NOT NULL,
                "currentVersion" integer NOT NULL,
                "approvedById" character varying(36),
                "approvedAt" TIMESTAMP,
                "sentOn" character varying(10),
                "sentRecordedById" character varying(36),
                "sentRecordedAt" TIMESTAMP,
                CONSTRAINT "CHK_3476f6a7a48571edfb797d7982" CHECK ("status" IN ('draft', 'approved', 'sent')),
                CONSTRAINT "PK_035ddd6b65ffb1398ca71a024fa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d4cdc9fb7007c4dd0efca175e9" ON "assessment_summaries" ("tenderId", "bidId")
        `);
    await queryRunner.query(`
            CREATE TABLE "assessment_summary_versions" (
                "id" character varying(36) NOT NULL,
                "summaryId" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "version" integer NOT NULL,
                "explanations" text NOT NULL,
                "overall" text NOT NULL,
                "editedById" character varying(36) NOT NULL,
                "editedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_750ab06af8a3de70be04c16cc73" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_cf254bfa93b6a2604a7bf73712" ON "assessment_summary_versions" ("summaryId", "version")
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment_summaries"
            ADD CONSTRAINT "FK_d30a7097159865fa0e9576978f6" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment_summaries"
            ADD CONSTRAINT "FK_14a0da1b6754bd73c647ec8494d" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment_summary_versions"
            ADD CONSTRAINT "FK_18ceb36c37a139ba8372fda4693" FOREIGN KEY ("summaryId") REFERENCES "assessment_summaries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "assessment_summary_versions" DROP CONSTRAINT "FK_18ceb36c37a139ba8372fda4693"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment_summaries" DROP CONSTRAINT "FK_14a0da1b6754bd73c647ec8494d"
        `);
    await queryRunner.query(`
            ALTER TABLE "assessment_summaries" DROP CONSTRAINT "FK_d30a7097159865fa0e9576978f6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_cf254bfa93b6a2604a7bf73712"
        `);
    await queryRunner.query(`
            DROP TABLE "assessment_summary_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d4cdc9fb7007c4dd0efca175e9"
        `);
    await queryRunner.query(`
            DROP TABLE "assessment_summaries"
        `);
  }
}
