import { minutesInWords, poundsInWords } from '../../payments/domain/payment-rules';
import { ACTIVITY_WORDS, EXPENSE_WORDS, STATUS_WORDS } from '../../payments/domain/payment-wording';
import type { LedgerLineResponse, LedgerTotalsResponse } from '../../payments/dto/payment.response';

/** Presentation for the payment pages: reading pounds people type, and lines in words. Pure. */

/** "25", "£25.50", "6.4", " 1,000 " → pence; null for anything else (three decimals, letters, a minus). */
export function penceFromPounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '');
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Pence as the pounds a form shows back: 2550 → "25.50", 2500 → "25". */
export function poundsForForm(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/** Day, month and year boxes → YYYY-MM-DD (not checked for existence: the service does that), or null. */
export function dateFromParts(day: string, month: string, year: string): string | null {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2027-02-12 → "12 February 2027". */
export function dayInWords(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

export const STATUS_TAG: Record<string, string> = {
  claimed: 'govuk-tag--yellow',
  approved: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
};

/** What a line is, in words: "Reading the bids, 1 hour 30 minutes at £25 an hour" or "Travel". */
export function lineInWords(line: LedgerLineResponse): string {
  if (line.kind === 'expense') return line.expenseType ? EXPENSE_WORDS[line.expenseType] : 'Cost';
  const what = line.activity ? ACTIVITY_WORDS[line.activity] : 'time';
  const rate =
    line.ratePence !== null ? `${poundsInWords(line.ratePence)} ${line.rateBasis === 'session' ? 'a session' : 'an hour'}` : '';
  const capitalised = what.charAt(0).toUpperCase() + what.slice(1);
  return `${capitalised}, ${minutesInWords(line.minutes ?? 0)} at ${rate}`;
}

export interface LineView {
  id: string;
  date: string;
  what: string;
  note: string | null;
  amount: string;
  status: { text: string; classes: string };
  claimed: boolean;
  rejectionReason: string | null;
}

export function lineView(line: LedgerLineResponse): LineView {
  return {
    id: line.id,
    date: dayInWords(line.occurredOn),
    what: lineInWords(line),
    note: line.note,
    amount: poundsInWords(line.amountPence),
    status: { text: STATUS_WORDS[line.status], classes: STATUS_TAG[line.status] },
    claimed: line.status === 'claimed',
    rejectionReason: line.rejectionReason,
  };
}

/** The totals as words, for a summary list. */
export function totalsInWords(totals: LedgerTotalsResponse): { approved: string; claimed: string; rejected: string } {
  return {
    approved: poundsInWords(totals.all.approved),
    claimed: poundsInWords(totals.all.claimed),
    rejected: poundsInWords(totals.all.rejected),
  };
}
