import { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordResets1796155976158 implements MigrationInterface {
  name = 'PasswordResets1796155976158';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "issuedAt" datetime NOT NULL,
                "issuedById" varchar(36) NOT NULL,
                "expiresAt" datetime NOT NULL,
                "usedAt" datetime,
                "revokedAt" datetime
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4" ON "password_resets" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_58c8acff6b8b9843a8f99ee073" ON "password_resets" ("userId", "issuedAt")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_58c8acff6b8b9843a8f99ee073"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_password_resets" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "issuedAt" datetime NOT NULL,
                "issuedById" varchar(36) NOT NULL,
                "expiresAt" datetime NOT NULL,
                "usedAt" datetime,
                "revokedAt" datetime,
                CONSTRAINT "FK_d95569f623f28a0bf034a55099e" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_password_resets"(
                    "id",
                    "userId",
                    "tokenHash",
                    "issuedAt",
                    "issuedById",
                    "expiresAt",
                    "usedAt",
                    "revokedAt"
                )
            SELECT "id",
                "userId",
                "tokenHash",
                "issuedAt",
                "issuedById",
                "expiresAt",
                "usedAt",
                "revokedAt"
            FROM "password_resets"
        `);
    await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_password_resets"
                RENAME TO "password_resets"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4" ON "password_resets" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_58c8acff6b8b9843a8f99ee073" ON "password_resets" ("userId", "issuedAt")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_58c8acff6b8b9843a8f99ee073"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4"
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets"
                RENAME TO "temporary_password_resets"
        `);
    await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "issuedAt" datetime NOT NULL,
                "issuedById" varchar(36) NOT NULL,
                "expiresAt" datetime NOT NULL,
                "usedAt" datetime,
                "revokedAt" datetime
            )
        `);
    await queryRunner.query(`
            INSERT INTO "password_resets"(
                    "id",
                    "userId",
                    "tokenHash",
                    "issuedAt",
                    "issuedById",
                    "expiresAt",
                    "usedAt",
                    "revokedAt"
                )
            SELECT "id",
                "userId",
                "tokenHash",
                "issuedAt",
                "issuedById",
                "expiresAt",
                "usedAt",
                "revokedAt"
            FROM "temporary_password_resets"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_password_resets"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_58c8acff6b8b9843a8f99ee073" ON "password_resets" ("userId", "issuedAt")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4" ON "password_resets" ("tokenHash")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_58c8acff6b8b9843a8f99ee073"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_7f6aae0fcc807c9e7194ca5cc4"
        `);
    await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
  }
}
