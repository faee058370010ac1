import { writeFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../app';
import { download } from './download';
import { evaluationWorld, type ExportWorld } from './evaluation-world';
import { overlappingLines, printedLines, printToPdf, type PrintedLine } from './libreoffice';

// A whole tender through the API, then LibreOffice prints every sheet (about 10 s).
jest.setTimeout(180_000);

/** A rationale a moderation meeting really writes: several sentences and a paragraph break. */
const LONG_RATIONALE =
  'The panel agreed 4 after a long discussion. Lived-experience members valued the peer-led drop-in sessions and the promise of ' +
  'paid peer roles; professionals wanted firmer evidence on outcome measures and clinical supervision arrangements.\n' +
  'Agreed: strong on co-production, adequate on governance. The bidder should be asked at clarification to confirm the supervision ' +
  'ratio and how the steering group is recruited, paid and supported over the life of the contract.';

/**
 * Issue 14: the evaluation workbook prints legibly. Wrapped cells get rows tall enough for
 * their text, every sheet has a print area and its header rows (and a Matrix's criterion
 * columns) repeat on each page — and LibreOffice's own PDF of it has no line of text drawn
 * over another, and every word of the long texts on paper.
 */
describe('the evaluation workbook, printed', () => {
  let t: TestApp;
  let world: ExportWorld;
  let workbook: ExcelJS.Workbook;
  let lines: PrintedLine[];

  beforeAll(async () => {
    t = await createTestApp();
    world = await evaluationWorld(t);
    const saved = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/bids/${world.bidIds.cheap}/moderated/C1`)
      .set(world.procurement.auth)
      .send({ score: 4, rationale: LONG_RATIONALE });
    expect(saved.status).toBe(200);
    const file = (await download(t, world.procurement, world.tenderId, 'evaluation-matrix.xlsx')).body as Buffer;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const pdf = printToPdf(file);
    if (process.env.KEEP_WORKBOOK_PDF) writeFileSync(process.env.KEEP_WORKBOOK_PDF, pdf);
    lines = printedLines(pdf);
  });
  afterAll(() => t.close());

  it('sizes each row with wrapped text to the lines it needs', () => {
    const rowWith = (sheetName: string, text: string) => {
      const sheet = workbook.getWorksheet(sheetName)!;
      return [...Array(sheet.rowCount).keys()]
        .map((i) => sheet.getRow(i + 1))
        .find((row) => JSON.stringify(row.values).includes(text));
    };
    // About 490 characters in a 60-wide column (54 a line) with a paragraph break: at least 10 lines of 15 pt.
    expect(rowWith('Moderation', 'The panel agreed 4')?.height).toBeGreaterThanOrEqual(150);
    // The Cover's Matrix explanation, 260 characters in a 110-wide column: at least 3 lines.
    expect(rowWith('Cover', 'Criteria × bids')?.height).toBeGreaterThanOrEqual(48);
    // A one-line row keeps the default height.
    expect(rowWith('Cover', 'Protective marking')?.height).toBeUndefined();
  });

  it('gives every sheet a print area, and repeats the header rows (and the Matrix’s criterion columns) on every page', () => {
    for (const sheet of workbook.worksheets) {
      expect([sheet.name, sheet.pageSetup.printArea]).toEqual([sheet.name, expect.stringMatching(/^A1:[A-Z]+\d+$/)]);
      // The Cover and the Robustness sheet are sections of their own, with no one header row to repeat.
      if (sheet.name !== 'Cover' && sheet.name !== 'Robustness')
        expect([sheet.name, sheet.pageSetup.printTitlesRow]).toEqual([sheet.name, expect.stringMatching(/^1:\d+$/)]);
    }
    expect(workbook.getWorksheet('Matrix')!.pageSetup.printTitlesColumn).toMatch(/^A:[A-Z]+$/);
  });

  it('prints with no line of text over another, and every word of a long rationale on paper', () => {
    expect(lines.length).toBeGreaterThan(100);
    const overlaps = overlappingLines(lines).map(([a, b]) => `page ${a.page}: “${a.text}” over “${b.text}”`);
    expect(overlaps).toEqual([]);
    const printed = lines.map((line) => line.text).join(' ');
    for (const word of LONG_RATIONALE.split(/\s+/)) expect(printed).toContain(word);
  });
});
