import { createHmac } from 'node:crypto';
import { DataSource, Like } from 'typeorm';
import { LoginThrottle } from '../../src/sign-in/login-throttle.entity';
import { ADMIN, createTestApp, PASSWORD, type TestApp } from '../app';

describe('accounts and sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health and serves the OpenAPI document without a token', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
    const docs = await t.http().get('/api/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/login',
      '/api/tenders',
      '/api/tenders/{tenderId}/criteria',
      '/api/tenders/{tenderId}/publish',
    ]) {
      expect(Object.keys(docs.body.paths)).toContain(path);
    }
    const ui = await t.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
    expect(ui.headers['x-content-type-options']).toBe('nosniff'); // helmet
  });

  it('signs the first admin in and returns the user with the token', async () => {
    const response = await t.http().post('/api/auth/login').send(ADMIN).expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(response.body.user.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password with problem+json and the same words as an unknown address', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ email: ADMIN.email, password: 'not-the-password' }).expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'Email address or password is not right.' });
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@test.local', password: 'whatever' }).expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('throttles repeated failures for an account from one address (429 with Retry-After), counted in the database', async () => {
    const bidder = await t.user('bidder');
    for (let i = 0; i < 5; i++) {
      await t.http().post('/api/auth/login').send({ email: bidder.email, password: 'wrong-password' }).expect(401);
    }
    const throttled = await t.http().post('/api/auth/login').send({ email: bidder.email, password: PASSWORD }).expect(429);
    expect(throttled.body).toMatchObject({
      status: 429,
      title: 'Too many requests',
      detail: 'Too many failed attempts. Try again in 15 minutes.',
    });
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    const rows = await t.app
      .get(DataSource)
      .getRepository(LoginThrottle)
      .findBy({ key: Like(`login:${bidder.email}%`) });
    // one counter for this account from this address, one for the account from everywhere
    expect(
      rows
        .map((row) => [row.key.replace(/(@[^:]*):.*$/, '$1:<address>'), row.failures])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual([
      [`login:${bidder.email}`, 5],
      [`login:${bidder.email}:<address>`, 5],
    ]);
    // the lock lifts after 15 minutes
    t.clock.advance(15 * 60_000 + 1000);
    await t.http().post('/api/auth/login').send({ email: bidder.email, password: PASSWORD }).expect(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set: an attacker cannot rotate it to escape the lock', async () => {
    const bidder = await t.user('bidder');
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send({ email: bidder.email, password: 'wrong-password' })
        .expect(401);
    }
    await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.99')
      .send({ email: bidder.email, password: 'wrong-password' })
      .expect(429);
  });

  it('lets a supplier register itself as a bidder of its organisation', async () => {
    const body = {
      email: 'Bids@Mind-Example.org',
      password: 'a long passphrase',
      name: 'Sam Patel',
      organisationName: 'Mind Example',
      organisationType: 'vcse',
    };
    const created = await t.http().post('/api/auth/register').send(body).expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      email: 'bids@mind-example.org',
      role: 'bidder',
      organisation: { name: 'Mind Example', type: 'vcse' },
    });
    const again = await t.http().post('/api/auth/register').send(body).expect(409);
    expect(again.body.errors).toEqual([
      { field: 'email', message: 'An account with this email address already exists: sign in, or use another address.' },
    ]);
    const token = await t.login('bids@mind-example.org', 'a long passphrase');
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.role).toBe('bidder');
  });

  it('cannot register anything but a bidder, and names unknown and invalid fields (400)', async () => {
    const response = await t
      .http()
      .post('/api/auth/register')
      .send({
        email: 'x@test.local',
        password: 'a long passphrase',
        name: 'X',
        organisationName: 'X',
        organisationType: 'charity',
        role: 'admin',
      })
      .expect(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'role', message: 'This field is not accepted here: leave it out.' },
        { field: 'organisationType', message: 'The organisation type must be one of: vcse, sme, large, public.' },
      ]),
    );
  });

  it('refuses malformed JSON with 400 problem+json', async () => {
    const response = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('needs a token (401), a valid one (401) and the admin role for accounts (403)', async () => {
    await t.http().get('/api/me').expect(401);
    await t.http().get('/api/me').set('Authorization', 'Bearer not.a.token').expect(401);
    const commissioner = await t.user('commissioner');
    const forbidden = await t.http().get('/api/users').set(commissioner.auth).expect(403);
    expect(forbidden.body.detail).toMatch(/for admin accounts/);
    const list = await t.http().get('/api/users').set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    expect(list.body.map((u: { email: string }) => u.email)).toContain(commissioner.email);
  });

  it('accepts an HS256 token signed with JWT_SECRET as UTF-8 bytes (as every release signs), and no other', async () => {
    // The service holds the secret as a KeyObject; tokens signed from the plain string (an
    // instance of an earlier release, a rolling deploy) must keep working, and a token
    // signed with any other secret must not.
    const sign = (secret: string, payload: object) => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
      return `${unsigned}.${createHmac('sha256', Buffer.from(secret, 'utf8')).update(unsigned).digest('base64url')}`;
    };
    const me = await t.http().get('/api/me').set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    const payload = {
      sub: me.body.id as string,
      role: 'admin',
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    const accepted = await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${sign(t.config.jwtSecret, payload)}`)
      .expect(200);
    expect(accepted.body.email).toBe(ADMIN.email);
    await t
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${sign(`${t.config.jwtSecret}x`, payload)}`)
      .expect(401);
  });

  it('creates panelists without a password, but no other role', async () => {
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    await t
      .http()
      .post('/api/users')
      .set(admin)
      .send({ email: 'lay@test.local', name: 'Lay Member', role: 'panelist' })
      .expect(201);
    const refused = await t
      .http()
      .post('/api/users')
      .set(admin)
      .send({ email: 'c@test.local', name: 'C', role: 'commissioner' })
      .expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'password', message: 'A commissioner account needs a password of at least 12 characters.' },
    ]);
    // a password-less account cannot sign in with a password
    await t.http().post('/api/auth/login').send({ email: 'lay@test.local', password: '' }).expect(400);
    await t.http().post('/api/auth/login').send({ email: 'lay@test.local', password: 'anything' }).expect(401);
  });
});

describe('request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('accepts a large body (a full bid is over Express’s 100 kB default) and refuses a huge one with 413', async () => {
    const commissioner = await t.user('commissioner');
    const large = await t
      .http()
      .post('/api/tenders')
      .set(commissioner.auth)
      .send({
        reference: 'BIG-1',
        title: 'Large description',
        bidDeadline: '2027-01-01T00:00:00.000Z',
        description: 'x'.repeat(19_000) + ' '.repeat(400_000),
      });
    // parsed (so refused for its length, naming the field), not refused for its size
    expect(large.status).toBe(400);
    expect(large.body.errors).toEqual([
      { field: 'description', message: 'The description is too long: use at most 20,000 characters.' },
    ]);
    const huge = await t
      .http()
      .post('/api/tenders')
      .set(commissioner.auth)
      .send({ description: 'x'.repeat(3_000_000) });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
