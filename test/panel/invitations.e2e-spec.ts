import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../app';
import { PanelInvitation } from '../../src/panel/panel-invitation.entity';
import { PANEL_CRITERIA, panelTender, createPublishedTender, type TenderWorld } from '../steps';

const GENERIC = 'This invitation link is not valid. Ask the tender team for a new one.';
const DAY = 24 * 60 * 60 * 1000;

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(30_000);

describe('one-time panel invitations', () => {
  let t: TestApp;
  let world: TenderWorld;
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTender(t);
  });
  afterAll(() => t.close());
  // Each test starts outside the previous one's throttling window.
  beforeEach(() => t.clock.advance(31 * 60_000));

  async function newMember(group = 'lived_experience'): Promise<string> {
    counter += 1;
    const response = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: `Invitee ${counter}`, email: `invitee${counter}@example.org`, group });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  async function issue(memberId: string) {
    return t.http().post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(world.commissioner.auth);
  }

  function redeem(token: unknown) {
    return t.http().post('/api/auth/invitation').send({ token });
  }

  it('issues a 256-bit token valid 14 days, and redeeming it signs the member in', async () => {
    const memberId = await newMember();
    const issued = await issue(memberId);
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({
      id: expect.any(String),
      panelMemberId: memberId,
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      url: `http://localhost:3000/invitation/${issued.body.token}`,
      code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/),
      expiresAt: new Date(t.clock.now().getTime() + 14 * DAY).toISOString(),
    });
    const session = await redeem(issued.body.token);
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ role: 'panelist', name: `Invitee ${counter}` });
    const auth = { Authorization: `Bearer ${session.body.accessToken}` };
    expect((await t.http().get('/api/me').set(auth)).body).toMatchObject({ name: `Invitee ${counter}`, role: 'panelist' });
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(auth)).status).toBe(200);

    const panel = await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth);
    const member = panel.body.find((m: { id: string }) => m.id === memberId);
    expect(member.invitation).toMatchObject({ status: 'used', usedAt: t.clock.now().toISOString(), revokedAt: null });
  });

  it('is single use: the second redemption gets the generic 401', async () => {
    const { body } = await issue(await newMember());
    expect((await redeem(body.token)).status).toBe(200);
    const again = await redeem(body.token);
    expect(again.status).toBe(401);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body).toEqual({
      type: 'https://tender-scorer.org/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: GENERIC,
    });
  });

  it('signs in at most once when two redemptions race', async () => {
    const { body } = await issue(await newMember());
    const results = await Promise.all([redeem(body.token), redeem(body.token), redeem(body.token)]);
    expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([200, 401, 401]);
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    expect(
      audit.body.filter(
        (e: { action: string; entityId: string }) => e.action === 'panel_invitation.redeemed' && e.entityId === body.id,
      ),
    ).toHaveLength(1);
  });

  it('expires after 14 days with the same generic 401', async () => {
    const memberId = await newMember();
    const early = await issue(memberId);
    t.clock.advance(14 * DAY - 1000);
    expect((await redeem(early.body.token)).status).toBe(200);

    const late = await issue(memberId);
    t.clock.advance(14 * DAY);
    const expired = await redeem(late.body.token);
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toBe(GENERIC);
    const panel = await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth);
    expect(panel.body.find((m: { id: string }) => m.id === memberId).invitation.status).toBe('expired');
  });

  it('is revoked by DELETE and by issuing a new one', async () => {
    const memberId = await newMember();
    const first = await issue(memberId);
    const second = await issue(memberId);
    const stale = await redeem(first.body.token);
    expect(stale.status).toBe(401);
    expect(stale.body.detail).toBe(GENERIC);

    const revoked = await t
      .http()
      .delete(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`)
      .set(world.commissioner.auth);
    expect(revoked.status).toBe(204);
    const afterRevocation = await redeem(second.body.token);
    expect(afterRevocation.status).toBe(401);
    expect(afterRevocation.body.detail).toBe(GENERIC);
    // Nothing left to revoke is not an error.
    expect(
      (await t.http().delete(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(world.commissioner.auth)).status,
    ).toBe(204);

    const third = await issue(memberId);
    expect((await redeem(third.body.token)).status).toBe(200);
  });

  it('gives unknown tokens the same 401, and malformed bodies a 400', async () => {
    const unknown = await redeem('x'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(GENERIC);
    expect((await redeem(undefined)).status).toBe(400);
    expect((await redeem('   ')).status).toBe(400);
    expect((await t.http().post('/api/auth/invitation').send({ token: 'abc', extra: 1 })).status).toBe(400);
  });

  it('stores only the SHA-256 of the token and never puts it in the audit trail', async () => {
    const { body } = await issue(await newMember());
    const rows = await t.app
      .get(DataSource)
      .getRepository(PanelInvitation)
      .find({ where: { id: body.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash('sha256').update(body.token).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(body.token);
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const serialised = JSON.stringify(audit.body);
    expect(serialised).not.toContain(body.token);
    expect(serialised).not.toContain(rows[0].tokenHash);
    expect(
      audit.body.find(
        (e: { action: string; entityId: string }) => e.action === 'panel_invitation.issued' && e.entityId === body.id,
      ),
    ).toBeDefined();
  });

  it('only the team issues invitations, for members of its own tender', async () => {
    const memberId = await newMember();
    const panelist = await t.user('panelist');
    expect((await t.http().post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(panelist.auth)).status).toBe(
      403,
    );
    const otherCommissioner = await t.user('commissioner');
    expect(
      (await t.http().post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(otherCommissioner.auth)).status,
    ).toBe(404);
    const otherTenderId = await createPublishedTender(t, otherCommissioner.token, {
      criteria: PANEL_CRITERIA,
      tender: { bidDeadline: '2030-01-01T12:00:00.000Z' },
    });
    expect(
      (await t.http().post(`/api/tenders/${otherTenderId}/panel/${memberId}/invitation`).set(otherCommissioner.auth)).status,
    ).toBe(404);
  });

  describe('the short code', () => {
    const CODE_GENERIC = 'This invitation code is not valid. Check it and try again, or ask the tender team for a new one.';
    const redeemCode = (code: unknown) => t.http().post('/api/auth/invitation').send({ code });

    it('signs in once, typed in any case with or without dashes; the link is then used too', async () => {
      const memberId = await newMember();
      const { body } = await issue(memberId);
      const typed = ` ${body.code.toLowerCase().replace(/-/g, ' ')} `;
      const session = await redeemCode(typed);
      expect(session.status).toBe(200);
      expect(session.body.seat).toEqual({ tenderId: world.tenderId, panelMemberId: memberId });
      expect(
        (
          await t
            .http()
            .get(`/api/tenders/${world.tenderId}`)
            .set({ Authorization: `Bearer ${session.body.accessToken}` })
        ).status,
      ).toBe(200);
      const again = await redeemCode(body.code);
      expect(again.status).toBe(401);
      expect(again.body.detail).toBe(CODE_GENERIC);
      // One invitation, one use: the link's token went with the code.
      expect((await redeem(body.token)).status).toBe(401);
    });

    it('is revoked with its link by a new invitation and by DELETE, and expires with it', async () => {
      const memberId = await newMember();
      const first = await issue(memberId);
      const second = await issue(memberId);
      expect(second.body.code).not.toBe(first.body.code);
      expect((await redeemCode(first.body.code)).body.detail).toBe(CODE_GENERIC);
      await t
        .http()
        .delete(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`)
        .set(world.commissioner.auth)
        .expect(204);
      expect((await redeemCode(second.body.code)).status).toBe(401);
      const third = await issue(memberId);
      t.clock.advance(14 * DAY);
      expect((await redeemCode(third.body.code)).status).toBe(401);
    });

    it('is stored only as a keyed hash, never in the audit trail', async () => {
      const { body } = await issue(await newMember());
      const row = await t.app.get(DataSource).getRepository(PanelInvitation).findOneByOrFail({ id: body.id });
      const plain = body.code.replace(/-/g, '');
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.codeHash).not.toBe(createHash('sha256').update(plain).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(plain);
      const audit = JSON.stringify(
        (await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth)).body,
      );
      expect(audit).not.toContain(plain);
      expect(audit).not.toContain(body.code);
      expect(audit).not.toContain(row.codeHash);
    });

    it('wants the token or the code, not both and not neither (400); a malformed code is a failed attempt (401)', async () => {
      const { body } = await issue(await newMember());
      const both = await t.http().post('/api/auth/invitation').send({ token: body.token, code: body.code });
      expect(both.status).toBe(400);
      expect(both.body.errors).toEqual([{ field: 'code', message: expect.any(String) }]);
      expect((await t.http().post('/api/auth/invitation').send({})).status).toBe(400);
      expect((await redeemCode(42)).status).toBe(400);
      expect((await redeemCode('O0O0-I1I1-LL')).body.detail).toBe(CODE_GENERIC);
      expect((await redeemCode('too-short')).status).toBe(401);
      // Nothing was spent: the real code still works.
      expect((await redeemCode(body.code)).status).toBe(200);
    });

    it('failed codes are throttled by address like failed links (429)', async () => {
      const { body } = await issue(await newMember());
      for (let attempt = 0; attempt < 5; attempt++) expect((await redeemCode('KT4M-9XPR-Q7')).status).toBe(401);
      expect((await redeemCode(body.code)).status).toBe(429);
      expect((await redeem(body.token)).status).toBe(429);
      t.clock.advance(16 * 60_000);
      expect((await redeemCode(body.code)).status).toBe(200);
    });
  });

  it('throttles failed redemptions by client address (429 with Retry-After), then lets a valid one through', async () => {
    t.clock.advance(31 * 60_000);
    const { body } = await issue(await newMember());
    for (let attempt = 0; attempt < 5; attempt++) expect((await redeem(`wrong-${attempt}`)).status).toBe(401);
    const locked = await redeem(body.token);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body).toMatchObject({ status: 429 });
    // Sign-in by password is keyed by email, not address: unaffected.
    expect(
      (await t.http().post('/api/auth/login').send({ email: world.commissioner.email, password: 'a-long-test-password' })).status,
    ).toBe(200);
    t.clock.advance(16 * 60_000);
    expect((await redeem(body.token)).status).toBe(200);
  });
});
