import { MigrationInterface, QueryRunner } from 'typeorm';

export class PanelDevices1796157118374 implements MigrationInterface {
  name = 'PanelDevices1796157118374';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "panel_devices" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL,
                "lastUsedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f72f440e1d1405ccaa463c7227" ON "panel_devices" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e2cfa686c812a72c0b795815f7" ON "panel_devices" ("panelMemberId")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f72f440e1d1405ccaa463c7227"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_e2cfa686c812a72c0b795815f7"
        `);
    await queryRunner.query(`
            CREATE TABLE "temporary_panel_devices" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL,
                "lastUsedAt" datetime NOT NULL,
                CONSTRAINT "FK_e2cfa686c812a72c0b795815f71" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
            )
        `);
    await queryRunner.query(`
            INSERT INTO "temporary_panel_devices"(
                    "id",
                    "tokenHash",
                    "tenderId",
                    "panelMemberId",
                    "createdAt",
                    "lastUsedAt"
                )
            SELECT "id",
                "tokenHash",
                "tenderId",
                "panelMemberId",
                "createdAt",
                "lastUsedAt"
            FROM "panel_devices"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_devices"
        `);
    await queryRunner.query(`
            ALTER TABLE "temporary_panel_devices"
                RENAME TO "panel_devices"
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f72f440e1d1405ccaa463c7227" ON "panel_devices" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e2cfa686c812a72c0b795815f7" ON "panel_devices" ("panelMemberId")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "IDX_e2cfa686c812a72c0b795815f7"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f72f440e1d1405ccaa463c7227"
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_devices"
                RENAME TO "temporary_panel_devices"
        `);
    await queryRunner.query(`
            CREATE TABLE "panel_devices" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "tokenHash" varchar(64) NOT NULL,
                "tenderId" varchar(36) NOT NULL,
                "panelMemberId" varchar(36) NOT NULL,
                "createdAt" datetime NOT NULL,
                "lastUsedAt" datetime NOT NULL
            )
        `);
    await queryRunner.query(`
            INSERT INTO "panel_devices"(
                    "id",
                    "tokenHash",
                    "tenderId",
                    "panelMemberId",
                    "createdAt",
                    "lastUsedAt"
                )
            SELECT "id",
                "tokenHash",
                "tenderId",
                "panelMemberId",
                "createdAt",
                "lastUsedAt"
            FROM "temporary_panel_devices"
        `);
    await queryRunner.query(`
            DROP TABLE "temporary_panel_devices"
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e2cfa686c812a72c0b795815f7" ON "panel_devices" ("panelMemberId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f72f440e1d1405ccaa463c7227" ON "panel_devices" ("tokenHash")
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_e2cfa686c812a72c0b795815f7"
        `);
    await queryRunner.query(`
            DROP INDEX "IDX_f72f440e1d1405ccaa463c7227"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_devices"
        `);
  }
}
