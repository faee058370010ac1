import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from '../../bench/lib/server-process';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/**
 * `npm start` as a newcomer runs it: the real main.ts in its own process, on a data folder
 * that does not exist yet, then again with the walk-through's ADMIN_EMAIL.
 */
describe('starting the service (main.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-up-'));
  const database = join(dir, 'data', 'tender-scorer.sqlite');
  // Only what a newcomer's shell would have: no HOST, no ADMIN_*, no secret, a file database.
  for (const name of ['HOST', 'TRUST_PROXY', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'JWT_SECRET']) delete process.env[name];
  const env = (extra: Record<string, string> = {}) => ({ NODE_ENV: 'development', DATABASE_URL: `sqlite:${database}`, ...extra });
  let server: ServerProcess | undefined;
  afterEach(() => server?.stop());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('listens on 127.0.0.1 and says so, and keeps the database, its WAL and SHM and the secret private (0600, folder 0700)', async () => {
    const port = await freePort();
    server = await startServer(env(), port);
    expect(server.output()).toContain(`Tender Scorer listening on http://127.0.0.1:${port}/api`);
    expect(server.output()).toMatch(/First admin created: admin@localhost \/ \S+/);
    expect(mode(join(dir, 'data'))).toBe('700');
    for (const file of [database, `${database}-wal`, `${database}-shm`, join(dir, 'data', '.jwt-secret')]) {
      expect([file, mode(file)]).toEqual([file, '600']);
    }
  }, 240_000);

  it('says clearly that ADMIN_EMAIL is ignored on a used database, naming the admin to sign in as; closes up a 0644 file', async () => {
    chmodSync(database, 0o644); // as an older version left it
    server = await startServer(
      env({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'change-me-please-123' }),
      await freePort(),
    );
    const notice = server
      .output()
      .split('\n')
      .find((line) => line.includes('ADMIN_EMAIL=admin@example.org is ignored'));
    expect(notice).toContain('its admin is admin@localhost');
    expect(notice).toContain(`delete ${database}`);
    expect(mode(database)).toBe('600');
  }, 240_000);
});
