/*
 * What the bidder's pages show that is presentation only, pure: time left in words, the
 * task list's sections and what is missing before a bid can be submitted, how price is
 * scored, who scores what in general terms. Rules stay in the bid and clarification services.
 */
import { PANEL_GROUPS, type CriterionKind } from '../../criteria/domain';

export interface LeafCriterion {
  code: string;
  title: string;
  kind: CriterionKind;
  weight: number;
  maxWords: number | null;
  guidance: string | null;
  plainGuidance: string | null;
  scoredBy: string[];
}

/** "3 days and 4 hours", "45 minutes", "less than a minute" until `deadline`; null once passed. */
export function timeLeft(now: Date, deadline: Date): string | null {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} and ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} and ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

/** A date and time in words, in UTC (the server's time): "31 January 2027 at 12:00pm (UK time, UTC)". */
export function whenInWords(date: Date): string {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${minutes}${hours < 12 ? 'am' : 'pm'}`;
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} at ${clock} (UTC)`;
}

export const PRICE_FORMULA_WORDS: Record<string, string> = {
  lowest_ratio: 'The lowest price gets all the price marks. Other prices get a share: the lowest price divided by your price.',
  linear_deviation:
    'The lowest price gets all the price marks. Each price above it loses marks in step with how far above the lowest it is.',
  min_max_linear:
    'The lowest price gets all the price marks and the highest gets none. Prices in between get marks in a straight line.',
};

export const GROUP_WORDS: Record<string, string> = {
  lived_experience: 'people who use the service',
  professional: 'professionals',
};

/** "People who use the service score Co-production. Professionals score Service model and Co-production." */
export function panelInGeneralTerms(leaves: LeafCriterion[]): string[] {
  const lines: string[] = [];
  for (const group of PANEL_GROUPS) {
    const titles = leaves.filter((leaf) => leaf.kind === 'scored' && leaf.scoredBy.includes(group)).map((leaf) => leaf.title);
    if (titles.length === 0) continue;
    const who = GROUP_WORDS[group];
    lines.push(`${who[0].toUpperCase()}${who.slice(1)} score: ${listInWords(titles)}.`);
  }
  return lines;
}

export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What must be there before a bid can be submitted: an answer to every scored question. */
export function missingAnswers(leaves: LeafCriterion[], answered: ReadonlySet<string>): LeafCriterion[] {
  return leaves.filter((leaf) => leaf.kind === 'scored' && !answered.has(leaf.code));
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** A price typed by a person ("£1,249,500.50") as the number the API takes, or the text as typed when it is not one. */
export function parsePrice(typed: string): number | string {
  const cleaned = typed.replace(/[£,\s]/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : typed;
}
