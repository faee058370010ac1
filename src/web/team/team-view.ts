/*
 * The team pages' own logic: presentation only, pure (no Nest, no TypeORM). What a status
 * is called, how long is left, the next thing a tender waits for, the quorum in words.
 * Every number comes from the services the API calls.
 */
import { PPN002_MINIMUM_HUNDREDTHS, socialValueHundredths, type CriterionKind } from '../../criteria/domain';
import type { BidProgress } from '../../panel/domain/panel-rules';
import type { TenderWork } from '../../panel/tender-work.service';
import type { TenderStatus } from '../../tenders/domain/tender-lifecycle';

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
  const day = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Europe/London',
  }).format(date);
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

/** The progress page's line on the scoring deadline: when scoring closes (or closed), or that there is none. */
export function scoringDeadlineWords(scoringDeadline: string | null, now: Date): string {
  if (scoringDeadline === null) return 'No scoring deadline set.';
  const when = dateWords(scoringDeadline);
  return new Date(scoringDeadline).getTime() > now.getTime()
    ? `Scoring closes on ${when} (${timeLeft(scoringDeadline, now)}).`
    : `Scoring closed on ${when}.`;
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
        return {
          text: `${plural(tender.submittedBidCount, 'bid')} in so far. Bids stay sealed until the deadline.`,
          href: at(''),
        };
      }
      const given = tender.openingApprovalsGiven?.length ?? 0;
      return given > 0 && tender.openingApprovals > given
        ? { text: 'Another team member must approve opening the bids', href: at('/bids') }
        : { text: 'The deadline has passed: open the bids', href: at('/bids') };
    }
    case 'evaluation': {
      const parts: string[] = [];
      if (work.panelistsNotStarted > 0)
        parts.push(
          `${plural(work.panelistsNotStarted, 'panelist')} ${work.panelistsNotStarted === 1 ? 'has' : 'have'} not started`,
        );
      if (work.bidsToCheckAgainstGates > 0)
        parts.push(`${plural(work.bidsToCheckAgainstGates, 'bid')} to check against the gates`);
      if (parts.length === 0) return { text: 'Start moderation once the panel has scored', href: at('/moderation') };
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
  if (livedExperienceScores)
    rule.push('Where lived-experience members score a criterion, at least one of them must score it on every bid.');
  if (settings.equalRepresentation)
    rule.push('The panel must have at least as many lived-experience members as professional members.');
  const problems: string[] = [];
  const total = panel.livedExperience + panel.professional;
  if (total < settings.minScorers)
    problems.push(`The panel has ${plural(total, 'member')}; it needs at least ${settings.minScorers}.`);
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
      (!filter.group || member.group === filter.group) &&
      (!filter.progress || member.cells.some((cell) => cell.progress === filter.progress)),
  );
}

export const ROLE_WORDS: Record<string, string> = {
  admin: 'Admin',
  commissioner: 'Commissioner',
  procurement: 'Procurement officer',
  panelist: 'Panel member',
  bidder: 'Bidder',
};

/** An organisation's type in words (the account pages and the team's bid page). */
export const ORGANISATION_WORDS: Record<string, string> = {
  vcse: 'Voluntary, community or social enterprise',
  sme: 'Small or medium business',
  large: 'Large business',
  public: 'Public body',
};

export const GROUP_WORDS: Record<string, string> = {
  lived_experience: 'Lived experience',
  professional: 'Professional',
};

/**
 * A day and a time typed in UK time ("31", "1", "2027", "12:00") as an ISO instant, or
 * null when they do not make a real date and time. British Summer Time is taken into
 * account: the offset is read for that very moment.
 */
export function ukDateTimeToIso(day: string, month: string, year: string, time: string): string | null {
  const [d, m, y] = [day, month, year].map((part) => (/^\d{1,4}$/.test(part.trim()) ? Number(part.trim()) : NaN));
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!clock || [d, m, y].some(Number.isNaN) || y < 2000 || y > 2999) return null;
  const [hours, minutes] = [Number(clock[1]), Number(clock[2])];
  if (hours > 23 || minutes > 59) return null;
  const asUtc = Date.UTC(y, m - 1, d, hours, minutes);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return null;
  const offsetMinutes = londonOffsetMinutes(new Date(asUtc));
  return new Date(asUtc - offsetMinutes * 60_000).toISOString();
}

/** Minutes Europe/London is ahead of UTC at this instant (0 or 60). */
function londonOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    day: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const londonMinutes = (get('hour') % 24) * 60 + get('minute') + (get('day') !== at.getUTCDate() ? 24 * 60 : 0);
  return londonMinutes - (at.getUTCHours() * 60 + at.getUTCMinutes());
}

/** An ISO instant as the day, month, year and time a person would type in UK time. */
export function isoToUkParts(iso: string): { day: string; month: string; year: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year'), time: `${get('hour')}:${get('minute')}` };
}

/** Hundredths of a percent as "12.5%". */
export const percent = (weight: number): string => `${weight}%`;

/** One sentence on each setting, shown as its hint. */
export const SETTING_HINTS = {
  priceFormula: 'How a bid’s price becomes points.',
  tieBreak: 'What decides between bids with the same total score.',
  aggregation: 'How the panel’s scores for one answer are combined.',
  minScorers: 'The fewest usable scores each criterion needs on each bid before its result counts without a flag.',
  equalRepresentation: 'Moderation waits until the panel has at least as many lived-experience members as professional ones.',
  divergenceThreshold: 'When the highest and lowest scores for one answer are this many points apart, moderation looks at it.',
  abnormallyLowRatio: 'A price below this share of the average price is flagged as possibly too low to deliver the service.',
  blindMarking: 'The panel sees “Bid 1”, “Bid 2” instead of the bidders’ names.',
  priceVisibleToPanel: 'Most tenders keep prices from the panel so quality is judged on its own.',
  moderationRequired: 'Every score is agreed in a moderation meeting before results are final.',
  openingApprovals: 'How many different team members must approve opening the bids after the deadline.',
} as const;

export const PRICE_FORMULAS = [
  { value: 'lowest_ratio', text: 'Lowest price gets full marks', hint: 'A bid at twice the lowest price gets half the marks.' },
  {
    value: 'linear_deviation',
    text: 'Points lost for distance from the lowest price',
    hint: 'A bid 10% above the lowest price gets 90% of the marks.',
  },
  {
    value: 'min_max_linear',
    text: 'Scale between lowest and highest price',
    hint: 'The lowest price gets full marks, the highest none, and the rest in between.',
  },
];

export const TIE_BREAKS = [
  { value: 'none', text: 'No tie-break', hint: 'Bids with the same total share the rank. The team decides.' },
  { value: 'quality', text: 'Higher quality score wins', hint: 'The bid with more points for quality ranks first.' },
  { value: 'price', text: 'Lower price wins', hint: 'The bid with the lower price ranks first.' },
];

/** Does any criterion in this tree ask this group to score it? */
export function anyScoredBy(
  tree: readonly { scoredBy: readonly string[]; children: readonly unknown[] }[],
  group: string,
): boolean {
  return tree.some((node) => node.scoredBy.includes(group) || anyScoredBy(node.children as typeof tree, group));
}

/* ------------------------------------------------------------------ criteria tree ---------- */

export const CATEGORY_WORDS: Record<string, string> = {
  quality: 'Quality',
  co_production: 'Co-production',
  social_outcome: 'Social outcome',
  economic_outcome: 'Economic outcome',
  environmental_outcome: 'Environmental outcome',
  price: 'Price',
  compliance: 'Pass or fail',
};

export const KIND_WORDS: Record<string, string> = {
  section: 'Section (holds other criteria)',
  scored: 'Scored question',
  price: 'Price',
  pass_fail: 'Pass or fail gate',
};

export interface TreeNode {
  id: string;
  code: string;
  title: string;
  kind: string;
  category: string | null;
  weight: number;
  scoredBy: string[];
  /** Whole percents per group, when both groups score it and their scores are split. */
  groupWeights?: Partial<Record<string, number>> | null;
  children: TreeNode[];
}

export interface CriterionRow {
  id: string;
  code: string;
  title: string;
  kind: string;
  category: string;
  weight: string;
  depth: number;
  scoredBy: string;
  /** "Professional 60%, lived experience 40%", or '' when every score counts the same. */
  split: string;
  /** Whether it has a sibling before it, and after it, in its section (the Move up and Move down buttons). */
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Sections: their children's sum against their own weight. */
  sum: { text: string; matches: boolean } | null;
}

/** Hundredths, exactly (weights have at most 2 decimals). */
const hundredths = (weight: number): number => Math.round(weight * 100);
const fromHundredthsText = (value: number): string => `${value / 100}%`;

/** "Professional 60%, lived experience 40%": the split in the form's order (professional first). */
export function splitWords(groupWeights: Partial<Record<string, number>> | null | undefined): string {
  if (!groupWeights) return '';
  const share = (group: string, words: string) => (groupWeights[group] === undefined ? [] : [`${words} ${groupWeights[group]}%`]);
  return [...share('professional', 'Professional'), ...share('lived_experience', 'lived experience')].join(', ');
}

/** The tree as rows in reading order, each section with the sum of its children. */
export function criteriaRows(tree: readonly TreeNode[], depth = 0): CriterionRow[] {
  return tree.flatMap((node, index) => {
    const childSum = node.children.reduce((sum, child) => sum + hundredths(child.weight), 0);
    const row: CriterionRow = {
      id: node.id,
      code: node.code,
      title: node.title,
      kind: KIND_WORDS[node.kind] ?? node.kind,
      category: node.category ? (CATEGORY_WORDS[node.category] ?? node.category) : '',
      weight: fromHundredthsText(hundredths(node.weight)),
      depth,
      scoredBy: node.scoredBy.map((group) => GROUP_WORDS[group] ?? group).join(' and '),
      split: splitWords(node.groupWeights),
      canMoveUp: index > 0,
      canMoveDown: index < tree.length - 1,
      sum:
        node.kind === 'section'
          ? {
              text: `Its criteria add up to ${fromHundredthsText(childSum)} of its ${fromHundredthsText(hundredths(node.weight))}`,
              matches: childSum === hundredths(node.weight),
            }
          : null,
    };
    return [row, ...criteriaRows(node.children, depth + 1)];
  });
}

/** The top level's sum against 100 %, and the Social Value share with the PPN 002 warning under 10 %. */
export function treeTotals(tree: readonly TreeNode[]): {
  total: string;
  totalMatches: boolean;
  socialValue: string;
  socialValueWarning: boolean;
} {
  const total = tree.reduce((sum, node) => sum + hundredths(node.weight), 0);
  const nodes = (level: readonly TreeNode[]): TreeNode[] => level.flatMap((node) => [node, ...nodes(node.children)]);
  const social = socialValueHundredths(
    nodes(tree).map((node) => ({
      kind: node.kind as CriterionKind,
      category: node.category,
      weightHundredths: hundredths(node.weight),
    })),
  );
  return {
    total: fromHundredthsText(total),
    totalMatches: total === 10_000,
    socialValue: fromHundredthsText(social),
    socialValueWarning: social < PPN002_MINIMUM_HUNDREDTHS,
  };
}
