import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  addPanelist,
  award,
  closeTender,
  declare,
  type Panelist,
  publishedTender,
  recordGate,
  scoreAndSubmit,
  startModeration,
  newBidderSubmits,
  type CriterionBody,
} from '../steps';

// Two whole tenders through the API: room on PostgreSQL too.
jest.setTimeout(90_000);

const CRITERIA: CriterionBody[] = [
  { code: 'Q1', title: 'Service quality', kind: 'scored', category: 'quality', weight: 40 },
  { code: 'C1', title: 'Co-production', kind: 'scored', category: 'co_production', weight: 30 },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
  { code: 'G1', title: 'Insurance', kind: 'pass_fail', category: 'compliance', weight: 0 },
];

interface World {
  commissioner: SignedIn;
  tenderId: string;
  bidId: string;
  bidder: SignedIn;
  lived: Panelist;
  professional: Panelist;
  /** A member without a password, and a panel invitation issued to them during moderation and never used. */
  layMemberId: string;
  invitationToken: string;
}

/** A complete evaluation in moderation: two bids, two panelists, gates recorded, no moderation required. */
async function inModeration(t: TestApp): Promise<World> {
  const commissioner = await t.user('commissioner');
  const tenderId = (await publishedTender(t, { commissioner, criteria: CRITERIA, tender: { moderationRequired: false } }))
    .tenderId;
  const first = await newBidderSubmits(t, tenderId, 'Mind in Camden', 100_000, ['Q1', 'C1']);
  const second = await newBidderSubmits(t, tenderId, 'Certitude', 90_000, ['Q1', 'C1']);
  await closeTender({ t, tenderId, commissioner });
  const lived = await addPanelist(t, { tenderId, commissioner }, 'lived_experience');
  const professional = await addPanelist(t, { tenderId, commissioner }, 'professional');
  for (const member of [lived, professional]) {
    await declare(t, tenderId, member, [first.bidId, second.bidId]);
    await scoreAndSubmit(t, tenderId, member, first.bidId, { Q1: 4, C1: 4 });
    await scoreAndSubmit(t, tenderId, member, second.bidId, { Q1: 2, C1: 3 });
  }
  await recordGate(t, tenderId, commissioner, first.bidId, 'G1', true);
  await recordGate(t, tenderId, commissioner, second.bidId, 'G1', true);
  // Links are for accounts without a password: a member added by name and email, who has not scored.
  const layMember = await t
    .http()
    .post(`/api/tenders/${tenderId}/panel`)
    .set(commissioner.auth)
    .send({ name: 'Robin Lay', email: `robin-${tenderId}@example.org`, group: 'professional' });
  expect(layMember.status).toBe(201);
  await startModeration(t, tenderId, commissioner);
  const invitation = await t.http().post(`/api/tenders/${tenderId}/panel/${layMember.body.id}/invitation`).set(commissioner.auth);
  expect(invitation.status).toBe(201);
  const invitationToken = invitation.body.token as string;
  const layMemberId = layMember.body.id as string;
  return { commissioner, tenderId, bidId: first.bidId, bidder: first.bidder, lived, professional, layMemberId, invitationToken };
}

/**
 * Every route in src/ that changes a tender or anything on it, each with a body that
 * would be accepted on an open tender, so only the tender's state can refuse it.
 */
async function everyChange(t: TestApp, world: World): Promise<{ route: string; status: number; detail: string }[]> {
  const { tenderId, bidId, commissioner, bidder, lived, professional } = world;
  const base = `/api/tenders/${tenderId}`;
  const colleague = await t.user('procurement');
  const newBidder = await t.user('bidder', { organisationName: 'Latecomer CIC' });
  const newPanelist = await t.user('panelist');
  const rationale = 'The answer shows strong evidence of co-produced outcomes.';
  const attempts: [string, () => Promise<{ status: number; body: { detail?: string } }>][] = [
    ['PATCH tender', () => t.http().patch(base).set(commissioner.auth).send({ title: 'A new title' })],
    ['POST team', () => t.http().post(`${base}/team`).set(commissioner.auth).send({ userId: colleague.id, role: 'procurement' })],
    ['POST publish', () => t.http().post(`${base}/publish`).set(commissioner.auth)],
    ['POST close', () => t.http().post(`${base}/close`).set(commissioner.auth)],
    ['POST start-moderation', () => t.http().post(`${base}/start-moderation`).set(commissioner.auth)],
    ['POST award', () => t.http().post(`${base}/award`).set(commissioner.auth).send({})],
    ['POST cancel', () => t.http().post(`${base}/cancel`).set(commissioner.auth).send({ reason: 'Budget withdrawn.' })],
    [
      'POST criteria',
      () =>
        t
          .http()
          .post(`${base}/criteria`)
          .set(commissioner.auth)
          .send({ code: 'Q9', title: 'Late question', kind: 'scored', category: 'quality', weight: 0 }),
    ],
    ['PATCH criterion', () => t.http().patch(`${base}/criteria/Q1`).set(commissioner.auth).send({ title: 'Renamed' })],
    ['DELETE criterion', () => t.http().delete(`${base}/criteria/G1`).set(commissioner.auth)],
    [
      'POST bid',
      () =>
        t
          .http()
          .post(`${base}/bids`)
          .set(newBidder.auth)
          .send({
            bidderName: 'Latecomer CIC',
            price: 50_000,
            responses: [
              { criterion: 'Q1', text: 'Our service model.' },
              { criterion: 'C1', text: 'Our co-production.' },
            ],
          }),
    ],
    ['PATCH bid', () => t.http().patch(`${base}/bids/${bidId}`).set(bidder.auth).send({ price: 95_000 })],
    ['POST bid submit', () => t.http().post(`${base}/bids/${bidId}/submit`).set(bidder.auth)],
    ['POST bid withdraw', () => t.http().post(`${base}/bids/${bidId}/withdraw`).set(bidder.auth)],
    [
      'PUT compliance',
      () =>
        t
          .http()
          .put(`${base}/bids/${bidId}/compliance/G1`)
          .set(commissioner.auth)
          .send({ passed: false, note: 'Certificate expired.' }),
    ],
    [
      'POST disqualify',
      () => t.http().post(`${base}/bids/${bidId}/disqualify`).set(commissioner.auth).send({ reason: 'Collusion.' }),
    ],
    [
      'POST panel',
      () => t.http().post(`${base}/panel`).set(commissioner.auth).send({ userId: newPanelist.id, group: 'professional' }),
    ],
    ['DELETE panel member', () => t.http().delete(`${base}/panel/${professional.memberId}`).set(commissioner.auth)],
    ['POST invitation', () => t.http().post(`${base}/panel/${world.layMemberId}/invitation`).set(commissioner.auth)],
    ['DELETE invitation', () => t.http().delete(`${base}/panel/${world.layMemberId}/invitation`).set(commissioner.auth)],
    ['POST redeem invitation', () => t.http().post('/api/auth/invitation').send({ token: world.invitationToken })],
    [
      'PUT declaration',
      () =>
        t.http().put(`${base}/declarations/${bidId}`).set(lived.auth).send({ conflict: true, details: 'I remembered a link.' }),
    ],
    ['PUT score', () => t.http().put(`${base}/bids/${bidId}/scores/Q1`).set(lived.auth).send({ score: 3, rationale })],
    ['POST scores submit', () => t.http().post(`${base}/bids/${bidId}/scores/submit`).set(lived.auth)],
    [
      'PUT moderated score',
      () => t.http().put(`${base}/bids/${bidId}/moderated/Q1`).set(commissioner.auth).send({ score: 3, rationale }),
    ],
  ];
  const answers: { route: string; status: number; detail: string }[] = [];
  for (const [route, attempt] of attempts) {
    const response = await attempt();
    answers.push({ route, status: response.status, detail: response.body.detail ?? '' });
  }
  return answers;
}

async function snapshot(t: TestApp, world: World) {
  const tender = await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth);
  const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
  const criteria = await t.http().get(`/api/tenders/${world.tenderId}/criteria`).set(world.commissioner.auth);
  const bids = await t.http().get(`/api/tenders/${world.tenderId}/bids`).set(world.commissioner.auth);
  const panel = await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth);
  return {
    tender: tender.body,
    events: trail.body.length as number,
    criteria: criteria.body,
    bids: bids.body,
    panel: panel.body,
  };
}

describe('an awarded or cancelled tender is frozen', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 409 to every change after the award, and changes nothing', async () => {
    const world = await inModeration(t);
    expect((await award(t, world.tenderId, world.commissioner)).status).toBe(200);
    const before = await snapshot(t, world);
    expect(before.tender.status).toBe('awarded');

    const answers = await everyChange(t, world);
    expect(answers.map(({ route, status }) => ({ route, status }))).toEqual(answers.map(({ route }) => ({ route, status: 409 })));
    // Each refusal says why in words (the tender's state), not a generic failure.
    for (const { route, detail } of answers) expect({ route, says: /awarded/.test(detail) }).toEqual({ route, says: true });
    expect(await snapshot(t, world)).toEqual(before);
    // Reading stays open: the results are the record of the decision.
    expect((await t.http().get(`/api/tenders/${world.tenderId}/results`).set(world.commissioner.auth)).status).toBe(200);
  });

  it('answers 409 to every change after a cancellation during moderation, and changes nothing', async () => {
    const world = await inModeration(t);
    const cancelled = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/cancel`)
      .set(world.commissioner.auth)
      .send({ reason: 'The service is being brought in house.' });
    expect(cancelled.status).toBe(200);
    const before = await snapshot(t, world);
    expect(before.tender.status).toBe('cancelled');

    const answers = await everyChange(t, world);
    expect(answers.map(({ route, status }) => ({ route, status }))).toEqual(answers.map(({ route }) => ({ route, status: 409 })));
    for (const { route, detail } of answers) expect({ route, says: /cancelled/.test(detail) }).toEqual({ route, says: true });
    expect(await snapshot(t, world)).toEqual(before);
    // No award was made: no results are published for a cancelled tender.
    expect((await t.http().get(`/api/tenders/${world.tenderId}/results`).set(world.commissioner.auth)).status).toBe(409);
  });
});
