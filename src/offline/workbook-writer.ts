import ExcelJS from 'exceljs';
import { headerFooterText, xlsxText } from '../exports/cell-safety';
import { PROTECTIVE_MARKING } from '../exports/domain/export-rules';
import { rowHeightPoints, wrappedLines } from '../exports/xlsx/row-height';
import { SCORE_COLUMNS } from './domain/workbook-import-rules';
import { ABOUT_SHEET, IDENTITY_CELLS, IDENTITY_SHEET, SCORES_SHEET, type WorkbookIdentity } from './domain/workbook-identity';

/** One row of the member's work: a bid × a criterion their group scores, with any draft. */
export interface WorkbookRow {
  bidId: string;
  bid: string;
  criterionId: string;
  code: string;
  title: string;
  guidance: string | null;
  answer: string | null;
  score: number | null;
  reason: string | null;
}

export interface WorkbookModel {
  tenderTitle: string;
  tenderReference: string;
  /** The member as the record names them ("Lived experience 2", or a professional's name). */
  member: string;
  scale: { score: number; label: string }[];
  scoringDeadline: string | null;
  rows: WorkbookRow[];
  identity: WorkbookIdentity;
}

const WIDTHS = { bid: 16, criterion: 10, question: 28, guidance: 34, answer: 60, score: 9, reason: 44 };
/** The tallest row printed; a longer answer carries on in its cell on screen. */
const MAX_ROW_POINTS = 409;

/**
 * The member's offline workbook: About (what to do, the scale in words), Scores (one row
 * per bid × criterion: the question, what to look for, the bid's answer, a drop-down score
 * and a reason; only the score and reason cells are unlocked), and a very hidden, protected
 * identity sheet (tender, member, signature), also named in the workbook's defined names.
 * Every text written by people is a string cell, never a formula. Prints on A4 landscape,
 * one page wide, the header row repeated, rows as tall as their wrapped text.
 */
export async function writeOfflineWorkbook(model: WorkbookModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tender Scorer';
  workbook.title = `Scoring workbook: ${xlsxText(model.tenderTitle)}`;
  const header = `&L&"-,Bold"${PROTECTIVE_MARKING}&C${headerFooterText(model.tenderReference, 60)}&R&A`;
  const footer = `&L${headerFooterText(model.member, 60)}&RPage &P of &N`;
  writeAbout(workbook, model, header, footer);
  await writeScores(workbook, model, header, footer);
  await writeIdentity(workbook, model.identity);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeAbout(workbook: ExcelJS.Workbook, model: WorkbookModel, header: string, footer: string): void {
  const sheet = workbook.addWorksheet(ABOUT_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: header, oddFooter: footer },
  });
  sheet.columns = [{ width: 14 }, { width: 80 }];
  const lines: [string, string][] = [
    ['Tender', model.tenderTitle],
    ['Reference', model.tenderReference],
    ['For', model.member],
    ['Scores by', model.scoringDeadline ?? 'The tender team will tell you.'],
    ['', ''],
    ['What to do', `Go to the ${SCORES_SHEET} sheet. Each row is one question for one bid.`],
    ['', 'Read the answer. Choose a score from the list in the Score column.'],
    ['', 'Write why you gave that score in the Reason column.'],
    ['', 'You can leave rows empty and fill them in later.'],
    ['', 'Do not type formulas. Do not change the hidden columns or sheets.'],
    ['', 'Give the workbook back to the tender team. They import it, then you check and submit your scores.'],
    ['', ''],
    ['The scale', ''],
    ...model.scale.map((level): [string, string] => [String(level.score), level.label]),
  ];
  for (const [label, text] of lines) {
    const row = sheet.addRow([label, xlsxText(text)]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = rowHeightPoints(wrappedLines(text, 80));
  }
}

async function writeScores(workbook: ExcelJS.Workbook, model: WorkbookModel, header: string, footer: string): Promise<void> {
  const sheet = workbook.addWorksheet(SCORES_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: header, oddFooter: footer },
  });
  sheet.columns = [
    { header: 'Bid', width: WIDTHS.bid },
    { header: 'Question', width: WIDTHS.criterion },
    { header: 'What is asked', width: WIDTHS.question },
    { header: 'What to look for', width: WIDTHS.guidance },
    { header: 'The bid’s answer', width: WIDTHS.answer },
    { header: 'Score', width: WIDTHS.score },
    { header: 'Reason for your score', width: WIDTHS.reason },
    { header: 'bidId', width: 38, hidden: true },
    { header: 'criterionId', width: 38, hidden: true },
  ];
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.height = rowHeightPoints(2);
  const min = Math.min(...model.scale.map((level) => level.score));
  const max = Math.max(...model.scale.map((level) => level.score));
  const list = `"${model.scale.map((level) => level.score).join(',')}"`;
  for (const item of model.rows) {
    const texts = [
      item.bid,
      item.code,
      item.title,
      item.guidance ?? '',
      item.answer ?? 'No answer given.',
      '',
      item.reason ?? '',
    ];
    const row = sheet.addRow([
      ...texts.slice(0, 5).map(xlsxText),
      item.score,
      xlsxText(item.reason ?? ''),
      item.bidId,
      item.criterionId,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    const widths = [WIDTHS.bid, WIDTHS.criterion, WIDTHS.question, WIDTHS.guidance, WIDTHS.answer, WIDTHS.score, WIDTHS.reason];
    const lines = Math.max(3, ...texts.map((text, index) => wrappedLines(text, widths[index])));
    row.height = Math.min(MAX_ROW_POINTS, rowHeightPoints(lines));
    const score = row.getCell(SCORE_COLUMNS.score);
    score.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Score',
      error: `Choose a whole number from ${min} to ${max}.`,
      showInputMessage: true,
      promptTitle: 'Score',
      prompt: `Choose a score from ${min} to ${max}. The About sheet says what each means.`,
    };
    score.protection = { locked: false };
    score.alignment = { vertical: 'top', horizontal: 'center' };
    score.font = { bold: true, size: 14 };
    row.getCell(SCORE_COLUMNS.reason).protection = { locked: false };
  }
  // Protection keeps the questions and answers from being changed by accident; the
  // signature, not this, is what refuses a workbook made for someone else.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
}

async function writeIdentity(workbook: ExcelJS.Workbook, identity: WorkbookIdentity): Promise<void> {
  const sheet = workbook.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  const entries: [keyof typeof IDENTITY_CELLS, string][] = [
    ['format', identity.format],
    ['tenderId', identity.tenderId],
    ['memberId', identity.memberId],
    ['signature', identity.signature],
  ];
  for (const [key, value] of entries) {
    const cell = sheet.getCell(IDENTITY_CELLS[key]);
    cell.value = value;
    sheet.getCell(IDENTITY_CELLS[key].replace('B', 'A')).value = key;
    workbook.definedNames.add(`'${IDENTITY_SHEET}'!$B$${IDENTITY_CELLS[key].slice(1)}`, `TenderScorer_${key}`);
  }
  await sheet.protect('', { selectLockedCells: false, selectUnlockedCells: false });
}
