import { MigrationInterface, QueryRunner } from 'typeorm';

export class Standstill1796173389434 implements MigrationInterface {
  name = 'Standstill1796173389434';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "standstills" (
                "tenderId" character varying(36) NOT NULL,
                "nation" character varying(24) NOT NULL DEFAULT 'england-and-wales',
                "kind" character varying(16) NOT NULL DEFAULT 'mandatory',
                "noticePublishedAt" TIMESTAMP,
                "endsAt" TIMESTAMP,
                "contractEnteredAt" TIMESTAMP,
                "terminationNoticePublishedAt" TIMESTAMP,
                CONSTRAINT "CHK_ea843bb6556b7d9ca9c04a9828" CHECK ("kind" IN ('mandatory', 'voluntary', 'none')),
                CONSTRAINT "CHK_e0fb4cb79bbe69a98c547f8bf1" CHECK (
                    "nation" IN (
                        'england-and-wales',
                        'scotland',
                        'northern-ireland'
                    )
                ),
                CONSTRAINT "PK_e7238b6cd2098a77d4ca4fa7db7" PRIMARY KEY ("tenderId")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "standstill_challenges" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "receivedAt" TIMESTAMP NOT NULL,
                "summary" text NOT NULL,
                "recordedBy" character varying(36) NOT NULL,
                "liftedAt" TIMESTAMP,
                "liftedReason" text,
                CONSTRAINT "PK_8bbba7c3de530b4176789a70e25" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_b4b8a4a0947e7b3f376c533510" ON "standstill_challenges" ("tenderId", "receivedAt")
        `);
    await queryRunner.query(`
            ALTER TABLE "standstills"
            ADD CONSTRAINT "FK_e7238b6cd2098a77d4ca4fa7db7" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "standstill_challenges"
            ADD CONSTRAINT "FK_4f3a6b70b44adb6283f36440c32" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "standstill_challenges" DROP CONSTRAINT "FK_4f3a6b70b44adb6283f36440c32"
        `);
    await queryRunner.query(`
            ALTER TABLE "standstills" DROP CONSTRAINT "FK_e7238b6cd2098a77d4ca4fa7db7"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_b4b8a4a0947e7b3f376c533510"
        `);
    await queryRunner.query(`
            DROP TABLE "standstill_challenges"
        `);
    await queryRunner.query(`
            DROP TABLE "standstills"
        `);
  }
}
