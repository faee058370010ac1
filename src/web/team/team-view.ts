/*
 * The team pages' own logic: presentation only, pure (no Nest, no TypeORM). What a status
 * is called, how long is left, the next thing a tender waits for, the quorum in words.
 * Every number comes from the services the API calls.
 */
import type { BidProgress } from '../../panel/panel-rules';
import type { TenderWork } from '../../panel/tender-work.service';
import type { TenderStatus } from '../../tenders/tender-lifecycle';

export const STATUS_TAG: Record<TenderStatus, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  published: { text: 'Open for bids', classes: 'govuk-tag--blue' },
  evaluation: { text: 'Scoring', classes: 'govuk-tag--yellow' },
  moderation: { text: 'Moderation', classes: 'govuk-tag--orange' },
  awarded: { text: 'Awarded', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--red' },
};

export const PROGRESS_TEXT: Record<BidProgress, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  submitted: 'Submitted',
  conflict: 'Conflict',
};

export const PROGRESS_TAG: Record<BidProgress, string> = {
  not_started: 'govuk-tag--grey',
  in_progress: 'govuk-tag--light-blue',
  completed: 'govuk-tag--blue',
  submitted: 'govuk-tag--green',
  conflict: 'govuk-tag--red',
};

/** "31 January 2027, 12:00" in UK time. */
export function dateWords(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' }).format(date);
  return `${day}, ${time}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "12 days left", "5 hours left", "Less than an hour left", "Closed 3 days ago". */
export function timeLeft(deadlineIso: string, now: Date): string {
  const ms = new Date(deadlineIso).getTime() - now.getTime();
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const days = Math.floor(hours / 24);
  const span = days >= 1 ? plural(days, 'day') : hours >= 1 ? plural(hours, 'hour') : null;
  if (ms > 0) return span ? `${span} left` : 'Less than an hour left';
  return span ? `Closed ${span} ago` : 'Closed less than an hour ago';
}

export interface TenderSummary {
  id: string;
  status: TenderStatus;
  bidDeadline: string;
  submittedBidCount: number;
  openingApprovals: number;
  openingApprovalsGiven: unknown[] | null;
}

/** The one thing a tender waits for now, with where to do it. */
export function nextStep(tender: TenderSummary, work: TenderWork, now: Date): { text: string; href: string } | null {
  const at = (page: string) => `/tenders/${tender.id}${page}`;
  switch (tender.status) {
    case 'draft':
      return work.panelMembers === 0
        ? { text: 'Check the criteria and add the panel, then publish', href: at('/criteria') }
        : { text: 'Check the criteria, then publish', href: at('/criteria') };
    case 'published': {
      if (new Date(tender.bidDeadline).getTime() > now.getTime()) {
        return { text: `${plural(tender.submittedBidCount, 'bid')} in so far. Bids stay sealed until the deadline.`, href: at('') };
      }
      const given = tender.openingApprovalsGiven?.length ?? 0;
      return given > 0 && tender.openingApprovals > given
        ? { text: 'Another team member must approve opening the bids', href: at('/bids') }
        : { text: 'The deadline has passed: open the bids', href: at('/bids') };
    }
    case 'evaluation': {
      const parts: string[] = [];
      if (work.panelistsNotStarted > 0) parts.push(`${plural(work.panelistsNotStarted, 'panelist')} ${work.panelistsNotStarted === 1 ? 'has' : 'have'} not started`);
      if (work.bidsToCheckAgainstGates > 0) parts.push(`${plural(work.bidsToCheckAgainstGates, 'bid')} to check against the gates`);
      if (parts.length === 0) return { text: 'Check the panel’s progress, then start moderation', href: at('/progress') };
      return { text: parts.join('; '), href: work.panelistsNotStarted > 0 ? at('/progress') : at('/bids') };
    }
    case 'moderation':
      return { text: 'Agree the moderated scores, then award', href: at('/moderation') };
    case 'awarded':
      return { text: 'Download the evaluation record', href: at('/downloads') };
    case 'cancelled':
      return null;
  }
}

/** The quorum rule of a tender in words, and whether the panel as it stands meets it. */
export function quorumWords(
  settings: { minScorers: number; equalRepresentation: boolean },
  panel: { livedExperience: number; professional: number },
  livedExperienceScores: boolean,
): { rule: string[]; met: boolean; problems: string[] } {
  const rule = [`Each criterion needs scores from at least ${plural(settings.minScorers, 'panel member')} on every bid.`];
  if (livedExperienceScores) rule.push('Where lived-experience members score a criterion, at least one of them must score it on every bid.');
  if (settings.equalRepresentation) rule.push('The panel must have at least as many lived-experience members as professional members.');
  const problems: string[] = [];
  const total = panel.livedExperience + panel.professional;
  if (total < settings.minScorers) problems.push(`The panel has ${plural(total, 'member')}; it needs at least ${settings.minScorers}.`);
  if (livedExperienceScores && panel.livedExperience === 0) problems.push('The panel has no lived-experience members.');
  if (settings.equalRepresentation && panel.livedExperience < panel.professional) {
    problems.push(`The panel has ${panel.livedExperience} lived-experience and ${panel.professional} professional members.`);
  }
  return { rule, met: problems.length === 0, problems };
}

/** The grid's filters (a GET form): a group, a state. Presentation only. */
export function filterGrid<M extends { group: string; cells: { progress: BidProgress }[] }>(
  members: readonly M[],
  filter: { group?: string; progress?: string },
): M[] {
  return members.filter(
    (member) =>
      (!filter.group || member.group === filter.group) && (!filter.progress || member.cells.some((cell) => cell.progress === filter.progress)),
  );
}

export const ROLE_WORDS: Record<string, string> = {
  admin: 'Admin',
  commissioner: 'Commissioner',
  procurement: 'Procurement officer',
  panelist: 'Panel member',
  bidder: 'Bidder',
};

export const GROUP_WORDS: Record<string, string> = {
  lived_experience: 'Lived experience',
  professional: 'Professional',
};
