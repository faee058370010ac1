import { formValue } from '../web-page';

/** How the new-tender and details forms word their fields for people. */
export const NEW_TENDER_WORDS = {
  reference: 'Enter a reference, like LBC-2027-MHDC-01',
  title: 'Enter the tender’s title',
  bidDeadline: 'Enter a real date and time for the bid deadline, like 31 1 2027 and 12:00',
  description: 'The description is too long',
};

/** The deadline's four boxes, as typed. */
export function deadlineValues(
  body: unknown,
): Record<'deadline-day' | 'deadline-month' | 'deadline-year' | 'deadline-time', string> {
  return {
    'deadline-day': formValue(body, 'deadline-day').trim(),
    'deadline-month': formValue(body, 'deadline-month').trim(),
    'deadline-year': formValue(body, 'deadline-year').trim(),
    'deadline-time': formValue(body, 'deadline-time').trim(),
  };
}
