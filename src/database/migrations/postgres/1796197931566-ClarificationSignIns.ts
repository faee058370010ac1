import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClarificationSignIns1796197931566 implements MigrationInterface {
  name = 'ClarificationSignIns1796197931566';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "clarification_sign_ins" (
                "userId" character varying(36) NOT NULL,
                "lastSignInAt" TIMESTAMP NOT NULL,
                "previousSignInAt" TIMESTAMP,
                CONSTRAINT "PK_60379cee239f7069cb18389bcc1" PRIMARY KEY ("userId")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "clarification_sign_ins"
            ADD CONSTRAINT "FK_60379cee239f7069cb18389bcc1" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "clarification_sign_ins" DROP CONSTRAINT "FK_60379cee239f7069cb18389bcc1"
        `);
    await queryRunner.query(`
            DROP TABLE "clarification_sign_ins"
        `);
  }
}
