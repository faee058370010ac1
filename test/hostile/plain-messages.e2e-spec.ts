import { createTestApp, type TestApp } from '../app';
import {
  addPanelist,
  declare,
  panelTenderInEvaluation,
  saveScore,
  scoreAndSubmit,
  type Panelist,
  type PanelWorld,
} from '../steps';

/**
 * Issue 11, newcomer: messages read like code ("rationale must be shorter than or equal to
 * 10000 characters; rationale must not be blank; rationale must be a string", "…(GET
 * /api/tenders/:id/declarations)…", "Scoring is closed: the tender is moderation.").
 */
describe('messages a person reads', () => {
  let t: TestApp;
  let world: PanelWorld;
  let panelist: Panelist;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t);
    panelist = await addPanelist(t, world, 'lived_experience');
  });
  afterAll(() => t.close());

  it('names a route nowhere: a panelist who has not declared is told what to do', async () => {
    const response = await t.http().get(`/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}`).set(panelist.auth).expect(409);
    expect(response.body.detail).not.toMatch(/\/api\/|GET |:id/);
    expect(response.body.detail).toMatch(/^Declare any conflict of interest on every bid first/);
  });

  it('gives one plain sentence per field, the first thing wrong, not three fragments', async () => {
    await declare(t, world.tenderId, panelist, world.bidIds);
    const url = `/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}/scores/Q1`;
    const wrongType = await t.http().put(url).set(panelist.auth).send({ score: 3, rationale: 5 }).expect(400);
    expect(wrongType.body.errors).toEqual([{ field: 'rationale', message: 'The rationale must be text.' }]);
    expect(wrongType.body.detail).toBe('The rationale must be text.');
    const tooLong = await t
      .http()
      .put(url)
      .set(panelist.auth)
      .send({ score: 3, rationale: 'x'.repeat(10_001) })
      .expect(400);
    expect(tooLong.body.errors).toEqual([
      { field: 'rationale', message: 'The rationale is too long: use at most 10,000 characters.' },
    ]);
    const several = await t
      .http()
      .put(url)
      .set(panelist.auth)
      .send({ score: 'four', rationale: '  ', colour: 'red' })
      .expect(400);
    expect(several.body.errors).toEqual([
      { field: 'colour', message: 'This field is not accepted here: leave it out.' },
      { field: 'score', message: 'The score must be a whole number.' },
      { field: 'rationale', message: 'The rationale is blank: write some text.' },
    ]);
    expect(several.body.detail).toBe(
      '3 fields need changing (each is named in errors). This field is not accepted here: leave it out. The score must be a whole number. The rationale is blank: write some text.',
    );
  });

  it('puts statuses into sentences: "the tender is in moderation"', async () => {
    for (const bidId of world.bidIds) await scoreAndSubmit(t, world.tenderId, panelist, bidId, 3);
    await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth).expect(200);
    const late = await saveScore(t, world.tenderId, panelist, world.bidIds[0], 'Q1', 3);
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('Scoring is closed: the tender is in moderation. Submitted scores stay on the record.');
    const again = await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth).expect(409);
    expect(again.body.detail).toBe(
      'The tender is in moderation, so it cannot be moved to moderation: only a tender that is in evaluation can be.',
    );
  });
});
