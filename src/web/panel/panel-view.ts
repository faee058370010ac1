/**
 * How the panel pages present a member's work (pure: the services decide what the work
 * is; this only names where they are on it, in the GOV.UK task list's words).
 */
import { DomainError } from '../../common/domain/domain-error';
import type { AssignmentFrame } from '../../scoring/assignments.service';

export type BidTaskStatus = 'not_started' | 'in_progress' | 'completed' | 'submitted';

export const BID_TASK_STATUS_TEXT: Record<BidTaskStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Ready to check',
  submitted: 'Submitted',
};

/** Minutes a panelist is asked to allow per criterion (reading an answer and writing a reason). */
export const MINUTES_PER_CRITERION = 10;

export function bidTaskStatus(items: readonly { status: 'not_started' | 'draft' | 'submitted' }[]): BidTaskStatus {
  return bidProgressStatus({
    criteria: items.length,
    saved: items.filter((item) => item.status !== 'not_started').length,
    submitted: items.length > 0 && items.every((item) => item.status === 'submitted'),
  });
}

/** `bidTaskStatus` from counts (the task list reads counts per bid, not a row per criterion). */
export function bidProgressStatus(progress: { criteria: number; saved: number; submitted: boolean }): BidTaskStatus {
  if (progress.submitted) return 'submitted';
  if (progress.saved === 0) return 'not_started';
  return progress.saved === progress.criteria ? 'completed' : 'in_progress';
}

/** Where "Start" or "Continue" takes the member on a bid: the first criterion without a score, else the check page. */
export function nextCriterion(
  items: readonly { code: string; status: 'not_started' | 'draft' | 'submitted' }[],
  after?: string,
): string | null {
  const from = after === undefined ? 0 : items.findIndex((item) => item.code === after) + 1;
  if (after !== undefined) return items[from]?.code ?? null;
  return items.slice(from).find((item) => item.status === 'not_started')?.code ?? null;
}

/** "About 40 minutes" / "About 2 hours": rounded for people, never less than the work. */
export function timeToAllow(criteria: number, bids: number): string {
  const minutes = criteria * bids * MINUTES_PER_CRITERION;
  if (minutes < 60) return `about ${Math.max(minutes, 10)} minutes`;
  const hours = Math.ceil(minutes / 30) / 2;
  return `about ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** Moved to src/common/domain/uk-time.ts (the emails say deadlines the same way); kept here for the pages. */
export { deadlineInWords } from '../../common/domain/uk-time';

/** Numbers as words up to ten (GOV.UK style for body text). */
export function countInWords(n: number): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return words[n] ?? String(n);
}

/** Scoring is over because the deadline passed (the tender is still in evaluation). */
export function deadlinePassed(work: AssignmentFrame): boolean {
  return !work.scoringOpen && work.tenderStatus === 'evaluation' && work.scoringDeadline !== null;
}

/** The task list's tag for a bid not yet finished. */
export function tagFor(status: 'not_started' | 'in_progress') {
  return {
    tag: { text: BID_TASK_STATUS_TEXT[status], classes: status === 'in_progress' ? 'govuk-tag--light-blue' : 'govuk-tag--blue' },
  };
}

/** The service refused because scoring closed between the page's check and the save (409). */
export function closedMeanwhile(error: unknown): boolean {
  return error instanceof DomainError && error.code === 'invalid_state' && typeof error.extensions.scoringDeadline === 'string';
}
