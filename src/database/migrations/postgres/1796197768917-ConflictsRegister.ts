import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConflictsRegister1796197768917 implements MigrationInterface {
  name = 'ConflictsRegister1796197768917';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "conflict_declaration_versions" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "subject" character varying(16) NOT NULL,
                "subjectId" character varying(36) NOT NULL,
                "panelMemberId" character varying(36),
                "bidId" character varying(36),
                "userId" character varying(36),
                "version" integer NOT NULL,
                "conflict" boolean NOT NULL,
                "details" text,
                "declaredAt" TIMESTAMP NOT NULL,
                CONSTRAINT "CHK_80f458f63f5dccc682e43c4ec1" CHECK ("subject" IN ('panel_bid', 'team')),
                CONSTRAINT "PK_84fa4e9915e9e3b564d615a9c1a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ee82d1eefcd94e725562856b28" ON "conflict_declaration_versions" ("tenderId", "subject", "subjectId", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "conflict_mitigations" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "subject" character varying(16) NOT NULL,
                "subjectId" character varying(36) NOT NULL,
                "version" integer NOT NULL,
                "text" text NOT NULL,
                "recordedById" character varying(36) NOT NULL,
                "recordedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "CHK_9979383a11c394bc9233165e59" CHECK ("subject" IN ('panel_bid', 'team')),
                CONSTRAINT "PK_a1004bde59cb7e52454ab69da90" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_60f53829986468576b05e7a4ae" ON "conflict_mitigations" ("tenderId", "subject", "subjectId", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "conflict_reviews" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "revision" integer NOT NULL,
                "note" text,
                "reviewedById" character varying(36) NOT NULL,
                "reviewedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_292f7bf129fbf3d75068e1dcd11" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_213bc31945770d736019f3e68b" ON "conflict_reviews" ("tenderId", "revision")
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declaration_versions"
            ADD CONSTRAINT "FK_0539228dda80c14e77abe8a602b" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_mitigations"
            ADD CONSTRAINT "FK_4ad202011459caa26f6d79c5439" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_reviews"
            ADD CONSTRAINT "FK_73a1f1fb635b11f125a335cd037" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "conflict_reviews" DROP CONSTRAINT "FK_73a1f1fb635b11f125a335cd037"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_mitigations" DROP CONSTRAINT "FK_4ad202011459caa26f6d79c5439"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declaration_versions" DROP CONSTRAINT "FK_0539228dda80c14e77abe8a602b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_213bc31945770d736019f3e68b"
        `);
    await queryRunner.query(`
            DROP TABLE "conflict_reviews"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_60f53829986468576b05e7a4ae"
        `);
    await queryRunner.query(`
            DROP TABLE "conflict_mitigations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ee82d1eefcd94e725562856b28"
        `);
    await queryRunner.query(`
            DROP TABLE "conflict_declaration_versions"
        `);
  }
}
