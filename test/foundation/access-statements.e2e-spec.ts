import { DataSource } from 'typeorm';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { addPanelist, closeTender, createTender, declare, newBidderSubmits, publishedTender, type Panelist } from '../steps';
import { WORKED_EXAMPLE_PANEL_CRITERIA } from '../steps/worked-example.world';
import { countStatements } from '../statements';

jest.setTimeout(300_000);

/**
 * Access loads its facts once per request (the tender, the caller's team role and seat, a
 * panel member's panel bids and declarations) and answers for every bid or tender from them:
 * a bid list and the tender list cost the same number of SQL statements for 2 bids or
 * tenders as for 8.
 */
describe('Access costs a fixed number of statements, whatever the number of bids or tenders', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  const worlds: Record<'small' | 'large', { tenderId: string; bidIds: string[]; bidder: SignedIn; member: Panelist }> =
    {} as never;

  async function world(bids: number) {
    const tenderId = (
      await publishedTender(t, { commissioner, criteria: WORKED_EXAMPLE_PANEL_CRITERIA, tender: { moderationRequired: false } })
    ).tenderId;
    const submitted = [];
    for (let n = 0; n < bids; n++)
      submitted.push(await newBidderSubmits(t, tenderId, `Bidder ${n + 1}`, 90_000 + n, ['Q1', 'C1']));
    await closeTender({ t, tenderId, commissioner });
    const member = await addPanelist(t, { tenderId, commissioner }, 'lived_experience');
    const bidIds = submitted.map(({ bidId }) => bidId);
    await declare(t, tenderId, member, bidIds);
    return { tenderId, bidIds, bidder: submitted[0].bidder, member };
  }

  /** The statements one GET issues (the session lookup included: the same for every request). */
  async function cost(path: string, who: SignedIn): Promise<{ statements: number; body: unknown }> {
    const { value: response, statements } = await countStatements(t.app.get(DataSource), () => t.http().get(path).set(who.auth));
    expect(response.status).toBe(200);
    return { statements, body: response.body };
  }

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    worlds.small = await world(2);
    worlds.large = await world(8);
  });
  afterAll(() => t.close());

  it.each(['team', 'panel', 'bidder'] as const)(
    "lists a tender's bids for the %s in as many statements for 8 bids as for 2",
    async (who) => {
      const as = (w: (typeof worlds)['small']) => (who === 'team' ? commissioner : who === 'panel' ? w.member : w.bidder);
      const small = await cost(`/api/tenders/${worlds.small.tenderId}/bids`, as(worlds.small));
      const large = await cost(`/api/tenders/${worlds.large.tenderId}/bids`, as(worlds.large));
      const listed = who === 'bidder' ? [1, 1] : [2, 8];
      expect([(small.body as unknown[]).length, (large.body as unknown[]).length]).toEqual(listed);
      expect(large.statements).toBe(small.statements);
    },
  );

  it('lists tenders for the team and for a panelist in as many statements for 8 tenders as for 2', async () => {
    const few = await t.user('commissioner');
    const many = await t.user('commissioner');
    const panelist = await t.user('panelist');
    const fewIds: string[] = [];
    const manyIds: string[] = [];
    for (let n = 0; n < 2; n++) fewIds.push(await createTender(t, few.token));
    for (let n = 0; n < 8; n++) manyIds.push(await createTender(t, many.token));
    // The panelist sits on one of the few tenders and on every one of the many.
    for (const [owner, tenderId] of [[few, fewIds[0]] as const, ...manyIds.map((id) => [many, id] as const)]) {
      const added = await t
        .http()
        .post(`/api/tenders/${tenderId}/panel`)
        .set(owner.auth)
        .send({ userId: panelist.id, group: 'professional' });
      expect(added.status).toBe(201);
    }
    const teamFew = await cost('/api/tenders', few);
    const teamMany = await cost('/api/tenders', many);
    expect([(teamFew.body as unknown[]).length, (teamMany.body as unknown[]).length]).toEqual([2, 8]);
    expect(teamMany.statements).toBe(teamFew.statements);

    const panelistAlone = await t.user('panelist');
    const added = await t
      .http()
      .post(`/api/tenders/${fewIds[1]}/panel`)
      .set(few.auth)
      .send({ userId: panelistAlone.id, group: 'professional' });
    expect(added.status).toBe(201);
    const panelOne = await cost('/api/tenders', panelistAlone);
    const panelNine = await cost('/api/tenders', panelist);
    expect([(panelOne.body as unknown[]).length, (panelNine.body as unknown[]).length]).toEqual([1, 9]);
    expect(panelNine.statements).toBe(panelOne.statements);
  });
});
