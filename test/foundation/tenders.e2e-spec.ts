import { createTestApp, type SignedIn, type TestApp } from '../app';
import { buildTender, createTender, FUTURE_DEADLINE, WORKED_EXAMPLE_CRITERIA, deliberatelyInvalid } from '../steps';

const TEMPLATES = ['camden-mental-health-day-care', 'social-value-model', 'childrens-services-co-production'];

describe('tenders and criteria', () => {
  let t: TestApp;
  let owner: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.user('commissioner');
  });
  afterAll(() => t.close());

  it('lists the three templates', async () => {
    const response = await t.http().get('/api/templates').set(owner.auth).expect(200);
    expect(response.body.map((template: { key: string }) => template.key)).toEqual(
      [...TEMPLATES].sort((a, b) => a.localeCompare(b)),
    );
    const camden = await t.http().get('/api/templates/camden-mental-health-day-care').set(owner.auth).expect(200);
    expect(camden.body.sources.length).toBeGreaterThan(0);
    await t.http().get('/api/templates/nope').set(owner.auth).expect(404);
  });

  it.each(TEMPLATES)('creates a tender from %s and publishes it unchanged', async (template) => {
    const id = await createTender(t, owner.token, { template });
    const tender = await t.http().get(`/api/tenders/${id}`).set(owner.auth).expect(200);
    expect(tender.body).toMatchObject({ status: 'draft', template, teamRole: 'owner', submittedBidCount: 0 });
    const tree = await t.http().get(`/api/tenders/${id}/criteria`).set(owner.auth).expect(200);
    const topLevelSum = tree.body.reduce((sum: number, node: { weight: number }) => sum + Math.round(node.weight * 100), 0);
    expect(topLevelSum).toBe(10_000);
    const published = await t.http().post(`/api/tenders/${id}/publish`).set(owner.auth).expect(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).toBe(t.clock.now().toISOString());
  });

  it('copies the template settings and lets a draft change them', async () => {
    const id = await createTender(t, owner.token, {
      template: 'camden-mental-health-day-care',
      aggregation: 'median',
      tieBreak: 'quality',
    });
    const patched = await t
      .http()
      .patch(`/api/tenders/${id}`)
      .set(owner.auth)
      .send({ divergenceThreshold: 1.5, abnormallyLowRatio: 0.75, scale: { min: 1, max: 4 } })
      .expect(200);
    expect(patched.body).toMatchObject({
      aggregation: 'median',
      tieBreak: 'quality',
      divergenceThreshold: 1.5,
      abnormallyLowRatio: 0.75,
    });
    expect(patched.body.scale.min).toBe(1);
    expect(Object.keys(patched.body.scale.labels)).toEqual(['1', '2', '3', '4']);
  });

  it('holds the close-call margin: 1 point by default, 2 decimals at most, 0–100 (SCORING.md §11.2)', async () => {
    const id = await createTender(t, owner.token);
    const created = await t.http().get(`/api/tenders/${id}`).set(owner.auth).expect(200);
    expect(created.body.closeCallMargin).toBe(1);
    const patched = await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ closeCallMargin: 2.5 }).expect(200);
    expect(patched.body.closeCallMargin).toBe(2.5);
    for (const closeCallMargin of [1.234, -1, 101, 'one']) {
      const refused = await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ closeCallMargin }).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['closeCallMargin']);
    }
  });

  it('refuses to publish broken weights with 422 naming every node and the sums', async () => {
    const id = await createTender(t, owner.token);
    const post = (body: Record<string, unknown>) =>
      t.http().post(`/api/tenders/${id}/criteria`).set(owner.auth).send(body).expect(201);
    await post({ code: 'Q', title: 'Quality', kind: 'section', weight: 60 });
    await post({ parentId: 'Q', code: 'Q1', title: 'Outcomes', kind: 'scored', category: 'quality', weight: 30 });
    await post({ parentId: 'Q', code: 'Q2', title: 'Staffing', kind: 'scored', category: 'quality', weight: 25 });
    await post({ code: 'P', title: 'Price', kind: 'price', weight: 30 });
    const refused = await t.http().post(`/api/tenders/${id}/publish`).set(owner.auth).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const rules = refused.body.violations.map((v: { code: string | null; rule: string; expected?: string; found?: string }) => [
      v.code,
      v.rule,
      v.expected,
      v.found,
    ]);
    expect(rules).toEqual(
      expect.arrayContaining([
        [null, 'top_level_sum', expect.stringContaining('100'), expect.stringContaining('90')],
        ['Q', 'section_sum', expect.stringContaining('60'), expect.stringContaining('55')],
      ]),
    );
    expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'criteria.Q' })]));
    // nothing changed: still a draft
    expect((await t.http().get(`/api/tenders/${id}`).set(owner.auth)).body.status).toBe('draft');
  });

  it('rejects a criterion that breaks a rule at once (422) and bad shapes (400)', async () => {
    const id = await createTender(t, owner.token);
    const url = `/api/tenders/${id}/criteria`;
    const badGroups = await t
      .http()
      .post(url)
      .set(owner.auth)
      .send({
        code: 'C1',
        title: 'Co-production',
        kind: 'scored',
        category: 'co_production',
        weight: 30,
        groupWeights: { lived_experience: 60, professional: 30 },
      })
      .expect(422);
    expect(badGroups.body.violations[0]).toMatchObject({ code: 'C1', rule: 'group_weights' });
    const threeDecimals = await t
      .http()
      .post(url)
      .set(owner.auth)
      .send({ code: 'Q1', title: 'Q', kind: 'scored', category: 'quality', weight: 33.333 })
      .expect(400);
    expect(threeDecimals.body.errors).toEqual([{ field: 'weight', message: 'The weight can have at most 2 decimal places.' }]);
    const unknownField = await t
      .http()
      .post(url)
      .set(owner.auth)
      .send({ code: 'Q1', title: 'Q', kind: 'scored', category: 'quality', weight: 40, colour: 'red' })
      .expect(400);
    expect(unknownField.body.errors).toEqual([{ field: 'colour', message: 'This field is not accepted here: leave it out.' }]);
    await t.http().post(url).set(owner.auth).send(WORKED_EXAMPLE_CRITERIA[0]).expect(201);
    const duplicate = await t.http().post(url).set(owner.auth).send(WORKED_EXAMPLE_CRITERIA[0]).expect(422);
    expect(duplicate.body.violations[0]).toMatchObject({ code: 'Q1', rule: 'duplicate_code' });
    const underLeaf = await t
      .http()
      .post(url)
      .set(owner.auth)
      .send({ parentId: 'Q1', code: 'Q1a', title: 'x', kind: 'scored', category: 'quality', weight: 1 })
      .expect(422);
    expect(underLeaf.body.detail).toMatch(/only sections can have children/);
  });

  it('edits and deletes criteria while draft, by id or code, and locks them once published (409)', async () => {
    const id = await createTender(t, owner.token);
    const url = `/api/tenders/${id}/criteria`;
    await t.http().post(url).set(owner.auth).send({ code: 'S', title: 'Section', kind: 'section', weight: 70 }).expect(201);
    const child = await t
      .http()
      .post(url)
      .set(owner.auth)
      .send({ parentId: 'S', code: 'S1', title: 'Child', kind: 'scored', category: 'quality', weight: 70 })
      .expect(201);
    await t.http().post(url).set(owner.auth).send({ code: 'P', title: 'Price', kind: 'price', weight: 40 }).expect(201);
    const patched = await t.http().patch(`${url}/P`).set(owner.auth).send({ weight: 30 }).expect(200);
    expect(patched.body.weight).toBe(30);
    await t.http().patch(`${url}/${child.body.id}`).set(owner.auth).send({ title: 'Outcomes framework' }).expect(200);
    const tree = await t.http().get(url).set(owner.auth).expect(200);
    expect(tree.body[0]).toMatchObject({ code: 'S', children: [{ code: 'S1', title: 'Outcomes framework' }] });
    await t.http().post(`/api/tenders/${id}/publish`).set(owner.auth).expect(200);
    const locked = await t.http().patch(`${url}/P`).set(owner.auth).send({ weight: 31 }).expect(409);
    expect(locked.body.detail).toMatch(/only while the tender is a draft/);
    await t.http().delete(`${url}/S`).set(owner.auth).expect(409);
    await t
      .http()
      .post(url)
      .set(owner.auth)
      .send({ code: 'X', title: 'X', kind: 'scored', category: 'quality', weight: 1 })
      .expect(409);
  });

  it('deletes a section with everything under it', async () => {
    const id = await createTender(t, owner.token);
    const url = `/api/tenders/${id}/criteria`;
    await t.http().post(url).set(owner.auth).send({ code: 'S', title: 'Section', kind: 'section', weight: 70 }).expect(201);
    await t
      .http()
      .post(url)
      .set(owner.auth)
      .send({ parentId: 'S', code: 'S1', title: 'Child', kind: 'scored', category: 'quality', weight: 70 })
      .expect(201);
    await t.http().delete(`${url}/S`).set(owner.auth).expect(204);
    expect((await t.http().get(url).set(owner.auth)).body).toEqual([]);
  });

  it('after publication changes only title, description and a later deadline', async () => {
    const id = await createTender(t, owner.token, { template: 'social-value-model' });
    await t.http().post(`/api/tenders/${id}/publish`).set(owner.auth).expect(200);
    const settings = await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ aggregation: 'median' }).expect(409);
    expect(settings.body.detail).toMatch(/Scoring settings \(aggregation\)/);
    await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ bidDeadline: '2027-01-01T00:00:00.000Z' }).expect(422);
    const extended = await t
      .http()
      .patch(`/api/tenders/${id}`)
      .set(owner.auth)
      .send({ title: 'Renamed', bidDeadline: '2027-03-01T12:00:00.000Z' })
      .expect(200);
    expect(extended.body).toMatchObject({ title: 'Renamed', bidDeadline: '2027-03-01T12:00:00.000Z' });
    t.clock.set('2027-03-01T12:00:00.000Z'); // the deadline itself: too late to extend
    await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ bidDeadline: '2027-04-01T12:00:00.000Z' }).expect(409);
    t.clock.set('2026-11-23T09:00:00.000Z');
  });

  it('refuses to publish with a deadline in the past', async () => {
    const id = await createTender(t, owner.token, { template: 'social-value-model', bidDeadline: '2026-11-01T00:00:00.000Z' });
    const refused = await t.http().post(`/api/tenders/${id}/publish`).set(owner.auth).expect(422);
    expect(refused.body.errors).toEqual([{ field: 'bidDeadline', message: 'The bid deadline is in the past: set a later one.' }]);
  });

  it('cancels with a reason and then freezes the tender (409 on every change)', async () => {
    const id = await createTender(t, owner.token, { template: 'social-value-model' });
    await t.http().post(`/api/tenders/${id}/cancel`).set(owner.auth).send({ reason: '  ' }).expect(400);
    const cancelled = await t
      .http()
      .post(`/api/tenders/${id}/cancel`)
      .set(owner.auth)
      .send({ reason: 'Service redesigned with users' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Service redesigned with users' });
    await t.http().patch(`/api/tenders/${id}`).set(owner.auth).send({ title: 'x' }).expect(409);
    await t.http().post(`/api/tenders/${id}/publish`).set(owner.auth).expect(409);
    await t.http().post(`/api/tenders/${id}/cancel`).set(owner.auth).send({ reason: 'again' }).expect(409);
    await t.http().post(`/api/tenders/${id}/criteria`).set(owner.auth).send(WORKED_EXAMPLE_CRITERIA[0]).expect(409);
  });

  it('has a team: the owner adds commissioners and procurement, who get equal rights on the work', async () => {
    const id = await createTender(t, owner.token);
    const procurement = await t.user('procurement');
    const bidder = await t.user('bidder');
    await t.http().post(`/api/tenders/${id}/team`).set(owner.auth).send({ userId: bidder.id, role: 'procurement' }).expect(422);
    await t
      .http()
      .post(`/api/tenders/${id}/team`)
      .set(owner.auth)
      .send({ userId: procurement.id, role: 'procurement' })
      .expect(201);
    await t
      .http()
      .post(`/api/tenders/${id}/team`)
      .set(owner.auth)
      .send({ userId: procurement.id, role: 'procurement' })
      .expect(409);
    const seen = await t.http().get(`/api/tenders/${id}`).set(procurement.auth).expect(200);
    expect(seen.body.teamRole).toBe('procurement');
    await t.http().post(`/api/tenders/${id}/criteria`).set(procurement.auth).send(WORKED_EXAMPLE_CRITERIA[0]).expect(201);
    // only the owner adds members
    const other = await t.user('commissioner');
    const notOwner = await t
      .http()
      .post(`/api/tenders/${id}/team`)
      .set(procurement.auth)
      .send({ userId: other.id, role: 'commissioner' })
      .expect(403);
    expect(notOwner.body.detail).toMatch(/owner/);
    const team = await t.http().get(`/api/tenders/${id}/team`).set(procurement.auth).expect(200);
    expect(team.body.map((m: { role: string }) => m.role).sort()).toEqual(['owner', 'procurement']);
  });

  it('lists to each caller only the tenders they may see', async () => {
    const outsider = await t.user('commissioner');
    const draft = await createTender(t, owner.token);
    const published = await createTender(t, owner.token, { template: 'social-value-model' });
    await t.http().post(`/api/tenders/${published}/publish`).set(owner.auth).expect(200);
    const bidder = await t.user('bidder');
    const ids = async (auth: Record<string, string>) =>
      (await t.http().get('/api/tenders').set(auth).expect(200)).body.map((x: { id: string }) => x.id);
    expect(await ids(outsider.auth)).toEqual([]);
    expect(await ids(owner.auth)).toEqual(expect.arrayContaining([draft, published]));
    const bidderSees = await ids(bidder.auth);
    expect(bidderSees).toContain(published);
    expect(bidderSees).not.toContain(draft);
    expect(await ids({ Authorization: `Bearer ${t.adminToken}` })).toEqual([]);
  });

  it('validates the tender body (400 naming each field)', async () => {
    const response = await t
      .http()
      .post('/api/tenders')
      .set(owner.auth)
      .send(
        buildTender(
          deliberatelyInvalid({ bidDeadline: 'next tuesday', aggregation: 'mode', divergenceThreshold: 1.234, surprise: true }),
        ),
      )
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'aggregation',
      'bidDeadline',
      'divergenceThreshold',
      'surprise',
    ]);
    const unknownTemplate = await t
      .http()
      .post('/api/tenders')
      .set(owner.auth)
      .send(buildTender({ template: 'nope' }))
      .expect(422);
    expect(unknownTemplate.body.errors).toEqual([
      { field: 'template', message: 'There is no template with this key: choose one from the list of templates.' },
    ]);
    const badScale = await t
      .http()
      .post('/api/tenders')
      .set(owner.auth)
      .send(buildTender({ scale: { min: 5, max: 5 } }))
      .expect(422);
    expect(badScale.body.detail).toMatch(/min \(5\) must be below its max \(5\)/);
    expect(FUTURE_DEADLINE).toBeDefined();
  });
});
