import type { ColumnOptions } from 'typeorm';

/**
 * Prices in integer pence in a `bigint` column. PostgreSQL returns bigint as a string;
 * prices are capped far below 2^53 pence, so a JS number holds them exactly.
 */
export function penceColumn(): ColumnOptions {
  return {
    type: 'bigint',
    transformer: {
      to: (value: number | null | undefined) => value,
      from: (value: string | number | null) => (value === null ? null : Number(value)),
    },
  };
}
