import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChecks1796156024198 implements MigrationInterface {
  name = 'AddChecks1796156024198';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_9dab5e0f66bee407de34bb92dd"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_tenders" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(100) NOT NULL, "title" varchar(300) NOT NULL, "description" text NOT NULL DEFAULT (''), "status" varchar(20) NOT NULL, "bidDeadline" datetime NOT NULL, "templateKey" varchar(100), "ownerId" varchar(36) NOT NULL, "scaleMin" integer NOT NULL, "scaleMax" integer NOT NULL, "scaleLabels" text NOT NULL, "aggregation" varchar(10) NOT NULL, "moderationRequired" boolean NOT NULL, "priceFormula" varchar(20) NOT NULL, "tieBreak" varchar(10) NOT NULL, "divergenceThresholdHundredths" integer NOT NULL, "minScorers" integer NOT NULL, "abnormallyLowRatioHundredths" integer NOT NULL, "priceVisibleToPanel" boolean NOT NULL, "blindMarking" boolean NOT NULL, "equalRepresentation" boolean NOT NULL, "cancellationReason" text, "publishedAt" datetime, "closedAt" datetime, "moderationStartedAt" datetime, "awardedBidId" varchar(36), "awardedAt" datetime, "cancelledAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL, CONSTRAINT "CHK_6714c206bcd6a89f99277fbd10" CHECK ("moderationRequired" IN (true, false) AND "priceVisibleToPanel" IN (true, false) AND "blindMarking" IN (true, false) AND "equalRepresentation" IN (true, false)), CONSTRAINT "CHK_a15f54d77b7e4c0d9cacf52d99" CHECK ("version" >= 1), CONSTRAINT "CHK_74bf09e6fe04a8748d57c7371a" CHECK ("abnormallyLowRatioHundredths" BETWEEN 0 AND 100), CONSTRAINT "CHK_fd2149c39c5cc7026b02fabfa3" CHECK ("minScorers" BETWEEN 1 AND 100), CONSTRAINT "CHK_7237d0072b69da60b0d6401727" CHECK ("divergenceThresholdHundredths" BETWEEN 0 AND 10000), CONSTRAINT "CHK_bd8c89ce36778e0c7d4499439c" CHECK ("tieBreak" IN ('none', 'quality', 'price')), CONSTRAINT "CHK_82ae9777d34f89d04637e737f8" CHECK ("priceFormula" IN ('lowest_ratio', 'linear_deviation', 'min_max_linear')), CONSTRAINT "CHK_620c8d26dc9d25e20945fb8807" CHECK ("aggregation" IN ('mean', 'median')), CONSTRAINT "CHK_4ec0905a3e296b814b687c4907" CHECK ("scaleMin" BETWEEN 0 AND 100 AND "scaleMax" BETWEEN 0 AND 100 AND "scaleMin" < "scaleMax"), CONSTRAINT "CHK_fd301a4428a1ee8292c443a8f7" CHECK ("status" IN ('draft', 'published', 'evaluation', 'moderation', 'awarded', 'cancelled')))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_tenders"("id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version") SELECT "id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version" FROM "tenders"`,
    );
    await queryRunner.query(`DROP TABLE "tenders"`);
    await queryRunner.query(`ALTER TABLE "temporary_tenders" RENAME TO "tenders"`);
    await queryRunner.query(`CREATE INDEX "IDX_9dab5e0f66bee407de34bb92dd" ON "tenders" ("reference")`);
    await queryRunner.query(`DROP INDEX "IDX_2761e1d7f6aed4e2675cc31026"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_bid_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "bidId" varchar(36) NOT NULL, "number" integer NOT NULL, "status" varchar(12) NOT NULL, "bidderName" varchar(200) NOT NULL, "organisationType" varchar(10), "consortium" text NOT NULL, "pricePence" bigint NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "submittedAt" datetime, "submittedById" varchar(36), CONSTRAINT "CHK_c7333a00271aaad4c34e4c6bbd" CHECK ("number" >= 1), CONSTRAINT "CHK_6bdf48f913f0719e6041111b13" CHECK ("pricePence" >= 0), CONSTRAINT "CHK_920e67d465c72fe9da57d1a265" CHECK ("organisationType" IN ('vcse', 'sme', 'large', 'public')), CONSTRAINT "CHK_13fa6712d57a0e6aaad2d1b6cc" CHECK ("status" IN ('draft', 'submitted', 'superseded')), CONSTRAINT "FK_b0d0b39d750f59a17f2e8f59223" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_bid_versions"("id", "bidId", "number", "status", "bidderName", "organisationType", "consortium", "pricePence", "createdById", "createdAt", "updatedAt", "submittedAt", "submittedById") SELECT "id", "bidId", "number", "status", "bidderName", "organisationType", "consortium", "pricePence", "createdById", "createdAt", "updatedAt", "submittedAt", "submittedById" FROM "bid_versions"`,
    );
    await queryRunner.query(`DROP TABLE "bid_versions"`);
    await queryRunner.query(`ALTER TABLE "temporary_bid_versions" RENAME TO "bid_versions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2761e1d7f6aed4e2675cc31026" ON "bid_versions" ("bidId", "number")`);
    await queryRunner.query(`DROP INDEX "IDX_ede78bc02150ed7cf6405e1b52"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_bids" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidderUserId" varchar(36), "organisationId" varchar(36), "bidderName" varchar(200) NOT NULL, "organisationType" varchar(10), "paper" boolean NOT NULL, "enteredById" varchar(36) NOT NULL, "activeKey" varchar(240), "status" varchar(16) NOT NULL, "submittedAt" datetime, "submittedVersionId" varchar(36), "draftVersionId" varchar(36), "withdrawnAt" datetime, "disqualifiedAt" datetime, "disqualifiedById" varchar(36), "disqualificationReason" text, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "CHK_da4b44955fdcb380d13a51816f" CHECK ("paper" IN (true, false)), CONSTRAINT "CHK_efdd447266589ee29a765b134d" CHECK ("organisationType" IN ('vcse', 'sme', 'large', 'public')), CONSTRAINT "CHK_dd45240a2dc1868b37e9a127c0" CHECK ("status" IN ('draft', 'submitted', 'withdrawn', 'disqualified')), CONSTRAINT "FK_55a006330ad486862db584c269f" FOREIGN KEY ("draftVersionId") REFERENCES "bid_versions" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_f69a33e26c91609475b2d85e05f" FOREIGN KEY ("submittedVersionId") REFERENCES "bid_versions" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_396dca104fd245383dfdf02b51d" FOREIGN KEY ("enteredById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_ab9aa222c03af798ce7a9b3f7a3" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_b59aba54ebc75f10054671650d2" FOREIGN KEY ("bidderUserId") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_22494fc685116a2c5addd8d9e73" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_bids"("id", "tenderId", "bidderUserId", "organisationId", "bidderName", "organisationType", "paper", "enteredById", "activeKey", "status", "submittedAt", "submittedVersionId", "draftVersionId", "withdrawnAt", "disqualifiedAt", "disqualifiedById", "disqualificationReason", "createdAt", "updatedAt") SELECT "id", "tenderId", "bidderUserId", "organisationId", "bidderName", "organisationType", "paper", "enteredById", "activeKey", "status", "submittedAt", "submittedVersionId", "draftVersionId", "withdrawnAt", "disqualifiedAt", "disqualifiedById", "disqualificationReason", "createdAt", "updatedAt" FROM "bids"`,
    );
    await queryRunner.query(`DROP TABLE "bids"`);
    await queryRunner.query(`ALTER TABLE "temporary_bids" RENAME TO "bids"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ede78bc02150ed7cf6405e1b52" ON "bids" ("tenderId", "activeKey")`);
    await queryRunner.query(`DROP INDEX "IDX_591f345c00b9905318c6230d9e"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_criteria" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "parentId" varchar(36), "code" varchar(30) NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(12) NOT NULL, "category" varchar(30), "weightHundredths" integer NOT NULL, "thresholdHundredths" integer, "scoredBy" text NOT NULL, "groupWeights" text, "maxWords" integer, "guidance" text, "plainGuidance" text, "order" integer NOT NULL DEFAULT (0), CONSTRAINT "CHK_9045cbbea4c7389cd1fe65a1d2" CHECK ("order" >= 0), CONSTRAINT "CHK_1fe7af8e9f261ce9365acf8b2e" CHECK ("maxWords" BETWEEN 1 AND 20000), CONSTRAINT "CHK_2f1ad910f4aff4f722b4f2dc17" CHECK ("thresholdHundredths" BETWEEN 0 AND 10000), CONSTRAINT "CHK_d402f8307276df3373644392d1" CHECK ("weightHundredths" BETWEEN 0 AND 10000), CONSTRAINT "CHK_60137430545b0a5d0df6c31a94" CHECK ("category" IN ('quality', 'co_production', 'social_outcome', 'economic_outcome', 'environmental_outcome', 'price', 'compliance')), CONSTRAINT "CHK_64804ba569a6a2038b16f8d24a" CHECK ("kind" IN ('section', 'scored', 'price', 'pass_fail')), CONSTRAINT "FK_9716fbcdc54ccf4134a0ef2d4ec" FOREIGN KEY ("parentId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4ac62f8bbdd53505f3a544c7952" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_criteria"("id", "tenderId", "parentId", "code", "title", "kind", "category", "weightHundredths", "thresholdHundredths", "scoredBy", "groupWeights", "maxWords", "guidance", "plainGuidance", "order") SELECT "id", "tenderId", "parentId", "code", "title", "kind", "category", "weightHundredths", "thresholdHundredths", "scoredBy", "groupWeights", "maxWords", "guidance", "plainGuidance", "order" FROM "criteria"`,
    );
    await queryRunner.query(`DROP TABLE "criteria"`);
    await queryRunner.query(`ALTER TABLE "temporary_criteria" RENAME TO "criteria"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_591f345c00b9905318c6230d9e" ON "criteria" ("tenderId", "code")`);
    await queryRunner.query(`DROP INDEX "IDX_6e4846b6a343cbffb906536c3f"`);
    await queryRunner.query(`DROP INDEX "IDX_b49aefaca362fbebed23cd7b6f"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_individual_scores" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "criterionId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "score" integer NOT NULL, "rationale" text NOT NULL, "status" varchar(10) NOT NULL, "savedAt" datetime NOT NULL, "submittedAt" datetime, CONSTRAINT "CHK_7651d5e9e45370d5ddae56176a" CHECK ("status" IN ('draft', 'submitted')), CONSTRAINT "CHK_8f21b3d5202a2dbecde8290ef9" CHECK ("score" BETWEEN 0 AND 100), CONSTRAINT "FK_bb2e70db54d9d18b3350a046e3b" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_13240bd264fd581d0a37d10d874" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6a20b6d6745bcb6310c8539b8b0" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a58e76ef9895cac67805ffbfca3" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_individual_scores"("id", "tenderId", "bidId", "criterionId", "panelMemberId", "score", "rationale", "status", "savedAt", "submittedAt") SELECT "id", "tenderId", "bidId", "criterionId", "panelMemberId", "score", "rationale", "status", "savedAt", "submittedAt" FROM "individual_scores"`,
    );
    await queryRunner.query(`DROP TABLE "individual_scores"`);
    await queryRunner.query(`ALTER TABLE "temporary_individual_scores" RENAME TO "individual_scores"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6e4846b6a343cbffb906536c3f" ON "individual_scores" ("panelMemberId", "bidId", "criterionId")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b49aefaca362fbebed23cd7b6f" ON "individual_scores" ("tenderId", "bidId", "criterionId")`,
    );
    await queryRunner.query(`DROP INDEX "IDX_bddf4fab81b18a679c482a235e"`);
    await queryRunner.query(`DROP INDEX "IDX_566bd7f8ec973a13cac58116bd"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_moderated_scores" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "criterionId" varchar(36) NOT NULL, "version" integer NOT NULL, "score" integer NOT NULL, "rationale" text NOT NULL, "moderatedById" varchar(36) NOT NULL, "moderatedAt" datetime NOT NULL, CONSTRAINT "CHK_01d2202698ce306d13370630d7" CHECK ("version" >= 1), CONSTRAINT "CHK_9949ed5651fd893a3044e3e13e" CHECK ("score" BETWEEN 0 AND 100), CONSTRAINT "FK_3754faf20ac11540adf795d6b70" FOREIGN KEY ("moderatedById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_85cdd2726b8aeb81bb125f0adec" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0e8ebf63d0109fe8b4d147e645b" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_566bd7f8ec973a13cac58116bdc" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_moderated_scores"("id", "tenderId", "bidId", "criterionId", "version", "score", "rationale", "moderatedById", "moderatedAt") SELECT "id", "tenderId", "bidId", "criterionId", "version", "score", "rationale", "moderatedById", "moderatedAt" FROM "moderated_scores"`,
    );
    await queryRunner.query(`DROP TABLE "moderated_scores"`);
    await queryRunner.query(`ALTER TABLE "temporary_moderated_scores" RENAME TO "moderated_scores"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bddf4fab81b18a679c482a235e" ON "moderated_scores" ("bidId", "criterionId", "version")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_566bd7f8ec973a13cac58116bd" ON "moderated_scores" ("tenderId")`);
    await queryRunner.query(`DROP INDEX "IDX_b85c6511a18884ae82d9c1adcf"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_bid_compliance" ("id" varchar(36) PRIMARY KEY NOT NULL, "bidId" varchar(36) NOT NULL, "criterionId" varchar(36) NOT NULL, "passed" boolean NOT NULL, "note" text NOT NULL, "recordedById" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "CHK_60e3342d736457c8f55e21939f" CHECK ("passed" IN (true, false)), CONSTRAINT "FK_b68bf0e553c895575472d6cc0fe" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_10bb885369a5f9f55eccfcb8c5e" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_bid_compliance"("id", "bidId", "criterionId", "passed", "note", "recordedById", "recordedAt") SELECT "id", "bidId", "criterionId", "passed", "note", "recordedById", "recordedAt" FROM "bid_compliance"`,
    );
    await queryRunner.query(`DROP TABLE "bid_compliance"`);
    await queryRunner.query(`ALTER TABLE "temporary_bid_compliance" RENAME TO "bid_compliance"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b85c6511a18884ae82d9c1adcf" ON "bid_compliance" ("bidId", "criterionId")`);
    await queryRunner.query(`DROP INDEX "IDX_4dd53075869ab5ac12e28f76f0"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_events" ("seq" integer PRIMARY KEY NOT NULL, "occurredAt" datetime NOT NULL, "actorId" varchar(36), "action" varchar(64) NOT NULL, "entityType" varchar(40) NOT NULL, "entityId" varchar(64), "tenderId" varchar(36), "sensitivity" varchar(16) NOT NULL, "before" text, "after" text, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, CONSTRAINT "CHK_93bef3f4189ace201c94741a78" CHECK ("seq" >= 1), CONSTRAINT "CHK_c2d4b5e469b0b8ca39f33055ba" CHECK ("sensitivity" IN ('public', 'bid_content', 'score')))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_events"("seq", "occurredAt", "actorId", "action", "entityType", "entityId", "tenderId", "sensitivity", "before", "after", "prevHash", "hash") SELECT "seq", "occurredAt", "actorId", "action", "entityType", "entityId", "tenderId", "sensitivity", "before", "after", "prevHash", "hash" FROM "audit_events"`,
    );
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_events" RENAME TO "audit_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_4dd53075869ab5ac12e28f76f0" ON "audit_events" ("tenderId", "seq")`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_chain_head" ("id" varchar(16) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "hash" varchar(64) NOT NULL, CONSTRAINT "CHK_39af16794b448c8df8f504cf5e" CHECK ("seq" >= 0))`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_chain_head"("id", "seq", "hash") SELECT "id", "seq", "hash" FROM "audit_chain_head"`,
    );
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_chain_head" RENAME TO "audit_chain_head"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_chain_head" RENAME TO "temporary_audit_chain_head"`);
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" varchar(16) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "hash" varchar(64) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_chain_head"("id", "seq", "hash") SELECT "id", "seq", "hash" FROM "temporary_audit_chain_head"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_chain_head"`);
    await queryRunner.query(`DROP INDEX "IDX_4dd53075869ab5ac12e28f76f0"`);
    await queryRunner.query(`ALTER TABLE "audit_events" RENAME TO "temporary_audit_events"`);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("seq" integer PRIMARY KEY NOT NULL, "occurredAt" datetime NOT NULL, "actorId" varchar(36), "action" varchar(64) NOT NULL, "entityType" varchar(40) NOT NULL, "entityId" varchar(64), "tenderId" varchar(36), "sensitivity" varchar(16) NOT NULL, "before" text, "after" text, "prevHash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_events"("seq", "occurredAt", "actorId", "action", "entityType", "entityId", "tenderId", "sensitivity", "before", "after", "prevHash", "hash") SELECT "seq", "occurredAt", "actorId", "action", "entityType", "entityId", "tenderId", "sensitivity", "before", "after", "prevHash", "hash" FROM "temporary_audit_events"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_events"`);
    await queryRunner.query(`CREATE INDEX "IDX_4dd53075869ab5ac12e28f76f0" ON "audit_events" ("tenderId", "seq")`);
    await queryRunner.query(`DROP INDEX "IDX_b85c6511a18884ae82d9c1adcf"`);
    await queryRunner.query(`ALTER TABLE "bid_compliance" RENAME TO "temporary_bid_compliance"`);
    await queryRunner.query(
      `CREATE TABLE "bid_compliance" ("id" varchar(36) PRIMARY KEY NOT NULL, "bidId" varchar(36) NOT NULL, "criterionId" varchar(36) NOT NULL, "passed" boolean NOT NULL, "note" text NOT NULL, "recordedById" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL, CONSTRAINT "FK_b68bf0e553c895575472d6cc0fe" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_10bb885369a5f9f55eccfcb8c5e" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "bid_compliance"("id", "bidId", "criterionId", "passed", "note", "recordedById", "recordedAt") SELECT "id", "bidId", "criterionId", "passed", "note", "recordedById", "recordedAt" FROM "temporary_bid_compliance"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_bid_compliance"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b85c6511a18884ae82d9c1adcf" ON "bid_compliance" ("bidId", "criterionId")`);
    await queryRunner.query(`DROP INDEX "IDX_566bd7f8ec973a13cac58116bd"`);
    await queryRunner.query(`DROP INDEX "IDX_bddf4fab81b18a679c482a235e"`);
    await queryRunner.query(`ALTER TABLE "moderated_scores" RENAME TO "temporary_moderated_scores"`);
    await queryRunner.query(
      `CREATE TABLE "moderated_scores" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "criterionId" varchar(36) NOT NULL, "version" integer NOT NULL, "score" integer NOT NULL, "rationale" text NOT NULL, "moderatedById" varchar(36) NOT NULL, "moderatedAt" datetime NOT NULL, CONSTRAINT "FK_3754faf20ac11540adf795d6b70" FOREIGN KEY ("moderatedById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_85cdd2726b8aeb81bb125f0adec" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0e8ebf63d0109fe8b4d147e645b" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_566bd7f8ec973a13cac58116bdc" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "moderated_scores"("id", "tenderId", "bidId", "criterionId", "version", "score", "rationale", "moderatedById", "moderatedAt") SELECT "id", "tenderId", "bidId", "criterionId", "version", "score", "rationale", "moderatedById", "moderatedAt" FROM "temporary_moderated_scores"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_moderated_scores"`);
    await queryRunner.query(`CREATE INDEX "IDX_566bd7f8ec973a13cac58116bd" ON "moderated_scores" ("tenderId")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bddf4fab81b18a679c482a235e" ON "moderated_scores" ("bidId", "criterionId", "version")`,
    );
    await queryRunner.query(`DROP INDEX "IDX_b49aefaca362fbebed23cd7b6f"`);
    await queryRunner.query(`DROP INDEX "IDX_6e4846b6a343cbffb906536c3f"`);
    await queryRunner.query(`ALTER TABLE "individual_scores" RENAME TO "temporary_individual_scores"`);
    await queryRunner.query(
      `CREATE TABLE "individual_scores" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidId" varchar(36) NOT NULL, "criterionId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "score" integer NOT NULL, "rationale" text NOT NULL, "status" varchar(10) NOT NULL, "savedAt" datetime NOT NULL, "submittedAt" datetime, CONSTRAINT "FK_bb2e70db54d9d18b3350a046e3b" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_13240bd264fd581d0a37d10d874" FOREIGN KEY ("criterionId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_6a20b6d6745bcb6310c8539b8b0" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a58e76ef9895cac67805ffbfca3" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "individual_scores"("id", "tenderId", "bidId", "criterionId", "panelMemberId", "score", "rationale", "status", "savedAt", "submittedAt") SELECT "id", "tenderId", "bidId", "criterionId", "panelMemberId", "score", "rationale", "status", "savedAt", "submittedAt" FROM "temporary_individual_scores"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_individual_scores"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_b49aefaca362fbebed23cd7b6f" ON "individual_scores" ("tenderId", "bidId", "criterionId")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6e4846b6a343cbffb906536c3f" ON "individual_scores" ("panelMemberId", "bidId", "criterionId")`,
    );
    await queryRunner.query(`DROP INDEX "IDX_591f345c00b9905318c6230d9e"`);
    await queryRunner.query(`ALTER TABLE "criteria" RENAME TO "temporary_criteria"`);
    await queryRunner.query(
      `CREATE TABLE "criteria" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "parentId" varchar(36), "code" varchar(30) NOT NULL, "title" varchar(300) NOT NULL, "kind" varchar(12) NOT NULL, "category" varchar(30), "weightHundredths" integer NOT NULL, "thresholdHundredths" integer, "scoredBy" text NOT NULL, "groupWeights" text, "maxWords" integer, "guidance" text, "plainGuidance" text, "order" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_9716fbcdc54ccf4134a0ef2d4ec" FOREIGN KEY ("parentId") REFERENCES "criteria" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_4ac62f8bbdd53505f3a544c7952" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "criteria"("id", "tenderId", "parentId", "code", "title", "kind", "category", "weightHundredths", "thresholdHundredths", "scoredBy", "groupWeights", "maxWords", "guidance", "plainGuidance", "order") SELECT "id", "tenderId", "parentId", "code", "title", "kind", "category", "weightHundredths", "thresholdHundredths", "scoredBy", "groupWeights", "maxWords", "guidance", "plainGuidance", "order" FROM "temporary_criteria"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_criteria"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_591f345c00b9905318c6230d9e" ON "criteria" ("tenderId", "code")`);
    await queryRunner.query(`DROP INDEX "IDX_ede78bc02150ed7cf6405e1b52"`);
    await queryRunner.query(`ALTER TABLE "bids" RENAME TO "temporary_bids"`);
    await queryRunner.query(
      `CREATE TABLE "bids" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "bidderUserId" varchar(36), "organisationId" varchar(36), "bidderName" varchar(200) NOT NULL, "organisationType" varchar(10), "paper" boolean NOT NULL, "enteredById" varchar(36) NOT NULL, "activeKey" varchar(240), "status" varchar(16) NOT NULL, "submittedAt" datetime, "submittedVersionId" varchar(36), "draftVersionId" varchar(36), "withdrawnAt" datetime, "disqualifiedAt" datetime, "disqualifiedById" varchar(36), "disqualificationReason" text, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, CONSTRAINT "FK_55a006330ad486862db584c269f" FOREIGN KEY ("draftVersionId") REFERENCES "bid_versions" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_f69a33e26c91609475b2d85e05f" FOREIGN KEY ("submittedVersionId") REFERENCES "bid_versions" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_396dca104fd245383dfdf02b51d" FOREIGN KEY ("enteredById") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_ab9aa222c03af798ce7a9b3f7a3" FOREIGN KEY ("organisationId") REFERENCES "organisations" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_b59aba54ebc75f10054671650d2" FOREIGN KEY ("bidderUserId") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_22494fc685116a2c5addd8d9e73" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "bids"("id", "tenderId", "bidderUserId", "organisationId", "bidderName", "organisationType", "paper", "enteredById", "activeKey", "status", "submittedAt", "submittedVersionId", "draftVersionId", "withdrawnAt", "disqualifiedAt", "disqualifiedById", "disqualificationReason", "createdAt", "updatedAt") SELECT "id", "tenderId", "bidderUserId", "organisationId", "bidderName", "organisationType", "paper", "enteredById", "activeKey", "status", "submittedAt", "submittedVersionId", "draftVersionId", "withdrawnAt", "disqualifiedAt", "disqualifiedById", "disqualificationReason", "createdAt", "updatedAt" FROM "temporary_bids"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_bids"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ede78bc02150ed7cf6405e1b52" ON "bids" ("tenderId", "activeKey")`);
    await queryRunner.query(`DROP INDEX "IDX_2761e1d7f6aed4e2675cc31026"`);
    await queryRunner.query(`ALTER TABLE "bid_versions" RENAME TO "temporary_bid_versions"`);
    await queryRunner.query(
      `CREATE TABLE "bid_versions" ("id" varchar(36) PRIMARY KEY NOT NULL, "bidId" varchar(36) NOT NULL, "number" integer NOT NULL, "status" varchar(12) NOT NULL, "bidderName" varchar(200) NOT NULL, "organisationType" varchar(10), "consortium" text NOT NULL, "pricePence" bigint NOT NULL, "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "submittedAt" datetime, "submittedById" varchar(36), CONSTRAINT "FK_b0d0b39d750f59a17f2e8f59223" FOREIGN KEY ("bidId") REFERENCES "bids" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "bid_versions"("id", "bidId", "number", "status", "bidderName", "organisationType", "consortium", "pricePence", "createdById", "createdAt", "updatedAt", "submittedAt", "submittedById") SELECT "id", "bidId", "number", "status", "bidderName", "organisationType", "consortium", "pricePence", "createdById", "createdAt", "updatedAt", "submittedAt", "submittedById" FROM "temporary_bid_versions"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_bid_versions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2761e1d7f6aed4e2675cc31026" ON "bid_versions" ("bidId", "number")`);
    await queryRunner.query(`DROP INDEX "IDX_9dab5e0f66bee407de34bb92dd"`);
    await queryRunner.query(`ALTER TABLE "tenders" RENAME TO "temporary_tenders"`);
    await queryRunner.query(
      `CREATE TABLE "tenders" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(100) NOT NULL, "title" varchar(300) NOT NULL, "description" text NOT NULL DEFAULT (''), "status" varchar(20) NOT NULL, "bidDeadline" datetime NOT NULL, "templateKey" varchar(100), "ownerId" varchar(36) NOT NULL, "scaleMin" integer NOT NULL, "scaleMax" integer NOT NULL, "scaleLabels" text NOT NULL, "aggregation" varchar(10) NOT NULL, "moderationRequired" boolean NOT NULL, "priceFormula" varchar(20) NOT NULL, "tieBreak" varchar(10) NOT NULL, "divergenceThresholdHundredths" integer NOT NULL, "minScorers" integer NOT NULL, "abnormallyLowRatioHundredths" integer NOT NULL, "priceVisibleToPanel" boolean NOT NULL, "blindMarking" boolean NOT NULL, "equalRepresentation" boolean NOT NULL, "cancellationReason" text, "publishedAt" datetime, "closedAt" datetime, "moderationStartedAt" datetime, "awardedBidId" varchar(36), "awardedAt" datetime, "cancelledAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "tenders"("id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version") SELECT "id", "reference", "title", "description", "status", "bidDeadline", "templateKey", "ownerId", "scaleMin", "scaleMax", "scaleLabels", "aggregation", "moderationRequired", "priceFormula", "tieBreak", "divergenceThresholdHundredths", "minScorers", "abnormallyLowRatioHundredths", "priceVisibleToPanel", "blindMarking", "equalRepresentation", "cancellationReason", "publishedAt", "closedAt", "moderationStartedAt", "awardedBidId", "awardedAt", "cancelledAt", "createdAt", "updatedAt", "version" FROM "temporary_tenders"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_tenders"`);
    await queryRunner.query(`CREATE INDEX "IDX_9dab5e0f66bee407de34bb92dd" ON "tenders" ("reference")`);
  }
}
