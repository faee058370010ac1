import { expectModerationReadsAgree } from '../results/moderation-reads';
import * as ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../app';
import { download } from '../exports/download';
import {
  addLayPanelist,
  addPanelist,
  confirmEntries,
  declare,
  deliberatelyInvalid,
  type Panelist,
  type PanelWorld,
  panelTenderInEvaluation,
  saveScoreFor,
  scoreAndSubmit,
  startModeration,
  submitScoresFor,
} from '../steps';

jest.setTimeout(60_000);

/** The field names of a problem's errors. */
const fields = (body: { errors?: { field: string }[] }): string[] => (body.errors ?? []).map((error) => error.field);

describe('assisted scoring: a team member enters a lay member’s scores on their behalf', () => {
  let t: TestApp;
  let world: PanelWorld;
  let lay: Panelist;
  let conflicted: Panelist;
  let pro: Panelist;
  let team: string;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t);
    lay = await addLayPanelist(t, world, 'lived_experience', 'service user');
    conflicted = await addLayPanelist(t, world, 'lived_experience', 'carer');
    pro = await addPanelist(t, world, 'professional', 'clinician');
    team = world.commissioner.name;
  });
  afterAll(() => t.close());

  it('waits for the member’s own declarations (409 naming the bid)', async () => {
    const early = await saveScoreFor(t, world.tenderId, world.commissioner, lay.memberId, world.bidIds[0], 'Q1', 4);
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe(
      'Lived experience 1 has not answered every conflict of interest question yet; they answer them first, in their own session.',
    );
    expect(fields(early.body)).toEqual(['bidId']);
    await declare(t, world.tenderId, lay, world.bidIds);
    await declare(t, world.tenderId, conflicted, world.bidIds, [world.bidIds[0]]);
    await declare(t, world.tenderId, pro, world.bidIds);
  });

  it('saves a draft with the member present, and says so', async () => {
    const saved = await saveScoreFor(
      t,
      world.tenderId,
      world.commissioner,
      lay.memberId,
      world.bidIds[0],
      'Q1',
      4,
      'present',
      ' They listen to us. ',
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      bid: 'Mind in Camden',
      code: 'Q1',
      score: 4,
      rationale: 'They listen to us.',
      status: 'draft',
      member: 'Lived experience 1',
      entry: {
        method: 'present',
        enteredById: world.commissioner.id,
        enteredBy: team,
        confirmedByMemberAt: null,
        changedByMemberSince: false,
        words: `Entered by ${team} with Lived experience 1 present.`,
      },
    });
  });

  it('refuses every case the rules name: the field and the rule in words', async () => {
    const cases: [Panelist | null, string, string, unknown, number, string[], RegExp][] = [
      [
        pro,
        world.bidIds[0],
        'Q1',
        { score: 3, rationale: 'x', method: 'present' },
        422,
        ['memberId'],
        /lived-experience members only/,
      ],
      [
        conflicted,
        world.bidIds[0],
        'Q1',
        { score: 3, rationale: 'x', method: 'present' },
        422,
        ['bidId'],
        /declared a conflict of interest/,
      ],
      [
        lay,
        world.bidIds[0],
        'T1',
        { score: 3, rationale: 'x', method: 'present' },
        422,
        ['criterion'],
        /not by lived-experience members/,
      ],
      [
        lay,
        world.bidIds[0],
        'Q1',
        { score: 9, rationale: 'x', method: 'paper_form' },
        422,
        ['score'],
        /not on this tender's scale/,
      ],
      [lay, world.bidIds[0], 'Q1', deliberatelyInvalid({ score: 3, rationale: 'x' }), 400, ['method'], /./],
      [
        lay,
        world.bidIds[0],
        'Q1',
        deliberatelyInvalid({ score: 3, rationale: 'x', method: 'offline_workbook' }),
        400,
        ['method'],
        /./,
      ],
    ];
    for (const [member, bidId, code, body, status, expected, detail] of cases) {
      const response = await t
        .http()
        .put(`/api/tenders/${world.tenderId}/panel/${member!.memberId}/bids/${bidId}/scores/${code}`)
        .set(world.commissioner.auth)
        .send(body as object);
      expect([code, response.status, fields(response.body)]).toEqual([code, status, expected]);
      expect(response.body.detail).toMatch(detail);
    }
    const byMember = await saveScoreFor(t, world.tenderId, lay, lay.memberId, world.bidIds[0], 'Q1', 3);
    expect(byMember.status).toBe(403);
    const unknown = await saveScoreFor(t, world.tenderId, world.commissioner, world.bidIds[0], world.bidIds[0], 'Q1', 3);
    expect(unknown.status).toBe(404);
  });

  it('takes the rest from the member’s paper form and submits it on their behalf', async () => {
    const paper = await saveScoreFor(t, world.tenderId, world.commissioner, lay.memberId, world.bidIds[0], 'C1', 5, 'paper_form');
    expect(paper.body.entry.words).toBe(`From Lived experience 1's paper form, entered by ${team}.`);
    const submitted = await submitScoresFor(t, world.tenderId, world.commissioner, lay.memberId, world.bidIds[0], 'paper_form');
    expect(submitted.status).toBe(200);
    expect(
      submitted.body.scores.map((s: { code: string; status: string; entry: { method: string } }) => [
        s.code,
        s.status,
        s.entry.method,
      ]),
    ).toEqual([
      ['Q1', 'submitted', 'present'],
      ['C1', 'submitted', 'paper_form'],
    ]);
    const again = await saveScoreFor(t, world.tenderId, world.commissioner, lay.memberId, world.bidIds[0], 'C1', 2, 'paper_form');
    expect(again.status).toBe(409);
    const listed = await t.http().get(`/api/tenders/${world.tenderId}/panel/${lay.memberId}/scores`).set(world.commissioner.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.map((s: { code: string }) => s.code)).toEqual(['Q1', 'C1']);
  });

  it('lets the member see and confirm what was entered for them, once', async () => {
    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/entered-for-me`).set(lay.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.map((s: { code: string; entry: { words: string } }) => [s.code, s.entry.words])).toEqual([
      ['Q1', `Entered by ${team} with Lived experience 1 present.`],
      ['C1', `From Lived experience 1's paper form, entered by ${team}.`],
    ]);
    const confirmed = await confirmEntries(t, world.tenderId, lay, world.bidIds[0]);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ bidId: world.bidIds[0], confirmed: 2 });
    const twice = await confirmEntries(t, world.tenderId, lay, world.bidIds[0]);
    expect(twice.status).toBe(409);
    const other = await confirmEntries(t, world.tenderId, conflicted, world.bidIds[0]);
    expect(other.status).toBe(404);
  });

  describe('on the record, from moderation on', () => {
    beforeAll(async () => {
      await scoreAndSubmit(t, world.tenderId, lay, world.bidIds[1], 3);
      await scoreAndSubmit(t, world.tenderId, conflicted, world.bidIds[1], 2);
      await startModeration(t, world.tenderId, world.commissioner);
    });

    it('the audit trail says who entered each score and how, and the member’s confirmation', async () => {
      const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      expect(audit.status).toBe(200);
      const events = audit.body as { action: string; actorId: string; after: Record<string, unknown> }[];
      expect(events.filter((e) => e.action === 'score.saved_for_member').map((e) => e.after.words)).toEqual(
        expect.arrayContaining([
          `Entered by ${team} with Lived experience 1 present.`,
          `From Lived experience 1's paper form, entered by ${team}.`,
        ]),
      );
      expect(events.find((e) => e.action === 'score.submitted_for_member')).toMatchObject({
        actorId: world.commissioner.id,
        after: { method: 'paper_form', words: `Submitted by ${team} from Lived experience 1's paper form.` },
      });
      expect(events.find((e) => e.action === 'score_entry.confirmed')).toMatchObject({
        actorId: lay.id,
        after: { panelMemberId: lay.memberId, criteria: ['Q1', 'C1'] },
      });
    });

    it('the moderation view marks each entered score, and only those', async () => {
      const view = await t.http().get(`/api/tenders/${world.tenderId}/moderation`).set(world.commissioner.auth);
      expect(view.status).toBe(200);
      const marked = (
        view.body.items as { bidId: string; code: string; scores: { member: string; enteredOnBehalf: string | null }[] }[]
      ).flatMap((item) =>
        item.scores.map((score) => [item.bidId === world.bidIds[0] ? 'A' : 'B', item.code, score.member, score.enteredOnBehalf]),
      );
      expect(marked.filter((row) => row[2] === 'Lived experience 1')).toEqual(
        expect.arrayContaining([
          ['A', 'Q1', 'Lived experience 1', `Entered by ${team} with Lived experience 1 present; confirmed by the member.`],
          ['A', 'C1', 'Lived experience 1', `From Lived experience 1's paper form, entered by ${team}; confirmed by the member.`],
          ['B', 'Q1', 'Lived experience 1', null],
        ]),
      );
      // The moderation pages' one-cell read carries the same markers.
      await expectModerationReadsAgree(t, world.tenderId, world.commissioner);
    });

    it('the matrix’s Scores sheet carries the marker beside the score', async () => {
      const file = await download(t, world.commissioner, world.tenderId, 'evaluation-matrix.xlsx');
      expect(file.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body);
      const sheet = workbook.getWorksheet('Scores')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.at(-1)).toBe("Entered on the member's behalf");
      const column = header.length;
      const markers: unknown[] = [];
      sheet.eachRow((row, number) => {
        if (number > 1 && row.getCell(column).value)
          markers.push([row.getCell(3).value, row.getCell(5).value, row.getCell(column).value]);
      });
      expect(markers).toEqual(
        expect.arrayContaining([
          ['Q1', 'Lived experience 1', `Entered by ${team} with Lived experience 1 present; confirmed by the member.`],
          ['C1', 'Lived experience 1', `From Lived experience 1's paper form, entered by ${team}; confirmed by the member.`],
        ]),
      );
      expect(markers).toHaveLength(2);
    });
  });
});
