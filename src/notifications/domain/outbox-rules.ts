/**
 * The outbox's rules, pure: what a message is, when a failed one is tried again, when it
 * stops being tried, and how a body holding a one-time link is shown to the team.
 */

export const MESSAGE_KINDS = [
  'panel_invitation',
  'scoring_reminder',
  'unscored_bids',
  'all_scores_in',
  'clarification_published',
  'assessment_summaries_sent',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * queued: waiting for the sender; sent: the mail server (or GOV.UK Notify) took it;
 * failed: given up after MAX_ATTEMPTS (the team can try again); suppressed: the person's
 * needs say not to email them; logged: no mail server is configured, so it went to the log.
 */
export const MESSAGE_STATUSES = ['queued', 'sent', 'failed', 'suppressed', 'logged'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MAX_ATTEMPTS = 5;
/** How long a claimed message is someone's: a sender that dies mid-send frees it after this. */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;
const FIRST_RETRY_MS = 60 * 1000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;

export const NOT_SENT_NO_SERVER = 'Not sent: no mail server configured.';
export const NOT_SENT_NO_EMAIL = 'Not sent: their communication needs say not to email them.';
export const NOT_SENT_NO_ADDRESS = 'Not sent: we have no email address for them.';

/** After the nth failed attempt (1, 2, …): 1, 2, 4, 8 … minutes, never more than an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

export type AfterFailure = { status: 'queued'; nextAttemptAt: Date } | { status: 'failed'; nextAttemptAt: null };

/** What becomes of a message whose attempt number `attempts` failed at `now`. */
export function afterFailure(attempts: number, now: Date): AfterFailure {
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: null };
  return { status: 'queued', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** A mail server's error as the team reads it: one line, no longer than the column. */
export function errorInWords(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.replace(/\s+/g, ' ').trim() || 'The mail server gave no reason.';
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

const MASK = '••••••••';

/**
 * The body as the Messages page shows it: an invitation link and its code are a key to
 * the person's seat, so they are replaced; everything else reads as sent.
 */
export function maskedBody(body: string): string {
  return body
    .replace(/(\/invitation\/)[A-Za-z0-9_-]+/g, `$1${MASK}`)
    .replace(/(code(?: is)?:?\s+)[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}/gi, `$1${MASK}`);
}

export const STATUS_WORDS: Record<MessageStatus, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
  suppressed: 'Not sent: no email',
  logged: 'Not sent: no mail server',
};

/* ---------------------------------------------------------------- reminders ---------- */

/** The team's default: a reminder 7 days and 1 day before the scoring deadline. */
export const DEFAULT_REMINDER_DAYS = [7, 1] as const;
export const MAX_REMINDER_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The reminders due at `now` for a deadline: each "n days before" whose moment has come
 * while the deadline has not passed. The loop sends each (member, n) once, so a reminder
 * whose moment passed while the service was down is still sent, late, before the deadline.
 */
export function dueReminders(daysBefore: readonly number[], deadline: Date, now: Date): number[] {
  if (now.getTime() >= deadline.getTime()) return [];
  return [...new Set(daysBefore)]
    .filter((days) => now.getTime() >= deadline.getTime() - days * DAY_MS)
    .sort((a, b) => a - b)
    .slice(0, 1);
}
