import type { DataSource, Logger } from 'typeorm';

/**
 * Runs `work`, counting the SQL statements the data source issues meanwhile (through
 * TypeORM's logger, BEGIN and COMMIT included; `sql` is their text, in order). The cost of a
 * request is mostly per statement, so tests and benchmarks pin it with this count.
 */
export async function countStatements<T>(
  dataSource: DataSource,
  work: () => PromiseLike<T>,
): Promise<{ value: T; statements: number; sql: string[] }> {
  const logger = dataSource.logger;
  let statements = 0;
  const sql: string[] = [];
  const counting: Logger = {
    logQuery: (query: string) => {
      statements += 1;
      sql.push(query);
    },
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.assign(dataSource, { logger: counting });
  try {
    return { value: await work(), statements, sql };
  } finally {
    Object.assign(dataSource, { logger });
  }
}
