import { ClarificationsService } from '../../src/clarifications/clarifications.service';
import type { Caller, Role } from '../../src/common/caller';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  addPanelist,
  BID_TENDER_CRITERIA,
  bidWorld,
  buildTender,
  createPublishedTender,
  type Panelist,
  type TenderWorld,
} from '../steps';

const CLARIFICATION_DEADLINE = '2027-01-17T12:00:00.000Z';

/**
 * Clarification questions: bidders ask until the clarification deadline; the team answers,
 * published to every bidder (the question anonymised) or privately to the asker; the team
 * issues clarifications of its own. Visibility, deadlines, audit.
 */
describe('clarification questions', () => {
  let t: TestApp;
  let world: TenderWorld;
  let asker: SignedIn;
  let thirdBidder: SignedIn;
  let rival: SignedIn;
  let panelist: Panelist;
  const url = (path = '') => `/api/tenders/${world.tenderId}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    world = await bidWorld(t);
    await t.http().patch(url()).set(world.commissioner.auth).send({ clarificationDeadline: CLARIFICATION_DEADLINE }).expect(200);
    asker = await t.user('bidder', { organisationName: 'Camden Mind', organisationType: 'vcse' });
    rival = await t.user('bidder', { organisationName: 'Big Care plc', organisationType: 'large' });
    thirdBidder = await t.user('bidder', { organisationName: 'Kentish Town Trust', organisationType: 'sme' });
    panelist = await addPanelist(t, world, 'professional');
  });
  afterAll(() => t.close());

  it('keeps the clarification deadline before the bid deadline, and only later once published', async () => {
    const commissioner = world.commissioner;
    const late = await t
      .http()
      .post('/api/tenders')
      .set(commissioner.auth)
      .send(buildTender({ clarificationDeadline: '2027-01-31T12:00:00.000Z' }));
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([
      { field: 'clarificationDeadline', message: expect.stringMatching(/before the bid deadline/) },
    ]);
    const tender = await t.http().get(url()).set(rival.auth).expect(200);
    expect(tender.body.clarificationDeadline).toBe(CLARIFICATION_DEADLINE);
    const earlier = await t
      .http()
      .patch(url())
      .set(commissioner.auth)
      .send({ clarificationDeadline: '2027-01-10T12:00:00.000Z' });
    expect(earlier.status).toBe(422);
    expect(earlier.body.errors[0].field).toBe('clarificationDeadline');
    const pastBids = await t
      .http()
      .patch(url())
      .set(commissioner.auth)
      .send({ clarificationDeadline: '2027-02-01T12:00:00.000Z' });
    expect(pastBids.status).toBe(422);
    const bad = await t.http().patch(url()).set(commissioner.auth).send({ clarificationDeadline: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('clarificationDeadline');
    // Without a setting, questions close with the bids.
    const other = await createPublishedTender(t, commissioner.token, { criteria: BID_TENDER_CRITERIA });
    expect((await t.http().get(`/api/tenders/${other}`).set(rival.auth).expect(200)).body.clarificationDeadline).toBe(
      '2027-01-31T12:00:00.000Z',
    );
  });

  let publicId: string;
  let privateId: string;

  it('a question is seen by the team with its asker, by the asker, and by nobody else until answered', async () => {
    const asked = await t
      .http()
      .post(url('/questions'))
      .set(asker.auth)
      .send({ question: '  Can the service run from two sites?  ' })
      .expect(201);
    publicId = asked.body.id;
    expect(asked.body).toMatchObject({
      number: 1,
      kind: 'question',
      status: 'awaiting_answer',
      question: 'Can the service run from two sites?',
      answer: null,
      yours: true,
      askedBy: null,
    });
    const team = await t.http().get(url('/clarifications')).set(world.commissioner.auth).expect(200);
    expect(team.body[0].askedBy).toEqual({ organisationName: 'Camden Mind', name: asker.name });
    expect((await t.http().get(url('/clarifications')).set(rival.auth).expect(200)).body).toEqual([]);
    expect((await t.http().get(url('/clarifications')).set(panelist.auth).expect(200)).body).toEqual([]);
    await t
      .http()
      .get(url(`/clarifications/${publicId}`))
      .set(rival.auth)
      .expect(404);
    expect(
      (
        await t
          .http()
          .get(url(`/clarifications/${publicId}`))
          .set(asker.auth)
          .expect(200)
      ).body.yours,
    ).toBe(true);
  });

  it('an answer is published to every bidder and the panel, without the asker', async () => {
    const answered = await t
      .http()
      .post(url(`/clarifications/${publicId}/answer`))
      .set(world.commissioner.auth)
      .send({ answer: 'Yes, both in the borough.' })
      .expect(200);
    expect(answered.body).toMatchObject({
      status: 'published',
      answer: 'Yes, both in the borough.',
      publishedAt: '2026-11-23T09:00:00.000Z',
    });
    for (const who of [rival, thirdBidder, panelist]) {
      const seen = await t.http().get(url('/clarifications')).set(who.auth).expect(200);
      expect(seen.body).toEqual([
        expect.objectContaining({
          id: publicId,
          question: 'Can the service run from two sites?',
          answer: 'Yes, both in the borough.',
          askedBy: null,
          yours: false,
        }),
      ]);
      expect(JSON.stringify(seen.body)).not.toContain('Camden Mind');
    }
    const again = await t
      .http()
      .post(url(`/clarifications/${publicId}/answer`))
      .set(world.commissioner.auth)
      .send({ answer: 'Changed' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/answered already/);
  });

  it('a private answer reaches the asker only; the team may publish it later', async () => {
    privateId = (
      await t
        .http()
        .post(url('/questions'))
        .set(asker.auth)
        .send({ question: 'Our partner Acme charges £12 an hour: is that allowed?' })
        .expect(201)
    ).body.id;
    const noReason = await t
      .http()
      .post(url(`/clarifications/${privateId}/answer`))
      .set(world.commissioner.auth)
      .send({ answer: 'Yes.', private: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'privateReason', message: expect.any(String) }]);
    const reasonWithoutPrivate = await t
      .http()
      .post(url(`/clarifications/${privateId}/answer`))
      .set(world.commissioner.auth)
      .send({ answer: 'Yes.', privateReason: 'x' });
    expect(reasonWithoutPrivate.status).toBe(400);
    const answered = await t
      .http()
      .post(url(`/clarifications/${privateId}/answer`))
      .set(world.commissioner.auth)
      .send({ answer: 'Yes, that rate is allowed.', private: true, privateReason: 'Names a partner and its rate.' })
      .expect(200);
    expect(answered.body).toMatchObject({ status: 'private', publishedAt: null, privateReason: 'Names a partner and its rate.' });
    const mine = await t.http().get(url('/clarifications')).set(asker.auth).expect(200);
    expect(mine.body.map((entry: { id: string }) => entry.id)).toEqual([publicId, privateId]);
    expect(mine.body[1]).toMatchObject({
      answer: 'Yes, that rate is allowed.',
      yours: true,
      privateReason: 'Names a partner and its rate.',
    });
    for (const who of [rival, panelist]) {
      expect(
        (await t.http().get(url('/clarifications')).set(who.auth).expect(200)).body.map((entry: { id: string }) => entry.id),
      ).toEqual([publicId]);
      const one = await t
        .http()
        .get(url(`/clarifications/${privateId}`))
        .set(who.auth);
      expect(one.status).toBe(404);
    }
    await t
      .http()
      .post(url(`/clarifications/${publicId}/publish`))
      .set(world.commissioner.auth)
      .expect(409);
    const published = await t
      .http()
      .post(url(`/clarifications/${privateId}/publish`))
      .set(world.commissioner.auth)
      .expect(200);
    expect(published.body.status).toBe('published');
    const rivalView = await t
      .http()
      .get(url(`/clarifications/${privateId}`))
      .set(rival.auth)
      .expect(200);
    expect(rivalView.body).toMatchObject({ askedBy: null, privateReason: null, yours: false });
  });

  it('the team issues a clarification of its own; only bidders ask; blank and long text are refused', async () => {
    const notice = await t
      .http()
      .post(url('/clarifications'))
      .set(world.commissioner.auth)
      .send({ text: 'Annex C is revised.' })
      .expect(201);
    expect(notice.body).toMatchObject({
      number: 3,
      kind: 'notice',
      status: 'published',
      question: null,
      answer: 'Annex C is revised.',
    });
    expect((await t.http().get(url('/clarifications')).set(rival.auth).expect(200)).body).toHaveLength(3);
    expect((await t.http().post(url('/questions')).set(world.commissioner.auth).send({ question: 'x' })).status).toBe(403);
    expect((await t.http().post(url('/questions')).set(panelist.auth).send({ question: 'x' })).status).toBe(403);
    expect((await t.http().post(url('/clarifications')).set(rival.auth).send({ text: 'x' })).status).toBe(403);
    const blank = await t.http().post(url('/questions')).set(rival.auth).send({ question: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([{ field: 'question', message: 'Write your question.' }]);
    expect(
      (
        await t
          .http()
          .post(url('/questions'))
          .set(rival.auth)
          .send({ question: 'x'.repeat(5001) })
      ).status,
    ).toBe(400);
  });

  it('questions close at the clarification deadline; every step is audited', async () => {
    t.clock.set(new Date(new Date(CLARIFICATION_DEADLINE).getTime() - 1000));
    await t.http().post(url('/questions')).set(rival.auth).send({ question: 'Last-second question?' }).expect(201);
    t.clock.set(CLARIFICATION_DEADLINE);
    const late = await t.http().post(url('/questions')).set(rival.auth).send({ question: 'Too late?' });
    expect(late.status).toBe(409);
    expect(late.body.clarificationDeadline).toBe(CLARIFICATION_DEADLINE);
    const moved = await t
      .http()
      .patch(url())
      .set(world.commissioner.auth)
      .send({ clarificationDeadline: '2027-01-20T12:00:00.000Z' });
    expect(moved.status).toBe(409);
    const trail = await t.http().get(url('/audit')).set(world.commissioner.auth).expect(200);
    const actions = (trail.body as { action: string }[])
      .map((event) => event.action)
      .filter((action) => action.startsWith('clarification.'));
    expect(actions).toEqual([
      'clarification.asked',
      'clarification.answered',
      'clarification.published',
      'clarification.asked',
      'clarification.answered',
      'clarification.published',
      'clarification.published',
      'clarification.asked',
    ]);
  });

  it('after the box opens the log is closed to changes, still readable', async () => {
    t.clock.set('2027-01-31T12:00:01.000Z');
    await t.http().post(url('/close')).set(world.commissioner.auth).expect(200);
    const pending = (await t.http().get(url('/clarifications')).set(world.commissioner.auth).expect(200)).body.find(
      (entry: { status: string }) => entry.status === 'awaiting_answer',
    );
    const answer = await t
      .http()
      .post(url(`/clarifications/${pending.id}/answer`))
      .set(world.commissioner.auth)
      .send({ answer: 'Late.' });
    expect(answer.status).toBe(409);
    expect(answer.body.currentStatus).toBe('evaluation');
    expect((await t.http().get(url('/clarifications')).set(panelist.auth).expect(200)).body).toHaveLength(3);
  });

  it('the panel’s pages read the same published log (listForPanel, countForPanel), for the panel only', async () => {
    const service = t.app.get(ClarificationsService);
    const as = (who: SignedIn, role: Role): Caller => ({
      id: who.id,
      role,
      email: who.email,
      name: who.name,
      organisationId: null,
    });
    const api = (await t.http().get(url('/clarifications')).set(panelist.auth).expect(200)).body as { status: string }[];
    const whole = (await t.http().get(url('/clarifications')).set(world.commissioner.auth).expect(200)).body as unknown[];
    expect(whole.length).toBeGreaterThan(api.length); // a question still waits: the panel does not see it
    expect(api.every((entry) => entry.status === 'published')).toBe(true);
    expect(await service.listForPanel(as(panelist, 'panelist'), world.tenderId)).toEqual(api);
    expect(await service.countForPanel(as(panelist, 'panelist'), world.tenderId)).toBe(api.length);
    // The team and the bidders see the tender, but the panel's pages are not theirs.
    for (const caller of [as(world.commissioner, 'commissioner'), as(rival, 'bidder')]) {
      await expect(service.listForPanel(caller, world.tenderId)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(service.countForPanel(caller, world.tenderId)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
