import type PDFKit from 'pdfkit';
import { qrMatrix } from './qr-matrix';

export type Pdf = InstanceType<typeof PDFKit>;

/**
 * PDFKit (with its font machinery), loaded on the first PDF written: letters, records and
 * summaries are made now and then, and a server need not hold it from boot.
 */
let pdfkitLoaded: typeof PDFKit | undefined;
function pdfkitLibrary(): typeof PDFKit {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pdfkitLoaded ??= require('pdfkit') as typeof PDFKit;
  return pdfkitLoaded;
}

/** A new A4 document; `finish` ends it and resolves with its bytes. */
export function newPdf(title: string, margin: number): { doc: Pdf; finish: () => Promise<Buffer> } {
  const PDFDocument = pdfkitLibrary();
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: title, Author: 'Tender Scorer', Subject: title },
    lang: 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/**
 * Draws the QR code of `text` as vector squares (sharp at any printer's resolution), with the
 * four-module quiet zone the standard asks for, its top-left corner at (x, y), `side` points
 * across including the quiet zone.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, side: number): void {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const cell = side / (matrix.length + 2 * quiet);
  doc.save();
  doc.rect(x, y, side, side).fill('#ffffff');
  matrix.forEach((cells, row) =>
    cells.forEach((dark, column) => {
      if (dark) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }),
  );
  doc.fill('#000000');
  doc.restore();
}
