import { QueryFailedError } from 'typeorm';

/** A unique index refused the row (PostgreSQL 23505, SQLite "UNIQUE constraint failed"). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string } | undefined;
  return driverError?.code === '23505' || /UNIQUE constraint failed/i.test(driverError?.message ?? error.message);
}

/**
 * A unique violation, or (PostgreSQL 25P02) a statement run after one in the same transaction:
 * what a unit of work that catches the violation and reads on meets inside an outer transaction.
 */
export function isRaceAbort(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '25P02';
}

/**
 * Runs a unit of work again when a concurrent writer won the race to a unique row (two
 * first saves of the same score on PostgreSQL): the retry reads the winner's row and
 * takes the update path. On SQLite the Db queue already serialises writers.
 */
export async function retryOnUniqueViolation<T>(
  work: () => Promise<T>,
  attempts = 3,
  retryable: (error: unknown) => boolean = isUniqueViolation,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
    }
  }
}
