import { ClaimExpenseDto, ClaimTimeDto, RejectLineDto } from '../../payments/dto/payment.dto';
import { MAX_RATE_PENCE, PAYMENT_ACTIVITIES, RATE_BASES } from '../../payments/domain/payment-rules';
import type { SetRatesDto } from '../../payments/dto/payment.dto';
import { addError, noErrors, validateForm, type FormErrors } from '../form';
import { formValue } from '../web-page';
import { dateFromParts, penceFromPounds } from './payment-view';

/**
 * The payment pages' forms → the API's own request DTOs, each failing field worded for people.
 * The date and pounds boxes are read here (pure); the DTO's decorators check the rest.
 */

export type FormValues = Record<string, string>;

export function valuesOf(body: unknown, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((name) => [name, formValue(body, name).trim()]));
}

export const RATE_FIELDS = PAYMENT_ACTIVITIES.flatMap((activity) => [`${activity}-pounds`, `${activity}-basis`]);

export function ratesFrom(values: FormValues): { dto: SetRatesDto; form: FormErrors } {
  const form = noErrors();
  const dto: SetRatesDto = {};
  for (const activity of PAYMENT_ACTIVITIES) {
    const pounds = values[`${activity}-pounds`];
    if (!pounds) {
      dto[activity] = null;
      continue;
    }
    const pence = penceFromPounds(pounds);
    const basis = values[`${activity}-basis`];
    if (pence === null || pence > MAX_RATE_PENCE)
      addError(form, `${activity}-pounds`, `Enter the rate for ${activity} in pounds, like 25 or 12.50, up to £1,000`);
    if (!(RATE_BASES as readonly string[]).includes(basis))
      addError(form, `${activity}-basis`, `Choose whether the rate for ${activity} is per hour or per session`);
    dto[activity] = { basis: basis as 'hour' | 'session', ratePence: pence ?? 0 };
  }
  return { dto, form };
}

export const TIME_FIELDS = ['activity', 'hours', 'minutes', 'date-day', 'date-month', 'date-year', 'note'];

export function timeFrom(values: FormValues): { dto: ClaimTimeDto; form: FormErrors } {
  const hours = values.hours === '' ? 0 : /^\d{1,2}$/.test(values.hours) ? Number(values.hours) : NaN;
  const minutes = values.minutes === '' ? 0 : /^\d{1,4}$/.test(values.minutes) ? Number(values.minutes) : NaN;
  const total = hours * 60 + minutes;
  const { value, form } = validateForm(
    ClaimTimeDto,
    {
      activity: values.activity || undefined,
      minutes: Number.isFinite(total) ? total : undefined,
      occurredOn: dateFromParts(values['date-day'], values['date-month'], values['date-year']) ?? undefined,
      ...(values.note ? { note: values.note } : {}),
    },
    {
      activity: 'Choose what the time was for',
      minutes: 'Enter the time in hours and minutes, at least 1 minute and no more than 24 hours',
      occurredOn: 'Enter the date, like 12 2 2027',
      note: 'The note must be 1000 characters or fewer',
    },
    { activity: 'activity', minutes: 'hours', occurredOn: 'date-day', note: 'time-note' },
  );
  return { dto: value, form };
}

export const EXPENSE_FIELDS = ['expenseType', 'amount', 'date-day', 'date-month', 'date-year', 'note'];

export function expenseFrom(values: FormValues): { dto: ClaimExpenseDto; form: FormErrors } {
  const pence = penceFromPounds(values.amount);
  const { value, form } = validateForm(
    ClaimExpenseDto,
    {
      expenseType: values.expenseType || undefined,
      amountPence: pence ?? undefined,
      occurredOn: dateFromParts(values['date-day'], values['date-month'], values['date-year']) ?? undefined,
      note: values.note,
    },
    {
      expenseType: 'Choose the kind of cost',
      amountPence: 'Enter the amount in pounds, like 6.40, up to £5,000',
      occurredOn: 'Enter the date, like 12 2 2027',
      note: 'Say what the receipt shows, or why there is none',
    },
    { expenseType: 'expenseType', amountPence: 'amount', occurredOn: 'expense-date-day', note: 'expense-note' },
  );
  return { dto: value, form };
}

export function rejectionFrom(values: FormValues, lineId: string): { dto: RejectLineDto; form: FormErrors } {
  const { value, form } = validateForm(
    RejectLineDto,
    { reason: values.reason },
    { reason: 'Say why the line is not approved' },
    { reason: `reason-${lineId}` },
  );
  return { dto: value, form };
}
