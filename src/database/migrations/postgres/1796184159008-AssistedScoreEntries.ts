import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssistedScoreEntries1796184159008 implements MigrationInterface {
  name = 'AssistedScoreEntries1796184159008';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "score_entries" (
                "id" character varying(36) NOT NULL,
                "individualScoreId" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "enteredById" character varying(36) NOT NULL,
                "method" character varying(20) NOT NULL,
                "enteredAt" TIMESTAMP NOT NULL,
                "confirmedByMemberAt" TIMESTAMP,
                CONSTRAINT "CHK_05d961db6ae5556e89e55a70e2" CHECK (
                    "method" IN ('present', 'paper_form', 'offline_workbook')
                ),
                CONSTRAINT "PK_8d6e130b9fad0d1b058535632d6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_360135bf1dfa6e991db76ba73e" ON "score_entries" ("tenderId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_1c4986e042f0474d72ea8277df" ON "score_entries" ("individualScoreId")
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries"
            ADD CONSTRAINT "FK_1c4986e042f0474d72ea8277dfc" FOREIGN KEY ("individualScoreId") REFERENCES "individual_scores"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries"
            ADD CONSTRAINT "FK_360135bf1dfa6e991db76ba73ef" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries"
            ADD CONSTRAINT "FK_2660f7b57ba878f25273edb2d16" FOREIGN KEY ("enteredById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "score_entries" DROP CONSTRAINT "FK_2660f7b57ba878f25273edb2d16"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries" DROP CONSTRAINT "FK_360135bf1dfa6e991db76ba73ef"
        `);
    await queryRunner.query(`
            ALTER TABLE "score_entries" DROP CONSTRAINT "FK_1c4986e042f0474d72ea8277dfc"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1c4986e042f0474d72ea8277df"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_360135bf1dfa6e991db76ba73e"
        `);
    await queryRunner.query(`
            DROP TABLE "score_entries"
        `);
  }
}
