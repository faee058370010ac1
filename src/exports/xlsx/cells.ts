import type * as ExcelJS from 'exceljs';
import { xlsxText } from '../cell-safety';

/*
 * What a workbook cell can hold, and how the service writes it. Text is always a string
 * cell (cell-safety.ts); a formula exists only as a `Formula` this service builds.
 */

/** A formula the service wrote, with the engine's value cached for readers that do not recalculate. */
export interface Formula {
  kind: 'formula';
  formula: string;
  result: number | string | null;
}

export const formula = (text: string, result: number | string | null): Formula => ({ kind: 'formula', formula: text, result });

export interface Styled {
  kind: 'styled';
  value: Value;
  style: Partial<ExcelJS.Style>;
}

export type Value = string | number | Date | null | undefined | Formula;
export type CellInput = Value | Styled;

export const styled = (value: Value, style: Partial<ExcelJS.Style>): Styled => ({ kind: 'styled', value, style });

/** Number formats. */
export const FORMAT = {
  score: '0.00',
  points: '0.00',
  weight: '0.00',
  integer: '0',
  percent: '0%',
  pounds: '"£"#,##0.00',
  timestamp: 'yyyy-mm-dd hh:mm',
} as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: HEADER_FILL,
  alignment: { vertical: 'middle', wrapText: true },
  border: { bottom: { style: 'thin' } },
};
export const BOLD: Partial<ExcelJS.Style> = { font: { bold: true } };

const LETTERS: string[] = [];

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  const known = LETTERS[column];
  if (known !== undefined) return known;
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  if (column < 1024) LETTERS[column] = letters;
  return letters;
}

/** `Sheet!$C$7` */
export const absolute = (sheet: string, column: number, row: number): string => `${sheet}!$${columnLetter(column)}$${row}`;

// exceljs's ValueType numbers, which decide a style's default number format.
export const NUMBER = 2;
export const STRING = 3;
export const DATE = 4;

export const finite = (value: number): number => {
  if (!Number.isFinite(value)) throw new RangeError(`Cell value ${value} is not a finite number`);
  return value;
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string): string =>
  /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (character) => XML_ESCAPES[character]) : text;

export const isStyled = (input: CellInput): input is Styled =>
  typeof input === 'object' && input !== null && 'kind' in input && input.kind === 'styled';

export function toCellValue(value: Value): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return xlsxText(value);
  if (typeof value === 'number') return finite(value);
  if (value instanceof Date) return value;
  const result = typeof value.result === 'string' ? xlsxText(value.result) : value.result;
  return { formula: value.formula, result: result ?? undefined };
}

/** One cell of a row the service renders itself (see SheetWriter): text as an inline string, never a formula. */
export function cellXml(ref: string, style: number, value: Value): string {
  if (typeof value === 'string') {
    return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(xlsxText(value))}</t></is></c>`;
  }
  if (typeof value === 'number') return `<c r="${ref}" s="${style}"><v>${finite(value)}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}" s="${style}"><v>${value.getTime() / 86_400_000 + 25_569}</v></c>`;
  const { formula: text, result } = value!;
  const cached =
    result === null ? '' : typeof result === 'number' ? `<v>${finite(result)}</v>` : `<v>${escapeXml(xlsxText(result))}</v>`;
  return `<c r="${ref}" s="${style}"${typeof result === 'string' ? ' t="str"' : ''}><f>${escapeXml(text)}</f>${cached}</c>`;
}
