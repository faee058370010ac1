import {
  PAYMENT_ACTIVITIES,
  rateInWords,
  type ExpenseType,
  type LedgerLineStatus,
  type PaymentActivity,
  type PaymentChoice,
  type RateBasis,
} from './payment-rules';

/*
 * The words a member reads about payment: the letters' sentence (issue 17 part 3 uses it)
 * and the choices on the member's own page. Pure; plain words, short sentences.
 */

export interface RateForWords {
  activity: PaymentActivity;
  basis: RateBasis;
  ratePence: number;
}

export const ACTIVITY_WORDS: Record<PaymentActivity, string> = {
  preparation: 'preparation',
  reading: 'reading the bids',
  scoring: 'scoring',
  meetings: 'meetings',
};

export const DEFAULT_PAYMENT_SENTENCE =
  'You will be paid for your time and your costs, such as travel, or you can choose vouchers or no payment. The team will tell you the rate.';

/**
 * The sentence about payment for a member's letter. One rate for every activity: "You will be
 * paid £25 an hour for your time, …". Different rates: each named. No rates set: the default.
 * Professionals are paid by their employer: no sentence (null).
 */
export function paymentSentence(rates: readonly RateForWords[], group: string = 'lived_experience'): string | null {
  if (group !== 'lived_experience') return null;
  const set = PAYMENT_ACTIVITIES.map((activity) => rates.find((rate) => rate.activity === activity)).filter(
    (rate): rate is RateForWords => rate !== undefined && rate.ratePence > 0,
  );
  if (set.length === 0) return DEFAULT_PAYMENT_SENTENCE;
  const choice = 'or you can choose vouchers or no payment. Your travel and other costs are paid back too.';
  const same = set.every((rate) => rate.basis === set[0].basis && rate.ratePence === set[0].ratePence);
  if (same && set.length === PAYMENT_ACTIVITIES.length)
    return `You will be paid ${rateInWords(set[0].ratePence, set[0].basis)} for your time, ${choice}`;
  const each = set.map((rate) => `${rateInWords(rate.ratePence, rate.basis)} for ${ACTIVITY_WORDS[rate.activity]}`);
  const list = each.length === 1 ? each[0] : `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}`;
  return `You will be paid ${list}, ${choice}`;
}

export const CHOICE_WORDS: Record<PaymentChoice, { label: string; hint: string }> = {
  paid: { label: 'Pay me', hint: 'The money is paid to you, usually into your bank account.' },
  vouchers: {
    label: 'Give me vouchers instead',
    hint: 'Some people choose vouchers because of the rules of the benefits they get.',
  },
  declined: {
    label: 'I do not want to be paid for my time',
    hint: 'You can still have your travel and other costs paid back.',
  },
};

export const EXPENSE_WORDS: Record<ExpenseType, string> = {
  travel: 'Travel',
  care: 'Care (for someone you look after)',
  support: 'Support (a support worker or interpreter)',
  other: 'Other costs',
};

export const STATUS_WORDS: Record<LedgerLineStatus, string> = {
  claimed: 'Waiting for approval',
  approved: 'Approved',
  rejected: 'Not approved',
};
