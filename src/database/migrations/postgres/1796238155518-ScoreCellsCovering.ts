import { MigrationInterface, QueryRunner } from 'typeorm';

export class ScoreCellsCovering1796238155518 implements MigrationInterface {
  name = 'ScoreCellsCovering1796238155518';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b49aefaca362fbebed23cd7b6f"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_2a6b0403e6e8daff87b9998409" ON "individual_scores" (
                "tenderId",
                "bidId",
                "criterionId",
                "panelMemberId",
                "score",
                "status"
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2a6b0403e6e8daff87b9998409"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b49aefaca362fbebed23cd7b6f" ON "individual_scores" ("tenderId", "bidId", "criterionId")
        `);
  }
}
