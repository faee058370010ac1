/* Times as people in the UK read them (GOV.UK style), for pages and printed letters alike. */

const UK_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const UK_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A deadline as people in the UK read it, in UK time (GOV.UK style): "5pm on Friday
 * 11 December 2026", "9:30am on …", "midday on …"; 00:00 reads "12am on" that day.
 */
export function deadlineInWords(deadline: Date): string {
  const [hours, minutes] = UK_TIME.format(deadline).split(':').map(Number);
  const date = UK_DATE.format(deadline).replace(',', '');
  if (hours === 12 && minutes === 0) return `midday on ${date}`;
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}${hours < 12 ? 'am' : 'pm'} on ${date}`;
}

/** "2 December 2026", in UK time. */
export function dayInWords(date: Date): string {
  return UK_DAY.format(date);
}
