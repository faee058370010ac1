import { DataSource } from 'typeorm';
import { IdempotencyRecord } from '../../src/idempotency/idempotency-record.entity';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { bidWorld, buildBid, panelTender, buildTender } from '../steps';

/**
 * A client that retries after a dropped connection must not create a second tender, bid or
 * invitation: the same Idempotency-Key and body get the first answer back.
 */
describe('Idempotency-Key on creating requests', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
  });
  afterAll(() => t.close());

  const createTender = (who: SignedIn, key: string | undefined, body: object) => {
    const request = t.http().post('/api/tenders').set(who.auth);
    return (key === undefined ? request : request.set('Idempotency-Key', key)).send(body);
  };
  const auditActions = async (tenderId: string) =>
    ((await t.http().get(`/api/tenders/${tenderId}/audit`).set(commissioner.auth).expect(200)).body as { action: string }[]).map(
      (e) => e.action,
    );

  it('a retry with the same key and body returns the first answer and creates nothing more', async () => {
    const body = buildTender();
    const first = await createTender(commissioner, 'retry-1', body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // the same JSON in another key order is the same request
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await createTender(commissioner, 'retry-1', reordered).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const mine = (await t.http().get('/api/tenders').set(commissioner.auth).expect(200)).body as { reference: string }[];
    expect(mine.filter((tender) => tender.reference === body.reference)).toHaveLength(1);
    expect((await auditActions(first.body.id)).filter((action) => action === 'tender.created')).toHaveLength(1);
  });

  it('the same key with another body is refused (422 problem+json naming the header); the first tender stands', async () => {
    const first = await createTender(commissioner, 'retry-2', buildTender()).expect(201);
    const other = await createTender(commissioner, 'retry-2', buildTender({ title: 'Something else' })).expect(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({
      status: 422,
      detail: 'This Idempotency-Key was already used for a different request. Send a new key with a new request.',
      errors: [{ field: 'Idempotency-Key', message: expect.any(String) }],
    });
    await t.http().get(`/api/tenders/${first.body.id}`).set(commissioner.auth).expect(200);
  });

  it('keys belong to their caller: another commissioner with the same key creates their own tender', async () => {
    const other = await t.user('commissioner');
    const body = buildTender();
    const mine = await createTender(commissioner, 'shared-key', body).expect(201);
    // Another tender (references are unique among live tenders), under the same key.
    const theirs = await createTender(other, 'shared-key', buildTender()).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('refuses a malformed key with 400 naming the header, and does nothing', async () => {
    for (const key of ['', 'x'.repeat(256), 'caf\u00e9']) {
      const body = buildTender();
      const refused = await createTender(commissioner, key, body).expect(400);
      expect(refused.body.errors).toEqual([
        { field: 'Idempotency-Key', message: expect.stringContaining('1 to 255 printable characters') },
      ]);
      const mine = (await t.http().get('/api/tenders').set(commissioner.auth).expect(200)).body as { reference: string }[];
      expect(mine.some((tender) => tender.reference === body.reference)).toBe(false);
    }
    await createTender(commissioner, 'x'.repeat(255), buildTender()).expect(201);
  });

  it('a failed request does not use the key up: the corrected retry does the work', async () => {
    await createTender(commissioner, 'fix-and-retry', buildTender({ bidDeadline: 'not a date' })).expect(400);
    await createTender(commissioner, 'fix-and-retry', buildTender()).expect(201);
  });

  it('forgets keys after 24 hours: the same key then creates anew, and the expired answer is pruned', async () => {
    const body = buildTender();
    const first = await createTender(commissioner, 'day-old', body).expect(201);
    t.clock.advance(24 * 60 * 60_000);
    const later = await createTender(commissioner, 'day-old', { ...body, reference: `${String(body.reference)}-2` }).expect(201);
    expect(later.body.id).not.toBe(first.body.id);
    const rows = await t.app.get(DataSource).getRepository(IdempotencyRecord).find();
    const cutoff = t.clock.now().getTime() - 24 * 60 * 60_000;
    expect(rows.every((row) => row.createdAt.getTime() > cutoff)).toBe(true);
  });

  it('identical requests at the same moment create one tender; all get its answer', async () => {
    const body = buildTender();
    const answers = await Promise.all([1, 2, 3, 4].map(() => createTender(commissioner, 'race', body)));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
  });

  it('two first bids of one organisation at once with different keys: one is created, the other gets the usual 409', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const post = (key: string) =>
      t.http().post(`/api/tenders/${world.tenderId}/bids`).set(bidder.auth).set('Idempotency-Key', key).send(buildBid());
    const answers = await Promise.all([post('first'), post('second')]);
    expect(answers.map((answer) => answer.status).sort((a, b) => a - b)).toEqual([201, 409]);
  });

  it('replays a bid, and a supplier registration that would otherwise answer "already registered"', async () => {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const post = () =>
      t.http().post(`/api/tenders/${world.tenderId}/bids`).set(bidder.auth).set('Idempotency-Key', 'bid-1').send(buildBid());
    const first = await post().expect(201);
    const again = await post().expect(201);
    expect(again.body).toEqual(first.body);
    const register = () =>
      t.http().post('/api/auth/register').set('Idempotency-Key', 'signup-1').send({
        email: 'bids@retry.example',
        password: 'a long passphrase',
        name: 'Robin',
        organisationName: 'Retry CIC',
        organisationType: 'vcse',
      });
    const registered = await register().expect(201);
    expect((await register().expect(201)).body).toEqual(registered.body);
  });

  it('replays an invitation with the same working link, kept encrypted at rest', async () => {
    const world = await panelTender(t);
    const member = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .set('Idempotency-Key', 'add-sam')
      .send({ name: 'Sam', email: 'sam@retry.example', group: 'lived_experience' })
      .expect(201);
    const issue = () =>
      t
        .http()
        .post(`/api/tenders/${world.tenderId}/panel/${member.body.id}/invitation`)
        .set(world.commissioner.auth)
        .set('Idempotency-Key', 'invite-sam');
    const first = await issue().expect(201);
    const again = await issue().expect(201);
    expect(again.body).toEqual(first.body);
    // the replay did not revoke the first link by issuing another one
    await t.http().post('/api/auth/invitation').send({ token: first.body.token }).expect(200);
    const rows = await t.app.get(DataSource).getRepository(IdempotencyRecord).find();
    expect(rows.some((row) => (row.response ?? '').includes(first.body.token as string))).toBe(false);
  });

  it('documents the header on every creating route in the OpenAPI document', async () => {
    const docs = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const creating = [
      '/api/tenders',
      '/api/tenders/{tenderId}/team',
      '/api/tenders/{tenderId}/criteria',
      '/api/tenders/{tenderId}/bids',
      '/api/tenders/{tenderId}/panel',
      '/api/tenders/{tenderId}/panel/{memberId}/invitation',
      '/api/users',
      '/api/auth/register',
    ];
    for (const path of creating) {
      const parameters = docs.paths[path]?.post?.parameters ?? [];
      expect([path, parameters.some((p) => p.name === 'Idempotency-Key' && p.in === 'header')]).toEqual([path, true]);
    }
  });
});
