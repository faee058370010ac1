import { createTestApp, type SignedIn, type TestApp } from '../app';
import { bidWorld, buildBid, postBid, submittedBid, type TenderWorld, createTender } from '../steps';

/**
 * The server's clock decides: at deadline − 1 ms every bidder action succeeds; at the
 * deadline itself it answers 409 and the stored bid is exactly as it was.
 */
describe('bids: the deadline, 1 ms either side', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const url = (world: TenderWorld, bidId = '', action = '') =>
    `/api/tenders/${world.tenderId}/bids${bidId ? `/${bidId}` : ''}${action ? `/${action}` : ''}`;
  const justBefore = (world: TenderWorld) => t.clock.set(new Date(world.deadline.getTime() - 1));
  const atDeadline = (world: TenderWorld) => t.clock.set(world.deadline);

  function expectPastDeadline(
    response: { status: number; body: Record<string, unknown>; headers: Record<string, string> },
    world: TenderWorld,
    verb: string,
  ): void {
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'https://tender-scorer.org/problems/invalid-state',
      title: 'Conflict',
      status: 409,
      detail: `The bid deadline (${world.deadline.toISOString()}) has passed: bids can no longer be ${verb}.`,
      bidDeadline: world.deadline.toISOString(),
    });
  }

  /** The bidder's own view: must be identical before and after a refused request. */
  async function snapshot(world: TenderWorld, bidder: SignedIn, bidId: string): Promise<unknown> {
    const response = await t.http().get(url(world, bidId)).set(bidder.auth);
    expect(response.status).toBe(200);
    return response.body;
  }

  describe('create', () => {
    it('succeeds at deadline − 1 ms', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      justBefore(world);
      const response = await postBid(t, bidder, world.tenderId);
      expect(response.status).toBe(201);
      expect(response.body.createdAt).toBe('2027-01-31T11:59:59.999Z');
    });

    it('answers 409 at the deadline and stores nothing', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      atDeadline(world);
      expectPastDeadline(await postBid(t, bidder, world.tenderId), world, 'created');
      const mine = await t.http().get(url(world)).set(bidder.auth);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual([]);
    });
  });

  describe('edit', () => {
    it('succeeds at deadline − 1 ms', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      const created = await postBid(t, bidder, world.tenderId);
      justBefore(world);
      const response = await t.http().patch(url(world, created.body.id)).set(bidder.auth).send({ price: 777 });
      expect(response.status).toBe(200);
      expect(response.body.price).toBe(777);
    });

    it('answers 409 at the deadline and the bid is unchanged (draft and submitted)', async () => {
      const world = await bidWorld(t);
      const drafter = await t.user('bidder');
      const submitter = await t.user('bidder');
      const draft = await postBid(t, drafter, world.tenderId);
      const submittedId = await submittedBid(t, submitter, world.tenderId);
      const before = [await snapshot(world, drafter, draft.body.id), await snapshot(world, submitter, submittedId)];
      atDeadline(world);
      const body = { price: 1, bidderName: 'Too late', responses: [{ criterion: 'Q1', text: 'late' }] };
      expectPastDeadline(await t.http().patch(url(world, draft.body.id)).set(drafter.auth).send(body), world, 'edited');
      expectPastDeadline(await t.http().patch(url(world, submittedId)).set(submitter.auth).send(body), world, 'edited');
      expect([await snapshot(world, drafter, draft.body.id), await snapshot(world, submitter, submittedId)]).toEqual(before);
    });
  });

  describe('submit', () => {
    it('succeeds at deadline − 1 ms, with that submittedAt', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      const created = await postBid(t, bidder, world.tenderId);
      justBefore(world);
      const response = await t
        .http()
        .post(url(world, created.body.id, 'submit'))
        .set(bidder.auth);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'submitted', submittedAt: '2027-01-31T11:59:59.999Z' });
    });

    it('answers 409 at the deadline: a draft stays a draft, a resubmission leaves the earlier version counting', async () => {
      const world = await bidWorld(t);
      const drafter = await t.user('bidder');
      const editor = await t.user('bidder');
      const draft = await postBid(t, drafter, world.tenderId);
      const editedId = await submittedBid(t, editor, world.tenderId, { price: 1000 });
      await t.http().patch(url(world, editedId)).set(editor.auth).send({ price: 500 }).expect(200);
      const before = [await snapshot(world, drafter, draft.body.id), await snapshot(world, editor, editedId)];
      atDeadline(world);
      expectPastDeadline(
        await t
          .http()
          .post(url(world, draft.body.id, 'submit'))
          .set(drafter.auth),
        world,
        'submitted',
      );
      expectPastDeadline(
        await t
          .http()
          .post(url(world, editedId, 'submit'))
          .set(editor.auth),
        world,
        'submitted',
      );
      expect([await snapshot(world, drafter, draft.body.id), await snapshot(world, editor, editedId)]).toEqual(before);
      expect(before[1]).toMatchObject({ status: 'submitted', version: 2, submittedVersion: 1, price: 500 });
      const tender = await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth);
      expect(tender.body.submittedBidCount).toBe(1);
      // Once closed, the team sees version 1 at 1000: the late edit never counted.
      t.clock.set(new Date(world.deadline.getTime() + 1));
      await t.http().post(`/api/tenders/${world.tenderId}/close`).set(world.commissioner.auth).expect(200);
      const teamView = await t.http().get(url(world, editedId)).set(world.commissioner.auth);
      expect(teamView.body).toMatchObject({ version: 1, price: 1000 });
    });
  });

  describe('withdraw', () => {
    it('succeeds at deadline − 1 ms', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      const bidId = await submittedBid(t, bidder, world.tenderId);
      justBefore(world);
      const response = await t
        .http()
        .post(url(world, bidId, 'withdraw'))
        .set(bidder.auth);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'withdrawn', withdrawnAt: '2027-01-31T11:59:59.999Z' });
    });

    it('answers 409 at the deadline and the bid still counts', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      const bidId = await submittedBid(t, bidder, world.tenderId);
      const before = await snapshot(world, bidder, bidId);
      atDeadline(world);
      expectPastDeadline(
        await t
          .http()
          .post(url(world, bidId, 'withdraw'))
          .set(bidder.auth),
        world,
        'withdrawn',
      );
      expect(await snapshot(world, bidder, bidId)).toEqual(before);
      expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.submittedBidCount).toBe(1);
    });
  });

  it('an extended deadline moves the cut-off', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const created = await postBid(t, bidder, world.tenderId);
    const extended = new Date(world.deadline.getTime() + 24 * 3600 * 1000);
    await t
      .http()
      .patch(`/api/tenders/${world.tenderId}`)
      .set(world.commissioner.auth)
      .send({ bidDeadline: extended.toISOString() })
      .expect(200);
    atDeadline(world); // the old deadline no longer shuts the box
    expect(
      (
        await t
          .http()
          .post(url(world, created.body.id, 'submit'))
          .set(bidder.auth)
      ).status,
    ).toBe(200);
  });

  it('bids only on published tenders: a draft tender is invisible to bidders (404) and refuses a paper bid (409)', async () => {
    const commissioner = await t.user('commissioner');
    const bidder = await t.user('bidder');
    t.clock.set('2026-11-23T09:00:00.000Z');
    const draftTenderId = await createTender(t, commissioner.token);
    const asBidder = await t.http().post(`/api/tenders/${draftTenderId}/bids`).set(bidder.auth).send(buildBid());
    expect(asBidder.status).toBe(404);
    expect(asBidder.body).toMatchObject({ status: 404, detail: 'Tender not found.' });
    const paper = await t
      .http()
      .post(`/api/tenders/${draftTenderId}/bids`)
      .set(commissioner.auth)
      .send(buildBid({ organisationType: 'vcse' }));
    expect(paper.status).toBe(409);
    expect(paper.body).toMatchObject({
      status: 409,
      currentStatus: 'draft',
      detail: 'Bids can be created only while the tender is published; it is a draft.',
    });
  });

  it('after close, creating a bid answers 409 (not published)', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    t.clock.set(new Date(world.deadline.getTime() + 1));
    await t.http().post(`/api/tenders/${world.tenderId}/close`).set(world.commissioner.auth).expect(200);
    const response = await postBid(t, bidder, world.tenderId);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ currentStatus: 'evaluation' });
  });
});
