import { createTestApp, type SignedIn, type TestApp } from '../app';
import { buildTender, createTender, WORKED_EXAMPLE_CRITERIA } from '../steps';

type Who = 'owner' | 'teamProcurement' | 'outsiderCommissioner' | 'bidder' | 'panelist' | 'admin' | 'anonymous';

/**
 * Role × route matrix for the foundation's routes, on a draft tender (bidders see nothing
 * of a draft) and a published one. 404 = not visible, 403 = visible but not this role's.
 */
describe('access matrix: accounts, templates, tenders, criteria, audit', () => {
  let t: TestApp;
  const who = {} as Record<Exclude<Who, 'anonymous'>, SignedIn | { auth: Record<string, string> }>;
  let draftId: string;
  let publishedId: string;
  let adminId: string;
  let questionId: string;
  let rivalQuestionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await t.user('commissioner');
    const procurement = await t.user('procurement');
    Object.assign(who, {
      owner,
      teamProcurement: procurement,
      outsiderCommissioner: await t.user('commissioner'),
      bidder: await t.user('bidder'),
      panelist: await t.user('panelist'),
      admin: { auth: { Authorization: `Bearer ${t.adminToken}` } },
    });
    draftId = await createTender(t, owner.token);
    publishedId = await createTender(t, owner.token, { template: 'social-value-model' });
    adminId = (await t.http().get('/api/me').set(who.admin.auth).expect(200)).body.id;
    for (const id of [draftId, publishedId]) {
      await t
        .http()
        .post(`/api/tenders/${id}/team`)
        .set(owner.auth)
        .send({ userId: procurement.id, role: 'procurement' })
        .expect(201);
    }
    await t.http().post(`/api/tenders/${draftId}/criteria`).set(owner.auth).send(WORKED_EXAMPLE_CRITERIA[0]).expect(201);
    await t.http().post(`/api/tenders/${publishedId}/publish`).set(owner.auth).expect(200);
    const ask = (auth: Record<string, string>) =>
      t.http().post(`/api/tenders/${publishedId}/questions`).set(auth).send({ question: 'Can we use two sites?' }).expect(201);
    questionId = (await ask(who.bidder.auth)).body.id;
    rivalQuestionId = (await ask((await t.user('bidder')).auth)).body.id;
  });
  afterAll(() => t.close());
  const idOf = (caller: 'bidder' | 'panelist' | 'admin') => (caller === 'admin' ? adminId : (who[caller] as SignedIn).id);

  const send = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', url: string, as: Who, body?: object | (() => object)) => {
    let req = t.http()[method](url);
    if (as !== 'anonymous') req = req.set(who[as].auth);
    return body ? req.send(typeof body === 'function' ? body() : body) : req;
  };

  // [route label, method, url(draft?), body, expected status per caller]
  const cases: [
    string,
    'get' | 'post' | 'put' | 'patch' | 'delete',
    () => string,
    object | (() => object) | undefined,
    Record<Who, number>,
  ][] = [
    [
      'GET /users',
      'get',
      () => '/api/users',
      undefined,
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 403, panelist: 403, admin: 200, anonymous: 401 },
    ],
    [
      'GET /users?role=&active=',
      'get',
      () => '/api/users?role=panelist&active=true',
      undefined,
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 403, panelist: 403, admin: 200, anonymous: 401 },
    ],
    [
      'GET /users/:id',
      'get',
      () => `/api/users/${idOf('bidder')}`,
      undefined,
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 403, panelist: 403, admin: 200, anonymous: 401 },
    ],
    [
      'POST /users/:id/reactivate',
      'post',
      () => `/api/users/${idOf('panelist')}/reactivate`,
      undefined,
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 403, panelist: 403, admin: 200, anonymous: 401 },
    ],
    [
      'POST /users/:id/deactivate (own account)',
      'post',
      () => `/api/users/${idOf('admin')}/deactivate`,
      undefined,
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 403, panelist: 403, admin: 409, anonymous: 401 },
    ],
    [
      'PUT /users/:id/role',
      'put',
      () => `/api/users/${idOf('panelist')}/role`,
      { role: 'panelist' },
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 403, panelist: 403, admin: 200, anonymous: 401 },
    ],
    [
      'POST /users/:id/password-reset',
      'post',
      () => `/api/users/${idOf('bidder')}/password-reset`,
      undefined,
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 403, panelist: 403, admin: 201, anonymous: 401 },
    ],
    [
      'POST /me/password (wrong current)',
      'post',
      () => '/api/me/password',
      { currentPassword: 'not the password', newPassword: 'a new long passphrase' },
      { owner: 422, teamProcurement: 422, outsiderCommissioner: 422, bidder: 422, panelist: 422, admin: 422, anonymous: 401 },
    ],
    [
      'GET /me',
      'get',
      () => '/api/me',
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 200, bidder: 200, panelist: 200, admin: 200, anonymous: 401 },
    ],
    [
      'GET /templates',
      'get',
      () => '/api/templates',
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 200, bidder: 200, panelist: 200, admin: 200, anonymous: 401 },
    ],
    [
      'GET draft tender',
      'get',
      () => `/api/tenders/${draftId}`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 404, panelist: 404, admin: 404, anonymous: 401 },
    ],
    [
      'GET published tender',
      'get',
      () => `/api/tenders/${publishedId}`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 200, panelist: 404, admin: 404, anonymous: 401 },
    ],
    [
      'GET draft criteria',
      'get',
      () => `/api/tenders/${draftId}/criteria`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 404, panelist: 404, admin: 404, anonymous: 401 },
    ],
    [
      'GET published criteria',
      'get',
      () => `/api/tenders/${publishedId}/criteria`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 200, panelist: 404, admin: 404, anonymous: 401 },
    ],
    [
      'PATCH draft tender',
      'patch',
      () => `/api/tenders/${draftId}`,
      { description: 'x' },
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'PATCH published tender (bidder sees it)',
      'patch',
      () => `/api/tenders/${publishedId}`,
      { description: 'x' },
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST criteria',
      'post',
      () => `/api/tenders/${draftId}/criteria`,
      { code: 'Z9', title: 'z', kind: 'scored', category: 'quality', weight: 1 },
      { owner: 201, teamProcurement: 422, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'PATCH criterion',
      'patch',
      () => `/api/tenders/${draftId}/criteria/Q1`,
      { title: 'Renamed' },
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'GET team',
      'get',
      () => `/api/tenders/${draftId}/team`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST team',
      'post',
      () => `/api/tenders/${draftId}/team`,
      { userId: '00000000-0000-4000-8000-000000000000', role: 'commissioner' },
      { owner: 422, teamProcurement: 403, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'GET audit',
      'get',
      () => `/api/tenders/${draftId}/audit`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST publish (published bidder-visible)',
      'post',
      () => `/api/tenders/${publishedId}/publish`,
      undefined,
      { owner: 409, teamProcurement: 409, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST draft questions (no bidder sees a draft)',
      'post',
      () => `/api/tenders/${draftId}/questions`,
      { question: 'Two sites?' },
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 404, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST published questions',
      'post',
      () => `/api/tenders/${publishedId}/questions`,
      { question: 'Two sites?' },
      { owner: 403, teamProcurement: 403, outsiderCommissioner: 403, bidder: 201, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'GET published clarifications (panel: see test/clarifications)',
      'get',
      () => `/api/tenders/${publishedId}/clarifications`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 200, panelist: 404, admin: 404, anonymous: 401 },
    ],
    [
      "GET the bidder's question",
      'get',
      () => `/api/tenders/${publishedId}/clarifications/${questionId}`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 200, panelist: 404, admin: 404, anonymous: 401 },
    ],
    [
      "GET a rival's unanswered question",
      'get',
      () => `/api/tenders/${publishedId}/clarifications/${rivalQuestionId}`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 404, panelist: 404, admin: 404, anonymous: 401 },
    ],
    [
      'POST clarifications (team notice)',
      'post',
      () => `/api/tenders/${publishedId}/clarifications`,
      { text: 'Annex C is revised.' },
      { owner: 201, teamProcurement: 201, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST answer',
      'post',
      () => `/api/tenders/${publishedId}/clarifications/${questionId}/answer`,
      { answer: 'Yes.', private: true, privateReason: 'Names a partner.' },
      { owner: 200, teamProcurement: 409, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST publish a private answer',
      'post',
      () => `/api/tenders/${publishedId}/clarifications/${questionId}/publish`,
      undefined,
      { owner: 200, teamProcurement: 409, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'GET easy-read template (bid summaries: see test/easy-read)',
      'get',
      () => `/api/tenders/${publishedId}/easy-read/template`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'PUT easy-read template',
      'put',
      () => `/api/tenders/${publishedId}/easy-read/template`,
      { headings: ['What they will do', 'Who will do it'], wordLimit: 60 },
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'GET ocds (published: the tender release)',
      'get',
      () => `/api/tenders/${publishedId}/ocds`,
      undefined,
      { owner: 200, teamProcurement: 200, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'GET ocds/tender (draft: no release yet)',
      'get',
      () => `/api/tenders/${draftId}/ocds/tender`,
      undefined,
      { owner: 404, teamProcurement: 404, outsiderCommissioner: 404, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
    [
      'POST tenders',
      'post',
      () => '/api/tenders',
      () => buildTender({ title: 'T' }),
      { owner: 201, teamProcurement: 403, outsiderCommissioner: 201, bidder: 403, panelist: 403, admin: 403, anonymous: 401 },
    ],
  ];

  it.each(cases)('%s', async (_label, method, url, body, expected) => {
    const actual: Partial<Record<Who, number>> = {};
    // owner last on mutating routes whose first success changes state (POST criteria: same code twice → 422)
    const order: Who[] = ['anonymous', 'admin', 'panelist', 'bidder', 'outsiderCommissioner', 'owner', 'teamProcurement'];
    for (const caller of order) actual[caller] = (await send(method, url(), caller, body)).status;
    expect(actual).toEqual(expected);
  });

  it('never leaks a tender through a 403 to someone who cannot see it', async () => {
    const missing = await send('get', '/api/tenders/00000000-0000-4000-8000-000000000000', 'owner');
    const hidden = await send('get', `/api/tenders/${draftId}`, 'outsiderCommissioner');
    expect(hidden.status).toBe(404);
    expect(hidden.body.detail).toBe(missing.body.detail);
  });
});
