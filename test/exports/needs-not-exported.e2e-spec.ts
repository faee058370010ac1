import * as ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../app';
import { recordNeeds } from '../steps';
import { download } from './download';
import { evaluationWorld, type ExportWorld } from './evaluation-world';

jest.setTimeout(90_000);

/** Words only the needs hold: none of them may appear in anything exported with the scores. */
const NEEDS_WORDS = ['Zanele Mokoena', '07700 900456', 'hearing loop in room 4', 'Tigrinya', 'large_print', 'support_worker'];

/** Every cell value of every sheet, as text (formulas, rich text and all). */
async function workbookText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => parts.push(JSON.stringify(cell.value))),
    );
  });
  return parts.join('\n');
}

describe('communication and support needs are never exported with the scores', () => {
  let t: TestApp;
  let world: ExportWorld;

  beforeAll(async () => {
    t = await createTestApp();
    world = await evaluationWorld(t);
    for (const panelist of world.panelists)
      await recordNeeds(t, world.tenderId, world.commissioner, panelist.memberId, {
        formats: ['large_print', 'another_language'],
        language: 'Tigrinya',
        contactMethods: ['post', 'support_worker'],
        supportPerson: { name: 'Zanele Mokoena', relationship: 'advocate', contact: '07700 900456' },
        meetingNeeds: 'A hearing loop in room 4 and a quiet space.',
      });
  });
  afterAll(() => t.close());

  it('the needs are recorded (so the test could fail)', async () => {
    const needs = await t.http().get(`/api/tenders/${world.tenderId}/needs`).set(world.commissioner.auth);
    expect(JSON.stringify(needs.body)).toContain('Zanele Mokoena');
  });

  it('appear in neither the evaluation matrix workbook, scores.csv nor evaluation.json', async () => {
    const workbook = await download(t, world.commissioner, world.tenderId, 'evaluation-matrix.xlsx');
    expect(workbook.status).toBe(200);
    const csv = await download(t, world.commissioner, world.tenderId, 'scores.csv');
    expect(csv.status).toBe(200);
    const json = await download(t, world.commissioner, world.tenderId, 'evaluation.json');
    expect(json.status).toBe(200);
    const texts = {
      workbook: (await workbookText(workbook.body)).toLowerCase(),
      csv: csv.body.toString('utf8').toLowerCase(),
      json: json.body.toString('utf8').toLowerCase(),
    };
    for (const [file, text] of Object.entries(texts)) {
      expect(text.length).toBeGreaterThan(100);
      for (const word of [...NEEDS_WORDS, 'meetingneeds', 'contactmethods', 'mayemail'])
        expect({ file, word, found: text.includes(word.toLowerCase()) }).toEqual({ file, word, found: false });
    }
  });
});
