import { createTestApp, type TestApp } from '../app';
import {
  FUTURE_DEADLINE,
  addPanelist,
  declare,
  type Panelist,
  type PanelWorld,
  panelTender,
  panelTenderInEvaluation,
  saveScore,
  submitScores,
} from '../steps';

jest.setTimeout(60_000);

/** Friday 12 February 2027, 5pm in London (GMT): after the bid deadline of 31 January. */
const SCORING_DEADLINE = '2027-02-12T17:00:00.000Z';

describe('the scoring deadline (an optional tender setting)', () => {
  let t: TestApp;
  let world: PanelWorld;
  let lived: Panelist;
  const patch = (body: Record<string, unknown>, tenderId = world.tenderId) =>
    t.http().patch(`/api/tenders/${tenderId}`).set(world.commissioner.auth).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t);
    lived = await addPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, lived, world.bidIds);
  });
  afterAll(() => t.close());

  it('is none by default, and is set, changed and removed by the team while the panel scores, on the audit trail', async () => {
    const before = await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth);
    expect(before.body.scoringDeadline).toBeNull();
    const set = await patch({ scoringDeadline: SCORING_DEADLINE });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ status: 'evaluation', scoringDeadline: SCORING_DEADLINE });
    const work = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(lived.auth);
    expect(work.body).toMatchObject({ scoringOpen: true, scoringDeadline: SCORING_DEADLINE });

    const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const updated = trail.body.filter((event: { action: string }) => event.action === 'tender.updated');
    expect(updated.at(-1)).toMatchObject({
      actorId: world.commissioner.id,
      before: expect.objectContaining({ scoringDeadline: null }),
      after: expect.objectContaining({ scoringDeadline: SCORING_DEADLINE }),
    });

    expect((await patch({ scoringDeadline: null })).body.scoringDeadline).toBeNull();
    expect((await patch({ scoringDeadline: SCORING_DEADLINE })).body.scoringDeadline).toBe(SCORING_DEADLINE);
  });

  it('refuses a value that is not a date and time, or not after the bid deadline, naming the field', async () => {
    const garbled = await patch({ scoringDeadline: 'next Friday' });
    expect(garbled.status).toBe(400);
    expect(garbled.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(garbled.body.errors).toEqual([{ field: 'scoringDeadline', message: expect.stringMatching(/\.$/) }]);
    expect((await patch({ scoringDeadline: 5 })).status).toBe(400);

    const early = await patch({ scoringDeadline: FUTURE_DEADLINE });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({
      detail: 'The scoring deadline must be after the bid deadline: panel scoring starts once the bids are in.',
      errors: [{ field: 'scoringDeadline', message: `The scoring deadline must be after the bid deadline, ${FUTURE_DEADLINE}.` }],
    });
    expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.scoringDeadline).toBe(
      SCORING_DEADLINE,
    );
  });

  it('is checked against the bid deadline when a tender is created, and when its bid deadline moves', async () => {
    await expect(panelTender(t, { scoringDeadline: '2027-01-30T17:00:00.000Z' })).rejects.toThrow(/create tender failed: 422/);
    const published = await panelTender(t, { scoringDeadline: '2027-02-05T17:00:00.000Z' });
    const later = await t
      .http()
      .patch(`/api/tenders/${published.tenderId}`)
      .set(published.commissioner.auth)
      .send({ bidDeadline: '2027-02-07T12:00:00.000Z' });
    expect(later.status).toBe(422);
    expect(later.body.errors).toEqual([
      {
        field: 'bidDeadline',
        message: 'The bid deadline must be before the scoring deadline, 2027-02-05T17:00:00.000Z: move the scoring deadline too.',
      },
    ]);
    const both = await t
      .http()
      .patch(`/api/tenders/${published.tenderId}`)
      .set(published.commissioner.auth)
      .send({ bidDeadline: '2027-02-07T12:00:00.000Z', scoringDeadline: '2027-02-19T17:00:00.000Z' });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ bidDeadline: '2027-02-07T12:00:00.000Z', scoringDeadline: '2027-02-19T17:00:00.000Z' });
  });

  it('after it, saving and submitting scores are refused with a plain sentence; extending it opens scoring again', async () => {
    t.clock.set('2027-02-12T16:59:00.000Z');
    expect((await saveScore(t, world.tenderId, lived, world.bidIds[0], 'Q1', 4)).status).toBe(200);
    expect((await saveScore(t, world.tenderId, lived, world.bidIds[0], 'C1', 3)).status).toBe(200);

    t.clock.set(SCORING_DEADLINE);
    const late = await saveScore(t, world.tenderId, lived, world.bidIds[0], 'Q1', 5);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      detail:
        'The scoring deadline has passed, so scores can no longer be saved or submitted. Ask the tender team if you need more time.',
      scoringDeadline: SCORING_DEADLINE,
    });
    const submit = await submitScores(t, world.tenderId, lived, world.bidIds[0]);
    expect(submit.status).toBe(409);
    expect(submit.body.detail).toBe(late.body.detail);
    const work = await t.http().get(`/api/tenders/${world.tenderId}/assignments`).set(lived.auth);
    expect(work.body).toMatchObject({ scoringOpen: false, scoringDeadline: SCORING_DEADLINE, tenderStatus: 'evaluation' });
    // The draft saved before the deadline is kept as it was.
    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(lived.auth);
    expect(
      mine.body.map((score: { code: string; score: number; status: string }) => [score.code, score.score, score.status]),
    ).toEqual([
      ['Q1', 4, 'draft'],
      ['C1', 3, 'draft'],
    ]);

    expect((await patch({ scoringDeadline: '2027-02-19T17:00:00.000Z' })).status).toBe(200);
    expect((await submitScores(t, world.tenderId, lived, world.bidIds[0])).status).toBe(200);
  });

  it('is the team’s to set: the panel cannot, and it stops changing once the tender is awarded or cancelled', async () => {
    const byPanel = await t
      .http()
      .patch(`/api/tenders/${world.tenderId}`)
      .set(lived.auth)
      .send({ scoringDeadline: SCORING_DEADLINE });
    expect(byPanel.status).toBe(403);
    const cancelled = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/cancel`)
      .set(world.commissioner.auth)
      .send({ reason: 'Budget withdrawn.' });
    expect(cancelled.status).toBe(200);
    const frozen = await patch({ scoringDeadline: '2027-03-01T17:00:00.000Z' });
    expect(frozen.status).toBe(409);
  });
});
