import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['individual_scores', 'moderated_scores'];

/**
 * A score lies on its tender's own scale. The CHECK constraints (AddChecks) hold every score
 * within the widest scale a tender may have (0–100); a CHECK cannot read another table, so
 * this trigger holds it to the tender's scale (a 99 on a 0–5 tender is refused). Written by
 * hand: TypeORM does not model triggers.
 */
export class ScoresWithinScale1796156200000 implements MigrationInterface {
  name = 'ScoresWithinScale1796156200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "score_within_scale"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM "tenders" WHERE "id" = NEW."tenderId" AND NEW."score" BETWEEN "scaleMin" AND "scaleMax") THEN
          RAISE EXCEPTION 'a score must lie on its tender''s scale (% in %)', NEW."score", TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END
      $$
    `);
    for (const table of TABLES) {
      await queryRunner.query(`
        CREATE TRIGGER "${table}_within_scale" BEFORE INSERT OR UPDATE OF "score", "tenderId" ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "score_within_scale"()
      `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_within_scale" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "score_within_scale"()`);
  }
}
