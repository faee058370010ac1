import { deadlineInWords } from '../common/domain/time-in-words';
import { PAGE } from '../letters/domain/letter-formats';
import { newPdf, type Pdf } from '../letters/pdf-document';
import { ACT_WORDS, type Assessment } from './domain/conflict-register';

const BODY = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 50;
const WIDTH = PAGE.width - 2 * MARGIN;

/** "No conflict" or "Conflict: <details>", as both the page and the document say it. */
export function statementWords(entry: { conflict: boolean; details: string | null }): string {
  return entry.conflict ? `Conflict of interest: ${entry.details ?? ''}` : 'No conflict of interest';
}

/**
 * The conflicts assessment as an A4 PDF (Procurement Act 2023 ss.81–83): when it was last
 * reviewed, then everyone who influences the decision with every statement they made,
 * then each conflict with its mitigations over time. Lived-experience members by pseudonym.
 */
export async function renderConflictsAssessment(
  title: string,
  reference: string,
  result: Assessment,
  now: Date,
): Promise<Buffer> {
  const heading = 'Conflicts assessment';
  const { doc, finish } = newPdf(`${heading}: ${title}`, MARGIN);
  doc.font(BOLD).fontSize(22).text(heading, { width: WIDTH });
  doc.font(BODY).fontSize(13).text(`${title} (${reference})`, { width: WIDTH });
  doc.moveDown(0.5);
  const review = result.lastReview;
  paragraph(
    doc,
    review
      ? `Revision ${review.revision}. Last reviewed by ${review.byName} at ${deadlineInWords(review.at)}.${review.note ? ` ${review.note}` : ''}`
      : 'Revision 0. Not reviewed yet.',
  );
  paragraph(doc, `Produced at ${deadlineInWords(now)}. Procurement Act 2023, sections 81 to 83.`);
  paragraph(
    doc,
    result.conflicts.length === 0
      ? 'No conflicts of interest are declared.'
      : `${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'} of interest declared; ` +
          `${result.unmitigated} without a mitigation.`,
  );
  for (const entry of result.actedBeforeDeclaring) {
    paragraph(doc, `Warning: ${entry.name} ${ACT_WORDS[entry.act]} at ${deadlineInWords(entry.at)} before declaring.`, BOLD);
  }

  section(doc, 'People who influence the decision');
  for (const person of result.persons) {
    doc.font(BOLD).fontSize(12).text(`${person.name}, ${person.role}`, MARGIN, doc.y, { width: WIDTH });
    for (const act of person.acts) paragraph(doc, `Has ${ACT_WORDS[act.act]} (${deadlineInWords(act.at)}).`);
    if (person.declarations.length === 0) paragraph(doc, 'Not declared yet.');
    for (const entry of person.declarations) {
      const about = entry.bidderName ? ` About ${entry.bidderName}:` : '';
      paragraph(doc, sentence(`Version ${entry.version}, ${deadlineInWords(entry.at)}.${about} ${statementWords(entry)}`));
    }
    doc.moveDown(0.3);
  }

  section(doc, 'Conflicts and mitigations');
  if (result.conflicts.length === 0) paragraph(doc, 'None.');
  for (const conflict of result.conflicts) {
    const about = conflict.bidderName ? ` on ${conflict.bidderName}` : '';
    doc.font(BOLD).fontSize(12).text(`${conflict.name}${about}`, MARGIN, doc.y, { width: WIDTH });
    paragraph(doc, `Declared ${deadlineInWords(conflict.declaredAt)}: ${conflict.details ?? ''}`);
    if (conflict.mitigations.length === 0) paragraph(doc, 'No mitigation recorded yet.', BOLD);
    conflict.mitigations.forEach((mitigation, index) =>
      paragraph(
        doc,
        `${index === 0 ? 'Mitigation in force' : 'Earlier mitigation'} (version ${mitigation.version}, ${mitigation.byName}, ` +
          `${deadlineInWords(mitigation.at)}): ${mitigation.text}`,
      ),
    );
    doc.moveDown(0.3);
  }

  section(doc, 'Reviews');
  if (result.reviews.length === 0) paragraph(doc, 'Not reviewed yet.');
  for (const entry of result.reviews) {
    paragraph(
      doc,
      `Revision ${entry.revision}: ${entry.byName}, ${deadlineInWords(entry.at)}.${entry.note ? ` ${entry.note}` : ''}`,
    );
  }
  footers(doc, `${heading}, ${reference}, revision ${review?.revision ?? 0}`);
  return finish();
}

/** Ends `text` with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function section(doc: Pdf, text: string): void {
  doc.moveDown(0.6);
  doc.font(BOLD).fontSize(16).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

function paragraph(doc: Pdf, text: string, font = BODY): void {
  doc.font(font).fontSize(11).text(text, MARGIN, doc.y, { width: WIDTH, lineGap: 2, paragraphGap: 4 });
}

function footers(doc: Pdf, label: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(BODY)
      .fontSize(9)
      .fillColor('#505a5f')
      .text(`${label}. Page ${index + 1} of ${range.count}.`, MARGIN, PAGE.height - 32, { width: WIDTH, lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottom;
  }
}
