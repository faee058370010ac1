import type { PackQuestion, ScoringPack } from './domain/scoring-pack';
import { PAGE } from './domain/letter-formats';
import { newPdf, type Pdf } from './pdf-document';

const BODY = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 50;
const SIZE = 12;
const WIDTH = PAGE.width - 2 * MARGIN;
/** The score row and the reason box: kept together on one page. */
const ANSWER_SPACE = 190;
const REASON_HEIGHT = 120;

/**
 * The paper scoring pack: the first page says how to use it and gives the scale in words;
 * each bid starts on a new page; each question has its guidance, the bid's answer, a row of
 * scores to circle and a box for the reason. Pages are numbered "Page 2 of 9" in the footer.
 */
export async function renderScoringPack(pack: ScoringPack, memberName: string): Promise<Buffer> {
  const { doc, finish } = newPdf(pack.title, MARGIN);
  doc.font(BOLD).fontSize(22).text(pack.title, { width: WIDTH });
  doc.moveDown(0.5);
  for (const line of pack.introduction) paragraph(doc, line);
  doc.moveDown(0.5);
  doc.font(BOLD).fontSize(15).text('The scores', { width: WIDTH });
  doc.moveDown(0.3);
  for (const line of pack.scale) paragraph(doc, line);
  for (const section of pack.sections) {
    doc.addPage();
    doc.font(BOLD).fontSize(20).text(section.bid, { width: WIDTH });
    doc.moveDown(0.5);
    section.questions.forEach((question, index) =>
      drawQuestion(doc, question, `${section.bid}: question ${index + 1} of ${section.questions.length}`),
    );
  }
  footers(doc, memberName);
  return finish();
}

function paragraph(doc: Pdf, text: string, font = BODY): void {
  doc.font(font).fontSize(SIZE).text(text, MARGIN, doc.y, { width: WIDTH, lineGap: 3, paragraphGap: 6 });
}

function roomLeft(doc: Pdf): number {
  return PAGE.height - MARGIN - doc.y;
}

/** The height of a question drawn in full (heading, guidance, answer, score row and reason box). */
function questionHeight(doc: Pdf, question: PackQuestion): number {
  const body = { width: WIDTH, lineGap: 3, paragraphGap: 6 };
  doc.font(BOLD).fontSize(15);
  let height = 14 + doc.heightOfString(question.heading, { width: WIDTH }) + 6;
  doc.font(BODY).fontSize(SIZE);
  if (question.guidance) height += doc.heightOfString(question.guidance, body);
  height += 24 + doc.heightOfString(question.answer, { ...body, width: WIDTH - 12 });
  return height + ANSWER_SPACE;
}

function drawQuestion(doc: Pdf, question: PackQuestion, caption: string): void {
  // A question starts on a new page when it would fit on one but not in what is left of this
  // one; a longer answer flows on, and its score boxes stay together with the reason box.
  const height = questionHeight(doc, question);
  if (height > roomLeft(doc) && height <= PAGE.height - 2 * MARGIN - 40) doc.addPage();
  else if (roomLeft(doc) < 120) doc.addPage();
  doc.font(BODY).fontSize(10).fillColor('#505a5f').text(caption, MARGIN, doc.y, { width: WIDTH });
  doc.fillColor('#000000').font(BOLD).fontSize(15).text(question.heading, { width: WIDTH });
  doc.moveDown(0.3);
  if (question.guidance) paragraph(doc, question.guidance);
  paragraph(doc, 'What the bidder wrote:', BOLD);
  doc
    .font(BODY)
    .fontSize(SIZE)
    .text(question.answer, MARGIN + 12, doc.y, { width: WIDTH - 12, lineGap: 3, paragraphGap: 6 });
  if (roomLeft(doc) < ANSWER_SPACE) doc.addPage();
  doc.moveDown(0.3);
  paragraph(doc, `Your score for ${question.code}. Tick one box:`, BOLD);
  const top = doc.y;
  const box = 34;
  question.scores.forEach((score, index) => {
    const left = MARGIN + index * (box + 12);
    doc.lineWidth(1).rect(left, top, box, box).stroke();
    doc
      .font(BOLD)
      .fontSize(16)
      .text(String(score), left, top + 9, { width: box, align: 'center' });
  });
  doc.x = MARGIN;
  doc.y = top + box + 12;
  paragraph(doc, 'Why did you give this score?', BOLD);
  const reasonTop = doc.y;
  doc.lineWidth(1).rect(MARGIN, reasonTop, WIDTH, REASON_HEIGHT).stroke();
  doc.x = MARGIN;
  doc.y = reasonTop + REASON_HEIGHT + 18;
}

function footers(doc: Pdf, memberName: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(BODY)
      .fontSize(9)
      .fillColor('#505a5f')
      .text(`Scoring pack for ${memberName}. Page ${index + 1} of ${range.count}.`, MARGIN, PAGE.height - 32, {
        width: WIDTH,
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('#000000');
}
