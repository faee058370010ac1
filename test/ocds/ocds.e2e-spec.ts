import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  addPanelist,
  award,
  BID_TENDER_CRITERIA,
  buildBid,
  closeTender,
  createTender,
  declare,
  expectStatus,
  publishedTender,
  recordGate,
  scoreAndSubmit,
  startModeration,
  submittedBid,
  type TenderWorld,
} from '../steps';
import { webSession } from '../web/session';
import { validatePackage } from './ocds-schema';

/**
 * Issue 16 part 4: a tender's OCDS release packages (UK profile) from publication to the
 * contract — each one validated against the vendored release package schema, with the release
 * schema merge-patched by the lots, awardCriteria, bid, metrics and UK extensions, and every
 * codelist value checked against the codelist CSVs.
 */
describe('OCDS release packages', () => {
  let t: TestApp;
  let world: TenderWorld;
  let commissioner: SignedIn;
  const ocds = (tag = '') => `/api/tenders/${world.tenderId}/ocds${tag ? `/${tag}` : ''}`;
  const bids: Record<'hope' | 'small' | 'big', string> = { hope: '', small: '', big: '' };

  function expectValid(body: unknown): void {
    const { errors, unknownCodes } = validatePackage(body);
    expect(errors).toEqual([]);
    expect(unknownCodes).toEqual([]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    // BID_TENDER_CRITERIA: Q (40) over Q1 25 and Q2 15, C1 20, SV1 10, P 30, gate G1.
    world = await publishedTender(t, { criteria: BID_TENDER_CRITERIA, tender: { moderationRequired: false } });
    commissioner = world.commissioner;
  });
  afterAll(() => t.close());

  it('has nothing for a draft: 404 in plain words, for the package and each tag', async () => {
    const draftId = await createTender(t, commissioner.token);
    const none = await t.http().get(`/api/tenders/${draftId}/ocds`).set(commissioner.auth).expect(404);
    expect(none.type).toBe('application/problem+json');
    expect(none.body.detail).toBe('The tender is not published yet: its tender release exists from publication.');
    await t.http().get(`/api/tenders/${draftId}/ocds/tender`).set(commissioner.auth).expect(404);
  });

  it('publishes the tender release from publication: the lot’s award criteria and weights, the submission terms', async () => {
    const response = await t.http().get(ocds()).set(commissioner.auth).expect(200);
    expect(response.body.releases.map((release: { tag: string[] }) => release.tag)).toEqual([['tender']]);
    expectValid(response.body);
    const [release] = response.body.releases;
    expect(release.ocid).toBe(`ocds-tscore-${world.tenderId}`);
    const lot = release.tender.lots[0];
    expect(
      lot.awardCriteria.criteria.map((c: { name: string; numbers: { number: number }[] }) => [c.name, c.numbers[0].number]),
    ).toEqual([
      ['Q1 Service model', 25],
      ['Q2 Safeguarding', 15],
      ['C1 Co-production', 20],
      ['SV1 Local employment', 10],
      ['P Price', 30],
    ]);
    expect(release.tender.tenderPeriod.endDate).toBe(world.deadline.toISOString());
    const award = await t.http().get(ocds('award')).set(commissioner.auth).expect(404);
    expect(award.body.detail).toBe('The tender is not awarded: its award release exists from the award.');
    const unknown = await t.http().get(ocds('planning')).set(commissioner.auth).expect(404);
    expect(unknown.body.errors).toEqual([{ field: 'tag', message: 'Must be one of tender, award, contract.' }]);
  });

  it('is the team’s: a bidder is refused (403), a commissioner off the team sees no tender (404)', async () => {
    const bidder = await t.user('bidder', { organisationName: 'Onlooker Ltd', organisationType: 'sme' });
    await t.http().get(ocds()).set(bidder.auth).expect(403);
    const stranger = await t.user('commissioner');
    await t.http().get(ocds('tender')).set(stranger.auth).expect(404);
  });

  it('publishes the award release: supplier, value, standstill and the bid statistics, from SMEs and VCSEs', async () => {
    const bidder = (name: string, type: string) => t.user('bidder', { organisationName: name, organisationType: type });
    const hope = await bidder('Hope Trust', 'vcse');
    const small = await bidder('Small Steps Ltd', 'sme');
    const big = await bidder('Big Care plc', 'large');
    bids.hope = await submittedBid(t, hope, world.tenderId, {
      bidderName: 'Hope Trust',
      price: 95000.5,
      // buildBid's commitment (SV1: job starts per year, 12 → 40 by 31 March 2028), and one undated without a baseline.
      commitments: [
        ...(buildBid().commitments ?? []),
        { outcome: 'Members less isolated', measure: 'Members reporting a friend at the service (%)', target: 62.5 },
      ],
    });
    bids.small = await submittedBid(t, small, world.tenderId, buildBid({ bidderName: 'Small Steps Ltd', price: 100_000 }));
    bids.big = await submittedBid(t, big, world.tenderId, buildBid({ bidderName: 'Big Care plc', price: 90_000 }));
    await closeTender(world);
    const panel = [await addPanelist(t, world, 'lived_experience'), await addPanelist(t, world, 'professional')];
    const all = [bids.hope, bids.small, bids.big];
    for (const member of panel) await declare(t, world.tenderId, member, all);
    for (const bidId of all) await recordGate(t, world.tenderId, commissioner, bidId, 'G1', true);
    for (const member of panel) {
      await scoreAndSubmit(t, world.tenderId, member, bids.hope, { Q1: 5, Q2: 5, C1: 5, SV1: 5 });
      await scoreAndSubmit(t, world.tenderId, member, bids.small, { Q1: 2, Q2: 2, C1: 2, SV1: 2 });
      await scoreAndSubmit(t, world.tenderId, member, bids.big, { Q1: 3, Q2: 3, C1: 3, SV1: 3 });
    }
    expectStatus(
      await t
        .http()
        .post(`/api/tenders/${world.tenderId}/bids/${bids.big}/disqualify`)
        .set(commissioner.auth)
        .send({ reason: 'False statement about its insurance.' }),
      200,
      'disqualify',
    );
    await startModeration(t, world.tenderId, commissioner);
    await t.http().get(ocds('award')).set(commissioner.auth).expect(404); // scored, not awarded
    expectStatus(await award(t, world.tenderId, commissioner), 200, 'award');

    const response = await t.http().get(ocds('award')).set(commissioner.auth).expect(200);
    expectValid(response.body);
    const [release] = response.body.releases;
    expect(release.awards).toEqual([
      expect.objectContaining({
        status: 'active',
        value: { amount: 95000.5, currency: 'GBP' },
        suppliers: [{ id: `supplier-${bids.hope}`, name: 'Hope Trust' }],
      }),
    ]);
    expect(release.awards[0].standstillPeriod).toBeUndefined(); // no award notice recorded yet
    expect(release.parties).toContainEqual(expect.objectContaining({ name: 'Hope Trust', details: { vcse: true } }));
    // Three bids; Big Care plc disqualified, so two assessed: Hope Trust (VCSE) and Small Steps (SME).
    expect(release.bids.statistics.map(({ measure, value }: { measure: string; value: number }) => [measure, value])).toEqual([
      ['bids', 3],
      ['finalStageBids', 2],
      ['smeFinalStageBids', 1],
      ['vcseFinalStageBids', 1],
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/Big Care|Small Steps|"score/);
  });

  it('adds the standstill once the award notice is recorded, and the contract release once the contract is entered into', async () => {
    const published = t.clock.now();
    const notice = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/standstill/award-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: published.toISOString() })
      .expect(200);
    const award = await t.http().get(ocds('award')).set(commissioner.auth).expect(200);
    expect(award.body.releases[0].awards[0].standstillPeriod).toEqual({
      startDate: published.toISOString(),
      endDate: notice.body.standstillEndsAt,
    });
    expectValid(award.body);
    const early = await t.http().get(ocds('contract')).set(commissioner.auth).expect(404);
    expect(early.body.detail).toBe('The contract is not entered into yet: the contract release exists once it is.');

    t.clock.set(new Date(new Date(notice.body.standstillEndsAt as string).getTime() + 60_000));
    expectStatus(await t.http().post(`/api/tenders/${world.tenderId}/contract`).set(commissioner.auth).send({}), 200, 'contract');
    const all = await t.http().get(ocds()).set(commissioner.auth).expect(200);
    expectValid(all.body);
    expect(all.body.releases.map((release: { tag: string[] }) => release.tag[0])).toEqual(['tender', 'award', 'contract']);
    const [contract] = all.body.releases[2].contracts;
    expect(contract.awardID).toBe(all.body.releases[1].awards[0].id);
    // The bid's two commitments, in its order: the first with its baseline and date, the second a target alone.
    type Metric = { id: string; title: string; description: string; observations: { id: string; measure: number }[] };
    const metrics = (contract.agreedMetrics as Metric[]).map(({ id, title, description, observations }) => [
      id,
      title,
      description,
      observations.map((observation) => [observation.id, observation.measure]),
    ]);
    expect(metrics).toEqual([
      [
        'kpi-1',
        'Local people in paid work',
        'Job starts per year (committed under award criterion SV1).',
        [
          ['kpi-1-baseline', 12],
          ['kpi-1-target', 40],
        ],
      ],
      ['kpi-2', 'Members less isolated', 'Members reporting a friend at the service (%)', [['kpi-2-target', 62.5]]],
    ]);
    expect(contract.milestones).toEqual([
      expect.objectContaining({ id: 'milestone-1', type: 'delivery', dueDate: '2028-03-31T00:00:00Z', status: 'scheduled' }),
    ]);
    const single = await t.http().get(ocds('contract')).set(commissioner.auth).expect(200);
    expect(single.body.releases).toEqual([all.body.releases[2]]);
    expectValid(single.body);
  });

  it('is a download on the team’s after-award page, the same package as the API’s', async () => {
    const session = await webSession(t, commissioner.email);
    const page = await t.http().get(`/tenders/${world.tenderId}/after-award`).set('Cookie', session).expect(200);
    expect(page.text).toContain(
      `href="/tenders/${world.tenderId}/after-award/ocds.json" download>Download the open data (OCDS, JSON)</a>`,
    );
    const file = await t.http().get(`/tenders/${world.tenderId}/after-award/ocds.json`).set('Cookie', session).expect(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="ocds-tscore-${world.tenderId}.json"`);
    const api = await t.http().get(ocds()).set(commissioner.auth).expect(200);
    expect(JSON.parse(file.text)).toEqual(api.body);
    const stranger = await t.user('commissioner');
    const refused = await t
      .http()
      .get(`/tenders/${world.tenderId}/after-award/ocds.json`)
      .set('Cookie', await webSession(t, stranger.email));
    expect(refused.status).toBe(404);
  });
});
