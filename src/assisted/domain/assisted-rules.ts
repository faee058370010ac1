/*
 * Assisted scoring (issue 17 part 2): a member of the tender team enters a lay member's
 * scores and reasons on their behalf, on the record. Pure: the assisted scoring service
 * loads the rows and calls these; the scoring rules themselves (scale, window, the group's
 * criteria, drafts) are the member's own, from scoring-rules.ts.
 */
import type { PanelGroup } from '../../criteria/domain';
import { DomainError } from '../../common/domain/domain-error';
import type { PanelBidAccess } from '../../access/access-rules';

/**
 * How a score came to be entered by someone other than the member: with the member there
 * (`present`), from their paper scoring form (`paper_form`), or imported from their offline
 * workbook (`offline_workbook`, written by the workbook import, never chosen on a form).
 */
export const SCORE_ENTRY_METHODS = ['present', 'paper_form', 'offline_workbook'] as const;
export type ScoreEntryMethod = (typeof SCORE_ENTRY_METHODS)[number];

/** The methods a person confirms when entering scores by hand. */
export const ASSISTED_METHODS = ['present', 'paper_form'] as const satisfies readonly ScoreEntryMethod[];
export type AssistedMethod = (typeof ASSISTED_METHODS)[number];

/** The member as the assisting person sees them. */
export interface AssistedMember {
  id: string;
  group: PanelGroup;
  /** "Lived experience 1": the name on the record. */
  nameOnRecord: string;
}

/** The person entering: their seat on this tender's panel, if they have one. */
export interface Assistant {
  id: string;
  panelGroup: PanelGroup | null;
}

/**
 * Only a lived-experience member's scores are entered on their behalf (the "a lay
 * member's scores"): professionals score in their own session. Nobody who sits on this
 * panel may enter for anyone (a panelist would be scoring twice, or as the other group).
 */
export function assertMayEnterFor(assistant: Assistant, member: AssistedMember): void {
  if (member.group !== 'lived_experience') {
    throw new DomainError(
      'rule_violation',
      'Scores are entered on behalf of lived-experience members only; professional members score for themselves.',
      { errors: [{ field: 'memberId', message: 'Choose a lived-experience member: professionals enter their own scores.' }] },
    );
  }
  if (assistant.panelGroup !== null) {
    throw new DomainError(
      'rule_violation',
      `You sit on this panel as a ${assistant.panelGroup === 'professional' ? 'professional' : 'lived-experience'} member, so you cannot enter scores for another member.`,
      {
        errors: [
          {
            field: 'memberId',
            message: 'A panel member cannot enter scores for another member: ask someone on the tender team.',
          },
        ],
      },
    );
  }
}

/**
 * The member's own access to the bid decides the assistant's: every declaration first,
 * never a bid the member declared a conflict on (said plainly to the team, who see
 * declarations anyway), never a bid that is not the panel's.
 */
export function assertMemberMayScoreBid(access: PanelBidAccess, member: AssistedMember): void {
  if (access === 'ok') return;
  if (access === 'conflict') {
    throw new DomainError(
      'rule_violation',
      `${member.nameOnRecord} declared a conflict of interest on this bid, so no scores can be entered for them on it.`,
      {
        errors: [
          { field: 'bidId', message: `${member.nameOnRecord} has a conflict of interest on this bid: choose another bid.` },
        ],
      },
    );
  }
  if (access === 'undeclared') {
    throw new DomainError(
      'invalid_state',
      `${member.nameOnRecord} has not answered every conflict of interest question yet; they answer them first, in their own session.`,
      { errors: [{ field: 'bidId', message: `${member.nameOnRecord} must answer the conflict of interest questions first.` }] },
    );
  }
  throw new DomainError('not_found', 'Bid not found.');
}

/** The words on the record for one entered score. */
export function entryWords(
  entry: { method: ScoreEntryMethod; confirmedByMemberAt: Date | null; changedByMemberSince: boolean },
  enteredBy: string,
  member: string,
): string {
  const how =
    entry.method === 'present'
      ? `Entered by ${enteredBy} with ${member} present`
      : entry.method === 'paper_form'
        ? `From ${member}'s paper form, entered by ${enteredBy}`
        : `From ${member}'s offline workbook, imported by ${enteredBy}`;
  const after = entry.changedByMemberSince
    ? '; changed by the member since'
    : entry.confirmedByMemberAt
      ? '; confirmed by the member'
      : '';
  return `${how}${after}.`;
}

/** The entries a member can still confirm: entered for them and neither confirmed nor changed by them since. */
export function toConfirm<T extends { confirmedByMemberAt: Date | null; changedByMemberSince: boolean }>(
  entries: readonly T[],
): T[] {
  return entries.filter((entry) => entry.confirmedByMemberAt === null && !entry.changedByMemberSince);
}

/** Confirming with nothing left to confirm is a 409 (nothing changes). */
export function assertSomethingToConfirm(count: number): void {
  if (count === 0) {
    throw new DomainError('invalid_state', 'There are no scores entered for you on this bid waiting for your confirmation.');
  }
}

/** A score entered for the member stays theirs-by-proxy until the member saves it again themselves. */
export function changedByMemberSince(savedAt: Date, enteredAt: Date): boolean {
  return savedAt.getTime() > enteredAt.getTime();
}

/** An entry on a member's behalf as the evaluation read model reads it. */
export interface EntryFact {
  panelMemberId: string;
  bidId: string;
  criterionId: string;
  method: ScoreEntryMethod;
  enteredById: string;
  enteredByName: string;
  enteredAt: Date;
  confirmedByMemberAt: Date | null;
  savedAt: Date;
}

/** What the moderation view, the exports and the pages show beside an entered score. */
export interface EntryMarker {
  method: ScoreEntryMethod;
  enteredById: string;
  enteredBy: string;
  enteredAt: Date;
  confirmedByMemberAt: Date | null;
  changedByMemberSince: boolean;
  words: string;
}

export const entryKey = (panelMemberId: string, bidId: string, criterionId: string): string =>
  `${panelMemberId}|${bidId}|${criterionId}`;

/** Entry markers by `entryKey`, the member named as on the record (`names`: member id → "Lived experience n"). */
export function entryMarkers(facts: readonly EntryFact[], names: ReadonlyMap<string, string>): Map<string, EntryMarker> {
  return new Map(
    facts.map((fact) => {
      const changed = changedByMemberSince(fact.savedAt, fact.enteredAt);
      const marker: EntryMarker = {
        method: fact.method,
        enteredById: fact.enteredById,
        enteredBy: fact.enteredByName,
        enteredAt: fact.enteredAt,
        confirmedByMemberAt: fact.confirmedByMemberAt,
        changedByMemberSince: changed,
        words: entryWords(
          { ...fact, changedByMemberSince: changed },
          fact.enteredByName,
          names.get(fact.panelMemberId) ?? 'the member',
        ),
      };
      return [entryKey(fact.panelMemberId, fact.bidId, fact.criterionId), marker];
    }),
  );
}
