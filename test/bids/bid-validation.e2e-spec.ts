import { createTestApp, type SignedIn, type TestApp } from '../app';
import { bidWorld, buildBid, postBid, type TenderWorld, deliberatelyInvalid } from '../steps';

/** 400 when the body alone is wrong; 422 when it breaks a rule of this tender, naming the criterion. */
describe('bids: validation and content rules', () => {
  let t: TestApp;
  let world: TenderWorld;
  let bidder: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    world = await bidWorld(t);
  });
  beforeEach(async () => {
    bidder = await t.user('bidder'); // a fresh organisation: one bid per organisation
  });
  afterAll(() => t.close());

  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  describe('400: the body alone', () => {
    it.each([
      ['price 0', { price: 0 }, 'price'],
      ['negative price', { price: -5 }, 'price'],
      ['3 decimals', { price: 10.005 }, 'price'],
      ['price as a string', { price: '100' }, 'price'],
      ['price above £1bn', { price: 1_000_000_000.01 }, 'price'],
      ['blank bidderName', { bidderName: '  ' }, 'bidderName'],
      ['unknown organisationType', { organisationType: 'charity' }, 'organisationType'],
      ['blank consortium member', { consortium: ['ok', ' '] }, 'consortium'],
      ['responses not an array', { responses: 'Q1' }, 'responses'],
      ['response without text', { responses: [{ criterion: 'Q1' }] }, 'responses[0].text'],
      [
        'commitment target with 5 decimals',
        { commitments: [{ outcome: 'o', measure: 'm', target: 1.00001 }] },
        'commitments[0].target',
      ],
      ['commitment without measure', { commitments: [{ outcome: 'o', target: 1 }] }, 'commitments[0].measure'],
      [
        'commitment date not a date',
        { commitments: [{ outcome: 'o', measure: 'm', target: 1, by: '2027-02-30' }] },
        'commitments[0].by',
      ],
      ['an unknown field', { surprise: true }, 'surprise'],
    ])('%s', async (_name, override, field) => {
      const response = await postBid(t, bidder, world.tenderId, deliberatelyInvalid(override));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 400, title: 'Bad request' });
      expect(fieldsOf(response.body)).toContain(field);
    });

    it('a response over 20 000 characters is refused; exactly 20 000 (emoji counted once) is accepted', async () => {
      const tooLong = await postBid(t, bidder, world.tenderId, { responses: [{ criterion: 'Q2', text: 'x'.repeat(20_001) }] });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors).toEqual([
        { field: 'responses[0].text', message: 'The text is too long: use at most 20,000 characters.' },
      ]);
      const exact = await postBid(t, bidder, world.tenderId, { responses: [{ criterion: 'Q2', text: '👍'.repeat(20_000) }] });
      expect(exact.status).toBe(201);
    });
  });

  describe('422: rules of this tender, naming the criterion', () => {
    it.each([
      ['an unknown criterion', 'Q9', 'This tender has no criterion "Q9": use the code of one of its questions.'],
      ['a section', 'Q', 'Q is a section: answer the questions inside it.'],
      ['the price criterion', 'P', 'P is the price criterion: give the price in "price", not as a response.'],
    ])('a response to %s', async (_name, criterion, message) => {
      const response = await postBid(t, bidder, world.tenderId, { responses: [{ criterion, text: 'An answer.' }] });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        status: 422,
        title: 'Unprocessable content',
        errors: [{ field: 'responses[0].criterion', message }],
      });
      expect(response.body.detail).toContain(message);
    });

    it('maxWords: 50 words pass, 51 are refused with the count', async () => {
      const ok = await postBid(t, bidder, world.tenderId, { responses: [{ criterion: 'Q1', text: `  ${words(50)}\n` }] });
      expect(ok.status).toBe(201);
      expect(ok.body.responses[0]).toMatchObject({ code: 'Q1', words: 50 });
      const tooMany = await t
        .http()
        .patch(`/api/tenders/${world.tenderId}/bids/${ok.body.id}`)
        .set(bidder.auth)
        .send({ responses: [{ criterion: 'Q1', text: words(51) }] });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors).toEqual([
        { field: 'responses[0].text', message: 'Q1 allows at most 50 words; this response has 51. Shorten it.' },
      ]);
      // The draft is unchanged.
      const read = await t.http().get(`/api/tenders/${world.tenderId}/bids/${ok.body.id}`).set(bidder.auth);
      expect(read.body.responses[0].words).toBe(50);
    });

    it('the same criterion answered twice (by code and by id)', async () => {
      const tree = await t.http().get(`/api/tenders/${world.tenderId}/criteria`).set(bidder.auth);
      const c1 = tree.body.find((c: { code: string }) => c.code === 'C1');
      const response = await postBid(t, bidder, world.tenderId, {
        responses: [
          { criterion: 'C1', text: 'first' },
          { criterion: c1.id, text: 'second' },
        ],
      });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        { field: 'responses[1].criterion', message: 'C1 is answered more than once: give one response to it.' },
      ]);
    });

    it('evidence for a pass/fail gate is accepted; it is optional at submit', async () => {
      const response = await postBid(t, bidder, world.tenderId, {
        responses: [...buildBid().responses, { criterion: 'G1', text: 'Certificates attached to the paper copy.' }],
      });
      expect(response.status).toBe(201);
      expect(response.body.responses.map((r: { code: string }) => r.code)).toEqual(['Q1', 'Q2', 'C1', 'SV1', 'G1']);
    });

    it('a commitment must answer a wider-outcome criterion', async () => {
      const response = await postBid(t, bidder, world.tenderId, {
        commitments: [{ criterion: 'C1', outcome: 'o', measure: 'm', target: 1 }],
      });
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        {
          field: 'commitments[0].criterion',
          message:
            'C1 is not a social, economic or environmental outcome (its category is co_production): link the commitment to one of those, or to none.',
        },
      ]);
    });

    it('submit names each scored leaf without a response', async () => {
      const created = await postBid(t, bidder, world.tenderId, { responses: [{ criterion: 'C1', text: 'Only this one.' }] });
      expect(created.status).toBe(201);
      const submit = await t.http().post(`/api/tenders/${world.tenderId}/bids/${created.body.id}/submit`).set(bidder.auth);
      expect(submit.status).toBe(422);
      expect(submit.body).toMatchObject({
        status: 422,
        detail: 'The bid cannot be submitted: it has no response to Q1, Q2, SV1.',
        missing: ['Q1', 'Q2', 'SV1'],
      });
      expect(submit.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'responses.Q1',
        'responses.Q2',
        'responses.SV1',
      ]);
      const read = await t.http().get(`/api/tenders/${world.tenderId}/bids/${created.body.id}`).set(bidder.auth);
      expect(read.body.status).toBe('draft');
    });
  });

  it('the OpenAPI document describes every bid route with body examples', async () => {
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = doc.body.paths as Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { examples?: unknown }> } }>
    >;
    const base = '/api/tenders/{tenderId}/bids';
    expect(Object.keys(paths[base])).toEqual(expect.arrayContaining(['post', 'get']));
    expect(Object.keys(paths[`${base}/{bidId}`])).toEqual(expect.arrayContaining(['get', 'patch']));
    for (const [path, method] of [
      [base, 'post'],
      [`${base}/{bidId}`, 'patch'],
      [`${base}/{bidId}/compliance/{criterion}`, 'put'],
      [`${base}/{bidId}/disqualify`, 'post'],
    ] as const) {
      expect(paths[path][method].requestBody?.content['application/json'].examples).toBeDefined();
    }
    expect(paths[`${base}/{bidId}/submit`].post).toBeDefined();
    expect(paths[`${base}/{bidId}/withdraw`].post).toBeDefined();
    expect(paths['/api/tenders/{tenderId}/close'].post).toBeDefined();
  });
});
