import { afterFailure, dueReminders, errorInWords, MAX_ATTEMPTS, maskedBody, retryDelayMs } from './outbox-rules';

describe('outbox rules', () => {
  it('waits 1, 2, 4, 8 minutes after each failure, never more than an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
  });

  it('gives up after the last attempt', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(afterFailure(1, now)).toEqual({ status: 'queued', nextAttemptAt: new Date('2026-12-01T10:01:00Z') });
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'failed', nextAttemptAt: null });
  });

  it('says a server error in one line', () => {
    expect(errorInWords(new Error('550 5.1.1\n  mailbox unavailable'))).toBe('550 5.1.1 mailbox unavailable');
    expect(errorInWords('')).toBe('The mail server gave no reason.');
    expect(errorInWords('x'.repeat(600))).toHaveLength(500);
  });

  it('masks the one-time link and its code, nothing else', () => {
    const body = 'Open https://t.example/invitation/abc_DEF-123 now.\n\ntype this code: KT4M-9XPR-Q7\n\nThanks';
    expect(maskedBody(body)).toBe('Open https://t.example/invitation/•••••••• now.\n\ntype this code: ••••••••\n\nThanks');
  });

  describe('reminders before the scoring deadline', () => {
    const deadline = new Date('2027-02-12T17:00:00Z');
    it('none before the first is due', () => {
      expect(dueReminders([7, 1], deadline, new Date('2027-02-05T16:59:00Z'))).toEqual([]);
    });
    it('the 7-day one a week before', () => {
      expect(dueReminders([7, 1], deadline, new Date('2027-02-05T17:00:00Z'))).toEqual([7]);
    });
    it('only the nearest when two are due (the service was down): one email, not two', () => {
      expect(dueReminders([7, 1], deadline, new Date('2027-02-11T18:00:00Z'))).toEqual([1]);
    });
    it('none once the deadline has passed', () => {
      expect(dueReminders([7, 1], deadline, new Date('2027-02-12T17:00:00Z'))).toEqual([]);
    });
  });
});
