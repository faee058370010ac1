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
