import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import type { SignedIn, TestApp } from '../app';
import type { LetterFormat } from '../../src/letters/domain/letter-formats';

/*
 * Steps for printed letters and scoring packs (docs/PANEL.md "Letters and scoring packs"),
 * and reading the PDFs back as text with poppler's pdftotext (scripts/ensure-libreoffice.sh
 * installs poppler-utils; CI runs it before the suites).
 */

/** A PDF as bytes; a problem+json answer parsed as usual (the OpenAPI check reads it). */
type PdfResponse = Response & { body: Buffer };

function asBytes(request: import('supertest').Test): Promise<PdfResponse> {
  return request.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const json = /json/.test(String(res.headers['content-type']));
      callback(null, json ? (JSON.parse(bytes.toString('utf8')) as unknown) : bytes);
    });
  });
}

/** POST …/letter (a new invitation, and its letter): the raw response. */
export function printLetter(t: TestApp, tenderId: string, who: SignedIn, memberId: string, format?: LetterFormat | string) {
  const query = format === undefined ? '' : `?format=${encodeURIComponent(format)}`;
  return asBytes(t.http().post(`/api/tenders/${tenderId}/panel/${memberId}/letter${query}`).set(who.auth));
}

/** POST …/panel/letters (a letter and a new invitation for every member who has not signed in): the raw response. */
export function printUnacceptedLetters(t: TestApp, tenderId: string, who: SignedIn, format?: LetterFormat) {
  const query = format === undefined ? '' : `?format=${format}`;
  return asBytes(t.http().post(`/api/tenders/${tenderId}/panel/letters${query}`).set(who.auth));
}

/** GET …/scoring-pack: the raw response. */
export function printScoringPack(t: TestApp, tenderId: string, who: SignedIn, memberId: string) {
  return asBytes(t.http().get(`/api/tenders/${tenderId}/panel/${memberId}/scoring-pack`).set(who.auth));
}

export const MISSING_PDFTOTEXT =
  'pdftotext (poppler-utils) is not installed; the letter tests read the PDFs with it. Run scripts/ensure-libreoffice.sh ' +
  '(it installs poppler-utils), or: apt-get install -y poppler-utils.';

/** The text of each page of `pdf` (pdftotext, layout kept loosely). */
export function pdfPages(pdf: Buffer): string[] {
  try {
    execFileSync('sh', ['-c', 'command -v pdftotext'], { stdio: 'pipe' });
  } catch {
    throw new Error(MISSING_PDFTOTEXT);
  }
  const work = mkdtempSync(join(tmpdir(), 'tender-scorer-letter-'));
  try {
    const file = join(work, 'print.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // pdftotext ends every page with a form feed.
    return text.split('\f').slice(0, -1);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Words joined by single spaces (a PDF line break is a space), for phrase matching. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
