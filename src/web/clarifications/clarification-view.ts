/*
 * How the team's question pages sort and word the clarification log, pure: what waits for
 * an answer first, then what is answered, each with who may see it in words. The rules (who
 * may see what, which step is allowed) stay in src/clarifications.
 */

export interface LogEntry {
  id: string;
  number: number;
  kind: 'question' | 'notice';
  status: 'awaiting_answer' | 'published' | 'private';
  question: string | null;
  answer: string | null;
  askedAt: string | null;
  publishedAt: string | null;
  askedBy: { organisationName: string; name: string } | null;
  privateReason: string | null;
}

/** Who sees an entry, in words (the team's view). */
export function audienceWords(entry: Pick<LogEntry, 'kind' | 'status'>): string {
  if (entry.status === 'awaiting_answer') return 'Only the team and the bidder who asked see the question until it is answered.';
  if (entry.status === 'private') return 'Answered to the bidder who asked only.';
  return entry.kind === 'notice'
    ? 'Published to every bidder and the panel.'
    : 'Published to every bidder and the panel, without the name of who asked.';
}

/** "Question 3" or "Clarification 4" (one the team issued on its own initiative). */
export function entryTitle(entry: Pick<LogEntry, 'kind' | 'number'>): string {
  return `${entry.kind === 'notice' ? 'Clarification' : 'Question'} ${entry.number}`;
}

/** "Camden Mind (Priya Shah)": the team only ever sees this. */
export function askerWords(entry: Pick<LogEntry, 'askedBy'>): string | null {
  if (!entry.askedBy) return null;
  const { organisationName, name } = entry.askedBy;
  return organisationName ? `${organisationName} (${name})` : name;
}

/** The log in the order the team works through it: waiting for an answer (oldest first), then the rest, newest first. */
export function teamLogSections<T extends Pick<LogEntry, 'status' | 'number'>>(entries: T[]): { waiting: T[]; answered: T[] } {
  const waiting = entries.filter((entry) => entry.status === 'awaiting_answer').sort((a, b) => a.number - b.number);
  const answered = entries.filter((entry) => entry.status !== 'awaiting_answer').sort((a, b) => b.number - a.number);
  return { waiting, answered };
}
