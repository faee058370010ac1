import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795453882175 implements MigrationInterface {
  name = "Init1795453882175";

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
                "sensitivity" varchar(16) NOT NULL DEFAULT ('public'),
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
            DROP INDEX "IDX_591f345c00b9905318c6230d9e"
        `);
    await queryRunner.query(`
            DROP TABLE "criteria"
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
