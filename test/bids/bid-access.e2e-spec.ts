import { ADMIN, createTestApp, type SignedIn, type TestApp } from '../app';
import {
  BID_TENDER_CRITERIA,
  bidWorld,
  buildBid,
  closeTender,
  submittedBid,
  type TenderWorld,
  createPublishedTender,
} from '../steps';

/**
 * Who may do what with a bid, over every bid route, before and after the box opens.
 * 404: the bid does not exist for the caller; 403: visible but not theirs to do (or the
 * role may never do it); 409: the right caller at the wrong time.
 */
type Route = 'create' | 'list' | 'get' | 'patch' | 'submit' | 'withdraw' | 'compliance' | 'disqualify';
type Actor =
  | 'own'
  | 'rival'
  | 'owner'
  | 'procurement'
  | 'outsider'
  | 'admin'
  | 'panelDeclared'
  | 'panelUndeclared'
  | 'panelConflicted'
  | 'panelistElsewhere';
type Expectation = number | { status: number; ids: string[] };

describe('bids: access matrix over every route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  interface Scene {
    world: TenderWorld;
    actors: Record<Actor, SignedIn>;
    targetId: string;
    rivalBidId: string;
  }

  /** A tender with two submitted bids (the target, "Target Org", and a rival's) and a panel of three. */
  async function scene(): Promise<Scene> {
    const world = await bidWorld(t);
    const admin: SignedIn = {
      id: 'admin',
      email: ADMIN.email,
      name: 'Administrator',
      token: t.adminToken,
      auth: { Authorization: `Bearer ${t.adminToken}` },
    };
    const actors: Record<Actor, SignedIn> = {
      own: await t.user('bidder'),
      rival: await t.user('bidder'),
      owner: world.commissioner,
      procurement: await t.user('procurement'),
      outsider: await t.user('commissioner'),
      admin,
      panelDeclared: await t.user('panelist'),
      panelUndeclared: await t.user('panelist'),
      panelConflicted: await t.user('panelist'),
      panelistElsewhere: await t.user('panelist'),
    };
    await t
      .http()
      .post(`/api/tenders/${world.tenderId}/team`)
      .set(world.commissioner.auth)
      .send({ userId: actors.procurement.id, role: 'procurement' })
      .expect(201);
    for (const seat of ['panelDeclared', 'panelUndeclared', 'panelConflicted'] as const) {
      const added = await t
        .http()
        .post(`/api/tenders/${world.tenderId}/panel`)
        .set(world.commissioner.auth)
        .send({ userId: actors[seat].id, group: 'professional' });
      expect(added.status).toBe(201);
    }
    const targetId = await submittedBid(t, actors.own, world.tenderId, { bidderName: 'Target Org' });
    const rivalBidId = await submittedBid(t, actors.rival, world.tenderId, { bidderName: 'Rival Org' });
    return { world, actors, targetId, rivalBidId };
  }

  function call(s: Scene, actor: Actor, route: Route) {
    const who = s.actors[actor];
    const base = `/api/tenders/${s.world.tenderId}/bids`;
    const one = `${base}/${s.targetId}`;
    switch (route) {
      case 'create':
        return t
          .http()
          .post(base)
          .set(who.auth)
          .send(buildBid({ bidderName: `New bid by ${actor}`, organisationType: 'sme' }));
      case 'list':
        return t.http().get(base).set(who.auth);
      case 'get':
        return t.http().get(one).set(who.auth);
      case 'patch':
        return t.http().patch(one).set(who.auth).send({ price: 4242 });
      case 'submit':
        return t.http().post(`${one}/submit`).set(who.auth);
      case 'withdraw':
        return t.http().post(`${one}/withdraw`).set(who.auth);
      case 'compliance':
        return t.http().put(`${one}/compliance/G1`).set(who.auth).send({ passed: true, note: 'Checked.' });
      case 'disqualify':
        return t.http().post(`${one}/disqualify`).set(who.auth).send({ reason: 'Collusion.' });
    }
  }

  async function check(s: Scene, actor: Actor, route: Route, expected: Expectation): Promise<void> {
    const response = await call(s, actor, route);
    const status = typeof expected === 'number' ? expected : expected.status;
    const label = `${actor} ${route}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`;
    expect(`${actor} ${route}: ${response.status}`).toBe(`${actor} ${route}: ${status}`);
    if (status >= 400) {
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.status).toBe(status);
      // A refusal never leaks the sealed bid.
      expect(JSON.stringify(response.body)).not.toContain('Target Org');
      if (status === 404) expect(['Bid not found.', 'Tender not found.']).toContain(response.body.detail);
    }
    if (typeof expected === 'object') {
      const byText = (a: string, b: string) => a.localeCompare(b);
      expect({ label, ids: (response.body as { id: string }[]).map((bid) => bid.id).sort(byText) }).toEqual({
        label,
        ids: [...expected.ids].sort(byText),
      });
    }
  }

  it('while sealed (published, before the deadline)', async () => {
    const s = await scene();
    const list = (...ids: string[]) => ({ status: 200, ids });
    const refusals: [Actor, Route, Expectation][] = [
      // Nobody but the bidder reads any part of the bid: not the team, not an admin.
      ['rival', 'get', 404],
      ['owner', 'get', 404],
      ['procurement', 'get', 404],
      ['outsider', 'get', 404],
      ['admin', 'get', 404],
      ['panelDeclared', 'get', 404],
      ['panelistElsewhere', 'get', 404],
      ['rival', 'list', list(s.rivalBidId)],
      ['owner', 'list', 409],
      ['procurement', 'list', 409],
      ['outsider', 'list', 404],
      ['admin', 'list', 404],
      ['panelDeclared', 'list', list()],
      ['panelistElsewhere', 'list', 404],
      ...(['patch', 'submit', 'withdraw'] as const).flatMap((route): [Actor, Route, Expectation][] => [
        ['rival', route, 404],
        ['owner', route, 404],
        ['procurement', route, 404],
        ['outsider', route, 404],
        ['admin', route, 403],
        ['panelDeclared', route, 403],
      ]),
      ...(['compliance', 'disqualify'] as const).flatMap((route): [Actor, Route, Expectation][] => [
        ['own', route, 403],
        ['rival', route, 403],
        ['owner', route, 404],
        ['procurement', route, 404],
        ['outsider', route, 404],
        ['admin', route, 403],
        ['panelDeclared', route, 403],
      ]),
      ['own', 'create', 409],
      ['outsider', 'create', 404],
      ['admin', 'create', 403],
      ['panelDeclared', 'create', 403],
    ];
    for (const [actor, route, expected] of refusals) await check(s, actor, route, expected);
    // Untouched by all of that:
    const mine = await call(s, 'own', 'get');
    expect(mine.body).toMatchObject({ status: 'submitted', version: 1, price: 1249500.5, bidderName: 'Target Org' });
    // The bidder's own way through, in order.
    await check(s, 'own', 'list', list(s.targetId));
    await check(s, 'own', 'get', 200);
    await check(s, 'own', 'patch', 200);
    await check(s, 'own', 'submit', 200);
    await check(s, 'own', 'withdraw', 200);
    // The team may enter a paper bid (a new bid, not this one).
    await check(s, 'owner', 'create', 201);
  });

  it('once the box is open (evaluation)', async () => {
    const s = await scene();
    await closeTender(s.world);
    const tenderId = s.world.tenderId;
    await t
      .http()
      .put(`/api/tenders/${tenderId}/declarations/${s.targetId}`)
      .set(s.actors.panelDeclared.auth)
      .send({ conflict: false })
      .expect(200);
    await t
      .http()
      .put(`/api/tenders/${tenderId}/declarations/${s.rivalBidId}`)
      .set(s.actors.panelDeclared.auth)
      .send({ conflict: false })
      .expect(200);
    await t
      .http()
      .put(`/api/tenders/${tenderId}/declarations/${s.targetId}`)
      .set(s.actors.panelConflicted.auth)
      .send({ conflict: true, details: 'My sister works there.' })
      .expect(200);
    await t
      .http()
      .put(`/api/tenders/${tenderId}/declarations/${s.rivalBidId}`)
      .set(s.actors.panelConflicted.auth)
      .send({ conflict: false })
      .expect(200);
    await t
      .http()
      .put(`/api/tenders/${tenderId}/declarations/${s.rivalBidId}`)
      .set(s.actors.panelUndeclared.auth)
      .send({ conflict: false })
      .expect(200);

    const list = (...ids: string[]) => ({ status: 200, ids });
    const both = list(s.targetId, s.rivalBidId);
    const matrix: [Actor, Route, Expectation][] = [
      ['own', 'get', 200],
      ['rival', 'get', 404],
      ['owner', 'get', 200],
      ['procurement', 'get', 200],
      ['outsider', 'get', 404],
      ['admin', 'get', 404],
      ['panelDeclared', 'get', 200],
      ['panelUndeclared', 'get', 409],
      ['panelConflicted', 'get', 404],
      ['panelistElsewhere', 'get', 404],
      ['own', 'list', list(s.targetId)],
      ['rival', 'list', list(s.rivalBidId)],
      ['owner', 'list', both],
      ['procurement', 'list', both],
      ['outsider', 'list', 404],
      ['admin', 'list', 404],
      ['panelDeclared', 'list', both],
      ['panelUndeclared', 'list', list()],
      ['panelConflicted', 'list', list(s.rivalBidId)],
      ['panelistElsewhere', 'list', 404],
      ...(['patch', 'submit', 'withdraw'] as const).flatMap((route): [Actor, Route, Expectation][] => [
        ['own', route, 409],
        ['rival', route, 404],
        ['owner', route, 403],
        ['procurement', route, 403],
        ['outsider', route, 404],
        ['admin', route, 403],
        ['panelDeclared', route, 403],
      ]),
      ...(['compliance', 'disqualify'] as const).flatMap((route): [Actor, Route, Expectation][] => [
        ['own', route, 403],
        ['rival', route, 403],
        ['outsider', route, 404],
        ['admin', route, 403],
        ['panelDeclared', route, 403],
      ]),
      ['own', 'create', 409],
      ['owner', 'create', 409],
      ['outsider', 'create', 404],
      ['admin', 'create', 403],
      ['panelDeclared', 'create', 403],
      ['procurement', 'compliance', 200],
      ['owner', 'disqualify', 200],
    ];
    for (const [actor, route, expected] of matrix) await check(s, actor, route, expected);
  });

  it('the team and panel see the counted version; the panel sees no price unless the tender allows it', async () => {
    const s = await scene();
    await closeTender(s.world);
    for (const bidId of [s.targetId, s.rivalBidId]) {
      await t
        .http()
        .put(`/api/tenders/${s.world.tenderId}/declarations/${bidId}`)
        .set(s.actors.panelDeclared.auth)
        .send({ conflict: false })
        .expect(200);
    }
    const team = await call(s, 'owner', 'get');
    expect(team.body).toMatchObject({ bidderName: 'Target Org', price: 1249500.5, compliance: [], hasUnsubmittedChanges: false });
    const panel = await call(s, 'panelDeclared', 'get');
    expect(panel.body).toMatchObject({ bidderName: 'Target Org', price: null, compliance: null });
    expect(panel.body.responses).toHaveLength(4);
    const bidder = await call(s, 'own', 'get');
    expect(bidder.body.compliance).toBeNull();
  });

  it('under blind marking the panel reads content without the bidder identity; priceVisibleToPanel shows the price', async () => {
    const commissioner = await t.user('commissioner');
    t.clock.set('2026-11-23T09:00:00.000Z');
    const tenderId = await createPublishedTender(t, commissioner.token, {
      criteria: BID_TENDER_CRITERIA,
      tender: { blindMarking: true, priceVisibleToPanel: true },
    });
    const bidder = await t.user('bidder');
    const panelist = await t.user('panelist');
    await t
      .http()
      .post(`/api/tenders/${tenderId}/panel`)
      .set(commissioner.auth)
      .send({ userId: panelist.id, group: 'lived_experience' })
      .expect(201);
    const bidId = await submittedBid(t, bidder, tenderId, { bidderName: 'Hidden Name Ltd', consortium: ['Partner'] });
    t.clock.set('2027-02-01T09:00:00.000Z');
    await t.http().post(`/api/tenders/${tenderId}/close`).set(commissioner.auth).expect(200);
    await t.http().put(`/api/tenders/${tenderId}/declarations/${bidId}`).set(panelist.auth).send({ conflict: false }).expect(200);
    const read = await t.http().get(`/api/tenders/${tenderId}/bids/${bidId}`).set(panelist.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ bidderName: null, organisationType: null, consortium: [], price: 1249500.5 });
    expect(JSON.stringify(read.body)).not.toContain('Hidden Name Ltd');
  });

  it('a bid is only found under its own tender', async () => {
    const s = await scene();
    const other = await bidWorld(t);
    const response = await t.http().get(`/api/tenders/${other.tenderId}/bids/${s.targetId}`).set(s.actors.own.auth);
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe('Bid not found.');
  });
});
