import type * as ExcelJS from 'exceljs';
import type { Flag } from '../../results/engine';
import type { EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { absolute, addSheet, columnLetter, formula, FORMAT, type ColumnSpec } from './sheet-writer';
import { SHEET, SUBTOTALS, type WorkbookPlan } from './plan';

const FLAG_WORDS: Record<Flag['type'], string> = {
  divergence: 'divergence',
  group_divergence: 'group divergence',
  quorum_not_met: 'quorum not met',
  abnormally_low_price: 'abnormally low price',
};

/** "divergence: Q1, C1; quorum not met: T1; abnormally low price" */
export function describeFlags(flags: readonly Flag[]): string {
  const byType = new Map<Flag['type'], string[]>();
  for (const flag of flags)
    byType.set(flag.type, [...(byType.get(flag.type) ?? []), ...(flag.criterion ? [flag.criterion] : [])]);
  return [...byType]
    .map(([type, codes]) => (codes.length ? `${FLAG_WORDS[type]}: ${codes.join(', ')}` : FLAG_WORDS[type]))
    .join('; ');
}

export const DIVERGENCE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFCE4D6' } };

/** Highlights any cell in `ref` whose text mentions a divergence (SCORING.md §7). */
export function highlightDivergence(sheet: ExcelJS.Worksheet, ref: string): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: 'containsText',
        operator: 'containsText',
        text: 'divergence',
        priority: 1,
        style: { fill: DIVERGENCE_FILL, font: { color: { argb: 'FF9C0006' } } },
      },
    ],
  });
}

/**
 * One row per bid in results order. Every subtotal and the total is a formula reading the
 * Matrix sheet's subtotal rows (themselves SUMIFs over the weighted scores), with the
 * value GET /results shows cached. Rank and eligibility are the engine's decisions.
 */
export async function writeSummary(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  record: EvaluationRecord,
  plan: WorkbookPlan,
): Promise<void> {
  const subtotalColumns: ColumnSpec[] = SUBTOTALS.map((subtotal) => ({
    header: subtotal.key === 'price' ? 'Price score' : subtotal.label,
    width: subtotal.key === 'total' ? 11 : 13,
    numFmt: FORMAT.points,
  }));
  const columns: ColumnSpec[] = [
    { header: 'Rank', width: 7, numFmt: FORMAT.integer },
    { header: 'Bid', width: 8 },
    { header: 'Bidder', width: 32, wrap: true },
    { header: 'Status', width: 12 },
    { header: 'Eligible', width: 9 },
    { header: 'Exclusions', width: 40, wrap: true },
    { header: 'Price (£)', width: 16, numFmt: FORMAT.pounds },
    ...subtotalColumns,
    { header: 'Flags', width: 40, wrap: true },
  ];
  const sheet = addSheet(workbook, {
    name: SHEET.summary,
    columns,
    freezeColumns: 3,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  await sheet.header();
  const labels = new Map(record.bids.map((bid) => [bid.id, bid.label]));
  for (const bid of record.presented.bids) {
    const scoreColumn = plan.matrixScoreColumn.get(bid.bidId)!;
    const cached = (key: (typeof SUBTOTALS)[number]['key']) => (key === 'total' ? bid.total : bid.byCategory[key]);
    const subtotals = SUBTOTALS.map((subtotal) =>
      formula(absolute(SHEET.matrix, scoreColumn + 1, plan.matrixSubtotalRow[subtotal.key]), cached(subtotal.key)),
    );
    await sheet.add([
      bid.rank,
      labels.get(bid.bidId) ?? '',
      bid.bidderName,
      bid.status,
      bid.eligible ? 'Yes' : 'No',
      bid.exclusions.map((exclusion) => exclusion.detail).join('\n'),
      bid.price,
      ...subtotals,
      describeFlags(bid.flags),
    ]);
  }
  const flagsColumn = columns.length;
  if (sheet.row > 1) highlightDivergence(sheet.sheet, `${columnLetter(flagsColumn)}2:${columnLetter(flagsColumn)}${sheet.row}`);
  sheet.finish();
}
