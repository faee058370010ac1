import { csvRow, UTF8_BOM } from '../exports/cell-safety';
import { payable, poundsForFinance, type PaymentChoice } from './domain/payment-rules';
import { ACTIVITY_WORDS } from './domain/payment-wording';
import type { LedgerLine } from './ledger-line.entity';

/**
 * The finance CSV: one row per approved line finance pays. It names the person (finance pays
 * real people) with the payment reference, and carries nothing of the evaluation: no scores,
 * no pseudonym (that would tie the name to the scoring record), no bids. Text that could start
 * a formula is prefixed with a single quote (`csvField`, OWASP "CSV Injection").
 */
export const FINANCE_COLUMNS = [
  'paymentReference',
  'name',
  'paymentMethod',
  'tenderReference',
  'date',
  'kind',
  'item',
  'minutes',
  'rate',
  'amount',
  'amountPence',
  'note',
  'approvedAt',
] as const;

const METHOD_WORDS: Record<PaymentChoice | 'not_chosen', string> = {
  paid: 'payment',
  vouchers: 'vouchers',
  declined: 'expenses only (declined payment for time)',
  not_chosen: 'not chosen yet: ask the member before paying',
};

export interface FinancePayee {
  reference: string;
  name: string;
  choice: PaymentChoice | null;
}

export function financeCsv(
  tenderReference: string,
  lines: readonly LedgerLine[],
  payees: ReadonlyMap<string, FinancePayee>,
): string {
  const rows = [UTF8_BOM + csvRow(FINANCE_COLUMNS)];
  for (const line of lines) {
    const payee = payees.get(line.panelMemberId);
    if (line.status !== 'approved' || !payee || !payable(line.kind, payee.choice)) continue;
    rows.push(
      csvRow([
        payee.reference,
        payee.name,
        METHOD_WORDS[payee.choice ?? 'not_chosen'],
        tenderReference,
        line.occurredOn,
        line.kind,
        line.activity ? ACTIVITY_WORDS[line.activity] : line.expenseType,
        line.minutes,
        line.ratePence !== null ? `${poundsForFinance(line.ratePence)} per ${line.rateBasis}` : null,
        poundsForFinance(line.amountPence),
        line.amountPence,
        line.note,
        line.decidedAt?.toISOString() ?? null,
      ]),
    );
  }
  return rows.join('');
}
