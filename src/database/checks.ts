/**
 * CHECK constraint expressions for `@Check` on entities: the database itself refuses a row
 * the service would never write (a score of 99, a status nobody knows), so a raw SQL edit
 * or a bug cannot store it. One expression serves both drivers: quoted column names, and
 * `true`/`false`, which SQLite (since 3.23) and PostgreSQL both read.
 *
 * The bounds are the widest the request validation allows (a scale within 0–100, weights
 * 0–100 %), because a CHECK cannot see the tender's own scale; the services keep the
 * tighter, per-tender rules.
 */

/** The widest scale a tender may have (ScaleDto): every score lies within it. */
export const SCALE_FLOOR = 0;
export const SCALE_CEILING = 100;

const quote = (column: string): string => `"${column}"`;

/** `column` is one of `values` (NULL passes, as for every CHECK: say NOT NULL on the column). */
export function oneOf(column: string, values: readonly string[]): string {
  return `${quote(column)} IN (${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ')})`;
}

/** `column` lies within [min, max]. */
export function between(column: string, min: number, max: number): string {
  return `${quote(column)} BETWEEN ${min} AND ${max}`;
}

/** `column` is at least `min`. */
export function atLeast(column: string, min: number): string {
  return `${quote(column)} >= ${min}`;
}

/** A boolean column holds a boolean (SQLite stores any value in any column otherwise). */
export function isBoolean(column: string): string {
  return `${quote(column)} IN (true, false)`;
}
