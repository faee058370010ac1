import { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordResets1796155998673 implements MigrationInterface {
  name = 'PasswordResets1796155998673';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "id" character varying(36) NOT NULL,
                "userId" character varying(36) NOT NULL,
                "tokenHash" character varying(64) NOT NULL,
                "issuedAt" TIMESTAMP NOT NULL,
                "issuedById" character varying(36) NOT NULL,
                "expiresAt" TIMESTAMP NOT NULL,
                "usedAt" TIMESTAMP,
                "revokedAt" TIMESTAMP,
                CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4" ON "password_resets" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_58c8acff6b8b9843a8f99ee073" ON "password_resets" ("userId", "issuedAt")
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets"
            ADD CONSTRAINT "FK_d95569f623f28a0bf034a55099e" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "password_resets" DROP CONSTRAINT "FK_d95569f623f28a0bf034a55099e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_58c8acff6b8b9843a8f99ee073"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7f6aae0fcc807c9e7194ca5cc4"
        `);
    await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
  }
}
