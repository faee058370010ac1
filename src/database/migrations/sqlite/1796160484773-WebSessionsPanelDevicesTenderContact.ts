import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebSessionsPanelDevicesTenderContact1796160484773 implements MigrationInterface {
  name = 'WebSessionsPanelDevicesTenderContact1796160484773';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "web_sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar(36), "seatTenderId" varchar(36), "seatPanelMemberId" varchar(36), "csrfToken" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "lastSeenAt" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b8b168fe5cfec24c4fd2cfde99" ON "web_sessions" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_9210b0bdcc13ed927396f15af9" ON "web_sessions" ("userId") `);
    await queryRunner.query(`CREATE INDEX "IDX_516e91d554f2095fc6a586de96" ON "web_sessions" ("lastSeenAt") `);
    await queryRunner.query(
      `CREATE TABLE "panel_devices" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "lastUsedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f72f440e1d1405ccaa463c7227" ON "panel_devices" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_e2cfa686c812a72c0b795815f7" ON "panel_devices" ("panelMemberId") `);
    await queryRunner.query(`DROP INDEX "IDX_9dab5e0f66bee407de34bb92dd"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_tenders" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(100) NOT NULL, "title" varchar(300) NOT NULL, "description" text NOT NULL DEFAULT (''), "status" varchar(20) NOT NULL, "bidDeadline" datetime NOT NULL, "templateKey" varchar(100), "ownerId" varchar(36) NOT NULL, "scaleMin" integer NOT NULL, "scaleMax" integer NOT NULL, "scaleLabels" text NOT NULL, "aggregation" varchar(10) NOT NULL, "moderationRequired" boolean NOT NULL, "priceFormula" varchar(20) NOT NULL, "tieBreak" varchar(10) NOT NULL, "divergenceThresholdHundredths" integer NOT NULL, "minScorers" integer NOT NULL, "abnormallyLowRatioHundredths" integer NOT NULL, "priceVisibleToPanel" boolean NOT NULL, "blindMarking" boolean NOT NULL, "equalRepresentation" boolean NOT NULL, "cancellationReason" text, "publishedAt" datetime, "closedAt" datetime, "moderationStartedAt" datetime, "awardedBidId" varchar(36), "awardedAt" datetime, "cancelledAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL, "openingApprovals" integer NOT NULL DEFAULT (1), "openingApprovalsGiven" text, "contactName" varchar(200), "contactEmail" varchar(254), "contactPhone" varchar(40), CONSTRAINT "CHK_6714c206bcd6a89f99277fbd10" CHECK ((("moderationRequired" IN (true, false) AND "priceVisibleToPanel" IN (true, false) AND "blindMarking" IN (true, false) AND "equalRepresentation" IN (true, false)))), CONSTRAINT "CHK_a15f54d77b7e4c0d9cacf52d99" CHECK ((("version" >= 1))), CONSTRAINT "CHK_74bf09e6fe04a8748d57c7371a" CHECK ((("abnormallyLowRatioHundredths" BETWEEN 0 AND 100))), CONSTRAINT "CHK_fd2149c39c5cc7026b02fabfa3" CHECK ((("minScorers" BETWEEN 1 AND 100))), CONSTRAINT "CHK_7237d0072b69da60b0d6401727" CHECK ((("divergenceThresholdHundredths" BETWEEN 0 AND 10000))), CONSTRAINT "CHK_bd8c89ce36778e0c7d4499439c" CHECK ((("tieBreak" IN ('none', 'quality', 'price')))), CONSTRAINT "CHK_82ae9777d34f89d04637e737f8" CHECK ((("priceFormula" IN ('lowest_ratio', 'linear_deviation', 'min_max_linear')))), CONSTRAINT "CHK_620c8d26dc9d25e20945fb8807" CHECK ((("aggregation" IN ('mean', 'median')))), CONSTRAINT "CHK_4ec0905a3e296b814b687c4907" CHECK ((("scaleMin" BETWEEN 0 AND 100 AND "scaleMax" BETWEEN 0 AND 100 AND "scaleMin" < "scaleMax"))), CONSTRAINT "CHK_fd301a4428a1ee8292c443a8f7" CHECK ((("status" IN ('draft', 'published', 'evaluation', 'moderation', 'awarded', 'cancelled')))), CONSTRAINT "CHK_e05bbfbac41d04a793985b5872" CHECK (("openingApprovals" BETWEEN 1 AND 2)))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tenders"("id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version", "openingApprovals", "openingApprovalsGiven") SELECT "id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version", "openingApprovals", "openingApprovalsGiven" FROM "tenders"`,
    );
    await queryRunner.query(`DROP TABLE "tenders"`);
    await queryRunner.query(`ALTER TABLE "temporary_tenders" RENAME TO "tenders"`);
    await queryRunner.query(`CREATE INDEX "IDX_9dab5e0f66bee407de34bb92dd" ON "tenders" ("reference") `);
    await queryRunner.query(`DROP INDEX "IDX_b8b168fe5cfec24c4fd2cfde99"`);
    await queryRunner.query(`DROP INDEX "IDX_9210b0bdcc13ed927396f15af9"`);
    await queryRunner.query(`DROP INDEX "IDX_516e91d554f2095fc6a586de96"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_web_sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar(36), "seatTenderId" varchar(36), "seatPanelMemberId" varchar(36), "csrfToken" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "lastSeenAt" datetime NOT NULL, CONSTRAINT "FK_9210b0bdcc13ed927396f15af96" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6f178a63ea50a39df3d9682f43f" FOREIGN KEY ("seatPanelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_web_sessions"("id", "tokenHash", "userId", "seatTenderId", "seatPanelMemberId", "csrfToken", "createdAt", "lastSeenAt") SELECT "id", "tokenHash", "userId", "seatTenderId", "seatPanelMemberId", "csrfToken", "createdAt", "lastSeenAt" FROM "web_sessions"`,
    );
    await queryRunner.query(`DROP TABLE "web_sessions"`);
    await queryRunner.query(`ALTER TABLE "temporary_web_sessions" RENAME TO "web_sessions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b8b168fe5cfec24c4fd2cfde99" ON "web_sessions" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_9210b0bdcc13ed927396f15af9" ON "web_sessions" ("userId") `);
    await queryRunner.query(`CREATE INDEX "IDX_516e91d554f2095fc6a586de96" ON "web_sessions" ("lastSeenAt") `);
    await queryRunner.query(`DROP INDEX "IDX_f72f440e1d1405ccaa463c7227"`);
    await queryRunner.query(`DROP INDEX "IDX_e2cfa686c812a72c0b795815f7"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_panel_devices" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "lastUsedAt" datetime NOT NULL, CONSTRAINT "FK_e2cfa686c812a72c0b795815f71" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_panel_devices"("id", "tokenHash", "tenderId", "panelMemberId", "createdAt", "lastUsedAt") SELECT "id", "tokenHash", "tenderId", "panelMemberId", "createdAt", "lastUsedAt" FROM "panel_devices"`,
    );
    await queryRunner.query(`DROP TABLE "panel_devices"`);
    await queryRunner.query(`ALTER TABLE "temporary_panel_devices" RENAME TO "panel_devices"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f72f440e1d1405ccaa463c7227" ON "panel_devices" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_e2cfa686c812a72c0b795815f7" ON "panel_devices" ("panelMemberId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_e2cfa686c812a72c0b795815f7"`);
    await queryRunner.query(`DROP INDEX "IDX_f72f440e1d1405ccaa463c7227"`);
    await queryRunner.query(`ALTER TABLE "panel_devices" RENAME TO "temporary_panel_devices"`);
    await queryRunner.query(
      `CREATE TABLE "panel_devices" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "lastUsedAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "panel_devices"("id", "tokenHash", "tenderId", "panelMemberId", "createdAt", "lastUsedAt") SELECT "id", "tokenHash", "tenderId", "panelMemberId", "createdAt", "lastUsedAt" FROM "temporary_panel_devices"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_panel_devices"`);
    await queryRunner.query(`CREATE INDEX "IDX_e2cfa686c812a72c0b795815f7" ON "panel_devices" ("panelMemberId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f72f440e1d1405ccaa463c7227" ON "panel_devices" ("tokenHash") `);
    await queryRunner.query(`DROP INDEX "IDX_516e91d554f2095fc6a586de96"`);
    await queryRunner.query(`DROP INDEX "IDX_9210b0bdcc13ed927396f15af9"`);
    await queryRunner.query(`DROP INDEX "IDX_b8b168fe5cfec24c4fd2cfde99"`);
    await queryRunner.query(`ALTER TABLE "web_sessions" RENAME TO "temporary_web_sessions"`);
    await queryRunner.query(
      `CREATE TABLE "web_sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "userId" varchar(36), "seatTenderId" varchar(36), "seatPanelMemberId" varchar(36), "csrfToken" varchar(64) NOT NULL, "createdAt" datetime NOT NULL, "lastSeenAt" datetime NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "web_sessions"("id", "tokenHash", "userId", "seatTenderId", "seatPanelMemberId", "csrfToken", "createdAt", "lastSeenAt") SELECT "id", "tokenHash", "userId", "seatTenderId", "seatPanelMemberId", "csrfToken", "createdAt", "lastSeenAt" FROM "temporary_web_sessions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_web_sessions"`);
    await queryRunner.query(`CREATE INDEX "IDX_516e91d554f2095fc6a586de96" ON "web_sessions" ("lastSeenAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_9210b0bdcc13ed927396f15af9" ON "web_sessions" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b8b168fe5cfec24c4fd2cfde99" ON "web_sessions" ("tokenHash") `);
    await queryRunner.query(`DROP INDEX "IDX_9dab5e0f66bee407de34bb92dd"`);
    await queryRunner.query(`ALTER TABLE "tenders" RENAME TO "temporary_tenders"`);
    await queryRunner.query(
      `CREATE TABLE "tenders" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(100) NOT NULL, "title" varchar(300) NOT NULL, "description" text NOT NULL DEFAULT (''), "status" varchar(20) NOT NULL, "bidDeadline" datetime NOT NULL, "templateKey" varchar(100), "ownerId" varchar(36) NOT NULL, "scaleMin" integer NOT NULL, "scaleMax" integer NOT NULL, "scaleLabels" text NOT NULL, "aggregation" varchar(10) NOT NULL, "moderationRequired" boolean NOT NULL, "priceFormula" varchar(20) NOT NULL, "tieBreak" varchar(10) NOT NULL, "divergenceThresholdHundredths" integer NOT NULL, "minScorers" integer NOT NULL, "abnormallyLowRatioHundredths" integer NOT NULL, "priceVisibleToPanel" boolean NOT NULL, "blindMarking" boolean NOT NULL, "equalRepresentation" boolean NOT NULL, "cancellationReason" text, "publishedAt" datetime, "closedAt" datetime, "moderationStartedAt" datetime, "awardedBidId" varchar(36), "awardedAt" datetime, "cancelledAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL, "openingApprovals" integer NOT NULL DEFAULT (1), "openingApprovalsGiven" text, CONSTRAINT "CHK_6714c206bcd6a89f99277fbd10" CHECK ((("moderationRequired" IN (true, false) AND "priceVisibleToPanel" IN (true, false) AND "blindMarking" IN (true, false) AND "equalRepresentation" IN (true, false)))), CONSTRAINT "CHK_a15f54d77b7e4c0d9cacf52d99" CHECK ((("version" >= 1))), CONSTRAINT "CHK_74bf09e6fe04a8748d57c7371a" CHECK ((("abnormallyLowRatioHundredths" BETWEEN 0 AND 100))), CONSTRAINT "CHK_fd2149c39c5cc7026b02fabfa3" CHECK ((("minScorers" BETWEEN 1 AND 100))), CONSTRAINT "CHK_7237d0072b69da60b0d6401727" CHECK ((("divergenceThresholdHundredths" BETWEEN 0 AND 10000))), CONSTRAINT "CHK_bd8c89ce36778e0c7d4499439c" CHECK ((("tieBreak" IN ('none', 'quality', 'price')))), CONSTRAINT "CHK_82ae9777d34f89d04637e737f8" CHECK ((("priceFormula" IN ('lowest_ratio', 'linear_deviation', 'min_max_linear')))), CONSTRAINT "CHK_620c8d26dc9d25e20945fb8807" CHECK ((("aggregation" IN ('mean', 'median')))), CONSTRAINT "CHK_4ec0905a3e296b814b687c4907" CHECK ((("scaleMin" BETWEEN 0 AND 100 AND "scaleMax" BETWEEN 0 AND 100 AND "scaleMin" < "scaleMax"))), CONSTRAINT "CHK_fd301a4428a1ee8292c443a8f7" CHECK ((("status" IN ('draft', 'published', 'evaluation', 'moderation', 'awarded', 'cancelled')))), CONSTRAINT "CHK_e05bbfbac41d04a793985b5872" CHECK (("openingApprovals" BETWEEN 1 AND 2)))`,
    );
    await queryRunner.query(
      `INSERT INTO "tenders"("id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version", "openingApprovals", "openingApprovalsGiven") SELECT "id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version", "openingApprovals", "openingApprovalsGiven" FROM "temporary_tenders"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_tenders"`);
    await queryRunner.query(`CREATE INDEX "IDX_9dab5e0f66bee407de34bb92dd" ON "tenders" ("reference") `);
    await queryRunner.query(`DROP INDEX "IDX_e2cfa686c812a72c0b795815f7"`);
    await queryRunner.query(`DROP INDEX "IDX_f72f440e1d1405ccaa463c7227"`);
    await queryRunner.query(`DROP TABLE "panel_devices"`);
    await queryRunner.query(`DROP INDEX "IDX_516e91d554f2095fc6a586de96"`);
    await queryRunner.query(`DROP INDEX "IDX_9210b0bdcc13ed927396f15af9"`);
    await queryRunner.query(`DROP INDEX "IDX_b8b168fe5cfec24c4fd2cfde99"`);
    await queryRunner.query(`DROP TABLE "web_sessions"`);
  }
}
