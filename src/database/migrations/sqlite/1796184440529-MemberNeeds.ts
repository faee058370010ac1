import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberNeeds1796184440529 implements MigrationInterface {
  name = 'MemberNeeds1796184440529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_needs" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "formats" text, "language" varchar(100), "contactMethods" text, "supportName" varchar(200), "supportRelationship" varchar(100), "supportContact" varchar(254), "meetingNeeds" text, "consentGiven" boolean NOT NULL, "consentRecordedById" varchar(36) NOT NULL, "consentRecordedAt" datetime NOT NULL, "updatedById" varchar(36) NOT NULL, "updatedAt" datetime NOT NULL, "deletedAt" datetime, "deletedById" varchar(36), "deletionRequestedBy" varchar(20), CONSTRAINT "CHK_dd716533e78d0ab2262a7c684c" CHECK ("deletionRequestedBy" IN ('member', 'support_person')), CONSTRAINT "CHK_e6f9953109fa92d2803f50e389" CHECK ("consentGiven" IN (true, false) AND "consentGiven" = true))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_88e6bcee7e64e6e1cddda21b83" ON "member_needs" ("tenderId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_992e494900e18738cc1636ee3f" ON "member_needs" ("panelMemberId") `);
    await queryRunner.query(`DROP INDEX "IDX_88e6bcee7e64e6e1cddda21b83"`);
    await queryRunner.query(`DROP INDEX "IDX_992e494900e18738cc1636ee3f"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_member_needs" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "formats" text, "language" varchar(100), "contactMethods" text, "supportName" varchar(200), "supportRelationship" varchar(100), "supportContact" varchar(254), "meetingNeeds" text, "consentGiven" boolean NOT NULL, "consentRecordedById" varchar(36) NOT NULL, "consentRecordedAt" datetime NOT NULL, "updatedById" varchar(36) NOT NULL, "updatedAt" datetime NOT NULL, "deletedAt" datetime, "deletedById" varchar(36), "deletionRequestedBy" varchar(20), CONSTRAINT "CHK_dd716533e78d0ab2262a7c684c" CHECK ("deletionRequestedBy" IN ('member', 'support_person')), CONSTRAINT "CHK_e6f9953109fa92d2803f50e389" CHECK ("consentGiven" IN (true, false) AND "consentGiven" = true), CONSTRAINT "FK_88e6bcee7e64e6e1cddda21b83b" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_992e494900e18738cc1636ee3f4" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_member_needs"("id", "tenderId", "panelMemberId", "formats", "language", "contactMethods", "supportName", "supportRelationship", "supportContact", "meetingNeeds", "consentGiven", "consentRecordedById", "consentRecordedAt", "updatedById", "updatedAt", "deletedAt", "deletedById", "deletionRequestedBy") SELECT "id", "tenderId", "panelMemberId", "formats", "language", "contactMethods", "supportName", "supportRelationship", "supportContact", "meetingNeeds", "consentGiven", "consentRecordedById", "consentRecordedAt", "updatedById", "updatedAt", "deletedAt", "deletedById", "deletionRequestedBy" FROM "member_needs"`,
    );
    await queryRunner.query(`DROP TABLE "member_needs"`);
    await queryRunner.query(`ALTER TABLE "temporary_member_needs" RENAME TO "member_needs"`);
    await queryRunner.query(`CREATE INDEX "IDX_88e6bcee7e64e6e1cddda21b83" ON "member_needs" ("tenderId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_992e494900e18738cc1636ee3f" ON "member_needs" ("panelMemberId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_992e494900e18738cc1636ee3f"`);
    await queryRunner.query(`DROP INDEX "IDX_88e6bcee7e64e6e1cddda21b83"`);
    await queryRunner.query(`ALTER TABLE "member_needs" RENAME TO "temporary_member_needs"`);
    await queryRunner.query(
      `CREATE TABLE "member_needs" ("id" varchar(36) PRIMARY KEY NOT NULL, "tenderId" varchar(36) NOT NULL, "panelMemberId" varchar(36) NOT NULL, "formats" text, "language" varchar(100), "contactMethods" text, "supportName" varchar(200), "supportRelationship" varchar(100), "supportContact" varchar(254), "meetingNeeds" text, "consentGiven" boolean NOT NULL, "consentRecordedById" varchar(36) NOT NULL, "consentRecordedAt" datetime NOT NULL, "updatedById" varchar(36) NOT NULL, "updatedAt" datetime NOT NULL, "deletedAt" datetime, "deletedById" varchar(36), "deletionRequestedBy" varchar(20), CONSTRAINT "CHK_dd716533e78d0ab2262a7c684c" CHECK ("deletionRequestedBy" IN ('member', 'support_person')), CONSTRAINT "CHK_e6f9953109fa92d2803f50e389" CHECK ("consentGiven" IN (true, false) AND "consentGiven" = true))`,
    );
    await queryRunner.query(
      `INSERT INTO "member_needs"("id", "tenderId", "panelMemberId", "formats", "language", "contactMethods", "supportName", "supportRelationship", "supportContact", "meetingNeeds", "consentGiven", "consentRecordedById", "consentRecordedAt", "updatedById", "updatedAt", "deletedAt", "deletedById", "deletionRequestedBy") SELECT "id", "tenderId", "panelMemberId", "formats", "language", "contactMethods", "supportName", "supportRelationship", "supportContact", "meetingNeeds", "consentGiven", "consentRecordedById", "consentRecordedAt", "updatedById", "updatedAt", "deletedAt", "deletedById", "deletionRequestedBy" FROM "temporary_member_needs"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_member_needs"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_992e494900e18738cc1636ee3f" ON "member_needs" ("panelMemberId") `);
    await queryRunner.query(`CREATE INDEX "IDX_88e6bcee7e64e6e1cddda21b83" ON "member_needs" ("tenderId") `);
    await queryRunner.query(`DROP INDEX "IDX_992e494900e18738cc1636ee3f"`);
    await queryRunner.query(`DROP INDEX "IDX_88e6bcee7e64e6e1cddda21b83"`);
    await queryRunner.query(`DROP TABLE "member_needs"`);
  }
}
