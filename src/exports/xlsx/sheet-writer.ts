import type * as ExcelJS from 'exceljs';
import { headerFooterText } from '../cell-safety';
import { PROTECTIVE_MARKING } from '../domain/export-rules';
import { cellXml, columnLetter, DATE, HEADER_STYLE, isStyled, NUMBER, STRING, toCellValue, type CellInput } from './cells';
import { rowHeightPoints, wrappedLines } from './row-height';

export * from './cells';

/**
 * A thin layer over an exceljs streaming worksheet: every text goes through `xlsxText`
 * (so it is written as a string cell, never a formula or hyperlink), formulas exist only
 * as `Formula` values built by this service, and every sheet gets the same readable,
 * printable setup.
 */

export interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** Rows above the table header (a Price sheet's parameters, a Matrix's bidder row). */
  headerRow?: number;
  freezeColumns?: number;
  /** The tender reference and title, for the page header. */
  reference: string;
  title: string;
  portrait?: boolean;
}

interface BufferState {
  length: number;
}

/** The parts of exceljs 4.4's streaming writers this file uses beyond the typed API. */
interface StreamingInternals {
  /**
   * The worksheet's XML stream (the writer's own rows go there too): a buffer piped into
   * the zip archiver's entry stream, ignoring that stream's back-pressure.
   */
  stream: {
    write(xml: string): unknown;
    buffers: unknown[];
    pipes: { _writableState?: BufferState; _readableState?: BufferState }[];
  };
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number };
}

/**
 * Writes one sheet, row by row. Row 1 goes through exceljs's Row API (so merges and the
 * sheet's opening XML are exceljs's own; its text goes to the shared-strings table,
 * `t="s"`); every later row is rendered here straight to the sheet's XML stream, because
 * exceljs builds a Cell object and re-serialises the cell's style for every cell, which
 * made a 144 000-row Scores sheet take ~20 s. Text is written as inline string cells
 * (`t="inlineStr"`: a string, never a formula), so 150 000 rationales are not all kept
 * for a shared-strings table written at the very end; numbers and dates are `<v>`,
 * formulas `<f>` with the cached value, style ids come from exceljs's style table. The
 * export tests read the workbook back with exceljs and LibreOffice, so a change in these
 * internals fails loudly.
 */
export class SheetWriter {
  /** The number of the last row written. */
  row = 0;
  private readonly columnStyles: Partial<ExcelJS.Style>[];
  private readonly styleIds = new Map<string, number>();
  private readonly plainStyleIds: number[][] = [];
  private readonly styleKeys = new WeakMap<object, string>();
  private buffered = '';

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly spec: SheetSpec,
    private readonly workbook: StreamingInternals,
    /** True once nobody is reading any more (the download was dropped): writing stops. */
    private readonly cancelled: () => boolean,
  ) {
    this.columnStyles = spec.columns.map((column) => ({
      ...(column.numFmt ? { numFmt: column.numFmt } : {}),
      alignment: column.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' },
    }));
  }

  /** Appends one row and returns its number. Yields to the event loop now and then so the zip stream drains. */
  async add(cells: readonly CellInput[], rowStyle?: Partial<ExcelJS.Style>): Promise<number> {
    this.row += 1;
    if (this.row === 1) {
      this.addThroughExceljs(cells, rowStyle);
      return 1;
    }
    let xml = '';
    cells.forEach((input, index) => {
      if (input === undefined || input === null) return;
      const value = isStyled(input) ? input.value : input;
      if (value === undefined || value === null) return;
      const style = this.styleId(
        index,
        value instanceof Date ? DATE : typeof value === 'string' ? STRING : NUMBER,
        rowStyle,
        isStyled(input) ? input.style : undefined,
      );
      xml += cellXml(`${columnLetter(index + 1)}${this.row}`, style, value);
    });
    const height = this.heightOf(cells, rowStyle);
    this.buffered += `<row r="${this.row}"${height === null ? '' : ` ht="${height}" customHeight="1"`}>${xml}</row>`;
    // Small writes: a string over ~128 KB would be allocated straight into V8's old space
    // and live until the next full collection.
    if (this.row % 64 === 0) this.flush();
    if (this.row % 512 === 0) await this.drain();
    return this.row;
  }

  async header(): Promise<number> {
    return this.add(
      this.spec.columns.map((column) => column.header),
      HEADER_STYLE,
    );
  }

  /**
   * Autofilter over the table (header row to the last row written), the print area (every
   * column and row written, so a printout neither stops short nor adds blank pages), then the
   * sheet is done.
   */
  finish(filter = true): void {
    this.flush();
    const headerRow = this.spec.headerRow ?? 1;
    const lastColumn = columnLetter(Math.max(1, this.spec.columns.length));
    if (filter && this.row >= headerRow) {
      this.sheet.autoFilter = `A${headerRow}:${lastColumn}${Math.max(this.row, headerRow)}`;
    }
    // exceljs writes `$` before each part: these make the reference absolute ($A$1:$C$9).
    this.sheet.pageSetup.printArea = `A$1:${lastColumn}$${Math.max(1, this.row)}`;
    this.sheet.commit();
  }

  /**
   * The height a row needs in points when a cell wraps onto more than one line or uses a
   * larger font (row-height.ts); null for an ordinary one-line row, which keeps the default.
   */
  private heightOf(cells: readonly CellInput[], rowStyle?: Partial<ExcelJS.Style>): number | null {
    let points: number | null = null;
    cells.forEach((input, index) => {
      if (input === undefined || input === null) return;
      const value = isStyled(input) ? input.value : input;
      const cellStyle = isStyled(input) ? input.style : undefined;
      const size = cellStyle?.font?.size ?? rowStyle?.font?.size ?? 11;
      const wraps =
        cellStyle?.alignment?.wrapText ?? rowStyle?.alignment?.wrapText ?? this.columnStyles[index]?.alignment?.wrapText ?? false;
      if (typeof value !== 'string' || (!wraps && size <= 11)) return;
      const bold = cellStyle?.font?.bold ?? rowStyle?.font?.bold ?? false;
      const lines = wraps ? wrappedLines(value, this.spec.columns[index]?.width ?? 10, { bold, size }) : 1;
      if (lines > 1 || size > 11) points = Math.max(points ?? 0, rowHeightPoints(lines, size));
    });
    return points;
  }

  private flush(): void {
    if (!this.buffered) return;
    (this.sheet as unknown as StreamingInternals).stream.write(this.buffered);
    this.buffered = '';
  }

  /**
   * Back-pressure exceljs does not apply: waits while more than PENDING_LIMIT bytes of this
   * sheet's XML wait to be zipped (the archiver compresses one entry at a time, and the
   * response may be slower still), so a large sheet streams through instead of piling up
   * uncompressed in memory (64 MB for a 200-bid Scores sheet).
   */
  private async drain(): Promise<void> {
    const { stream } = this.sheet as unknown as StreamingInternals;
    const pending = () =>
      stream.buffers.length * 65_536 +
      stream.pipes.reduce((total, pipe) => total + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0), 0);
    await new Promise((resolve) => setImmediate(resolve));
    while (pending() > PENDING_LIMIT) {
      if (this.cancelled()) throw new DownloadCancelled();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  private addThroughExceljs(cells: readonly CellInput[], rowStyle?: Partial<ExcelJS.Style>): void {
    const row = this.sheet.getRow(1);
    const height = this.heightOf(cells, rowStyle);
    if (height !== null) row.height = height;
    cells.forEach((input, index) => {
      if (input === undefined || input === null) return;
      const cell = row.getCell(index + 1);
      cell.value = toCellValue(isStyled(input) ? input.value : input);
      cell.style = { ...this.columnStyles[index], ...rowStyle, ...(isStyled(input) ? input.style : {}) };
    });
    row.commit();
  }

  /** exceljs's style id for the column's style with the row's and the cell's on top, computed once per combination. */
  private styleId(
    column: number,
    cellType: number,
    rowStyle?: Partial<ExcelJS.Style>,
    cellStyle?: Partial<ExcelJS.Style>,
  ): number {
    if (!rowStyle && !cellStyle) {
      // The common case, once per cell of a large sheet: a plain array lookup.
      const plain = (this.plainStyleIds[column] ??= []);
      return (plain[cellType] ??= this.workbook.styles.addStyleModel({ ...this.columnStyles[column] }, cellType));
    }
    const key = `${column}|${cellType}|${this.keyOf(rowStyle)}|${this.keyOf(cellStyle)}`;
    let id = this.styleIds.get(key);
    if (id === undefined) {
      id = this.workbook.styles.addStyleModel({ ...this.columnStyles[column], ...rowStyle, ...cellStyle }, cellType);
      this.styleIds.set(key, id);
    }
    return id;
  }

  private keyOf(style: Partial<ExcelJS.Style> | undefined): string {
    if (!style) return '';
    let key = this.styleKeys.get(style);
    if (key === undefined) {
      key = JSON.stringify(style);
      this.styleKeys.set(style, key);
    }
    return key;
  }
}

const PENDING_LIMIT = 4 * 1024 * 1024;

/** The reader went away: stop writing. */
export class DownloadCancelled extends Error {
  override readonly name = 'DownloadCancelled';
  constructor() {
    super('The download was cancelled by the client.');
  }
}

const cancellations = new WeakMap<object, () => boolean>();

/** Every sheet of `workbook` stops writing (DownloadCancelled) once `cancelled()` is true. */
export function stopWritingWhen(workbook: ExcelJS.stream.xlsx.WorkbookWriter, cancelled: () => boolean): void {
  cancellations.set(workbook, cancelled);
}

/**
 * A worksheet with the house setup: column widths and formats, the header row frozen
 * (and the first `freezeColumns` columns), landscape A4 fitted to the page width with the
 * header rows repeated on every page, and the protective marking and tender reference
 * in the page header.
 */
export function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): SheetWriter {
  const headerRow = spec.headerRow ?? 1;
  const frozen = headerRow > 0 || (spec.freezeColumns ?? 0) > 0;
  const sheet = workbook.addWorksheet(spec.name, {
    views: frozen ? [{ state: 'frozen', xSplit: spec.freezeColumns ?? 0, ySplit: headerRow }] : [],
    pageSetup: {
      paperSize: 9,
      orientation: spec.portrait ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(headerRow > 0 ? { printTitlesRow: `1:${headerRow}` } : {}),
      // The frozen columns (a Matrix's criterion codes and titles) repeat on every page too.
      ...(spec.freezeColumns ? { printTitlesColumn: `A:${columnLetter(spec.freezeColumns)}` } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: pageHeaderFooter(spec),
  });
  sheet.columns = spec.columns.map((column) => ({ width: column.width }));
  return new SheetWriter(sheet, spec, workbook as unknown as StreamingInternals, cancellations.get(workbook) ?? (() => false));
}

function pageHeaderFooter(spec: SheetSpec): Partial<ExcelJS.HeaderFooter> {
  // Excel allows 255 characters per header or footer: the user-written parts are capped.
  const reference = headerFooterText(spec.reference, 60);
  const title = headerFooterText(spec.title, 90);
  const marking = `&"-,Bold"${PROTECTIVE_MARKING}`;
  return {
    oddHeader: `&L${marking}&C${reference}&R&A`,
    oddFooter: `&L${title}&RPage &P of &N`,
  };
}
