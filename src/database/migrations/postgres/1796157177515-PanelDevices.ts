import { MigrationInterface, QueryRunner } from 'typeorm';

export class PanelDevices1796157177515 implements MigrationInterface {
  name = 'PanelDevices1796157177515';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "panel_devices" (
                "id" character varying(36) NOT NULL,
                "tokenHash" character varying(64) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "panelMemberId" character varying(36) NOT NULL,
                "createdAt" TIMESTAMP NOT NULL,
                "lastUsedAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_77629880aeef05cbd5ca9e41223" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f72f440e1d1405ccaa463c7227" ON "panel_devices" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e2cfa686c812a72c0b795815f7" ON "panel_devices" ("panelMemberId")
        `);
    await queryRunner.query(`
            ALTER TABLE "panel_devices"
            ADD CONSTRAINT "FK_e2cfa686c812a72c0b795815f71" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "panel_devices" DROP CONSTRAINT "FK_e2cfa686c812a72c0b795815f71"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e2cfa686c812a72c0b795815f7"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f72f440e1d1405ccaa463c7227"
        `);
    await queryRunner.query(`
            DROP TABLE "panel_devices"
        `);
  }
}
