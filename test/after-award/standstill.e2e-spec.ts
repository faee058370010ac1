import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { award, createTender } from '../steps';
import { workedExampleTender } from '../steps/worked-example.world';

/**
 * After the award (Procurement Act 2023 s.51, s.55): the standstill from the contract award
 * notice, challenges that hold the contract back, entering into the contract, and the
 * termination notice of a tender not awarded. Dates around Christmas 2026, in Scotland.
 */
describe('standstill and entering into the contract', () => {
  let t: TestApp;
  let commissioner: SignedIn;
  let tenderId: string;
  const standstill = () => `/api/tenders/${tenderId}/standstill`;

  beforeAll(async () => {
    t = await createTestApp();
    commissioner = await t.user('commissioner');
    ({ tenderId } = await workedExampleTender(t, commissioner));
  });
  afterAll(() => t.close());

  it('before the award: settings may be chosen, but no notice and no contract', async () => {
    const initial = await t.http().get(standstill()).set(commissioner.auth).expect(200);
    expect(initial.body).toMatchObject({
      nation: 'england-and-wales',
      kind: 'mandatory',
      noticePublishedAt: null,
      canEnterContract: false,
      challenges: [],
    });
    await t.http().patch(standstill()).set(commissioner.auth).send({ nation: 'wales' }).expect(400);
    const set = await t.http().patch(standstill()).set(commissioner.auth).send({ nation: 'scotland' }).expect(200);
    expect(set.body.nation).toBe('scotland');
    const early = await t
      .http()
      .post(`${standstill()}/award-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: t.clock.now().toISOString() })
      .expect(409);
    expect(early.body.detail).toMatch(/follows the award/);
    const contract = await t.http().post(`/api/tenders/${tenderId}/contract`).set(commissioner.auth).send({}).expect(409);
    expect(contract.body.detail).toBe('The tender is not awarded: a contract can only be entered into after the award.');
  });

  it('runs eight Scottish working days from the notice, over Christmas and New Year', async () => {
    t.clock.set('2026-12-21T09:00:00.000Z');
    expect((await award(t, tenderId, commissioner)).status).toBe(200);
    const future = await t
      .http()
      .post(`${standstill()}/award-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: '2026-12-23T09:00:00.000Z' })
      .expect(422);
    expect(future.body.errors).toEqual([
      { field: 'publishedAt', message: expect.stringMatching(/cannot be dated in the future/) },
    ]);
    t.clock.set('2026-12-22T16:00:00.000Z');
    const notice = await t
      .http()
      .post(`${standstill()}/award-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: '2026-12-22T15:00:00.000Z' })
      .expect(200);
    // Tue 22, Wed 23, Thu 24; Christmas, weekend, Boxing Day (substitute); Tue 29, Wed 30, Thu 31;
    // New Year's Day, 2 January (a Saturday: Scotland's substitute day is Monday 4 January), Sunday;
    // Tue 5 January 2027 completes the eight, so the standstill ends at midnight into Wednesday 6.
    expect(notice.body.workingDays).toEqual([
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-05',
      '2027-01-06',
    ]);
    expect(notice.body.standstillEndsAt).toBe('2027-01-07T00:00:00.000Z');
    expect(notice.body.skippedDays).toContainEqual({ date: '2026-12-25', reason: 'Christmas Day' });
    expect(notice.body).toMatchObject({
      canEnterContract: false,
      notYet: expect.stringMatching(/^The standstill period ends at midnight at the end of 6 January 2027/),
    });
    await t
      .http()
      .post(`${standstill()}/award-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: '2026-12-22T15:00:00.000Z' })
      .expect(409);
    await t.http().patch(standstill()).set(commissioner.auth).send({ kind: 'none' }).expect(409);
  });

  it('refuses the contract during the standstill, and while a challenge is open', async () => {
    t.clock.set('2027-01-06T23:59:00.000Z');
    const during = await t.http().post(`/api/tenders/${tenderId}/contract`).set(commissioner.auth).send({}).expect(409);
    expect(during.body.detail).toMatch(/standstill period ends at midnight at the end of 6 January 2027/);
    const challenge = await t
      .http()
      .post(`${standstill()}/challenges`)
      .set(commissioner.auth)
      .send({ receivedAt: '2027-01-04T10:00:00.000Z', summary: 'Bidder A has issued proceedings about the price score.' })
      .expect(200);
    const [open] = challenge.body.challenges;
    t.clock.set('2027-01-07T09:00:00.000Z');
    const held = await t.http().post(`/api/tenders/${tenderId}/contract`).set(commissioner.auth).send({}).expect(409);
    expect(held.body.detail).toBe(
      'A challenge received on 4 January 2027 is still open: the contract cannot be entered into until it is lifted.',
    );
    await t.http().post(`${standstill()}/challenges/${open.id}/lift`).set(commissioner.auth).send({ reason: '  ' }).expect(400);
    await t
      .http()
      .post(`${standstill()}/challenges/${open.id}/lift`)
      .set(commissioner.auth)
      .send({ reason: 'The court lifted the suspension.' })
      .expect(200);
    await t
      .http()
      .post(`${standstill()}/challenges/${open.id}/lift`)
      .set(commissioner.auth)
      .send({ reason: 'Again.' })
      .expect(409);
  });

  it('enters into the contract after the standstill, once, on the record', async () => {
    const inside = await t
      .http()
      .post(`/api/tenders/${tenderId}/contract`)
      .set(commissioner.auth)
      .send({ enteredAt: '2027-01-06T12:00:00.000Z' })
      .expect(422);
    expect(inside.body.errors[0].field).toBe('enteredAt');
    const entered = await t.http().post(`/api/tenders/${tenderId}/contract`).set(commissioner.auth).send({}).expect(200);
    expect(entered.body).toMatchObject({ contractEnteredAt: '2027-01-07T09:00:00.000Z', canEnterContract: false, notYet: null });
    expect(entered.body.retainUntil).toBe('2030-01-07T09:00:00.000Z');
    const again = await t.http().post(`/api/tenders/${tenderId}/contract`).set(commissioner.auth).send({}).expect(409);
    expect(again.body.detail).toBe('The contract was already entered into on 7 January 2027.');
    const actions = (
      await t.app
        .get(DataSource)
        .getRepository(AuditEvent)
        .find({ where: { chain: tenderId }, order: { seq: 'ASC' } })
    )
      .map((event) => event.action)
      .filter((action) => /standstill|notice|contract/.test(action));
    expect(actions).toEqual([
      'standstill.settings',
      'award_notice.published',
      'standstill.challenge_recorded',
      'standstill.challenge_lifted',
      'contract.entered',
    ]);
  });

  it("is the team's alone", async () => {
    const outsider = await t.user('commissioner');
    await t.http().get(standstill()).set(outsider.auth).expect(404);
    const bidder = await t.user('bidder');
    await t.http().get(standstill()).set(bidder.auth).expect(403);
  });

  it('records the termination notice of a published tender cancelled instead of awarded', async () => {
    t.clock.set('2026-11-23T09:00:00.000Z');
    const draft = await createTender(t, commissioner.token, { template: 'camden-mental-health-day-care' });
    await t
      .http()
      .post(`/api/tenders/${draft}/cancel`)
      .set(commissioner.auth)
      .send({ reason: 'Service redesigned with users' })
      .expect(200);
    const never = await t
      .http()
      .post(`/api/tenders/${draft}/termination-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: '2026-11-23T08:00:00.000Z' })
      .expect(409);
    expect(never.body.detail).toMatch(/a procurement termination notice is for a published tender/);
    const published = await createTender(t, commissioner.token, { template: 'camden-mental-health-day-care' });
    await t.http().post(`/api/tenders/${published}/publish`).set(commissioner.auth).expect(200);
    await t
      .http()
      .post(`/api/tenders/${published}/cancel`)
      .set(commissioner.auth)
      .send({ reason: 'No longer needed' })
      .expect(200);
    const done = await t
      .http()
      .post(`/api/tenders/${published}/termination-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: '2026-11-23T08:30:00.000Z' })
      .expect(200);
    expect(done.body.terminationNoticePublishedAt).toBe('2026-11-23T08:30:00.000Z');
    await t
      .http()
      .post(`/api/tenders/${published}/termination-notice`)
      .set(commissioner.auth)
      .send({ publishedAt: '2026-11-23T08:30:00.000Z' })
      .expect(409);
  });
});
