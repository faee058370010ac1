/**
 * How the panel pages present a member's work (pure: the services decide what the work
 * is; this only names where they are on it, in the GOV.UK task list's words).
 */
import { DomainError } from '../../common/domain/domain-error';
import type { FormErrors } from '../form';
import type { AssignmentFrame, BidAssignment } from '../../scoring/assignments.service';
import type { AssignedBidResponse } from '../../scoring/dto/score.response';
import type { ClarificationResponse } from '../../clarifications/dto/clarification.response';
import { dayInWords } from '../../common/domain/time-in-words';

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

// In src/common/domain (the letters read it too); the panel pages import it from here as before.
export { deadlineInWords } from '../../common/domain/time-in-words';

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

/** The check page's rows: each criterion of the bid with the member's score in words and a link to change it. */
export function checkRows(tenderId: string, work: BidAssignment, bid: AssignedBidResponse) {
  const labels = new Map(work.scale.map((level) => [level.score, level.label]));
  return bid.items.map((item) => {
    const criterion = work.criteria.find((c) => c.criterionId === item.criterionId)!;
    return {
      code: item.code,
      title: criterion.title,
      score: item.score === null ? null : `${item.score} – ${labels.get(item.score) ?? ''}`,
      rationale: item.rationale,
      href: `/panel/${tenderId}/bids/${bid.bidId}/criteria/${encodeURIComponent(item.code)}?from=check`,
    };
  });
}

/** The declaration page's model (one bid of the member's list). */
export interface DeclarationPage {
  tenderId: string;
  bid: { bidId: string; bidderName: string };
  position: number;
  total: number;
  values: object;
  form: FormErrors;
}

/** One entry of the Q&A as the panel's page shows it. */
export interface PanelQuestion {
  title: string;
  /** The bidder's question as written (null for a note the team sent without being asked). */
  question: string | null;
  answer: string;
  /** The day it was shared with every bidder, in UK time. */
  published: string | null;
}

/**
 * The published Q&A in the panel's words, in the order bidders see it (by number: the order
 * asked or sent), so "Question 3" means the same to the panel, the team and every bidder.
 * Only published entries reach the panel (ClarificationsService.listForPanel); the asker is never named.
 */
export function panelQuestions(
  entries: readonly Pick<ClarificationResponse, 'number' | 'kind' | 'question' | 'answer' | 'publishedAt'>[],
): PanelQuestion[] {
  return [...entries]
    .sort((a, b) => a.number - b.number)
    .map((entry) => ({
      title: entry.kind === 'notice' ? `Note ${entry.number} from the team` : `Question ${entry.number}`,
      question: entry.kind === 'notice' ? null : entry.question,
      answer: entry.answer ?? '',
      published: entry.publishedAt ? dayInWords(new Date(entry.publishedAt)) : null,
    }));
}
