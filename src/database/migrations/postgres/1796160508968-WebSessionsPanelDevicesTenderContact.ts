import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebSessionsPanelDevicesTenderContact1796160508968 implements MigrationInterface {
  name = 'WebSessionsPanelDevicesTenderContact1796160508968';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "web_sessions" (
                "id" character varying(36) NOT NULL,
                "tokenHash" character varying(64) NOT NULL,
                "userId" character varying(36),
                "seatTenderId" character varying(36),
                "seatPanelMemberId" character varying(36),
                "csrfToken" character varying(64) NOT NULL,
                "createdAt" TIMESTAMP NOT NULL,
                "lastSeenAt" TIMESTAMP NOT NULL,
                CONSTRAINT "PK_3ae6bbf6cb5ac95b7f617d395d3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b8b168fe5cfec24c4fd2cfde99" ON "web_sessions" ("tokenHash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9210b0bdcc13ed927396f15af9" ON "web_sessions" ("userId")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_516e91d554f2095fc6a586de96" ON "web_sessions" ("lastSeenAt")
        `);
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
            ALTER TABLE "tenders"
            ADD "contactName" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD "contactEmail" character varying(254)
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders"
            ADD "contactPhone" character varying(40)
        `);
    await queryRunner.query(`
            ALTER TABLE "web_sessions"
            ADD CONSTRAINT "FK_9210b0bdcc13ed927396f15af96" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "web_sessions"
            ADD CONSTRAINT "FK_6f178a63ea50a39df3d9682f43f" FOREIGN KEY ("seatPanelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
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
            ALTER TABLE "web_sessions" DROP CONSTRAINT "FK_6f178a63ea50a39df3d9682f43f"
        `);
    await queryRunner.query(`
            ALTER TABLE "web_sessions" DROP CONSTRAINT "FK_9210b0bdcc13ed927396f15af96"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "contactPhone"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "contactEmail"
        `);
    await queryRunner.query(`
            ALTER TABLE "tenders" DROP COLUMN "contactName"
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
    await queryRunner.query(`
            DROP INDEX "public"."IDX_516e91d554f2095fc6a586de96"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9210b0bdcc13ed927396f15af9"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b8b168fe5cfec24c4fd2cfde99"
        `);
    await queryRunner.query(`
            DROP TABLE "web_sessions"
        `);
  }
}
