import {
  addTotals,
  isCalendarDate,
  ledgerTotals,
  minutesInWords,
  payable,
  paymentReferenceFrom,
  poundsForFinance,
  poundsInWords,
  timeAmountPence,
} from './payment-rules';
import { DEFAULT_PAYMENT_SENTENCE, paymentSentence } from './payment-wording';

describe('timeAmountPence: minutes × rate / 60, rounded half up to the penny', () => {
  it.each([
    // minutes, rate, amount   — arithmetic
    [60, 2500, 2500], //         60 × 2500 / 60 = 2500 exactly
    [90, 2500, 3750], //         90 × 2500 / 60 = 3750 exactly
    [1, 2500, 42], //            2500 / 60 = 41.666… → 42
    [7, 1000, 117], //           7000 / 60 = 116.666… → 117
    [1, 1030, 17], //            1030 / 60 = 17.1666… → 17
    [3, 1010, 51], //            3030 / 60 = 50.5 exactly: half → up, 51
    [1, 30, 1], //               30 / 60 = 0.5: half → up, 1p
    [1, 29, 0], //               29 / 60 = 0.483… → 0
    [45, 1333, 1000], //         59 985 / 60 = 999.75 → 1000
    [1440, 100_000, 2_400_000], // a day at the highest rate: exact
  ])('%i minutes at %ip an hour is %ip', (minutes, rate, amount) => {
    expect(timeAmountPence(minutes, rate, 'hour')).toBe(amount);
  });

  it('pays a session at its rate, whatever its minutes', () => {
    expect(timeAmountPence(150, 5000, 'session')).toBe(5000);
    expect(timeAmountPence(10, 5000, 'session')).toBe(5000);
  });

  it('agrees with exact rational rounding for every minute of a day at awkward rates', () => {
    for (const rate of [1, 7, 999, 1234, 2501]) {
      for (let minutes = 0; minutes <= 1440; minutes += 1) {
        const product = BigInt(minutes * rate);
        const expected = Number((product * 2n + 60n) / 120n); // floor(x + ½) for x = product / 60
        expect(timeAmountPence(minutes, rate, 'hour')).toBe(expected);
      }
    }
  });

  it('refuses a fraction or a negative number rather than round it silently', () => {
    expect(() => timeAmountPence(1.5, 2500, 'hour')).toThrow(RangeError);
    expect(() => timeAmountPence(60, -1, 'hour')).toThrow(RangeError);
  });
});

describe('money in words', () => {
  it('says pounds and pence as people read them, and as finance reads them', () => {
    expect(poundsInWords(2500)).toBe('£25');
    expect(poundsInWords(1250)).toBe('£12.50');
    expect(poundsInWords(5)).toBe('£0.05');
    expect(poundsInWords(123_456_789)).toBe('£1,234,567.89');
    expect(poundsForFinance(2500)).toBe('25.00');
    expect(poundsForFinance(5)).toBe('0.05');
    expect(poundsForFinance(0)).toBe('0.00');
  });

  it('says minutes as hours and minutes', () => {
    expect(minutesInWords(90)).toBe('1 hour 30 minutes');
    expect(minutesInWords(120)).toBe('2 hours');
    expect(minutesInWords(1)).toBe('1 minute');
    expect(minutesInWords(0)).toBe('0 minutes');
  });
});

describe('totals', () => {
  const lines = [
    { kind: 'time' as const, status: 'approved' as const, amountPence: 3750 },
    { kind: 'time' as const, status: 'claimed' as const, amountPence: 42 },
    { kind: 'expense' as const, status: 'approved' as const, amountPence: 640 },
    { kind: 'expense' as const, status: 'rejected' as const, amountPence: 999 },
  ];

  it('sums exactly by kind and status', () => {
    expect(ledgerTotals(lines)).toEqual({
      time: { claimed: 42, approved: 3750, rejected: 0 },
      expenses: { claimed: 0, approved: 640, rejected: 999 },
      all: { claimed: 42, approved: 4390, rejected: 999 },
    });
    expect(ledgerTotals([])).toEqual({
      time: { claimed: 0, approved: 0, rejected: 0 },
      expenses: { claimed: 0, approved: 0, rejected: 0 },
      all: { claimed: 0, approved: 0, rejected: 0 },
    });
  });

  it('adds members’ totals into the tender’s', () => {
    const one = ledgerTotals(lines);
    const sum = addTotals([one, one]);
    expect(sum.all).toEqual({ claimed: 84, approved: 8780, rejected: 1998 });
    expect(sum.time.approved).toBe(7500);
  });

  it('pays nothing for the time of a member who declined, and still pays their costs back', () => {
    expect(payable('time', 'declined')).toBe(false);
    expect(payable('expense', 'declined')).toBe(true);
    expect(payable('time', 'vouchers')).toBe(true);
    expect(payable('time', null)).toBe(true);
  });
});

describe('the letters’ sentence', () => {
  const rate = (activity: 'preparation' | 'reading' | 'scoring' | 'meetings', ratePence = 2500) => ({
    activity,
    basis: 'hour' as const,
    ratePence,
  });

  it('gives one rate when every activity is paid the same', () => {
    expect(paymentSentence([rate('preparation'), rate('reading'), rate('scoring'), rate('meetings')])).toBe(
      'You will be paid £25 an hour for your time, or you can choose vouchers or no payment. Your travel and other costs are paid back too.',
    );
  });

  it('names each rate when they differ', () => {
    expect(
      paymentSentence([rate('reading', 2000), rate('scoring'), { activity: 'meetings', basis: 'session', ratePence: 5000 }]),
    ).toBe(
      'You will be paid £20 an hour for reading the bids, £25 an hour for scoring and £50 a session for meetings, or you can choose vouchers or no payment. Your travel and other costs are paid back too.',
    );
  });

  it('says the default with no rates, and nothing to a professional', () => {
    expect(paymentSentence([])).toBe(DEFAULT_PAYMENT_SENTENCE);
    expect(paymentSentence([rate('scoring', 0)])).toBe(DEFAULT_PAYMENT_SENTENCE);
    expect(paymentSentence([rate('scoring')], 'professional')).toBeNull();
  });
});

describe('small rules', () => {
  it('reads only dates that exist', () => {
    expect(isCalendarDate('2027-02-12')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('12/02/2027')).toBe(false);
  });

  it('makes payment references from the unambiguous alphabet', () => {
    expect(paymentReferenceFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]))).toBe('PAY-23456789');
    expect(paymentReferenceFrom(new Uint8Array(8).fill(255))).toMatch(/^PAY-[2-9A-HJKMNP-Z]{8}$/);
  });
});
