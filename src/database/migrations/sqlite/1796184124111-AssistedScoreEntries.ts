import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssistedScoreEntries1796184124111 implements MigrationInterface {
  name = 'AssistedScoreEntries1796184124111';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "score_entries" ("id" varchar(36) PRIMARY KEY NOT NULL, "individualScoreId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "enteredById" varchar(36) NOT NULL, "method" varchar(20) NOT NULL, "enteredAt" datetime NOT NULL, "confirmedByMemberAt" datetime, CONSTRAINT "CHK_05d961db6ae5556e89e55a70e2" CHECK ("method" IN ('present', 'paper_form', 'offline_workbook')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_360135bf1dfa6e991db76ba73e" ON "score_entries" ("tenderId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1c4986e042f0474d72ea8277df" ON "score_entries" ("individualScoreId") `);
    await queryRunner.query(`DROP INDEX "IDX_360135bf1dfa6e991db76ba73e"`);
    await queryRunner.query(`DROP INDEX "IDX_1c4986e042f0474d72ea8277df"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_score_entries" ("id" varchar(36) PRIMARY KEY NOT NULL, "individualScoreId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "enteredById" varchar(36) NOT NULL, "method" varchar(20) NOT NULL, "enteredAt" datetime NOT NULL, "confirmedByMemberAt" datetime, CONSTRAINT "CHK_05d961db6ae5556e89e55a70e2" CHECK ("method" IN ('present', 'paper_form', 'offline_workbook')), CONSTRAINT "FK_1c4986e042f0474d72ea8277dfc" FOREIGN KEY ("individualScoreId") REFERENCES "individual_scores" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_360135bf1dfa6e991db76ba73ef" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2660f7b57ba878f25273edb2d16" FOREIGN KEY ("enteredById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_score_entries"("id", "individualScoreId", "tenderId", "enteredById", "method", "enteredAt", "confirmedByMemberAt") SELECT "id", "individualScoreId", "tenderId", "enteredById", "method", "enteredAt", "confirmedByMemberAt" FROM "score_entries"`,
    );
    await queryRunner.query(`DROP TABLE "score_entries"`);
    await queryRunner.query(`ALTER TABLE "temporary_score_entries" RENAME TO "score_entries"`);
    await queryRunner.query(`CREATE INDEX "IDX_360135bf1dfa6e991db76ba73e" ON "score_entries" ("tenderId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1c4986e042f0474d72ea8277df" ON "score_entries" ("individualScoreId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1c4986e042f0474d72ea8277df"`);
    await queryRunner.query(`DROP INDEX "IDX_360135bf1dfa6e991db76ba73e"`);
    await queryRunner.query(`ALTER TABLE "score_entries" RENAME TO "temporary_score_entries"`);
    await queryRunner.query(
      `CREATE TABLE "score_entries" ("id" varchar(36) PRIMARY KEY NOT NULL, "individualScoreId" varchar(36) NOT NULL, "tenderId" varchar(36) NOT NULL, "enteredById" varchar(36) NOT NULL, "method" varchar(20) NOT NULL, "enteredAt" datetime NOT NULL, "confirmedByMemberAt" datetime, CONSTRAINT "CHK_05d961db6ae5556e89e55a70e2" CHECK ("method" IN ('present', 'paper_form', 'offline_workbook')))`,
    );
    await queryRunner.query(
      `INSERT INTO "score_entries"("id", "individualScoreId", "tenderId", "enteredById", "method", "enteredAt", "confirmedByMemberAt") SELECT "id", "individualScoreId", "tenderId", "enteredById", "method", "enteredAt", "confirmedByMemberAt" FROM "temporary_score_entries"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_score_entries"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1c4986e042f0474d72ea8277df" ON "score_entries" ("individualScoreId") `);
    await queryRunner.query(`CREATE INDEX "IDX_360135bf1dfa6e991db76ba73e" ON "score_entries" ("tenderId") `);
    await queryRunner.query(`DROP INDEX "IDX_1c4986e042f0474d72ea8277df"`);
    await queryRunner.query(`DROP INDEX "IDX_360135bf1dfa6e991db76ba73e"`);
    await queryRunner.query(`DROP TABLE "score_entries"`);
  }
}
