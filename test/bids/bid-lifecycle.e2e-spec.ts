import { createTestApp, type TestApp } from '../app';
import { bidWorld, buildBid, closeTender, postBid, submittedBid } from '../steps';

describe('bids: lifecycle, versions, paper bids, one per organisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const bidUrl = (tenderId: string, bidId = '') => `/api/tenders/${tenderId}/bids${bidId ? `/${bidId}` : ''}`;

  it('creates a draft with exact price, responses in tree order and exact commitments', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder', { organisationType: 'sme' });
    const created = await postBid(t, bidder, world.tenderId, {
      consortium: ['Holborn Community Association'],
      price: 0.29,
      responses: [
        { criterion: 'C1', text: 'Co-produced.' },
        { criterion: 'Q1', text: 'Six days a week.' },
      ],
      commitments: [{ criterion: 'SV1', outcome: 'Less waste', measure: 'Tonnes per year', target: 0.125, baseline: 1234567.5 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      tenderId: world.tenderId,
      status: 'draft',
      bidderName: 'Camden Mind Partnership',
      organisationType: 'sme', // from the bidder's organisation
      consortium: ['Holborn Community Association'],
      paper: false,
      price: 0.29,
      version: 1,
      submittedVersion: null,
      submittedAt: null,
      hasUnsubmittedChanges: true,
      compliance: null,
    });
    expect(created.body.responses.map((r: { code: string }) => r.code)).toEqual(['Q1', 'C1']);
    expect(created.body.responses[0]).toMatchObject({ text: 'Six days a week.', words: 4 });
    expect(created.body.commitments).toEqual([
      {
        criterionId: expect.any(String),
        code: 'SV1',
        outcome: 'Less waste',
        measure: 'Tonnes per year',
        target: 0.125,
        baseline: 1234567.5,
        by: null,
      },
    ]);
    const read = await t.http().get(bidUrl(world.tenderId, created.body.id)).set(bidder.auth);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('submits with a server-set submittedAt, and counts in submittedBidCount', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const created = await postBid(t, bidder, world.tenderId);
    const before = await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth);
    expect(before.body.submittedBidCount).toBe(0);
    t.clock.set('2026-12-01T10:00:00.000Z');
    const submitted = await t
      .http()
      .post(`${bidUrl(world.tenderId, created.body.id)}/submit`)
      .set(bidder.auth);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      version: 1,
      submittedVersion: 1,
      submittedAt: '2026-12-01T10:00:00.000Z',
      hasUnsubmittedChanges: false,
    });
    const after = await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth);
    expect(after.body.submittedBidCount).toBe(1);
    const again = await t
      .http()
      .post(`${bidUrl(world.tenderId, created.body.id)}/submit`)
      .set(bidder.auth);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body.detail).toMatch(/no unsubmitted changes/);
  });

  it('editing a submitted bid opens a new draft version; the submitted version counts until the new one is submitted', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const bidId = await submittedBid(t, bidder, world.tenderId, { price: 1000 });
    t.clock.set('2026-12-02T09:00:00.000Z');
    const edited = await t
      .http()
      .patch(bidUrl(world.tenderId, bidId))
      .set(bidder.auth)
      .send({
        price: 900,
        responses: [{ criterion: 'Q2', text: 'Rewritten safeguarding answer.' }],
      });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      status: 'submitted',
      version: 2,
      submittedVersion: 1,
      price: 900,
      hasUnsubmittedChanges: true,
    });
    // The other answers were carried over into the new draft; only Q2 changed.
    const byCode = Object.fromEntries(edited.body.responses.map((r: { code: string; text: string }) => [r.code, r.text]));
    expect(byCode).toMatchObject({
      Q2: 'Rewritten safeguarding answer.',
      C1: 'Members co-chair the steering group and sit on every interview panel.',
    });
    expect(edited.body.commitments).toHaveLength(1);

    // A second edit changes the same draft, not a third version.
    const second = await t.http().patch(bidUrl(world.tenderId, bidId)).set(bidder.auth).send({ price: 950 });
    expect(second.body).toMatchObject({ version: 2, price: 950 });

    // After the deadline the team sees the counted version (1, price 1000), never the draft.
    await closeTender(world);
    const teamView = await t.http().get(bidUrl(world.tenderId, bidId)).set(world.commissioner.auth);
    expect(teamView.status).toBe(200);
    expect(teamView.body).toMatchObject({
      version: 1,
      submittedVersion: 1,
      price: 1000,
      hasUnsubmittedChanges: false,
      compliance: [],
    });
    expect(teamView.body.responses.find((r: { code: string }) => r.code === 'Q2').text).toBe(
      'Named safeguarding leads, supervision every month, and training for peer workers.',
    );
  });

  it('submitting the new version supersedes the old one and updates submittedAt', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const bidId = await submittedBid(t, bidder, world.tenderId, { price: 1000 });
    await t.http().patch(bidUrl(world.tenderId, bidId)).set(bidder.auth).send({ price: 800, bidderName: 'Camden Mind' });
    t.clock.set('2027-01-31T11:59:59.999Z');
    const resubmitted = await t
      .http()
      .post(`${bidUrl(world.tenderId, bidId)}/submit`)
      .set(bidder.auth);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({
      version: 2,
      submittedVersion: 2,
      price: 800,
      bidderName: 'Camden Mind',
      submittedAt: '2027-01-31T11:59:59.999Z',
    });
    await closeTender(world);
    const list = await t.http().get(bidUrl(world.tenderId)).set(world.commissioner.auth);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ id: bidId, version: 2, price: 800, bidderName: 'Camden Mind' });
  });

  it('PATCH merges responses by criterion: an empty text removes one, so submit then names it', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const created = await postBid(t, bidder, world.tenderId);
    const removed = await t
      .http()
      .patch(bidUrl(world.tenderId, created.body.id))
      .set(bidder.auth)
      .send({ responses: [{ criterion: 'C1', text: '  ' }] });
    expect(removed.status).toBe(200);
    expect(removed.body.responses.map((r: { code: string }) => r.code)).toEqual(['Q1', 'Q2', 'SV1']);
    const submit = await t
      .http()
      .post(`${bidUrl(world.tenderId, created.body.id)}/submit`)
      .set(bidder.auth);
    expect(submit.status).toBe(422);
    expect(submit.body).toMatchObject({
      status: 422,
      missing: ['C1'],
      errors: [{ field: 'responses.C1', message: 'There is no response to C1 (Co-production) yet: answer it, then submit.' }],
    });
  });

  it('an empty PATCH is refused (400), and null is not read as "not given"', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const created = await postBid(t, bidder, world.tenderId);
    const empty = await t.http().patch(bidUrl(world.tenderId, created.body.id)).set(bidder.auth).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'body', message: 'Nothing to change: give at least one field.' }]);
    const nullPrice = await t.http().patch(bidUrl(world.tenderId, created.body.id)).set(bidder.auth).send({ price: null });
    expect(nullPrice.status).toBe(400);
    expect(nullPrice.body.errors.map((e: { field: string }) => e.field)).toContain('price');
  });

  it('one live bid per organisation: a second POST answers 409 pointing at the first, even from a colleague', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const first = await postBid(t, bidder, world.tenderId);
    const second = await postBid(t, bidder, world.tenderId, { bidderName: 'Another name' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      status: 409,
      existingBidId: first.body.id,
      existingBid: `/api/tenders/${world.tenderId}/bids/${first.body.id}`,
    });
    // After a withdrawal the organisation may start again; the withdrawn bid stays on record.
    const withdrawn = await t
      .http()
      .post(`${bidUrl(world.tenderId, first.body.id)}/withdraw`)
      .set(bidder.auth);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawnAt: '2026-11-23T09:00:00.000Z',
      hasUnsubmittedChanges: false,
    });
    t.clock.advance(60_000);
    const fresh = await postBid(t, bidder, world.tenderId);
    expect(fresh.status).toBe(201);
    const mine = await t.http().get(bidUrl(world.tenderId)).set(bidder.auth);
    expect(mine.body.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      [first.body.id, 'withdrawn'],
      [fresh.body.id, 'draft'],
    ]);
  });

  it('under concurrency: ten simultaneous first bids from one organisation make one bid; ten simultaneous edits open one version', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const creates = await Promise.all(Array.from({ length: 10 }, () => postBid(t, bidder, world.tenderId)));
    const created = creates.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const bidId = created[0].body.id as string;
    for (const refused of creates.filter((r) => r.status !== 201)) {
      expect(refused.status).toBe(409);
      expect(refused.body.existingBidId).toBe(bidId);
    }
    await t
      .http()
      .post(`${bidUrl(world.tenderId, bidId)}/submit`)
      .set(bidder.auth)
      .expect(200);
    const edits = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .patch(bidUrl(world.tenderId, bidId))
          .set(bidder.auth)
          .send({ price: 1000 + i }),
      ),
    );
    expect(edits.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(edits.map((r) => r.body.version))).toEqual(new Set([2]));
    const read = await t.http().get(bidUrl(world.tenderId, bidId)).set(bidder.auth);
    expect(read.body).toMatchObject({ version: 2, submittedVersion: 1 });
  });

  it('a withdrawn bid cannot be edited, submitted or withdrawn again (409), and stops counting', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const bidId = await submittedBid(t, bidder, world.tenderId);
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.submittedBidCount).toBe(1);
    await t
      .http()
      .post(`${bidUrl(world.tenderId, bidId)}/withdraw`)
      .set(bidder.auth)
      .expect(200);
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.submittedBidCount).toBe(0);
    for (const request of [
      t.http().patch(bidUrl(world.tenderId, bidId)).set(bidder.auth).send({ price: 1 }),
      t
        .http()
        .post(`${bidUrl(world.tenderId, bidId)}/submit`)
        .set(bidder.auth),
      t
        .http()
        .post(`${bidUrl(world.tenderId, bidId)}/withdraw`)
        .set(bidder.auth),
    ]) {
      const response = await request;
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        status: 409,
        currentStatus: 'withdrawn',
        detail: expect.stringMatching(/withdrawn/),
      });
    }
    // After close the team never sees it.
    await closeTender(world);
    expect((await t.http().get(bidUrl(world.tenderId)).set(world.commissioner.auth)).body).toEqual([]);
    expect((await t.http().get(bidUrl(world.tenderId, bidId)).set(world.commissioner.auth)).status).toBe(404);
  });

  it('drafts never reach the team: after close only submitted bids are listed', async () => {
    const world = await bidWorld(t);
    const [a, b, c] = [await t.user('bidder'), await t.user('bidder'), await t.user('bidder')];
    const submittedId = await submittedBid(t, a, world.tenderId, { bidderName: 'A' });
    const draft = await postBid(t, b, world.tenderId, { bidderName: 'B' });
    const withdrawnId = await submittedBid(t, c, world.tenderId, { bidderName: 'C' });
    await t
      .http()
      .post(`${bidUrl(world.tenderId, withdrawnId)}/withdraw`)
      .set(c.auth)
      .expect(200);
    await closeTender(world);
    const tender = await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth);
    expect(tender.body).toMatchObject({ status: 'evaluation', submittedBidCount: 1, closedAt: expect.any(String) });
    const list = await t.http().get(bidUrl(world.tenderId)).set(world.commissioner.auth);
    expect(list.body.map((bid: { id: string }) => bid.id)).toEqual([submittedId]);
    expect((await t.http().get(bidUrl(world.tenderId, draft.body.id)).set(world.commissioner.auth)).status).toBe(404);
    // Bidders still see their own, whatever their state.
    expect((await t.http().get(bidUrl(world.tenderId, draft.body.id)).set(b.auth)).body).toMatchObject({ status: 'draft' });
  });

  describe('paper bids', () => {
    it('the team enters, edits and submits a bid received on paper; marked paper and audited', async () => {
      const world = await bidWorld(t);
      const procurement = await t.user('procurement');
      await t
        .http()
        .post(`/api/tenders/${world.tenderId}/team`)
        .set(world.commissioner.auth)
        .send({ userId: procurement.id, role: 'procurement' })
        .expect(201);
      const created = await t
        .http()
        .post(bidUrl(world.tenderId))
        .set(world.commissioner.auth)
        .send(buildBid({ bidderName: 'Kentish Town Day Centre Trust', organisationType: 'vcse' }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        paper: true,
        status: 'draft',
        bidderName: 'Kentish Town Day Centre Trust',
        organisationType: 'vcse',
      });
      // Any team member may carry on (the team has equal rights on the tender's work).
      const edited = await t.http().patch(bidUrl(world.tenderId, created.body.id)).set(procurement.auth).send({ price: 980000 });
      expect(edited.status).toBe(200);
      const submitted = await t
        .http()
        .post(`${bidUrl(world.tenderId, created.body.id)}/submit`)
        .set(procurement.auth);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ paper: true, status: 'submitted', price: 980000 });
      // Listing stays sealed for the team, paper bids or not.
      const list = await t.http().get(bidUrl(world.tenderId)).set(world.commissioner.auth);
      expect(list.status).toBe(409);
      const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      const actions = audit.body
        .filter((e: { entityId: string }) => e.entityId === created.body.id)
        .map((e: { action: string; actorId: string }) => [e.action, e.actorId]);
      expect(actions).toEqual([
        ['bid.created', world.commissioner.id],
        ['bid.edited', procurement.id],
        ['bid.submitted', procurement.id],
      ]);
    });

    it('a paper bid needs organisationType (400); a second paper bid under the same name is a duplicate (409)', async () => {
      const world = await bidWorld(t);
      const missing = await t
        .http()
        .post(bidUrl(world.tenderId))
        .set(world.commissioner.auth)
        .send(buildBid({ bidderName: 'Paper Org' }));
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        { field: 'organisationType', message: 'A paper bid needs the type of the organisation it came from.' },
      ]);
      const first = await t
        .http()
        .post(bidUrl(world.tenderId))
        .set(world.commissioner.auth)
        .send(buildBid({ bidderName: 'Paper Org', organisationType: 'public' }));
      expect(first.status).toBe(201);
      const again = await t
        .http()
        .post(bidUrl(world.tenderId))
        .set(world.commissioner.auth)
        .send(buildBid({ bidderName: '  paper   ORG ', organisationType: 'public' }));
      expect(again.status).toBe(409);
      expect(again.body.existingBidId).toBe(first.body.id);
    });
  });

  describe('closing the tender', () => {
    it('refuses before the deadline (409, deadline − 1 ms) and closes at it; then it is in evaluation', async () => {
      const world = await bidWorld(t);
      t.clock.set(new Date(world.deadline.getTime() - 1));
      const early = await t.http().post(`/api/tenders/${world.tenderId}/close`).set(world.commissioner.auth);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        status: 409,
        bidDeadline: world.deadline.toISOString(),
        detail: expect.stringMatching(/before its bid deadline/),
      });
      expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.status).toBe('published');
      t.clock.set(world.deadline);
      const closed = await t.http().post(`/api/tenders/${world.tenderId}/close`).set(world.commissioner.auth);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'evaluation', closedAt: world.deadline.toISOString() });
      const twice = await t.http().post(`/api/tenders/${world.tenderId}/close`).set(world.commissioner.auth);
      expect(twice.status).toBe(409);
      expect(twice.body.currentStatus).toBe('evaluation');
    });

    it('only the team closes: a bidder or an admin 403 (role), a commissioner off the team 404', async () => {
      const world = await bidWorld(t);
      t.clock.set(new Date(world.deadline.getTime() + 1));
      const bidder = await t.user('bidder');
      expect((await t.http().post(`/api/tenders/${world.tenderId}/close`).set(bidder.auth)).status).toBe(403);
      const admin = await t.http().post(`/api/tenders/${world.tenderId}/close`).set('Authorization', `Bearer ${t.adminToken}`);
      expect(admin.status).toBe(403); // role-level: admins are not tender roles at all
      const outsider = await t.user('commissioner');
      const other = await t.http().post(`/api/tenders/${world.tenderId}/close`).set(outsider.auth);
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ status: 404, detail: 'Tender not found.' });
    });

    it('a tender cancelled before closing keeps its bids sealed for good', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      const bidId = await submittedBid(t, bidder, world.tenderId);
      await t
        .http()
        .post(`/api/tenders/${world.tenderId}/cancel`)
        .set(world.commissioner.auth)
        .send({ reason: 'Service redesign.' })
        .expect(200);
      const list = await t.http().get(bidUrl(world.tenderId)).set(world.commissioner.auth);
      expect(list.status).toBe(409);
      expect(list.body.detail).toMatch(/cancelled before it closed/);
      expect((await t.http().get(bidUrl(world.tenderId, bidId)).set(world.commissioner.auth)).status).toBe(404);
    });
  });
});
