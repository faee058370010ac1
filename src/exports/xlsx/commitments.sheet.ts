import type * as ExcelJS from 'exceljs';
import type { EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { SHEET } from './plan';
import { addSheet } from './sheet-writer';

/**
 * A stored decimal string as a number when a double holds it exactly as written (so the
 * column sorts and sums), otherwise as the exact text.
 */
export function exactNumber(decimal: string | null): number | string | null {
  if (decimal === null) return null;
  const value = Number(decimal);
  return Number.isFinite(value) && String(value) === decimal ? value : decimal;
}

/** Every outcome commitment of the counted bid versions, as the bidder wrote it. */
export async function writeCommitments(workbook: ExcelJS.stream.xlsx.WorkbookWriter, record: EvaluationRecord): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.commitments,
    columns: [
      { header: 'Bid', width: 8 },
      { header: 'Bidder', width: 28, wrap: true },
      { header: '#', width: 5 },
      { header: 'Outcome', width: 40, wrap: true },
      { header: 'Measure', width: 34, wrap: true },
      { header: 'Target', width: 12, numFmt: '#,##0.##' },
      { header: 'Baseline', width: 12, numFmt: '#,##0.##' },
      { header: 'By', width: 12 },
      { header: 'Criterion', width: 9 },
      { header: 'Criterion title', width: 34, wrap: true },
    ],
    freezeColumns: 2,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  await sheet.header();
  const bids = new Map(record.bids.map((bid) => [bid.id, bid]));
  const criteria = new Map(record.criteria.map((criterion) => [criterion.id, criterion]));
  for (const commitment of record.commitments) {
    const bid = bids.get(commitment.bidId)!;
    const criterion = commitment.criterionId ? criteria.get(commitment.criterionId) : undefined;
    await sheet.add([
      bid.label,
      bid.bidderName,
      commitment.position + 1,
      commitment.outcome,
      commitment.measure,
      exactNumber(commitment.target),
      exactNumber(commitment.baseline),
      commitment.byDate,
      criterion?.code,
      criterion?.title,
    ]);
  }
  sheet.finish();
}
