import { financeCsv, FINANCE_COLUMNS, type FinancePayee } from './finance-csv';
import type { LedgerLine } from './ledger-line.entity';

const line = (overrides: Partial<LedgerLine>): LedgerLine => ({
  id: 'line',
  tenderId: 'tender',
  panelMemberId: 'm1',
  kind: 'time',
  occurredOn: '2027-02-12',
  activity: 'reading',
  minutes: 90,
  ratePence: 2500,
  rateBasis: 'hour',
  expenseType: null,
  amountPence: 3750,
  note: null,
  status: 'approved',
  claimedById: 'u',
  claimedAt: new Date('2027-02-12T16:00:00Z'),
  decidedById: 't',
  decidedAt: new Date('2027-02-13T09:00:00Z'),
  rejectionReason: null,
  ...overrides,
});

const payees = new Map<string, FinancePayee>([
  ['m1', { reference: 'PAY-AAAA2222', name: 'Sam Rivera', choice: 'paid' }],
  ['m2', { reference: 'PAY-BBBB3333', name: '=HYPERLINK("http://evil")', choice: 'declined' }],
]);

const rowsOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(0, -1);

describe('the finance CSV', () => {
  it('has a byte order mark, the header and one row per approved payable line, amounts exact', () => {
    const text = financeCsv(
      'LBC-1',
      [line({}), line({ id: 'l2', status: 'claimed' }), line({ id: 'l3', status: 'rejected' })],
      payees,
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = rowsOf(text);
    expect(rows[0]).toBe(FINANCE_COLUMNS.map((column) => `"${column}"`).join(','));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe(
      '"PAY-AAAA2222","Sam Rivera","payment","LBC-1","2027-02-12","time","reading the bids",90,"25.00 per hour","37.50",3750,,"2027-02-13T09:00:00.000Z"',
    );
  });

  it('leaves out the time of a member who declined but keeps their costs, and neutralises formulas', () => {
    const text = financeCsv(
      'LBC-1',
      [
        line({ panelMemberId: 'm2' }),
        line({
          id: 'e',
          panelMemberId: 'm2',
          kind: 'expense',
          activity: null,
          minutes: null,
          ratePence: null,
          rateBasis: null,
          expenseType: 'travel',
          amountPence: 640,
          note: '+SUM(A1:A9)',
        }),
        line({ id: 'n', note: '-1+2' }),
        line({ id: 'a', note: '@cmd' }),
      ],
      payees,
    );
    const rows = rowsOf(text);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil"")","expenses only (declined payment for time)"`);
    expect(rows[1]).toContain(`"expense","travel",,,"6.40",640,"'+SUM(A1:A9)"`);
    expect(rows[2]).toContain(`"'-1+2"`);
    expect(rows[3]).toContain(`"'@cmd"`);
  });

  it('carries no pseudonym, score or bid column', () => {
    expect(FINANCE_COLUMNS.join(' ')).not.toMatch(/score|pseudonym|bid|recordName|experience/i);
  });
});
