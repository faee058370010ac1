import { formValue } from '../web-page';

/** How the new-tender and details forms word their fields for people. */
export const NEW_TENDER_WORDS = {
  reference: 'Enter a reference, like LBC-2027-MHDC-01',
  title: 'Enter the tender’s title',
  bidDeadline: 'Enter a real date and time for the bid deadline, like 31 1 2027 and 12:00',
  description: 'The description is too long',
};

/** What the details form says when the scoring deadline's boxes do not make a date and time. */
export const SCORING_DEADLINE_WORDS =
  'Enter a real date and time for the scoring deadline, like 28 2 2027 and 17:00, or leave all four boxes empty';

type DateTimeBox = 'day' | 'month' | 'year' | 'time';

/** A date-time's four boxes (`deadline-day` … `deadline-time`, or another prefix), as typed. */
export function deadlineValues<P extends string = 'deadline'>(
  body: unknown,
  prefix: P = 'deadline' as P,
): Record<`${P}-${DateTimeBox}`, string> {
  const boxes: DateTimeBox[] = ['day', 'month', 'year', 'time'];
  return Object.fromEntries(boxes.map((box) => [`${prefix}-${box}`, formValue(body, `${prefix}-${box}`).trim()])) as Record<
    `${P}-${DateTimeBox}`,
    string
  >;
}
