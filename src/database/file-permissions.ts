import { chmodSync, existsSync } from 'node:fs';

/**
 * The SQLite file holds sealed bids, scores and password hashes: only the service's own user may
 * read it. main.ts sets umask 077 so everything it creates is private; this also closes up files
 * made by an older version or another tool (0644). SQLite creates the WAL and SHM files with the
 * database file's permissions, so later ones follow. A data folder the service creates is 0700
 * (database-options.ts); one that exists already is left as it is (it may be the working folder).
 */
export function restrictSqliteFiles(databasePath: string): void {
  for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}
