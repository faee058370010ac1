import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795456535361 implements MigrationInterface {
  name = 'Init1795456535361';

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
            CREATE TABLE "bid_versions" (
                "id" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "number" integer NOT NULL,
                "status" character varying(12) NOT NULL,
                "bidderName" character varying(200) NOT NULL,
                "organisationType" character varying(10),
                "consortium" text NOT NULL,
                "pricePence" bigint NOT NULL,
                "createdById" character varying(36) NOT NULL,
                "createdAt" TIMESTAMP NOT NULL,
                "updatedAt" TIMESTAMP NOT NULL,
                "submittedAt" TIMESTAMP,
                "submittedById" character varying(36),
                CONSTRAINT "PK_c4e4bae434da652eebf3bf58c39" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2761e1d7f6aed4e2675cc31026" ON "bid_versions" ("bidId", "number")
        `);
    await queryRunner.query(`
            CREATE TABLE "bids" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "bidderUserId" character varying(36),
                "organisationId" character varying(36),
                "bidderName" character varying(200) NOT NULL,
                "organisationType" character varying(10),
                "paper" boolean NOT NULL,
                "enteredById" character varying(36) NOT NULL,
                "activeKey" character varying(240),
                "status" character varying(16) NOT NULL,
                "submittedAt" TIMESTAMP,
                "submittedVersionId" character varying(36),
                "draftVersionId" character varying(36),
                "withdrawnAt" TIMESTAMP,
                "disqualifiedAt" TIMESTAMP,
                "disqualifiedById" character varying(36),
                "disqualificationReason" text,
                "createdAt" TIMESTAMP NOT NULL,
                "updatedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_7950d066d322aab3a488ac39fe5" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ede78bc02150ed7cf6405e1b52" ON "bids" ("tenderId", "activeKey")
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
            CREATE TABLE "panel_members" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "userId" character varying(36) NOT NULL,
                "group" character varying(20) NOT NULL,
                "roleLabel" character varying(100),
                "joinOrder" integer NOT NULL,
                "joinedAt" TIMESTAMP NOT NULL,
                "addedById" character varying(36) NOT NULL,
                CONSTRAINT "PK_02b94bfd5935db3ae179578b686" PRIMARY KEY ("id")
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
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "criterionId" character varying(36) NOT NULL,
                "panelMemberId" character varying(36) NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "status" character varying(10) NOT NULL,
                "savedAt" TIMESTAMP NOT NULL,
                "submittedAt" TIMESTAMP,
                CONSTRAINT "PK_4e8e82b6d446e210175384326bd" PRIMARY KEY ("id")
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
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "panelMemberId" character varying(36) NOT NULL,
                "tokenHash" character varying(64) NOT NULL,
                "issuedAt" TIMESTAMP NOT NULL,
                "issuedById" character varying(36) NOT NULL,
                "expiresAt" TIMESTAMP NOT NULL,
                "usedAt" TIMESTAMP,
                "revokedAt" TIMESTAMP,
                CONSTRAINT "PK_984d046bc323b6a39692c4bbd39" PRIMARY KEY ("id")
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
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "panelMemberId" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "conflict" boolean NOT NULL,
                "details" text,
                "declaredAt" TIMESTAMP NOT NULL,
                "escalatedAt" TIMESTAMP,
                CONSTRAINT "PK_54773c4de5f8dd35925794876a6" PRIMARY KEY ("id")
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
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "criterionId" character varying(36) NOT NULL,
                "version" integer NOT NULL,
                "score" integer NOT NULL,
                "rationale" text NOT NULL,
                "moderatedById" character varying(36) NOT NULL,
                "moderatedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_c9c743f502e4ff2526d81d2f44d" PRIMARY KEY ("id")
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
                "id" character varying(36) NOT NULL,
                "bidId" character varying(36) NOT NULL,
                "criterionId" character varying(36) NOT NULL,
                "passed" boolean NOT NULL,
                "note" text NOT NULL,
                "recordedById" character varying(36) NOT NULL,
                "recordedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_4f3fd38410703a0da3891096a69" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b85c6511a18884ae82d9c1adcf" ON "bid_compliance" ("bidId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_responses" (
                "id" character varying(36) NOT NULL,
                "versionId" character varying(36) NOT NULL,
                "criterionId" character varying(36) NOT NULL,
                "text" text NOT NULL,
                CONSTRAINT "PK_69d01766654dc9d9e656061d861" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c31374f8920c9329aa3ccc1c8c" ON "bid_responses" ("versionId", "criterionId")
        `);
    await queryRunner.query(`
            CREATE TABLE "bid_commitments" (
                "id" character varying(36) NOT NULL,
                "versionId" character varying(36) NOT NULL,
                "position" integer NOT NULL,
                "criterionId" character varying(36),
                "outcome" text NOT NULL,
                "measure" text NOT NULL,
                "target" character varying(40) NOT NULL,
                "baseline" character varying(40),
                "byDate" character varying(10),
                CONSTRAINT "PK_715984b78ac4598524ac8d0e53c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_c02228ed86aaddc5b7d4203cea" ON "bid_commitments" ("versionId", "position")
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
                "sensitivity" character varying(16) NOT NULL,
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
            ALTER TABLE "bid_versions"
            ADD CONSTRAINT "FK_b0d0b39d750f59a17f2e8f59223" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "FK_22494fc685116a2c5addd8d9e73" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "FK_b59aba54ebc75f10054671650d2" FOREIGN KEY ("bidderUserId") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "FK_ab9aa222c03af798ce7a9b3f7a3" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "FK_396dca104fd245383dfdf02b51d" FOREIGN KEY ("enteredById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "FK_f69a33e26c91609475b2d85e05f" FOREIGN KEY ("submittedVersionId") REFERENCES "bid_versions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bids"
            ADD CONSTRAINT "FK_55a006330ad486862db584c269f" FOREIGN KEY ("draftVersionId") REFERENCES "bid_versions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "FK_4ac62f8bbdd53505f3a544c7952" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria"
            ADD CONSTRAINT "FK_9716fbcdc54ccf4134a0ef2d4ec" FOREIGN KEY ("parentId") REFERENCES "criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members"
            ADD CONSTRAINT "FK_52d7adcbd5576937ae2639d0727" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members"
            ADD CONSTRAINT "FK_de0cd82a918c2902d266e930e92" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores"
            ADD CONSTRAINT "FK_a58e76ef9895cac67805ffbfca3" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores"
            ADD CONSTRAINT "FK_6a20b6d6745bcb6310c8539b8b0" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores"
            ADD CONSTRAINT "FK_13240bd264fd581d0a37d10d874" FOREIGN KEY ("criterionId") REFERENCES "criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores"
            ADD CONSTRAINT "FK_bb2e70db54d9d18b3350a046e3b" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_invitations"
            ADD CONSTRAINT "FK_4581b4e34c54360c79d3c610a25" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_invitations"
            ADD CONSTRAINT "FK_30d3b6a88c596ad034a46ce180e" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declarations"
            ADD CONSTRAINT "FK_333993448193d7bb526b021fc3a" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declarations"
            ADD CONSTRAINT "FK_755adfab8f97c6535176d663322" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declarations"
            ADD CONSTRAINT "FK_0d9f1f9bdc8c8757006dc5ed4f7" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores"
            ADD CONSTRAINT "FK_566bd7f8ec973a13cac58116bdc" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores"
            ADD CONSTRAINT "FK_0e8ebf63d0109fe8b4d147e645b" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores"
            ADD CONSTRAINT "FK_85cdd2726b8aeb81bb125f0adec" FOREIGN KEY ("criterionId") REFERENCES "criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores"
            ADD CONSTRAINT "FK_3754faf20ac11540adf795d6b70" FOREIGN KEY ("moderatedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_compliance"
            ADD CONSTRAINT "FK_10bb885369a5f9f55eccfcb8c5e" FOREIGN KEY ("bidId") REFERENCES "bids"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_compliance"
            ADD CONSTRAINT "FK_b68bf0e553c895575472d6cc0fe" FOREIGN KEY ("criterionId") REFERENCES "criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_responses"
            ADD CONSTRAINT "FK_e13049107b5fca65170598a0329" FOREIGN KEY ("versionId") REFERENCES "bid_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_responses"
            ADD CONSTRAINT "FK_2b2654ec95c546eb9074846f26c" FOREIGN KEY ("criterionId") REFERENCES "criteria"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_commitments"
            ADD CONSTRAINT "FK_a96fcbce2ef520a9d2556307d20" FOREIGN KEY ("versionId") REFERENCES "bid_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_commitments"
            ADD CONSTRAINT "FK_4d84a08062989d4ea28a272ae9b" FOREIGN KEY ("criterionId") REFERENCES "criteria"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "bid_commitments" DROP CONSTRAINT "FK_4d84a08062989d4ea28a272ae9b"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_commitments" DROP CONSTRAINT "FK_a96fcbce2ef520a9d2556307d20"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_responses" DROP CONSTRAINT "FK_2b2654ec95c546eb9074846f26c"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_responses" DROP CONSTRAINT "FK_e13049107b5fca65170598a0329"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_compliance" DROP CONSTRAINT "FK_b68bf0e553c895575472d6cc0fe"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_compliance" DROP CONSTRAINT "FK_10bb885369a5f9f55eccfcb8c5e"
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores" DROP CONSTRAINT "FK_3754faf20ac11540adf795d6b70"
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores" DROP CONSTRAINT "FK_85cdd2726b8aeb81bb125f0adec"
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores" DROP CONSTRAINT "FK_0e8ebf63d0109fe8b4d147e645b"
        `);
    await queryRunner.query(`
            ALTER TABLE "moderated_scores" DROP CONSTRAINT "FK_566bd7f8ec973a13cac58116bdc"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_0d9f1f9bdc8c8757006dc5ed4f7"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_755adfab8f97c6535176d663322"
        `);
    await queryRunner.query(`
            ALTER TABLE "conflict_declarations" DROP CONSTRAINT "FK_333993448193d7bb526b021fc3a"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_invitations" DROP CONSTRAINT "FK_30d3b6a88c596ad034a46ce180e"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_invitations" DROP CONSTRAINT "FK_4581b4e34c54360c79d3c610a25"
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores" DROP CONSTRAINT "FK_bb2e70db54d9d18b3350a046e3b"
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores" DROP CONSTRAINT "FK_13240bd264fd581d0a37d10d874"
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores" DROP CONSTRAINT "FK_6a20b6d6745bcb6310c8539b8b0"
        `);
    await queryRunner.query(`
            ALTER TABLE "individual_scores" DROP CONSTRAINT "FK_a58e76ef9895cac67805ffbfca3"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members" DROP CONSTRAINT "FK_de0cd82a918c2902d266e930e92"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_members" DROP CONSTRAINT "FK_52d7adcbd5576937ae2639d0727"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "FK_9716fbcdc54ccf4134a0ef2d4ec"
        `);
    await queryRunner.query(`
            ALTER TABLE "criteria" DROP CONSTRAINT "FK_4ac62f8bbdd53505f3a544c7952"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "FK_55a006330ad486862db584c269f"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "FK_f69a33e26c91609475b2d85e05f"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "FK_396dca104fd245383dfdf02b51d"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "FK_ab9aa222c03af798ce7a9b3f7a3"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "FK_b59aba54ebc75f10054671650d2"
        `);
    await queryRunner.query(`
            ALTER TABLE "bids" DROP CONSTRAINT "FK_22494fc685116a2c5addd8d9e73"
        `);
    await queryRunner.query(`
            ALTER TABLE "bid_versions" DROP CONSTRAINT "FK_b0d0b39d750f59a17f2e8f59223"
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
            DROP INDEX "public"."IDX_c02228ed86aaddc5b7d4203cea"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_commitments"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_c31374f8920c9329aa3ccc1c8c"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_responses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b85c6511a18884ae82d9c1adcf"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_compliance"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_bddf4fab81b18a679c482a235e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_566bd7f8ec973a13cac58116bd"
        `);
    await queryRunner.query(`
            DROP TABLE "moderated_scores"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_469893645eff20e312acf4cdea"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9b91ed20b5abaa519b6c7add89"
        `);
    await queryRunner.query(`
            DROP TABLE "conflict_declarations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f5a9d97353249dc32b34351740"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_eef1859ccc5b678ed83b86e007"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_invitations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_6e4846b6a343cbffb906536c3f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b49aefaca362fbebed23cd7b6f"
        `);
    await queryRunner.query(`
            DROP TABLE "individual_scores"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5951f1d7d44621896c244141ed"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_980c49522e06681090ff6aec19"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_de0cd82a918c2902d266e930e9"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_591f345c00b9905318c6230d9e"
        `);
    await queryRunner.query(`
            DROP TABLE "criteria"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ede78bc02150ed7cf6405e1b52"
        `);
    await queryRunner.query(`
            DROP TABLE "bids"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_2761e1d7f6aed4e2675cc31026"
        `);
    await queryRunner.query(`
            DROP TABLE "bid_versions"
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
