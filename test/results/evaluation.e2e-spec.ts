import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  addPanelist,
  award,
  bidNamed,
  closeTender,
  declare,
  getResults,
  type Panelist,
  moderate,
  publishedTender,
  recordGate,
  type ResultBid,
  scoreAndSubmit,
  startModeration,
  newBidderSubmits,
  type CriterionBody,
  type TenderBody,
  deliberatelyInvalid,
} from '../steps';

// Whole tenders through the API (six bids, four panelists, moderation): room on PostgreSQL too.
jest.setTimeout(90_000);

/*
 * A commissioner's whole evaluation, as a new user would run it, checked against numbers
 * worked by hand from SCORING.md (the arithmetic is in the comments; nothing here asks
 * the engine what to expect).
 *
 * Tree (weights in % of the tender, scale 0–5, mean):
 *   Q  Service quality (section)            45
 *     Q1 Service model      quality         25  both groups, lived 60 / professional 40, threshold 2.5
 *     Q2 Safeguarding       quality         20  professionals only
 *   C1 Co-production        co_production   15  lived experience only
 *   W  Wider outcomes (section)             10
 *     SV1 Local employment  social_outcome   7  both groups, no group weights
 *     EN1 Greener travel    environmental    3  both groups, no group weights
 *   P  Price                                30  lowest_ratio
 *   G1 Insurance            pass/fail        0
 *
 * Bids: A Brent Peer Support £120 000; B Camden Recovery Co-op £100 000; C Holborn Care
 * Ltd £90 000 (fails G1); D Kentish Town Trust £110 000 (disqualified); E Euston Care
 * £95 000 (withdrawn before the deadline: never listed); F Somers Town CIC £80 000 (below
 * the Q1 threshold). Panel: lived-experience L1, L2; professionals P1, P2 (P2 declares a
 * conflict with B; neither professional scores F).
 */
const CRITERIA: CriterionBody[] = [
  { code: 'Q', title: 'Service quality', kind: 'section', category: 'quality', weight: 45 },
  {
    parentId: 'Q',
    code: 'Q1',
    title: 'Service model',
    kind: 'scored',
    category: 'quality',
    weight: 25,
    groupWeights: { lived_experience: 60, professional: 40 },
    threshold: 2.5,
  },
  {
    parentId: 'Q',
    code: 'Q2',
    title: 'Safeguarding practice',
    kind: 'scored',
    category: 'quality',
    weight: 20,
    scoredBy: ['professional'],
  },
  { code: 'C1', title: 'Co-production', kind: 'scored', category: 'co_production', weight: 15, scoredBy: ['lived_experience'] },
  { code: 'W', title: 'Wider outcomes', kind: 'section', weight: 10 },
  { parentId: 'W', code: 'SV1', title: 'Local employment', kind: 'scored', category: 'social_outcome', weight: 7 },
  { parentId: 'W', code: 'EN1', title: 'Greener travel', kind: 'scored', category: 'environmental_outcome', weight: 3 },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
  { code: 'G1', title: 'Insurance', kind: 'pass_fail', category: 'compliance', weight: 0 },
];
const SCORED = ['Q1', 'Q2', 'C1', 'SV1', 'EN1'];
const NAMES = {
  A: 'Brent Peer Support',
  B: 'Camden Recovery Co-op',
  C: 'Holborn Care Ltd',
  D: 'Kentish Town Trust',
  E: 'Euston Care',
  F: 'Somers Town CIC',
} as const;
type Letter = keyof typeof NAMES;
const DISQUALIFICATION = 'The bidder canvassed a councillor during the tender period, contrary to ITT clause 4.2';

interface World {
  commissioner: SignedIn;
  tenderId: string;
  bids: Record<Letter, string>;
  members: { L1: Panelist; L2: Panelist; P1: Panelist; P2: Panelist };
}

/** Everything up to moderation: bids, withdrawal, closing, disqualification, panel scores, gates for A, B, C. */
async function evaluationUpToModeration(t: TestApp, settings: TenderBody): Promise<World> {
  const commissioner = await t.user('commissioner');
  const tenderId = (await publishedTender(t, { commissioner, criteria: CRITERIA, tender: settings })).tenderId;
  const prices: Record<Letter, number> = { A: 120_000, B: 100_000, C: 90_000, D: 110_000, E: 95_000, F: 80_000 };
  const bids = {} as Record<Letter, string>;
  let withdrawer: SignedIn | null = null;
  for (const letter of Object.keys(NAMES) as Letter[]) {
    t.clock.advance(60_000);
    const { bidId, bidder } = await newBidderSubmits(t, tenderId, NAMES[letter], prices[letter], SCORED);
    bids[letter] = bidId;
    if (letter === 'E') withdrawer = bidder;
  }
  expect((await t.http().post(`/api/tenders/${tenderId}/bids/${bids.E}/withdraw`).set(withdrawer!.auth)).status).toBe(200);
  await closeTender({ t, tenderId, commissioner });
  const disqualified = await t
    .http()
    .post(`/api/tenders/${tenderId}/bids/${bids.D}/disqualify`)
    .set(commissioner.auth)
    .send({ reason: DISQUALIFICATION });
  expect(disqualified.status).toBe(200);

  const members = {
    L1: await addPanelist(t, { tenderId, commissioner }, 'lived_experience'),
    L2: await addPanelist(t, { tenderId, commissioner }, 'lived_experience'),
    P1: await addPanelist(t, { tenderId, commissioner }, 'professional'),
    P2: await addPanelist(t, { tenderId, commissioner }, 'professional'),
  };
  const panelBids = [bids.A, bids.B, bids.C, bids.F];
  await declare(t, tenderId, members.L1, panelBids);
  await declare(t, tenderId, members.L2, panelBids);
  await declare(t, tenderId, members.P1, panelBids);
  await declare(t, tenderId, members.P2, panelBids, [bids.B]);
  const { L1, L2, P1, P2 } = members;
  await scoreAndSubmit(t, tenderId, L1, bids.A, { Q1: 4, C1: 5, SV1: 3, EN1: 2 });
  await scoreAndSubmit(t, tenderId, L2, bids.A, { Q1: 5, C1: 4, SV1: 3, EN1: 3 });
  await scoreAndSubmit(t, tenderId, P1, bids.A, { Q1: 3, Q2: 4, SV1: 2, EN1: 2 });
  await scoreAndSubmit(t, tenderId, P2, bids.A, { Q1: 3, Q2: 3, SV1: 4, EN1: 2 });
  await scoreAndSubmit(t, tenderId, L1, bids.B, { Q1: 4, C1: 3, SV1: 4, EN1: 3 });
  await scoreAndSubmit(t, tenderId, L2, bids.B, { Q1: 4, C1: 4, SV1: 5, EN1: 4 });
  await scoreAndSubmit(t, tenderId, P1, bids.B, { Q1: 3, Q2: 4, SV1: 4, EN1: 4 });
  for (const member of [L1, L2]) await scoreAndSubmit(t, tenderId, member, bids.C, { Q1: 3, C1: 3, SV1: 3, EN1: 3 });
  for (const member of [P1, P2]) await scoreAndSubmit(t, tenderId, member, bids.C, { Q1: 3, Q2: 3, SV1: 3, EN1: 3 });
  for (const member of [L1, L2]) await scoreAndSubmit(t, tenderId, member, bids.F, { Q1: 2, C1: 5, SV1: 4, EN1: 4 });

  await recordGate(t, tenderId, commissioner, bids.A, 'G1', true);
  await recordGate(t, tenderId, commissioner, bids.B, 'G1', true);
  await recordGate(t, tenderId, commissioner, bids.C, 'G1', false);
  return { commissioner, tenderId, bids, members };
}

const order = (body: { bids: ResultBid[] }) => body.bids.map((bid) => [bid.bidderName, bid.rank]);
const criteriaOf = (bid: ResultBid) => bid.criteria.map(({ criterionId: _id, ...rest }) => rest);

/** Every expectation on A, B, C and D that both tests share (F differs). Totals of A and B are panel-based. */
function expectCommonBids(body: { bids: ResultBid[] }, world: World): void {
  const a = bidNamed(body, NAMES.A);
  const b = bidNamed(body, NAMES.B);
  const c = bidNamed(body, NAMES.C);
  const d = bidNamed(body, NAMES.D);

  expect(b).toMatchObject({ bidId: world.bids.B, status: 'submitted', eligible: true, exclusions: [], price: 100000, rank: 1 });
  expect(criteriaOf(b)).toEqual([
    // lived (4 + 4) / 2 = 4, professional 3 (P2 conflicted) → 0.6 × 4 + 0.4 × 3 = 3.6 → 25 × 3.6 / 5 = 18
    { code: 'Q1', score: 3.6, weighted: 18, source: 'panel', groupScores: { lived_experience: 4, professional: 3 } },
    // moderated 4 → 20 × 4 / 5 = 16
    { code: 'Q2', score: 4, weighted: 16, source: 'moderated' },
    // (3 + 4) / 2 = 3.5 → 15 × 3.5 / 5 = 10.5
    { code: 'C1', score: 3.5, weighted: 10.5, source: 'panel' },
    // (4 + 5 + 4) / 3 = 13/3 = 4.333… → 7 × 13/15 = 91/15 = 6.0666… → 6.07
    { code: 'SV1', score: 4.33, weighted: 6.07, source: 'panel' },
    // (3 + 4 + 4) / 3 = 11/3 = 3.666… → 3 × 11/15 = 2.2
    { code: 'EN1', score: 3.67, weighted: 2.2, source: 'panel' },
    // the lowest eligible price (F's £80 000 is ineligible): 30 × 100 000 / 100 000 = 30
    { code: 'P', score: null, weighted: 30, source: 'price' },
  ]);
  // 18 + 16 + 10.5 + 91/15 + 2.2 + 30 = 82.7666… → 82.77; wider 91/15 + 33/15 = 124/15 = 8.2666… → 8.27
  expect(b.total).toBe(82.77);
  expect(b.byCategory).toEqual({
    quality: 34,
    co_production: 10.5,
    social_outcome: 6.07,
    economic_outcome: 0,
    environmental_outcome: 2.2,
    wider_outcomes: 8.27,
    price: 30,
  });
  // Q2 on B: one usable score (P1), fewer than minScorers 2.
  expect(b.flags).toEqual([{ type: 'quorum_not_met', criterion: 'Q2' }]);

  expect(a).toMatchObject({ bidId: world.bids.A, eligible: true, exclusions: [], price: 120000, rank: 2 });
  expect(criteriaOf(a)).toEqual([
    // lived (4 + 5) / 2 = 4.5, professional (3 + 3) / 2 = 3 → 0.6 × 4.5 + 0.4 × 3 = 3.9 → 25 × 3.9 / 5 = 19.5
    { code: 'Q1', score: 3.9, weighted: 19.5, source: 'panel', groupScores: { lived_experience: 4.5, professional: 3 } },
    // (4 + 3) / 2 = 3.5 → 20 × 3.5 / 5 = 14
    { code: 'Q2', score: 3.5, weighted: 14, source: 'panel' },
    // moderated 4 → 15 × 4 / 5 = 12
    { code: 'C1', score: 4, weighted: 12, source: 'moderated' },
    // (3 + 3 + 2 + 4) / 4 = 3 → 7 × 3 / 5 = 4.2
    { code: 'SV1', score: 3, weighted: 4.2, source: 'panel' },
    // (2 + 3 + 2 + 2) / 4 = 2.25 → 3 × 2.25 / 5 = 1.35
    { code: 'EN1', score: 2.25, weighted: 1.35, source: 'panel' },
    // 30 × 100 000 / 120 000 = 25
    { code: 'P', score: null, weighted: 25, source: 'price' },
  ]);
  // 19.5 + 14 + 12 + 4.2 + 1.35 + 25 = 76.05
  expect(a.total).toBe(76.05);
  expect(a.byCategory).toEqual({
    quality: 33.5,
    co_production: 12,
    social_outcome: 4.2,
    economic_outcome: 0,
    environmental_outcome: 1.35,
    wider_outcomes: 5.55,
    price: 25,
  });
  // Q1: 5 − 3 = 2 ≥ 2; SV1: 4 − 2 = 2. PanelGroup means on Q1 differ by 1.5 only.
  expect(a.flags).toEqual([
    { type: 'divergence', criterion: 'Q1' },
    { type: 'divergence', criterion: 'SV1' },
  ]);

  expect(c).toMatchObject({
    bidId: world.bids.C,
    status: 'submitted',
    eligible: false,
    rank: null,
    price: 90000,
    exclusions: [
      { reason: 'failed_gate', criterion: 'G1', detail: 'The bid did not pass the pass/fail criterion G1 (Insurance).' },
    ],
    flags: [],
  });
  // Every score 3: 15 + 12 + 9 + 4.2 + 1.8 = 42, and no price score (ineligible).
  expect(criteriaOf(c)).toEqual([
    { code: 'Q1', score: 3, weighted: 15, source: 'panel', groupScores: { lived_experience: 3, professional: 3 } },
    { code: 'Q2', score: 3, weighted: 12, source: 'panel' },
    { code: 'C1', score: 3, weighted: 9, source: 'panel' },
    { code: 'SV1', score: 3, weighted: 4.2, source: 'panel' },
    { code: 'EN1', score: 3, weighted: 1.8, source: 'panel' },
    { code: 'P', score: null, weighted: null, source: 'price' },
  ]);
  expect(c.total).toBe(42);
  expect(c.byCategory).toEqual({
    quality: 27,
    co_production: 9,
    social_outcome: 4.2,
    economic_outcome: 0,
    environmental_outcome: 1.8,
    wider_outcomes: 6,
    price: 0,
  });

  // Disqualified: listed, never ranked, nothing scored (the panel never saw it).
  expect(d).toMatchObject({
    bidId: world.bids.D,
    status: 'disqualified',
    eligible: false,
    rank: null,
    price: 110000,
    total: 0,
    exclusions: [{ reason: 'disqualified', detail: `The bid was disqualified: ${DISQUALIFICATION}.` }],
  });
  expect(criteriaOf(d)).toEqual([
    ...SCORED.map((code) => ({ code, score: null, weighted: null, source: 'missing' })),
    { code: 'P', score: null, weighted: null, source: 'price' },
  ]);

  expect(body.bids.map((bid) => bid.bidderName)).not.toContain(NAMES.E);
}

/**
 * F with Q2 moderated to 4 (the professionals never scored it), its other cells from the
 * panel or moderated to the same values.
 */
function expectF(body: { bids: ResultBid[] }, world: World, source: 'panel' | 'moderated'): void {
  const f = bidNamed(body, NAMES.F);
  expect(f).toMatchObject({
    bidId: world.bids.F,
    eligible: false,
    rank: null,
    price: 80000,
    exclusions: [
      {
        reason: 'below_threshold',
        criterion: 'Q1',
        detail: 'The bid scored 2 on Q1 (Service model), below the minimum score of 2.5 for that criterion.',
      },
    ],
    // No usable Q2 score. Not flagged abnormally low either: only eligible bids are.
    flags: [{ type: 'quorum_not_met', criterion: 'Q2' }],
  });
  expect(criteriaOf(f)).toEqual([
    // lived (2 + 2) / 2 = 2; no professional scored, so the weights renormalise over lived: 2 → 25 × 2 / 5 = 10
    { code: 'Q1', score: 2, weighted: 10, source, ...(source === 'panel' && { groupScores: { lived_experience: 2 } }) },
    { code: 'Q2', score: 4, weighted: 16, source: 'moderated' },
    { code: 'C1', score: 5, weighted: 15, source },
    { code: 'SV1', score: 4, weighted: 5.6, source },
    { code: 'EN1', score: 4, weighted: 2.4, source },
    { code: 'P', score: null, weighted: null, source: 'price' },
  ]);
  // 10 + 16 + 15 + 5.6 + 2.4 = 49
  expect(f.total).toBe(49);
}

describe('results and award, as a commissioner runs them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('moderation not required: panel scores stand, moderation overrides some', () => {
    let world: World;
    beforeAll(async () => {
      world = await evaluationUpToModeration(t, { moderationRequired: false });
    });

    it('answers 409 before moderation: results would reveal the scores', async () => {
      const early = await getResults(t, world.tenderId, world.commissioner);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        status: 409,
        detail: "Results are shown from moderation on, because they reveal the panel's scores; the tender is in evaluation.",
        currentStatus: 'evaluation',
      });
      expect((await award(t, world.tenderId, world.commissioner)).status).toBe(409);
    });

    it('lists what is missing, and refuses the award with those gaps', async () => {
      await startModeration(t, world.tenderId, world.commissioner);
      await moderate(t, world.tenderId, world.commissioner, world.bids.A, 'C1', 4);
      await moderate(t, world.tenderId, world.commissioner, world.bids.B, 'Q2', 4);

      const response = await getResults(t, world.tenderId, world.commissioner);
      expect(response.status).toBe(200);
      expect(response.body.complete).toBe(false);
      // F: nobody may score Q2 but the professionals, and they did not; its gate is unrecorded.
      const gaps = [
        { bidId: world.bids.F, bidderName: NAMES.F, criterion: 'Q2', criterionId: expect.any(String), missing: 'panel' },
        { bidId: world.bids.F, bidderName: NAMES.F, criterion: 'G1', criterionId: expect.any(String), missing: 'compliance' },
      ];
      expect(response.body.gaps).toEqual(gaps);
      // F scores 10 + 15 + 5.6 + 2.4 = 33 so far, below C's 42.
      expect(order(response.body)).toEqual([
        [NAMES.B, 1],
        [NAMES.A, 2],
        [NAMES.C, null],
        [NAMES.F, null],
        [NAMES.D, null],
      ]);
      expect(bidNamed(response.body, NAMES.F)).toMatchObject({ total: 33 });

      const refused = await award(t, world.tenderId, world.commissioner);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        status: 409,
        detail:
          'The results are incomplete, so the tender cannot be awarded yet: 2 gaps remain: ' +
          'Somers Town CIC Q2 (no usable panel score); Somers Town CIC G1 (gate not recorded).',
        gaps,
      });
      expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.status).toBe('moderation');
    });

    it('is complete once moderation fills the gap and the gate is recorded, and every figure matches the hand computation', async () => {
      await moderate(t, world.tenderId, world.commissioner, world.bids.F, 'Q2', 4);
      await recordGate(t, world.tenderId, world.commissioner, world.bids.F, 'G1', true);

      const response = await getResults(t, world.tenderId, world.commissioner);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ tenderId: world.tenderId, status: 'moderation', complete: true, gaps: [] });
      expect(Date.parse(response.body.generatedAt)).toBe(t.clock.now().getTime());
      // Ranked by rank, then the unranked by total: F 49, C 42, D 0.
      expect(order(response.body)).toEqual([
        [NAMES.B, 1],
        [NAMES.A, 2],
        [NAMES.F, null],
        [NAMES.C, null],
        [NAMES.D, null],
      ]);
      expectCommonBids(response.body, world);
      expectF(response.body, world, 'panel');
    });

    it('states the sensitivity of B’s lead over A in a quotable sentence', async () => {
      // Share of each top-level node's weight earned (G1 weighs 0 and takes no part):
      //   A: Q 33.5/45, C1 12/15 = 0.8, W 5.55/10 = 0.555, P 25/30 = 5/6
      //   B: Q 34/45,   C1 10.5/15 = 0.7, W (124/15)/10 = 0.8266…, P 1
      // A gains on B per point moved from F to T by (a_T − b_T) − (a_F − b_F), with
      // a − b = Q −1/90, C1 +0.1, W −0.2716…, P −1/6. The gap is 82.7666… − 76.05 = 403/60.
      //   P → C1: 4/15 a point → 403/60 ÷ 4/15 = 25.1875 ≤ 30 → 25.19 (rounded up)
      //   W → C1: 0.3716… → 18.07, more than W's 10; Q → C1: 0.111… → 60.45 > 45;
      //   P → Q: 0.1555… → 43.18 > 30; W → Q, W → P: more than 10; the rest widen the gap.
      const response = await getResults(t, world.tenderId, world.commissioner);
      expect(response.body.sensitivity).toEqual({
        winnerBidId: world.bids.B,
        runnerUpBidId: world.bids.A,
        robust: false,
        smallestShift: { from: 'P', to: 'C1', points: 25.19 },
        sentence:
          'Moving 25.19 percentage points of weight from Price (P) to Co-production (C1) would put Brent Peer Support level ' +
          'with or ahead of Camden Recovery Co-op; no smaller move between two top-level sections would.',
      });
    });

    it('refuses to award a bid that is not rank 1, an ineligible bid or an unknown one', async () => {
      const runnerUp = await award(t, world.tenderId, world.commissioner, { bidId: world.bids.A });
      expect(runnerUp.status).toBe(422);
      expect(runnerUp.body).toMatchObject({
        detail:
          'Brent Peer Support ranks 2, not 1: the contract goes to the highest-ranked bid. ' +
          'To pass over a higher-ranked bid, disqualify it with the reason on the record first.',
        errors: [{ field: 'bidId', message: 'This bid ranks 2: only a rank-1 bid can be awarded.' }],
      });
      const disqualified = await award(t, world.tenderId, world.commissioner, { bidId: world.bids.D });
      expect(disqualified.status).toBe(422);
      expect(disqualified.body.detail).toBe(
        `Kentish Town Trust is not eligible for award. The bid was disqualified: ${DISQUALIFICATION}.`,
      );
      const failedGate = await award(t, world.tenderId, world.commissioner, { bidId: world.bids.C });
      expect(failedGate.status).toBe(422);
      expect(failedGate.body.detail).toBe(
        'Holborn Care Ltd is not eligible for award. The bid did not pass the pass/fail criterion G1 (Insurance).',
      );
      for (const bidId of [world.bids.E, '00000000-0000-4000-8000-000000000000']) {
        const unknown = await award(t, world.tenderId, world.commissioner, { bidId });
        expect(unknown.status).toBe(422);
        expect(unknown.body.errors).toEqual([{ field: 'bidId', message: 'No bid in these results has this id.' }]);
      }
      const blank = await award(t, world.tenderId, world.commissioner, { bidId: '  ' });
      expect(blank.status).toBe(400);
      const extra = await award(
        t,
        world.tenderId,
        world.commissioner,
        deliberatelyInvalid({ bidId: world.bids.B, reason: 'best' }),
      );
      expect(extra.status).toBe(400);
      expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.status).toBe('moderation');
    });

    it('awards the rank-1 bid and keeps the ranking as it stood in the audit trail', async () => {
      t.clock.advance(3_600_000);
      const awarded = await award(t, world.tenderId, world.commissioner);
      expect(awarded.status).toBe(200);
      expect(awarded.body).toMatchObject({
        id: world.tenderId,
        status: 'awarded',
        awardedBidId: world.bids.B,
        awardedAt: t.clock.now().toISOString(),
      });

      const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      const event = trail.body.find((e: { action: string }) => e.action === 'tender.award');
      expect(event).toMatchObject({ actorId: world.commissioner.id, entityId: world.tenderId, before: { status: 'moderation' } });
      expect(event.after).toMatchObject({
        status: 'awarded',
        awardedBidId: world.bids.B,
        awardedBidderName: NAMES.B,
        awardedTotal: '82.77',
        awardedAt: t.clock.now().toISOString(),
      });
      expect(
        event.after.ranking.map((r: { bidderName: string; rank: number | null; total: string; eligible: boolean }) => [
          r.bidderName,
          r.rank,
          r.total,
          r.eligible,
        ]),
      ).toEqual([
        [NAMES.B, 1, '82.77', true],
        [NAMES.A, 2, '76.05', true],
        [NAMES.F, null, '49.00', false],
        [NAMES.C, null, '42.00', false],
        [NAMES.D, null, '0.00', false],
      ]);
      // B's exact total, 18 + 16 + 10.5 + 91/15 + 2.2 + 30 = 1241.5/15 = 2483/30.
      expect(event.after.ranking[0].exactTotal).toBe('2483/30');
      expect(event.after.sensitivity).toMatch(/^Moving 25\.19 percentage points of weight from Price \(P\)/);

      const after = await getResults(t, world.tenderId, world.commissioner);
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({ status: 'awarded', awardedBidId: world.bids.B, complete: true });
      expectCommonBids(after.body, world);
      const again = await award(t, world.tenderId, world.commissioner);
      expect(again.status).toBe(409);
      expect(again.body.detail).toBe(
        'The tender is awarded, so it cannot be awarded: only a tender that is in moderation can be.',
      );
    });
  });

  describe('moderation required (the default): every scored cell needs a consensus score', () => {
    let world: World;
    beforeAll(async () => {
      world = await evaluationUpToModeration(t, {});
      await startModeration(t, world.tenderId, world.commissioner);
      await moderate(t, world.tenderId, world.commissioner, world.bids.A, 'C1', 4);
      await moderate(t, world.tenderId, world.commissioner, world.bids.B, 'Q2', 4);
    });

    it('shows provisional results with every unmoderated cell listed as a gap, and refuses the award', async () => {
      const response = await getResults(t, world.tenderId, world.commissioner);
      expect(response.status).toBe(200);
      expect(response.body.complete).toBe(false);
      // The provisional figures are the panel's, exactly as without required moderation.
      expectCommonBids(response.body, world);
      // In the order of bids (B, A, C, then F on 33), then tree order; D is disqualified and owes nothing.
      const gap = (letter: Letter, criterion: string, missing = 'moderated') => ({
        bidId: world.bids[letter],
        bidderName: NAMES[letter],
        criterion,
        criterionId: expect.any(String),
        missing,
      });
      const gaps = [
        ...['Q1', 'C1', 'SV1', 'EN1'].map((code) => gap('B', code)),
        ...['Q1', 'Q2', 'SV1', 'EN1'].map((code) => gap('A', code)),
        ...SCORED.map((code) => gap('C', code)),
        ...SCORED.map((code) => gap('F', code)),
        gap('F', 'G1', 'compliance'),
      ];
      expect(response.body.gaps).toEqual(gaps);

      const refused = await award(t, world.tenderId, world.commissioner, { bidId: world.bids.B });
      expect(refused.status).toBe(409);
      expect(refused.body.gaps).toEqual(gaps);
      expect(refused.body.detail).toBe(
        'The results are incomplete, so the tender cannot be awarded yet: 19 gaps remain: ' +
          'Camden Recovery Co-op Q1 (no moderated score); Camden Recovery Co-op C1 (no moderated score); ' +
          'Camden Recovery Co-op SV1 (no moderated score); Camden Recovery Co-op EN1 (no moderated score); ' +
          'Brent Peer Support Q1 (no moderated score); Brent Peer Support Q2 (no moderated score); ' +
          'Brent Peer Support SV1 (no moderated score); Brent Peer Support EN1 (no moderated score); ' +
          'Holborn Care Ltd Q1 (no moderated score); Holborn Care Ltd Q2 (no moderated score), and 9 more.',
      );
    });

    it('is complete once every cell is moderated and the last gate recorded; the figures follow the consensus scores', async () => {
      const consensus: Record<'A' | 'B' | 'C' | 'F', Record<string, number>> = {
        A: { Q1: 4, Q2: 4, SV1: 3, EN1: 2 },
        B: { Q1: 4, C1: 3, SV1: 4, EN1: 4 },
        C: { Q1: 3, Q2: 3, C1: 3, SV1: 3, EN1: 3 },
        F: { Q1: 2, Q2: 4, C1: 5, SV1: 4, EN1: 4 },
      };
      for (const [letter, scores] of Object.entries(consensus) as [Letter, Record<string, number>][]) {
        for (const [code, value] of Object.entries(scores))
          await moderate(t, world.tenderId, world.commissioner, world.bids[letter], code, value);
      }
      await recordGate(t, world.tenderId, world.commissioner, world.bids.F, 'G1', true);

      const response = await getResults(t, world.tenderId, world.commissioner);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ complete: true, gaps: [] });
      const totals = response.body.bids.map((bid: ResultBid) => [bid.bidderName, bid.rank, bid.total]);
      expect(totals).toEqual([
        // 20 + 16 + 9 + 5.6 + 2.4 + 30
        [NAMES.B, 1, 83],
        // 20 + 16 + 12 + 4.2 + 1.2 + 25
        [NAMES.A, 2, 78.4],
        // 10 + 16 + 15 + 5.6 + 2.4 (ineligible: no price score)
        [NAMES.F, null, 49],
        // 15 + 12 + 9 + 4.2 + 1.8
        [NAMES.C, null, 42],
        [NAMES.D, null, 0],
      ]);
      const a = bidNamed(response.body, NAMES.A);
      expect(a.criteria.map((c) => [c.code, c.score, c.weighted, c.source])).toEqual([
        ['Q1', 4, 20, 'moderated'],
        ['Q2', 4, 16, 'moderated'],
        ['C1', 4, 12, 'moderated'],
        ['SV1', 3, 4.2, 'moderated'],
        ['EN1', 2, 1.2, 'moderated'],
        ['P', null, 25, 'price'],
      ]);
      // The consensus score replaces the panel's; the group scores that explained it go too.
      expect(a.criteria[0]).not.toHaveProperty('groupScores');
      // Flags stay: they describe what the panel did.
      expect(a.flags).toEqual([
        { type: 'divergence', criterion: 'Q1' },
        { type: 'divergence', criterion: 'SV1' },
      ]);
      expectF(response.body, world, 'moderated');

      // A: Q 36/45 = 0.8, C1 12/15 = 0.8, W 5.4/10 = 0.54, P 25/30; B: Q 0.8, C1 9/15 = 0.6, W 8/10 = 0.8, P 1.
      // Gap 83 − 78.4 = 4.6. W → C1 closes it at 0.2 + 0.26 = 0.46 a point: 10 points, W's whole weight.
      // P → C1 needs 4.6 / 0.3666… = 12.55, Q → C1 4.6 / 0.2 = 23, P → Q 27.6; W → Q needs 17.7 > 10.
      expect(response.body.sensitivity).toEqual({
        winnerBidId: world.bids.B,
        runnerUpBidId: world.bids.A,
        robust: false,
        smallestShift: { from: 'W', to: 'C1', points: 10 },
        sentence:
          'Moving 10.00 percentage points of weight from Wider outcomes (W) to Co-production (C1) would put Brent Peer Support ' +
          'level with or ahead of Camden Recovery Co-op; no smaller move between two top-level sections would.',
      });
    });

    it('awards the bid named when it is the rank-1 bid', async () => {
      const awarded = await award(t, world.tenderId, world.commissioner, { bidId: world.bids.B });
      expect(awarded.status).toBe(200);
      expect(awarded.body).toMatchObject({ status: 'awarded', awardedBidId: world.bids.B });
    });
  });
});
