import type * as ExcelJS from 'exceljs';
import { CLARIFICATION_STATUS_LABELS, type EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { SHEET } from './plan';
import { addSheet, FORMAT } from './sheet-writer';

/**
 * The clarification log: every question with who asked it, the answer and whether it went
 * to every bidder or the asker only, and the team's own clarifications (kind "Notice").
 */
export async function writeClarifications(workbook: ExcelJS.stream.xlsx.WorkbookWriter, record: EvaluationRecord): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.clarifications,
    columns: [
      { header: '#', width: 5 },
      { header: 'Kind', width: 10 },
      { header: 'Question', width: 50, wrap: true },
      { header: 'Asked by', width: 28, wrap: true },
      { header: 'Asked at (UTC)', width: 17, numFmt: FORMAT.timestamp },
      { header: 'Answer', width: 60, wrap: true },
      { header: 'Answered by', width: 20 },
      { header: 'Answered at (UTC)', width: 17, numFmt: FORMAT.timestamp },
      { header: 'Shared', width: 26, wrap: true },
      { header: 'Why private', width: 34, wrap: true },
      { header: 'Published at (UTC)', width: 17, numFmt: FORMAT.timestamp },
    ],
    freezeColumns: 1,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  await sheet.header();
  for (const entry of record.clarifications) {
    await sheet.add([
      entry.number,
      entry.kind === 'question' ? 'Question' : 'Notice',
      entry.question,
      entry.askedBy ? `${entry.askedBy.organisationName} (${entry.askedBy.name})` : null,
      entry.askedAt,
      entry.answer,
      entry.answeredBy,
      entry.answeredAt,
      CLARIFICATION_STATUS_LABELS[entry.status],
      entry.privateReason,
      entry.publishedAt,
    ]);
  }
  sheet.finish();
}
