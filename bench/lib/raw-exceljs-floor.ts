/**
 * The export's floor (issue 19, part 4): exceljs's own streaming writer writing the same
 * cells the service wrote, with nothing of the service around it.
 *
 * Run as a child process by bench/export.bench.ts, after the timed exports, with the path of
 * the last workbook the service sent:
 *
 *   node -r ts-node/register/transpile-only bench/lib/raw-exceljs-floor.ts <workbook.xlsx> <runs>
 *
 * Not timed: the workbook is read back with exceljs's streaming reader into plain arrays
 * (every sheet, every row with its height, every cell with its value — text, number,
 * formula with its cached result — and its style: number format, font, alignment, fill,
 * border). Timed, `runs` times: a WorkbookWriter with the service's options (styles and the
 * shared-strings table on) writes those sheets, columns and cells to a file, row by row,
 * committing each row and each sheet, as the service does. What is not copied (page setup,
 * frozen panes, headers and footers, document properties) costs nothing measurable: a few
 * hundred bytes of XML per sheet.
 *
 * Prints one line of JSON: { "seconds": [..], "cells": n, "rows": n, "sheets": n, "peakMb": n }.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as ExcelJS from 'exceljs';

interface Cell {
  column: number;
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}
interface Row {
  number: number;
  height: number | undefined;
  cells: Cell[];
}
interface Sheet {
  name: string;
  widths: (number | undefined)[];
  rows: Row[];
}

async function readBack(path: string): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const sheets: Sheet[] = [];
  for await (const worksheet of reader) {
    const named = worksheet as unknown as { name: string; columns?: { width?: number }[] };
    const sheet: Sheet = { name: named.name, widths: [], rows: [] };
    for await (const row of worksheet) {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells.push({ column, value: cell.value, style: cell.style });
      });
      sheet.rows.push({ number: row.number, height: row.height, cells });
    }
    sheet.widths = (named.columns ?? []).map((column) => column?.width);
    sheets.push(sheet);
  }
  return sheets;
}

async function write(sheets: Sheet[], path: string): Promise<void> {
  const output = createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    if (sheet.widths.length > 0) worksheet.columns = sheet.widths.map((width) => ({ width }));
    for (const source of sheet.rows) {
      const row = worksheet.getRow(source.number);
      if (source.height !== undefined) row.height = source.height;
      for (const { column, value, style } of source.cells) {
        const cell = row.getCell(column);
        cell.value = value;
        cell.style = style;
      }
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

async function main(): Promise<void> {
  const [path, runsText] = process.argv.slice(2);
  const runs = Number(runsText ?? '3');
  readFileSync(path); // fails early, with the path, when the workbook is missing
  const sheets = await readBack(path);
  const dir = mkdtempSync(join(tmpdir(), 'tender-scorer-export-floor-'));
  try {
    const seconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      await write(sheets, join(dir, `floor-${run}.xlsx`));
      seconds.push((performance.now() - started) / 1000);
    }
    const rows = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    const cells = sheets.reduce((sum, sheet) => sum + sheet.rows.reduce((n, row) => n + row.cells.length, 0), 0);
    const status = readFileSync('/proc/self/status', 'utf8');
    const peakMb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024;
    console.log(JSON.stringify({ seconds, cells, rows, sheets: sheets.length, peakMb: Math.round(peakMb) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
