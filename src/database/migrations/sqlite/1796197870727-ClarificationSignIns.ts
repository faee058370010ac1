import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClarificationSignIns1796197870727 implements MigrationInterface {
  name = 'ClarificationSignIns1796197870727';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "clarification_sign_ins" ("userId" varchar(36) PRIMARY KEY NOT NULL, "lastSignInAt" datetime NOT NULL, "previousSignInAt" datetime)`,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_clarification_sign_ins" ("userId" varchar(36) PRIMARY KEY NOT NULL, "lastSignInAt" datetime NOT NULL, "previousSignInAt" datetime, CONSTRAINT "FK_60379cee239f7069cb18389bcc1" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_clarification_sign_ins"("userId", "lastSignInAt", "previousSignInAt") SELECT "userId", "lastSignInAt", "previousSignInAt" FROM "clarification_sign_ins"`,
    );
    await queryRunner.query(`DROP TABLE "clarification_sign_ins"`);
    await queryRunner.query(`ALTER TABLE "temporary_clarification_sign_ins" RENAME TO "clarification_sign_ins"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "clarification_sign_ins" RENAME TO "temporary_clarification_sign_ins"`);
    await queryRunner.query(
      `CREATE TABLE "clarification_sign_ins" ("userId" varchar(36) PRIMARY KEY NOT NULL, "lastSignInAt" datetime NOT NULL, "previousSignInAt" datetime)`,
    );
    await queryRunner.query(
      `INSERT INTO "clarification_sign_ins"("userId", "lastSignInAt", "previousSignInAt") SELECT "userId", "lastSignInAt", "previousSignInAt" FROM "temporary_clarification_sign_ins"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_clarification_sign_ins"`);
    await queryRunner.query(`DROP TABLE "clarification_sign_ins"`);
  }
}
