import type { DataSource } from 'typeorm';

/**
 * Any fixed number: the key of the PostgreSQL advisory lock that instances starting together
 * take around migrations ("TSMG" in ASCII).
 */
export const MIGRATION_LOCK_KEY = 0x54534d47;

/**
 * Applies pending migrations. On PostgreSQL several instances may start at once against one
 * database (a rolling deploy, a scaled-out hub); TypeORM's migration runner takes no lock, so
 * two of them would both try to create the same tables and one would fail its start. Each
 * instance first takes a session-level advisory lock on a connection of its own: the first
 * applies the migrations, the others wait, then find nothing pending. SQLite is one process.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'all' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
