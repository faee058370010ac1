import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * LibreOffice Calc as an independent spreadsheet: opens an .xlsx with FORCED
 * recalculation (a throwaway profile setting OOXMLRecalcMode = 0, "always"), so every
 * formula is computed by LibreOffice rather than read from the cached values, and writes
 * every sheet as CSV. See docs/EXPORTS.md ("Checking a workbook in LibreOffice").
 */

export const MISSING_SOFFICE =
  'LibreOffice (soffice) is not installed, and the evaluation-matrix test recalculates the workbook in it. ' +
  'Run scripts/ensure-libreoffice.sh (it installs libreoffice-calc-nogui when root with apt-get, otherwise says what to install).';

export function sofficePath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(MISSING_SOFFICE);
  }
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Comma-separated, `"`-quoted, UTF-8, values as stored (not as formatted: 15 significant
 * digits), formulas computed, every sheet (-1).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Recalculates `xlsx` in LibreOffice and returns each sheet's cells as text. */
export function recalculateInLibreOffice(xlsx: Buffer): Map<string, string[][]> {
  const soffice = sofficePath();
  const work = mkdtempSync(join(tmpdir(), 'tender-scorer-lo-'));
  try {
    const profile = join(work, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const file = join(work, 'matrix.xlsx');
    writeFileSync(file, xlsx);
    const out = join(work, 'out');
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', out, file],
      {
        timeout: 120_000,
        stdio: 'pipe',
      },
    );
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(out)) {
      const sheet = basename(name, '.csv').replace(/^matrix-/, '');
      sheets.set(sheet, parseCsv(readFileSync(join(out, name), 'utf8')));
    }
    return sheets;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** RFC 4180 (quoted fields with doubled quotes, embedded newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const character = source[i];
    if (quoted) {
      if (character === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Round half up (away from zero) of a decimal string to 2 decimals, in decimal arithmetic. */
export function roundDecimalString(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`Not a number: "${text}"`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + 3, '0');
  const kept = BigInt(digits.slice(0, point + 2) || '0');
  const rounded = Number(digits[point + 2]) >= 5 ? kept + 1n : kept;
  const value = Number(rounded) / 100;
  return sign === '-' && value !== 0 ? -value : value;
}

/** The workbook printed to PDF by LibreOffice (every sheet, its print areas and titles, as a person printing it gets). */
export function printToPdf(xlsx: Buffer): Buffer {
  const soffice = sofficePath();
  const work = mkdtempSync(join(tmpdir(), 'tender-scorer-pdf-'));
  try {
    const profile = join(work, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const file = join(work, 'matrix.xlsx');
    writeFileSync(file, xlsx);
    const out = join(work, 'out');
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file],
      {
        timeout: 180_000,
        stdio: 'pipe',
      },
    );
    return readFileSync(join(out, 'matrix.pdf'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const MISSING_POPPLER =
  'pdftotext (poppler-utils) is not installed, and the workbook printing test reads the PDF with it. ' +
  'Run scripts/ensure-libreoffice.sh (it installs poppler-utils with LibreOffice).';

/** One line of text on a printed page, with its box in points (pdftotext -bbox-layout). */
export interface PrintedLine {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every line of text on every page of `pdf`, with its position, as poppler lays them out. */
export function printedLines(pdf: Buffer): PrintedLine[] {
  try {
    execFileSync('sh', ['-c', 'command -v pdftotext'], { stdio: 'pipe' });
  } catch {
    throw new Error(MISSING_POPPLER);
  }
  const work = mkdtempSync(join(tmpdir(), 'tender-scorer-bbox-'));
  try {
    const file = join(work, 'print.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const lines: PrintedLine[] = [];
    let page = 0;
    const token = /<page\b|<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
    for (const match of html.matchAll(token)) {
      if (match[0].startsWith('<page')) {
        page += 1;
        continue;
      }
      const words = [...match[5].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((word) => decodeEntities(word[1]));
      lines.push({
        page,
        text: words.join(' '),
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
      });
    }
    return lines;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Pairs of lines on the same page drawn over each other: their boxes overlap by more than `tolerance` points both ways. */
export function overlappingLines(lines: readonly PrintedLine[], tolerance = 1): [PrintedLine, PrintedLine][] {
  const overlaps: [PrintedLine, PrintedLine][] = [];
  const byPage = new Map<number, PrintedLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  for (const pageLines of byPage.values()) {
    const sorted = [...pageLines].sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j].yMin < sorted[i].yMax - tolerance; j++) {
        const a = sorted[i];
        const b = sorted[j];
        const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (x > tolerance && y > tolerance) overlaps.push([a, b]);
      }
    }
  }
  return overlaps;
}
