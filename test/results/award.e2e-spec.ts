import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  addPanelist,
  award,
  closeTender,
  declare,
  getResults,
  publishedTender,
  scoreAndSubmit,
  startModeration,
  newBidderSubmits,
  type CriterionBody,
  type TenderBody,
} from '../steps';

// Whole tenders through the API: room on PostgreSQL too.
jest.setTimeout(60_000);

const CRITERIA: CriterionBody[] = [
  { code: 'Q1', title: 'Service quality', kind: 'scored', category: 'quality', weight: 70 },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
];

describe('award', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Two bids at the same price; the panel (two members) gives them the scores given. */
  async function twoBids(commissioner: SignedIn, settings: TenderBody, scores: [number, number]) {
    const tenderId = (
      await publishedTender(t, { commissioner, criteria: CRITERIA, tender: { moderationRequired: false, ...settings } })
    ).tenderId;
    const first = (await newBidderSubmits(t, tenderId, 'Mind in Camden', 100_000, ['Q1'])).bidId;
    const second = (await newBidderSubmits(t, tenderId, 'Certitude', 100_000, ['Q1'])).bidId;
    await closeTender({ t, tenderId, commissioner });
    for (const group of ['lived_experience', 'professional'] as const) {
      const member = await addPanelist(t, { tenderId, commissioner }, group);
      await declare(t, tenderId, member, [first, second]);
      await scoreAndSubmit(t, tenderId, member, first, { Q1: scores[0] });
      await scoreAndSubmit(t, tenderId, member, second, { Q1: scores[1] });
    }
    return { tenderId, first, second };
  }

  it('is refused with 409 until the tender is in moderation', async () => {
    const commissioner = await t.user('commissioner');
    const { tenderId } = await twoBids(commissioner, {}, [4, 3]);
    const early = await award(t, tenderId, commissioner);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      status: 409,
      detail: 'The tender is in evaluation, so it cannot be awarded: only a tender that is in moderation can be.',
      currentStatus: 'evaluation',
    });
  });

  it('needs a bid named when rank 1 is shared, and accepts either of the level bids', async () => {
    const commissioner = await t.user('commissioner');
    const { tenderId, first, second } = await twoBids(commissioner, { tieBreak: 'none' }, [4, 4]);
    await startModeration(t, tenderId, commissioner);
    const results = await getResults(t, tenderId, commissioner);
    // Both: 70 × 4/5 = 56 and the same price, 30 → 86; tieBreak none → both rank 1.
    expect(
      results.body.bids.map((b: { bidderName: string; rank: number; total: number }) => [b.bidderName, b.rank, b.total]),
    ).toEqual([
      ['Certitude', 1, 86],
      ['Mind in Camden', 1, 86],
    ]);
    expect(results.body.sensitivity).toMatchObject({
      robust: false,
      smallestShift: null,
      sentence:
        'Certitude and Mind in Camden are level on 86.00 and share rank 1, so any move of weight between top-level sections could change their order.',
    });

    const unnamed = await award(t, tenderId, commissioner);
    expect(unnamed.status).toBe(422);
    expect(unnamed.body).toMatchObject({
      detail:
        'Certitude and Mind in Camden share rank 1 on 86.00: name the bid to award in bidId (and record why in the tender file).',
      errors: [{ field: 'bidId', message: 'Rank 1 is shared: name the bid to award.' }],
    });
    // In the order of the results: level bids by bidder name.
    expect(unnamed.body.sharedRankBidIds).toEqual([second, first]);

    const named = await award(t, tenderId, commissioner, { bidId: first });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ status: 'awarded', awardedBidId: first });
  });

  it('follows the tie-break when one is set: rank 1 is then unique and needs no name', async () => {
    const commissioner = await t.user('commissioner');
    const tenderId = (
      await publishedTender(t, { commissioner, criteria: CRITERIA, tender: { moderationRequired: false, tieBreak: 'quality' } })
    ).tenderId;
    const cheaper = (await newBidderSubmits(t, tenderId, 'Mind in Camden', 80_000, ['Q1'])).bidId;
    const better = (await newBidderSubmits(t, tenderId, 'Certitude', 150_000, ['Q1'])).bidId;
    await closeTender({ t, tenderId, commissioner });
    for (const group of ['lived_experience', 'professional'] as const) {
      const member = await addPanelist(t, { tenderId, commissioner }, group);
      await declare(t, tenderId, member, [cheaper, better]);
      await scoreAndSubmit(t, tenderId, member, cheaper, { Q1: 4 });
      await scoreAndSubmit(t, tenderId, member, better, { Q1: 5 });
    }
    await startModeration(t, tenderId, commissioner);
    // Mind: 70 × 4/5 = 56 + 30 (the lowest price) = 86. Certitude: 70 + 30 × 80 000 / 150 000 = 70 + 16 = 86.
    // Level; the quality tie-break puts the higher score without price first: Certitude 70 over Mind 56.
    const results = await getResults(t, tenderId, commissioner);
    expect(
      results.body.bids.map((b: { bidderName: string; rank: number; total: number }) => [b.bidderName, b.rank, b.total]),
    ).toEqual([
      ['Certitude', 1, 86],
      ['Mind in Camden', 2, 86],
    ]);
    expect(results.body.sensitivity.sentence).toBe(
      'Certitude and Mind in Camden are level on 86.00 and are separated only by the tie-break (higher score without price first), ' +
        'so any move of weight between top-level sections could change their order.',
    );
    const awarded = await award(t, tenderId, commissioner);
    expect(awarded.status).toBe(200);
    expect(awarded.body.awardedBidId).toBe(better);
  });
});
