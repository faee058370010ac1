import ExcelJS from 'exceljs';
import { SCORE_COLUMNS, type ReadRow, type ReadWorkbook } from './domain/workbook-import-rules';
import { IDENTITY_CELLS, IDENTITY_SHEET, SCORES_SHEET, type WorkbookIdentity } from './domain/workbook-identity';

/**
 * Reads a returned workbook (already past `inspectWorkbookZip`) into plain values: the
 * identity sheet, each Scores row's keys, score and reason, and every cell in any sheet
 * that holds a formula (refused by name, never evaluated). Null when exceljs cannot read it.
 */
export async function readOfflineWorkbook(file: Buffer): Promise<ReadWorkbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const formulaCells: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula || (cell as { sharedFormula?: string }).sharedFormula) {
          formulaCells.push(`${sheet.name}!${cell.address}`);
        }
      });
    });
  }
  const identitySheet = workbook.getWorksheet(IDENTITY_SHEET);
  const identity: WorkbookIdentity | null = identitySheet
    ? {
        format: textOf(identitySheet.getCell(IDENTITY_CELLS.format)),
        tenderId: textOf(identitySheet.getCell(IDENTITY_CELLS.tenderId)),
        memberId: textOf(identitySheet.getCell(IDENTITY_CELLS.memberId)),
        signature: textOf(identitySheet.getCell(IDENTITY_CELLS.signature)),
      }
    : null;
  const rows: ReadRow[] = [];
  const scores = workbook.getWorksheet(SCORES_SHEET);
  scores?.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const score = row.getCell(SCORE_COLUMNS.score);
    const reason = textOf(row.getCell(SCORE_COLUMNS.reason));
    rows.push({
      row: number,
      bidId: textOf(row.getCell(SCORE_COLUMNS.bidId)),
      criterionId: textOf(row.getCell(SCORE_COLUMNS.criterionId)),
      score:
        score.value === null || score.value === undefined ? null : typeof score.value === 'number' ? score.value : textOf(score),
      reason: reason === '' ? null : reason,
    });
  });
  return { identity, rows, formulaCells };
}

function textOf(cell: ExcelJS.Cell): string {
  const { value } = cell;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return cell.text ?? '';
}
