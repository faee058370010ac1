/*
 * Where everything lands in the workbook, worked out before a single row is written: the
 * streaming writer writes each sheet once, top to bottom, so a sheet that refers to a
 * later one (Summary → Matrix → Scores, Moderation, Price) needs the positions first.
 * Pure.
 */
import type { PanelGroup } from '../../criteria/domain';
import { cellKey, type EvaluationRecord, type RecordCriterion } from '../../results/evaluation/evaluation-record';

export const SHEET = {
  cover: 'Cover',
  summary: 'Summary',
  criteria: 'Criteria',
  matrix: 'Matrix',
  scores: 'Scores',
  moderation: 'Moderation',
  price: 'Price',
  robustness: 'Robustness',
  panel: 'Panel',
  commitments: 'Commitments',
  compliance: 'Compliance',
  clarifications: 'Clarifications',
} as const;

/** Defined names the formulas use, so an auditor reads `ScaleMax`, not `Cover!$B$14`. */
export const NAME = {
  scaleMin: 'ScaleMin',
  scaleMax: 'ScaleMax',
  priceWeight: 'PriceWeight',
  lowestPrice: 'LowestPrice',
  highestPrice: 'HighestPrice',
  meanPrice: 'MeanPrice',
  abnormallyLowRatio: 'AbnormallyLowRatio',
} as const;

/** Columns other sheets refer to (1-based). */
export const COLUMN = {
  criteriaWeight: 6,
  criteriaLivedWeight: 9,
  criteriaProfessionalWeight: 10,
  scoresScore: 8,
  moderationScore: 6,
  priceEligiblePrice: 5,
  priceScore: 6,
  /** Matrix: A code, B criterion, C kind, D category, E weight; then score and weighted per bid. */
  matrixCategory: 4,
  matrixFirstBid: 6,
} as const;

export const MATRIX_HEADER_ROW = 2;
export const PRICE_HEADER_ROW = 8;

export const SUBTOTALS = [
  { key: 'quality', label: 'Quality' },
  { key: 'co_production', label: 'Co-production' },
  { key: 'social_outcome', label: 'Social outcome' },
  { key: 'economic_outcome', label: 'Economic outcome' },
  { key: 'environmental_outcome', label: 'Environmental outcome' },
  { key: 'wider_outcomes', label: 'Wider outcomes' },
  { key: 'price', label: 'Price' },
  { key: 'total', label: 'Total' },
] as const;
export type SubtotalKey = (typeof SUBTOTALS)[number]['key'];

/** First and last row of a contiguous block. */
export type RowRange = readonly [number, number];

export interface CellRanges {
  /** Every counted score of the bid × criterion. */
  all: RowRange;
  byGroup: Partial<Record<PanelGroup, RowRange>>;
}

export interface WorkbookPlan {
  criteriaRow: Map<string, number>;
  /** Scored, price and pass/fail leaves in tree order: the Matrix rows. */
  leaves: RecordCriterion[];
  matrixRow: Map<string, number>;
  matrixFirstLeafRow: number;
  matrixLastLeafRow: number;
  matrixSubtotalRow: Record<SubtotalKey, number>;
  /** Matrix column of the bid's score; its weighted score is the next column. */
  matrixScoreColumn: Map<string, number>;
  /** Counted scores on the Scores sheet, per bid × criterion. */
  scoreRanges: Map<string, CellRanges>;
  /** The Moderation sheet row of the current version, per bid × criterion. */
  moderationRow: Map<string, number>;
  priceRow: Map<string, number>;
}

export function planWorkbook(record: EvaluationRecord): WorkbookPlan {
  const criteriaRow = new Map(record.criteria.map((criterion, index) => [criterion.id, index + 2]));
  const leaves = record.criteria.filter((criterion) => criterion.kind !== 'section');
  const matrixFirstLeafRow = MATRIX_HEADER_ROW + 1;
  const matrixRow = new Map(leaves.map((leaf, index) => [leaf.id, matrixFirstLeafRow + index]));
  const matrixLastLeafRow = matrixFirstLeafRow + Math.max(leaves.length, 1) - 1;
  const matrixSubtotalRow = Object.fromEntries(
    SUBTOTALS.map((subtotal, index) => [subtotal.key, matrixLastLeafRow + 2 + index]),
  ) as Record<SubtotalKey, number>;
  const matrixScoreColumn = new Map(record.bids.map((bid, index) => [bid.id, COLUMN.matrixFirstBid + 2 * index]));

  const scoreRanges = countedScoreRanges(record);

  const moderationRow = new Map<string, number>();
  record.moderated.forEach((version, index) => {
    if (version.current) moderationRow.set(cellKey(version.bidId, version.criterionId), index + 2);
  });
  const priceRow = new Map(record.bids.map((bid, index) => [bid.id, PRICE_HEADER_ROW + 1 + index]));
  return {
    criteriaRow,
    leaves,
    matrixRow,
    matrixFirstLeafRow,
    matrixLastLeafRow,
    matrixSubtotalRow,
    matrixScoreColumn,
    scoreRanges,
    moderationRow,
    priceRow,
  };
}

/**
 * Where each cell's counted scores sit on the Scores sheet: the sheet holds the planned
 * cells in order (record.scoreCells), each block counted scores first, lived experience
 * then professional (orderScores, checked batch by batch as the rows are read), so the
 * Matrix formulas can average whole row blocks.
 */
function countedScoreRanges(record: EvaluationRecord): Map<string, CellRanges> {
  const ranges = new Map<string, CellRanges>();
  let row = 2;
  for (const cell of record.scoreCells) {
    const lived = cell.counted.lived_experience ?? 0;
    const professional = cell.counted.professional ?? 0;
    if (lived + professional > 0) {
      const byGroup: CellRanges['byGroup'] = {};
      if (lived) byGroup.lived_experience = [row, row + lived - 1];
      if (professional) byGroup.professional = [row + lived, row + lived + professional - 1];
      ranges.set(cellKey(cell.bidId, cell.criterionId), { all: [row, row + lived + professional - 1], byGroup });
    }
    row += cell.total;
  }
  return ranges;
}
