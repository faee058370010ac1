import { bankHolidays, notWorking, standstillPeriod, ukDate, ukMidnight } from './working-days';

describe("the standstill period: eight working days in UK time, without weekends and the nation's bank holidays", () => {
  it('counts eight weekdays from the day of publication, ending at midnight after the eighth', () => {
    // Published Monday 2 November 2026 (GMT): Mon 2 … Fri 6, Mon 9, Tue 10, Wed 11 are the eight.
    const period = standstillPeriod(new Date('2026-11-02T10:00:00Z'), 'england-and-wales');
    expect(period.workingDays).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
    ]);
    expect(period.skipped).toEqual([
      { date: '2026-11-07', reason: 'Saturday' },
      { date: '2026-11-08', reason: 'Sunday' },
    ]);
    expect(period.endsAt.toISOString()).toBe('2026-11-12T00:00:00.000Z');
  });

  it("skips Christmas Day, Boxing Day (substitute) and New Year's Day", () => {
    // Published Tuesday 22 December 2026: Tue 22, Wed 23, Thu 24 count; Fri 25 Christmas,
    // Sat 26, Sun 27, Mon 28 Boxing Day (substitute); Tue 29, Wed 30, Thu 31 count;
    // Fri 1 January New Year's Day, Sat 2, Sun 3; Mon 4 and Tue 5 January 2027 complete the eight.
    const period = standstillPeriod(new Date('2026-12-22T15:00:00Z'), 'england-and-wales');
    expect(period.workingDays).toEqual([
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
    ]);
    expect(period.skipped.map((day) => day.reason)).toEqual([
      'Christmas Day',
      'Saturday',
      'Sunday',
      'Boxing Day (substitute day)',
      "New Year's Day",
      'Saturday',
      'Sunday',
    ]);
    expect(period.endsAt.toISOString()).toBe('2027-01-06T00:00:00.000Z');
  });

  it('in Scotland also skips 2 January (and its substitute day)', () => {
    const england = standstillPeriod(new Date('2026-12-22T15:00:00Z'), 'england-and-wales');
    const scotland = standstillPeriod(new Date('2026-12-22T15:00:00Z'), 'scotland');
    // 2 January 2027 is a Saturday; Scotland's substitute day for it is Monday 4 January.
    expect(bankHolidays('scotland', 2027).has('2027-01-04')).toBe(true);
    expect(scotland.workingDays.at(-1)).toBe('2027-01-06');
    expect(scotland.endsAt.getTime()).toBeGreaterThan(england.endsAt.getTime());
  });

  it('skips Good Friday and Easter Monday (England and Wales) around Easter 2026', () => {
    // Published Thursday 2 April 2026 (BST): Thu 2 counts; Fri 3 Good Friday, Sat 4, Sun 5,
    // Mon 6 Easter Monday; Tue 7 … Fri 10, Mon 13, Tue 14 complete the eight.
    const period = standstillPeriod(new Date('2026-04-02T09:00:00Z'), 'england-and-wales');
    expect(period.workingDays).toEqual([
      '2026-04-02',
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
      '2026-04-10',
      '2026-04-13',
      '2026-04-14',
      '2026-04-15',
    ]);
    expect(period.skipped.map((day) => day.reason)).toEqual([
      'Good Friday',
      'Saturday',
      'Sunday',
      'Easter Monday',
      'Saturday',
      'Sunday',
    ]);
    // Midnight at the start of 16 April is 23:00 UTC on the 15th: British Summer Time.
    expect(period.endsAt.toISOString()).toBe('2026-04-15T23:00:00.000Z');
  });

  it("is a day longer in Scotland over St Andrew's Day, which England does not keep", () => {
    // Published Wednesday 25 November 2026; Monday 30 November is St Andrew's Day in Scotland only.
    const publishedAt = new Date('2026-11-25T11:00:00Z');
    expect(notWorking('2026-11-30', 'scotland')).toBe('St Andrew’s Day');
    expect(notWorking('2026-11-30', 'england-and-wales')).toBeNull();
    expect(standstillPeriod(publishedAt, 'england-and-wales').endsAt.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    // Scotland: Wed 25, Thu 26, Fri 27, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 → ends midnight into Tue 8.
    expect(standstillPeriod(publishedAt, 'scotland').endsAt.toISOString()).toBe('2026-12-08T00:00:00.000Z');
  });

  it("keeps Northern Ireland's own days (St Patrick's Day)", () => {
    expect(notWorking('2026-03-17', 'northern-ireland')).toBe('St Patrick’s Day');
    expect(notWorking('2026-03-17', 'england-and-wales')).toBeNull();
  });

  it('starts on the next working day for a notice published at a weekend, and reads the day in UK time', () => {
    // 23:30 UTC on Sunday 29 March 2026 is 00:30 BST on Monday 30 March: a Monday publication.
    expect(ukDate(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    const saturday = standstillPeriod(new Date('2026-11-07T10:00:00Z'), 'england-and-wales');
    expect(saturday.workingDays[0]).toBe('2026-11-09');
    expect(saturday.skipped.slice(0, 2).map((day) => day.date)).toEqual(['2026-11-07', '2026-11-08']);
  });

  it('finds UK midnight on both sides of the clock change', () => {
    expect(ukMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z'); // GMT until 01:00 UTC
    expect(ukMidnight('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z'); // BST
    expect(ukMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z'); // still BST at midnight
    expect(ukMidnight('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});
