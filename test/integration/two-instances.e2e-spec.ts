import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/database-options';
import { runMigrationsExclusively } from '../../src/database/migrate';
import { ADMIN, createTestApp, freshDatabase, PASSWORD, type SignedIn, type TestApp } from '../app';
import { createTender } from '../steps';

/**
 * Several instances behind a load balancer share one PostgreSQL database: nothing that
 * matters may live in process memory. Two real app instances on the same database, with
 * requests interleaved between them. (SQLite is one process by design: this suite runs in
 * the PostgreSQL pass of `npm test`.)
 */
const onPostgres = (process.env.TEST_DATABASE_URL ?? '').startsWith('postgres');
(onPostgres ? describe : describe.skip)('two instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;
  let owner: SignedIn;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ shareDatabaseOf: a });
    owner = await a.user('commissioner');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('applies the migrations once when two instances run them at the same moment (advisory lock)', async () => {
    const database = await freshDatabase();
    const sources = [0, 1].map(() => new DataSource(buildDataSourceOptions(parseDatabaseUrl(database.url))));
    try {
      for (const source of sources) await source.initialize();
      // Both connected before either starts: the two runs really overlap.
      await Promise.all(sources.map((source) => runMigrationsExclusively(source)));
      const applied = await sources[0].query('SELECT name FROM migrations');
      expect(applied).toHaveLength(sources[0].migrations.length);
      expect(await sources[1].showMigrations()).toBe(false); // nothing pending
    } finally {
      for (const source of sources) if (source.isInitialized) await source.destroy();
      await database.drop();
    }
  });

  it('starts two instances at once on an empty database: migrations once, one first admin, one audit chain', async () => {
    const database = await freshDatabase();
    const started: TestApp[] = [];
    try {
      const results = await Promise.allSettled([
        createTestApp({ databaseUrl: database.url }),
        createTestApp({ databaseUrl: database.url }),
      ]);
      for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
      expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual([
        'started',
        'started',
      ]);
      const [first, second] = started;
      const admins = await first
        .http()
        .get('/api/users')
        .set({ Authorization: `Bearer ${first.adminToken}` })
        .expect(200);
      expect(admins.body.filter((user: { email: string }) => user.email === ADMIN.email)).toHaveLength(1);
      const verification = await second
        .http()
        .get('/api/audit/verify')
        .set({ Authorization: `Bearer ${second.adminToken}` })
        .expect(200);
      expect(verification.body).toMatchObject({ ok: true, broken: [] });
    } finally {
      for (const app of started) await app.close();
      await database.drop();
    }
  });

  it('shares sign-in throttling: failures on either instance count together', async () => {
    const bidder = await a.user('bidder');
    for (let i = 0; i < 5; i++) {
      const instance = i % 2 === 0 ? a : b;
      await instance.http().post('/api/auth/login').send({ email: bidder.email, password: 'wrong-password' }).expect(401);
    }
    await a.http().post('/api/auth/login').send({ email: bidder.email, password: PASSWORD }).expect(429);
    await b.http().post('/api/auth/login').send({ email: bidder.email, password: PASSWORD }).expect(429);
  });

  it('accepts a token issued by the other instance (same secret, no session state)', async () => {
    await b.http().get('/api/me').set(owner.auth).expect(200);
  });

  it('keeps one unbroken audit chain under interleaved concurrent writes from both instances', async () => {
    const tenderId = await createTender(a, owner.token, { template: 'social-value-model' });
    const writes = Array.from({ length: 30 }, (_, i) =>
      (i % 2 === 0 ? a : b)
        .http()
        .patch(`/api/tenders/${tenderId}`)
        .set(owner.auth)
        .send({ description: `revision ${i}` }),
    );
    const statuses = (await Promise.all(writes)).map((r) => r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const trail = await b.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth).expect(200);
    expect(trail.body.filter((e: { action: string }) => e.action === 'tender.updated')).toHaveLength(30);
    const verification = await a
      .http()
      .get('/api/audit/verify')
      .set({ Authorization: `Bearer ${a.adminToken}` })
      .expect(200);
    expect(verification.body).toMatchObject({ ok: true, broken: [] });
  });
});
