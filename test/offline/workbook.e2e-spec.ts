import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../app';
import {
  addPanelist,
  declare,
  downloadWorkbook,
  importWorkbook,
  type Panelist,
  type PanelWorld,
  panelTenderInEvaluation,
  submitScores,
  workbookOf,
  XLSX,
} from '../steps';
import { manyRowsSheet, storedPart, workbookParts, zerosPart, zipOf } from './hostile-zips';

jest.setTimeout(120_000);

type Edit = (scores: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void;

/** Opens a workbook, lets `edit` change it, and saves it again (as a member's spreadsheet program would). */
async function edited(file: Buffer, edit: Edit): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  edit(workbook.getWorksheet('Scores')!, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Fills the score and reason of every row of `bidId` (or every row). */
const fill =
  (score: number | ((row: number) => number), bidId?: string): Edit =>
  (sheet) =>
    sheet.eachRow((row, number) => {
      if (number === 1 || (bidId && row.getCell('H').value !== bidId)) return;
      row.getCell('F').value = typeof score === 'number' ? score : score(number);
      row.getCell('G').value = `Offline reason for row ${number}.`;
    });

const query = (t: TestApp, sql: string) => t.app.get(DataSource).query(sql);
const mib = (bytes: number) => bytes / 1024 / 1024;

describe('offline workbook', () => {
  let t: TestApp;
  let world: PanelWorld;
  let lived: Panelist;
  let pro: Panelist;
  let blank: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTenderInEvaluation(t, { tender: { blindMarking: true } });
    lived = await addPanelist(t, world, 'lived_experience', 'service user');
    pro = await addPanelist(t, world, 'professional', 'clinician');
    await declare(t, world.tenderId, lived, world.bidIds);
    await declare(t, world.tenderId, pro, world.bidIds, [world.bidIds[1]]);
    blank = await workbookOf(t, world.tenderId, world.commissioner, lived.memberId);
  });
  afterAll(() => t.close());

  it('exports the member’s bids as they see them, their criteria, answers, drop-down scores and a hidden identity', async () => {
    const response = await downloadWorkbook(t, world.tenderId, world.commissioner, pro.memberId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['About', 'visible'],
      ['Scores', 'visible'],
      ['Workbook identity', 'veryHidden'],
    ]);
    const scores = workbook.getWorksheet('Scores')!;
    const bids = new Set<string>();
    scores.eachRow((row, n) => {
      if (n > 1) bids.add(row.getCell('A').text);
    });
    // Blind marking: "Bid 1"; the conflicted bid is left out.
    expect([...bids]).toEqual(['Bid 1']);
    const cell = scores.getCell('F2');
    expect(cell.dataValidation).toMatchObject({ type: 'list', formulae: ['"0,1,2,3,4,5"'] });
    expect(scores.getCell('E2').text.length).toBeGreaterThan(0);
    const identity = workbook.getWorksheet('Workbook identity')!;
    expect(identity.getCell('B2').value).toBe(world.tenderId);
    expect(identity.getCell('B3').value).toBe(pro.memberId);
    expect(identity.getCell('B4').value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a member downloads their own workbook, not another member’s (404); a bidder is refused (403)', async () => {
    expect((await downloadWorkbook(t, world.tenderId, lived, lived.memberId)).status).toBe(200);
    expect((await downloadWorkbook(t, world.tenderId, lived, pro.memberId)).status).toBe(404);
    expect((await downloadWorkbook(t, world.tenderId, world.bidders[0], lived.memberId)).status).toBe(403);
  });

  it('round trip: the team imports the filled workbook; the member sees drafts and submits them', async () => {
    const filled = await edited(
      blank,
      fill((row) => (row % 5) + 1),
    );
    const response = await importWorkbook(t, world.tenderId, world.commissioner, lived.memberId, filled);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ memberId: lived.memberId, member: 'Lived experience 1' });
    expect(response.body.imported).toBeGreaterThan(1);
    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(lived.auth);
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(response.body.imported);
    expect(mine.body.every((score: { status: string }) => score.status === 'draft')).toBe(true);
    expect(mine.body[0].rationale).toMatch(/^Offline reason for row \d+\.$/);
    const audit = await query(
      t,
      `SELECT action, after FROM audit_events WHERE action LIKE 'offline_workbook.%' OR action = 'score.saved'`,
    );
    expect(audit.some((row: { action: string }) => row.action === 'offline_workbook.imported')).toBe(true);
    expect(audit.filter((row: { after: string }) => String(row.after).includes('offline_workbook'))).toHaveLength(
      response.body.imported + 1,
    );
    // The team imported it for the member: each draft is on the record as entered on their behalf.
    const entered = await t.http().get(`/api/tenders/${world.tenderId}/scores/entered-for-me`).set(lived.auth);
    expect(entered.status).toBe(200);
    expect(entered.body).toHaveLength(response.body.imported);
    expect(
      entered.body.every(
        (score: { entry: { method: string; enteredById: string } }) =>
          score.entry.method === 'offline_workbook' && score.entry.enteredById === world.commissioner.id,
      ),
    ).toBe(true);
  });

  describe('hostile and wrong workbooks are refused, nothing stored, memory held', () => {
    let otherWorld: PanelWorld;
    let otherMember: Panelist;
    let before: number;

    beforeAll(async () => {
      otherWorld = await panelTenderInEvaluation(t, { bidders: ['Rethink'] });
      otherMember = await addPanelist(t, otherWorld, 'lived_experience');
      await declare(t, otherWorld.tenderId, otherMember, otherWorld.bidIds);
    });

    const scoreCount = async () => Number((await query(t, 'SELECT COUNT(*) AS n FROM individual_scores'))[0].n);

    /** Posts `file`, expects `status` and a problem naming `field`, nothing stored, and at most +100 MB of memory. */
    async function refused(
      file: Buffer,
      status: number,
      field: string | RegExp,
      memberId = lived.memberId,
      tenderId = world.tenderId,
    ) {
      const stored = await scoreCount();
      const memory = process.memoryUsage();
      const response = await importWorkbook(t, tenderId, world.commissioner, memberId, file);
      const after = process.memoryUsage();
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const fields = (response.body.errors as { field: string; message: string }[]).map((error) => error.field);
      expect(fields.some((name) => (typeof field === 'string' ? name === field : field.test(name)))).toBe(true);
      expect(response.body.detail).toMatch(/\.$/);
      expect(await scoreCount()).toBe(stored);
      expect(mib(after.rss - memory.rss)).toBeLessThan(100);
      expect(mib(after.heapUsed - memory.heapUsed)).toBeLessThan(100);
      return response;
    }

    beforeEach(() => {
      before = process.memoryUsage().rss;
    });
    afterEach(() => {
      expect(mib(process.memoryUsage().rss - before)).toBeLessThan(100);
    });

    it('a zip bomb whose headers say 300 MB is refused from the central directory', async () => {
      const bomb = zipOf(workbookParts(await zerosPart('xl/worksheets/sheet1.xml', 300)));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const response = await refused(bomb, 422, 'workbook:xl/worksheets/sheet1.xml');
      expect(response.body.errors[0].message).toMatch(/larger than 25 MB when unpacked/);
    });

    it('a zip bomb whose headers lie (1 KB claimed) is caught while inflating', async () => {
      const bomb = zipOf(workbookParts(await zerosPart('xl/worksheets/sheet1.xml', 300, 1024)));
      await refused(bomb, 422, 'workbook:xl/worksheets/sheet1.xml');
    });

    it('too many entries, and an entry outside a workbook’s parts', async () => {
      const many = zipOf([
        ...workbookParts(storedPart('xl/worksheets/sheet1.xml', '<worksheet/>')),
        ...Array.from({ length: 40 }, (_, i) => storedPart(`xl/worksheets/sheet${i + 2}.xml`, '<worksheet/>')),
      ]);
      const response = await refused(many, 422, 'workbook');
      expect(response.body.errors[0].message).toMatch(/at most 40/);
      await refused(
        zipOf([
          ...workbookParts(storedPart('xl/worksheets/sheet1.xml', '<worksheet/>')),
          storedPart('xl/vbaProject.bin', 'macro'),
        ]),
        422,
        'workbook:xl/vbaProject.bin',
      );
      await refused(
        zipOf([...workbookParts(storedPart('xl/worksheets/sheet1.xml', '<worksheet/>')), storedPart('../evil.xml', 'x')]),
        422,
        /^workbook/,
      );
    });

    it('100 000 rows are refused by the row count, naming the sheet', async () => {
      const response = await refused(zipOf(workbookParts(manyRowsSheet(100_000))), 422, 'Scores');
      expect(response.body.errors[0].message).toMatch(/more than 20000 rows/);
    });

    it('not a zip at all, and a body that is not a workbook file', async () => {
      await refused(Buffer.from('just some text'), 422, 'workbook');
      const json = await t
        .http()
        .post(`/api/tenders/${world.tenderId}/panel/${lived.memberId}/workbook`)
        .set(world.commissioner.auth)
        .send({ a: 1 });
      expect(json.status).toBe(400);
    });

    it('a formula cell is refused by its sheet and cell', async () => {
      const file = await edited(blank, (sheet) => {
        fill(3)(sheet, undefined as never);
        sheet.getCell('F3').value = { formula: '1+2', result: 3 };
      });
      const response = await refused(file, 422, 'Scores!F3');
      expect(response.body.errors[0].message).toMatch(/formula/);
    });

    it('a score off the scale, and a reason without a score, name their cells', async () => {
      const file = await edited(blank, (sheet) => {
        fill(3)(sheet, undefined as never);
        sheet.getCell('F2').value = 9;
        sheet.getCell('F4').value = null;
      });
      const response = await refused(file, 422, 'Scores!F2');
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['Scores!F2', 'Scores!F4']));
      expect(response.body.errors[0].message).toMatch(/whole number from 0 to 5/);
    });

    it('another member’s workbook, another tender’s, and a tampered signature', async () => {
      const filled = await edited(blank, fill(2));
      await refused(filled, 422, 'Workbook identity!B3', pro.memberId);
      const foreign = await edited(
        await workbookOf(t, otherWorld.tenderId, otherWorld.commissioner, otherMember.memberId),
        fill(2),
      );
      // The other tender's workbook, uploaded here for a member of this tender.
      await refused(foreign, 422, 'Workbook identity!B2');
      const tampered = await edited(filled, (sheet) => {
        sheet.getCell('H2').value = world.bidIds[1] === sheet.getCell('H2').value ? world.bidIds[0] : world.bidIds[1];
      });
      await refused(tampered, 422, 'Workbook identity!B4');
      const resigned = await edited(filled, (_sheet, workbook) => {
        workbook.getWorksheet('Workbook identity')!.getCell('B4').value = 'f'.repeat(64);
      });
      await refused(resigned, 422, 'Workbook identity!B4');
    });

    it('re-importing after the member submitted that bid is refused (409), nothing changed', async () => {
      const filled = await edited(blank, fill(4));
      expect((await importWorkbook(t, world.tenderId, world.commissioner, lived.memberId, filled)).status).toBe(200);
      expect((await submitScores(t, world.tenderId, lived, world.bidIds[0])).status).toBe(200);
      const response = await refused(filled, 409, /^Scores!F\d+$/);
      expect(response.body.errors[0].message).toMatch(/already submitted/);
      // A fresh workbook leaves the submitted bid out; the other bid still imports.
      const fresh = await workbookOf(t, world.tenderId, lived, lived.memberId);
      const again = await importWorkbook(t, world.tenderId, lived, lived.memberId, await edited(fresh, fill(1)));
      expect(again.status).toBe(200);
      expect(again.body.bids.map((bid: { bidId: string }) => bid.bidId)).toEqual([world.bidIds[1]]);
    });
  });
});
