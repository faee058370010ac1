import { createTestApp, PASSWORD, type TestApp } from '../app';

/**
 * Sign-in throttling as an attacker meets it, behind a proxy that names the client address
 * (TRUST_PROXY=loopback: supertest connects from 127.0.0.1 and sets X-Forwarded-For).
 */
describe('sign-in throttling by account and client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => t.close());

  const attempt = (from: string, email: string, password: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('an attacker guessing from one address locks only that address out; the owner signs in from theirs at once', async () => {
    const admin = await t.user('admin');
    for (let i = 0; i < 5; i++) await attempt('203.0.113.9', admin.email, `guess-${i}`).expect(401);
    const locked = await attempt('203.0.113.9', admin.email, `guess-5`).expect(429);
    expect(locked.body.detail).toBe('Too many failed attempts. Try again in 15 minutes.');
    // even the right password is refused from the attacker's address while it is locked
    await attempt('203.0.113.9', admin.email, PASSWORD).expect(429);
    const owner = await attempt('198.51.100.7', admin.email, PASSWORD).expect(200);
    expect(owner.body.user.email).toBe(admin.email);
  });

  it('an attack spread over many addresses is slowed account-wide (one failure per 30 s), not locked for the owner for long', async () => {
    const bidder = await t.user('bidder');
    // 50 failures: 5 from each of 10 addresses, none of which is locked for another account
    for (let address = 0; address < 10; address++) {
      for (let i = 0; i < 5; i++) await attempt(`192.0.2.${address}`, bidder.email, 'wrong-password').expect(401);
    }
    const slowed = await attempt('198.51.100.7', bidder.email, PASSWORD).expect(429);
    expect(Number(slowed.headers['retry-after'])).toBe(30);
    expect(slowed.body.detail).toBe('Too many failed attempts. Try again in 30 seconds.');
    t.clock.advance(31_000);
    await attempt('198.51.100.7', bidder.email, PASSWORD).expect(200);
    // another account is untouched by any of it
    const other = await t.user('commissioner');
    await attempt('192.0.2.0', other.email, PASSWORD).expect(200);
  });
});
