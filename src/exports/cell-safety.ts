/*
 * Text that bidders, panelists or commissioners wrote must never become a formula, a
 * hyperlink or a broken file when a spreadsheet opens an export (OWASP "CSV Injection").
 * Pure: the CSV and xlsx renderers and their tests use it without DI.
 *
 * - CSV: a field whose first character would start a formula in Excel, LibreOffice or
 *   Google Sheets (`=`, `+`, `-`, `@`, tab, CR, LF, or their full-width forms) is
 *   prefixed with a single quote `'`, then every text field is quoted per RFC 4180.
 * - xlsx: text is written as a string cell (exceljs writes a JS string as a shared or
 *   inline string, `t="s"` / `t="inlineStr"`, never `<f>`); formulas exist only where the
 *   service builds a `{ formula }` object itself. The text stays as written — no quote
 *   prefix — because the workbook is the record sent to legal. What xlsx cannot hold is
 *   made safe instead: line ends become LF, characters XML 1.0 forbids become U+FFFD,
 *   and text longer than a cell holds is cut with a note.
 */

/** Characters that make a spreadsheet read the rest of the cell as a formula or command. */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']);

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARACTERS = 32_767;
const TRUNCATION_NOTE = ' … [cut at the spreadsheet cell limit; the full text is in evaluation.json]';

/** True when a spreadsheet would treat this text as a formula (or DDE command) if it were typed or imported. */
export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]);
}

/** The CSV form of user text: a leading `'` when it could start a formula (OWASP). */
export function neutraliseForCsv(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** A field of an RFC 4180 row: text neutralised and always quoted; numbers as they are; null empty. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`csvField: ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `"${neutraliseForCsv(value).replace(/"/g, '""')}"`;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

// XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the supplementary planes;
// lone surrogates and U+FFFE/U+FFFF are not characters either.
/* eslint-disable no-control-regex -- matching control characters is the point here */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/* eslint-enable no-control-regex */
const UNUSUAL = /[^\t\n\x20-\x7E]/;

/**
 * User text for an xlsx string cell: exactly as written, except that line ends become LF
 * (a cell's line break; XML parsers turn a raw CR into LF anyway), characters XML cannot
 * carry become U+FFFD, and text beyond the cell limit is cut, with a note.
 */
export function xlsxText(text: string): string {
  // Most text is printable ASCII, LF and tab: nothing to replace (a large export writes 150 000 rationales).
  const clean = UNUSUAL.test(text) ? text.replace(/\r\n?/g, '\n').replace(XML_FORBIDDEN, '\uFFFD') : text;
  if (clean.length <= MAX_CELL_CHARACTERS) return clean;
  let cut = MAX_CELL_CHARACTERS - TRUNCATION_NOTE.length;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(clean[cut - 1])) cut -= 1;
  return clean.slice(0, cut) + TRUNCATION_NOTE;
}

/**
 * Text for a page header or footer: `&` starts a control code there (`&P` page number,
 * `&"font"`), so a literal ampersand is doubled; Excel refuses a header or footer
 * section over 255 characters, so long text is shortened.
 */
export function headerFooterText(text: string, maxLength: number): string {
  const pieces = [...xlsxText(text).replace(/[\r\n\t]+/g, ' ')].map((character) => (character === '&' ? '&&' : character));
  let length = pieces.reduce((total, piece) => total + piece.length, 0);
  if (length <= maxLength) return pieces.join('');
  // Drop whole pieces (never half of an escaped "&&") until the ellipsis fits.
  while (pieces.length > 0 && length + 1 > maxLength) length -= pieces.pop()!.length;
  return `${pieces.join('')}…`;
}
