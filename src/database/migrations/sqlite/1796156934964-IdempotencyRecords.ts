import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyRecords1796156934964 implements MigrationInterface {
  name = 'IdempotencyRecords1796156934964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_records" (
                "scopeHash" varchar(64) PRIMARY KEY NOT NULL,
                "callerId" varchar(36),
                "method" varchar(10) NOT NULL,
                "path" text NOT NULL,
                "key" varchar(255) NOT NULL,
                "requestHash" varchar(64) NOT NULL,
                "status" integer,
                "response" text,
                "createdAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3a01f36e4031c78d85aeeb01d7" ON "idempotency_records" ("createdAt")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_3a01f36e4031c78d85aeeb01d7"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_idempotency_records" (
                "scopeHash" varchar(64) PRIMARY KEY NOT NULL,
                "callerId" varchar(36),
                "method" varchar(10) NOT NULL,
                "path" text NOT NULL,
                "key" varchar(255) NOT NULL,
                "requestHash" varchar(64) NOT NULL,
                "status" integer,
                "response" text,
                "createdAt" datetime NOT NULL,
                CONSTRAINT "FK_aade6af913e88d1d567756d83cf" FOREIGN KEY ("callerId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_idempotency_records"(
                    "scopeHash",
                    "callerId",
                    "method",
                    "path",
                    "key",
                    "requestHash",
                    "status",
                    "response",
                    "createdAt"
                )
            SELECT "scopeHash",
                "callerId",
                "method",
                "path",
                "key",
                "requestHash",
                "status",
                "response",
                "createdAt"
            FROM "idempotency_records"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_records"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_idempotency_records"
                RENAME TO "idempotency_records"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3a01f36e4031c78d85aeeb01d7" ON "idempotency_records" ("createdAt")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_3a01f36e4031c78d85aeeb01d7"
        `);
    await queryRunner.query(`
            ALTER TABLE "idempotency_records"
                RENAME TO "temporary_idempotency_records"
        `);
    await queryRunner.query(`
            CREATE TABLE "idempotency_records" (
                "scopeHash" varchar(64) PRIMARY KEY NOT NULL,
                "callerId" varchar(36),
                "method" varchar(10) NOT NULL,
                "path" text NOT NULL,
                "key" varchar(255) NOT NULL,
                "requestHash" varchar(64) NOT NULL,
                "status" integer,
                "response" text,
                "createdAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "idempotency_records"(
                    "scopeHash",
                    "callerId",
                    "method",
                    "path",
                    "key",
                    "requestHash",
                    "status",
                    "response",
                    "createdAt"
                )
            SELECT "scopeHash",
                "callerId",
                "method",
                "path",
                "key",
                "requestHash",
                "status",
                "response",
                "createdAt"
            FROM "temporary_idempotency_records"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_idempotency_records"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3a01f36e4031c78d85aeeb01d7" ON "idempotency_records" ("createdAt")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_3a01f36e4031c78d85aeeb01d7"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_records"
        `);
  }
}
