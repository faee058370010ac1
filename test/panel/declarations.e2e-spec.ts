import { createTestApp, type TestApp } from '../app';
import { addPanelist, declare, panelTender, panelTenderInEvaluation, saveScore, scoreAndSubmit } from '../steps';

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(30_000);

describe('conflicts of interest first', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps declarations closed while bids are sealed', async () => {
    const world = await panelTender(t);
    const member = await addPanelist(t, world, 'lived_experience');
    const list = await t.http().get(`/api/tenders/${world.tenderId}/declarations`).set(member.auth);
    expect(list.status).toBe(409);
    expect(list.body.detail).toBe('Bids are sealed until the tender closes; declarations of interest open then.');
    const assignments = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(member.auth);
    expect(assignments.status).toBe(200);
    expect(assignments.body).toMatchObject({ tenderStatus: 'published', scoringOpen: false, bids: [] });
  });

  it('lists every submitted bid by bidder name, even under blind marking, and opens bids only once all are declared', async () => {
    const world = await panelTenderInEvaluation(t, { tender: { blindMarking: true } });
    const member = await addPanelist(t, world, 'professional');

    const before = await t.http().get(`/api/tenders/${world.tenderId}/declarations`).set(member.auth);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      tenderId: world.tenderId,
      complete: false,
      outstanding: 2,
      bids: [
        { bidId: world.bidIds[0], bidderName: 'Mind in Camden', declaration: null },
        { bidId: world.bidIds[1], bidderName: 'Certitude', declaration: null },
      ],
    });
    // Nothing of the bids until every declaration is made.
    const notYet = await t.http().get(`/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}`).set(member.auth);
    expect(notYet.status).toBe(409);
    expect(notYet.body.detail).toMatch(/^Declare any conflict of interest on every bid first/);
    expect((await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(member.auth)).body).toMatchObject({
      declarationsComplete: false,
      declarationsOutstanding: 2,
      bids: [],
    });
    const early = await saveScore(t, world.tenderId, member, world.bidIds[0], 'Q1', 3);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/^Declare any conflict of interest on every bid first/);

    const first = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/declarations/${world.bidIds[0]}`)
      .set(member.auth)
      .send({ conflict: false });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      bidId: world.bidIds[0],
      bidderName: 'Mind in Camden',
      conflict: false,
      details: null,
      outstanding: 1,
      escalatedAt: null,
    });
    await t
      .http()
      .put(`/api/tenders/${world.tenderId}/declarations/${world.bidIds[1]}`)
      .set(member.auth)
      .send({ conflict: false })
      .expect(200);

    const after = await t.http().get(`/api/tenders/${world.tenderId}/declarations`).set(member.auth);
    expect(after.body).toMatchObject({ complete: true, outstanding: 0 });
    const bid = await t.http().get(`/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}`).set(member.auth);
    expect(bid.status).toBe(200);
    const assignments = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(member.auth);
    expect(assignments.body.bids.map((b: { bid: string }) => b.bid)).toEqual(['Bid 1', 'Bid 2']);
  });

  it('a conflict hides the bid and bars scoring it; the panelist scores the others', async () => {
    const world = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, member, world.bidIds, [world.bidIds[1]]);
    const hidden = await t.http().get(`/api/tenders/${world.tenderId}/bids/${world.bidIds[1]}`).set(member.auth);
    expect(hidden.status).toBe(404);
    const list = await t.http().get(`/api/tenders/${world.tenderId}/bids`).set(member.auth);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(world.bidIds[1]);
    const barred = await saveScore(t, world.tenderId, member, world.bidIds[1], 'Q1', 4);
    expect(barred.status).toBe(404);
    expect(barred.body).toMatchObject({ status: 404, detail: 'Bid not found.' });
    expect((await saveScore(t, world.tenderId, member, world.bidIds[0], 'Q1', 4)).status).toBe(200);
    const assignments = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(member.auth);
    expect(assignments.body.bids.map((b: { bidId: string }) => b.bidId)).toEqual([world.bidIds[0]]);
  });

  it('allows no conflict → conflict at any time (scores become unusable), never conflict → no conflict', async () => {
    const world = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, member, world.bidIds);
    await scoreAndSubmit(t, world.tenderId, member, world.bidIds[0], 5);

    const url = `/api/tenders/${world.tenderId}/declarations/${world.bidIds[0]}`;
    expect((await t.http().put(url).set(member.auth).send({ conflict: false })).status).toBe(200); // same again: unchanged
    const escalated = await t
      .http()
      .put(url)
      .set(member.auth)
      .send({ conflict: true, details: 'I realised my cousin manages this service.' });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({
      conflict: true,
      details: 'I realised my cousin manages this service.',
      escalatedAt: expect.any(String),
    });

    const withdraw = await t.http().put(url).set(member.auth).send({ conflict: false });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.detail).toBe(
      'A declared conflict of interest cannot be withdrawn. Ask the tender team if it was recorded by mistake.',
    );
    const reword = await t.http().put(url).set(member.auth).send({ conflict: true, details: 'Something else.' });
    expect(reword.status).toBe(409);

    // The submitted scores stay on the record but no longer count: the bid is hidden and the quorum is not met.
    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(member.auth);
    expect(mine.body.map((s: { bidId: string }) => s.bidId)).not.toContain(world.bidIds[0]);
    await scoreAndSubmit(t, world.tenderId, member, world.bidIds[1], 3);
    const start = await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth);
    expect(start.status).toBe(409);
    expect(start.body.detail).toContain('Mind in Camden (Q1, C1)');

    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const declarationEvents = audit.body.filter((e: { action: string }) => e.action.startsWith('conflict_declaration.'));
    expect(declarationEvents.map((e: { action: string }) => e.action)).toEqual([
      'conflict_declaration.declared',
      'conflict_declaration.declared',
      'conflict_declaration.escalated',
    ]);
    expect(declarationEvents[2]).toMatchObject({
      before: { conflict: false, details: null },
      after: { conflict: true, details: 'I realised my cousin manages this service.' },
    });
  });

  it('requires details with a conflict (400) and refuses unknown bids (404)', async () => {
    const world = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, world, 'professional');
    const noDetails = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/declarations/${world.bidIds[0]}`)
      .set(member.auth)
      .send({ conflict: true });
    expect(noDetails.status).toBe(400);
    expect(noDetails.body.errors[0].field).toBe('details');
    const blank = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/declarations/${world.bidIds[0]}`)
      .set(member.auth)
      .send({ conflict: true, details: '  ' });
    expect(blank.status).toBe(400);
    const notBoolean = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/declarations/${world.bidIds[0]}`)
      .set(member.auth)
      .send({ conflict: 'no' });
    expect(notBoolean.status).toBe(400);
    const unknown = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/declarations/00000000-0000-4000-8000-000000000000`)
      .set(member.auth)
      .send({ conflict: false });
    expect(unknown.status).toBe(404);
  });

  it('does not ask for declarations on disqualified bids', async () => {
    const world = await panelTenderInEvaluation(t, { bidders: ['Mind in Camden', 'Certitude', 'Look Ahead'] });
    const disqualified = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/bids/${world.bidIds[2]}/disqualify`)
      .set(world.commissioner.auth)
      .send({ reason: 'Missed the insurance requirement.' });
    expect(disqualified.status).toBe(200);
    const member = await addPanelist(t, world, 'professional');
    const list = await t.http().get(`/api/tenders/${world.tenderId}/declarations`).set(member.auth);
    expect(list.body.bids.map((b: { bidderName: string }) => b.bidderName)).toEqual(['Mind in Camden', 'Certitude']);
  });
});
