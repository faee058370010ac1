import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['individual_scores', 'moderated_scores'];

/**
 * A score lies on its tender's own scale. The CHECK constraints (AddChecks) hold every score
 * within the widest scale a tender may have (0–100); a CHECK cannot read another table, so
 * these triggers hold it to the tender's scale (a 99 on a 0–5 tender is refused). Written
 * by hand: TypeORM does not model triggers. SQLite drops them with their table: a migration
 * that rebuilds a score table must create them again (test/foundation/constraints.e2e-spec.ts
 * fails otherwise).
 */
export class ScoresWithinScale1796156200000 implements MigrationInterface {
  name = 'ScoresWithinScale1796156200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const [event, suffix] of [
        ['INSERT', 'insert'],
        ['UPDATE OF "score", "tenderId"', 'update'],
      ]) {
        await queryRunner.query(`
          CREATE TRIGGER "${table}_within_scale_${suffix}" BEFORE ${event} ON "${table}"
          WHEN NOT EXISTS (SELECT 1 FROM "tenders" WHERE "id" = NEW."tenderId" AND NEW."score" BETWEEN "scaleMin" AND "scaleMax")
          BEGIN SELECT RAISE(ABORT, 'a score must lie on its tender''s scale'); END
        `);
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_within_scale_insert"`);
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_within_scale_update"`);
    }
  }
}
