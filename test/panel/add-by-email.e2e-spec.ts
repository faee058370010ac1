import { DataSource } from 'typeorm';
import { User } from '../../src/users/user.entity';
import { ADMIN, createTestApp, type SignedIn, type TestApp } from '../app';
import { type TenderWorld, addLayPanelist, panelTender, redeemSeat } from '../steps';

// Whole tenders are built through the API: give each test room, on PostgreSQL too.
jest.setTimeout(60_000);

type Body = Record<string, unknown>;
const keys = (body: Body) => Object.keys(body).sort((a, b) => a.localeCompare(b));

/**
 * Issue 11, item 1: adding a panel member by email must not tell the team whether an
 * account has that address or what role it has. The attacker is a commissioner typing
 * other people's addresses into their own tender's panel.
 */
describe('adding a panel member by email reveals nothing about accounts', () => {
  let t: TestApp;
  let world: TenderWorld;
  let accounts: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTender(t);
    const elsewhere = await panelTender(t);
    const lay = await addLayPanelist(t, elsewhere, 'lived_experience');
    const deactivated = await t.user('panelist');
    await t.app.get(DataSource).getRepository(User).update(deactivated.id, { active: false });
    accounts = {
      admin: ADMIN.email,
      commissioner: (await t.user('commissioner')).email,
      procurement: (await t.user('procurement')).email,
      bidder: (await t.user('bidder')).email,
      'the owner of the tender': world.commissioner.email,
      'a lay panelist': (
        await t.http().get(`/api/tenders/${elsewhere.tenderId}/panel`).set(elsewhere.commissioner.auth)
      ).body.find((member: { id: string }) => member.id === lay.memberId).email,
      'a deactivated panelist': deactivated.email,
    };
  });
  afterAll(() => t.close());

  let added = 0;
  function add(email: string, extra: Body = {}) {
    added += 1;
    return t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'Sam Taylor', email, group: 'professional', role: 'adviser', ...extra });
  }

  /** What may differ between two additions: the new ids, the order and time of joining, and the address typed. */
  const comparable = (body: Body): Body => ({
    ...body,
    id: '<id>',
    userId: '<id>',
    joinOrder: 0,
    joinedAt: '<time>',
    email: '<typed>',
  });

  it.each([
    'admin',
    'commissioner',
    'procurement',
    'bidder',
    'the owner of the tender',
    'a lay panelist',
    'a deactivated panelist',
  ])('the email of %s gets exactly the answer an unknown email gets, and no link to that account', async (who) => {
    const unknown = await add(`nobody-${added}@example.org`);
    const existing = await add(accounts[who]);
    expect(existing.status).toBe(unknown.status);
    expect(existing.status).toBe(201);
    expect(keys(existing.body)).toEqual(keys(unknown.body));
    expect(comparable(existing.body)).toEqual(comparable(unknown.body));
    expect(existing.body).toMatchObject({ name: 'Sam Taylor', email: accounts[who], accountCreated: true, hasPassword: false });

    // The seat holds a new account of its own: redeeming its link never reaches the existing one.
    const session = await t
      .http()
      .get('/api/me')
      .set({ Authorization: `Bearer ${await redeemSeat(t, world, existing.body.id)}` });
    expect(session.body).toMatchObject({ name: 'Sam Taylor', role: 'panelist' });
    expect(session.body.email).not.toBe(accounts[who]);
    const sameForUnknown = await t
      .http()
      .get('/api/me')
      .set({ Authorization: `Bearer ${await redeemSeat(t, world, unknown.body.id)}` });
    expect(keys(sameForUnknown.body)).toEqual(keys(session.body));
    expect(sameForUnknown.body.email).toMatch(/@panel\.invalid$/);

    // The team's list and the audit trail say the same for both.
    const panel = await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth);
    const listed = (id: unknown) => panel.body.find((member: Body) => member.id === id) as Body;
    const withoutTimes = (member: Body) => ({ ...comparable(member), acceptedAt: '<time>', invitation: '<redeemed>' });
    expect(withoutTimes(listed(existing.body.id))).toEqual(withoutTimes(listed(unknown.body.id)));
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const addedEvent = (id: unknown) => {
      const event = audit.body.find((e: Body) => e.action === 'panel_member.added' && e.entityId === id);
      return {
        ...event,
        entityId: '<id>',
        seq: 0,
        occurredAt: '<time>',
        hash: '<hash>',
        after: { ...event.after, userId: '<id>', joinOrder: 0 },
      };
    };
    expect(addedEvent(existing.body.id)).toEqual(addedEvent(unknown.body.id));
  });

  it('asks for the name with every email, whoever the address belongs to (400 before any look-up)', async () => {
    const answers = await Promise.all(
      [`nobody-else@example.org`, ...Object.values(accounts)].map((email) =>
        t.http().post(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth).send({ email, group: 'professional' }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(answers[0].body);
    }
  });

  it('names a userId that is not an active panelist the same way as an unknown one (422)', async () => {
    const commissioner: SignedIn = await t.user('commissioner');
    const byRole = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: commissioner.id, group: 'professional' });
    const unknown = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: '00000000-0000-4000-8000-000000000000', group: 'professional' });
    expect(byRole.status).toBe(422);
    expect(byRole.body).toEqual(unknown.body);
    expect(JSON.stringify(byRole.body)).not.toMatch(/commissioner/);
  });

  it('the same address twice on one panel is a 409 whoever it belongs to', async () => {
    for (const email of ['twice@example.org', accounts.commissioner]) {
      const other = await panelTender(t);
      const first = await t
        .http()
        .post(`/api/tenders/${other.tenderId}/panel`)
        .set(other.commissioner.auth)
        .send({ name: 'A', email, group: 'professional' });
      expect(first.status).toBe(201);
      const second = await t
        .http()
        .post(`/api/tenders/${other.tenderId}/panel`)
        .set(other.commissioner.auth)
        .send({ name: 'B', email: email.toUpperCase(), group: 'lived_experience' });
      expect(second.status).toBe(409);
      expect(second.body.detail).toBe("This person is already on this tender's panel.");
    }
  });

  it('a panelist with a password takes the seat, shown as the team typed them until they sign in', async () => {
    const professional = await t.user('panelist', { name: 'Dr Ada Jones' });
    const other = await panelTender(t);
    const seat = await t
      .http()
      .post(`/api/tenders/${other.tenderId}/panel`)
      .set(other.commissioner.auth)
      .send({ name: 'Ada (typed)', email: professional.email, group: 'professional' });
    expect(seat.status).toBe(201);
    expect(seat.body).toMatchObject({
      userId: professional.id,
      name: 'Ada (typed)',
      email: professional.email,
      hasPassword: true,
      acceptedAt: null,
    });
    const before = await t.http().get(`/api/tenders/${other.tenderId}/panel`).set(other.commissioner.auth);
    expect(before.body[0]).toMatchObject({ name: 'Ada (typed)', acceptedAt: null });

    await t.login(professional.email);
    const after = await t.http().get(`/api/tenders/${other.tenderId}/panel`).set(other.commissioner.auth);
    expect(after.body[0]).toMatchObject({
      name: 'Dr Ada Jones',
      email: professional.email,
      acceptedAt: t.clock.now().toISOString(),
    });
    const audit = await t.http().get(`/api/tenders/${other.tenderId}/audit`).set(other.commissioner.auth);
    expect(audit.body.find((e: Body) => e.action === 'panel_member.accepted')).toMatchObject({
      entityId: seat.body.id,
      after: { by: 'password' },
    });
  });
});
