import { createTestApp, type TestApp } from '../app';
import {
  addPanelist,
  declare,
  LIVED_CODES,
  type Panelist,
  panelTenderInEvaluation,
  PROFESSIONAL_CODES,
  saveScore,
  submitScores,
} from '../steps';

// Ten panelists' accounts and three bids are built through the API first.
jest.setTimeout(60_000);

describe('a panel working at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('10 panelists scoring every criterion of every bid concurrently lose nothing', async () => {
    const world = await panelTenderInEvaluation(t, { bidders: ['Mind in Camden', 'Certitude', 'Look Ahead'] });
    const panel: Panelist[] = [];
    for (let i = 0; i < 10; i++) panel.push(await addPanelist(t, world, i % 2 === 0 ? 'lived_experience' : 'professional'));
    await Promise.all(panel.map((member) => declare(t, world.tenderId, member, world.bidIds)));

    const expected = new Map<string, number>();
    const saves = panel.flatMap((member, m) =>
      world.bidIds.flatMap((bidId, b) =>
        (member.group === 'lived_experience' ? LIVED_CODES : PROFESSIONAL_CODES).map((code, c) => {
          const score = (m + b + c) % 6;
          expected.set(`${member.memberId}|${bidId}|${code}`, score);
          return saveScore(t, world.tenderId, member, bidId, code, score, `Member ${m} on bid ${b}, ${code}.`);
        }),
      ),
    );
    const saved = await Promise.all(saves);
    expect(saved.map((r) => r.status)).toEqual(saved.map(() => 200));
    expect(saved).toHaveLength(10 * 3 * 2);

    const submitted = await Promise.all(
      panel.flatMap((member) => world.bidIds.map((bidId) => submitScores(t, world.tenderId, member, bidId))),
    );
    expect(submitted.map((r) => r.status)).toEqual(submitted.map(() => 200));

    for (const member of panel) {
      const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(member.auth);
      expect(mine.body).toHaveLength(world.bidIds.length * 2);
      for (const score of mine.body) {
        expect(score.status).toBe('submitted');
        expect(score.score).toBe(expected.get(`${member.memberId}|${score.bidId}|${score.code}`));
      }
    }
    const progress = await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth);
    expect(
      progress.body.map((m: { progress: { scoresSubmitted: number; bidsSubmitted: number } }) => m.progress.bidsSubmitted),
    ).toEqual(panel.map(() => 3));
    await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth).expect(200);
    const view = await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(world.commissioner.auth);
    const total = view.body.items.reduce((sum: number, item: { count: number }) => sum + item.count, 0);
    expect(total).toBe(10 * 3 * 2);
  });

  it('the same panelist saving one cell twice at once keeps one row', async () => {
    const world = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, world, 'professional');
    await declare(t, world.tenderId, member, world.bidIds);
    const results = await Promise.all(
      [1, 2, 3, 4].map((score) => saveScore(t, world.tenderId, member, world.bidIds[0], 'Q1', score)),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(member.auth);
    expect(mine.body).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id as string)).size).toBe(1);
  });

  it('panel members added at once get distinct join orders and pseudonyms', async () => {
    const world = await panelTenderInEvaluation(t);
    const added = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t
          .http()
          .post(`/api/tenders/${world.tenderId}/panel`)
          .set(world.commissioner.auth)
          .send({ name: `Member ${i}`, email: `concurrent${i}@example.org`, group: 'lived_experience' }),
      ),
    );
    expect(added.map((r) => r.status)).toEqual(added.map(() => 201));
    const orders = added.map((r) => r.body.joinOrder as number).sort((a, b) => a - b);
    expect(orders).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const list = await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth);
    expect(list.body.map((m: { pseudonym: string }) => m.pseudonym)).toEqual(orders.map((n) => `Lived experience ${n}`));
  });

  it('two moderators guarding the same version: one lands, the other gets 412', async () => {
    const world = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, member, world.bidIds);
    for (const bidId of world.bidIds) {
      for (const code of LIVED_CODES) await saveScore(t, world.tenderId, member, bidId, code, 3).expect(200);
      await submitScores(t, world.tenderId, member, bidId).expect(200);
    }
    await t.http().post(`/api/tenders/${world.tenderId}/start-moderation`).set(world.commissioner.auth).expect(200);
    const colleague = await t.user('procurement');
    await t
      .http()
      .post(`/api/tenders/${world.tenderId}/team`)
      .set(world.commissioner.auth)
      .send({ userId: colleague.id, role: 'procurement' })
      .expect(201);
    const url = `/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}/moderated/C1`;
    const results = await Promise.all([
      t.http().put(url).set(world.commissioner.auth).set('If-Match', '0').send({ score: 3, rationale: 'Commissioner view.' }),
      t.http().put(url).set(colleague.auth).set('If-Match', '0').send({ score: 4, rationale: 'Procurement view.' }),
    ]);
    expect(results.map((r) => r.status).sort((a, b) => a - b)).toEqual([200, 412]);
    // Unguarded writes stack up as versions, none lost.
    const unguarded = await Promise.all(
      [5, 4, 3].map((score) =>
        t
          .http()
          .put(url)
          .set(world.commissioner.auth)
          .send({ score, rationale: `Round ${score}.` }),
      ),
    );
    expect(unguarded.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(unguarded.map((r) => r.body.version as number).sort((a, b) => a - b)).toEqual([2, 3, 4]);
  });
});
