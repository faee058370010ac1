import { MigrationInterface, QueryRunner } from 'typeorm';

export class OpeningApprovals1796157907038 implements MigrationInterface {
  name = 'OpeningApprovals1796157907038';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD "openingApprovals" integer NOT NULL DEFAULT '1'
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD "openingApprovalsGiven" text
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD CONSTRAINT "CHK_e05bbfbac41d04a793985b5872" CHECK (
                    "openingApprovals" BETWEEN 1 AND 2
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP CONSTRAINT "CHK_e05bbfbac41d04a793985b5872"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "openingApprovalsGiven"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "openingApprovals"
        `);
  }
}
