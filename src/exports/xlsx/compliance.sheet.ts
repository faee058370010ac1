import type * as ExcelJS from 'exceljs';
import { cellKey, type EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { SHEET } from './plan';
import { addSheet, FORMAT } from './sheet-writer';

/** Every bid × pass/fail gate: the outcome with its note, or "Not recorded" (a gap). */
export async function writeCompliance(workbook: ExcelJS.stream.xlsx.WorkbookWriter, record: EvaluationRecord): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.compliance,
    columns: [
      { header: 'Bid', width: 8 },
      { header: 'Bidder', width: 28, wrap: true },
      { header: 'Gate', width: 9 },
      { header: 'Gate title', width: 34, wrap: true },
      { header: 'Outcome', width: 13 },
      { header: 'Note', width: 60, wrap: true },
      { header: 'Recorded by', width: 20 },
      { header: 'Recorded at (UTC)', width: 17, numFmt: FORMAT.timestamp },
    ],
    freezeColumns: 2,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  await sheet.header();
  const recorded = new Map(record.compliance.map((entry) => [cellKey(entry.bidId, entry.criterionId), entry]));
  const gates = record.criteria.filter((criterion) => criterion.kind === 'pass_fail');
  for (const bid of record.bids) {
    for (const gate of gates) {
      const entry = recorded.get(cellKey(bid.id, gate.id));
      await sheet.add([
        bid.label,
        bid.bidderName,
        gate.code,
        gate.title,
        entry ? (entry.passed ? 'Pass' : 'Fail') : 'Not recorded',
        entry?.note,
        entry?.recordedBy,
        entry?.recordedAt,
      ]);
    }
  }
  sheet.finish();
}
