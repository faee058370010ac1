/**
 * PostgreSQL for the benches. One throwaway cluster per bench process — scripts/pg.sh on
 * 127.0.0.1:54349, state in .pg-bench/ (PG_BENCH_PORT, PG_BENCH_STATE move it) — started
 * on first use and stopped when the process
 * exits (or by stopPostgres()). It runs with PostgreSQL's default durability (fsync,
 * synchronous_commit and full_page_writes on: PG_TEST_DURABLE=1), as a real deployment
 * does, not with the test suite's fsync=off. Each scenario run gets a fresh, empty
 * database (`CREATE DATABASE bench_<random>`), dropped afterwards.
 *
 *   const figures = await onPostgres((database) => measure(database.url, database.label));
 *   if (figures === null) report notMeasured('my scenario (PostgreSQL)')
 *
 * When the cluster cannot be started here (no binaries and not root, say), onPostgres
 * answers null and the scenario reports a "not measured" figure instead of failing.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabaseOn } from '../../test/app';

const ROOT = join(__dirname, '..', '..');
// PG_BENCH_PORT / PG_BENCH_STATE move the cluster when several benches share a machine.
const PG_ENV = {
  PG_TEST_PORT: process.env.PG_BENCH_PORT ?? '54349',
  PG_TEST_STATE: process.env.PG_BENCH_STATE ?? '.pg-bench',
  PG_TEST_DURABLE: '1',
};

/** Metric text of the figure a scenario reports when PostgreSQL could not be started. */
export const POSTGRES_NOT_STARTED = 'not measured: PostgreSQL could not be started (scripts/pg.sh)';

/** A fresh database on the bench cluster. */
export interface BenchDatabase {
  url: string;
  /** For metric text, e.g. "PostgreSQL 15.18, fsync on, synchronous_commit on". */
  label: string;
}

/** undefined: not tried yet; null: tried and could not start. */
let server: string | null | undefined;
let hooked = false;

/** Starts the bench cluster (once per process) and answers its DATABASE_URL, or null if it cannot be started. */
export function startPostgres(): string | null {
  if (server !== undefined) return server;
  try {
    server = execFileSync('bash', ['scripts/pg.sh', 'start'], {
      cwd: ROOT,
      env: { ...process.env, ...PG_ENV },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    console.error(`PostgreSQL could not be started (scripts/pg.sh start):\n${detail.split('\n').slice(-10).join('\n')}`);
    server = null;
    return null;
  }
  if (!hooked) {
    hooked = true;
    process.once('exit', stopPostgres);
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const)
      process.once(signal, () => {
        stopPostgres();
        process.exit(code);
      });
  }
  return server;
}

/** Stops the bench cluster if this process started it; a later startPostgres() starts a new one. */
export function stopPostgres(): void {
  if (!server) return;
  server = undefined;
  try {
    execFileSync('bash', ['scripts/pg.sh', 'stop'], { cwd: ROOT, env: { ...process.env, ...PG_ENV }, stdio: 'ignore' });
  } catch {
    /* already gone: pg.sh start cleans up a leftover cluster next time */
  }
}

/** A fresh, empty database on the cluster at `serverUrl` (test/app.ts creates and drops it); `drop` also checkpoints. */
export async function createDatabase(serverUrl: string): Promise<BenchDatabase & { drop: () => Promise<void> }> {
  const database = await createDatabaseOn(serverUrl, `bench_${randomBytes(6).toString('hex')}`);
  const settings = await admin(serverUrl, async (client) => {
    const show = async (setting: string) => ((await client.query(`SHOW ${setting}`)).rows[0] as Record<string, string>)[setting];
    return {
      version: await show('server_version'),
      fsync: await show('fsync'),
      synchronousCommit: await show('synchronous_commit'),
    };
  });
  return {
    url: database.url,
    label: `PostgreSQL ${settings.version.split(' ')[0]}, fsync ${settings.fsync}, synchronous_commit ${settings.synchronousCommit}`,
    // The CHECKPOINT flushes now what the run wrote, so that the cluster, left idle until the
    // bench process ends, does not write it out during a later scenario's SQLite timings.
    drop: async () => {
      await database.drop();
      await admin(serverUrl, (client) => client.query('CHECKPOINT'));
    },
  };
}

/**
 * Runs `work` on a fresh database of the bench cluster (started if need be) and drops the
 * database afterwards. Answers null, without running `work`, when PostgreSQL cannot be started.
 */
export async function onPostgres<T>(work: (database: BenchDatabase) => Promise<T>): Promise<T | null> {
  const serverUrl = startPostgres();
  if (!serverUrl) return null;
  const database = await createDatabase(serverUrl);
  try {
    return await work({ url: database.url, label: database.label });
  } finally {
    await database.drop();
  }
}

/** The figure a scenario reports for PostgreSQL when it could not be started. */
export function notMeasured(name: string): { name: string; metric: string; value: number; unit: string; target: string } {
  return { name, metric: POSTGRES_NOT_STARTED, value: 0, unit: '', target: '' };
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
