import { MigrationInterface, QueryRunner } from 'typeorm';

export class EasyReadSummaries1796184387641 implements MigrationInterface {
  name = 'EasyReadSummaries1796184387641';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "easy_read_versions" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "number" integer NOT NULL,
                "sections" text NOT NULL,
                "wordLimit" integer NOT NULL,
                "writtenById" character varying(36) NOT NULL,
                "writtenAt" TIMESTAMP NOT NULL,
                CONSTRAINT "CHK_4431fef14f2fda487397d8f51d" CHECK ("number" >= 1),
                CONSTRAINT "PK_92c678000c2e1891f76fc6cefc4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_3c543307c15f317cdd8a3a8bd8" ON "easy_read_versions" ("bidId", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "easy_read_templates" (
                "tenderId" character varying(36) NOT NULL,
                "headings" text NOT NULL,
                "wordLimit" integer NOT NULL,
                "updatedById" character varying(36) NOT NULL,
                "updatedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "CHK_5e2aedd6acd46fb1f08d6b071c" CHECK (
                    "wordLimit" BETWEEN 20 AND 300
                ),
                CONSTRAINT "PK_01f6af979d52403cdf7340b85cf" PRIMARY KEY ("tenderId")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "easy_read_fact_checks" (
                "id" character varying(36) NOT NULL,
                "versionId" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "sentById" character varying(36) NOT NULL,
                "sentAt" TIMESTAMP NOT NULL,
                "workingDays" integer NOT NULL,
                "respondBy" TIMESTAMP NOT NULL,
                "outcome" character varying(12),
                "comment" text,
                "respondedById" character varying(36),
                "respondedAt" TIMESTAMP,
                CONSTRAINT "UQ_8b258a91301403570fafaa452c3" UNIQUE ("versionId"),
                CONSTRAINT "REL_8b258a91301403570fafaa452c" UNIQUE ("versionId"),
                CONSTRAINT "CHK_02983468290a3c8d699924d486" CHECK (
                    "workingDays" BETWEEN 2 AND 20
                ),
                CONSTRAINT "CHK_829d20f849d04a16f24944f94c" CHECK ("outcome" IN ('approved', 'commented')),
                CONSTRAINT "PK_b68696089de6bdfc8721845e29d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_538bf6d0a5644cec97a6da4283" ON "easy_read_fact_checks" ("bidId")
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_versions"
            ADD CONSTRAINT "FK_5c8cce7772062ca44fb904e60c4" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_versions"
            ADD CONSTRAINT "FK_0e94900b2549d756ff912c3d610" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_templates"
            ADD CONSTRAINT "FK_01f6af979d52403cdf7340b85cf" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_fact_checks"
            ADD CONSTRAINT "FK_8b258a91301403570fafaa452c3" FOREIGN KEY ("versionId") REFERENCES "easy_read_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_fact_checks"
            ADD CONSTRAINT "FK_538bf6d0a5644cec97a6da42837" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "easy_read_fact_checks" DROP CONSTRAINT "FK_538bf6d0a5644cec97a6da42837"
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_fact_checks" DROP CONSTRAINT "FK_8b258a91301403570fafaa452c3"
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_templates" DROP CONSTRAINT "FK_01f6af979d52403cdf7340b85cf"
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_versions" DROP CONSTRAINT "FK_0e94900b2549d756ff912c3d610"
        `);
    await queryRunner.query(`
            ALTER TABLE "easy_read_versions" DROP CONSTRAINT "FK_5c8cce7772062ca44fb904e60c4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_538bf6d0a5644cec97a6da4283"
        `);
    await queryRunner.query(`
            DROP TABLE "easy_read_fact_checks"
        `);
    await queryRunner.query(`
            DROP TABLE "easy_read_templates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3c543307c15f317cdd8a3a8bd8"
        `);
    await queryRunner.query(`
            DROP TABLE "easy_read_versions"
        `);
  }
}
