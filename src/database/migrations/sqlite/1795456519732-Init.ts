import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795456519732 implements MigrationInterface {
  name = 'Init1795456519732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "organisations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(200) NOT NULL,
                "type" varchar(10) NOT NULL,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "email" varchar(254) NOT NULL,
                "name" varchar(200) NOT NULL,
                "role" varchar(20) NOT NULL,
                "passwordHash" varchar(200),
                "organisationId" varchar(36),
                "active" boolean NOT NULL DEFAULT (1),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "tenders" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "reference" varchar(100) NOT NULL,
                "title" varchar(300) NOT NULL,
                "description" text NOT NULL DEFAULT (''),
                "status" varchar(20) NOT NULL,
                "bidDeadline" datetime NOT NULL,
                "templateKey" varchar(100),
                "ownerId" varchar(36) NOT NULL,
                "scaleMin" integer NOT NULL,
                "scaleMax" integer NOT NULL,
                "scaleLabels" text NOT NULL,
                "aggregation" varchar(10) NOT NULL,
                "moderationRequired" boolean NOT NULL,
                "priceFormula" varchar(20) NOT NULL,
                "tieBreak" varchar(10) NOT NULL,
                "divergenceThresholdHundredths" integer NOT NULL,
                "minScorers" integer NOT NULL,
                "abnormallyLowRatioHundredths" integer NOT NULL,
                "priceVisibleToPanel" boolean NOT NULL,
                "blindMarking" boolean NOT NULL,
                "equalRepresentation" boolean NOT NULL,
                "cancellationReason" text,
                "publishedAt" datetime,
                "closedAt" datetime,
                "moderationStartedAt" datetime,
                "awardedBidId" varchar(36),
                "awardedAt" datetime,
                "cancelledAt" datetime,
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime NOT NULL DEFAULT (datetime('now')),
                "version" integer NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9dab5e0f66bee407de34bb92dd" ON "tenders" ("reference")
        `);
    await queryRunner.query(`
            CREATE TABLE "tender_team_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "role" varchar(20) NOT NULL,
                "addedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c6c59ffb552da06c4d09bc69c7" ON "tender_team_members" ("userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2f2cee0f24c0d352b41991b3c8" ON "tender_team_members" ("tenderId", "userId")
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_versions" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "number" integer NOT NULL,
                "status" varchar(12) NOT NULL,
                "bidderName" varchar(200) NOT NULL,
                "organisationType" varchar(10),
                "consortium" text NOT NULL,
                "pricePence" bigint NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL,
                "updatedAt" datetime NOT NULL,
                "submittedAt" datetime,
                "submittedById" varchar(36)
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2761e1d7f6aed4e2675cc31026" ON "bid_versions" ("bidId", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "bids" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidderUserId" varchar(36),
                "organisationId" varchar(36),
                "bidderName" varchar(200) NOT NULL,
                "organisationType" varchar(10),
                "paper" boolean NOT NULL,
                "enteredById" varchar(36) NOT NULL,
                "activeKey" varchar(240),
                "status" varchar(16) NOT NULL,
                "submittedAt" datetime,
                "submittedVersionId" varchar(36),
                "draftVersionId" varchar(36),
                "withdrawnAt" datetime,
                "disqualifiedAt" datetime,
                "disqualifiedById" varchar(36),
                "disqualificationReason" text,
                "createdAt" datetime NOT NULL,
                "updatedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ede78bc02150ed7cf6405e1b52" ON "bids" ("tenderId", "activeKey")
        `);
    await queryRunner.query(`
            CREATE TABLE "criteria" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "parentId" varchar(36),
                "code" varchar(30) NOT NULL,
                "title" varchar(300) NOT NULL,
                "kind" varchar(12) NOT NULL,
                "category" varchar(30),
                "weightHundredths" integer NOT NULL,
                "thresholdHundredths" integer,
                "scoredBy" text NOT NULL,
                "groupWeights" text,
                "maxWords" integer,
                "guidance" text,
                "plainGuidance" text,
                "order" integer NOT NULL DEFAULT (0)
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_591f345c00b9905318c6230d9e" ON "criteria" ("tenderId", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "panel_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "group" varchar(20) NOT NULL,
                "roleLabel" varchar(100),
                "joinOrder" integer NOT NULL,
                "joinedAt" datetime NOT NULL,
                "addedById" varchar(36) NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_de0cd82a918c2902d266e930e9" ON "panel_members" ("userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_980c49522e06681090ff6aec19" ON "panel_members" ("tenderId", "joinOrder")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5951f1d7d44621896c244141ed" ON "panel_members" ("tenderId", "userId")
        `);
    await queryRunner.query(`
            CREATE TABLE "individual_scores" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "status" varchar(10) NOT NULL,
                "savedAt" datetime NOT NULL,
                "submittedAt" datetime
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b49aefaca362fbebed23cd7b6f" ON "individual_scores" ("tenderId", "bidId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6e4846b6a343cbffb906536c3f" ON "individual_scores" ("panelMemberId", "bidId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE TABLE "panel_invitations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "issuedAt" datetime NOT NULL,
                "issuedById" varchar(36) NOT NULL,
                "expiresAt" datetime NOT NULL,
                "usedAt" datetime,
                "revokedAt" datetime
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_eef1859ccc5b678ed83b86e007" ON "panel_invitations" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f5a9d97353249dc32b34351740" ON "panel_invitations" ("panelMemberId", "issuedAt")
        `);
    await queryRunner.query(`
            CREATE TABLE "conflict_declarations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "conflict" boolean NOT NULL,
                "details" text,
                "declaredAt" datetime NOT NULL,
                "escalatedAt" datetime
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9b91ed20b5abaa519b6c7add89" ON "conflict_declarations" ("tenderId", "bidId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_469893645eff20e312acf4cdea" ON "conflict_declarations" ("panelMemberId", "bidId")
        `);
    await queryRunner.query(`
            CREATE TABLE "moderated_scores" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "moderatedById" varchar(36) NOT NULL,
                "moderatedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_566bd7f8ec973a13cac58116bd" ON "moderated_scores" ("tenderId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_bddf4fab81b18a679c482a235e" ON "moderated_scores" ("bidId", "criterionId", "version")
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_compliance" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "passed" boolean NOT NULL,
                "note" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "recordedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b85c6511a18884ae82d9c1adcf" ON "bid_compliance" ("bidId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_responses" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "versionId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "text" text NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c31374f8920c9329aa3ccc1c8c" ON "bid_responses" ("versionId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_commitments" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "versionId" varchar(36) NOT NULL,
                "position" integer NOT NULL,
                "criterionId" varchar(36),
                "outcome" text NOT NULL,
                "measure" text NOT NULL,
                "target" varchar(40) NOT NULL,
                "baseline" varchar(40),
                "byDate" varchar(10)
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c02228ed86aaddc5b7d4203cea" ON "bid_commitments" ("versionId", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "login_throttle" (
                "key" varchar(300) PRIMARY KEY NOT NULL,
                "failures" integer NOT NULL,
                "windowStartedAt" datetime NOT NULL,
                "lockedUntil" datetime
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "seq" integer PRIMARY KEY NOT NULL,
                "occurredAt" datetime NOT NULL,
                "actorId" varchar(36),
                "action" varchar(64) NOT NULL,
                "entityType" varchar(40) NOT NULL,
                "entityId" varchar(64),
                "tenderId" varchar(36),
                "sensitivity" varchar(16) NOT NULL,
                "before" text,
                "after" text,
                "prevHash" varchar(64) NOT NULL,
                "hash" varchar(64) NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4dd53075869ab5ac12e28f76f0" ON "audit_events" ("tenderId", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_chain_head" (
                "id" varchar(16) PRIMARY KEY NOT NULL,
                "seq" integer NOT NULL,
                "hash" varchar(64) NOT NULL
            )
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_97672ac88f789774dd47f7c8be"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_users" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "email" varchar(254) NOT NULL,
                "name" varchar(200) NOT NULL,
                "role" varchar(20) NOT NULL,
                "passwordHash" varchar(200),
                "organisationId" varchar(36),
                "active" boolean NOT NULL DEFAULT (1),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_4bba96961e0142c06aa921ce27f" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE
                SET NULL ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_users"(
                    "id",
                    "email",
                    "name",
                    "role",
                    "passwordHash",
                    "organisationId",
                    "active",
                    "createdAt"
                )
            SELECT "id",
                "email",
                "name",
                "role",
                "passwordHash",
                "organisationId",
                "active",
                "createdAt"
            FROM "users"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_users"
                RENAME TO "users"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c6c59ffb552da06c4d09bc69c7"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2f2cee0f24c0d352b41991b3c8"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_tender_team_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "role" varchar(20) NOT NULL,
                "addedAt" datetime NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "FK_84e9378a747be93e8d63ad70697" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_c6c59ffb552da06c4d09bc69c7d" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_tender_team_members"("id", "tenderId", "userId", "role", "addedAt")
            SELECT "id",
                "tenderId",
                "userId",
                "role",
                "addedAt"
            FROM "tender_team_members"
        `);
    await queryRunner.query(`
            DROP TABLE "tender_team_members"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_tender_team_members"
                RENAME TO "tender_team_members"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c6c59ffb552da06c4d09bc69c7" ON "tender_team_members" ("userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2f2cee0f24c0d352b41991b3c8" ON "tender_team_members" ("tenderId", "userId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2761e1d7f6aed4e2675cc31026"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_bid_versions" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "number" integer NOT NULL,
                "status" varchar(12) NOT NULL,
                "bidderName" varchar(200) NOT NULL,
                "organisationType" varchar(10),
                "consortium" text NOT NULL,
                "pricePence" bigint NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL,
                "updatedAt" datetime NOT NULL,
                "submittedAt" datetime,
                "submittedById" varchar(36),
                CONSTRAINT "FK_b0d0b39d750f59a17f2e8f59223" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_bid_versions"(
                    "id",
                    "bidId",
                    "number",
                    "status",
                    "bidderName",
                    "organisationType",
                    "consortium",
                    "pricePence",
                    "createdById",
                    "createdAt",
                    "updatedAt",
                    "submittedAt",
                    "submittedById"
                )
            SELECT "id",
                "bidId",
                "number",
                "status",
                "bidderName",
                "organisationType",
                "consortium",
                "pricePence",
                "createdById",
                "createdAt",
                "updatedAt",
                "submittedAt",
                "submittedById"
            FROM "bid_versions"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_versions"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_bid_versions"
                RENAME TO "bid_versions"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2761e1d7f6aed4e2675cc31026" ON "bid_versions" ("bidId", "number")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_ede78bc02150ed7cf6405e1b52"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_bids" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidderUserId" varchar(36),
                "organisationId" varchar(36),
                "bidderName" varchar(200) NOT NULL,
                "organisationType" varchar(10),
                "paper" boolean NOT NULL,
                "enteredById" varchar(36) NOT NULL,
                "activeKey" varchar(240),
                "status" varchar(16) NOT NULL,
                "submittedAt" datetime,
                "submittedVersionId" varchar(36),
                "draftVersionId" varchar(36),
                "withdrawnAt" datetime,
                "disqualifiedAt" datetime,
                "disqualifiedById" varchar(36),
                "disqualificationReason" text,
                "createdAt" datetime NOT NULL,
                "updatedAt" datetime NOT NULL,
                CONSTRAINT "FK_22494fc685116a2c5addd8d9e73" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_b59aba54ebc75f10054671650d2" FOREIGN KEY ("bidderUserId") REFERENCES "users" ("id") ON DELETE
                SET NULL ON UPDATE NO ACTION,
                    CONSTRAINT "FK_ab9aa222c03af798ce7a9b3f7a3" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE
                SET NULL ON UPDATE NO ACTION,
                    CONSTRAINT "FK_396dca104fd245383dfdf02b51d" FOREIGN KEY ("enteredById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                    CONSTRAINT "FK_f69a33e26c91609475b2d85e05f" FOREIGN KEY ("submittedVersionId") REFERENCES "bid_versions" ("id") ON DELETE
                SET NULL ON UPDATE NO ACTION,
                    CONSTRAINT "FK_55a006330ad486862db584c269f" FOREIGN KEY ("draftVersionId") REFERENCES "bid_versions" ("id") ON DELETE
                SET NULL ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_bids"(
                    "id",
                    "tenderId",
                    "bidderUserId",
                    "organisationId",
                    "bidderName",
                    "organisationType",
                    "paper",
                    "enteredById",
                    "activeKey",
                    "status",
                    "submittedAt",
                    "submittedVersionId",
                    "draftVersionId",
                    "withdrawnAt",
                    "disqualifiedAt",
                    "disqualifiedById",
                    "disqualificationReason",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "tenderId",
                "bidderUserId",
                "organisationId",
                "bidderName",
                "organisationType",
                "paper",
                "enteredById",
                "activeKey",
                "status",
                "submittedAt",
                "submittedVersionId",
                "draftVersionId",
                "withdrawnAt",
                "disqualifiedAt",
                "disqualifiedById",
                "disqualificationReason",
                "createdAt",
                "updatedAt"
            FROM "bids"
        `);
    await queryRunner.query(`
            DROP TABLE "bids"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_bids"
                RENAME TO "bids"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ede78bc02150ed7cf6405e1b52" ON "bids" ("tenderId", "activeKey")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_591f345c00b9905318c6230d9e"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_criteria" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "parentId" varchar(36),
                "code" varchar(30) NOT NULL,
                "title" varchar(300) NOT NULL,
                "kind" varchar(12) NOT NULL,
                "category" varchar(30),
                "weightHundredths" integer NOT NULL,
                "thresholdHundredths" integer,
                "scoredBy" text NOT NULL,
                "groupWeights" text,
                "maxWords" integer,
                "guidance" text,
                "plainGuidance" text,
                "order" integer NOT NULL DEFAULT (0),
                CONSTRAINT "FK_4ac62f8bbdd53505f3a544c7952" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_9716fbcdc54ccf4134a0ef2d4ec" FOREIGN KEY ("parentId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_criteria"(
                    "id",
                    "tenderId",
                    "parentId",
                    "code",
                    "title",
                    "kind",
                    "category",
                    "weightHundredths",
                    "thresholdHundredths",
                    "scoredBy",
                    "groupWeights",
                    "maxWords",
                    "guidance",
                    "plainGuidance",
                    "order"
                )
            SELECT "id",
                "tenderId",
                "parentId",
                "code",
                "title",
                "kind",
                "category",
                "weightHundredths",
                "thresholdHundredths",
                "scoredBy",
                "groupWeights",
                "maxWords",
                "guidance",
                "plainGuidance",
                "order"
            FROM "criteria"
        `);
    await queryRunner.query(`
            DROP TABLE "criteria"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_criteria"
                RENAME TO "criteria"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_591f345c00b9905318c6230d9e" ON "criteria" ("tenderId", "code")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_de0cd82a918c2902d266e930e9"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_980c49522e06681090ff6aec19"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_5951f1d7d44621896c244141ed"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_panel_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "group" varchar(20) NOT NULL,
                "roleLabel" varchar(100),
                "joinOrder" integer NOT NULL,
                "joinedAt" datetime NOT NULL,
                "addedById" varchar(36) NOT NULL,
                CONSTRAINT "FK_52d7adcbd5576937ae2639d0727" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_de0cd82a918c2902d266e930e92" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_panel_members"(
                    "id",
                    "tenderId",
                    "userId",
                    "group",
                    "roleLabel",
                    "joinOrder",
                    "joinedAt",
                    "addedById"
                )
            SELECT "id",
                "tenderId",
                "userId",
                "group",
                "roleLabel",
                "joinOrder",
                "joinedAt",
                "addedById"
            FROM "panel_members"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_members"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_panel_members"
                RENAME TO "panel_members"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_de0cd82a918c2902d266e930e9" ON "panel_members" ("userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_980c49522e06681090ff6aec19" ON "panel_members" ("tenderId", "joinOrder")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5951f1d7d44621896c244141ed" ON "panel_members" ("tenderId", "userId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b49aefaca362fbebed23cd7b6f"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_6e4846b6a343cbffb906536c3f"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_individual_scores" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "status" varchar(10) NOT NULL,
                "savedAt" datetime NOT NULL,
                "submittedAt" datetime,
                CONSTRAINT "FK_a58e76ef9895cac67805ffbfca3" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_6a20b6d6745bcb6310c8539b8b0" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_13240bd264fd581d0a37d10d874" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_bb2e70db54d9d18b3350a046e3b" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_individual_scores"(
                    "id",
                    "tenderId",
                    "bidId",
                    "criterionId",
                    "panelMemberId",
                    "score",
                    "rationale",
                    "status",
                    "savedAt",
                    "submittedAt"
                )
            SELECT "id",
                "tenderId",
                "bidId",
                "criterionId",
                "panelMemberId",
                "score",
                "rationale",
                "status",
                "savedAt",
                "submittedAt"
            FROM "individual_scores"
        `);
    await queryRunner.query(`
            DROP TABLE "individual_scores"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_individual_scores"
                RENAME TO "individual_scores"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b49aefaca362fbebed23cd7b6f" ON "individual_scores" ("tenderId", "bidId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6e4846b6a343cbffb906536c3f" ON "individual_scores" ("panelMemberId", "bidId", "criterionId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_eef1859ccc5b678ed83b86e007"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f5a9d97353249dc32b34351740"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_panel_invitations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "issuedAt" datetime NOT NULL,
                "issuedById" varchar(36) NOT NULL,
                "expiresAt" datetime NOT NULL,
                "usedAt" datetime,
                "revokedAt" datetime,
                CONSTRAINT "FK_4581b4e34c54360c79d3c610a25" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_30d3b6a88c596ad034a46ce180e" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_panel_invitations"(
                    "id",
                    "tenderId",
                    "panelMemberId",
                    "tokenHash",
                    "issuedAt",
                    "issuedById",
                    "expiresAt",
                    "usedAt",
                    "revokedAt"
                )
            SELECT "id",
                "tenderId",
                "panelMemberId",
                "tokenHash",
                "issuedAt",
                "issuedById",
                "expiresAt",
                "usedAt",
                "revokedAt"
            FROM "panel_invitations"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_invitations"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_panel_invitations"
                RENAME TO "panel_invitations"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_eef1859ccc5b678ed83b86e007" ON "panel_invitations" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f5a9d97353249dc32b34351740" ON "panel_invitations" ("panelMemberId", "issuedAt")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_9b91ed20b5abaa519b6c7add89"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_469893645eff20e312acf4cdea"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_conflict_declarations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "conflict" boolean NOT NULL,
                "details" text,
                "declaredAt" datetime NOT NULL,
                "escalatedAt" datetime,
                CONSTRAINT "FK_333993448193d7bb526b021fc3a" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_755adfab8f97c6535176d663322" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_0d9f1f9bdc8c8757006dc5ed4f7" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_conflict_declarations"(
                    "id",
                    "tenderId",
                    "panelMemberId",
                    "bidId",
                    "conflict",
                    "details",
                    "declaredAt",
                    "escalatedAt"
                )
            SELECT "id",
                "tenderId",
                "panelMemberId",
                "bidId",
                "conflict",
                "details",
                "declaredAt",
                "escalatedAt"
            FROM "conflict_declarations"
        `);
    await queryRunner.query(`
            DROP TABLE "conflict_declarations"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_conflict_declarations"
                RENAME TO "conflict_declarations"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9b91ed20b5abaa519b6c7add89" ON "conflict_declarations" ("tenderId", "bidId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_469893645eff20e312acf4cdea" ON "conflict_declarations" ("panelMemberId", "bidId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_566bd7f8ec973a13cac58116bd"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_bddf4fab81b18a679c482a235e"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_moderated_scores" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "moderatedById" varchar(36) NOT NULL,
                "moderatedAt" datetime NOT NULL,
                CONSTRAINT "FK_566bd7f8ec973a13cac58116bdc" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_0e8ebf63d0109fe8b4d147e645b" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_85cdd2726b8aeb81bb125f0adec" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_3754faf20ac11540adf795d6b70" FOREIGN KEY ("moderatedById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_moderated_scores"(
                    "id",
                    "tenderId",
                    "bidId",
                    "criterionId",
                    "version",
                    "score",
                    "rationale",
                    "moderatedById",
                    "moderatedAt"
                )
            SELECT "id",
                "tenderId",
                "bidId",
                "criterionId",
                "version",
                "score",
                "rationale",
                "moderatedById",
                "moderatedAt"
            FROM "moderated_scores"
        `);
    await queryRunner.query(`
            DROP TABLE "moderated_scores"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_moderated_scores"
                RENAME TO "moderated_scores"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_566bd7f8ec973a13cac58116bd" ON "moderated_scores" ("tenderId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_bddf4fab81b18a679c482a235e" ON "moderated_scores" ("bidId", "criterionId", "version")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b85c6511a18884ae82d9c1adcf"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_bid_compliance" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "passed" boolean NOT NULL,
                "note" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "recordedAt" datetime NOT NULL,
                CONSTRAINT "FK_10bb885369a5f9f55eccfcb8c5e" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_b68bf0e553c895575472d6cc0fe" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_bid_compliance"(
                    "id",
                    "bidId",
                    "criterionId",
                    "passed",
                    "note",
                    "recordedById",
                    "recordedAt"
                )
            SELECT "id",
                "bidId",
                "criterionId",
                "passed",
                "note",
                "recordedById",
                "recordedAt"
            FROM "bid_compliance"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_compliance"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_bid_compliance"
                RENAME TO "bid_compliance"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b85c6511a18884ae82d9c1adcf" ON "bid_compliance" ("bidId", "criterionId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c31374f8920c9329aa3ccc1c8c"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_bid_responses" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "versionId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "text" text NOT NULL,
                CONSTRAINT "FK_e13049107b5fca65170598a0329" FOREIGN KEY ("versionId") REFERENCES "bid_versions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_2b2654ec95c546eb9074846f26c" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_bid_responses"("id", "versionId", "criterionId", "text")
            SELECT "id",
                "versionId",
                "criterionId",
                "text"
            FROM "bid_responses"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_responses"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_bid_responses"
                RENAME TO "bid_responses"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c31374f8920c9329aa3ccc1c8c" ON "bid_responses" ("versionId", "criterionId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c02228ed86aaddc5b7d4203cea"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_bid_commitments" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "versionId" varchar(36) NOT NULL,
                "position" integer NOT NULL,
                "criterionId" varchar(36),
                "outcome" text NOT NULL,
                "measure" text NOT NULL,
                "target" varchar(40) NOT NULL,
                "baseline" varchar(40),
                "byDate" varchar(10),
                CONSTRAINT "FK_a96fcbce2ef520a9d2556307d20" FOREIGN KEY ("versionId") REFERENCES "bid_versions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_4d84a08062989d4ea28a272ae9b" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE
                SET NULL ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_bid_commitments"(
                    "id",
                    "versionId",
                    "position",
                    "criterionId",
                    "outcome",
                    "measure",
                    "target",
                    "baseline",
                    "byDate"
                )
            SELECT "id",
                "versionId",
                "position",
                "criterionId",
                "outcome",
                "measure",
                "target",
                "baseline",
                "byDate"
            FROM "bid_commitments"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_commitments"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_bid_commitments"
                RENAME TO "bid_commitments"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c02228ed86aaddc5b7d4203cea" ON "bid_commitments" ("versionId", "position")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_c02228ed86aaddc5b7d4203cea"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_commitments"
                RENAME TO "temporary_bid_commitments"
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_commitments" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "versionId" varchar(36) NOT NULL,
                "position" integer NOT NULL,
                "criterionId" varchar(36),
                "outcome" text NOT NULL,
                "measure" text NOT NULL,
                "target" varchar(40) NOT NULL,
                "baseline" varchar(40),
                "byDate" varchar(10)
            )
        `);
    await queryRunner.query(`
            INSERT INTO "bid_commitments"(
                    "id",
                    "versionId",
                    "position",
                    "criterionId",
                    "outcome",
                    "measure",
                    "target",
                    "baseline",
                    "byDate"
                )
            SELECT "id",
                "versionId",
                "position",
                "criterionId",
                "outcome",
                "measure",
                "target",
                "baseline",
                "byDate"
            FROM "temporary_bid_commitments"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_bid_commitments"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c02228ed86aaddc5b7d4203cea" ON "bid_commitments" ("versionId", "position")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c31374f8920c9329aa3ccc1c8c"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_responses"
                RENAME TO "temporary_bid_responses"
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_responses" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "versionId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "text" text NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "bid_responses"("id", "versionId", "criterionId", "text")
            SELECT "id",
                "versionId",
                "criterionId",
                "text"
            FROM "temporary_bid_responses"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_bid_responses"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c31374f8920c9329aa3ccc1c8c" ON "bid_responses" ("versionId", "criterionId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b85c6511a18884ae82d9c1adcf"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_compliance"
                RENAME TO "temporary_bid_compliance"
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_compliance" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "passed" boolean NOT NULL,
                "note" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "recordedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "bid_compliance"(
                    "id",
                    "bidId",
                    "criterionId",
                    "passed",
                    "note",
                    "recordedById",
                    "recordedAt"
                )
            SELECT "id",
                "bidId",
                "criterionId",
                "passed",
                "note",
                "recordedById",
                "recordedAt"
            FROM "temporary_bid_compliance"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_bid_compliance"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b85c6511a18884ae82d9c1adcf" ON "bid_compliance" ("bidId", "criterionId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_bddf4fab81b18a679c482a235e"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_566bd7f8ec973a13cac58116bd"
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores"
                RENAME TO "temporary_moderated_scores"
        `);
    await queryRunner.query(`
            CREATE TABLE "moderated_scores" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "moderatedById" varchar(36) NOT NULL,
                "moderatedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "moderated_scores"(
                    "id",
                    "tenderId",
                    "bidId",
                    "criterionId",
                    "version",
                    "score",
                    "rationale",
                    "moderatedById",
                    "moderatedAt"
                )
            SELECT "id",
                "tenderId",
                "bidId",
                "criterionId",
                "version",
                "score",
                "rationale",
                "moderatedById",
                "moderatedAt"
            FROM "temporary_moderated_scores"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_moderated_scores"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_bddf4fab81b18a679c482a235e" ON "moderated_scores" ("bidId", "criterionId", "version")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_566bd7f8ec973a13cac58116bd" ON "moderated_scores" ("tenderId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_469893645eff20e312acf4cdea"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_9b91ed20b5abaa519b6c7add89"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declarations"
                RENAME TO "temporary_conflict_declarations"
        `);
    await queryRunner.query(`
            CREATE TABLE "conflict_declarations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "conflict" boolean NOT NULL,
                "details" text,
                "declaredAt" datetime NOT NULL,
                "escalatedAt" datetime
            )
        `);
    await queryRunner.query(`
            INSERT INTO "conflict_declarations"(
                    "id",
                    "tenderId",
                    "panelMemberId",
                    "bidId",
                    "conflict",
                    "details",
                    "declaredAt",
                    "escalatedAt"
                )
            SELECT "id",
                "tenderId",
                "panelMemberId",
                "bidId",
                "conflict",
                "details",
                "declaredAt",
                "escalatedAt"
            FROM "temporary_conflict_declarations"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_conflict_declarations"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_469893645eff20e312acf4cdea" ON "conflict_declarations" ("panelMemberId", "bidId")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9b91ed20b5abaa519b6c7add89" ON "conflict_declarations" ("tenderId", "bidId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f5a9d97353249dc32b34351740"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_eef1859ccc5b678ed83b86e007"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_invitations"
                RENAME TO "temporary_panel_invitations"
        `);
    await queryRunner.query(`
            CREATE TABLE "panel_invitations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "issuedAt" datetime NOT NULL,
                "issuedById" varchar(36) NOT NULL,
                "expiresAt" datetime NOT NULL,
                "usedAt" datetime,
                "revokedAt" datetime
            )
        `);
    await queryRunner.query(`
            INSERT INTO "panel_invitations"(
                    "id",
                    "tenderId",
                    "panelMemberId",
                    "tokenHash",
                    "issuedAt",
                    "issuedById",
                    "expiresAt",
                    "usedAt",
                    "revokedAt"
                )
            SELECT "id",
                "tenderId",
                "panelMemberId",
                "tokenHash",
                "issuedAt",
                "issuedById",
                "expiresAt",
                "usedAt",
                "revokedAt"
            FROM "temporary_panel_invitations"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_panel_invitations"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f5a9d97353249dc32b34351740" ON "panel_invitations" ("panelMemberId", "issuedAt")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_eef1859ccc5b678ed83b86e007" ON "panel_invitations" ("tokenHash")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_6e4846b6a343cbffb906536c3f"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b49aefaca362fbebed23cd7b6f"
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores"
                RENAME TO "temporary_individual_scores"
        `);
    await queryRunner.query(`
            CREATE TABLE "individual_scores" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "criterionId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "status" varchar(10) NOT NULL,
                "savedAt" datetime NOT NULL,
                "submittedAt" datetime
            )
        `);
    await queryRunner.query(`
            INSERT INTO "individual_scores"(
                    "id",
                    "tenderId",
                    "bidId",
                    "criterionId",
                    "panelMemberId",
                    "score",
                    "rationale",
                    "status",
                    "savedAt",
                    "submittedAt"
                )
            SELECT "id",
                "tenderId",
                "bidId",
                "criterionId",
                "panelMemberId",
                "score",
                "rationale",
                "status",
                "savedAt",
                "submittedAt"
            FROM "temporary_individual_scores"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_individual_scores"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6e4846b6a343cbffb906536c3f" ON "individual_scores" ("panelMemberId", "bidId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b49aefaca362fbebed23cd7b6f" ON "individual_scores" ("tenderId", "bidId", "criterionId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_5951f1d7d44621896c244141ed"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_980c49522e06681090ff6aec19"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_de0cd82a918c2902d266e930e9"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members"
                RENAME TO "temporary_panel_members"
        `);
    await queryRunner.query(`
            CREATE TABLE "panel_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "group" varchar(20) NOT NULL,
                "roleLabel" varchar(100),
                "joinOrder" integer NOT NULL,
                "joinedAt" datetime NOT NULL,
                "addedById" varchar(36) NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "panel_members"(
                    "id",
                    "tenderId",
                    "userId",
                    "group",
                    "roleLabel",
                    "joinOrder",
                    "joinedAt",
                    "addedById"
                )
            SELECT "id",
                "tenderId",
                "userId",
                "group",
                "roleLabel",
                "joinOrder",
                "joinedAt",
                "addedById"
            FROM "temporary_panel_members"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_panel_members"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5951f1d7d44621896c244141ed" ON "panel_members" ("tenderId", "userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_980c49522e06681090ff6aec19" ON "panel_members" ("tenderId", "joinOrder")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_de0cd82a918c2902d266e930e9" ON "panel_members" ("userId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_591f345c00b9905318c6230d9e"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
                RENAME TO "temporary_criteria"
        `);
    await queryRunner.query(`
            CREATE TABLE "criteria" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "parentId" varchar(36),
                "code" varchar(30) NOT NULL,
                "title" varchar(300) NOT NULL,
                "kind" varchar(12) NOT NULL,
                "category" varchar(30),
                "weightHundredths" integer NOT NULL,
                "thresholdHundredths" integer,
                "scoredBy" text NOT NULL,
                "groupWeights" text,
                "maxWords" integer,
                "guidance" text,
                "plainGuidance" text,
                "order" integer NOT NULL DEFAULT (0)
            )
        `);
    await queryRunner.query(`
            INSERT INTO "criteria"(
                    "id",
                    "tenderId",
                    "parentId",
                    "code",
                    "title",
                    "kind",
                    "category",
                    "weightHundredths",
                    "thresholdHundredths",
                    "scoredBy",
                    "groupWeights",
                    "maxWords",
                    "guidance",
                    "plainGuidance",
                    "order"
                )
            SELECT "id",
                "tenderId",
                "parentId",
                "code",
                "title",
                "kind",
                "category",
                "weightHundredths",
                "thresholdHundredths",
                "scoredBy",
                "groupWeights",
                "maxWords",
                "guidance",
                "plainGuidance",
                "order"
            FROM "temporary_criteria"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_criteria"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_591f345c00b9905318c6230d9e" ON "criteria" ("tenderId", "code")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_ede78bc02150ed7cf6405e1b52"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
                RENAME TO "temporary_bids"
        `);
    await queryRunner.query(`
            CREATE TABLE "bids" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "bidderUserId" varchar(36),
                "organisationId" varchar(36),
                "bidderName" varchar(200) NOT NULL,
                "organisationType" varchar(10),
                "paper" boolean NOT NULL,
                "enteredById" varchar(36) NOT NULL,
                "activeKey" varchar(240),
                "status" varchar(16) NOT NULL,
                "submittedAt" datetime,
                "submittedVersionId" varchar(36),
                "draftVersionId" varchar(36),
                "withdrawnAt" datetime,
                "disqualifiedAt" datetime,
                "disqualifiedById" varchar(36),
                "disqualificationReason" text,
                "createdAt" datetime NOT NULL,
                "updatedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "bids"(
                    "id",
                    "tenderId",
                    "bidderUserId",
                    "organisationId",
                    "bidderName",
                    "organisationType",
                    "paper",
                    "enteredById",
                    "activeKey",
                    "status",
                    "submittedAt",
                    "submittedVersionId",
                    "draftVersionId",
                    "withdrawnAt",
                    "disqualifiedAt",
                    "disqualifiedById",
                    "disqualificationReason",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "tenderId",
                "bidderUserId",
                "organisationId",
                "bidderName",
                "organisationType",
                "paper",
                "enteredById",
                "activeKey",
                "status",
                "submittedAt",
                "submittedVersionId",
                "draftVersionId",
                "withdrawnAt",
                "disqualifiedAt",
                "disqualifiedById",
                "disqualificationReason",
                "createdAt",
                "updatedAt"
            FROM "temporary_bids"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_bids"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ede78bc02150ed7cf6405e1b52" ON "bids" ("tenderId", "activeKey")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2761e1d7f6aed4e2675cc31026"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions"
                RENAME TO "temporary_bid_versions"
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_versions" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "bidId" varchar(36) NOT NULL,
                "number" integer NOT NULL,
                "status" varchar(12) NOT NULL,
                "bidderName" varchar(200) NOT NULL,
                "organisationType" varchar(10),
                "consortium" text NOT NULL,
                "pricePence" bigint NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL,
                "updatedAt" datetime NOT NULL,
                "submittedAt" datetime,
                "submittedById" varchar(36)
            )
        `);
    await queryRunner.query(`
            INSERT INTO "bid_versions"(
                    "id",
                    "bidId",
                    "number",
                    "status",
                    "bidderName",
                    "organisationType",
                    "consortium",
                    "pricePence",
                    "createdById",
                    "createdAt",
                    "updatedAt",
                    "submittedAt",
                    "submittedById"
                )
            SELECT "id",
                "bidId",
                "number",
                "status",
                "bidderName",
                "organisationType",
                "consortium",
                "pricePence",
                "createdById",
                "createdAt",
                "updatedAt",
                "submittedAt",
                "submittedById"
            FROM "temporary_bid_versions"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_bid_versions"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2761e1d7f6aed4e2675cc31026" ON "bid_versions" ("bidId", "number")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2f2cee0f24c0d352b41991b3c8"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c6c59ffb552da06c4d09bc69c7"
        `);
    await queryRunner.query(`
            ALTER TABLE "tender_team_members"
                RENAME TO "temporary_tender_team_members"
        `);
    await queryRunner.query(`
            CREATE TABLE "tender_team_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "role" varchar(20) NOT NULL,
                "addedAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "tender_team_members"("id", "tenderId", "userId", "role", "addedAt")
            SELECT "id",
                "tenderId",
                "userId",
                "role",
                "addedAt"
            FROM "temporary_tender_team_members"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_tender_team_members"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2f2cee0f24c0d352b41991b3c8" ON "tender_team_members" ("tenderId", "userId")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_c6c59ffb552da06c4d09bc69c7" ON "tender_team_members" ("userId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_97672ac88f789774dd47f7c8be"
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
                RENAME TO "temporary_users"
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "email" varchar(254) NOT NULL,
                "name" varchar(200) NOT NULL,
                "role" varchar(20) NOT NULL,
                "passwordHash" varchar(200),
                "organisationId" varchar(36),
                "active" boolean NOT NULL DEFAULT (1),
                "createdAt" datetime NOT NULL DEFAULT (datetime('now'))
            )
        `);
    await queryRunner.query(`
            INSERT INTO "users"(
                    "id",
                    "email",
                    "name",
                    "role",
                    "passwordHash",
                    "organisationId",
                    "active",
                    "createdAt"
                )
            SELECT "id",
                "email",
                "name",
                "role",
                "passwordHash",
                "organisationId",
                "active",
                "createdAt"
            FROM "temporary_users"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_users"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
    await queryRunner.query(`
            DROP TABLE "audit_chain_head"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_4dd53075869ab5ac12e28f76f0"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP TABLE "login_throttle"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c02228ed86aaddc5b7d4203cea"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_commitments"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c31374f8920c9329aa3ccc1c8c"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_responses"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b85c6511a18884ae82d9c1adcf"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_compliance"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_bddf4fab81b18a679c482a235e"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_566bd7f8ec973a13cac58116bd"
        `);
    await queryRunner.query(`
            DROP TABLE "moderated_scores"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_469893645eff20e312acf4cdea"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_9b91ed20b5abaa519b6c7add89"
        `);
    await queryRunner.query(`
            DROP TABLE "conflict_declarations"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f5a9d97353249dc32b34351740"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_eef1859ccc5b678ed83b86e007"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_6e4846b6a343cbffb906536c3f"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_b49aefaca362fbebed23cd7b6f"
        `);
    await queryRunner.query(`
            DROP TABLE "individual_scores"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_5951f1d7d44621896c244141ed"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_980c49522e06681090ff6aec19"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_de0cd82a918c2902d266e930e9"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_members"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_591f345c00b9905318c6230d9e"
        `);
    await queryRunner.query(`
            DROP TABLE "criteria"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_ede78bc02150ed7cf6405e1b52"
        `);
    await queryRunner.query(`
            DROP TABLE "bids"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2761e1d7f6aed4e2675cc31026"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_versions"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_2f2cee0f24c0d352b41991b3c8"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_c6c59ffb552da06c4d09bc69c7"
        `);
    await queryRunner.query(`
            DROP TABLE "tender_team_members"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_9dab5e0f66bee407de34bb92dd"
        `);
    await queryRunner.query(`
            DROP TABLE "tenders"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_97672ac88f789774dd47f7c8be"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TABLE "organisations"
        `);
  }
}
