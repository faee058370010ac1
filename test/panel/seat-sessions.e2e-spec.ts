import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { User } from '../../src/users/user.entity';
import { createTestApp, type TestApp } from '../app';
import {
  type TenderWorld,
  addLayPanelist,
  addPanelist,
  declare,
  panelTender,
  panelTenderInEvaluation,
  saveScore,
} from '../steps';

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(60_000);

const PASSWORD_HOLDER = 'This person signs in with their password; they do not need a link.';
const GENERIC = 'This invitation link is not valid. Ask the tender team for a new one.';

/**
 * Issue 11, item 1: an invitation must never become a general key to someone's account.
 * Each test is written as the attacker — a commissioner running one tender — would try it.
 */
describe('invitation sessions are scoped to one panel seat', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  // Each test starts outside the previous one's redemption throttling window.
  beforeEach(() => t.clock.advance(31 * 60_000));

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function addByEmail(world: TenderWorld, body: Record<string, unknown>) {
    return t.http().post(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth).send(body);
  }

  function issue(world: TenderWorld, memberId: string) {
    return t.http().post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(world.commissioner.auth);
  }

  it('a commissioner cannot obtain a session for a professional panelist (with a password) of another tender', async () => {
    const victimsTender = await panelTenderInEvaluation(t);
    const victim = await addPanelist(t, victimsTender, 'professional');
    await declare(t, victimsTender.tenderId, victim, victimsTender.bidIds);

    const attackersTender = await panelTenderInEvaluation(t);
    // By email, as the attacker would (they know the victim's address)…
    const added = await addByEmail(attackersTender, { name: 'Anyone', email: victim.email, group: 'professional' });
    expect(added.status).toBe(201);
    const refused = await issue(attackersTender, added.body.id);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, detail: PASSWORD_HOLDER });

    // …and by userId (had they learnt it).
    const byId = await panelTenderInEvaluation(t);
    const seat = await t
      .http()
      .post(`/api/tenders/${byId.tenderId}/panel`)
      .set(byId.commissioner.auth)
      .send({ userId: victim.id, group: 'professional' });
    expect(seat.status).toBe(201);
    expect((await issue(byId, seat.body.id)).body.detail).toBe(PASSWORD_HOLDER);

    // Nothing was issued: the team's panel view shows no invitation, and the victim's work is untouched.
    const panel = await t.http().get(`/api/tenders/${attackersTender.tenderId}/panel`).set(attackersTender.commissioner.auth);
    expect(panel.body.find((member: { id: string }) => member.id === added.body.id).invitation).toBeNull();
    expect((await t.http().get(`/api/tenders/${victimsTender.tenderId}/declarations`).set(victim.auth)).status).toBe(200);
  });

  it('the professional signs in with their password and works on both panels', async () => {
    const first = await panelTenderInEvaluation(t);
    const professional = await addPanelist(t, first, 'professional');
    const second = await panelTenderInEvaluation(t);
    expect((await addByEmail(second, { name: 'Dr Ade', email: professional.email, group: 'professional' })).status).toBe(201);
    const token = await t.login(professional.email);
    for (const world of [first, second]) {
      expect((await t.http().get(`/api/tenders/${world.tenderId}/declarations`).set(bearer(token))).status).toBe(200);
    }
  });

  it('an invitation session for tender Y answers 404 on tender X where the same account sits', async () => {
    const x = await panelTenderInEvaluation(t);
    const lay = await addLayPanelist(t, x, 'lived_experience');
    const xAuth = lay.auth;
    await declare(t, x.tenderId, lay, x.bidIds);
    expect((await saveScore(t, x.tenderId, lay, x.bidIds[0], 'Q1', 4)).status).toBe(200);

    // Tender Y's commissioner seats the same account (by its id) and redeems a link of their own.
    const y = await panelTenderInEvaluation(t);
    const ySeat = await t
      .http()
      .post(`/api/tenders/${y.tenderId}/panel`)
      .set(y.commissioner.auth)
      .send({ userId: lay.id, group: 'lived_experience' });
    expect(ySeat.status).toBe(201);
    const issued = await issue(y, ySeat.body.id);
    const ySession = await t.http().post('/api/auth/invitation').send({ token: issued.body.token });
    expect(ySession.status).toBe(200);
    expect(ySession.body.seat).toEqual({ tenderId: y.tenderId, panelMemberId: ySeat.body.id });
    const yAuth = bearer(ySession.body.accessToken);

    const xBase = `/api/tenders/${x.tenderId}`;
    const bid = x.bidIds[0];
    const attempts = [
      t.http().get(xBase).set(yAuth),
      t.http().get(`${xBase}/criteria`).set(yAuth),
      t.http().get(`${xBase}/declarations`).set(yAuth),
      t.http().put(`${xBase}/declarations/${bid}`).set(yAuth).send({ conflict: false }),
      t.http().get(`${xBase}/assignments`).set(yAuth),
      t.http().get(`${xBase}/bids`).set(yAuth),
      t.http().get(`${xBase}/bids/${bid}`).set(yAuth),
      t.http().put(`${xBase}/bids/${bid}/scores/Q1`).set(yAuth).send({ score: 1, rationale: 'Changed by someone else.' }),
      t.http().post(`${xBase}/bids/${bid}/scores/submit`).set(yAuth),
      t.http().get(`${xBase}/scores/mine`).set(yAuth),
    ];
    for (const response of await Promise.all(attempts)) {
      expect({ status: response.status, detail: response.body.detail }).toEqual({ status: 404, detail: 'Tender not found.' });
    }
    // The tender list shows only the seat's tender; on it, the seat works.
    const list = await t.http().get('/api/tenders').set(yAuth);
    expect(list.body.map((tender: { id: string }) => tender.id)).toEqual([y.tenderId]);
    expect((await t.http().get(`/api/tenders/${y.tenderId}/declarations`).set(yAuth)).status).toBe(200);
    // The score given on X is still the one given there.
    const mine = await t.http().get(`${xBase}/scores/mine`).set(xAuth);
    expect(mine.body).toEqual([expect.objectContaining({ score: 4 })]);
    // And X's session is likewise blind to Y.
    expect((await t.http().get(`/api/tenders/${y.tenderId}`).set(xAuth)).status).toBe(404);
    expect((await t.http().get('/api/tenders').set(xAuth)).body.map((tender: { id: string }) => tender.id)).toEqual([x.tenderId]);
  });

  it('a seat session stops on its tender once the member is removed from the panel', async () => {
    // Removal is allowed only before evaluation: a published tender.
    const world = await panelTender(t);
    const lay = await addLayPanelist(t, world, 'lived_experience');
    const session = lay.auth;
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(session)).status).toBe(200);
    expect(
      (await t.http().delete(`/api/tenders/${world.tenderId}/panel/${lay.memberId}`).set(world.commissioner.auth)).status,
    ).toBe(204);
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(session)).status).toBe(404);
    expect((await t.http().get('/api/tenders').set(session)).body).toEqual([]);
  });

  it('a seat session cannot give the account a password', async () => {
    const world = await panelTender(t);
    const lay = await addLayPanelist(t, world, 'lived_experience');
    const refused = await t
      .http()
      .post('/api/me/password')
      .set(lay.auth)
      .send({ currentPassword: 'anything at all', newPassword: 'a brand new long passphrase' });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toMatch(/panel link/);
  });

  it('a link issued to an account that has since been given a password no longer signs in', async () => {
    // An account created for the panel without a password…
    const world = await panelTender(t);
    const lay = await addLayPanelist(t, world, 'lived_experience');
    const issued = await issue(world, lay.memberId);
    expect(issued.status).toBe(201);
    // …that gets one later (written straight to the table here, as a password reset would).
    await t.app.get(DataSource).getRepository(User).update(lay.id, { passwordHash: 'scrypt$set-later' });
    const redeemed = await t.http().post('/api/auth/invitation').send({ token: issued.body.token });
    expect(redeemed.status).toBe(401);
    expect(redeemed.body.detail).toBe(GENERIC);
  });

  it('a seat claim in a token is refused unless the account is a panelist', async () => {
    const commissioner = await t.user('commissioner');
    const forged = await t.app
      .get(JwtService)
      .signAsync({ sub: commissioner.id, role: 'commissioner', seat: { tenderId: 'x', panelMemberId: 'y' } });
    const response = await t.http().get('/api/me').set(bearer(forged));
    expect(response.status).toBe(401);
  });
});
