import { createTestApp, type TestApp } from '../app';
import { addPanelist, declare, panelTender, panelTenderInEvaluation, saveScore, scoreAndSubmit, createTender } from '../steps';

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(30_000);

describe('panel members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('adds someone without an account: a password-less panelist account is created', async () => {
    const world = await panelTender(t);
    const response = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: '  Jordan Reid ', email: 'Jordan.Reid@Example.org', group: 'lived_experience', role: 'carer' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      tenderId: world.tenderId,
      name: 'Jordan Reid',
      email: 'jordan.reid@example.org',
      group: 'lived_experience',
      role: 'carer',
      pseudonym: 'Lived experience 1',
      joinOrder: 1,
      hasPassword: false,
      accountCreated: true,
    });
    expect(typeof response.body.id).toBe('string');
    // The account is this seat's alone: the address typed stays on the seat, the account has a placeholder.
    const users = await t.http().get('/api/users').set('Authorization', `Bearer ${t.adminToken}`);
    expect(users.body.find((u: { id: string }) => u.id === response.body.userId)).toMatchObject({
      role: 'panelist',
      name: 'Jordan Reid',
      email: expect.stringMatching(/^seat-[0-9a-f-]{36}@panel\.invalid$/),
    });
    // Signing in by password is impossible for this account: it has none.
    expect(
      (await t.http().post('/api/auth/login').send({ email: 'jordan.reid@example.org', password: 'anything-at-all' })).status,
    ).toBe(401);
  });

  it('adds an existing panelist account by id or by email, professionals without a pseudonym', async () => {
    const world = await panelTender(t);
    const clinician = await t.user('panelist', { name: 'Dr Ada Jones' });
    const byId = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: clinician.id, group: 'professional', role: 'clinician' });
    expect(byId.status).toBe(201);
    expect(byId.body).toMatchObject({
      userId: clinician.id,
      name: 'Dr Ada Jones',
      group: 'professional',
      pseudonym: null,
      accountCreated: false,
      hasPassword: true,
    });
    // By email (with the name, always): a panelist account with a password takes the seat,
    // shown as the team typed it until the person signs in.
    const other = await t.user('panelist');
    const byEmail = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'As Typed', email: other.email, group: 'lived_experience' });
    expect(byEmail.status).toBe(201);
    expect(byEmail.body).toMatchObject({
      userId: other.id,
      name: 'As Typed',
      accountCreated: false,
      role: null,
      joinOrder: 2,
      pseudonym: 'Lived experience 1',
    });
  });

  it('refuses a non-panelist userId (422, as an unknown one), a second seat (409) and ambiguous or incomplete bodies (400)', async () => {
    const world = await panelTender(t);
    const commissioner = await t.user('commissioner');
    const notPanelist = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: commissioner.id, group: 'professional' });
    expect(notPanelist.status).toBe(422);
    expect(notPanelist.body).toMatchObject({
      status: 422,
      detail: 'There is no active panelist account with this userId. Check the id, or add the person by name and email.',
      errors: [{ field: 'userId', message: 'Give the id of an active panelist account.' }],
    });

    const panelist = await addPanelist(t, world, 'professional');
    const twice = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: panelist.id, group: 'lived_experience' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe("This person is already on this tender's panel.");

    const both = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: panelist.id, email: 'x@example.org', group: 'professional' });
    expect(both.status).toBe(400);
    const neither = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'No Email', group: 'professional' });
    expect(neither.status).toBe(400);
    expect(neither.body.errors).toEqual([
      { field: 'email', message: 'Give the email address of the person to add (or the userId of a panelist account).' },
    ]);
    const badGroup = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ email: 'a@example.org', name: 'A', group: 'expert' });
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.errors[0].field).toBe('group');
    const unknownField = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ email: 'a@example.org', name: 'A', group: 'professional', score: 5 });
    expect(unknownField.status).toBe(400);
    const noName = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ email: 'nobody-yet@example.org', group: 'professional' });
    expect(noName.status).toBe(400);
    expect(noName.body.errors).toEqual([{ field: 'name', message: "Give the person's name as well as their email address." }]);
    const unknownUser = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: '00000000-0000-4000-8000-000000000000', group: 'professional' });
    expect(unknownUser.status).toBe(422);
    expect(unknownUser.body).toEqual({ ...notPanelist.body });
  });

  it('allows joining in draft, published and evaluation; removal only before evaluation; nothing from moderation on', async () => {
    const commissioner = await t.user('commissioner');
    const draftId = await createTender(t, commissioner.token);
    const draftMember = await t
      .http()
      .post(`/api/tenders/${draftId}/panel`)
      .set(commissioner.auth)
      .send({ name: 'Early Member', email: 'early@example.org', group: 'lived_experience' });
    expect(draftMember.status).toBe(201);
    const removed = await t.http().delete(`/api/tenders/${draftId}/panel/${draftMember.body.id}`).set(commissioner.auth);
    expect(removed.status).toBe(204);
    expect((await t.http().get(`/api/tenders/${draftId}/panel`).set(commissioner.auth)).body).toEqual([]);

    const world = await panelTenderInEvaluation(t);
    const late = await addPanelist(t, world, 'lived_experience', 'young person');
    const cannotRemove = await t
      .http()
      .delete(`/api/tenders/${world.tenderId}/panel/${late.memberId}`)
      .set(world.commissioner.auth);
    expect(cannotRemove.status).toBe(409);
    expect(cannotRemove.body.detail).toMatch(/only before evaluation/);

    await declare(t, world.tenderId, late, world.bidIds);
    for (const bidId of world.bidIds) await scoreAndSubmit(t, world.tenderId, late, bidId, 3);
    expect((await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth)).status).toBe(
      200,
    );
    const tooLate = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'Too Late', email: 'late@example.org', group: 'professional' });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.detail).toBe(
      'Panel members can be added while the tender is a draft, published or in evaluation; it is in moderation.',
    );
    const unknown = await t
      .http()
      .delete(`/api/tenders/${world.tenderId}/panel/00000000-0000-4000-8000-000000000000`)
      .set(world.commissioner.auth);
    expect(unknown.status).toBe(404);
  });

  it('lists members with declarations and progress, never score values', async () => {
    const world = await panelTenderInEvaluation(t);
    const lived = await addPanelist(t, world, 'lived_experience', 'service user');
    const pro = await addPanelist(t, world, 'professional', 'clinician');
    await declare(t, world.tenderId, lived, world.bidIds, [world.bidIds[1]]);
    await scoreAndSubmit(t, world.tenderId, lived, world.bidIds[0], 4);
    expect((await saveScore(t, world.tenderId, pro, world.bidIds[0], 'Q1', 2)).status).toBe(409); // not declared yet

    const list = await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    const [first, second] = list.body;
    expect(first).toMatchObject({
      id: lived.memberId,
      group: 'lived_experience',
      role: 'service user',
      pseudonym: 'Lived experience 1',
      invitation: null,
    });
    expect(first.declarations).toEqual([
      expect.objectContaining({ bidId: world.bidIds[0], bidderName: 'Mind in Camden', conflict: false, details: null }),
      expect.objectContaining({
        bidId: world.bidIds[1],
        bidderName: 'Certitude',
        conflict: true,
        details: 'I volunteer with this organisation.',
      }),
    ]);
    expect(first.progress).toEqual({
      bidsToDeclare: 2,
      declared: 2,
      declaredOnAllBids: true,
      conflicts: 1,
      bidsToScore: 1,
      scoresExpected: 2,
      scoresSaved: 2,
      scoresSubmitted: 2,
      bidsSubmitted: 1,
    });
    expect(second).toMatchObject({ id: pro.memberId, pseudonym: null, declarations: [] });
    expect(second.progress).toMatchObject({ declared: 0, declaredOnAllBids: false, scoresSaved: 0 });
    expect(JSON.stringify(list.body)).not.toMatch(/"score"|Scored 4/);
  });

  it('lets a panel member see the tender and its criteria, and list it', async () => {
    const world = await panelTender(t);
    const member = await addPanelist(t, world, 'lived_experience');
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(member.auth)).status).toBe(200);
    expect((await t.http().get(`/api/tenders/${world.tenderId}/criteria`).set(member.auth)).status).toBe(200);
    const list = await t.http().get('/api/tenders').set(member.auth);
    expect(list.body.map((tender: { id: string }) => tender.id)).toEqual([world.tenderId]);
    const outsider = await t.user('panelist');
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(outsider.auth)).status).toBe(404);
  });

  it('audits membership without naming the member', async () => {
    const world = await panelTender(t);
    const member = await addPanelist(t, world, 'lived_experience', 'carer');
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const added = audit.body.find((e: { action: string }) => e.action === 'panel_member.added');
    expect(added).toMatchObject({
      entityId: member.memberId,
      after: { userId: member.id, group: 'lived_experience', role: 'carer', joinOrder: 1, accountCreated: false },
    });
    expect(JSON.stringify(added)).not.toContain(member.name);
  });
});
