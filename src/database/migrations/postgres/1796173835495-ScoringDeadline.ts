import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScoringDeadline1796173835495 implements MigrationInterface {
  name = 'ScoringDeadline1796173835495';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD "scoringDeadline" TIMESTAMP
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "scoringDeadline"
        `);
  }
}
