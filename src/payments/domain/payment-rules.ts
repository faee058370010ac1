/*
 * Payment for involvement (issue 17 part 6, docs/PANEL.md "Payment for involvement"):
 * the vocabularies, the arithmetic and the rules, pure. Money is integer pence throughout;
 * no floating-point number ever holds an amount.
 */

/** What a lay member's time is paid for, at the tender's rate for each. */
export const PAYMENT_ACTIVITIES = ['preparation', 'reading', 'scoring', 'meetings'] as const;
export type PaymentActivity = (typeof PAYMENT_ACTIVITIES)[number];

/** A rate is per hour (the line's minutes count) or per session (one line is one session, whatever its length). */
export const RATE_BASES = ['hour', 'session'] as const;
export type RateBasis = (typeof RATE_BASES)[number];

/** Costs paid back at what they cost: travel, the care of someone while the member takes part, support (a support worker, an interpreter), other. */
export const EXPENSE_TYPES = ['travel', 'care', 'support', 'other'] as const;
export type ExpenseType = (typeof EXPENSE_TYPES)[number];

export const LEDGER_LINE_KINDS = ['time', 'expense'] as const;
export type LedgerLineKind = (typeof LEDGER_LINE_KINDS)[number];

/** claimed → approved, or claimed → rejected (with a reason). A decided line is never changed again. */
export const LEDGER_LINE_STATUSES = ['claimed', 'approved', 'rejected'] as const;
export type LedgerLineStatus = (typeof LEDGER_LINE_STATUSES)[number];

/**
 * The member's choice: be paid (bank payment), take it as vouchers (benefit rules can treat
 * vouchers differently from cash), or decline payment for their time. Theirs to make and change.
 */
export const PAYMENT_CHOICES = ['paid', 'vouchers', 'declined'] as const;
export type PaymentChoice = (typeof PAYMENT_CHOICES)[number];

/** The highest rate the service accepts: £1 000 an hour or a session (a typo guard, not a policy). */
export const MAX_RATE_PENCE = 100_000;
/** One time line covers at most a day. */
export const MAX_LINE_MINUTES = 24 * 60;
/** One expense line is at most £5 000. */
export const MAX_EXPENSE_PENCE = 500_000;

/** Hours × rate: minutes × rate / 60, rounded half up to the penny, in integers only. */
export function timeAmountPence(minutes: number, ratePence: number, basis: RateBasis): number {
  assertWhole('minutes', minutes);
  assertWhole('ratePence', ratePence);
  if (basis === 'session') return ratePence;
  // minutes × rate ≤ 1 440 × 100 000 = 1.44e8: exact in a double, far below 2^53.
  const product = minutes * ratePence;
  const whole = Math.floor(product / 60);
  const remainder = product - whole * 60;
  // Round half up: a remainder of 30 sixtieths or more (half a penny or more) is the next penny.
  return remainder * 2 >= 60 ? whole + 1 : whole;
}

function assertWhole(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number of zero or more, not ${value}`);
}

/** £12.50, £25, £0.05: pounds and pence from integer pence, as people read a price. */
export function poundsInWords(pence: number): string {
  assertWhole('pence', pence);
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  const grouped = pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rest === 0 ? `£${grouped}` : `£${grouped}.${rest.toString().padStart(2, '0')}`;
}

/** 12.50, 25.00: for finance's spreadsheet (always two decimals, no symbol, no separators). */
export function poundsForFinance(pence: number): string {
  assertWhole('pence', pence);
  return `${Math.floor(pence / 100)}.${(pence % 100).toString().padStart(2, '0')}`;
}

/** A rate as a person reads it: "£25 an hour", "£40 a session". */
export function rateInWords(ratePence: number, basis: RateBasis): string {
  return `${poundsInWords(ratePence)} ${basis === 'hour' ? 'an hour' : 'a session'}`;
}

/** "1 hour 30 minutes", "45 minutes". */
export function minutesInWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    ...(hours > 0 ? [`${hours} ${hours === 1 ? 'hour' : 'hours'}`] : []),
    ...(rest > 0 || hours === 0 ? [`${rest} ${rest === 1 ? 'minute' : 'minutes'}`] : []),
  ];
  return parts.join(' ');
}

/* ------------------------------------------------------------------ totals ---------- */

export interface LineForTotals {
  kind: LedgerLineKind;
  status: LedgerLineStatus;
  amountPence: number;
}

export interface StatusTotals {
  claimed: number;
  approved: number;
  rejected: number;
}

export interface LedgerTotals {
  time: StatusTotals;
  expenses: StatusTotals;
  /** Time and expenses together, by status. */
  all: StatusTotals;
}

const zero = (): StatusTotals => ({ claimed: 0, approved: 0, rejected: 0 });

/** Exact sums in pence, by kind and status. */
export function ledgerTotals(lines: readonly LineForTotals[]): LedgerTotals {
  const totals: LedgerTotals = { time: zero(), expenses: zero(), all: zero() };
  for (const line of lines) {
    const bucket = line.kind === 'time' ? totals.time : totals.expenses;
    bucket[line.status] += line.amountPence;
    totals.all[line.status] += line.amountPence;
  }
  return totals;
}

/** The sum of several members' totals (the tender's). */
export function addTotals(many: readonly LedgerTotals[]): LedgerTotals {
  const sum: LedgerTotals = { time: zero(), expenses: zero(), all: zero() };
  for (const totals of many) {
    for (const key of ['time', 'expenses', 'all'] as const) {
      for (const status of LEDGER_LINE_STATUSES) sum[key][status] += totals[key][status];
    }
  }
  return sum;
}

/**
 * What finance pays for an approved line: nothing for the time of a member who declined
 * payment (their expenses are still paid back: a refund of costs is not payment).
 */
export function payable(kind: LedgerLineKind, choice: PaymentChoice | null): boolean {
  return kind === 'expense' || choice !== 'declined';
}

/* ------------------------------------------------------------------ rules ---------- */

/** Only the lived-experience group has a ledger: professionals take part in work time, paid by their employer. */
export function mayHaveLedger(group: string): boolean {
  return group === 'lived_experience';
}

/** A decision on a line: only a claimed line is decided, once. */
export function decisionProblem(status: LedgerLineStatus): string | null {
  return status === 'claimed' ? null : `This line is ${status} already; a decided line is not changed.`;
}

/** The payment reference finance sees: unrelated to the member's pseudonym or id on the record. */
export const PAYMENT_REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PAYMENT_REFERENCE_LENGTH = 8;

export function paymentReferenceFrom(randomBytes: Uint8Array): string {
  const chars = [...randomBytes.slice(0, PAYMENT_REFERENCE_LENGTH)].map(
    (byte) => PAYMENT_REFERENCE_ALPHABET[byte % PAYMENT_REFERENCE_ALPHABET.length],
  );
  return `PAY-${chars.join('')}`;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
