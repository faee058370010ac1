import { addWorkingDays } from '../../src/easy-read/domain/fact-check';
import { EasyReadNotifier, type FactCheckRequest } from '../../src/easy-read/easy-read-notifier';
import { createTestApp, type TestApp } from '../app';
import {
  addPanelist,
  answerSummary,
  buildSummary,
  declare,
  getSummary,
  panelTenderInEvaluation,
  postSummaryVersion,
  putEasyReadTemplate,
  sendSummary,
  summarySent,
  type PanelWorld,
  type Panelist,
} from '../steps';

const HARD =
  'The organisation will deliver comprehensive commissioning arrangements. Considerable collaboration underpins implementation.';

/**
 * Easy-read summaries (issue 17, part 5): one template for every bid, versions the team
 * writes, the bidder's fact-check within working days (no response computed on read), the
 * version the panel reads, and who may see what (404 for a rival's summary).
 */
describe('easy-read summaries', () => {
  let t: TestApp;
  let world: PanelWorld;
  let panelist: Panelist;
  let conflicted: Panelist;
  const told: FactCheckRequest[] = [];
  const [mind, certitude] = [0, 1];
  const tenderId = () => world.tenderId;
  const bid = (index: number) => world.bidIds[index];
  const bidder = (index: number) => world.bidders[index];

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t);
    jest.spyOn(t.app.get(EasyReadNotifier), 'factCheckRequested').mockImplementation((request) => void told.push(request));
    panelist = await addPanelist(t, world, 'lived_experience');
    conflicted = await addPanelist(t, world, 'professional');
    await declare(t, world.tenderId, conflicted, world.bidIds, [bid(certitude)]);
  });
  afterAll(() => t.close());

  it('starts from the default template, and refuses a heading given twice by name', async () => {
    const template = await t.http().get(`/api/tenders/${tenderId()}/easy-read/template`).set(world.commissioner.auth).expect(200);
    expect(template.body).toMatchObject({ isDefault: true, locked: false, wordLimit: 80 });
    expect(template.body.headings).toEqual([
      'What they will do',
      'Who will do it',
      'How people who use the service take part',
      'What will change for people',
    ]);
    const twice = await putEasyReadTemplate(t, tenderId(), world.commissioner, {
      headings: ['What they will do', 'Who will do it', 'who will  do it'],
      wordLimit: 40,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([{ field: 'headings[2]', message: expect.stringMatching(/there twice/) }]);
    const tooFew = await putEasyReadTemplate(t, tenderId(), world.commissioner, { headings: [], wordLimit: 5 });
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['headings', 'wordLimit']);
    await t.http().get(`/api/tenders/${tenderId()}/easy-read/template`).set(bidder(mind).auth).expect(403);
  });

  it('takes a summary only under the template’s headings and limit, naming the field; warns on hard words', async () => {
    const wrong = buildSummary();
    wrong.sections[1] = { heading: 'Our brilliant team', text: 'x '.repeat(81) };
    const refused = await postSummaryVersion(t, tenderId(), world.commissioner, bid(mind), wrong);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { field: 'sections[1].heading', message: 'Part 2 must have the heading "Who will do it", as every bid\'s summary does.' },
      { field: 'sections[1].text', message: expect.stringMatching(/has 81 words; every bid has at most 80\. Take out 1\./) },
    ]);
    const missing = await postSummaryVersion(t, tenderId(), world.commissioner, bid(mind), { sections: [] });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('sections');

    const hard = buildSummary();
    hard.sections[0].text = HARD;
    const written = await postSummaryVersion(t, tenderId(), world.commissioner, bid(mind), hard);
    expect(written.status).toBe(201);
    const [version] = written.body.versions;
    expect(version).toMatchObject({ number: 1, factCheck: null, followsTemplate: true });
    expect(version.sections[0].readability).toMatchObject({ easyRead: false, maxGrade: 6 });
    expect(version.sections[0].readability.warning).toMatch(/^This may not be easy read: it reads at grade/);
    expect(version.sections[1].readability).toMatchObject({ easyRead: true, warning: null });
  });

  it('shows a bidder only their own bid’s summaries, once sent; a rival, an outsider and the wrong roles get 404 or 403', async () => {
    const own = await getSummary(t, tenderId(), bidder(mind), bid(mind)).expect(200);
    expect(own.body).toMatchObject({ viewer: 'bidder', versions: [] });
    const rival = await getSummary(t, tenderId(), bidder(certitude), bid(mind));
    expect(rival.status).toBe(404);
    expect(rival.body.detail).toBe('Bid not found.');
    const outsider = await t.user('bidder', { organisationName: 'Elsewhere Ltd' });
    expect((await getSummary(t, tenderId(), outsider, bid(mind))).status).toBe(404);
    expect((await postSummaryVersion(t, tenderId(), bidder(mind), bid(mind), buildSummary())).status).toBe(403);
    const team = await getSummary(t, tenderId(), world.commissioner, bid(mind)).expect(200);
    const versionId = team.body.versions[0].id;
    const early = await answerSummary(t, tenderId(), bidder(mind), bid(mind), versionId, { decision: 'approve' });
    expect(early.status).toBe(404);
    expect(early.body.detail).toBe('Summary version not found.');
  });

  it('runs the fact-check: send, comment, revise, send again, approve; the template is then locked', async () => {
    const first = (await getSummary(t, tenderId(), world.commissioner, bid(mind))).body.versions[0];
    const sent = await sendSummary(t, tenderId(), world.commissioner, bid(mind), first.id).expect(200);
    const check = sent.body.versions[0].factCheck;
    expect(check).toMatchObject({ state: 'awaiting', workingDays: 5, comment: null });
    expect(check.respondBy).toBe(addWorkingDays(new Date(check.sentAt), 5).toISOString());
    expect((await sendSummary(t, tenderId(), world.commissioner, bid(mind), first.id)).status).toBe(409);
    // The notifications seam hears of the send once, after it committed (not of the refused second one).
    expect(told).toEqual([{ tenderId: tenderId(), bidId: bid(mind), versionNumber: 1, respondBy: new Date(check.respondBy) }]);

    const locked = await putEasyReadTemplate(t, tenderId(), world.commissioner, { headings: ['One'], wordLimit: 40 });
    expect(locked.status).toBe(409);
    expect(locked.body.detail).toMatch(/can no longer change/);

    const rivalAnswer = await answerSummary(t, tenderId(), bidder(certitude), bid(mind), first.id, { decision: 'approve' });
    expect(rivalAnswer.status).toBe(404);
    const bare = await answerSummary(t, tenderId(), bidder(mind), bid(mind), first.id, { decision: 'comment' });
    expect(bare.status).toBe(400);
    expect(bare.body.errors).toEqual([{ field: 'comment', message: expect.stringMatching(/Say what is wrong/) }]);
    const commented = await answerSummary(t, tenderId(), bidder(mind), bid(mind), first.id, {
      decision: 'comment',
      comment: 'We open 6 days a week, not 5.',
    }).expect(200);
    expect(commented.body.versions[0].factCheck).toMatchObject({ state: 'commented', comment: 'We open 6 days a week, not 5.' });
    expect((await answerSummary(t, tenderId(), bidder(mind), bid(mind), first.id, { decision: 'approve' })).status).toBe(409);

    const secondId = await summarySent(t, tenderId(), world.commissioner, bid(mind), 2);
    const approved = await answerSummary(t, tenderId(), bidder(mind), bid(mind), secondId, { decision: 'approve' }).expect(200);
    expect(
      approved.body.versions.map((v: { number: number; factCheck: { state: string } }) => [v.number, v.factCheck.state]),
    ).toEqual([
      [2, 'approved'],
      [1, 'commented'],
    ]);
    const team = await getSummary(t, tenderId(), world.commissioner, bid(mind)).expect(200);
    expect(team.body.versions).toHaveLength(2);
    expect(team.body.template.locked).toBe(true);
  });

  it('shows the panel only the approved or timed-out version, after declaring, never a conflicted bid', async () => {
    const undeclared = await getSummary(t, tenderId(), panelist, bid(mind));
    expect(undeclared.status).toBe(409);
    await declare(t, tenderId(), panelist, world.bidIds);
    const read = await getSummary(t, tenderId(), panelist, bid(mind)).expect(200);
    expect(read.body.viewer).toBe('panel');
    expect(read.body.versions).toHaveLength(1);
    expect(read.body.versions[0]).toMatchObject({ number: 2, factCheck: { state: 'approved', comment: null } });
    expect((await getSummary(t, tenderId(), conflicted, bid(certitude))).status).toBe(404);
    expect((await postSummaryVersion(t, tenderId(), panelist, bid(mind), buildSummary())).status).toBe(403);

    const versionId = await summarySent(t, tenderId(), world.commissioner, bid(certitude), 2);
    expect((await getSummary(t, tenderId(), panelist, bid(certitude)).expect(200)).body.versions).toEqual([]);
    t.clock.advance(5 * 24 * 3600 * 1000);
    const late = await answerSummary(t, tenderId(), bidder(certitude), bid(certitude), versionId, { decision: 'approve' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/The time to check this summary ended on/);
    const own = await getSummary(t, tenderId(), bidder(certitude), bid(certitude)).expect(200);
    expect(own.body.versions[0].factCheck.state).toBe('no_response');
    const panelRead = await getSummary(t, tenderId(), panelist, bid(certitude)).expect(200);
    expect(panelRead.body.versions[0].factCheck.state).toBe('no_response');
  });

  it('audits every step', async () => {
    const trail = await t.http().get(`/api/tenders/${tenderId()}/audit`).set(world.commissioner.auth).expect(200);
    const actions = trail.body.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('easy_read'));
    expect(actions).toEqual([
      'easy_read.version_written',
      'easy_read.sent_for_fact_check',
      'easy_read.fact_checked',
      'easy_read.version_written',
      'easy_read.sent_for_fact_check',
      'easy_read.fact_checked',
      'easy_read.version_written',
      'easy_read.sent_for_fact_check',
    ]);
  });
});
