import { MigrationInterface, QueryRunner } from 'typeorm';

export class CloseCallMargin1796173611941 implements MigrationInterface {
  name = 'CloseCallMargin1796173611941';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD "closeCallMarginHundredths" integer NOT NULL DEFAULT '100'
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_0ced759948d97c4fbcdf902660" CHECK (
                    "closeCallMarginHundredths" BETWEEN 0 AND 10000
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_0ced759948d97c4fbcdf902660"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "closeCallMarginHundredths"
        `);
  }
}
