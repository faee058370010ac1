/*
 * The life of an assessment summary (docs/AFTER-AWARD.md): a draft, generated or edited;
 * approved by a second team member (not the one who wrote its newest words); sent, on the
 * day the team records. New words make an approved summary a draft again; a sent one is final.
 */
export const SUMMARY_STATUSES = ['draft', 'approved', 'sent'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

/** Why this caller may not approve the summary now, or null. */
export function approvalRefusal(
  summary: { status: SummaryStatus },
  lastEditorId: string,
  callerId: string,
): { code: 'invalid_state' | 'forbidden'; detail: string } | null {
  if (summary.status === 'approved') return { code: 'invalid_state', detail: 'This summary is already approved.' };
  if (summary.status === 'sent') return { code: 'invalid_state', detail: 'This summary has been sent: it cannot change.' };
  if (lastEditorId === callerId) {
    return {
      code: 'forbidden',
      detail: 'You wrote the newest words of this summary: another member of the tender team must approve it.',
    };
  }
  return null;
}

/** Why the summary's words may not change now, or null. */
export function editRefusal(summary: { status: SummaryStatus }): string | null {
  return summary.status === 'sent' ? 'This summary has been sent: its words cannot change.' : null;
}

/** Why the summary may not be recorded as sent, or null. */
export function sendRefusal(summary: { status: SummaryStatus; sentOn: string | null }): string | null {
  if (summary.status === 'sent') return `This summary was already recorded as sent on ${summary.sentOn}.`;
  if (summary.status === 'draft') return 'Approve this summary before recording that it was sent.';
  return null;
}

/** When every summary of a tender is sent: the last day one was (YYYY-MM-DD); otherwise null. */
export function allSentOn(summaries: readonly { status: SummaryStatus; sentOn: string | null }[]): string | null {
  if (summaries.length === 0 || summaries.some((summary) => summary.status !== 'sent' || !summary.sentOn)) return null;
  return summaries.map((summary) => summary.sentOn!).sort((a, b) => a.localeCompare(b))[summaries.length - 1];
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) an instant falls on in UK time. */
export function londonDay(at: Date): string {
  return LONDON_DAY.format(at);
}

/** Why `sentOn` cannot be the day the summary was sent, or null. */
export function sentOnRefusal(sentOn: string, today: string, awardedOn: string | null): string | null {
  if (sentOn > today) return 'The day it was sent cannot be in the future.';
  if (awardedOn && sentOn < awardedOn)
    return `A summary follows the award decision, made on ${awardedOn}: give that day or later.`;
  return null;
}
