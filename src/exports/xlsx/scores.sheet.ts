import type * as ExcelJS from 'exceljs';
import { GROUP_LABELS, NOT_COUNTED_LABELS, type EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { entryKey } from '../../assisted/domain/assisted-rules';
import { COLUMN, SHEET } from './plan';
import { addSheet, FORMAT } from './sheet-writer';

/**
 * Every individual score on the record, drafts and unusable ones included, with its
 * rationale, read a few bids at a time as it is written. Rows are grouped by bid and
 * criterion, counted scores first and by group, so the Matrix formulas can average a
 * contiguous block. Lived-experience members appear by pseudonym.
 */
export async function writeScores(workbook: ExcelJS.stream.xlsx.WorkbookWriter, record: EvaluationRecord): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.scores,
    columns: [
      { header: 'Bid', width: 8 },
      { header: 'Bidder', width: 26, wrap: true },
      { header: 'Code', width: 9 },
      { header: 'Criterion', width: 30, wrap: true },
      { header: 'Member', width: 22 },
      { header: 'Group', width: 17 },
      { header: 'Role', width: 16, wrap: true },
      { header: 'Score', width: 8, numFmt: FORMAT.integer },
      { header: 'Rationale', width: 70, wrap: true },
      { header: 'Status', width: 11 },
      { header: 'Submitted at (UTC)', width: 17, numFmt: FORMAT.timestamp },
      { header: 'Counted', width: 9 },
      { header: 'Why not counted', width: 30, wrap: true },
      { header: "Entered on the member's behalf", width: 40, wrap: true },
    ],
    freezeColumns: 3,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  if (COLUMN.scoresScore !== 8) throw new Error('Scores sheet columns and the plan disagree');
  await sheet.header();
  const bids = new Map(record.bids.map((bid) => [bid.id, bid]));
  const criteria = new Map(record.criteria.map((criterion) => [criterion.id, criterion]));
  const members = new Map(record.members.map((member) => [member.id, member]));
  for await (const batch of record.readScores()) {
    for (const score of batch) {
      const bid = bids.get(score.bidId)!;
      const criterion = criteria.get(score.criterionId)!;
      const member = members.get(score.memberId)!;
      await sheet.add([
        bid.label,
        bid.bidderName,
        criterion.code,
        criterion.title,
        member.name,
        GROUP_LABELS[member.group],
        member.roleLabel,
        score.score,
        score.rationale,
        score.status === 'submitted' ? 'Submitted' : 'Draft',
        score.submittedAt,
        score.notCounted === null ? 'Yes' : 'No',
        score.notCounted === null ? null : NOT_COUNTED_LABELS[score.notCounted],
        record.entries.get(entryKey(score.memberId, score.bidId, score.criterionId))?.words ?? null,
      ]);
    }
  }
  const planned = record.scoreCells.reduce((rows, cell) => rows + cell.total, 1);
  if (sheet.row !== planned) throw new Error(`The Scores sheet has ${sheet.row} rows; the plan has ${planned}`);
  sheet.finish();
}
