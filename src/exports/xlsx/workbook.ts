import type { Writable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { xlsxText } from '../cell-safety';
import { PROTECTIVE_MARKING } from '../domain/export-rules';
import type { EvaluationRecord } from '../../results/evaluation/evaluation-record';
import { writeClarifications } from './clarifications.sheet';
import { writeCommitments } from './commitments.sheet';
import { writeCompliance } from './compliance.sheet';
import { writeCover } from './cover.sheet';
import { writeCriteria } from './criteria.sheet';
import { writeMatrix } from './matrix.sheet';
import { writeModeration } from './moderation.sheet';
import { writePanel } from './panel.sheet';
import { planWorkbook } from './plan';
import { stopWritingWhen } from './sheet-writer';
import { writePrice } from './price.sheet';
import { writeRobustness } from './robustness.sheet';
import { writeScores } from './scores.sheet';
import { writeSummary } from './summary.sheet';

/**
 * Streams the evaluation workbook into `output` with exceljs's streaming writer: each
 * sheet is written top to bottom and committed, so a 200-bid tender never holds its
 * Scores sheet in memory as cells. Text goes into the shared-strings table (string cells,
 * `t="s"`); formulas are only those the sheet modules build. Resolves when the last byte
 * has been handed to `output` (which the writer ends).
 */
export async function writeEvaluationWorkbook(record: EvaluationRecord, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  const properties = workbook as unknown as Record<'creator' | 'lastModifiedBy' | 'title' | 'subject' | 'keywords', string> &
    Record<'created' | 'modified', Date>;
  properties.creator = 'Tender Scorer';
  properties.lastModifiedBy = 'Tender Scorer';
  properties.created = record.generatedAt;
  properties.modified = record.generatedAt;
  properties.title = xlsxText(`Evaluation matrix: ${record.tender.reference}`);
  properties.subject = xlsxText(record.tender.title);
  properties.keywords = PROTECTIVE_MARKING;
  stopWritingWhen(workbook, () => output.destroyed);
  const plan = planWorkbook(record);
  await writeCover(workbook, record);
  await writeSummary(workbook, record, plan);
  await writeCriteria(workbook, record, plan);
  await writeMatrix(workbook, record, plan);
  await writeScores(workbook, record);
  await writeModeration(workbook, record);
  await writePrice(workbook, record, plan);
  await writeRobustness(workbook, record, plan);
  await writePanel(workbook, record);
  await writeCommitments(workbook, record);
  await writeCompliance(workbook, record);
  await writeClarifications(workbook, record);
  await workbook.commit();
}
