import type { SummaryContent, SummaryLine } from './summary-content';

/*
 * One assessment summary as a sequence of blocks — headings, paragraphs, tables — that the
 * page, the PDF (pdfkit) and the DOCX (docx) each lay out in their own way, so the three say
 * the same words and the same figures. Figures are printed with 2 decimals, as GET /results
 * rounds them; prices in pounds and pence.
 */

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'table'; label: string; header: string[]; rows: string[][] };

export function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

export function pounds(value: number): string {
  return `£${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const lineName = (line: SummaryLine) => `${line.code} ${line.title}`;

function scoreWords(content: SummaryContent, line: SummaryLine, who: 'own' | 'winner'): string {
  const score = who === 'own' ? line.score : line.winnerScore;
  const weighted = who === 'own' ? line.weighted : line.winnerWeighted;
  if (line.kind === 'price') {
    const price = who === 'own' ? content.price : content.winnerPrice;
    return `price ${price === null ? '–' : pounds(price)}, weighted score ${figure(weighted)} of ${figure(line.weight)}`;
  }
  if (line.kind === 'section') return `weighted score ${figure(weighted)} of ${figure(line.weight)}`;
  return `score ${figure(score)} out of ${content.scale.max}, weighted score ${figure(weighted)} of ${figure(line.weight)}`;
}

export function summaryBlocks(content: SummaryContent): Block[] {
  const winnerColumns = !content.isWinner && content.winnerName !== null;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Assessment summary' },
    { kind: 'paragraph', text: `${content.tender.title} (${content.tender.reference})` },
    { kind: 'paragraph', text: `Supplier: ${content.bidderName}`, bold: true },
    {
      kind: 'paragraph',
      text:
        'This summary explains how your tender was assessed against the award criteria (Procurement Act 2023, section 50). ' +
        `Scores are on a scale of ${content.scale.min} to ${content.scale.max}. A weighted score is in percentage points of the ` +
        'whole evaluation, so the total is out of 100.',
    },
  ];
  if (content.overall.trim()) blocks.push({ kind: 'paragraph', text: content.overall.trim() });
  if (winnerColumns)
    blocks.push({ kind: 'paragraph', text: `The most advantageous tender was submitted by ${content.winnerName}.` });

  blocks.push({ kind: 'heading', level: 2, text: 'Scores' });
  const header = ['Criterion', 'Importance (%)', 'Your score', 'Your weighted score'];
  if (winnerColumns) header.push('Most advantageous tender: score', 'Most advantageous tender: weighted score');
  blocks.push({
    kind: 'table',
    label: 'Scores',
    header,
    rows: content.criteria.map((line) => {
      const name = `${'  '.repeat(line.depth)}${lineName(line)}`;
      const own = line.kind === 'price' ? pounds(content.price) : figure(line.score);
      const row = [name, figure(line.weight), line.kind === 'section' ? '' : own, figure(line.weighted)];
      if (winnerColumns) {
        const best =
          line.kind === 'price' ? (content.winnerPrice === null ? '–' : pounds(content.winnerPrice)) : figure(line.winnerScore);
        row.push(line.kind === 'section' ? '' : best, figure(line.winnerWeighted));
      }
      return row;
    }),
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Sub-totals and total' });
  blocks.push({
    kind: 'table',
    label: 'Sub-totals and total',
    header: winnerColumns ? ['', 'Your tender', 'Most advantageous tender'] : ['', 'Your tender'],
    rows: [
      ...content.subtotals.map((entry) =>
        winnerColumns ? [entry.label, figure(entry.value), figure(entry.winnerValue)] : [entry.label, figure(entry.value)],
      ),
      winnerColumns ? ['Total', figure(content.total), figure(content.winnerTotal)] : ['Total', figure(content.total)],
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: 'Each criterion' });
  for (const line of content.criteria) {
    blocks.push({ kind: 'heading', level: 3, text: lineName(line) });
    const parent = line.depth > 0 ? ' It is a sub-criterion: its weight is part of the section above it.' : '';
    blocks.push({ kind: 'paragraph', text: `Relative importance: ${figure(line.weight)}% of the total.${parent}` });
    blocks.push({ kind: 'paragraph', text: `How it was scored: ${line.howScored}` });
    blocks.push({ kind: 'paragraph', text: `Your tender: ${scoreWords(content, line, 'own')}.`, bold: true });
    if (winnerColumns)
      blocks.push({ kind: 'paragraph', text: `The most advantageous tender: ${scoreWords(content, line, 'winner')}.` });
    if (line.explanation?.trim()) {
      for (const text of line.explanation.trim().split(/\n+/)) blocks.push({ kind: 'paragraph', text });
    }
  }

  if (content.gates.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Pass or fail criteria' });
    for (const gate of content.gates) {
      const outcome = gate.passed === null ? 'not recorded' : gate.passed ? 'passed' : 'failed';
      blocks.push({
        kind: 'paragraph',
        text: `${gate.code} ${gate.title}: ${outcome}.${gate.note ? ` ${gate.note}` : ''}`,
      });
    }
  }
  if (content.exclusions.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Why your tender could not be ranked' });
    for (const exclusion of content.exclusions) blocks.push({ kind: 'paragraph', text: exclusion.detail });
  }
  return blocks;
}
