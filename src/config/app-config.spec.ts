import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('defaults to an embedded SQLite file under data/ and port 3000', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const config = loadAppConfig({ DATABASE_URL: `sqlite:${dir}/db.sqlite` });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: `${dir}/db.sqlite` });
    // the generated secret is kept beside the database and reused on the next start
    expect(readFileSync(join(dir, '.jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    expect(loadAppConfig({ DATABASE_URL: `sqlite:${dir}/db.sqlite` }).jwtSecret).toBe(config.jwtSecret);
  });

  it('refuses to start in production without a JWT secret, saying what to set', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' })).toThrow(
      /JWT_SECRET is required/,
    );
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadAppConfig({ JWT_SECRET: 'short', DATABASE_URL: 'sqlite::memory:' })).toThrow(
      /at least 32 characters/,
    );
  });

  it('requires a JWT secret with PostgreSQL', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' })).toThrow(ConfigError);
  });

  it('rejects an unknown database scheme and an invalid port', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/sqlite: or postgres/);
    expect(() => loadAppConfig({ PORT: 'abc', DATABASE_URL: 'sqlite::memory:' })).toThrow(/PORT/);
  });

  it('bases links on PUBLIC_URL, by default http://localhost:$PORT, without a trailing slash', () => {
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', PUBLIC_URL: 'https://tenders.example.gov.uk/' }).publicUrl).toBe('https://tenders.example.gov.uk');
    expect(() => loadAppConfig({ DATABASE_URL: 'sqlite::memory:', PUBLIC_URL: 'tenders.example.gov.uk' })).toThrow(/PUBLIC_URL/);
  });
});
