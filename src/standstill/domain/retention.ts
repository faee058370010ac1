/**
 * Keeping records (Procurement Act 2023, s.98): a tender's records are kept for at least three
 * years from the day the contract was entered into. Pure, so the report and any future purge
 * path share one date.
 */
export const RETENTION_YEARS = 3;

/** The first instant the records may go: the same date and time, three years on (29 February → 1 March). */
export function retainUntil(contractEnteredAt: Date): Date {
  const at = new Date(contractEnteredAt.getTime());
  at.setUTCFullYear(at.getUTCFullYear() + RETENTION_YEARS);
  return at;
}

/** Whether the records may be deleted at `at`. */
export function retentionEnded(contractEnteredAt: Date, at: Date): boolean {
  return at.getTime() >= retainUntil(contractEnteredAt).getTime();
}

/**
 * Why a delete or purge of the tender's records is refused at `at`, with the date it becomes
 * possible (null once the three years have passed). Every delete path says this sentence.
 */
export function retentionRefusal(contractEnteredAt: Date, at: Date): string | null {
  if (retentionEnded(contractEnteredAt, at)) return null;
  const until = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(retainUntil(contractEnteredAt));
  return `The records of this tender must be kept until ${until}, three years from the day the contract was entered into (Procurement Act 2023, section 98): they can be deleted from then.`;
}
