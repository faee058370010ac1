import { MigrationInterface, QueryRunner } from 'typeorm';

export class PanelSeatContactAndInvitationCode1796156434898 implements MigrationInterface {
  name = 'PanelSeatContactAndInvitationCode1796156434898';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
            CREATE TABLE "temporary_panel_members" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "group" varchar(20) NOT NULL,
                "roleLabel" varchar(100),
                "joinOrder" integer NOT NULL,
                "joinedAt" datetime NOT NULL,
                "addedById" varchar(36) NOT NULL,
                "contactName" varchar(200),
                "contactEmail" varchar(254),
                "acceptedAt" datetime,
                CONSTRAINT "FK_de0cd82a918c2902d266e930e92" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_52d7adcbd5576937ae2639d0727" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
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
            CREATE UNIQUE INDEX "IDX_5951f1d7d44621896c244141ed" ON "panel_members" ("tenderId", "userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_980c49522e06681090ff6aec19" ON "panel_members" ("tenderId", "joinOrder")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_de0cd82a918c2902d266e930e9" ON "panel_members" ("userId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f5a9d97353249dc32b34351740"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_eef1859ccc5b678ed83b86e007"
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
                "codeHash" varchar(64),
                CONSTRAINT "FK_30d3b6a88c596ad034a46ce180e" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_4581b4e34c54360c79d3c610a25" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
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
            CREATE INDEX "IDX_f5a9d97353249dc32b34351740" ON "panel_invitations" ("panelMemberId", "issuedAt")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_eef1859ccc5b678ed83b86e007" ON "panel_invitations" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5e427697035db927b11a7c7ec7" ON "panel_invitations" ("codeHash")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_5e427697035db927b11a7c7ec7"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_eef1859ccc5b678ed83b86e007"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f5a9d97353249dc32b34351740"
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
                "revokedAt" datetime,
                CONSTRAINT "FK_30d3b6a88c596ad034a46ce180e" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                CONSTRAINT "FK_4581b4e34c54360c79d3c610a25" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
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
            CREATE UNIQUE INDEX "IDX_eef1859ccc5b678ed83b86e007" ON "panel_invitations" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f5a9d97353249dc32b34351740" ON "panel_invitations" ("panelMemberId", "issuedAt")
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
                "addedById" varchar(36) NOT NULL,
                CONSTRAINT "FK_de0cd82a918c2902d266e930e92" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
                CONSTRAINT "FK_52d7adcbd5576937ae2639d0727" FOREIGN KEY ("tenderId") REFERENCES "tenders" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
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
            CREATE INDEX "IDX_de0cd82a918c2902d266e930e9" ON "panel_members" ("userId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_980c49522e06681090ff6aec19" ON "panel_members" ("tenderId", "joinOrder")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_5951f1d7d44621896c244141ed" ON "panel_members" ("tenderId", "userId")
        `);
  }
}
