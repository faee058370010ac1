import type * as ExcelJS from 'exceljs';
import { presentNumber } from '../../results/engine';
import { cellKey, type EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { COLUMN, SHEET } from './plan';
import { addSheet, columnLetter, FORMAT } from './sheet-writer';
import { describeFlags, highlightDivergence } from './summary.sheet';

/**
 * Every version of every moderated score (nothing is ever overwritten), with its
 * rationale, who recorded it and when, beside what the panel had said: the counted
 * scores' range and spread, the group means, the panel score and its flags (the results
 * engine's panel statistics). "Current" marks the version the results use.
 */
export async function writeModeration(workbook: ExcelJS.stream.xlsx.WorkbookWriter, record: EvaluationRecord): Promise<void> {
  const columns = [
    { header: 'Bid', width: 8 },
    { header: 'Bidder', width: 26, wrap: true },
    { header: 'Code', width: 9 },
    { header: 'Criterion', width: 30, wrap: true },
    { header: 'Version', width: 8, numFmt: FORMAT.integer },
    { header: 'Moderated score', width: 10, numFmt: FORMAT.integer },
    { header: 'Rationale', width: 60, wrap: true },
    { header: 'Moderated by', width: 20 },
    { header: 'Moderated at (UTC)', width: 17, numFmt: FORMAT.timestamp },
    { header: 'Current', width: 9 },
    { header: 'Counted panel scores', width: 10, numFmt: FORMAT.integer },
    { header: 'Lowest', width: 8, numFmt: FORMAT.integer },
    { header: 'Highest', width: 8, numFmt: FORMAT.integer },
    { header: 'Spread', width: 8, numFmt: FORMAT.integer },
    { header: 'Lived-experience mean', width: 12, numFmt: FORMAT.score },
    { header: 'Professional mean', width: 12, numFmt: FORMAT.score },
    { header: 'Panel score', width: 10, numFmt: FORMAT.score },
    { header: 'Flags', width: 30, wrap: true },
  ];
  const sheet = addSheet(workbook, {
    name: SHEET.moderation,
    columns,
    freezeColumns: 3,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  if (COLUMN.moderationScore !== 6) throw new Error('Moderation sheet columns and the plan disagree');
  await sheet.header();
  const bids = new Map(record.bids.map((bid) => [bid.id, bid]));
  const criteria = new Map(record.criteria.map((criterion) => [criterion.id, criterion]));
  for (const version of record.moderated) {
    const bid = bids.get(version.bidId)!;
    const criterion = criteria.get(version.criterionId)!;
    const panel = record.statistics.get(cellKey(version.bidId, version.criterionId));
    await sheet.add([
      bid.label,
      bid.bidderName,
      criterion.code,
      criterion.title,
      version.version,
      version.score,
      version.rationale,
      version.moderatedBy,
      version.moderatedAt,
      version.current ? 'Yes' : 'No',
      panel?.count ?? 0,
      panel?.min,
      panel?.max,
      panel?.spread,
      panel ? presentNumber(panel.groupMeans.lived_experience) : null,
      panel ? presentNumber(panel.groupMeans.professional) : null,
      panel ? presentNumber(panel.panelScore) : null,
      panel ? describeFlags(panel.flags) : null,
    ]);
  }
  const flags = columnLetter(columns.length);
  if (sheet.row > 1) highlightDivergence(sheet.sheet, `${flags}2:${flags}${sheet.row}`);
  sheet.finish();
}
