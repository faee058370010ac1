import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { type MailConfig, parseMailConfig } from './mail-config';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const QUEUE_WAIT_MESSAGE = 'DB_QUEUE_WAIT_WARN_MS must be a whole number of milliseconds, 0 or more, such as 200';

/** Environment variables as documented in the README's configuration table. */
class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^[\w.:-]+$/, { message: 'HOST must be an address to listen on, e.g. 127.0.0.1, or 0.0.0.0 in a container' })
  HOST?: string;

  @IsOptional()
  @Matches(/^[\w.:/, -]+$/, {
    message: 'TRUST_PROXY must be the number of proxies in front (e.g. 1) or their addresses (e.g. loopback, 10.0.0.0/8)',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  @IsOptional()
  @IsUrl(
    {
      protocols: ['http', 'https'],
      require_protocol: true,
      require_tld: false,
      allow_query_components: false,
      allow_fragments: false,
    },
    { message: 'PUBLIC_URL must be the web address people open the service at, such as https://tenders.example.gov.uk' },
  )
  PUBLIC_URL?: string;

  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES?: number;
  @IsOptional()
  @Matches(/^ocds-[a-z0-9]{6}$/, {
    message:
      'OCDS_OCID_PREFIX must be the prefix registered with the Open Contracting Partnership: "ocds-" and six letters or digits',
  })
  OCDS_OCID_PREFIX?: string;

  @IsOptional()
  @Matches(/\S/, {
    message: 'OCDS_PUBLISHER_NAME must name the organisation that publishes the open data, e.g. London Borough of Camden',
  })
  OCDS_PUBLISHER_NAME?: string;

  @IsOptional()
  @IsInt({ message: QUEUE_WAIT_MESSAGE })
  @Min(0, { message: QUEUE_WAIT_MESSAGE })
  DB_QUEUE_WAIT_WARN_MS?: number;
}

export type DatabaseTarget =
  | { type: 'sqlite'; path: string } // path ':memory:' for tests
  | { type: 'postgres'; url: string };

export interface AppConfig {
  production: boolean;
  /** Page templates are read again on every request (edit a view, reload) except in production and tests. */
  reloadViews: boolean;
  port: number;
  /** The address the server listens on (HOST). */
  host: string;
  /** Express's `trust proxy` (TRUST_PROXY): which proxies may name the client address in X-Forwarded-For. */
  trustProxy: false | number | string;
  database: DatabaseTarget;
  adminEmail?: string;
  adminPassword?: string;
  jwtSecret: string;
  /** Base of every link the service hands out (invitations), without a trailing slash. */
  publicUrl: string;
  /** A browser session ends after this long without a request (SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** A unit of work that waited longer than this in the SQLite queue is logged (DB_QUEUE_WAIT_WARN_MS). */
  dbQueueWaitWarnMs: number;
  /** Email: SMTP, GOV.UK Notify or the log, and the sender loop's pace (src/config/mail-config.ts). */
  mail: MailConfig;
  /** Open data (docs/AFTER-AWARD.md): the ocid prefix (OCDS_OCID_PREFIX; null: the placeholder) and the publisher and buyer named (OCDS_PUBLISHER_NAME). */
  ocds: { ocidPrefix: string | null; publisherName: string };
}

/** The publisher named until a council sets OCDS_PUBLISHER_NAME. */
export const DEFAULT_OCDS_PUBLISHER = 'Tender Scorer';
export const DEFAULT_DATABASE_URL = 'sqlite:data/tender-scorer.sqlite';
const MIN_SECRET_LENGTH = 32;
export const DEFAULT_DB_QUEUE_WAIT_WARN_MS = 200;

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new ConfigError('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/tender-scorer.sqlite');
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url };
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:")`);
}

/**
 * Reads and validates the environment once, at boot. Bad or missing secrets in
 * production stop the start with a message that says what to set.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = plainToInstance(EnvironmentVariables, {
    ...env,
    PORT: optionalNumber(env.PORT),
    DB_QUEUE_WAIT_WARN_MS: optionalNumber(env.DB_QUEUE_WAIT_WARN_MS),
    SESSION_IDLE_MINUTES: optionalNumber(env.SESSION_IDLE_MINUTES),
  });
  const problems = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  if (problems.length > 0) {
    const lines = problems.map((p) => `${p.property}: ${Object.values(p.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const production = env.NODE_ENV === 'production';
  const database = parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const jwtSecret = resolveJwtSecret(env.JWT_SECRET, database, production);
  const port = parsed.PORT ?? 3000;
  const mail = parseMailConfig(env);
  if (typeof mail === 'string') throw new ConfigError(`Invalid configuration:\n  ${mail}`);
  return {
    production,
    reloadViews: !production && env.NODE_ENV !== 'test',
    port,
    host: env.HOST || '127.0.0.1',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    database,
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    jwtSecret,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    sessionIdleMinutes: parsed.SESSION_IDLE_MINUTES ?? 30,
    dbQueueWaitWarnMs: parsed.DB_QUEUE_WAIT_WARN_MS ?? DEFAULT_DB_QUEUE_WAIT_WARN_MS,
    mail,
    ocds: {
      ocidPrefix: env.OCDS_OCID_PREFIX || null,
      publisherName: env.OCDS_PUBLISHER_NAME?.trim() || DEFAULT_OCDS_PUBLISHER,
    },
  };
}

function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined || value === '' ? undefined : Number(value);
}

/** Unset: no proxy is trusted, the client address is the connection's, X-Forwarded-For is ignored. */
function parseTrustProxy(value: string | undefined): false | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') {
    // Trusting every hop lets any client name its own address and step around sign-in throttling.
    throw new ConfigError(
      'TRUST_PROXY=true would trust an address any client can write: give the number of proxies in front (e.g. 1) or their addresses (e.g. loopback).',
    );
  }
  return /^\d+$/.test(value) ? Number(value) : value;
}

function resolveJwtSecret(given: string | undefined, database: DatabaseTarget, production: boolean): string {
  if (given) {
    if (given.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters long.`);
    }
    return given;
  }
  if (production || database.type === 'postgres') {
    throw new ConfigError(
      `JWT_SECRET is required (at least ${MIN_SECRET_LENGTH} characters) with PostgreSQL or NODE_ENV=production. ` +
        `Generate one with: node -e "console.log(require('crypto').randomBytes(48).toString('base64'))"`,
    );
  }
  if (database.path === ':memory:') return randomBytes(48).toString('base64');
  // Embedded single-machine use: generate once, keep beside the database file.
  const file = resolve(dirname(database.path), '.jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The start log's line: the real address it listens on, and a warning when that is every interface. */
export function listeningMessage(host: string, port: number): string {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const everywhere =
    host === '0.0.0.0' || host === '::' ? ' (every network interface: HOST=127.0.0.1 keeps it on this machine)' : '';
  return `Tender Scorer listening on ${url}/api${everywhere} (docs: ${url}/api/docs)`;
}
