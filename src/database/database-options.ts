import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';

import type { DatabaseTarget } from '../config/app-config';

/**
 * Every SQLite connection renames tables the legacy way. TypeORM's SQLite migrations rebuild
 * a table to change it (create `temporary_x`, copy, drop `x`, rename `temporary_x` to `x`);
 * modern SQLite re-parses every trigger during that rename and fails when one refers to the
 * table just dropped (the score triggers read `tenders`: "error in trigger …: no such table").
 * With `legacy_alter_table` the rename leaves other objects' SQL alone, which is what the
 * rebuild wants: they keep naming `x`, which exists again once the rename is done. The service
 * itself never renames tables.
 */
class SqliteDatabase extends sqlite3.Database {
  constructor(...args: ConstructorParameters<typeof sqlite3.Database>) {
    super(...args);
    this.run('PRAGMA legacy_alter_table = ON'); // queued by sqlite3 until the file is open
  }
}

/**
 * TypeORM switches sqlite3 into verbose mode, which captures a stack trace on every
 * statement; hand it the module with `verbose()` as a no-op so that cost is not paid on
 * every query of every request.
 */
const quietSqlite3: typeof sqlite3 = Object.create(sqlite3, {
  verbose: { value: () => quietSqlite3 },
  Database: { value: SqliteDatabase },
}) as typeof sqlite3;

/**
 * One options builder for the app, the tests and the TypeORM CLI. Entities are found by
 * file name so each feature folder owns its own; migrations are per driver because
 * their SQL differs (see docs/DESIGN.md).
 */
export function buildDataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const entities = [join(__dirname, '..', '**', '*.entity.{ts,js}')];
  if (target.type === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true, mode: 0o700 });
    return {
      type: 'sqlite',
      driver: quietSqlite3,
      database: target.path,
      entities,
      migrations: [join(__dirname, 'migrations', 'sqlite', '*.{ts,js}')],
      migrationsRun: false,
      synchronize: false,
      enableWAL: target.path !== ':memory:',
      busyTimeout: 10_000,
    };
  }
  return {
    type: 'postgres',
    url: target.url,
    entities,
    migrations: [join(__dirname, 'migrations', 'postgres', '*.{ts,js}')],
    migrationsRun: false,
    synchronize: false,
    extra: { max: 20 },
  };
}
