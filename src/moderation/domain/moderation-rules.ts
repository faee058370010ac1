/*
 * Moderation to consensus (SCORING.md §8): when the team may see and record moderated
 * scores, and optimistic concurrency on them (If-Match / ETag). Pure.
 */
import { DomainError } from '../../common/domain/domain-error';
import { reached, statusWords, type TenderStatus } from '../../tenders/domain/tender-lifecycle';

/** The moderation view reveals every score: from moderation on (awarded included). */
export function assertModerationVisible(status: TenderStatus): void {
  if (!reached(status, 'moderation')) {
    throw new DomainError(
      'invalid_state',
      status === 'cancelled'
        ? 'The tender was cancelled before moderation; individual scores stay confidential.'
        : `Individual scores are shown from moderation on; the tender is ${statusWords(status)}.`,
      { currentStatus: status },
    );
  }
}

/** Moderated scores are recorded only while the tender is in moderation. */
export function assertModerationOpen(status: TenderStatus): void {
  if (status !== 'moderation') {
    throw new DomainError(
      'invalid_state',
      reached(status, 'moderation')
        ? `The tender is ${statusWords(status)}; moderated scores can no longer change.`
        : `Moderated scores are recorded once moderation starts; the tender is ${statusWords(status)}.`,
      { currentStatus: status },
    );
  }
}

/** Only panel-scored leaves get a consensus score; price and gates have their own routes. */
export function assertModeratable(criterion: { code: string; kind: string }): void {
  if (criterion.kind !== 'scored') {
    throw new DomainError(
      'rule_violation',
      `${criterion.code} is a ${criterion.kind} criterion: only panel-scored criteria are moderated.`,
      {
        errors: [{ field: 'criterion', message: `${criterion.code} is not scored by the panel: choose a scored criterion.` }],
      },
    );
  }
}

/** A disqualified bid is out of the evaluation: nothing to agree on. */
export function assertBidModeratable(bid: { status: string }): void {
  if (bid.status === 'disqualified') {
    throw new DomainError('invalid_state', 'This bid is disqualified; its scores are no longer moderated.', {
      currentStatus: bid.status,
    });
  }
}

/** What an If-Match header asks for: any existing version (`*`) or one of the listed ones. */
export type IfMatch = { any: true } | { any: false; versions: number[] };

/**
 * Parses `If-Match`: `3`, `"3"`, `W/"3"`, a comma-separated list of those, or `*`. Absent
 * or empty → null (no precondition). Anything else is a malformed request (400): a
 * client that meant to guard its write must not have it silently go through.
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatch | null {
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (raw === undefined || raw.trim() === '') return null;
  if (raw.trim() === '*') return { any: true };
  const versions: number[] = [];
  for (const part of raw.split(',')) {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(part);
    if (!match) {
      throw new DomainError('validation', `If-Match must be a version number such as "3" (or *); got ${JSON.stringify(raw)}.`, {
        errors: [{ field: 'If-Match', message: 'This is not a version number: send the version you read, such as "3", or *.' }],
      });
    }
    versions.push(Number(match[1]));
  }
  return { any: false, versions };
}

/**
 * 412 when the moderated score has moved on since the client read it. `current` is the
 * latest version, 0 when none exists yet (so `If-Match: 0` guards the first write).
 */
export function assertIfMatch(condition: IfMatch | null, current: number): void {
  if (!condition) return;
  const ok = condition.any ? current > 0 : condition.versions.includes(current);
  if (!ok) {
    throw new DomainError(
      'precondition_failed',
      current === 0
        ? 'There is no moderated score here yet, so the version you sent is stale. Reload and try again.'
        : `The moderated score has changed: it is now at version ${current}. Reload, review the change and try again.`,
      { currentVersion: current },
    );
  }
}

/** Strong ETag of a moderated score version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
