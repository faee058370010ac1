import { MigrationInterface, QueryRunner } from 'typeorm';

export class Clarifications1796172062707 implements MigrationInterface {
  name = 'Clarifications1796172062707';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "clarifications" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "number" integer NOT NULL,
                "kind" character varying(10) NOT NULL,
                "status" character varying(20) NOT NULL,
                "question" text,
                "askedById" character varying(36),
                "askedByOrganisationId" character varying(36),
                "askedAt" TIMESTAMP,
                "answer" text,
                "answeredById" character varying(36),
                "answeredAt" TIMESTAMP,
                "privateReason" text,
                "publishedAt" TIMESTAMP,
                "publishedById" character varying(36),
                CONSTRAINT "CHK_bc87669709f7f30d394578c3ed" CHECK ("number" >= 1),
                CONSTRAINT "CHK_b97e7665199af0b05da2840d9a" CHECK (
                    "status" IN ('awaiting_answer', 'published', 'private')
                ),
                CONSTRAINT "CHK_33d11c69dfa51e4bfd8245a6a6" CHECK ("kind" IN ('question', 'notice')),
                CONSTRAINT "PK_13bbcd97792a5c1663fcd28136f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_87a8b227164f4b85a60b4c5f08" ON "clarifications" ("tenderId", "number")
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD "clarificationDeadline" TIMESTAMP
        `);
    await queryRunner.query(`
            ALTER TABLE "clarifications"
            ADD CONSTRAINT "FK_b5a721d7a40b9b59d1975017487" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clarifications" DROP CONSTRAINT "FK_b5a721d7a40b9b59d1975017487"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "clarificationDeadline"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_87a8b227164f4b85a60b4c5f08"
        `);
    await queryRunner.query(`
            DROP TABLE "clarifications"
        `);
  }
}
