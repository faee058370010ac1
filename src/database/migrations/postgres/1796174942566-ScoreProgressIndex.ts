import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScoreProgressIndex1796174942566 implements MigrationInterface {
  name = 'ScoreProgressIndex1796174942566';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "IDX_81d235e270ad72ca9f16bc6e94" ON "individual_scores" (
                "panelMemberId",
                "status",
                "bidId",
                "criterionId"
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_81d235e270ad72ca9f16bc6e94"
        `);
  }
}
