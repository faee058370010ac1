import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796184607343 implements MigrationInterface {
  name = 'Notifications1796184607343';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "recipientId" varchar(36), "recipient" varchar(254) NOT NULL, "subject" varchar(300) NOT NULL, "body" text NOT NULL, "secret" boolean NOT NULL DEFAULT (0), "status" varchar(20) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" varchar(500), "nextAttemptAt" datetime, "sentAt" datetime, "createdAt" datetime NOT NULL, "dedupeKey" varchar(200), CONSTRAINT "CHK_0421185bc345259f90247c5e14" CHECK ("attempts" >= 0), CONSTRAINT "CHK_1966853cf06877b054923654ab" CHECK ("status" IN ('queued', 'sent', 'failed', 'suppressed', 'logged')), CONSTRAINT "CHK_bb396722a65990963b517d85e3" CHECK ("kind" IN ('panel_invitation', 'scoring_reminder', 'unscored_bids', 'all_scores_in', 'clarification_published', 'assessment_summaries_sent')))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_da15fdfd8d06e1c9036ab925c3" ON "messages" ("dedupeKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_a013621dd952f2afc0bd239214" ON "messages" ("tenderId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_5c5ff3225fb72cebbe10693bc6" ON "messages" ("status", "nextAttemptAt") `);
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "reminderDaysBefore" text NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "IDX_da15fdfd8d06e1c9036ab925c3"`);
    await queryRunner.query(`DROP INDEX "IDX_a013621dd952f2afc0bd239214"`);
    await queryRunner.query(`DROP INDEX "IDX_5c5ff3225fb72cebbe10693bc6"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_messages" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "recipientId" varchar(36), "recipient" varchar(254) NOT NULL, "subject" varchar(300) NOT NULL, "body" text NOT NULL, "secret" boolean NOT NULL DEFAULT (0), "status" varchar(20) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" varchar(500), "nextAttemptAt" datetime, "sentAt" datetime, "createdAt" datetime NOT NULL, "dedupeKey" varchar(200), CONSTRAINT "CHK_0421185bc345259f90247c5e14" CHECK ("attempts" >= 0), CONSTRAINT "CHK_1966853cf06877b054923654ab" CHECK ("status" IN ('queued', 'sent', 'failed', 'suppressed', 'logged')), CONSTRAINT "CHK_bb396722a65990963b517d85e3" CHECK ("kind" IN ('panel_invitation', 'scoring_reminder', 'unscored_bids', 'all_scores_in', 'clarification_published', 'assessment_summaries_sent')), CONSTRAINT "FK_5d77bc5dd7981f3acbc2b2dba81" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_messages"("id", "tenderId", "kind", "recipientId", "recipient", "subject", "body", "secret", "status", "attempts", "lastError", "nextAttemptAt", "sentAt", "createdAt", "dedupeKey") SELECT "id", "tenderId", "kind", "recipientId", "recipient", "subject", "body", "secret", "status", "attempts", "lastError", "nextAttemptAt", "sentAt", "createdAt", "dedupeKey" FROM "messages"`,
    );
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`ALTER TABLE "temporary_messages" RENAME TO "messages"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_da15fdfd8d06e1c9036ab925c3" ON "messages" ("dedupeKey") `);
    await queryRunner.query(`CREATE INDEX "IDX_a013621dd952f2afc0bd239214" ON "messages" ("tenderId", "createdAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_5c5ff3225fb72cebbe10693bc6" ON "messages" ("status", "nextAttemptAt") `);
    await queryRunner.query(
      `CREATE TABLE "temporary_notification_settings" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "reminderDaysBefore" text NOT NULL, CONSTRAINT "FK_9f4029e41cc3331b52256c9f656" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_notification_settings"("tenderId", "reminderDaysBefore") SELECT "tenderId", "reminderDaysBefore" FROM "notification_settings"`,
    );
    await queryRunner.query(`DROP TABLE "notification_settings"`);
    await queryRunner.query(`ALTER TABLE "temporary_notification_settings" RENAME TO "notification_settings"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_settings" RENAME TO "temporary_notification_settings"`);
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("tenderId" varchar(36) PRIMARY KEY NOT NULL, "reminderDaysBefore" text NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "notification_settings"("tenderId", "reminderDaysBefore") SELECT "tenderId", "reminderDaysBefore" FROM "temporary_notification_settings"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_notification_settings"`);
    await queryRunner.query(`DROP INDEX "IDX_5c5ff3225fb72cebbe10693bc6"`);
    await queryRunner.query(`DROP INDEX "IDX_a013621dd952f2afc0bd239214"`);
    await queryRunner.query(`DROP INDEX "IDX_da15fdfd8d06e1c9036ab925c3"`);
    await queryRunner.query(`ALTER TABLE "messages" RENAME TO "temporary_messages"`);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "kind" varchar(40) NOT NULL, "recipientId" varchar(36), "recipient" varchar(254) NOT NULL, "subject" varchar(300) NOT NULL, "body" text NOT NULL, "secret" boolean NOT NULL DEFAULT (0), "status" varchar(20) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" varchar(500), "nextAttemptAt" datetime, "sentAt" datetime, "createdAt" datetime NOT NULL, "dedupeKey" varchar(200), CONSTRAINT "CHK_0421185bc345259f90247c5e14" CHECK ("attempts" >= 0), CONSTRAINT "CHK_1966853cf06877b054923654ab" CHECK ("status" IN ('queued', 'sent', 'failed', 'suppressed', 'logged')), CONSTRAINT "CHK_bb396722a65990963b517d85e3" CHECK ("kind" IN ('panel_invitation', 'scoring_reminder', 'unscored_bids', 'all_scores_in', 'clarification_published', 'assessment_summaries_sent')))`,
    );
    await queryRunner.query(
      `INSERT INTO "messages"("id", "tenderId", "kind", "recipientId", "recipient", "subject", "body", "secret", "status", "attempts", "lastError", "nextAttemptAt", "sentAt", "createdAt", "dedupeKey") SELECT "id", "tenderId", "kind", "recipientId", "recipient", "subject", "body", "secret", "status", "attempts", "lastError", "nextAttemptAt", "sentAt", "createdAt", "dedupeKey" FROM "temporary_messages"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_messages"`);
    await queryRunner.query(`CREATE INDEX "IDX_5c5ff3225fb72cebbe10693bc6" ON "messages" ("status", "nextAttemptAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_a013621dd952f2afc0bd239214" ON "messages" ("tenderId", "createdAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_da15fdfd8d06e1c9036ab925c3" ON "messages" ("dedupeKey") `);
    await queryRunner.query(`DROP TABLE "notification_settings"`);
    await queryRunner.query(`DROP INDEX "IDX_5c5ff3225fb72cebbe10693bc6"`);
    await queryRunner.query(`DROP INDEX "IDX_a013621dd952f2afc0bd239214"`);
    await queryRunner.query(`DROP INDEX "IDX_da15fdfd8d06e1c9036ab925c3"`);
    await queryRunner.query(`DROP TABLE "messages"`);
  }
}
