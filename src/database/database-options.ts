import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseTarget } from '../config/app-config';

/**
 * One options builder for the app, the tests and the TypeORM CLI. Entities are found by
 * file name so each feature folder owns its own; migrations are per driver because
 * their SQL differs (see docs/DESIGN.md).
 */
export function buildDataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const entities = [join(__dirname, '..', '**', '*.entity.{ts,js}')];
  if (target.type === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    return {
      type: 'sqlite',
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
