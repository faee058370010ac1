import { ADMIN, createTestApp, type SignedIn, type TestApp } from '../app';
import {
  createTender,
  addPanelist,
  award,
  closeTender,
  declare,
  getResults,
  type Panelist,
  publishedTender,
  scoreAndSubmit,
  startModeration,
  newBidderSubmits,
  type CriterionBody,
} from '../steps';

// A whole tender through the API: room on PostgreSQL too.
jest.setTimeout(60_000);

const CRITERIA: CriterionBody[] = [
  { code: 'Q1', title: 'Service quality', kind: 'scored', category: 'quality', weight: 70 },
  { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
];

describe('who may see results and award', () => {
  let t: TestApp;
  let owner: SignedIn;
  let colleague: SignedIn;
  let bidder: SignedIn;
  let member: Panelist;
  let tenderId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.user('commissioner');
    colleague = await t.user('procurement');
    tenderId = (await publishedTender(t, { commissioner: owner, criteria: CRITERIA, tender: { moderationRequired: false } }))
      .tenderId;
    const added = await t
      .http()
      .post(`/api/tenders/${tenderId}/team`)
      .set(owner.auth)
      .send({ userId: colleague.id, role: 'procurement' });
    expect(added.status).toBe(201);
    const first = await newBidderSubmits(t, tenderId, 'Mind in Camden', 100_000, ['Q1']);
    bidder = first.bidder;
    const second = await newBidderSubmits(t, tenderId, 'Certitude', 90_000, ['Q1']);
    await closeTender({ t, tenderId, commissioner: owner });
    member = await addPanelist(t, { tenderId, commissioner: owner }, 'lived_experience');
    const professional = await addPanelist(t, { tenderId, commissioner: owner }, 'professional');
    for (const panelist of [member, professional]) {
      await declare(t, tenderId, panelist, [first.bidId, second.bidId]);
      await scoreAndSubmit(t, tenderId, panelist, first.bidId, { Q1: 4 });
      await scoreAndSubmit(t, tenderId, panelist, second.bidId, { Q1: 3 });
    }
  });
  afterAll(() => t.close());

  it('answers 409 to the team before moderation, at every earlier stage', async () => {
    const draft = await createTender(t, owner.token);
    const inDraft = await getResults(t, draft, owner);
    expect(inDraft.status).toBe(409);
    expect(inDraft.body).toMatchObject({
      status: 409,
      detail: "Results are shown from moderation on, because they reveal the panel's scores; the tender is a draft.",
      currentStatus: 'draft',
    });
    const published = (await publishedTender(t, { commissioner: owner, criteria: CRITERIA })).tenderId;
    expect((await getResults(t, published, owner)).body.detail).toBe(
      "Results are shown from moderation on, because they reveal the panel's scores; the tender is published.",
    );
    const inEvaluation = await getResults(t, tenderId, colleague);
    expect(inEvaluation.status).toBe(409);
    expect(inEvaluation.body.currentStatus).toBe('evaluation');
  });

  it('shows results to both team members, and refuses everyone else: other roles 403 (route role), outsiders 404', async () => {
    await startModeration(t, tenderId, owner);
    const ownerView = await getResults(t, tenderId, owner);
    expect(ownerView.status).toBe(200);
    const colleagueView = await getResults(t, tenderId, colleague);
    expect(colleagueView.status).toBe(200);
    expect({ ...colleagueView.body, generatedAt: null }).toEqual({ ...ownerView.body, generatedAt: null });

    const outsider = await t.user('commissioner');
    const outsiderProcurement = await t.user('procurement');
    const strayPanelist = await t.user('panelist');
    const adminAuth = { Authorization: `Bearer ${await t.login(ADMIN.email, ADMIN.password)}` };
    // As on every team route: the role is refused first (403, whatever the tender); a
    // commissioner or procurement officer off this team does not see the tender (404).
    const refusals: [string, { Authorization: string } | null, number][] = [
      ['panel member', member.auth, 403],
      ['bidder', bidder.auth, 403],
      ['admin', adminAuth, 403],
      ['panelist not on this panel', strayPanelist.auth, 403],
      ['commissioner of other tenders', outsider.auth, 404],
      ['procurement officer of other tenders', outsiderProcurement.auth, 404],
      ['anonymous', null, 401],
    ];
    for (const [who, auth, status] of refusals) {
      const results = auth
        ? await t.http().get(`/api/tenders/${tenderId}/results`).set(auth)
        : await t.http().get(`/api/tenders/${tenderId}/results`);
      expect({ who, route: 'results', status: results.status }).toEqual({ who, route: 'results', status });
      expect(JSON.stringify(results.body)).not.toContain('Certitude');
      const awarded = auth
        ? await t.http().post(`/api/tenders/${tenderId}/award`).set(auth).send({})
        : await t.http().post(`/api/tenders/${tenderId}/award`).send({});
      expect({ who, route: 'award', status: awarded.status }).toEqual({ who, route: 'award', status });
    }
    const unknown = await getResults(t, '00000000-0000-4000-8000-000000000000', owner);
    expect(unknown.status).toBe(404);
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(owner.auth)).body.status).toBe('moderation');
  });

  it('lets any team member award, not only the owner', async () => {
    const awarded = await award(t, tenderId, colleague);
    expect(awarded.status).toBe(200);
    expect(awarded.body.status).toBe('awarded');
  });
});
