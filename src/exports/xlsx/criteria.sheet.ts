import { fromHundredths } from '../../common/domain/decimals';
import type * as ExcelJS from 'exceljs';
import {
  CATEGORY_LABELS,
  GROUP_LABELS,
  type EvaluationRecord,
  type RecordCriterion,
} from '../../results/evaluation/evaluation-record';
import { COLUMN, NAME, SHEET, type WorkbookPlan } from './plan';
import { addSheet, BOLD, columnLetter, formula, FORMAT, styled } from './sheet-writer';

export const KIND_LABELS: Record<RecordCriterion['kind'], string> = {
  section: 'Section',
  scored: 'Scored',
  price: 'Price',
  pass_fail: 'Pass/fail',
};

/**
 * The criteria tree, one row per node in tree order. The weight column (% of the whole
 * tender) and the group-weight columns are what the Matrix formulas read; PriceWeight is
 * a defined name on the price leaf's weight. Below the table, the top-level weights are
 * summed by a formula (100 for a published tender).
 */
export async function writeCriteria(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  record: EvaluationRecord,
  plan: WorkbookPlan,
): Promise<void> {
  const sheet = addSheet(workbook, {
    name: SHEET.criteria,
    columns: [
      { header: 'Code', width: 9 },
      { header: 'Criterion', width: 48, wrap: true },
      { header: 'Part of', width: 9 },
      { header: 'Kind', width: 10 },
      { header: 'Category', width: 20 },
      { header: 'Weight (% of tender)', width: 12, numFmt: FORMAT.weight },
      { header: 'Threshold (minimum score)', width: 12, numFmt: FORMAT.score },
      { header: 'Scored by', width: 28, wrap: true },
      { header: 'Lived-experience weight (%)', width: 14, numFmt: FORMAT.integer },
      { header: 'Professional weight (%)', width: 14, numFmt: FORMAT.integer },
      { header: 'Maximum words', width: 10, numFmt: FORMAT.integer },
      { header: 'Guidance', width: 60, wrap: true },
      { header: 'Plain-language guidance', width: 60, wrap: true },
    ],
    freezeColumns: 2,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  if (COLUMN.criteriaWeight !== 6 || COLUMN.criteriaLivedWeight !== 9 || COLUMN.criteriaProfessionalWeight !== 10) {
    throw new Error('Criteria sheet columns and the plan disagree');
  }
  await sheet.header();
  for (const criterion of record.criteria) {
    const row = await sheet.add([
      criterion.code,
      styled(criterion.title, { alignment: { indent: criterion.depth * 2, wrapText: true, vertical: 'top' } }),
      criterion.parentCode,
      KIND_LABELS[criterion.kind],
      criterion.category ? CATEGORY_LABELS[criterion.category] : null,
      fromHundredths(criterion.weightHundredths),
      criterion.threshold,
      criterion.kind === 'scored' ? criterion.scoredBy.map((group) => GROUP_LABELS[group]).join(', ') : null,
      criterion.groupWeights?.lived_experience ?? null,
      criterion.groupWeights?.professional ?? null,
      criterion.maxWords,
      criterion.guidance,
      criterion.plainGuidance,
    ]);
    if (row !== plan.criteriaRow.get(criterion.id)) throw new Error(`Criteria row of ${criterion.code} differs from the plan`);
    if (criterion.kind === 'price') workbook.definedNames.add(`${SHEET.criteria}!$F$${row}`, NAME.priceWeight);
  }
  const lastRow = sheet.row;
  const topLevel = record.criteria.filter((criterion) => criterion.parentId === null);
  const weight = columnLetter(COLUMN.criteriaWeight);
  await sheet.add([]);
  await sheet.add([
    null,
    styled('Top-level weights (should be 100)', BOLD),
    null,
    null,
    null,
    styled(
      formula(
        topLevel.length ? topLevel.map((criterion) => `${weight}${plan.criteriaRow.get(criterion.id)}`).join('+') : '0',
        fromHundredths(topLevel.reduce((total, criterion) => total + criterion.weightHundredths, 0)),
      ),
      BOLD,
    ),
  ]);
  sheet.sheet.autoFilter = `A1:${columnLetter(13)}${lastRow}`;
  sheet.finish(false);
}
