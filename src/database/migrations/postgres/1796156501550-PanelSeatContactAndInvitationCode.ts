import { MigrationInterface, QueryRunner } from 'typeorm';

export class PanelSeatContactAndInvitationCode1796156501550 implements MigrationInterface {
  name = 'PanelSeatContactAndInvitationCode1796156501550';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "panel_members"
            ADD "contactName" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members"
            ADD "contactEmail" character varying(254)
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members"
            ADD "acceptedAt" TIMESTAMP
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_invitations"
            ADD "codeHash" character varying(64)
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5e427697035db927b11a7c7ec7" ON "panel_invitations" ("codeHash")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5e427697035db927b11a7c7ec7"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_invitations" DROP COLUMN "codeHash"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members" DROP COLUMN "acceptedAt"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members" DROP COLUMN "contactEmail"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members" DROP COLUMN "contactName"
        `);
  }
}
