/*
 * Fact-checking an easy-read summary: the team sends one version to the bidder, who has a
 * set number of working days to approve it or comment. The state is computed on read from
 * the clock (no scheduler): once the time has passed without an answer it is "no response".
 * Pure rules, no framework.
 */

/** What a bidder may answer. */
export const FACT_CHECK_DECISIONS = ['approve', 'comment'] as const;
export type FactCheckDecision = (typeof FACT_CHECK_DECISIONS)[number];

/** What is stored once a bidder answers. */
export const FACT_CHECK_OUTCOMES = ['approved', 'commented'] as const;
export type FactCheckOutcome = (typeof FACT_CHECK_OUTCOMES)[number];

/**
 * A sent version's state: `awaiting` the bidder's answer, `approved`, `commented` (the team
 * revises), `no_response` (the time passed), `superseded` (a newer version was sent before
 * the bidder answered this one).
 */
export const FACT_CHECK_STATES = ['awaiting', 'approved', 'commented', 'no_response', 'superseded'] as const;
export type FactCheckState = (typeof FACT_CHECK_STATES)[number];

/** Working days the bidder has by default: a working week, as for clarification answers. */
export const DEFAULT_WORKING_DAYS = 5;
export const MIN_WORKING_DAYS = 2;
export const MAX_WORKING_DAYS = 20;

export interface FactCheckFacts {
  versionNumber: number;
  respondBy: Date;
  outcome: FactCheckOutcome | null;
}

/**
 * `days` working days after `from`, at the same time of day (UTC): Saturdays and Sundays
 * are not counted. Bank holidays are not known here and count as working days: the team
 * gives more days around them.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const at = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const weekday = at.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return at;
}

/** The state of one check, given the newest version sent on the same bid. */
export function factCheckState(check: FactCheckFacts, newestSentNumber: number, now: Date): FactCheckState {
  if (check.outcome) return check.outcome;
  if (check.versionNumber < newestSentNumber) return 'superseded';
  return now.getTime() >= check.respondBy.getTime() ? 'no_response' : 'awaiting';
}

/** The state a panelist may read a summary in: approved by its bidder, or not answered in time. */
export function isSettled(state: FactCheckState): boolean {
  return state === 'approved' || state === 'no_response';
}

/**
 * The version the panel reads: the newest one whose check is settled (approved, or the time
 * passed). A newer version still with the bidder, or commented on, does not replace it.
 */
export function panelVersion<T extends FactCheckFacts>(checks: readonly T[], now: Date): T | null {
  const newestSent = Math.max(0, ...checks.map((check) => check.versionNumber));
  const settled = checks.filter((check) => isSettled(factCheckState(check, newestSent, now)));
  return settled.reduce<T | null>((best, check) => (!best || check.versionNumber > best.versionNumber ? check : best), null);
}

/** Why a bidder cannot answer this check now, or null. */
export function responseProblem(state: FactCheckState, respondBy: Date): string | null {
  switch (state) {
    case 'awaiting':
      return null;
    case 'approved':
    case 'commented':
      return 'You have answered about this summary already.';
    case 'no_response':
      return `The time to check this summary ended on ${respondBy.toISOString()}. Ask the commissioning team if something is wrong.`;
    case 'superseded':
      return 'The team has sent a newer version of this summary: check that one.';
  }
}

/** Why the team cannot send this version, or null: only the newest version, once, matching the template. */
export function sendProblem(
  version: { number: number; sent: boolean; followsTemplate: boolean },
  newestNumber: number,
): string | null {
  if (version.sent) return 'This version has been sent to the bidder already.';
  if (version.number !== newestNumber) return 'Only the newest version can be sent: a newer one has been written.';
  if (!version.followsTemplate)
    return 'This version was written under other headings or another word limit: write it again under the current template.';
  return null;
}

/** Who reads a bid's summary, and so which of its versions they see (team: all; bidder: sent; panel: settled). */
export const SUMMARY_VIEWERS = ['team', 'bidder', 'panel'] as const;
export type SummaryViewer = (typeof SUMMARY_VIEWERS)[number];
