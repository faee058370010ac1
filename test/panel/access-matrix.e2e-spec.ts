import type { Test } from 'supertest';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  addLayPanelist,
  addPanelist,
  buildNeeds,
  declare,
  type Panelist,
  type PanelWorld,
  panelTenderInEvaluation,
} from '../steps';

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(60_000);

/**
 * `seat`: a lay member signed in by an invitation (a session for this tender's seat);
 * `seatElsewhere`: a lay account seated here too, signed in by another tender's invitation.
 */
type CallerName =
  | 'own'
  | 'seat'
  | 'other'
  | 'conflicted'
  | 'foreign'
  | 'seatElsewhere'
  | 'team'
  | 'strangerTeam'
  | 'bidder'
  | 'admin'
  | 'anonymous';
const CALLERS: CallerName[] = [
  'own',
  'seat',
  'other',
  'conflicted',
  'foreign',
  'seatElsewhere',
  'team',
  'strangerTeam',
  'bidder',
  'admin',
  'anonymous',
];

interface Route {
  name: string;
  call: (auth: Record<string, string>) => Test;
  expected: Record<CallerName, number>;
}

/** The same answer for every caller of a team route except the team itself. */
function teamRoute(team: number, strangerTeam = 404): Record<CallerName, number> {
  return {
    own: 403,
    seat: 403,
    other: 403,
    conflicted: 403,
    foreign: 403,
    seatElsewhere: 403,
    team,
    strangerTeam,
    bidder: 403,
    admin: 403,
    anonymous: 401,
  };
}

/** A route for the panel member acting for themselves. */
function panelRoute(own: number, other: number, conflicted: number): Record<CallerName, number> {
  return {
    own,
    seat: own,
    other,
    conflicted,
    foreign: 404,
    seatElsewhere: 404,
    team: 403,
    strangerTeam: 403,
    bidder: 403,
    admin: 403,
    anonymous: 401,
  };
}

/** A member's needs (`own`'s): the team and the member themselves; another member's needs do not exist for a member. */
function needsRoute(allowed: number): Record<CallerName, number> {
  return {
    own: allowed,
    seat: 404,
    other: 404,
    conflicted: 404,
    foreign: 404,
    seatElsewhere: 404,
    team: allowed,
    strangerTeam: 404,
    bidder: 403,
    admin: 403,
    anonymous: 401,
  };
}

describe('access matrix: panel, scoring and moderation routes', () => {
  let t: TestApp;
  let world: PanelWorld;
  let own: Panelist;
  let other: Panelist;
  let conflicted: Panelist;
  let seat: Panelist;
  let auth: Record<CallerName, Record<string, string>>;
  let emails = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const elsewhere = await panelTenderInEvaluation(t);
    const foreign = await addPanelist(t, elsewhere, 'lived_experience');
    await declare(t, elsewhere.tenderId, foreign, elsewhere.bidIds);
    const seatElsewhere = await addLayPanelist(t, elsewhere, 'lived_experience');

    world = await panelTenderInEvaluation(t);
    own = await addPanelist(t, world, 'lived_experience');
    other = await addPanelist(t, world, 'professional');
    conflicted = await addPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, own, world.bidIds);
    await declare(t, world.tenderId, other, world.bidIds);
    await declare(t, world.tenderId, conflicted, world.bidIds, [world.bidIds[0]]);
    seat = await addLayPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, seat, world.bidIds);
    // The elsewhere lay account sits here too (seated by its id), but its session is elsewhere's.
    const alsoHere = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ userId: seatElsewhere.id, group: 'lived_experience' });
    expect(alsoHere.status).toBe(201);
    const strangerTeam: SignedIn = await t.user('commissioner');
    auth = {
      own: own.auth,
      seat: seat.auth,
      other: other.auth,
      conflicted: conflicted.auth,
      foreign: foreign.auth,
      seatElsewhere: seatElsewhere.auth,
      team: world.commissioner.auth,
      strangerTeam: strangerTeam.auth,
      bidder: world.bidders[0].auth,
      admin: { Authorization: `Bearer ${t.adminToken}` },
      anonymous: {},
    };
  });
  afterAll(() => t.close());

  const base = () => `/api/tenders/${world.tenderId}`;
  const bid = () => world.bidIds[0];

  const routes: Route[] = [
    {
      name: 'POST panel',
      call: (a) => {
        emails += 1;
        return t
          .http()
          .post(`${base()}/panel`)
          .set(a)
          .send({ name: `Matrix ${emails}`, email: `matrix${emails}@example.org`, group: 'professional' });
      },
      expected: teamRoute(201),
    },
    { name: 'GET panel', call: (a) => t.http().get(`${base()}/panel`).set(a), expected: teamRoute(200) },
    // In evaluation the team may not remove a member (409): past the access check, refused by the rule.
    {
      name: 'DELETE panel member',
      call: (a) => t.http().delete(`${base()}/panel/${own.memberId}`).set(a),
      expected: teamRoute(409),
    },
    {
      name: 'POST invitation',
      call: (a) => t.http().post(`${base()}/panel/${seat.memberId}/invitation`).set(a),
      expected: teamRoute(201),
    },
    {
      name: 'DELETE invitation',
      call: (a) => t.http().delete(`${base()}/panel/${seat.memberId}/invitation`).set(a),
      expected: teamRoute(204),
    },
    {
      name: 'POST letter',
      call: (a) => t.http().post(`${base()}/panel/${seat.memberId}/letter`).set(a),
      expected: teamRoute(200),
    },
    { name: 'POST letters', call: (a) => t.http().post(`${base()}/panel/letters`).set(a), expected: teamRoute(200) },
    {
      name: 'GET scoring pack',
      call: (a) => t.http().get(`${base()}/panel/${own.memberId}/scoring-pack`).set(a),
      expected: teamRoute(200),
    },
    { name: 'GET declarations', call: (a) => t.http().get(`${base()}/declarations`).set(a), expected: panelRoute(200, 200, 200) },
    {
      name: 'PUT declaration',
      call: (a) => t.http().put(`${base()}/declarations/${bid()}`).set(a).send({ conflict: false }),
      // The conflicted member may not withdraw their conflict: 409.
      expected: panelRoute(200, 200, 409),
    },
    { name: 'GET assignments', call: (a) => t.http().get(`${base()}/assignments`).set(a), expected: panelRoute(200, 200, 200) },
    {
      name: 'PUT score',
      call: (a) => t.http().put(`${base()}/bids/${bid()}/scores/Q1`).set(a).send({ score: 3, rationale: 'Matrix score.' }),
      expected: panelRoute(200, 200, 404),
    },
    // Own and other have scored Q1 only: 422 names the rest, past the access check.
    {
      name: 'POST submit',
      call: (a) => t.http().post(`${base()}/bids/${bid()}/scores/submit`).set(a),
      expected: panelRoute(422, 422, 404),
    },
    { name: 'GET scores/mine', call: (a) => t.http().get(`${base()}/scores/mine`).set(a), expected: panelRoute(200, 200, 200) },
    // Not quorate yet (409): past the access check.
    { name: 'POST start-moderation', call: (a) => t.http().post(`${base()}/start-moderation`).set(a), expected: teamRoute(409) },
    { name: 'GET moderation', call: (a) => t.http().get(`${base()}/moderation`).set(a), expected: teamRoute(409) },
    {
      name: 'PUT moderated',
      call: (a) => t.http().put(`${base()}/bids/${bid()}/moderated/Q1`).set(a).send({ score: 3, rationale: 'Matrix.' }),
      expected: teamRoute(409),
    },
    { name: 'GET needs (all)', call: (a) => t.http().get(`${base()}/needs`).set(a), expected: teamRoute(200) },
    {
      name: 'GET member needs',
      call: (a) => t.http().get(`${base()}/panel/${own.memberId}/needs`).set(a),
      expected: needsRoute(200),
    },
    {
      name: 'PUT member needs',
      call: (a) => t.http().put(`${base()}/panel/${own.memberId}/needs`).set(a).send(buildNeeds()),
      expected: needsRoute(200),
    },
    { name: 'GET messages', call: (a) => t.http().get(`${base()}/messages`).set(a), expected: teamRoute(200) },
    {
      name: 'POST unscored-reminders',
      call: (a) => t.http().post(`${base()}/messages/unscored-reminders`).set(a),
      expected: teamRoute(200),
    },
    {
      name: 'GET notification-settings',
      call: (a) => t.http().get(`${base()}/notification-settings`).set(a),
      expected: teamRoute(200),
    },
    {
      name: 'PUT notification-settings',
      call: (a) =>
        t
          .http()
          .put(`${base()}/notification-settings`)
          .set(a)
          .send({ reminderDaysBefore: [2] }),
      expected: teamRoute(200),
    },
    // In evaluation the needs may not be deleted (409): past the access check.
    {
      name: 'DELETE member needs',
      call: (a) =>
        t.http().delete(`${base()}/panel/${own.memberId}/needs`).set(a).send({ requestedBy: 'member', memberAsked: true }),
      expected: needsRoute(409),
    },
  ];

  it.each(routes.map((route) => [route.name, route] as const))('%s', async (_name, route) => {
    const actual: Partial<Record<CallerName, number>> = {};
    for (const caller of CALLERS) actual[caller] = (await route.call(auth[caller])).status;
    expect(actual).toEqual(route.expected);
  });

  it('refusals are problem+json and say nothing about the tender to outsiders', async () => {
    const foreign = await t.http().get(`${base()}/assignments`).set(auth.foreign);
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(foreign.body).toEqual({
      type: 'https://tender-scorer.org/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: 'Tender not found.',
    });
    const team = await t.http().get(`${base()}/scores/mine`).set(auth.team);
    expect(team.body).toMatchObject({
      status: 403,
      detail: 'This action is for panelist accounts; you are signed in as commissioner.',
    });
  });

  it('a panelist never sees another panelist’s scores', async () => {
    const mine = await t.http().get(`${base()}/scores/mine`).set(own.auth);
    const theirs = await t.http().get(`${base()}/scores/mine`).set(other.auth);
    expect(mine.body).toHaveLength(1);
    expect(theirs.body).toHaveLength(1);
    expect(mine.body[0].id).not.toBe(theirs.body[0].id);
    const conflictedMine = await t.http().get(`${base()}/scores/mine`).set(conflicted.auth);
    expect(conflictedMine.body).toEqual([]);
  });

  it('no panelist identity reaches a bidder', async () => {
    const bids = await t.http().get(`${base()}/bids`).set(auth.bidder);
    const tender = await t.http().get(base()).set(auth.bidder);
    const serialised = JSON.stringify([bids.body, tender.body]);
    for (const member of [own, other, conflicted]) {
      expect(serialised).not.toContain(member.name);
      expect(serialised).not.toContain(member.email);
      expect(serialised).not.toContain(member.memberId);
    }
  });
});
