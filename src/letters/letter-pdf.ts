import type { InvitationLetter } from './domain/invitation-letter';
import { LETTER_LAYOUTS, linkLines, MONO_ADVANCE, PAGE, type LetterFormat, type LetterLayout } from './domain/letter-formats';
import { drawQr, newPdf, type Pdf } from './pdf-document';

const BODY = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MONO = 'Courier-Bold';
const LINK = 'Courier';

export interface PrintableLetter {
  letter: InvitationLetter;
  format: LetterFormat;
}

/**
 * One letter per page: every letter is laid out on its own page, in its format's sizes. When a
 * long title or name would push it onto a second page, the space between lines and paragraphs
 * shrinks (never the type size), so a letter is always one sheet.
 */
export async function renderLetters(letters: readonly PrintableLetter[]): Promise<Buffer> {
  const first = LETTER_LAYOUTS[letters[0].format];
  const { doc, finish } = newPdf(letters.length === 1 ? letters[0].letter.title : 'Invitation letters', first.margin);
  letters.forEach(({ letter, format }, index) => {
    const base = LETTER_LAYOUTS[format];
    if (index > 0) doc.addPage({ size: 'A4', margin: base.margin });
    drawLetter(doc, letter, fitted(doc, letter, base));
  });
  return finish();
}

function fitted(doc: Pdf, letter: InvitationLetter, base: LetterLayout): LetterLayout {
  const room = PAGE.height - 2 * base.margin;
  let layout = base;
  for (let step = 0; step < 6 && heightOf(doc, letter, layout) > room; step++) {
    layout = { ...layout, lineGap: Math.max(0, layout.lineGap - 1), paragraphGap: Math.max(2, layout.paragraphGap - 1) };
  }
  return layout;
}

function heightOf(doc: Pdf, letter: InvitationLetter, layout: LetterLayout): number {
  let height = 0;
  draw(doc, letter, layout, (measure) => (height += measure));
  return height;
}

function drawLetter(doc: Pdf, letter: InvitationLetter, layout: LetterLayout): void {
  draw(doc, letter, layout, null);
}

/**
 * Lays the letter out: with `measure` it only adds up the heights, without it it draws.
 * One routine for both, so the measured letter is the drawn one.
 */
function draw(doc: Pdf, letter: InvitationLetter, layout: LetterLayout, measure: ((height: number) => void) | null): void {
  const width = PAGE.width - 2 * layout.margin;
  const x = layout.margin;
  const text = (content: string, font: string, size: number, options: PDFKit.Mixins.TextOptions = {}) => {
    doc.font(font).fontSize(size);
    const opts = { width, lineGap: layout.lineGap, ...options };
    if (measure) measure(doc.heightOfString(content, opts) + layout.paragraphGap);
    else {
      doc.text(content, x, doc.y, opts);
      doc.y += layout.paragraphGap;
    }
  };
  text(letter.title, BOLD, layout.titleSize);
  for (const block of letter.blocks) {
    switch (block.kind) {
      case 'heading':
        if (measure) measure(layout.paragraphGap);
        else doc.y += layout.paragraphGap;
        text(block.text, BOLD, layout.headingSize, { lineGap: 0 });
        break;
      case 'paragraph':
        text(block.text, BODY, layout.bodySize);
        break;
      case 'code':
        text(block.text, MONO, layout.codeSize, { characterSpacing: 2 });
        break;
      case 'link': {
        const qr = layout.qrSize;
        const beside = width - qr - 12;
        const lines = linkLines(block.url, beside / (MONO_ADVANCE * layout.linkSize));
        doc.font(LINK).fontSize(layout.linkSize);
        const linkHeight = doc.heightOfString(lines.join('\n'), { width: beside, lineGap: layout.lineGap });
        const height = Math.max(qr, linkHeight) + layout.paragraphGap;
        if (measure) measure(height);
        else {
          const top = doc.y;
          drawQr(doc, letter.qrText, x, top, qr);
          doc.fillColor('#000000').text(lines.join('\n'), x + qr + 12, top + Math.max(0, (qr - linkHeight) / 2), {
            width: beside,
            lineGap: layout.lineGap,
            link: block.url,
          });
          doc.x = x;
          doc.y = top + height;
        }
        break;
      }
    }
  }
}
