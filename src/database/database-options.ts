import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';

import type { DatabaseTarget } from '../config/app-config';

/**
 * TypeORM switches sqlite3 into verbose mode, which captures a stack trace on every
 * statement; hand it the module with `verbose()` as a no-op so that cost is not paid on
 * every query of every request.
 */
const quietSqlite3 = Object.create(sqlite3, { verbose: { value: () => sqlite3 } }) as typeof sqlite3;

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
