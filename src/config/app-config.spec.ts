import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, listeningMessage, loadAppConfig } from './app-config';

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
    expect(() => loadAppConfig({ NODE_ENV: 'production', DATABASE_URL: 'sqlite::memory:' })).toThrow(/JWT_SECRET is required/);
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadAppConfig({ JWT_SECRET: 'short', DATABASE_URL: 'sqlite::memory:' })).toThrow(/at least 32 characters/);
  });

  it('requires a JWT secret with PostgreSQL', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' })).toThrow(ConfigError);
  });

  it('rejects an unknown database scheme and an invalid port', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/sqlite: or postgres/);
    expect(() => loadAppConfig({ PORT: 'abc', DATABASE_URL: 'sqlite::memory:' })).toThrow(/PORT/);
  });

  it('bases links on PUBLIC_URL: http://localhost:$PORT by default, trailing slashes trimmed, a malformed one refused', () => {
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:' }).publicUrl).toBe('http://localhost:3000');
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(
      loadAppConfig({ DATABASE_URL: 'sqlite::memory:', PUBLIC_URL: 'https://tenders.camden.gov.uk/scoring//' }).publicUrl,
    ).toBe('https://tenders.camden.gov.uk/scoring');
    for (const bad of ['tenders.camden.gov.uk', 'ftp://tenders.camden.gov.uk', 'https://x.org/?a=1', 'not a url']) {
      expect(() => loadAppConfig({ DATABASE_URL: 'sqlite::memory:', PUBLIC_URL: bad })).toThrow(
        /PUBLIC_URL must be the web address/,
      );
    }
  });

  it('takes the OCDS ocid prefix and publisher from the environment, refusing a prefix not shaped as registered', () => {
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:' }).ocds).toEqual({ ocidPrefix: null, publisherName: 'Tender Scorer' });
    const camden = loadAppConfig({
      DATABASE_URL: 'sqlite::memory:',
      OCDS_OCID_PREFIX: 'ocds-b5fd17',
      OCDS_PUBLISHER_NAME: ' London Borough of Camden ',
    });
    expect(camden.ocds).toEqual({ ocidPrefix: 'ocds-b5fd17', publisherName: 'London Borough of Camden' });
    expect(() => loadAppConfig({ DATABASE_URL: 'sqlite::memory:', OCDS_OCID_PREFIX: 'camden' })).toThrow(
      /OCDS_OCID_PREFIX must be/,
    );
  });

  it('listens on 127.0.0.1 unless HOST says otherwise, and the start line names the real address', () => {
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:' }).host).toBe('127.0.0.1');
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', HOST: '::' }).host).toBe('::');
    expect(() => loadAppConfig({ DATABASE_URL: 'sqlite::memory:', HOST: 'http://example.org/' })).toThrow(
      /HOST must be an address/,
    );
    expect(listeningMessage('127.0.0.1', 3000)).toBe(
      'Tender Scorer listening on http://127.0.0.1:3000/api (docs: http://127.0.0.1:3000/api/docs)',
    );
    expect(listeningMessage('0.0.0.0', 8080)).toMatch(
      /^Tender Scorer listening on http:\/\/0\.0\.0\.0:8080\/api \(every network interface/,
    );
    expect(listeningMessage('::1', 3000)).toContain('http://[::1]:3000/api');
  });

  it('trusts no proxy by default; TRUST_PROXY names how many or which, never "every hop"', () => {
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:' }).trustProxy).toBe(false);
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(() => loadAppConfig({ DATABASE_URL: 'sqlite::memory:', TRUST_PROXY: 'true' })).toThrow(/number of proxies/);
    expect(() => loadAppConfig({ DATABASE_URL: 'sqlite::memory:', TRUST_PROXY: '$(x)' })).toThrow(/TRUST_PROXY must be/);
  });

  it('warns of a unit of work queued over DB_QUEUE_WAIT_WARN_MS: 200 ms by default, a whole number of ms', () => {
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:' }).dbQueueWaitWarnMs).toBe(200);
    expect(loadAppConfig({ DATABASE_URL: 'sqlite::memory:', DB_QUEUE_WAIT_WARN_MS: '50' }).dbQueueWaitWarnMs).toBe(50);
    for (const bad of ['-1', '1.5', 'soon']) {
      expect(() => loadAppConfig({ DATABASE_URL: 'sqlite::memory:', DB_QUEUE_WAIT_WARN_MS: bad })).toThrow(
        /DB_QUEUE_WAIT_WARN_MS must be a whole number/,
      );
    }
  });
});
