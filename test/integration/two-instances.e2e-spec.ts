import { createTestApp, PASSWORD, type SignedIn, type TestApp } from '../app';
import { createTender } from '../factories/tender.factory';

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
    const verification = await a.http().get('/api/audit/verify').set({ Authorization: `Bearer ${a.adminToken}` }).expect(200);
    expect(verification.body).toMatchObject({ ok: true, broken: [] });
  });
});
