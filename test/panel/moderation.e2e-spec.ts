import { createTestApp, type TestApp } from '../app';
import { expectModerationReadsAgree } from '../results/moderation-reads';
import {
  addPanelist,
  declare,
  type Panelist,
  type PanelWorld,
  panelTenderInEvaluation,
  saveScore,
  scoreAndSubmit,
} from '../steps';

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(30_000);

describe('moderation to consensus', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('quorum', () => {
    it('refuses to start until lived-experience members have scored every bid, naming the shortfall', async () => {
      const world = await panelTenderInEvaluation(t);
      const lived = await addPanelist(t, world, 'lived_experience');
      const pro = await addPanelist(t, world, 'professional');
      await declare(t, world.tenderId, lived, world.bidIds);
      await declare(t, world.tenderId, pro, world.bidIds);
      for (const bidId of world.bidIds) await scoreAndSubmit(t, world.tenderId, pro, bidId, 3);
      await scoreAndSubmit(t, world.tenderId, lived, world.bidIds[0], 4);
      await saveScore(t, world.tenderId, lived, world.bidIds[1], 'Q1', 4).expect(200); // a draft does not count

      const refused = await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        status: 409,
        detail:
          'Moderation cannot start yet: the panel is not quorate. No lived-experience member has submitted scores yet for: Certitude (Q1, C1).',
        shortfalls: [
          { kind: 'lived_experience_scores', bidId: world.bidIds[1], bid: 'Certitude', criterion: 'Q1' },
          { kind: 'lived_experience_scores', bidId: world.bidIds[1], bid: 'Certitude', criterion: 'C1' },
        ],
      });
      expect((await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth)).body.status).toBe('evaluation');

      await saveScore(t, world.tenderId, lived, world.bidIds[1], 'C1', 2).expect(200);
      await t.http().post(`/api/tenders/${world.tenderId}/bids/${world.bidIds[1]}/scores/submit`).set(lived.auth).expect(200);
      const started = await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth);
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'moderation', moderationStartedAt: t.clock.now().toISOString() });
      const again = await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth);
      expect(again.status).toBe(409);
      expect(again.body.detail).toBe(
        'The tender is in moderation, so it cannot be moved to moderation: only a tender that is in evaluation can be.',
      );
    });

    it('with equal representation, also needs as many lived-experience members as professionals', async () => {
      const world = await panelTenderInEvaluation(t, { tender: { equalRepresentation: true } });
      const lived = await addPanelist(t, world, 'lived_experience');
      const pros = [await addPanelist(t, world, 'professional'), await addPanelist(t, world, 'professional')];
      await declare(t, world.tenderId, lived, world.bidIds);
      for (const bidId of world.bidIds) await scoreAndSubmit(t, world.tenderId, lived, bidId, 4);
      for (const pro of pros) {
        await declare(t, world.tenderId, pro, world.bidIds);
        for (const bidId of world.bidIds) await scoreAndSubmit(t, world.tenderId, pro, bidId, 3);
      }
      const refused = await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth);
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toBe(
        'Moderation cannot start yet: the panel is not quorate. Equal representation needs at least as many lived-experience members ' +
          'as professional ones: the panel has 1 lived-experience and 2 professional.',
      );
      expect(refused.body.shortfalls).toEqual([{ kind: 'representation', livedExperience: 1, professional: 2 }]);
      await addPanelist(t, world, 'lived_experience', 'young person');
      expect((await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth)).status).toBe(
        200,
      );
    });

    it('is for the team only', async () => {
      const world = await panelTenderInEvaluation(t);
      const member = await addPanelist(t, world, 'lived_experience');
      expect((await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(member.auth)).status).toBe(403);
      const stranger = await t.user('commissioner');
      expect((await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(stranger.auth)).status).toBe(404);
    });
  });

  describe('the moderation view and moderated scores', () => {
    let world: PanelWorld;
    let lived1: Panelist;
    let lived2: Panelist;
    let pro: Panelist;
    let conflicted: Panelist;

    beforeAll(async () => {
      world = await panelTenderInEvaluation(t);
      lived1 = await addPanelist(t, world, 'lived_experience', 'service user');
      pro = await addPanelist(t, world, 'professional', 'clinician');
      lived2 = await addPanelist(t, world, 'lived_experience', 'carer');
      conflicted = await addPanelist(t, world, 'lived_experience', 'peer worker');
      for (const member of [lived1, lived2, pro]) await declare(t, world.tenderId, member, world.bidIds);
      await declare(t, world.tenderId, conflicted, world.bidIds);
      // Mind in Camden: lived 4/5 and 3/4 on Q1/C1, professional 1 on Q1 and 3 on T1.
      await scoreAndSubmit(t, world.tenderId, lived1, world.bidIds[0], { Q1: 4, C1: 5 });
      await scoreAndSubmit(t, world.tenderId, lived2, world.bidIds[0], { Q1: 3, C1: 4 });
      await scoreAndSubmit(t, world.tenderId, pro, world.bidIds[0], { Q1: 1, T1: 3 });
      // A member who scored, then realised a conflict: the scores stay on record, unused.
      await scoreAndSubmit(t, world.tenderId, conflicted, world.bidIds[0], { Q1: 0, C1: 0 });
      await t
        .http()
        .put(`/api/tenders/${world.tenderId}/declarations/${world.bidIds[0]}`)
        .set(conflicted.auth)
        .send({ conflict: true, details: 'I used to work there.' })
        .expect(200);
      for (const member of [lived1, lived2, pro]) await scoreAndSubmit(t, world.tenderId, member, world.bidIds[1], 3);
      await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth).expect(200);
    });

    it('shows every usable score with group, pseudonymised member and rationale, and the engine’s statistics and flags', async () => {
      const view = await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(world.commissioner.auth);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ tenderId: world.tenderId, status: 'moderation', divergenceThreshold: 2, minScorers: 2 });
      const cell = (bidId: string, code: string) =>
        view.body.items.find((i: { bidId: string; code: string }) => i.bidId === bidId && i.code === code);

      const q1 = cell(world.bidIds[0], 'Q1');
      expect(q1).toMatchObject({
        bidderName: 'Mind in Camden',
        bidStatus: 'submitted',
        title: 'Service model',
        count: 3,
        min: 1,
        max: 4,
        spread: 3,
        groupMeans: { lived_experience: 3.5, professional: 1 },
        panelScore: 2.67,
        flags: [
          { type: 'divergence', criterion: 'Q1' },
          { type: 'group_divergence', criterion: 'Q1' },
        ],
        moderated: null,
        history: [],
      });
      const members = q1.scores.map((s: { member: string; group: string; role: string; score: number; rationale: string }) => [
        s.member,
        s.group,
        s.role,
        s.score,
        s.rationale,
      ]);
      expect(members).toEqual(
        expect.arrayContaining([
          ['Lived experience 1', 'lived_experience', 'service user', 4, 'Scored 4 on Q1.'],
          ['Lived experience 2', 'lived_experience', 'carer', 3, 'Scored 3 on Q1.'],
          [pro.name, 'professional', 'clinician', 1, 'Scored 1 on Q1.'],
        ]),
      );
      expect(members).toHaveLength(3);
      const serialised = JSON.stringify(view.body);
      for (const member of [lived1, lived2, conflicted]) expect(serialised).not.toContain(member.name);
      expect(serialised).not.toContain('Scored 0');

      expect(cell(world.bidIds[0], 'C1')).toMatchObject({
        count: 2,
        groupMeans: { lived_experience: 4.5, professional: null },
        flags: [],
      });
      expect(cell(world.bidIds[0], 'T1')).toMatchObject({ count: 1, flags: [{ type: 'quorum_not_met', criterion: 'T1' }] });
      expect(view.body.items.map((i: { bidderName: string; code: string }) => `${i.bidderName}:${i.code}`)).toEqual([
        'Certitude:Q1',
        'Certitude:C1',
        'Certitude:T1',
        'Mind in Camden:Q1',
        'Mind in Camden:C1',
        'Mind in Camden:T1',
      ]);
    });

    it('appends a version per change, answers with it (and an ETag), and refuses a stale If-Match with 412', async () => {
      const url = `/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}/moderated/Q1`;
      const first = await t
        .http()
        .put(url)
        .set(world.commissioner.auth)
        .send({ score: 3, rationale: '  Agreed 3 after discussion.  ' });
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"1"');
      expect(first.body).toMatchObject({
        bidId: world.bidIds[0],
        code: 'Q1',
        version: 1,
        score: 3,
        rationale: 'Agreed 3 after discussion.',
        moderatedBy: { id: world.commissioner.id, name: world.commissioner.name },
      });
      const second = await t
        .http()
        .put(url)
        .set(world.commissioner.auth)
        .set('If-Match', '"1"')
        .send({ score: 2, rationale: 'Revised after reading the governance section.' });
      expect(second.status).toBe(200);
      expect(second.headers.etag).toBe('"2"');
      expect(second.body.version).toBe(2);

      const stale = await t
        .http()
        .put(url)
        .set(world.commissioner.auth)
        .set('If-Match', '1')
        .send({ score: 4, rationale: 'Based on an old view.' });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ status: 412, currentVersion: 2, detail: expect.stringContaining('version 2') });
      const malformed = await t
        .http()
        .put(url)
        .set(world.commissioner.auth)
        .set('If-Match', 'yesterday')
        .send({ score: 4, rationale: 'x' });
      expect(malformed.status).toBe(400);
      const firstWrite = await t
        .http()
        .put(`/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}/moderated/C1`)
        .set(world.commissioner.auth)
        .set('If-Match', '0')
        .send({ score: 5, rationale: 'Unanimous.' });
      expect(firstWrite.status).toBe(200);

      const view = await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(world.commissioner.auth);
      const q1 = view.body.items.find((i: { bidId: string; code: string }) => i.bidId === world.bidIds[0] && i.code === 'Q1');
      expect(q1.moderated).toMatchObject({ version: 2, score: 2, rationale: 'Revised after reading the governance section.' });
      expect(q1.history.map((h: { version: number; score: number }) => [h.version, h.score])).toEqual([
        [1, 3],
        [2, 2],
      ]);
      // Originals stay on the record beside the consensus.
      expect(q1.scores.map((s: { score: number }) => s.score).sort((a: number, b: number) => a - b)).toEqual([1, 3, 4]);

      // The pages' narrower reads (the agenda, one cell) show the very same, cell by cell.
      const read = await expectModerationReadsAgree(t, world.tenderId, world.commissioner);
      expect(read.items.find((i) => i.bidId === world.bidIds[0] && i.code === 'Q1')?.history).toHaveLength(2);
      expect(read.items.flatMap((i) => i.scores).length).toBeGreaterThan(8);
    });

    it('refuses off-scale, blank, unscored criteria and disqualified bids, and non-team callers', async () => {
      const url = (bidId: string, code: string) => `/api/tenders/${world.tenderId}/bids/${bidId}/moderated/${code}`;
      const offScale = await t
        .http()
        .put(url(world.bidIds[1], 'Q1'))
        .set(world.commissioner.auth)
        .send({ score: 7, rationale: 'x' });
      expect(offScale.status).toBe(422);
      expect(
        (await t.http().put(url(world.bidIds[1], 'Q1')).set(world.commissioner.auth).send({ score: 3, rationale: ' ' })).status,
      ).toBe(400);
      expect((await t.http().put(url(world.bidIds[1], 'Q1')).set(world.commissioner.auth).send({ score: 3 })).status).toBe(400);
      const price = await t.http().put(url(world.bidIds[1], 'P')).set(world.commissioner.auth).send({ score: 3, rationale: 'x' });
      expect(price.status).toBe(422);
      expect(price.body.detail).toBe('P is a price criterion: only panel-scored criteria are moderated.');
      expect(
        (
          await t
            .http()
            .put(url('00000000-0000-4000-8000-000000000000', 'Q1'))
            .set(world.commissioner.auth)
            .send({ score: 3, rationale: 'x' })
        ).status,
      ).toBe(404);
      expect((await t.http().put(url(world.bidIds[1], 'Q1')).set(lived1.auth).send({ score: 3, rationale: 'x' })).status).toBe(
        403,
      );
      expect((await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(lived1.auth)).status).toBe(403);
    });

    it('shows score values in the audit trail from moderation on', async () => {
      const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      const saved = audit.body.find((e: { action: string }) => e.action === 'score.saved');
      expect(saved).toMatchObject({ redacted: false, after: expect.objectContaining({ score: expect.any(Number) }) });
      expect(audit.body.find((e: { action: string }) => e.action === 'moderated_score.recorded')).toMatchObject({
        after: expect.objectContaining({ version: 1 }),
      });
      expect(audit.body.find((e: { action: string }) => e.action === 'tender.start_moderation')).toMatchObject({
        after: { status: 'moderation', quorum: { bids: 2, livedExperienceMembers: 3, professionalMembers: 1 } },
      });
    });
  });

  it('records moderated scores only during moderation', async () => {
    const world = await panelTenderInEvaluation(t);
    const early = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}/moderated/Q1`)
      .set(world.commissioner.auth)
      .send({ score: 3, rationale: 'Too early.' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('Moderated scores are recorded once moderation starts; the tender is in evaluation.');
    const view = await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(world.commissioner.auth);
    expect(view.status).toBe(409);
    expect(view.body.detail).toBe('Individual scores are shown from moderation on; the tender is in evaluation.');
  });

  it('does not moderate a disqualified bid', async () => {
    const world = await panelTenderInEvaluation(t);
    const lived = await addPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, lived, world.bidIds);
    for (const bidId of world.bidIds) await scoreAndSubmit(t, world.tenderId, lived, bidId, 3);
    await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth).expect(200);
    await t
      .http()
      .post(`/api/tenders/${world.tenderId}/bids/${world.bidIds[1]}/disqualify`)
      .set(world.commissioner.auth)
      .send({ reason: 'Late insurance.' })
      .expect(200);
    const refused = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/bids/${world.bidIds[1]}/moderated/Q1`)
      .set(world.commissioner.auth)
      .send({ score: 3, rationale: 'x' });
    expect(refused.status).toBe(409);
    const view = await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(world.commissioner.auth);
    expect(view.body.items.find((i: { bidId: string }) => i.bidId === world.bidIds[1]).bidStatus).toBe('disqualified');
  });
});
