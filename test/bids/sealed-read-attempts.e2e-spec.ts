import { createTestApp, type SignedIn, type TestApp } from '../app';
import { bidWorld, closeTender, submittedBid, type TenderWorld } from '../steps';

/**
 * Someone signed in tries to read sealed bids: the answer is the refusal it always was
 * (409 for the team's list, 404 for a bid), and the attempt is on the audit trail (who,
 * what, when; never bid content) and counted on the tender for its team.
 */
describe('refused reads of sealed bids leave a trace', () => {
  let t: TestApp;
  let world: TenderWorld;
  let bidder: SignedIn;
  let rival: SignedIn;
  let panelist: SignedIn;
  let bidId: string;
  const tender = () => t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth).expect(200);
  const attempts = async () =>
    (
      (await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth).expect(200)).body as {
        action: string;
        actorId: string;
        entityType: string;
        entityId: string;
        after: Record<string, unknown>;
        redacted: boolean;
      }[]
    ).filter((event) => event.action === 'bid.sealed_read_refused');

  beforeAll(async () => {
    t = await createTestApp();
    world = await bidWorld(t);
    bidder = await t.user('bidder');
    rival = await t.user('bidder');
    bidId = await submittedBid(t, bidder, world.tenderId);
    panelist = await t.user('panelist');
    await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: panelist.id, group: 'professional' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('starts at zero for the team', async () => {
    expect((await tender()).body.sealedReadAttempts).toBe(0);
  });

  it('records the team asking for the bids before the box opens (409 as before)', async () => {
    const refused = await t.http().get(`/api/tenders/${world.tenderId}/bids`).set(world.commissioner.auth).expect(409);
    expect(refused.body.detail).toMatch(/sealed/);
    await t.http().get(`/api/tenders/${world.tenderId}/bids/${bidId}`).set(world.commissioner.auth).expect(404);
    expect(await attempts()).toEqual([
      expect.objectContaining({
        actorId: world.commissioner.id,
        entityType: 'tender',
        entityId: world.tenderId,
        after: { asked: 'bid list', role: 'commissioner', answer: 'invalid_state' },
      }),
      expect.objectContaining({
        actorId: world.commissioner.id,
        entityType: 'bid',
        entityId: bidId,
        after: { asked: 'bid', role: 'commissioner', answer: 'not_found' },
      }),
    ]);
    expect((await tender()).body.sealedReadAttempts).toBe(2);
  });

  it('records a panelist and a rival bidder asking for a bid (404 as before), never its content', async () => {
    await t.http().get(`/api/tenders/${world.tenderId}/bids/${bidId}`).set(panelist.auth).expect(404);
    await t.http().get(`/api/tenders/${world.tenderId}/bids/${bidId}`).set(rival.auth).expect(404);
    const recorded = await attempts();
    expect(recorded.slice(2).map((event) => [event.actorId, event.after.role])).toEqual([
      [panelist.id, 'panelist'],
      [rival.id, 'bidder'],
    ]);
    const text = JSON.stringify(recorded);
    expect(text).not.toMatch(/Camden Mind|1249500|day service|steering group/);
    expect((await tender()).body.sealedReadAttempts).toBe(4);
  });

  it('does not record what is no attempt on a sealed bid: the own bid, an unknown id, an outsider, no sign-in', async () => {
    await t.http().get(`/api/tenders/${world.tenderId}/bids/${bidId}`).set(bidder.auth).expect(200);
    await t.http().get(`/api/tenders/${world.tenderId}/bids`).set(rival.auth).expect(200); // a bidder's list: their own bids only
    await t
      .http()
      .get(`/api/tenders/${world.tenderId}/bids/00000000-0000-4000-8000-000000000000`)
      .set(world.commissioner.auth)
      .expect(404);
    await t
      .http()
      .get(`/api/tenders/${world.tenderId}/bids/${bidId}`)
      .set((await t.user('commissioner')).auth)
      .expect(404);
    await t.http().get(`/api/tenders/${world.tenderId}/bids/${bidId}`).expect(401);
    expect((await tender()).body.sealedReadAttempts).toBe(4);
  });

  it('shows the count to the team only, in the list too, and stops counting the team once the box is open', async () => {
    expect(
      (await t.http().get(`/api/tenders/${world.tenderId}`).set(bidder.auth).expect(200)).body.sealedReadAttempts,
    ).toBeNull();
    const listed = (await t.http().get('/api/tenders').set(world.commissioner.auth).expect(200)).body as {
      id: string;
      sealedReadAttempts: number;
    }[];
    expect(listed.find((item) => item.id === world.tenderId)?.sealedReadAttempts).toBe(4);
    await closeTender(world);
    await t.http().get(`/api/tenders/${world.tenderId}/bids`).set(world.commissioner.auth).expect(200);
    await t.http().get(`/api/tenders/${world.tenderId}/bids/${bidId}`).set(rival.auth).expect(404); // a rival's bid stays sealed to them
    expect((await tender()).body.sealedReadAttempts).toBe(5);
    const trail = await t
      .http()
      .get('/api/audit/verify')
      .set({ Authorization: `Bearer ${t.adminToken}` })
      .expect(200);
    expect(trail.body.ok).toBe(true);
  });
});
