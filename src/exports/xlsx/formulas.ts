/*
 * The workbook's formulas: SCORING.md written in spreadsheet language, so procurement can
 * audit every total cell by cell. They never decide anything the engine did not: each is
 * written with the engine's value cached beside it, and the LibreOffice test recalculates
 * the workbook and checks every total against GET /results. Pure.
 */
import { PANEL_GROUPS } from '../../criteria/domain';
import type { Aggregation, PriceFormula } from '../../results/engine';
import type { RecordCriterion } from '../../results/evaluation/evaluation-record';
import { absolute, columnLetter } from './sheet-writer';
import { COLUMN, NAME, SHEET, type CellRanges, type RowRange } from './plan';

const scoresRange = ([first, last]: RowRange): string => {
  const column = columnLetter(COLUMN.scoresScore);
  return `${SHEET.scores}!$${column}$${first}:$${column}$${last}`;
};

/**
 * §3.2, the panel score of a bid on a criterion: the mean (or median) of the counted
 * scores; with group weights, each group aggregated alone, then weighted over the groups
 * that scored (the weights renormalised over them). Null when no group with weight scored.
 */
export function panelScoreFormula(
  criterion: RecordCriterion,
  criteriaRow: number,
  ranges: CellRanges,
  aggregation: Aggregation,
): string | null {
  const aggregate = aggregation === 'mean' ? 'AVERAGE' : 'MEDIAN';
  if (!criterion.groupWeights) return `${aggregate}(${scoresRange(ranges.all)})`;
  const weightColumn = { lived_experience: COLUMN.criteriaLivedWeight, professional: COLUMN.criteriaProfessionalWeight };
  const terms: { weight: string; score: string }[] = [];
  let weightTotal = 0;
  for (const group of PANEL_GROUPS) {
    const range = ranges.byGroup[group];
    const weight = criterion.groupWeights[group];
    if (!range || weight === undefined) continue;
    weightTotal += weight;
    terms.push({
      weight: absolute(SHEET.criteria, weightColumn[group], criteriaRow),
      score: `${aggregate}(${scoresRange(range)})`,
    });
  }
  if (terms.length === 0 || weightTotal === 0) return null;
  const numerator = terms.map((term) => `${term.weight}*${term.score}`).join('+');
  const denominator = terms.map((term) => term.weight).join('+');
  return `(${numerator})/(${denominator})`;
}

/** The current moderated version's score on the Moderation sheet. */
export const moderatedScoreFormula = (moderationRow: number): string =>
  absolute(SHEET.moderation, COLUMN.moderationScore, moderationRow);

/** §3, percentage points earned: weight × (score − min) / (max − min). */
export function weightedFormula(criteriaRow: number, scoreCell: string): string {
  const weight = absolute(SHEET.criteria, COLUMN.criteriaWeight, criteriaRow);
  return `${weight}*(${scoreCell}-${NAME.scaleMin})/(${NAME.scaleMax}-${NAME.scaleMin})`;
}

/** The price leaf's weighted score is the Price sheet's, where the formula is written out. */
export const priceScoreReference = (priceRow: number): string => absolute(SHEET.price, COLUMN.priceScore, priceRow);

/**
 * §4 over eligible bids only (§5): an ineligible bid gets "" (blank), which SUM and
 * SUMIF skip, so its total is the sum of its other weighted scores.
 */
export function priceFormula(formula: PriceFormula, eligibleCell: string, priceCell: string): string {
  const { priceWeight: weight, lowestPrice: lowest, highestPrice: highest } = NAME;
  let score: string;
  switch (formula) {
    case 'lowest_ratio':
      score = `${weight}*${lowest}/${priceCell}`;
      break;
    case 'linear_deviation':
      score = `${weight}*MAX(0,1-(${priceCell}-${lowest})/${lowest})`;
      break;
    case 'min_max_linear':
      score = `IF(${highest}=${lowest},${weight},${weight}*(${highest}-${priceCell})/(${highest}-${lowest}))`;
      break;
  }
  return `IF(${eligibleCell}="Yes",${score},"")`;
}

/**
 * §4: an eligible bid priced below `ratio × mean eligible price` — a flag, never an
 * exclusion. Nested IFs rather than AND(), which would evaluate the mean (an error when
 * no bid is eligible) even for an ineligible bid.
 */
export const abnormallyLowFormula = (eligibleCell: string, priceCell: string): string =>
  `IF(${eligibleCell}="Yes",IF(${priceCell}<${NAME.abnormallyLowRatio}*${NAME.meanPrice},"Abnormally low",""),"")`;

export const PRICE_FORMULA_WORDS: Record<PriceFormula, string> = {
  lowest_ratio: 'Lowest ratio: price weight × lowest eligible price ÷ price',
  linear_deviation: 'Linear deviation: price weight × max(0, 1 − (price − lowest) ÷ lowest), over eligible prices',
  min_max_linear:
    'Min–max linear: price weight × (highest − price) ÷ (highest − lowest) over eligible prices; full weight when all are equal',
};

/**
 * §6 subtotal of one category for one bid: the Matrix leaves whose category cell reads
 * like the label cell, summed, rounded half-up to 2 decimals once (Excel's and
 * LibreOffice's ROUND round halves away from zero, as the engine does).
 */
export function subtotalFormula(labelCells: string[], firstRow: number, lastRow: number, weightedColumn: number): string {
  const category = columnLetter(COLUMN.matrixCategory);
  const weighted = columnLetter(weightedColumn);
  const sums = labelCells.map(
    (label) => `SUMIF($${category}$${firstRow}:$${category}$${lastRow},${label},${weighted}$${firstRow}:${weighted}$${lastRow})`,
  );
  return `ROUND(${sums.join('+')},2)`;
}

/** §6 total: every weighted score of the bid, rounded once. */
export function totalFormula(firstRow: number, lastRow: number, weightedColumn: number): string {
  const weighted = columnLetter(weightedColumn);
  return `ROUND(SUM(${weighted}${firstRow}:${weighted}${lastRow}),2)`;
}
