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

/**
 * Issue 7: fifty panelists writing scores at once — on SQLite (one queued connection) and on
 * PostgreSQL (the same suite in the PostgreSQL pass) — get no 5xx and lose no write.
 */
describe('fifty panelists scoring at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every acknowledged score is stored with its value, and nothing answers 5xx', async () => {
    const world = await panelTenderInEvaluation(t, { bidders: ['Mind in Camden', 'Certitude', 'Look Ahead'] });
    const panel: Panelist[] = [];
    for (let i = 0; i < 50; i++) panel.push(await addPanelist(t, world, i % 2 === 0 ? 'lived_experience' : 'professional'));
    await Promise.all(panel.map((member) => declare(t, world.tenderId, member, world.bidIds)));

    const expected = new Map<string, number>();
    const writes = panel.flatMap((member, m) =>
      world.bidIds.flatMap((bidId, b) =>
        (member.group === 'lived_experience' ? LIVED_CODES : PROFESSIONAL_CODES).map((code, c) => {
          const score = (m * 7 + b * 3 + c) % 6;
          expected.set(`${member.memberId}|${bidId}|${code}`, score);
          return saveScore(t, world.tenderId, member, bidId, code, score, `Panelist ${m}, bid ${b}, ${code}: reasons.`);
        }),
      ),
    );
    const responses = await Promise.all(writes);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));

    const submits = await Promise.all(
      panel.flatMap((member) => world.bidIds.map((bidId) => submitScores(t, world.tenderId, member, bidId))),
    );
    expect(submits.map((r) => r.status)).toEqual(submits.map(() => 200));

    const stored = await Promise.all(
      panel.map((member) => t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(member.auth)),
    );
    let count = 0;
    stored.forEach((response, m) => {
      for (const score of response.body as { bidId: string; code: string; score: number; status: string }[]) {
        expect(score.status).toBe('submitted');
        expect(score.score).toBe(expected.get(`${panel[m].memberId}|${score.bidId}|${score.code}`));
        count++;
      }
    });
    expect(count).toBe(expected.size);
  });
});
