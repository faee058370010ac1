import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795453900048 implements MigrationInterface {
  name = "Init1795453900048";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "organisations" (
                "id" character varying(36) NOT NULL,
                "name" character varying(200) NOT NULL,
                "type" character varying(10) NOT NULL,
                "createdAt" TIMESTAMP NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" character varying(36) NOT NULL,
                "email" character varying(254) NOT NULL,
                "name" character varying(200) NOT NULL,
                "role" character varying(20) NOT NULL,
                "passwordHash" character varying(200),
                "organisationId" character varying(36),
                "active" boolean NOT NULL DEFAULT true,
                "createdAt" TIMESTAMP NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "tenders" (
                "id" character varying(36) NOT NULL,
                "reference" character varying(100) NOT NULL,
                "title" character varying(300) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "status" character varying(20) NOT NULL,
                "bidDeadline" TIMESTAMP NOT NULL,
                "templateKey" character varying(100),
                "ownerId" character varying(36) NOT NULL,
                "scaleMin" integer NOT NULL,
                "scaleMax" integer NOT NULL,
                "scaleLabels" text NOT NULL,
                "aggregation" character varying(10) NOT NULL,
                "moderationRequired" boolean NOT NULL,
                "priceFormula" character varying(20) NOT NULL,
                "tieBreak" character varying(10) NOT NULL,
                "divergenceThresholdHundredths" integer NOT NULL,
                "minScorers" integer NOT NULL,
                "abnormallyLowRatioHundredths" integer NOT NULL,
                "priceVisibleToPanel" boolean NOT NULL,
                "blindMarking" boolean NOT NULL,
                "equalRepresentation" boolean NOT NULL,
                "cancellationReason" text,
                "publishedAt" TIMESTAMP,
                "closedAt" TIMESTAMP,
                "moderationStartedAt" TIMESTAMP,
                "awardedBidId" character varying(36),
                "awardedAt" TIMESTAMP,
                "cancelledAt" TIMESTAMP,
                "createdAt" TIMESTAMP NOT NULL DEFAULT now(),
                "updatedAt" TIMESTAMP NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_13fdd4229818a97b5102199463b" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9dab5e0f66bee407de34bb92dd" ON "tenders" ("reference")
        `);
    await queryRunner.query(`
            CREATE TABLE "tender_team_members" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "userId" character varying(36) NOT NULL,
                "role" character varying(20) NOT NULL,
                "addedAt" TIMESTAMP NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e12b7ab307ba61137ccf27a6c9" PRIMARY KEY ("id")
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
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "parentId" character varying(36),
                "code" character varying(30) NOT NULL,
                "title" character varying(300) NOT NULL,
                "kind" character varying(12) NOT NULL,
                "category" character varying(30),
                "weightHundredths" integer NOT NULL,
                "thresholdHundredths" integer,
                "scoredBy" text NOT NULL,
                "groupWeights" text,
                "maxWords" integer,
                "guidance" text,
                "plainGuidance" text,
                "order" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_91cd5f7ff7be5ade9bca5b98cfb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_591f345c00b9905318c6230d9e" ON "criteria" ("tenderId", "code")
        `);
    await queryRunner.query(`
            CREATE TABLE "login_throttle" (
                "key" character varying(300) NOT NULL,
                "failures" integer NOT NULL,
                "windowStartedAt" TIMESTAMP NOT NULL,
                "lockedUntil" TIMESTAMP,
                CONSTRAINT "PK_14c03bac82292a8310c54cb98d0" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "seq" integer NOT NULL,
                "occurredAt" TIMESTAMP NOT NULL,
                "actorId" character varying(36),
                "action" character varying(64) NOT NULL,
                "entityType" character varying(40) NOT NULL,
                "entityId" character varying(64),
                "tenderId" character varying(36),
                "sensitivity" character varying(16) NOT NULL DEFAULT 'public',
                "before" text,
                "after" text,
                "prevHash" character varying(64) NOT NULL,
                "hash" character varying(64) NOT NULL,
                CONSTRAINT "PK_6e299f5706e715265416fefe53e" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_4dd53075869ab5ac12e28f76f0" ON "audit_events" ("tenderId", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_chain_head" (
                "id" character varying(16) NOT NULL,
                "seq" integer NOT NULL,
                "hash" character varying(64) NOT NULL,
                CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_4bba96961e0142c06aa921ce27f" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tender_team_members"
            ADD CONSTRAINT "FK_84e9378a747be93e8d63ad70697" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tender_team_members"
            ADD CONSTRAINT "FK_c6c59ffb552da06c4d09bc69c7d" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "FK_4ac62f8bbdd53505f3a544c7952" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "FK_9716fbcdc54ccf4134a0ef2d4ec" FOREIGN KEY ("parentId") REFERENCES "criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "FK_9716fbcdc54ccf4134a0ef2d4ec"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "FK_4ac62f8bbdd53505f3a544c7952"
        `);
    await queryRunner.query(`
            ALTER TABLE "tender_team_members" DROP CONSTRAINT "FK_c6c59ffb552da06c4d09bc69c7d"
        `);
    await queryRunner.query(`
            ALTER TABLE "tender_team_members" DROP CONSTRAINT "FK_84e9378a747be93e8d63ad70697"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_4bba96961e0142c06aa921ce27f"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_chain_head"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4dd53075869ab5ac12e28f76f0"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
    await queryRunner.query(`
            DROP TABLE "login_throttle"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_591f345c00b9905318c6230d9e"
        `);
    await queryRunner.query(`
            DROP TABLE "criteria"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2f2cee0f24c0d352b41991b3c8"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c6c59ffb552da06c4d09bc69c7"
        `);
    await queryRunner.query(`
            DROP TABLE "tender_team_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9dab5e0f66bee407de34bb92dd"
        `);
    await queryRunner.query(`
            DROP TABLE "tenders"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TABLE "organisations"
        `);
  }
}
