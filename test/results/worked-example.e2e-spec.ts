import { createTestApp, type SignedIn, type TestApp } from '../app';
import { workedExampleTender } from '../steps/worked-example.world';
import { award, bidNamed, getResults } from '../steps';

// A whole tender through the API (accounts, bids, panel, moderation): room on PostgreSQL too.
jest.setTimeout(60_000);

/**
 * SCORING.md §10 end to end. Scale 0–5, mean. Q1 quality 40 (scored here by the
 * lived-experience members, so that bid A's Q1 scores are exactly "4, 3"), C1
 * co-production 30 with group weights 50/50, P price 30 (lowest_ratio).
 */
describe('SCORING.md §10 worked example, through the API', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let tenderId: string;
  let bidA: string;
  let bidB: string;

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    ({
      tenderId,
      bidIds: [bidA, bidB],
    } = await workedExampleTender(t, commissioner));
  });
  afterAll(() => t.close());

  it('ranks B first on 78.00 and A second on 71.50, every figure as worked by hand', async () => {
    const response = await getResults(t, tenderId, commissioner);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tenderId, status: 'moderation', complete: true, gaps: [], awardedBidId: null });
    expect(response.body.bids.map((b: { bidderName: string; rank: number }) => [b.bidderName, b.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);

    const a = bidNamed(response.body, 'A');
    expect(a).toMatchObject({
      bidId: bidA,
      status: 'submitted',
      eligible: true,
      exclusions: [],
      price: 100000,
      rank: 2,
      // 28 + 19.5 + 24
      total: 71.5,
      byCategory: {
        quality: 28,
        co_production: 19.5,
        social_outcome: 0,
        economic_outcome: 0,
        environmental_outcome: 0,
        wider_outcomes: 0,
        price: 24,
      },
    });
    expect(a.criteria).toEqual([
      // (4 + 3) / 2 = 3.5 → 40 × 3.5 / 5 = 28
      { criterionId: expect.any(String), code: 'Q1', score: 3.5, weighted: 28, source: 'panel' },
      // lived (5 + 4) / 2 = 4.5, professional 2 → 0.5 × 4.5 + 0.5 × 2 = 3.25 → 30 × 3.25 / 5 = 19.5
      {
        criterionId: expect.any(String),
        code: 'C1',
        score: 3.25,
        weighted: 19.5,
        source: 'panel',
        groupScores: { lived_experience: 4.5, professional: 2 },
      },
      // 30 × 80 000 / 100 000 = 24
      { criterionId: expect.any(String), code: 'P', score: null, weighted: 24, source: 'price' },
    ]);
    // C1 on A: 5 − 2 = 3 ≥ 2 (divergence); 4.5 vs 2 (group divergence).
    expect(a.flags).toEqual([
      { type: 'divergence', criterion: 'C1' },
      { type: 'group_divergence', criterion: 'C1' },
    ]);

    const b = bidNamed(response.body, 'B');
    expect(b).toMatchObject({ bidId: bidB, eligible: true, price: 80000, rank: 1, total: 78, flags: [] });
    expect(b.criteria).toEqual([
      // moderated 3 → 40 × 3 / 5 = 24
      { criterionId: expect.any(String), code: 'Q1', score: 3, weighted: 24, source: 'moderated' },
      // moderated 4 → 30 × 4 / 5 = 24 (no group scores beside a moderated score)
      { criterionId: expect.any(String), code: 'C1', score: 4, weighted: 24, source: 'moderated' },
      // the lowest price: 30 × 80 000 / 80 000 = 30
      { criterionId: expect.any(String), code: 'P', score: null, weighted: 30, source: 'price' },
    ]);
  });

  it('states the smallest reversing move: 21.67 points from Price to Q1', async () => {
    // Shares of each node's weight: A Q1 28/40 = 0.7, C1 19.5/30 = 0.65, P 24/30 = 0.8;
    // B Q1 0.6, C1 0.8, P 1. Moving d from P to Q1 changes A by −0.1·d and B by −0.4·d:
    // the 6.5 gap closes at 0.3 a point, d = 65/3 = 21.666… → 21.67 (rounded up).
    // C1 → Q1 closes at 0.25 (d = 26), every other pair widens the gap or needs more than
    // the node holds.
    const response = await getResults(t, tenderId, commissioner);
    expect(response.body.sensitivity).toEqual({
      winnerBidId: bidB,
      runnerUpBidId: bidA,
      robust: false,
      smallestShift: { from: 'P', to: 'Q1', points: 21.67 },
      sentence:
        'Moving 21.67 percentage points of weight from Price (P) to Service quality (Q1) would put A level with or ahead of B; ' +
        'no smaller move between two top-level sections would.',
    });
  });

  it('states the marks to change the winner and raises a close call (SCORING.md §11.1–§11.2)', async () => {
    // B's moderated Q1 3 → 2 takes 40 × 1 / 5 = 8 off B: 70 < 71.50. Nothing smaller does.
    const { body } = await getResults(t, tenderId, commissioner);
    expect(body.robustness).toMatchObject({
      winnerBidId: bidB,
      runnersUp: [
        {
          runnerUpBidId: bidA,
          margin: 6.5,
          level: false,
          smallestMarkChange: { bidId: bidB, code: 'Q1', from: 3, to: 2, change: 1, effect: 'order' },
          totalChange: 6.5,
        },
      ],
    });
    expect(body.closeCall).toMatchObject({
      alert: true,
      reasons: ['single_mark'],
      margin: 6.5,
      threshold: 1,
      recheck: [{ bidId: bidB, code: 'Q1', from: 3, to: 2, change: 1, runnerUpBidId: bidA, source: 'moderated' }],
    });
  });

  it('says how the lived-experience scores shaped the order (§11.3)', async () => {
    // Here Q1 is scored by lived-experience members only. On the panel's own scores B has
    // Q1 (2 + 3) / 2 = 2.5 → 20 and C1 0.5 × 4 + 0.5 × 3 = 3.5 → 21, + 30 = 71, half a point
    // behind A's 71.50. Without lived experience Q1 counts 0 for both: A 12 + 24 = 36,
    // B C1 3 → 18, + 30 = 48: B by 12. Lived experience only: A 28 + 27 + 24 = 79,
    // B 20 + 24 + 30 = 74: A by 5.
    const { body } = await getResults(t, tenderId, commissioner);
    const scenario = (kind: string) =>
      body.groupInfluence.scenarios.find((entry: { scenario: string }) => entry.scenario === kind);
    expect(body.groupInfluence.criteria).toEqual(['Q1', 'C1']);
    expect(scenario('as_scored').sentence).toBe(
      'On the panel’s own scores (before moderation) on Q1, C1, A would have won, by 0.50 points.',
    );
    expect(scenario('without_lived_experience')).toMatchObject({ winnerBidId: bidB, margin: 12, winnerChanged: false });
    expect(scenario('without_lived_experience').sentence).toBe(
      'Without the lived-experience members’ scores on Q1, C1, B would still have won, by 12.00 points, in the same order.',
    );
    expect(scenario('lived_experience_only')).toMatchObject({ winnerBidId: bidA, margin: 5, winnerChanged: true });
    expect(body.groupInfluence).toMatchObject({ panelMargin: -0.5, livedExperienceContribution: -12.5 });
  });

  it('reports each member’s calibration, lived-experience members by pseudonym (§11.4)', async () => {
    // Lived experience 1: A×Q1 4 − 3 = 1, A×C1 5 − (4 + 2) / 2 = 2, B×Q1 2 − 3 = −1,
    // B×C1 4 − (4 + 3) / 2 = 0.5 → 2.5 / 4 = 0.625; consensus B×Q1 2 ≠ 3, B×C1 4 = 4.
    // The professional: A×C1 2 − 4.5, B×C1 3 − 4 → −3.5 / 2 = −1.75.
    const { body } = await getResults(t, tenderId, commissioner);
    expect(body.calibration.map((member: { name: string }) => member.name)[0]).toBe('Lived experience 1');
    expect(body.calibration[0]).toMatchObject({
      group: 'lived_experience',
      scores: 4,
      leniency: 0.63,
      consensusCells: 2,
      consensusAgreements: 1,
      consensusDifference: 0.5,
    });
    const professional = body.calibration.find((member: { group: string }) => member.group === 'professional');
    expect(professional).toMatchObject({ scores: 2, leniency: -1.75, consensusCells: 1, consensusAgreements: 0 });
    expect(professional.name).not.toMatch(/^Lived experience/);
  });

  it('awards B, the rank-1 bid, when no bid is named', async () => {
    const awarded = await award(t, tenderId, commissioner);
    expect(awarded.status).toBe(200);
    expect(awarded.body).toMatchObject({
      id: tenderId,
      status: 'awarded',
      awardedBidId: bidB,
      awardedAt: t.clock.now().toISOString(),
    });
    const after = await getResults(t, tenderId, commissioner);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'awarded', awardedBidId: bidB, awardedAt: t.clock.now().toISOString() });
    expect(bidNamed(after.body, 'A').total).toBe(71.5);
    expect(bidNamed(after.body, 'B').total).toBe(78);
  });
});
