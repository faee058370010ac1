import type { TenderNavigationGroup } from '../team/tender-navigation';
import type { StandstillKind } from '../../standstill/standstill.entity';
import type { UkNation } from '../../standstill/domain/working-days';

/**
 * What the after-award pages say (docs/AFTER-AWARD.md "The pages"): pure words from the API's
 * own answer (GET /api/tenders/:id/standstill), so a page and the API cannot disagree.
 */

export const NATION_WORDS: Record<UkNation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const KIND_WORDS: Record<StandstillKind, { text: string; hint: string }> = {
  mandatory: { text: 'A standstill is required', hint: 'The Procurement Act 2023, section 51, applies to this contract.' },
  voluntary: {
    text: 'The contract is exempt, but we keep a standstill anyway',
    hint: 'A voluntary standstill is counted and kept exactly like a required one.',
  },
  none: {
    text: 'The contract is exempt and we keep no standstill',
    hint: 'The contract can be entered into once the notice is recorded.',
  },
};

const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Tuesday 5 January 2027", the UK day of an instant. */
export function ukDayWords(iso: string): string {
  return DAY.format(new Date(iso)).replace(',', '');
}

/** "Tuesday 5 January 2027" for a calendar date "2027-01-05" (the API's working and skipped days). */
export function calendarDayWords(date: string): string {
  return ukDayWords(`${date}T12:00:00.000Z`);
}

/**
 * The standstill's end as people say it: midnight at the end of its last working day
 * (`standstillEndsAt` is that midnight, so the day named is the one before it).
 */
export function standstillEndWords(endsAtIso: string): string {
  return `midnight at the end of ${ukDayWords(new Date(new Date(endsAtIso).getTime() - 1).toISOString())}`;
}

/** The tender's after-award page, for the tender navigation: once awarded, or cancelled after it was published (s.55). */
export function afterAwardLink(
  tender: { id: string; status: string; publishedAt: string | null },
  current: string,
): TenderNavigationGroup | null {
  const possible = tender.status === 'awarded' || (tender.status === 'cancelled' && tender.publishedAt !== null);
  if (!possible) return null;
  const items = [{ href: `/tenders/${tender.id}/after-award`, text: 'After the award', current: current === 'after-award' }];
  if (tender.status === 'awarded') {
    items.push({
      href: `/tenders/${tender.id}/assessment-summaries`,
      text: 'Assessment summaries',
      current: current === 'summaries',
    });
  }
  return { label: 'After award', items };
}
