import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  FUTURE_DEADLINE,
  addPanelist,
  award,
  bidNamed,
  closeTender,
  declare,
  getResults,
  moderate,
  recordGate,
  scoreAndSubmit,
  startModeration,
  newBidderSubmits,
} from '../steps';

// A 13-question template tender through the API (26 moderated cells): room on PostgreSQL too.
jest.setTimeout(90_000);

const QUALITY = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'];
const CO_PRODUCTION = ['CP1', 'CP2', 'CP3'];
const WIDER = ['WO1', 'WO2', 'WO3', 'WO4', 'WO5'];
const SCORED = [...QUALITY, ...CO_PRODUCTION, ...WIDER];
/** What the template asks the lived-experience members to score. */
const LIVED = ['Q1', 'Q4', ...CO_PRODUCTION, ...WIDER];

const all = (codes: string[], value: number) => Object.fromEntries(codes.map((code) => [code, value]));

/*
 * The Camden / nef template: Q service quality 30 (Q1–Q5), CP co-production 15 (CP1–CP3,
 * lived 50 / professional 50), WO wider outcomes 10 (WO1–WO5), P price 45, and G, a
 * top-level section of two pass/fail gates weighing 0. Sensitivity moves weight between
 * top-level nodes: G has none to give and none to scale, so it must never be named.
 */
describe('results on the Camden template: the weight-0 gate section takes no part in sensitivity', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let tenderId: string;
  let winner: string;
  let runnerUp: string;

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    t.clock.set('2026-11-23T09:00:00.000Z');
    const created = await t.http().post('/api/tenders').set(commissioner.auth).send({
      reference: 'LBC-2026-MHDC',
      title: 'Mental health day care',
      bidDeadline: FUTURE_DEADLINE,
      template: 'camden-mental-health-day-care',
    });
    expect(created.status).toBe(201);
    tenderId = created.body.id as string;
    expect((await t.http().post(`/api/tenders/${tenderId}/publish`).set(commissioner.auth)).status).toBe(200);
    winner = (await newBidderSubmits(t, tenderId, 'Kilburn Day Centre', 100_000, SCORED)).bidId;
    runnerUp = (await newBidderSubmits(t, tenderId, 'Fitzrovia Together', 125_000, SCORED)).bidId;
    await closeTender({ t, tenderId, commissioner });
    const lived = await addPanelist(t, { tenderId, commissioner }, 'lived_experience');
    const professional = await addPanelist(t, { tenderId, commissioner }, 'professional');
    for (const member of [lived, professional]) await declare(t, tenderId, member, [winner, runnerUp]);
    for (const bidId of [winner, runnerUp]) {
      await scoreAndSubmit(t, tenderId, lived, bidId, all(LIVED, 3));
      await scoreAndSubmit(t, tenderId, professional, bidId, all(SCORED, 3));
      await recordGate(t, tenderId, commissioner, bidId, 'G1', true);
      await recordGate(t, tenderId, commissioner, bidId, 'G2', true);
    }
    await startModeration(t, tenderId, commissioner);
    // Kilburn: 5 on quality, 2 elsewhere. Fitzrovia: 3 on quality, 5 elsewhere.
    for (const code of SCORED) {
      await moderate(t, tenderId, commissioner, winner, code, QUALITY.includes(code) ? 5 : 2);
      await moderate(t, tenderId, commissioner, runnerUp, code, QUALITY.includes(code) ? 3 : 5);
    }
  });
  afterAll(() => t.close());

  it('ranks by the hand-computed totals and names only weighted top-level nodes in the sensitivity sentence', async () => {
    const response = await getResults(t, tenderId, commissioner);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ complete: true, gaps: [] });
    // Kilburn: Q 30 × 5/5 = 30, CP 15 × 2/5 = 6 (CP1's threshold of 2 is met by equality), WO 10 × 2/5 = 4,
    // P 45 (the lowest price) → 85.
    expect(bidNamed(response.body, 'Kilburn Day Centre')).toMatchObject({
      rank: 1,
      eligible: true,
      total: 85,
      byCategory: { quality: 30, co_production: 6, wider_outcomes: 4, price: 45 },
    });
    // Fitzrovia: Q 30 × 3/5 = 18, CP 15, WO 10, P 45 × 100 000 / 125 000 = 36 → 79.
    expect(bidNamed(response.body, 'Fitzrovia Together')).toMatchObject({
      rank: 2,
      eligible: true,
      total: 79,
      byCategory: { quality: 18, co_production: 15, wider_outcomes: 10, price: 36 },
    });
    // Shares earned, Kilburn vs Fitzrovia: Q 1 vs 0.6, CP 0.4 vs 1, WO 0.4 vs 1, P 1 vs 0.8 (G: no weight).
    // Fitzrovia gains on Kilburn, per point moved: Q → CP or Q → WO 1.0 (6 points close the gap of 6),
    // P → CP or P → WO 0.8 (7.5 points). Q → CP and Q → WO tie; the first in tree order is named.
    expect(response.body.sensitivity).toEqual({
      winnerBidId: winner,
      runnerUpBidId: runnerUp,
      robust: false,
      smallestShift: { from: 'Q', to: 'CP', points: 6 },
      sentence:
        'Moving 6.00 percentage points of weight from Service quality (Q) to Co-production and service user involvement (CP) ' +
        'would put Fitzrovia Together level with or ahead of Kilburn Day Centre; no smaller move between two top-level sections would.',
    });
    expect(response.body.sensitivity.sentence).not.toMatch(/\(G\)/);
  });

  it('awards the winner', async () => {
    const awarded = await award(t, tenderId, commissioner);
    expect(awarded.status).toBe(200);
    expect(awarded.body).toMatchObject({ status: 'awarded', awardedBidId: winner });
  });
});
