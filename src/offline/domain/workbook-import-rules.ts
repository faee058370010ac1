/*
 * What a returned offline workbook may say (docs/PANEL.md "Offline workbook"): the member
 * and tender it was made for, signed; no formulas; each filled row a score on the tender's
 * scale with a reason, on a bid and criterion the member still scores, not yet submitted.
 * Every problem names the sheet and cell. Pure: the reader hands over plain values.
 */
import { DomainError, type FieldProblem } from '../../common/domain/domain-error';
import {
  IDENTITY_CELLS,
  IDENTITY_SHEET,
  SCORES_SHEET,
  WORKBOOK_FORMAT,
  type RowKey,
  type WorkbookIdentity,
} from './workbook-identity';

/** The Scores sheet's columns (row 1 is the header). */
export const SCORE_COLUMNS = {
  bid: 'A',
  criterion: 'B',
  question: 'C',
  guidance: 'D',
  answer: 'E',
  score: 'F',
  reason: 'G',
  bidId: 'H',
  criterionId: 'I',
} as const;

/** The longest reason kept (as a score saved in the pages: RATIONALE_MAX_LENGTH). */
export const REASON_MAX_LENGTH = 10_000;

/** One Scores row as read: plain values, never formulas (those are refused before). */
export interface ReadRow extends RowKey {
  row: number;
  /** The score cell: a number, text, or null when empty. */
  score: number | string | null;
  /** The reason cell's text, or null when empty. */
  reason: string | null;
}

export interface ReadWorkbook {
  identity: WorkbookIdentity | null;
  rows: ReadRow[];
  /** `Sheet!A1` of every cell holding a formula, in any sheet. */
  formulaCells: string[];
}

/** What the import expects: the member, tender, scale, and the bid × criterion pairs they score now. */
export interface ImportFrame {
  tenderId: string;
  memberId: string;
  scale: { min: number; max: number };
  /** `bidId:criterionId` of every pair the member scores now. */
  scorable: ReadonlySet<string>;
  /** `bidId:criterionId` of pairs whose score the member has submitted. */
  submitted: ReadonlySet<string>;
  /** Bid id → the bid's name as the member sees it (for messages). */
  bidNames: ReadonlyMap<string, string>;
}

/** A score to store as a draft. */
export interface ImportedScore extends RowKey {
  row: number;
  score: number;
  reason: string;
  /** The cells, for naming them if a scoring rule refuses the value. */
  scoreCell: string;
  reasonCell: string;
}

export const cellName = (sheet: string, column: string, row: number): string => `${sheet}!${column}${row}`;
const identityCell = (key: keyof typeof IDENTITY_CELLS) => `${IDENTITY_SHEET}!${IDENTITY_CELLS[key]}`;

/** The workbook is the one made for this member of this tender (the signature is checked by the caller). */
export function identityProblems(read: ReadWorkbook, frame: ImportFrame, signatureValid: boolean): FieldProblem[] {
  const { identity } = read;
  if (!identity || identity.format !== WORKBOOK_FORMAT) {
    return [
      {
        field: identityCell('format'),
        message:
          'This is not an offline scoring workbook from this service, or its hidden identity sheet was removed. Download the member’s workbook again.',
      },
    ];
  }
  if (identity.tenderId !== frame.tenderId) {
    return [
      {
        field: identityCell('tenderId'),
        message: 'This workbook is for another tender. Upload the workbook made for this tender.',
      },
    ];
  }
  if (identity.memberId !== frame.memberId) {
    return [
      {
        field: identityCell('memberId'),
        message: 'This workbook is for another panel member. Upload the workbook made for this member.',
      },
    ];
  }
  if (!signatureValid) {
    return [
      {
        field: identityCell('signature'),
        message:
          'The workbook’s signature does not match: its hidden identity or row keys were changed. Copy the scores into a freshly downloaded workbook.',
      },
    ];
  }
  return [];
}

export function formulaProblems(read: ReadWorkbook): FieldProblem[] {
  return read.formulaCells.map((field) => ({
    field,
    message: `${field} holds a formula. Formulas are not accepted: type the score or reason itself.`,
  }));
}

/**
 * The filled rows as scores, or every problem with them: a score without a reason or the
 * reverse, a score off the scale or not a whole number, a row for a pair the member no
 * longer scores, a score the member has already submitted (409, listed apart).
 */
export function planImport(
  read: ReadWorkbook,
  frame: ImportFrame,
): { scores: ImportedScore[]; problems: FieldProblem[]; submitted: FieldProblem[] } {
  const scores: ImportedScore[] = [];
  const problems: FieldProblem[] = [];
  const submitted: FieldProblem[] = [];
  const { min, max } = frame.scale;
  for (const row of read.rows) {
    const scoreCell = cellName(SCORES_SHEET, SCORE_COLUMNS.score, row.row);
    const reasonCell = cellName(SCORES_SHEET, SCORE_COLUMNS.reason, row.row);
    const reason = row.reason?.trim() ?? '';
    const rawScore = typeof row.score === 'string' ? row.score.trim() : row.score;
    if ((rawScore === null || rawScore === '') && reason === '') continue;
    const key = `${row.bidId}:${row.criterionId}`;
    const bid = frame.bidNames.get(row.bidId) ?? 'this bid';
    if (!frame.scorable.has(key)) {
      problems.push({
        field: cellName(SCORES_SHEET, SCORE_COLUMNS.bid, row.row),
        message: `Row ${row.row} is for a bid or question this member does not score now (a conflict may have been declared since). Clear the row, or download a new workbook.`,
      });
      continue;
    }
    if (frame.submitted.has(key)) {
      submitted.push({
        field: scoreCell,
        message: `${scoreCell}: the scores for ${bid} were already submitted, so they cannot be changed by importing a workbook.`,
      });
      continue;
    }
    const score =
      typeof rawScore === 'number' ? rawScore : rawScore !== null && /^-?\d+$/.test(rawScore) ? Number(rawScore) : NaN;
    if (rawScore === null || rawScore === '') {
      problems.push({
        field: scoreCell,
        message: `${scoreCell} is empty but the row has a reason: choose a score from ${min} to ${max}.`,
      });
    } else if (!Number.isInteger(score) || score < min || score > max) {
      problems.push({
        field: scoreCell,
        message: `${scoreCell} must be a whole number from ${min} to ${max}: choose one from the list.`,
      });
    }
    if (reason === '') {
      problems.push({ field: reasonCell, message: `${reasonCell} is empty: write why you gave this score.` });
    } else if (reason.length > REASON_MAX_LENGTH) {
      problems.push({ field: reasonCell, message: `${reasonCell} is longer than ${REASON_MAX_LENGTH} characters: shorten it.` });
    }
    if (Number.isInteger(score) && score >= min && score <= max && reason !== '' && reason.length <= REASON_MAX_LENGTH) {
      scores.push({ bidId: row.bidId, criterionId: row.criterionId, row: row.row, score, reason, scoreCell, reasonCell });
    }
  }
  return { scores, problems, submitted };
}

/** The one refusal for a workbook: every problem, each naming its cell. */
export function workbookRefused(
  problems: FieldProblem[],
  code: 'rule_violation' | 'invalid_state' = 'rule_violation',
): DomainError {
  const more = problems.length > 1 ? ` ${problems.length - 1} more problem${problems.length > 2 ? 's are' : ' is'} listed.` : '';
  return new DomainError(code, `Nothing was imported. ${problems[0].message}${more}`, {
    errors: problems.slice(0, 200),
  });
}

/** Nothing to import: every row was empty. */
export function nothingFilled(): DomainError {
  return new DomainError('rule_violation', 'Nothing was imported: the workbook has no scores filled in.', {
    errors: [
      {
        field: cellName(SCORES_SHEET, SCORE_COLUMNS.score, 2),
        message: 'No row has a score and a reason. Fill in the Score and Reason columns, then upload it again.',
      },
    ],
  });
}
