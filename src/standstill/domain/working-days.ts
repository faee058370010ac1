import Holidays from 'date-holidays';

/**
 * Working days for the standstill period (Procurement Act 2023, s.51): days other than
 * Saturdays, Sundays and the bank holidays of the buyer's part of the United Kingdom, taken
 * from the maintained `date-holidays` data (GB with its nations), never a hand-kept list.
 * Days are calendar days in UK time (Europe/London): a notice published at 00:30 BST on a
 * Monday was published on that Monday.
 */
export const UK_NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type UkNation = (typeof UK_NATIONS)[number];

export const UK_NATION_NAMES: Record<UkNation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** England and Wales share their bank holidays; date-holidays names the region of each. */
const REGION: Record<UkNation, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

/** The mandatory standstill is eight working days (s.51); a voluntary one the same length. */
export const STANDSTILL_WORKING_DAYS = 8;

const calendars = new Map<UkNation, Holidays>();
const holidaysByYear = new Map<string, Map<string, string>>();

/** The nation's bank holidays of a year, `YYYY-MM-DD` → name. */
export function bankHolidays(nation: UkNation, year: number): Map<string, string> {
  const key = `${nation}:${year}`;
  const cached = holidaysByYear.get(key);
  if (cached) return cached;
  let calendar = calendars.get(nation);
  if (!calendar) calendars.set(nation, (calendar = new Holidays('GB', REGION[nation])));
  const days = new Map<string, string>();
  for (const holiday of calendar.getHolidays(year)) {
    if (holiday.type === 'public') days.set(holiday.date.slice(0, 10), holiday.name);
  }
  holidaysByYear.set(key, days);
  return days;
}

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The UK calendar date of an instant, `YYYY-MM-DD`. */
export function ukDate(instant: Date): string {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Midnight at the start of a UK calendar date, as an instant (GMT or BST as that day has it). */
export function ukMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, day);
  // London is UTC or UTC+1; at midnight the offset is the day's own (clocks change at 01:00 UTC).
  const offsetHours = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(guess),
  );
  return new Date(guess - offsetHours * 3_600_000);
}

function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** Why a date is not a working day (`null` when it is one). */
export function notWorking(date: string, nation: UkNation): string | null {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return weekday === 0 ? 'Sunday' : 'Saturday';
  return bankHolidays(nation, Number(date.slice(0, 4))).get(date) ?? null;
}

export interface StandstillPeriod {
  /** The working days counted, first to last (`YYYY-MM-DD`). */
  workingDays: string[];
  /** Days inside the period that were not counted, with the reason (weekend or holiday name). */
  skipped: { date: string; reason: string }[];
  /** The end of the last working day (midnight UK time): the contract may be entered from then. */
  endsAt: Date;
}

/**
 * The standstill period beginning with the day the notice was published (that day counts when
 * it is a working day) and ending at midnight at the end of the eighth working day.
 */
export function standstillPeriod(publishedAt: Date, nation: UkNation, days = STANDSTILL_WORKING_DAYS): StandstillPeriod {
  const workingDays: string[] = [];
  const skipped: { date: string; reason: string }[] = [];
  let date = ukDate(publishedAt);
  while (workingDays.length < days) {
    const reason = notWorking(date, nation);
    if (reason) skipped.push({ date, reason });
    else workingDays.push(date);
    date = nextDate(date);
  }
  return { workingDays, skipped, endsAt: ukMidnight(date) };
}
