import { afterAwardLink, calendarDayWords, standstillEndWords, ukDayWords } from './after-award-view';

describe('the after-award pages in words', () => {
  it('names the last day of the standstill, not the midnight after it (GMT and BST)', () => {
    expect(standstillEndWords('2027-01-06T00:00:00.000Z')).toBe('midnight at the end of Tuesday 5 January 2027');
    // 1 May 2026 is in BST: midnight UK time is 23:00 UTC the day before.
    expect(standstillEndWords('2026-04-30T23:00:00.000Z')).toBe('midnight at the end of Thursday 30 April 2026');
  });

  it('says calendar days and instants as UK days', () => {
    expect(calendarDayWords('2026-12-25')).toBe('Friday 25 December 2026');
    expect(ukDayWords('2026-06-30T23:30:00.000Z')).toBe('Wednesday 1 July 2026');
  });

  it('links the page once the tender is awarded, or cancelled after it was published', () => {
    const tender = { id: 't1', publishedAt: '2026-11-01T09:00:00.000Z' };
    expect(afterAwardLink({ ...tender, status: 'awarded' }, 'after-award')).toEqual({
      label: 'After award',
      items: [
        { href: '/tenders/t1/after-award', text: 'After the award', current: true },
        { href: '/tenders/t1/assessment-summaries', text: 'Assessment summaries', current: false },
      ],
    });
    expect(afterAwardLink({ ...tender, status: 'cancelled' }, 'results')?.items).toEqual([
      { href: '/tenders/t1/after-award', text: 'After the award', current: false },
    ]);
    expect(afterAwardLink({ ...tender, status: 'moderation' }, 'results')).toBeNull();
    expect(afterAwardLink({ ...tender, status: 'cancelled', publishedAt: null }, 'results')).toBeNull();
  });
});
