import { DataSource, QueryFailedError } from 'typeorm';

/**
 * SQL typed straight at the database, as someone with a database client would: `$1`-style
 * parameters, rewritten to `?` on SQLite.
 */
export function rawQuery(dataSource: DataSource, sql: string, parameters: unknown[] = []): Promise<unknown> {
  const statement = dataSource.options.type === 'sqlite' ? sql.replace(/\$\d+/g, '?') : sql;
  return dataSource.query(statement, parameters);
}

/** The database's refusal of `sql` (a QueryFailedError), or null when it was accepted. */
export async function refusalOf(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[] = [],
): Promise<QueryFailedError | null> {
  try {
    await rawQuery(dataSource, sql, parameters);
    return null;
  } catch (error) {
    if (error instanceof QueryFailedError) return error;
    throw error;
  }
}
