import { Db } from '../../src/database/db.service';
import { countedBids, panelBidsAmong, submittedCounts } from '../../src/bids/bid-directory';
import { isCounted } from '../../src/bids/domain';
import { Bid } from '../../src/bids/bid.entity';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { buildBid, closeTender, newBidderSubmits, publishedTender } from '../steps';
import { WORKED_EXAMPLE_PANEL_CRITERIA } from '../steps/worked-example.world';

jest.setTimeout(180_000);

const byId = (a: string, b: string) => a.localeCompare(b);

/**
 * "Counted bid" has one rule on a bid already read (`isCounted`) and one where clause
 * (`countedWhere`, behind `countedBids`, `panelBidsAmong` and `submittedCounts`): they must pick
 * the same bids, in every status a bid can have.
 */
describe('The bid directory counts the bids isCounted counts', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let tenderId: string;
  const ids: Record<'draft' | 'submitted' | 'withdrawn' | 'disqualified' | 'resubmitting', string> = {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    tenderId = (
      await publishedTender(t, { commissioner, criteria: WORKED_EXAMPLE_PANEL_CRITERIA, tender: { moderationRequired: false } })
    ).tenderId;
    ids.submitted = (await newBidderSubmits(t, tenderId, 'Submitted', 100_000, ['Q1', 'C1'])).bidId;
    ids.disqualified = (await newBidderSubmits(t, tenderId, 'Disqualified', 90_000, ['Q1', 'C1'])).bidId;
    const withdrawing = await newBidderSubmits(t, tenderId, 'Withdrawn', 95_000, ['Q1', 'C1']);
    ids.withdrawn = withdrawing.bidId;
    expect(
      (await t.http().post(`/api/tenders/${tenderId}/bids/${ids.withdrawn}/withdraw`).set(withdrawing.bidder.auth)).status,
    ).toBe(200);
    // Submitted, then edited again: a draft version open on top of the counted one.
    const editing = await newBidderSubmits(t, tenderId, 'Resubmitting', 97_000, ['Q1', 'C1']);
    ids.resubmitting = editing.bidId;
    const edited = await t
      .http()
      .patch(`/api/tenders/${tenderId}/bids/${ids.resubmitting}`)
      .set(editing.bidder.auth)
      .send({ price: 96_000 });
    expect(edited.status).toBe(200);
    const drafter = await t.user('bidder', { organisationName: 'Draft Only' });
    const draft = await t
      .http()
      .post(`/api/tenders/${tenderId}/bids`)
      .set(drafter.auth)
      .send(buildBid({ bidderName: 'Draft Only', commitments: [], responses: [{ criterion: 'Q1', text: 'A draft answer.' }] }));
    expect(draft.status).toBe(201);
    ids.draft = draft.body.id as string;
    await closeTender({ t, tenderId, commissioner });
    const disqualified = await t
      .http()
      .post(`/api/tenders/${tenderId}/bids/${ids.disqualified}/disqualify`)
      .set(commissioner.auth)
      .send({ reason: 'Late insurance documents.' });
    expect(disqualified.status).toBe(200);
  });
  afterAll(() => t.close());

  it('selects exactly the bids isCounted says are in the box (disqualified included), and counts them', async () => {
    const db = t.app.get(Db);
    const { all, counted, panel, counts } = await db.read(async (em) => ({
      all: await em.getRepository(Bid).find({ where: { tenderId } }),
      counted: await countedBids(em, tenderId),
      panel: panelBidsAmong(await countedBids(em, tenderId)),
      counts: await submittedCounts(em, [tenderId, 'no-such-tender']),
    }));
    expect(new Set(all.map((bid) => bid.status))).toEqual(new Set(['draft', 'submitted', 'withdrawn', 'disqualified']));
    const byRule = all.filter(isCounted).map((bid) => bid.id);
    expect(counted.map((bid) => bid.id).sort(byId)).toEqual([...byRule].sort(byId));
    expect(counted.map((bid) => bid.id).sort(byId)).toEqual([ids.submitted, ids.disqualified, ids.resubmitting].sort(byId));
    expect(panel.map((bid) => bid.id).sort(byId)).toEqual([ids.submitted, ids.resubmitting].sort(byId));
    expect(counts).toEqual(new Map([[tenderId, 3]]));
  });
});
