import { createTestApp, type SignedIn, type TestApp } from '../app';
import { buildTender, createPublishedTender, createTender, WORKED_EXAMPLE_CRITERIA } from '../steps';

/** Issue 11, newcomer: two published PAT-1 were accepted. A reference names one live tender. */
describe('tender references are unique among live tenders', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    other = await t.user('commissioner');
  });
  afterAll(() => t.close());

  const create = (who: SignedIn, reference: string) =>
    t.http().post('/api/tenders').set(who.auth).send(buildTender({ reference }));

  it('refuses a second PAT-1 with 409 naming reference, whoever creates it and whatever the case or spaces', async () => {
    await createPublishedTender(t, commissioner.token, { criteria: WORKED_EXAMPLE_CRITERIA, tender: { reference: 'PAT-1' } });
    for (const [who, reference] of [
      [commissioner, 'PAT-1'],
      [other, 'PAT-1'],
      [commissioner, ' pat-1 '],
    ] as const) {
      const response = await create(who, reference);
      expect(response.status).toBe(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([
        { field: 'reference', message: expect.stringMatching(/already has this reference: choose a different one/) },
      ]);
      expect(response.body.detail).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/); // names no other tender
    }
  });

  it('refuses renaming a draft to a reference in use (409), and allows keeping its own', async () => {
    await createTender(t, commissioner.token, { reference: 'PAT-2' });
    const draft = await createTender(t, commissioner.token, { reference: 'PAT-3' });
    const clash = await t.http().patch(`/api/tenders/${draft}`).set(commissioner.auth).send({ reference: 'Pat-2' });
    expect(clash.status).toBe(409);
    expect(clash.body.errors[0].field).toBe('reference');
    await t.http().patch(`/api/tenders/${draft}`).set(commissioner.auth).send({ reference: 'pat-3' }).expect(200);
  });

  it('frees the reference of a cancelled tender', async () => {
    const first = await createTender(t, commissioner.token, { reference: 'PAT-4' });
    await t
      .http()
      .post(`/api/tenders/${first}/cancel`)
      .set(commissioner.auth)
      .send({ reason: 'Re-tendered with a new specification.' })
      .expect(200);
    await create(commissioner, 'PAT-4').expect(201);
  });

  it('lets exactly one of many simultaneous creations take a reference', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => create(i % 2 === 0 ? commissioner : other, 'RACE-1')),
    );
    expect(responses.map((r) => r.status).sort((a, b) => a - b)).toEqual([201, 409, 409, 409, 409, 409]);
    const renames = await Promise.all(
      (await Promise.all([0, 1, 2].map(() => createTender(t, commissioner.token)))).map((id) =>
        t.http().patch(`/api/tenders/${id}`).set(commissioner.auth).send({ reference: 'RACE-2' }),
      ),
    );
    expect(renames.map((r) => r.status).sort((a, b) => a - b)).toEqual([200, 409, 409]);
  });
});
