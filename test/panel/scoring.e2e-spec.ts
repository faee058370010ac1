import { createTestApp, type TestApp } from '../app';
import {
  addPanelist,
  declare,
  type Panelist,
  type PanelWorld,
  panelTenderInEvaluation,
  saveScore,
  scoreAndSubmit,
  submitScores,
} from '../steps';

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(30_000);

describe('independent scoring', () => {
  let t: TestApp;
  let world: PanelWorld;
  let lived: Panelist;
  let pro: Panelist;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t);
    lived = await addPanelist(t, world, 'lived_experience', 'service user');
    pro = await addPanelist(t, world, 'professional', 'clinician');
    await declare(t, world.tenderId, lived, world.bidIds);
    await declare(t, world.tenderId, pro, world.bidIds);
  });
  afterAll(() => t.close());

  it('saves a draft with a trimmed rationale, by criterion code or id, and changes it while draft', async () => {
    const first = await saveScore(t, world.tenderId, lived, world.bidIds[0], 'Q1', 3, '  Some peer support.  ');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      bidId: world.bidIds[0],
      bid: 'Mind in Camden',
      code: 'Q1',
      score: 3,
      rationale: 'Some peer support.',
      status: 'draft',
      submittedAt: null,
    });
    const byId = await saveScore(
      t,
      world.tenderId,
      lived,
      world.bidIds[0],
      first.body.criterionId as string,
      4,
      'Strong peer support on reflection.',
    );
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ id: first.body.id, score: 4, rationale: 'Strong peer support on reflection.' });
  });

  it('refuses bad shapes with 400 and rule breaches with 422', async () => {
    const url = `/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}/scores/Q1`;
    const fraction = await t.http().put(url).set(lived.auth).send({ score: 3.5, rationale: 'x' });
    expect(fraction.status).toBe(400);
    expect(fraction.body.errors).toEqual([{ field: 'score', message: 'The score must be a whole number.' }]);
    expect((await t.http().put(url).set(lived.auth).send({ score: '3', rationale: 'x' })).status).toBe(400);
    const blank = await t.http().put(url).set(lived.auth).send({ score: 3, rationale: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ field: 'rationale', message: 'The rationale is blank: write some text.' }]);
    expect((await t.http().put(url).set(lived.auth).send({ score: 3 })).status).toBe(400);
    expect((await t.http().put(url).set(lived.auth).send({ score: 3, rationale: 'x', submitted: true })).status).toBe(400);

    const offScale = await t.http().put(url).set(lived.auth).send({ score: 6, rationale: 'Brilliant.' });
    expect(offScale.status).toBe(422);
    expect(offScale.body).toMatchObject({
      detail: "A score is a whole number from 0 to 5; 6 is not on this tender's scale.",
      errors: [{ field: 'score' }],
    });
    expect((await saveScore(t, world.tenderId, lived, world.bidIds[0], 'Q1', -1)).status).toBe(422);
    const otherGroup = await saveScore(t, world.tenderId, lived, world.bidIds[0], 'T1', 3);
    expect(otherGroup.status).toBe(422);
    expect(otherGroup.body.detail).toBe('T1 is scored by the professional members, not by lived-experience members.');
    expect((await saveScore(t, world.tenderId, pro, world.bidIds[0], 'C1', 3)).status).toBe(422);
    const price = await saveScore(t, world.tenderId, pro, world.bidIds[0], 'P', 3);
    expect(price.status).toBe(422);
    expect(price.body.detail).toBe('P is not scored by the panel: the price criterion is computed from the bid price.');
    const unknown = await saveScore(t, world.tenderId, pro, world.bidIds[0], 'Z9', 3);
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toBe('This tender has no criterion "Z9".');
    expect((await saveScore(t, world.tenderId, pro, '00000000-0000-4000-8000-000000000000', 'Q1', 3)).status).toBe(404);
  });

  it('submits a bid only when every criterion of the group is scored (422 naming each), then locks it (409)', async () => {
    const missing = await submitScores(t, world.tenderId, pro, world.bidIds[0]);
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({
      detail: 'Score every criterion before submitting: missing Q1, T1.',
      missing: ['Q1', 'T1'],
      errors: [
        { field: 'scores.Q1', message: 'Q1 has no score yet: score it, then submit.' },
        { field: 'scores.T1', message: 'T1 has no score yet: score it, then submit.' },
      ],
    });
    await saveScore(t, world.tenderId, pro, world.bidIds[0], 'Q1', 2).expect(200);
    const oneMissing = await submitScores(t, world.tenderId, pro, world.bidIds[0]);
    expect(oneMissing.body.missing).toEqual(['T1']);
    await saveScore(t, world.tenderId, pro, world.bidIds[0], 'T1', 3).expect(200);
    const submitted = await submitScores(t, world.tenderId, pro, world.bidIds[0]);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      bidId: world.bidIds[0],
      bid: 'Mind in Camden',
      submittedAt: t.clock.now().toISOString(),
    });
    expect(
      submitted.body.scores.map((s: { code: string; score: number; status: string }) => [s.code, s.score, s.status]),
    ).toEqual([
      ['Q1', 2, 'submitted'],
      ['T1', 3, 'submitted'],
    ]);

    const change = await saveScore(t, world.tenderId, pro, world.bidIds[0], 'Q1', 5);
    expect(change.status).toBe(409);
    expect(change.body.detail).toBe('Your score for Q1 on this bid is submitted and can no longer be changed.');
    const again = await submitScores(t, world.tenderId, pro, world.bidIds[0]);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Your scores for this bid are already submitted.');
  });

  it('shows each panelist only their own scores, drafts included, in bid and tree order', async () => {
    await saveScore(t, world.tenderId, lived, world.bidIds[1], 'C1', 1).expect(200);
    await saveScore(t, world.tenderId, lived, world.bidIds[0], 'C1', 5).expect(200);
    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(lived.auth);
    expect(mine.status).toBe(200);
    expect(
      mine.body.map((s: { bid: string; code: string; score: number; status: string }) => [s.bid, s.code, s.score, s.status]),
    ).toEqual([
      ['Mind in Camden', 'Q1', 4, 'draft'],
      ['Mind in Camden', 'C1', 5, 'draft'],
      ['Certitude', 'C1', 1, 'draft'],
    ]);
    const theirs = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(pro.auth);
    expect(theirs.body.every((s: { code: string }) => s.code === 'Q1' || s.code === 'T1')).toBe(true);
    expect(theirs.body).toHaveLength(2);
    // The team sees progress only, and the moderation view stays closed.
    expect((await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(world.commissioner.auth)).status).toBe(409);
  });

  it('lists assignments in the group’s wording with item status, and hides the price', async () => {
    const assignments = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(lived.auth);
    expect(assignments.status).toBe(200);
    expect(assignments.body).toMatchObject({
      tenderId: world.tenderId,
      tenderStatus: 'evaluation',
      group: 'lived_experience',
      role: 'service user',
      scoringOpen: true,
      declarationsComplete: true,
      declarationsOutstanding: 0,
      priceVisible: false,
    });
    expect(assignments.body.scale[4]).toEqual({ score: 4, label: 'Answers it well, with evidence' });
    expect(assignments.body.criteria).toEqual([
      {
        criterionId: expect.any(String),
        code: 'Q1',
        title: 'Service model',
        guidance: 'Will this service help people get better, in ways that matter to them?',
      },
      {
        criterionId: expect.any(String),
        code: 'C1',
        title: 'Co-production',
        guidance: 'Will people who use the service help run it?',
      },
    ]);
    const [first, second] = assignments.body.bids;
    expect(first).toMatchObject({ bidId: world.bidIds[0], bid: 'Mind in Camden', price: null, submitted: false });
    expect(first.items).toEqual([
      { criterionId: expect.any(String), code: 'Q1', status: 'draft', score: 4, rationale: 'Strong peer support on reflection.' },
      { criterionId: expect.any(String), code: 'C1', status: 'draft', score: 5, rationale: 'Scored 5 on C1.' },
    ]);
    expect(second.items.map((i: { status: string }) => i.status)).toEqual(['not_started', 'draft']);

    const professional = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(pro.auth);
    expect(professional.body.scale[4]).toEqual({ score: 4, label: 'Good' });
    expect(professional.body.criteria.map((c: { code: string; guidance: string }) => [c.code, c.guidance])).toEqual([
      ['Q1', 'Evidence of a recovery-focused model with outcome measures.'],
      ['T1', 'CQC-ready governance.'],
    ]);
    expect(professional.body.bids[0]).toMatchObject({ submitted: true });
  });

  it('hides score values from the audit endpoint until moderation', async () => {
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const saved = audit.body.filter((e: { action: string }) => e.action === 'score.saved' || e.action === 'score.submitted');
    expect(saved.length).toBeGreaterThan(0);
    for (const event of saved) expect(event).toMatchObject({ redacted: true, before: null, after: null });
  });

  it('closes scoring outside evaluation', async () => {
    const other = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, other, 'lived_experience');
    await declare(t, other.tenderId, member, other.bidIds);
    for (const bidId of other.bidIds) await scoreAndSubmit(t, other.tenderId, member, bidId, 3);
    await t.http().post(`/api/tenders/${other.tenderId}/start-moderation`).set(other.commissioner.auth).expect(200);
    const late = await saveScore(t, other.tenderId, member, other.bidIds[0], 'Q1', 4);
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('Scoring is closed: the tender is in moderation. Submitted scores stay on the record.');
    expect((await submitScores(t, other.tenderId, member, other.bidIds[0])).status).toBe(409);
  });
});

describe('assignments under blind marking with visible prices', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('shows "Bid 1", "Bid 2" by submission order wherever the panelist sees bids, and prices in pounds', async () => {
    const world = await panelTenderInEvaluation(t, {
      tender: { blindMarking: true, priceVisibleToPanel: true },
      bidders: ['Zeta Care', 'Alpha Support'],
    });
    const member = await addPanelist(t, world, 'professional');
    await declare(t, world.tenderId, member, world.bidIds);
    const assignments = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(member.auth);
    expect(assignments.body.priceVisible).toBe(true);
    expect(assignments.body.bids.map((b: { bidId: string; bid: string; price: number }) => [b.bidId, b.bid, b.price])).toEqual([
      [world.bidIds[0], 'Bid 1', 100_000],
      [world.bidIds[1], 'Bid 2', 110_000],
    ]);
    const saved = await saveScore(t, world.tenderId, member, world.bidIds[1], 'Q1', 3);
    expect(saved.body.bid).toBe('Bid 2');
    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(member.auth);
    expect(mine.body.map((s: { bid: string }) => s.bid)).toEqual(['Bid 2']);
    expect(JSON.stringify([assignments.body, saved.body, mine.body])).not.toMatch(/Zeta|Alpha/);
  });
});
