import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { ADMIN, createTestApp, PASSWORD, type SignedIn, type TestApp } from '../app';

/**
 * Admins manage accounts: deactivate and reactivate, change a role, hand out a one-time
 * password reset link; everyone changes their own password; the list filters by role and
 * state. Every change is audited without secrets.
 */
const sorted = <T>(values: T[]): T[] => [...values].sort((a, b) => String(a).localeCompare(String(b)));

describe('account management', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const eventsFor = (entityId: string) =>
    t.app
      .get(DataSource)
      .getRepository(AuditEvent)
      .find({ where: { entityId }, order: { seq: 'ASC' } });
  const tokenOf = (url: string) => url.split('/reset-password/')[1];

  beforeAll(async () => {
    t = await createTestApp();
    admin = { Authorization: `Bearer ${t.adminToken}` };
  });
  afterAll(() => t.close());

  describe('deactivate and reactivate', () => {
    it('stops a deactivated account’s token at once and refuses its sign-in; reactivation lets it back in', async () => {
      const person = await t.user('commissioner');
      await t.http().get('/api/me').set(person.auth).expect(200);
      const off = await t.http().post(`/api/users/${person.id}/deactivate`).set(admin).expect(200);
      expect(off.body).toMatchObject({ id: person.id, active: false });
      // the token issued before is refused on the very next request
      const refused = await t.http().get('/api/me').set(person.auth).expect(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(401);

      const on = await t.http().post(`/api/users/${person.id}/reactivate`).set(admin).expect(200);
      expect(on.body.active).toBe(true);
      await t.http().get('/api/me').set(person.auth).expect(200);
      await t.login(person.email);

      const actions = (await eventsFor(person.id)).map((e) => [e.action, e.actorId, e.after]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ['user.deactivated', expect.any(String), { role: 'commissioner', active: false }],
          ['user.reactivated', expect.any(String), { role: 'commissioner', active: true }],
        ]),
      );
    });

    it('changes nothing (and audits nothing) when the account is already in that state', async () => {
      const person = await t.user('procurement');
      await t.http().post(`/api/users/${person.id}/reactivate`).set(admin).expect(200);
      expect((await eventsFor(person.id)).map((e) => e.action)).toEqual(['user.created']);
    });

    it('refuses an admin deactivating themselves (409), and answers 404 for an unknown account', async () => {
      const me = await t.http().get('/api/me').set(admin).expect(200);
      const self = await t.http().post(`/api/users/${me.body.id}/deactivate`).set(admin).expect(409);
      expect(self.body.detail).toBe('You cannot deactivate your own account. Ask another admin to do it.');
      await t.http().post('/api/users/00000000-0000-4000-8000-000000000000/deactivate').set(admin).expect(404);
    });

    it('is for admins only (403), and needs a token (401)', async () => {
      const commissioner = await t.user('commissioner');
      const other = await t.user('panelist');
      await t.http().post(`/api/users/${other.id}/deactivate`).set(commissioner.auth).expect(403);
      await t.http().put(`/api/users/${other.id}/role`).set(commissioner.auth).send({ role: 'admin' }).expect(403);
      await t.http().post(`/api/users/${other.id}/password-reset`).set(commissioner.auth).expect(403);
      await t.http().post(`/api/users/${other.id}/deactivate`).expect(401);
    });
  });

  describe('change role', () => {
    it('changes a role, effective on the next request with the same token, audited with before and after', async () => {
      const person = await t.user('procurement');
      await t
        .http()
        .post('/api/tenders')
        .set(person.auth)
        .send({ reference: 'R-1', title: 'T', bidDeadline: '2027-01-01T00:00:00.000Z' })
        .expect(403);
      const changed = await t.http().put(`/api/users/${person.id}/role`).set(admin).send({ role: 'commissioner' }).expect(200);
      expect(changed.body).toMatchObject({ id: person.id, role: 'commissioner', active: true });
      await t
        .http()
        .post('/api/tenders')
        .set(person.auth)
        .send({ reference: 'R-2', title: 'T', bidDeadline: '2027-01-01T00:00:00.000Z' })
        .expect(201);
      const events = await eventsFor(person.id);
      expect(events.at(-1)).toMatchObject({
        action: 'user.role_changed',
        before: { role: 'procurement', active: true },
        after: { role: 'commissioner', active: true },
      });
    });

    it('refuses an admin changing their own role (409): the only admin cannot demote themselves', async () => {
      const me = await t.http().get('/api/me').set(admin).expect(200);
      const refused = await t.http().put(`/api/users/${me.body.id}/role`).set(admin).send({ role: 'commissioner' }).expect(409);
      expect(refused.body).toMatchObject({ status: 409, detail: 'You cannot change your own role. Ask another admin to do it.' });
      expect((await t.http().get('/api/me').set(admin).expect(200)).body.role).toBe('admin');
    });

    it('keeps bidders bidders and makes no one a bidder (422 on role)', async () => {
      const bidder = await t.user('bidder');
      const panelist = await t.user('panelist');
      const fromBidder = await t.http().put(`/api/users/${bidder.id}/role`).set(admin).send({ role: 'commissioner' }).expect(422);
      expect(fromBidder.body.errors).toEqual([{ field: 'role', message: expect.any(String) }]);
      await t.http().put(`/api/users/${panelist.id}/role`).set(admin).send({ role: 'bidder' }).expect(422);
    });

    it('names an unknown role and unknown fields (400)', async () => {
      const person = await t.user('panelist');
      const bad = await t
        .http()
        .put(`/api/users/${person.id}/role`)
        .set(admin)
        .send({ role: 'superuser', active: false })
        .expect(400);
      expect(sorted(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(['active', 'role']);
    });

    it('never leaves the service without an active admin, even when two admins demote each other at once', async () => {
      // A second admin; then each admin demotes the other in the same instant.
      const second = await t.user('admin');
      const me = await t.http().get('/api/me').set(admin).expect(200);
      const [a, b] = await Promise.all([
        t.http().put(`/api/users/${second.id}/role`).set(admin).send({ role: 'commissioner' }),
        t.http().put(`/api/users/${me.body.id}/role`).set(second.auth).send({ role: 'commissioner' }),
      ]);
      expect(sorted([a.status, b.status])).toEqual([200, 403]);
      const admins = await t
        .http()
        .get('/api/users?role=admin&active=true')
        .set(a.status === 200 ? admin : second.auth)
        .expect(200);
      expect(admins.body).toHaveLength(1);
      // put things back for the other tests: the first admin stays the only one
      if (b.status === 200) {
        await t.http().put(`/api/users/${me.body.id}/role`).set(second.auth).send({ role: 'admin' }).expect(200);
        await t.http().put(`/api/users/${second.id}/role`).set(admin).send({ role: 'commissioner' }).expect(200);
      }
    });

    it('refuses the same race with deactivation: one of two admins deactivating each other wins', async () => {
      const second = await t.user('admin');
      const me = await t.http().get('/api/me').set(admin).expect(200);
      const [a, b] = await Promise.all([
        t.http().post(`/api/users/${second.id}/deactivate`).set(admin),
        t.http().post(`/api/users/${me.body.id}/deactivate`).set(second.auth),
      ]);
      expect(sorted([a.status, b.status])).toEqual([200, 403]);
      if (b.status === 200) {
        await t.http().post(`/api/users/${me.body.id}/reactivate`).set(second.auth).expect(200);
        // the first admin's old token works again once the account is active
        await t.http().post(`/api/users/${second.id}/deactivate`).set(admin).expect(200);
      }
      const active = await t.http().get('/api/users?role=admin&active=true').set(admin).expect(200);
      expect(active.body.map((u: { email: string }) => u.email)).toEqual([ADMIN.email]);
    });
  });

  describe('password reset by a one-time link', () => {
    let person: SignedIn;
    beforeEach(async () => {
      person = await t.user('commissioner');
    });

    it('gives the admin a link (never a password); the holder sets a password once with it', async () => {
      const issued = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      expect(sorted(Object.keys(issued.body))).toEqual(['expiresAt', 'url']);
      expect(issued.body.url).toMatch(new RegExp(`^${t.config.publicUrl}/reset-password/[A-Za-z0-9_-]{43}$`));
      expect(issued.body.expiresAt).toBe(new Date(t.clock.now().getTime() + 60 * 60_000).toISOString());
      const token = tokenOf(issued.body.url);

      await t.http().post('/api/auth/password-reset').send({ token, password: 'a brand new passphrase' }).expect(204);
      await t.login(person.email, 'a brand new passphrase');
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(401);

      const again = await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token, password: 'another new passphrase' })
        .expect(401);
      expect(again.body.detail).toBe('This password reset link is not valid or has expired. Ask an admin for a new one.');
      const unknown = await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: 'x'.repeat(43), password: 'another new passphrase' })
        .expect(401);
      expect(unknown.body.detail).toBe(again.body.detail);

      const events = await eventsFor(person.id);
      expect(events.map((e) => e.action)).toEqual(['user.created', 'user.password_reset_issued', 'user.password_reset']);
      expect(events[2].actorId).toBe(person.id);
      const trail = JSON.stringify(events);
      expect(trail).not.toContain(token);
      expect(trail).not.toContain('a brand new passphrase');
      expect(trail).not.toMatch(/scrypt\$/);
    });

    it('expires after one hour, with the same answer as a used link', async () => {
      const issued = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      t.clock.advance(60 * 60_000);
      const expired = await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: tokenOf(issued.body.url), password: 'a brand new passphrase' })
        .expect(401);
      expect(expired.body.detail).toBe('This password reset link is not valid or has expired. Ask an admin for a new one.');
      await t.login(person.email);
    });

    it('works just before the hour ends', async () => {
      const issued = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      t.clock.advance(60 * 60_000 - 1000);
      await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: tokenOf(issued.body.url), password: 'a brand new passphrase' })
        .expect(204);
    });

    it('replaces the previous link when a new one is issued', async () => {
      const first = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      const second = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: tokenOf(first.body.url), password: 'a brand new passphrase' })
        .expect(401);
      await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: tokenOf(second.body.url), password: 'a brand new passphrase' })
        .expect(204);
    });

    it('sets a password once when two requests race with the same link', async () => {
      const issued = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      const token = tokenOf(issued.body.url);
      const answers = await Promise.all(
        ['first racing passphrase', 'second racing passphrase'].map((password) =>
          t.http().post('/api/auth/password-reset').send({ token, password }),
        ),
      );
      expect(sorted(answers.map((a) => a.status))).toEqual([204, 401]);
    });

    it('refuses a link for a deactivated account, and a link whose account was deactivated after issue', async () => {
      const issued = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      await t.http().post(`/api/users/${person.id}/deactivate`).set(admin).expect(200);
      await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: tokenOf(issued.body.url), password: 'a brand new passphrase' })
        .expect(401);
      const refused = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(409);
      expect(refused.body.detail).toMatch(/deactivated/);
    });

    it('applies the password policy to the new password (400 naming the field)', async () => {
      const issued = await t.http().post(`/api/users/${person.id}/password-reset`).set(admin).expect(201);
      const short = await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: tokenOf(issued.body.url), password: 'short' })
        .expect(400);
      expect(short.body.errors).toEqual([{ field: 'password', message: expect.stringContaining('at least 12 characters') }]);
      // the link was not used up by the refused attempt
      await t
        .http()
        .post('/api/auth/password-reset')
        .send({ token: tokenOf(issued.body.url), password: 'long enough passphrase' })
        .expect(204);
    });

    it('throttles failed redemptions from one address like invitation redemptions (429)', async () => {
      const fresh = await createTestApp();
      try {
        for (let i = 0; i < 5; i++) {
          await fresh
            .http()
            .post('/api/auth/password-reset')
            .send({ token: `guess-${i}`, password: 'a brand new passphrase' })
            .expect(401);
        }
        const throttled = await fresh
          .http()
          .post('/api/auth/password-reset')
          .send({ token: 'guess-5', password: 'a brand new passphrase' })
          .expect(429);
        expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await fresh.close();
      }
    });
  });

  describe('change own password', () => {
    it('needs the current password; then only the new one signs in', async () => {
      const person = await t.user('bidder');
      const wrong = await t
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: 'not my password', newPassword: 'my new long passphrase' })
        .expect(422);
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: expect.any(String) }]);
      await t.login(person.email);

      await t
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'my new long passphrase' })
        .expect(204);
      await t.login(person.email, 'my new long passphrase');
      await t.http().post('/api/auth/login').send({ email: person.email, password: PASSWORD }).expect(401);
      const events = await eventsFor(person.id);
      expect(events.at(-1)).toMatchObject({ action: 'user.password_changed', actorId: person.id, after: null });
      expect(JSON.stringify(events)).not.toContain('my new long passphrase');
    });

    it('refuses the same password again (422), a short one (400) and an anonymous caller (401)', async () => {
      const person = await t.user('panelist');
      await t
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: PASSWORD, newPassword: PASSWORD })
        .expect(422);
      const short = await t
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'short' })
        .expect(400);
      expect(short.body.errors).toEqual([{ field: 'newPassword', message: expect.stringContaining('at least 12 characters') }]);
      await t
        .http()
        .post('/api/me/password')
        .send({ currentPassword: PASSWORD, newPassword: 'my new long passphrase' })
        .expect(401);
    });

    it('locks the account’s password change after five wrong current passwords (429)', async () => {
      const person = await t.user('procurement');
      for (let i = 0; i < 5; i++) {
        await t
          .http()
          .post('/api/me/password')
          .set(person.auth)
          .send({ currentPassword: `wrong ${i}`, newPassword: 'my new long passphrase' })
          .expect(422);
      }
      await t
        .http()
        .post('/api/me/password')
        .set(person.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'my new long passphrase' })
        .expect(429);
    });
  });

  it('refuses a bidder account without its organisation (422 naming both fields, as the contract says)', async () => {
    const refused = await t
      .http()
      .post('/api/users')
      .set(admin)
      .send({ email: 'lone@test.local', name: 'Lone', role: 'bidder', password: PASSWORD })
      .expect(422);
    expect(refused.body.errors).toEqual([
      { field: 'organisationName', message: expect.any(String) },
      { field: 'organisationType', message: expect.any(String) },
    ]);
  });

  describe('list with filters', () => {
    it('filters by role and by active, together or apart', async () => {
      const panelist = await t.user('panelist');
      const gone = await t.user('panelist');
      await t.http().post(`/api/users/${gone.id}/deactivate`).set(admin).expect(200);

      const panelists = await t.http().get('/api/users?role=panelist').set(admin).expect(200);
      expect(panelists.body.every((u: { role: string }) => u.role === 'panelist')).toBe(true);
      expect(panelists.body.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([panelist.id, gone.id]));

      const inactive = await t.http().get('/api/users?active=false').set(admin).expect(200);
      expect(inactive.body.every((u: { active: boolean }) => !u.active)).toBe(true);
      expect(inactive.body.map((u: { id: string }) => u.id)).toContain(gone.id);

      const activePanelists = await t.http().get('/api/users?role=panelist&active=true').set(admin).expect(200);
      const ids = activePanelists.body.map((u: { id: string }) => u.id);
      expect(ids).toContain(panelist.id);
      expect(ids).not.toContain(gone.id);

      const all = await t.http().get('/api/users').set(admin).expect(200);
      expect(all.body.length).toBeGreaterThan(activePanelists.body.length);
    });

    it('names a bad filter (400)', async () => {
      const bad = await t.http().get('/api/users?role=chief&active=maybe&colour=red').set(admin).expect(400);
      expect(sorted(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(['active', 'colour', 'role']);
    });

    it('shows one account to an admin, 404 for an unknown one', async () => {
      const person = await t.user('commissioner');
      const one = await t.http().get(`/api/users/${person.id}`).set(admin).expect(200);
      expect(one.body).toMatchObject({ id: person.id, email: person.email, role: 'commissioner', active: true });
      await t.http().get('/api/users/00000000-0000-4000-8000-000000000000').set(admin).expect(404);
    });
  });
});
