import type * as Docx from 'docx';
import { PAGE } from '../letters/domain/letter-formats';
import { newPdf, type Pdf } from '../letters/pdf-document';
import type { Tender } from '../tenders/tender.entity';
import type { SummaryContent } from './domain/summary-content';
import { summaryBlocks, type Block } from './domain/summary-document';

export type SummaryFormat = 'pdf' | 'docx';

/*
 * An assessment summary's blocks (domain/summary-document.ts) laid out as an A4 PDF (pdfkit,
 * as the letters and the conflicts assessment are) and as a Word document (the `docx`
 * library): the same words and figures in both.
 */

const BODY = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 50;
const WIDTH = PAGE.width - 2 * MARGIN;
const HEADING_SIZE = { 1: 22, 2: 16, 3: 12 } as const;

export async function summaryPdf(title: string, blocks: readonly Block[]): Promise<Buffer> {
  const { doc, finish } = newPdf(title, MARGIN);
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (block.level < 3) doc.moveDown(0.5);
      doc.font(BOLD).fontSize(HEADING_SIZE[block.level]).text(block.text, MARGIN, doc.y, { width: WIDTH });
      doc.moveDown(0.3);
    } else if (block.kind === 'paragraph') {
      doc
        .font(block.bold ? BOLD : BODY)
        .fontSize(11)
        .text(block.text, MARGIN, doc.y, { width: WIDTH, lineGap: 2, paragraphGap: 4 });
    } else {
      pdfTable(doc, block.header, block.rows);
    }
  }
  return finish();
}

/** A plain grid: the first column wide, the figures right-aligned in equal columns. */
function pdfTable(doc: Pdf, header: readonly string[], rows: readonly string[][]): void {
  const first = header.length > 3 ? WIDTH * 0.34 : WIDTH * 0.5;
  const other = (WIDTH - first) / Math.max(1, header.length - 1);
  const drawRow = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(9);
    const heights = cells.map((cell, index) => doc.heightOfString(cell, { width: (index === 0 ? first : other) - 6 }));
    const height = Math.max(...heights, 10) + 6;
    if (doc.y + height > PAGE.height - MARGIN) doc.addPage();
    const top = doc.y;
    cells.forEach((cell, index) => {
      const x = index === 0 ? MARGIN : MARGIN + first + (index - 1) * other;
      doc.text(cell, x, top + 3, { width: (index === 0 ? first : other) - 6, align: index === 0 ? 'left' : 'right' });
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + WIDTH, top + height)
      .lineWidth(0.5)
      .strokeColor('#b1b4b6')
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(header, BOLD);
  for (const row of rows) drawRow(row, BODY);
  doc.moveDown(0.5);
}

/**
 * The DOCX library, loaded on the first summary written as DOCX: it is large (2 MB of source)
 * and most servers never write one.
 */
let docxLoaded: typeof Docx | undefined;
function docxLibrary(): typeof Docx {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  docxLoaded ??= require('docx') as typeof Docx;
  return docxLoaded;
}

export function summaryDocx(title: string, blocks: readonly Block[]): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    docxLibrary();
  const DOCX_HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const children = blocks.flatMap((block): (Docx.Paragraph | Docx.Table)[] => {
    if (block.kind === 'heading') return [new Paragraph({ text: block.text, heading: DOCX_HEADING[block.level] })];
    if (block.kind === 'paragraph') return [new Paragraph({ children: [new TextRun({ text: block.text, bold: block.bold })] })];
    const row = (cells: readonly string[], header: boolean) =>
      new TableRow({
        tableHeader: header,
        children: cells.map(
          (cell, index) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: index === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT,
                  children: [new TextRun({ text: cell, bold: header })],
                }),
              ],
            }),
        ),
      });
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
      }),
      new Paragraph({ text: '' }),
    ];
  });
  const document = new Document({
    title,
    creator: 'Tender Scorer',
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** The summary as a file to send: its bytes and a file name of safe characters. */
export async function renderFile(
  tender: Tender,
  content: SummaryContent,
  format: SummaryFormat,
): Promise<{ bytes: Buffer; fileName: string }> {
  const title = `Assessment summary: ${tender.title}, ${content.bidderName}`;
  const blocks = summaryBlocks(content);
  const bytes = format === 'pdf' ? await summaryPdf(title, blocks) : await summaryDocx(title, blocks);
  const fileName = `assessment-summary-${tender.reference}-${content.bidderName}.${format}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  return { bytes, fileName };
}
