/*
 * Row heights for printing. A spreadsheet shows a wrapped cell on as many lines as it needs
 * only when the row is tall enough: Excel grows rows it lays out itself, but a streamed
 * workbook's rows have no height, and LibreOffice (and Excel, for rows it did not lay out)
 * prints them one line tall, so wrapped text runs over the rows below. The service knows the
 * text and the column widths, so it sets each row's height from an estimate of the lines
 * its wrapped cells take, erring on the tall side. Pure.
 */

/** Points per line of 11 pt text (Calibri and its metric twin Carlito, as Excel and LibreOffice lay it out). */
export const LINE_POINTS = 15;
/** A little room above and below the text. */
const PADDING_POINTS = 3;
/**
 * Characters of ordinary text per unit of column width. A width unit is one "0" of the
 * default font; average prose is narrower, but capitals, bold and a substituted font are
 * wider, and LibreOffice's PDF lays some lines out wider than that: 0.85, with a character
 * kept back for the padding, errs on the tall side (test/exports/workbook-print.e2e-spec.ts).
 */
const CHARS_PER_WIDTH = 0.85;
const BOLD_FACTOR = 0.9;
/** Excel's largest row height. */
const MAX_POINTS = 409;

/** The lines `text` takes in a column `width` wide, wrapping at spaces and breaking longer words. */
export function wrappedLines(text: string, width: number, options: { bold?: boolean; size?: number } = {}): number {
  const scale = (options.bold ? BOLD_FACTOR : 1) * (11 / (options.size ?? 11));
  // One character of cell padding on each side.
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH * scale) - 1);
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const length = [...word].length;
      if (used > 0 && used + 1 + length <= perLine) {
        used += 1 + length;
        continue;
      }
      if (used > 0) paragraphLines += 1;
      // A word longer than a line breaks across lines.
      paragraphLines += Math.ceil(length / perLine) - 1;
      used = length % perLine || perLine;
    }
    lines += paragraphLines;
  }
  return lines;
}

/** The row height in points for `lines` lines of text in a font of `size` points. */
export function rowHeightPoints(lines: number, size = 11): number {
  return Math.min(MAX_POINTS, Math.ceil(lines * LINE_POINTS * (size / 11) + PADDING_POINTS));
}
