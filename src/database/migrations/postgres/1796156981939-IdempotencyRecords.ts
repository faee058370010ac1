import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyRecords1796156981939 implements MigrationInterface {
  name = 'IdempotencyRecords1796156981939';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_records" (
                "scopeHash" character varying(64) NOT NULL,
                "callerId" character varying(36),
                "method" character varying(10) NOT NULL,
                "path" text NOT NULL,
                "key" character varying(255) NOT NULL,
                "requestHash" character varying(64) NOT NULL,
                "status" integer,
                "response" text,
                "createdAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_f2c6e81ab5915b986d9c60f61f2" PRIMARY KEY ("scopeHash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3a01f36e4031c78d85aeeb01d7" ON "idempotency_records" ("createdAt")
        `);
    await queryRunner.query(`
            ALTER TABLE "idempotency_records"
            ADD CONSTRAINT "FK_aade6af913e88d1d567756d83cf" FOREIGN KEY ("callerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "idempotency_records" DROP CONSTRAINT "FK_aade6af913e88d1d567756d83cf"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3a01f36e4031c78d85aeeb01d7"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_records"
        `);
  }
}
