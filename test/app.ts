import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { Clock, ManualClock } from '../src/common/clock';
import type { Role } from '../src/common/caller';
import { loadAppConfig, type AppConfig } from '../src/config/app-config';
import { APP_CONFIG } from '../src/config/config.module';
import { configureApp } from '../src/configure-app';
import { recording, ResponseRecorder } from './openapi-responses';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };
export const PASSWORD = 'a-long-test-password';

/**
 * The real application (same module, pipe, filter, guard and configureApp as main.ts) on
 * a database of its own: SQLite in memory by default; a fresh PostgreSQL database per app
 * when TEST_DATABASE_URL points at a server (the PostgreSQL run of npm test).
 */
export interface TestApp {
  app: INestApplication;
  clock: ManualClock;
  config: AppConfig;
  databaseUrl: string;
  http: () => ReturnType<typeof request>;
  adminToken: string;
  /** Creates an account through the admin API and signs it in. */
  user: (
    role: Role,
    overrides?: Partial<{ email: string; name: string; organisationName: string; organisationType: string }>,
  ) => Promise<SignedIn>;
  login: (email: string, password?: string) => Promise<string>;
  /** Every /api response this app gave, checked against docs/openapi.json on close (test/openapi-responses.ts). */
  responses: ResponseRecorder;
  close: () => Promise<void>;
}

export interface SignedIn {
  id: string;
  email: string;
  name: string;
  token: string;
  auth: { Authorization: string };
}

let counter = 0;

export interface TestAppOptions {
  now?: string | Date;
  /** Share this database (another instance's `config.database`) instead of a fresh one; not dropped on close. */
  shareDatabaseOf?: TestApp;
  /** Use this DATABASE_URL as it is (benchmarks: a SQLite file, a PostgreSQL database); not dropped on close. */
  databaseUrl?: string;
  /** More environment variables for the configuration (e.g. TRUST_PROXY). */
  env?: Record<string, string>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const clock = new ManualClock(new Date(options.now ?? '2026-11-23T09:00:00.000Z'));
  const given = options.shareDatabaseOf?.databaseUrl ?? options.databaseUrl;
  const database = given ? { url: given, drop: async () => undefined } : await freshDatabase();
  const config = loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: options.shareDatabaseOf?.config.jwtSecret ?? randomBytes(32).toString('hex'),
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: ['error'] }));
  await app.init();
  const responses = new ResponseRecorder();
  const http = () => recording(request(app.getHttpServer()), responses);
  const login = async (email: string, password = PASSWORD): Promise<string> => {
    const response = await http().post('/api/auth/login').send({ email, password });
    if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken as string;
  };
  const adminToken = await login(ADMIN.email, ADMIN.password);
  const user: TestApp['user'] = async (role, overrides = {}) => {
    counter += 1;
    const email = overrides.email ?? `${role}${counter}-${randomBytes(3).toString('hex')}@test.local`;
    const name = overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${counter}`;
    const body: Record<string, unknown> = { email, name, role, password: PASSWORD };
    // Bidders always belong to an organisation; a commissioner may (the buying organisation).
    if (role === 'bidder' || overrides.organisationName) {
      body.organisationName = overrides.organisationName ?? `${name} Ltd`;
      body.organisationType = overrides.organisationType ?? 'vcse';
    }
    const created = await http().post('/api/users').set('Authorization', `Bearer ${adminToken}`).send(body);
    if (created.status !== 201) throw new Error(`create ${role} failed: ${created.status} ${JSON.stringify(created.body)}`);
    const token = await login(email);
    return { id: created.body.id, email, name, token, auth: { Authorization: `Bearer ${token}` } };
  };
  return {
    app,
    clock,
    config,
    databaseUrl: database.url,
    http,
    adminToken,
    user,
    login,
    responses,
    close: async () => {
      await app.close();
      await database.drop();
      checkResponses(responses);
    },
  };
}

/**
 * Every suite fails on a response docs/openapi.json does not describe. OPENAPI_RESPONSES=report
 * prints the violations instead (while changing the document), `off` skips the check;
 * OPENAPI_RESPONSES_LOG=<file> also appends them to that file, by suite.
 */
function checkResponses(responses: ResponseRecorder): void {
  // Outside Jest (a bench that builds its world with these steps) there is no suite to name.
  const suite = typeof expect === 'undefined' ? '' : (expect.getState().testPath ?? '');
  const mode = process.env.OPENAPI_RESPONSES ?? 'check';
  if (mode === 'off' || responses.count === 0) return;
  const text = `${responses.count} of ${responses.checked} responses do not match docs/openapi.json:\n  ${responses.report().join('\n  ')}`;
  if (process.env.OPENAPI_RESPONSES_LOG)
    appendFileSync(process.env.OPENAPI_RESPONSES_LOG, `${suite}\n  ${responses.report().join('\n  ')}\n`);
  if (mode === 'check') throw new Error(text);
  console.warn(text);
}

/** An empty database: a new one on TEST_DATABASE_URL's PostgreSQL server, else SQLite in memory. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server || !server.startsWith('postgres')) return { url: 'sqlite::memory:', drop: async () => undefined };
  return createDatabaseOn(server, `ts_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`);
}

/** Creates database `name` on the PostgreSQL server at `server` (any database URL on it); `drop` removes it, closing connections left open. */
export async function createDatabaseOn(server: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: server.replace(/\/[^/?]+(\?|$)/, `/${name}$1`),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
