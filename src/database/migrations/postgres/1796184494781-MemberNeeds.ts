import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberNeeds1796184494781 implements MigrationInterface {
  name = 'MemberNeeds1796184494781';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "member_needs" (
                "id" character varying(36) NOT NULL,
                "tenderId" character varying(36) NOT NULL,
                "panelMemberId" character varying(36) NOT NULL,
                "formats" text,
                "language" character varying(100),
                "contactMethods" text,
                "supportName" character varying(200),
                "supportRelationship" character varying(100),
                "supportContact" character varying(254),
                "meetingNeeds" text,
                "consentGiven" boolean NOT NULL,
                "consentRecordedById" character varying(36) NOT NULL,
                "consentRecordedAt" TIMESTAMP NOT NULL,
                "updatedById" character varying(36) NOT NULL,
                "updatedAt" TIMESTAMP NOT NULL,
                "deletedAt" TIMESTAMP,
                "deletedById" character varying(36),
                "deletionRequestedBy" character varying(20),
                CONSTRAINT "CHK_dd716533e78d0ab2262a7c684c" CHECK (
                    "deletionRequestedBy" IN ('member', 'support_person')
                ),
                CONSTRAINT "CHK_e6f9953109fa92d2803f50e389" CHECK (
                    "consentGiven" IN (true, false)
                    AND "consentGiven" = true
                ),
                CONSTRAINT "PK_dc6418e635302d6f17984762555" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_88e6bcee7e64e6e1cddda21b83" ON "member_needs" ("tenderId")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_992e494900e18738cc1636ee3f" ON "member_needs" ("panelMemberId")
        `);
    await queryRunner.query(`
            ALTER TABLE "member_needs"
            ADD CONSTRAINT "FK_88e6bcee7e64e6e1cddda21b83b" FOREIGN KEY ("tenderId") REFERENCES "tenders"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "member_needs"
            ADD CONSTRAINT "FK_992e494900e18738cc1636ee3f4" FOREIGN KEY ("panelMemberId") REFERENCES "panel_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "member_needs" DROP CONSTRAINT "FK_992e494900e18738cc1636ee3f4"
        `);
    await queryRunner.query(`
            ALTER TABLE "member_needs" DROP CONSTRAINT "FK_88e6bcee7e64e6e1cddda21b83b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_992e494900e18738cc1636ee3f"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_88e6bcee7e64e6e1cddda21b83"
        `);
    await queryRunner.query(`
            DROP TABLE "member_needs"
        `);
  }
}
