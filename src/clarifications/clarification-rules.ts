/*
 * The rules of clarification questions, pure: when a bidder may ask, who sees an entry,
 * which step the team may take. Equal treatment is the default: an answer goes to every
 * bidder unless the team says it reveals the asker's commercial detail.
 */

export const CLARIFICATION_KINDS = ['question', 'notice'] as const;
export type ClarificationKind = (typeof CLARIFICATION_KINDS)[number];

/** `awaiting_answer` → `published` (every bidder) or `private` (the asker only); `private` → `published`. */
export const CLARIFICATION_STATUSES = ['awaiting_answer', 'published', 'private'] as const;
export type ClarificationStatus = (typeof CLARIFICATION_STATUSES)[number];

export interface ClarificationFacts {
  kind: ClarificationKind;
  status: ClarificationStatus;
  askedById: string | null;
  askedByOrganisationId: string | null;
}

/** Who is looking: the team sees everything; a bidder (account and organisation); the panel. */
export type ClarificationViewer =
  { as: 'team' } | { as: 'panel' } | { as: 'bidder'; userId: string; organisationId: string | null };

/** Is this entry the viewer's own question (their account or their organisation asked it)? */
export function askedByViewer(entry: ClarificationFacts, viewer: ClarificationViewer): boolean {
  if (viewer.as !== 'bidder' || entry.kind !== 'question') return false;
  return (
    entry.askedById === viewer.userId ||
    (entry.askedByOrganisationId !== null && entry.askedByOrganisationId === viewer.organisationId)
  );
}

/** May the viewer see the entry at all? Published ones: everyone on the tender; the rest: the team and the asker. */
export function mayView(entry: ClarificationFacts, viewer: ClarificationViewer): boolean {
  if (viewer.as === 'team') return true;
  if (entry.status === 'published') return true;
  return askedByViewer(entry, viewer);
}

/** Questions close at the clarification deadline, or at the bid deadline when none is set. */
export function questionsCloseAt(tender: { clarificationDeadline: Date | null; bidDeadline: Date }): Date {
  return tender.clarificationDeadline ?? tender.bidDeadline;
}

export type ClarificationStep = 'answer' | 'publish';

/** What is wrong with taking `step` on an entry in its current state, or null. */
export function stepProblem(entry: ClarificationFacts, step: ClarificationStep): string | null {
  switch (step) {
    case 'answer':
      return entry.status === 'awaiting_answer'
        ? null
        : 'This question has been answered already; an answer never changes. Publish a further clarification instead.';
    case 'publish':
      return entry.status === 'private'
        ? null
        : entry.status === 'published'
          ? 'This clarification is published already.'
          : 'Answer the question first.';
  }
}

/**
 * Is the entry news to a bidder who last signed in at `since`? A publication after it (an
 * answer to every bidder, a private answer made public, a team clarification), or an answer
 * to the viewer's own question kept private for them after it. Never another's private entry.
 */
export function isNewSince(
  entry: ClarificationFacts & { publishedAt: Date | null; answeredAt: Date | null },
  viewer: ClarificationViewer,
  since: Date,
): boolean {
  if (!mayView(entry, viewer)) return false;
  if (entry.status === 'published') return entry.publishedAt !== null && entry.publishedAt > since;
  return entry.status === 'private' && entry.answeredAt !== null && entry.answeredAt > since;
}
