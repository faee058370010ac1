import { fromHundredths } from '../../common/domain/decimals';
import type * as ExcelJS from 'exceljs';
import type { CriterionResult } from '../../results/engine';
import {
  CATEGORY_LABELS,
  cellKey,
  type EvaluationRecord,
  type RecordCriterion,
} from '../../results/evaluation/evaluation-record';
import {
  moderatedScoreFormula,
  panelScoreFormula,
  priceScoreReference,
  subtotalFormula,
  totalFormula,
  weightedFormula,
} from './formulas';
import { KIND_LABELS } from './criteria.sheet';
import { COLUMN, MATRIX_HEADER_ROW, SHEET, SUBTOTALS, type SubtotalKey, type WorkbookPlan } from './plan';
import {
  absolute,
  addSheet,
  BOLD,
  columnLetter,
  formula,
  FORMAT,
  HEADER_STYLE,
  styled,
  type CellInput,
  type ColumnSpec,
} from './sheet-writer';

const GATE_WORDS = { true: 'Pass', false: 'Fail' } as const;

/**
 * Criteria × bids: for each bid a score column and a weighted-score column.
 * - Score: a formula over the Scores sheet (AVERAGE or MEDIAN of the counted scores, or
 *   the group-weighted form), or a reference to the current moderated version on the
 *   Moderation sheet; blank when missing; Pass/Fail on gates.
 * - Weighted: `Criteria!weight × (score − ScaleMin) ÷ (ScaleMax − ScaleMin)`; on the price
 *   leaf a reference to the Price sheet, blank for an ineligible bid (SCORING.md §5).
 * - Below the leaves: the category subtotals and the total, ROUND(SUMIF(…), 2), which the
 *   Summary sheet reads.
 * Cached values are the engine's, unrounded for scores and weighted scores (the cell
 * format shows 2 decimals), rounded as GET /results for subtotals and totals.
 */
export async function writeMatrix(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  record: EvaluationRecord,
  plan: WorkbookPlan,
): Promise<void> {
  const bidColumns: ColumnSpec[] = record.bids.flatMap((bid) => [
    { header: 'Score', width: 9, numFmt: FORMAT.score },
    { header: `Weighted (${bid.label})`, width: 11, numFmt: FORMAT.points },
  ]);
  const sheet = addSheet(workbook, {
    name: SHEET.matrix,
    columns: [
      { header: 'Code', width: 9 },
      { header: 'Criterion', width: 40, wrap: true },
      { header: 'Kind', width: 10 },
      { header: 'Category', width: 20 },
      { header: 'Weight (% of tender)', width: 11, numFmt: FORMAT.weight },
      ...bidColumns,
    ],
    headerRow: MATRIX_HEADER_ROW,
    freezeColumns: COLUMN.matrixFirstBid - 1,
    reference: record.tender.reference,
    title: record.tender.title,
  });
  // Row 1: each bid's label and name over its two columns (merged before the row is
  // committed: the streaming writer cannot touch a row afterwards); row 2: column headers.
  for (const bid of record.bids) {
    const column = plan.matrixScoreColumn.get(bid.id)!;
    sheet.sheet.mergeCells(1, column, 1, column + 1);
  }
  await sheet.add(
    [null, null, null, null, 'Bid →', ...record.bids.flatMap((bid) => [`${bid.label}: ${bid.bidderName}`, null])],
    HEADER_STYLE,
  );
  await sheet.header();

  const results = new Map(record.result.bids.map((bid) => [bid.bidId, new Map(bid.criteria.map((c) => [c.criterionId, c]))]));
  const gates = new Map(record.compliance.map((entry) => [cellKey(entry.bidId, entry.criterionId), entry.passed]));
  for (const leaf of plan.leaves) {
    const criteriaRow = plan.criteriaRow.get(leaf.id)!;
    const cells: CellInput[] = [
      leaf.code,
      leaf.title,
      KIND_LABELS[leaf.kind],
      leaf.category ? CATEGORY_LABELS[leaf.category] : null,
      formula(absolute(SHEET.criteria, COLUMN.criteriaWeight, criteriaRow), fromHundredths(leaf.weightHundredths)),
    ];
    const row = plan.matrixRow.get(leaf.id)!;
    for (const bid of record.bids) {
      if (leaf.kind === 'pass_fail') {
        const passed = gates.get(cellKey(bid.id, leaf.id));
        cells.push(passed === undefined ? 'Not recorded' : GATE_WORDS[`${passed}`], null);
        continue;
      }
      const outcome = results.get(bid.id)!.get(leaf.id)!;
      const scoreColumn = plan.matrixScoreColumn.get(bid.id)!;
      cells.push(...bidCells(record, plan, leaf, criteriaRow, bid.id, outcome, `${columnLetter(scoreColumn)}${row}`));
    }
    if ((await sheet.add(cells)) !== row) throw new Error(`Matrix row of ${leaf.code} differs from the plan`);
  }

  await sheet.add([]);
  await writeSubtotals(sheet.add.bind(sheet), record, plan);
  sheet.sheet.autoFilter = `A${MATRIX_HEADER_ROW}:${columnLetter(COLUMN.matrixFirstBid - 1 + 2 * record.bids.length)}${plan.matrixLastLeafRow}`;
  sheet.finish(false);
}

function bidCells(
  record: EvaluationRecord,
  plan: WorkbookPlan,
  leaf: RecordCriterion,
  criteriaRow: number,
  bidId: string,
  outcome: CriterionResult,
  scoreCell: string,
): CellInput[] {
  if (outcome.source === 'price') {
    const weighted = outcome.weighted ? outcome.weighted.toNumber() : '';
    return [null, formula(priceScoreReference(plan.priceRow.get(bidId)!), weighted)];
  }
  if (outcome.source === 'missing' || !outcome.score) return [null, null];
  const key = cellKey(bidId, leaf.id);
  let score: string | null;
  if (outcome.source === 'moderated') {
    score = moderatedScoreFormula(plan.moderationRow.get(key)!);
  } else {
    const ranges = plan.scoreRanges.get(key);
    score = ranges ? panelScoreFormula(leaf, criteriaRow, ranges, record.tender.aggregation) : null;
  }
  if (score === null) throw new Error(`No formula reproduces the ${outcome.source} score of ${leaf.code} for bid ${bidId}`);
  return [
    formula(score, outcome.score.toNumber()),
    formula(weightedFormula(criteriaRow, scoreCell), outcome.weighted!.toNumber()),
  ];
}

async function writeSubtotals(
  add: (cells: CellInput[]) => Promise<number>,
  record: EvaluationRecord,
  plan: WorkbookPlan,
): Promise<void> {
  const { matrixFirstLeafRow: first, matrixLastLeafRow: last, matrixSubtotalRow: rowOf } = plan;
  const label = (key: SubtotalKey) => `$B$${rowOf[key]}`;
  const presented = new Map(record.presented.bids.map((bid) => [bid.bidId, bid]));
  for (const subtotal of SUBTOTALS) {
    const labels =
      subtotal.key === 'wider_outcomes'
        ? [label('social_outcome'), label('economic_outcome'), label('environmental_outcome')]
        : [label(subtotal.key)];
    const cells: CellInput[] = [null, styled(subtotal.label, BOLD), null, null, null];
    for (const bid of record.bids) {
      const weightedColumn = plan.matrixScoreColumn.get(bid.id)! + 1;
      const shown = presented.get(bid.id)!;
      const cached = subtotal.key === 'total' ? shown.total : shown.byCategory[subtotal.key];
      const text =
        subtotal.key === 'total'
          ? totalFormula(first, last, weightedColumn)
          : subtotalFormula(labels, first, last, weightedColumn);
      cells.push(null, styled(formula(text, cached), BOLD));
    }
    const row = await add(cells);
    if (row !== rowOf[subtotal.key]) throw new Error(`Matrix subtotal row of ${subtotal.key} differs from the plan`);
  }
}
