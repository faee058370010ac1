/*
 * What an uploaded offline workbook may be, checked on the zip before any spreadsheet
 * library parses it (docs/PANEL.md "Offline workbook"): a returned workbook is a file from
 * outside, and a small zip can inflate to gigabytes or hold a million rows. Pure.
 */
import { DomainError, type FieldProblem } from '../../common/domain/domain-error';

const MIB = 1024 * 1024;

export const WORKBOOK_LIMITS = {
  /** The file as uploaded. */
  uploadBytes: 10 * MIB,
  /** Parts in the zip (an exported workbook has about 12; Excel or LibreOffice add a few). */
  entries: 40,
  /** One part, inflated. */
  entryBytes: 25 * MIB,
  /** Every part together, inflated: what the spreadsheet library would hold in memory. */
  totalBytes: 40 * MIB,
  /** Rows in one sheet (the Scores sheet of 200 bids × 60 criteria has 12 001). */
  rowsPerSheet: 20_000,
} as const;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The parts a spreadsheet saved by Excel, LibreOffice or this service holds; anything else is refused. */
const ALLOWED_PARTS: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(app|core|custom)\.xml$/,
  /^docProps\/thumbnail\.(jpeg|png|wmf|emf)$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/(styles|sharedStrings|calcChain|metadata)\.xml$/,
  /^xl\/theme\/theme\d{1,3}\.xml$/,
  /^xl\/worksheets\/sheet\d{1,3}\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d{1,3}\.xml\.rels$/,
  /^xl\/printerSettings\/printerSettings\d{1,3}\.bin$/,
  /^xl\/comments\d{1,3}\.xml$/,
  /^xl\/drawings\/vmlDrawing\d{1,3}\.vml$/,
  /^xl\/persons\/person\.xml$/,
  /^xl\/threadedComments\/threadedComment\d{1,3}\.xml$/,
];

/** The sheet parts whose rows are counted while they inflate. */
export const SHEET_PART = /^xl\/worksheets\/sheet\d{1,3}\.xml$/;

/** A zip refused before parsing: 422, each problem naming the part (or the file) and the rule. */
export function zipRefused(problems: FieldProblem[]): DomainError {
  return new DomainError(
    'rule_violation',
    `This file cannot be imported: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    { errors: problems },
  );
}

/** Why a zip entry's name is refused, or null: only the parts of a spreadsheet, never a path outside it. */
export function entryNameProblem(name: string): string | null {
  if (name.endsWith('/')) return null; // a folder entry holds nothing
  if (name.includes('\\') || name.startsWith('/') || name.split('/').includes('..') || hasControlCharacter(name)) {
    return `The part "${printable(name)}" points outside the workbook. Save the workbook again from the spreadsheet program and upload that.`;
  }
  if (!ALLOWED_PARTS.some((pattern) => pattern.test(name))) {
    return `The part "${printable(name)}" is not part of a plain workbook (macros, links to other files and embedded objects are not accepted). Save it again as an Excel workbook (.xlsx) without them.`;
  }
  return null;
}

/** Problems with the sizes the zip's central directory declares, before anything is inflated. */
export function declaredProblems(entries: readonly { name: string; uncompressedSize: number }[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (entries.length > WORKBOOK_LIMITS.entries) {
    problems.push({
      field: 'workbook',
      message: `The file has ${entries.length} parts; a workbook has at most ${WORKBOOK_LIMITS.entries}. Upload the workbook you were sent.`,
    });
    return problems;
  }
  let total = 0;
  for (const entry of entries) {
    const nameProblem = entryNameProblem(entry.name);
    if (nameProblem) problems.push({ field: partField(entry.name), message: nameProblem });
    else if (entry.uncompressedSize > WORKBOOK_LIMITS.entryBytes) problems.push(tooLarge(entry.name));
    total += entry.uncompressedSize;
  }
  if (problems.length === 0 && total > WORKBOOK_LIMITS.totalBytes) problems.push(tooLargeInTotal());
  return problems;
}

export function tooLarge(name: string): FieldProblem {
  return {
    field: partField(name),
    message: `The part "${printable(name)}" is larger than ${WORKBOOK_LIMITS.entryBytes / MIB} MB when unpacked, far more than a scoring workbook holds.`,
  };
}

export function tooLargeInTotal(): FieldProblem {
  return {
    field: 'workbook',
    message: `The workbook is larger than ${WORKBOOK_LIMITS.totalBytes / MIB} MB when unpacked, far more than a scoring workbook holds.`,
  };
}

export function tooManyRows(sheet: string): FieldProblem {
  return {
    field: sheet,
    message: `The sheet "${sheet}" has more than ${WORKBOOK_LIMITS.rowsPerSheet} rows; a scoring workbook has one row per bid and criterion.`,
  };
}

export function partField(name: string): string {
  return `workbook:${printable(name)}`;
}

function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => c.charCodeAt(0) < 32);
}

function printable(name: string): string {
  return [...name]
    .map((c) => (c.charCodeAt(0) < 32 ? '?' : c))
    .join('')
    .slice(0, 120);
}

/**
 * Counts `<row` elements in a sheet part as it inflates, chunk by chunk, without keeping
 * the text (a tag split across two chunks is counted once).
 */
export class RowCounter {
  private carry = '';
  count = 0;

  push(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    const pattern = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
    let last = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      this.count += 1;
      last = match.index + match[0].length;
    }
    // Keep a tail that could start a tag, never one already counted.
    const tail = Math.max(last, text.length - 40);
    this.carry = text.slice(tail);
  }
}

/** Sheet part path → sheet name, from xl/workbook.xml and its relationships (both small, read whole). */
export function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1] ?? /\bid="([^"]+)"/.exec(match[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) names.set(part, decodeXml(name));
  }
  return names;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
