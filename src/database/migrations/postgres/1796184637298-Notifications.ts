import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796184637298 implements MigrationInterface {
  name = 'Notifications1796184637298';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "messages" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "kind" character varying(40) NOT NULL,
                "recipientId" character varying(36),
                "recipient" character varying(254) NOT NULL,
                "subject" character varying(300) NOT NULL,
                "body" text NOT NULL,
                "secret" boolean NOT NULL DEFAULT false,
                "status" character varying(20) NOT NULL,
                "attempts" integer NOT NULL DEFAULT '0',
                "lastError" character varying(500),
                "nextAttemptAt" TIMESTAMP,
                "sentAt" TIMESTAMP,
                "createdAt" TIMESTAMP NOT NULL,
                "dedupeKey" character varying(200),
                CONSTRAINT "CHK_0421185bc345259f90247c5e14" CHECK ("attempts" >= 0),
                CONSTRAINT "CHK_1966853cf06877b054923654ab" CHECK (
                    "status" IN (
                        'queued',
                        'sent',
                        'failed',
                        'suppressed',
                        'logged'
                    )
                ),
                CONSTRAINT "CHK_bb396722a65990963b517d85e3" CHECK (
                    "kind" IN (
                        'panel_invitation',
                        'scoring_reminder',
                        'unscored_bids',
                        'all_scores_in',
                        'clarification_published',
                        'assessment_summaries_sent'
                    )
                ),
                CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_da15fdfd8d06e1c9036ab925c3" ON "messages" ("dedupeKey")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_a013621dd952f2afc0bd239214" ON "messages" ("tenderId", "createdAt")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5c5ff3225fb72cebbe10693bc6" ON "messages" ("status", "nextAttemptAt")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_settings" (
                "tenderId" character varying(36) NOT NULL,
                "reminderDaysBefore" text NOT NULL,
                CONSTRAINT "PK_9f4029e41cc3331b52256c9f656" PRIMARY KEY ("tenderId")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "FK_5d77bc5dd7981f3acbc2b2dba81" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_settings"
            ADD CONSTRAINT "FK_9f4029e41cc3331b52256c9f656" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_settings" DROP CONSTRAINT "FK_9f4029e41cc3331b52256c9f656"
        `);
    await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "FK_5d77bc5dd7981f3acbc2b2dba81"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5c5ff3225fb72cebbe10693bc6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_a013621dd952f2afc0bd239214"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_da15fdfd8d06e1c9036ab925c3"
        `);
    await queryRunner.query(`
            DROP TABLE "messages"
        `);
  }
}
