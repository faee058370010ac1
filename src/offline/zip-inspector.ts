import * as yauzl from 'yauzl';
import type { FieldProblem } from '../common/domain/domain-error';
import {
  declaredProblems,
  partField,
  RowCounter,
  SHEET_PART,
  sheetNamesByPart,
  tooLarge,
  tooLargeInTotal,
  tooManyRows,
  WORKBOOK_LIMITS,
  zipRefused,
} from './domain/workbook-limits';

const SMALL_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);

class Refusal extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems[0]?.message ?? 'refused');
  }
}

/**
 * Checks an uploaded workbook's zip before exceljs sees it: the entries the central
 * directory lists (count, names, declared sizes), then every entry inflated as a stream,
 * counting the bytes that really come out (a header that lies about its size is caught
 * when the count passes what it declared) and the rows of each sheet. Nothing inflated is
 * kept but the two small parts that name the sheets. Throws the 422 refusal; resolves when
 * the file may be parsed.
 */
export async function inspectWorkbookZip(file: Buffer): Promise<void> {
  if (file.length > WORKBOOK_LIMITS.uploadBytes) {
    throw zipRefused([
      { field: 'workbook', message: `The file is larger than ${WORKBOOK_LIMITS.uploadBytes / 1024 / 1024} MB.` },
    ]);
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (error, opened) =>
        error || !opened ? reject(error ?? new Error('no zip')) : resolve(opened),
      ),
    );
  } catch {
    throw notAWorkbook();
  }
  try {
    if (zip.entryCount > WORKBOOK_LIMITS.entries)
      throw new Refusal(declaredProblems(new Array(zip.entryCount).fill({ name: '', uncompressedSize: 0 })));
    const entries = await listEntries(zip);
    const declared = declaredProblems(
      entries.map((entry) => ({ name: entry.fileName, uncompressedSize: entry.uncompressedSize })),
    );
    if (declared.length > 0) throw new Refusal(declared);
    if (!entries.some((entry) => entry.fileName === 'xl/workbook.xml')) throw new Refusal(notAWorkbookProblems());
    const rows = new Map<string, number>();
    const small = new Map<string, string>();
    let total = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const counter = SHEET_PART.test(entry.fileName) ? new RowCounter() : null;
      const keep: Buffer[] | null = SMALL_PARTS.has(entry.fileName) ? [] : null;
      let bytes = 0;
      await streamEntry(zip, entry, (chunk) => {
        bytes += chunk.length;
        total += chunk.length;
        if (bytes > entry.uncompressedSize || bytes > WORKBOOK_LIMITS.entryBytes) throw new Refusal([tooLarge(entry.fileName)]);
        if (total > WORKBOOK_LIMITS.totalBytes) throw new Refusal([tooLargeInTotal()]);
        counter?.push(chunk);
        keep?.push(chunk);
        if (counter && counter.count > WORKBOOK_LIMITS.rowsPerSheet) throw new Refusal([]);
      }).catch((error: unknown) => {
        if (error instanceof Refusal && error.problems.length === 0) rows.set(entry.fileName, counter!.count);
        else throw error;
      });
      if (keep) small.set(entry.fileName, Buffer.concat(keep).toString('utf8'));
    }
    if (rows.size > 0) {
      const names = sheetNamesByPart(small.get('xl/workbook.xml') ?? '', small.get('xl/_rels/workbook.xml.rels') ?? '');
      throw new Refusal([...rows.keys()].map((part) => tooManyRows(names.get(part) ?? part)));
    }
  } catch (error) {
    if (error instanceof Refusal) throw zipRefused(error.problems);
    throw notAWorkbook();
  } finally {
    zip.close();
  }
}

function notAWorkbookProblems(): FieldProblem[] {
  return [
    { field: 'workbook', message: 'The file is not an Excel workbook (.xlsx). Upload the workbook you were sent, filled in.' },
  ];
}

function notAWorkbook() {
  return zipRefused(notAWorkbookProblems());
}

function outsideMessage(reason: string): string {
  const name = /: (.*)$/.exec(reason)?.[1]?.slice(0, 120) ?? 'a part';
  return `The part "${name}" points outside the workbook. Save the workbook again from the spreadsheet program and upload that.`;
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.isEncrypted()) {
        reject(
          new Refusal([
            { field: partField(entry.fileName), message: 'The workbook is protected by a password: save it without one.' },
          ]),
        );
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    // yauzl refuses a name with an absolute or `..` path itself, before the entry is handed over.
    zip.once('error', (error: Error) =>
      reject(
        /path|file ?name/i.test(error.message)
          ? new Refusal([{ field: 'workbook', message: outsideMessage(error.message) }])
          : error,
      ),
    );
    zip.readEntry();
  });
}

/** Inflates one entry, handing each chunk to `onChunk`; a throw there stops the stream at once. */
function streamEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      let done = false;
      const finish = (failure?: Error) => {
        if (done) return;
        done = true;
        if (failure) {
          stream.unpipe();
          stream.destroy();
          reject(failure);
        } else resolve();
      };
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        try {
          onChunk(chunk);
        } catch (refusal) {
          finish(refusal instanceof Error ? refusal : new Error('The workbook could not be read.'));
        }
      });
      stream.once('end', () => finish());
      stream.once('error', (streamError) => finish(streamError));
    });
  });
}
