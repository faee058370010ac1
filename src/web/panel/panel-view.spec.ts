import { bidProgressStatus, bidTaskStatus, deadlineInWords, nextCriterion, panelQuestions, timeToAllow } from './panel-view';

describe('panel view rules', () => {
  const item = (code: string, status: 'not_started' | 'draft' | 'submitted') => ({ code, status });

  it('names a bid task by its scores', () => {
    expect(bidTaskStatus([item('Q1', 'not_started'), item('C1', 'not_started')])).toBe('not_started');
    expect(bidTaskStatus([item('Q1', 'draft'), item('C1', 'not_started')])).toBe('in_progress');
    expect(bidTaskStatus([item('Q1', 'draft'), item('C1', 'draft')])).toBe('completed');
    expect(bidTaskStatus([item('Q1', 'submitted'), item('C1', 'submitted')])).toBe('submitted');
  });

  it('goes on to the first criterion without a score, or the one after the page just saved', () => {
    const items = [item('Q1', 'draft'), item('C1', 'not_started'), item('T1', 'not_started')];
    expect(nextCriterion(items)).toBe('C1');
    expect(nextCriterion(items, 'C1')).toBe('T1');
    expect(nextCriterion(items, 'T1')).toBeNull();
    expect(nextCriterion([item('Q1', 'draft')])).toBeNull();
  });

  it('rounds the time to allow for people: 2 criteria × 2 bids × 10 minutes = 40 minutes; 3 × 5 × 10 = 150 = 2.5 hours', () => {
    expect(timeToAllow(2, 2)).toBe('about 40 minutes');
    expect(timeToAllow(3, 5)).toBe('about 2.5 hours');
    expect(timeToAllow(6, 1)).toBe('about 1 hour');
  });
});

describe('deadlines in words', () => {
  it('says the UK time and day as GOV.UK writes them, in winter and in summer time', () => {
    expect(deadlineInWords(new Date('2026-12-11T17:00:00.000Z'))).toBe('5pm on Friday 11 December 2026');
    expect(deadlineInWords(new Date('2027-06-11T16:00:00.000Z'))).toBe('5pm on Friday 11 June 2027'); // BST: UTC+1
    expect(deadlineInWords(new Date('2026-12-11T09:30:00.000Z'))).toBe('9:30am on Friday 11 December 2026');
    expect(deadlineInWords(new Date('2026-12-11T12:00:00.000Z'))).toBe('midday on Friday 11 December 2026');
    expect(deadlineInWords(new Date('2026-12-11T00:00:00.000Z'))).toBe('12am on Friday 11 December 2026');
    expect(deadlineInWords(new Date('2026-12-11T12:05:00.000Z'))).toBe('12:05pm on Friday 11 December 2026');
  });
});

describe('task status from counts', () => {
  it('agrees with the status of the items it counts', () => {
    expect(bidProgressStatus({ criteria: 2, saved: 0, submitted: false })).toBe('not_started');
    expect(bidProgressStatus({ criteria: 2, saved: 1, submitted: false })).toBe('in_progress');
    expect(bidProgressStatus({ criteria: 2, saved: 2, submitted: false })).toBe('completed');
    expect(bidProgressStatus({ criteria: 2, saved: 2, submitted: true })).toBe('submitted');
  });
});

describe('the published Q&A in the panel’s words', () => {
  it('keeps the log’s numbers in order, names a note from the team, and says the day in UK time', () => {
    const entry = (number: number, kind: 'question' | 'notice', publishedAt: string) => ({
      number,
      kind,
      question: kind === 'question' ? `Question text ${number}\nsecond line` : null,
      answer: `Answer ${number}`,
      publishedAt,
    });
    // Question 1 was answered after note 2 was sent: the order stays the log's, as bidders see it.
    // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in British Summer Time.
    const page = panelQuestions([
      entry(2, 'notice', '2027-01-05T10:00:00.000Z'),
      entry(1, 'question', '2027-03-31T23:30:00.000Z'),
    ]);
    expect(page).toEqual([
      { title: 'Question 1', question: 'Question text 1\nsecond line', answer: 'Answer 1', published: '1 April 2027' },
      { title: 'Note 2 from the team', question: null, answer: 'Answer 2', published: '5 January 2027' },
    ]);
    expect(panelQuestions([])).toEqual([]);
  });
});
