import type { DataSource, Logger } from 'typeorm';

/**
 * Runs `work`, counting the SQL statements the data source issues meanwhile (through
 * TypeORM's logger, BEGIN and COMMIT included). The cost of a request is mostly per
 * statement, so tests and benchmarks pin it with this count.
 */
export async function countStatements<T>(
  dataSource: DataSource,
  work: () => PromiseLike<T>,
): Promise<{ value: T; statements: number }> {
  const logger = dataSource.logger;
  let statements = 0;
  const counting: Logger = {
    logQuery: () => void (statements += 1),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.assign(dataSource, { logger: counting });
  try {
    return { value: await work(), statements };
  } finally {
    Object.assign(dataSource, { logger });
  }
}
