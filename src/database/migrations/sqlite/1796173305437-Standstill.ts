import { MigrationInterface, QueryRunner } from 'typeorm';

export class Standstill1796173305437 implements MigrationInterface {
  name = 'Standstill1796173305437';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "standstills" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "nation" varchar(24) NOT NULL DEFAULT ('england-and-wales'), "kind" varchar(16) NOT NULL DEFAULT ('mandatory'), "noticePublishedAt" datetime, "endsAt" datetime, "contractEnteredAt" datetime, "terminationNoticePublishedAt" datetime, CONSTRAINT "CHK_ea843bb6556b7d9ca9c04a9828" CHECK ("kind" IN ('mandatory', 'voluntary', 'none')), CONSTRAINT "CHK_e0fb4cb79bbe69a98c547f8bf1" CHECK ("nation" IN ('england-and-wales', 'scotland', 'northern-ireland')))`,
    );
    await queryRunner.query(
      `CREATE TABLE "standstill_challenges" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "receivedAt" datetime NOT NULL, "summary" text NOT NULL, "recordedBy" varchar(36) NOT NULL, "liftedAt" datetime, "liftedReason" text)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b4b8a4a0947e7b3f376c533510" ON "standstill_challenges" ("tenderId", "receivedAt") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_standstills" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "nation" varchar(24) NOT NULL DEFAULT ('england-and-wales'), "kind" varchar(16) NOT NULL DEFAULT ('mandatory'), "noticePublishedAt" datetime, "endsAt" datetime, "contractEnteredAt" datetime, "terminationNoticePublishedAt" datetime, CONSTRAINT "CHK_ea843bb6556b7d9ca9c04a9828" CHECK ("kind" IN ('mandatory', 'voluntary', 'none')), CONSTRAINT "CHK_e0fb4cb79bbe69a98c547f8bf1" CHECK ("nation" IN ('england-and-wales', 'scotland', 'northern-ireland')), CONSTRAINT "FK_e7238b6cd2098a77d4ca4fa7db7" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_standstills"("tenderId", "nation", "kind", "noticePublishedAt", "endsAt", "contractEnteredAt", "terminationNoticePublishedAt") SELECT "tenderId", "nation", "kind", "noticePublishedAt", "endsAt", "contractEnteredAt", "terminationNoticePublishedAt" FROM "standstills"`,
    );
    await queryRunner.query(`DROP TABLE "standstills"`);
    await queryRunner.query(`ALTER TABLE "temporary_standstills" RENAME TO "standstills"`);
    await queryRunner.query(`DROP INDEX "IDX_b4b8a4a0947e7b3f376c533510"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_standstill_challenges" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "receivedAt" datetime NOT NULL, "summary" text NOT NULL, "recordedBy" varchar(36) NOT NULL, "liftedAt" datetime, "liftedReason" text, CONSTRAINT "FK_4f3a6b70b44adb6283f36440c32" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_standstill_challenges"("id", "tenderId", "receivedAt", "summary", "recordedBy", "liftedAt", "liftedReason") SELECT "id", "tenderId", "receivedAt", "summary", "recordedBy", "liftedAt", "liftedReason" FROM "standstill_challenges"`,
    );
    await queryRunner.query(`DROP TABLE "standstill_challenges"`);
    await queryRunner.query(`ALTER TABLE "temporary_standstill_challenges" RENAME TO "standstill_challenges"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_b4b8a4a0947e7b3f376c533510" ON "standstill_challenges" ("tenderId", "receivedAt") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_b4b8a4a0947e7b3f376c533510"`);
    await queryRunner.query(`ALTER TABLE "standstill_challenges" RENAME TO "temporary_standstill_challenges"`);
    await queryRunner.query(
      `CREATE TABLE "standstill_challenges" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "receivedAt" datetime NOT NULL, "summary" text NOT NULL, "recordedBy" varchar(36) NOT NULL, "liftedAt" datetime, "liftedReason" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "standstill_challenges"("id", "tenderId", "receivedAt", "summary", "recordedBy", "liftedAt", "liftedReason") SELECT "id", "tenderId", "receivedAt", "summary", "recordedBy", "liftedAt", "liftedReason" FROM "temporary_standstill_challenges"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_standstill_challenges"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_b4b8a4a0947e7b3f376c533510" ON "standstill_challenges" ("tenderId", "receivedAt") `,
    );
    await queryRunner.query(`ALTER TABLE "standstills" RENAME TO "temporary_standstills"`);
    await queryRunner.query(
      `CREATE TABLE "standstills" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "nation" varchar(24) NOT NULL DEFAULT ('england-and-wales'), "kind" varchar(16) NOT NULL DEFAULT ('mandatory'), "noticePublishedAt" datetime, "endsAt" datetime, "contractEnteredAt" datetime, "terminationNoticePublishedAt" datetime, CONSTRAINT "CHK_ea843bb6556b7d9ca9c04a9828" CHECK ("kind" IN ('mandatory', 'voluntary', 'none')), CONSTRAINT "CHK_e0fb4cb79bbe69a98c547f8bf1" CHECK ("nation" IN ('england-and-wales', 'scotland', 'northern-ireland')))`,
    );
    await queryRunner.query(
      `INSERT INTO "standstills"("tenderId", "nation", "kind", "noticePublishedAt", "endsAt", "contractEnteredAt", "terminationNoticePublishedAt") SELECT "tenderId", "nation", "kind", "noticePublishedAt", "endsAt", "contractEnteredAt", "terminationNoticePublishedAt" FROM "temporary_standstills"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_standstills"`);
    await queryRunner.query(`DROP INDEX "IDX_b4b8a4a0947e7b3f376c533510"`);
    await queryRunner.query(`DROP TABLE "standstill_challenges"`);
    await queryRunner.query(`DROP TABLE "standstills"`);
  }
}
