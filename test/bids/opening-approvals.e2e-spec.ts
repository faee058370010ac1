import { createTestApp, type SignedIn, type TestApp } from '../app';
import { BID_TENDER_CRITERIA, FUTURE_DEADLINE, submittedBid, createPublishedTender, createTender } from '../steps';

/** `openingApprovals: 2`: one person alone cannot open the box (EU 2014/24 Annex IV). */
describe('opening the box with two approvals', () => {
  let t: TestApp;
  let owner: SignedIn;
  let colleague: SignedIn;
  const afterDeadline = () => t.clock.set(new Date(new Date(FUTURE_DEADLINE).getTime() + 60_000));

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.user('commissioner');
    colleague = await t.user('procurement');
  });
  afterAll(() => t.close());

  async function twoApprovalTender(): Promise<{ tenderId: string; bidId: string }> {
    t.clock.set('2026-11-23T09:00:00.000Z');
    const tenderId = await createPublishedTender(t, owner.token, {
      criteria: BID_TENDER_CRITERIA,
      tender: { openingApprovals: 2 },
    });
    await t
      .http()
      .post(`/api/tenders/${tenderId}/team`)
      .set(owner.auth)
      .send({ userId: colleague.id, role: 'procurement' })
      .expect(201);
    const bidId = await submittedBid(t, await t.user('bidder'), tenderId);
    return { tenderId, bidId };
  }

  it('records the first approval (202, still published, bids sealed), refuses the same person twice, opens on the second person', async () => {
    const { tenderId, bidId } = await twoApprovalTender();
    afterDeadline();
    const first = await t.http().post(`/api/tenders/${tenderId}/close`).set(owner.auth).expect(202);
    expect(first.body).toMatchObject({
      status: 'published',
      closedAt: null,
      openingApprovals: 2,
      openingApprovalsGiven: [{ by: owner.id, at: expect.any(String) }],
    });
    // Sealed until the second approval: the team still only knows the count.
    await t.http().get(`/api/tenders/${tenderId}/bids`).set(owner.auth).expect(409);
    await t.http().get(`/api/tenders/${tenderId}/bids/${bidId}`).set(colleague.auth).expect(404);

    const twice = await t.http().post(`/api/tenders/${tenderId}/close`).set(owner.auth).expect(409);
    expect(twice.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(twice.body.detail).toMatch(/already approved opening the bids.*Another member of the tender team/);
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(owner.auth)).body.openingApprovalsGiven).toHaveLength(1);

    const second = await t.http().post(`/api/tenders/${tenderId}/close`).set(colleague.auth).expect(200);
    expect(second.body).toMatchObject({ status: 'evaluation', closedAt: expect.any(String) });
    expect(second.body.openingApprovalsGiven.map((approval: { by: string }) => approval.by)).toEqual([owner.id, colleague.id]);
    const bids = await t.http().get(`/api/tenders/${tenderId}/bids`).set(owner.auth).expect(200);
    expect(bids.body.map((bid: { id: string }) => bid.id)).toEqual([bidId]);

    const trail = (await t.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth)).body as {
      action: string;
      actorId: string;
      after: Record<string, unknown>;
    }[];
    const opening = trail.filter((event) => ['tender.opening_approved', 'tender.close'].includes(event.action));
    expect(opening).toEqual([
      expect.objectContaining({ action: 'tender.opening_approved', actorId: owner.id, after: { approval: 1, required: 2 } }),
      expect.objectContaining({ action: 'tender.opening_approved', actorId: colleague.id, after: { approval: 2, required: 2 } }),
      expect.objectContaining({
        action: 'tender.close',
        actorId: colleague.id,
        after: expect.objectContaining({ status: 'evaluation', approvedBy: [owner.id, colleague.id] }),
      }),
    ]);
  });

  it('takes no approval before the deadline, and none from outside the team', async () => {
    const { tenderId } = await twoApprovalTender();
    t.clock.set('2026-12-01T09:00:00.000Z');
    await t.http().post(`/api/tenders/${tenderId}/close`).set(owner.auth).expect(409);
    afterDeadline();
    await t
      .http()
      .post(`/api/tenders/${tenderId}/close`)
      .set((await t.user('commissioner')).auth)
      .expect(404);
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(owner.auth)).body).toMatchObject({
      status: 'published',
      openingApprovalsGiven: [],
    });
  });

  it('keeps one approval by default: one call closes, as before', async () => {
    t.clock.set('2026-11-23T09:00:00.000Z');
    const tenderId = await createPublishedTender(t, owner.token, { criteria: BID_TENDER_CRITERIA });
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(owner.auth)).body.openingApprovals).toBe(1);
    afterDeadline();
    const closed = await t.http().post(`/api/tenders/${tenderId}/close`).set(owner.auth).expect(200);
    expect(closed.body).toMatchObject({ status: 'evaluation', openingApprovalsGiven: [] });
  });

  it('is a draft setting: 1 or 2 on create and PATCH, anything else (null included) is 400; the templates ask for 2', async () => {
    t.clock.set('2026-11-23T09:00:00.000Z');
    const id = await createTender(t, owner.token, { openingApprovals: 2 });
    expect((await t.http().get(`/api/tenders/${id}`).set(owner.auth)).body.openingApprovals).toBe(2);
    for (const bad of [0, 3, 1.5, '2', null, true]) {
      const refused = await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ openingApprovals: bad }).expect(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'openingApprovals', message: expect.stringMatching(/1 or 2/) }),
      ]);
      await t
        .http()
        .post('/api/tenders')
        .set(owner.auth)
        .send({ reference: 'X-1', title: 'X', bidDeadline: FUTURE_DEADLINE, openingApprovals: bad })
        .expect(400);
    }
    await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ openingApprovals: 1 }).expect(200);
    const fromTemplate = await createTender(t, owner.token, { template: 'camden-mental-health-day-care' });
    expect((await t.http().get(`/api/tenders/${fromTemplate}`).set(owner.auth)).body.openingApprovals).toBe(2);
    const overridden = await createTender(t, owner.token, { template: 'camden-mental-health-day-care', openingApprovals: 1 });
    expect((await t.http().get(`/api/tenders/${overridden}`).set(owner.auth)).body.openingApprovals).toBe(1);

    const published = await createPublishedTender(t, owner.token, { criteria: BID_TENDER_CRITERIA });
    await t.http().patch(`/api/tenders/${published}`).set(owner.auth).send({ openingApprovals: 2 }).expect(409);
  });

  it('shows who approved to the team only', async () => {
    const { tenderId } = await twoApprovalTender();
    afterDeadline();
    await t.http().post(`/api/tenders/${tenderId}/close`).set(owner.auth).expect(202);
    const bidderView = await t
      .http()
      .get(`/api/tenders/${tenderId}`)
      .set((await t.user('bidder')).auth)
      .expect(200);
    expect(bidderView.body).toMatchObject({ openingApprovals: 2, openingApprovalsGiven: null, sealedReadAttempts: null });
  });
});
