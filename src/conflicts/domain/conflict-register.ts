/*
 * The conflicts assessment (Procurement Act 2023 ss.81–83, docs/AFTER-AWARD.md): who influences
 * the decision, every statement each of them made (never overwritten), the team's mitigations
 * and reviews, put together as one document. Pure: the service reads, this decides.
 */

/** Whose statement a register entry is: a panel member's on one bid, or a team member's on the tender. */
export const REGISTER_SUBJECTS = ['panel_bid', 'team'] as const;
export type RegisterSubject = (typeof REGISTER_SUBJECTS)[number];

/** What a team member did that shapes the decision (read from the tender and its audit trail). */
export const DECISION_ACTS = ['approved_opening', 'opened_bids', 'awarded'] as const;
export type DecisionAct = (typeof DECISION_ACTS)[number];

export const MITIGATION_MAX = 2000;

export interface Statement {
  conflict: boolean;
  details: string | null;
}

export interface Version extends Statement {
  version: number;
  at: Date;
}

export interface TeamPerson {
  userId: string;
  name: string;
  role: string;
}

export interface PanelPerson {
  panelMemberId: string;
  /** The name on the record: "Lived experience n" for lay members (PanelDirectory.recordNames). */
  recordName: string;
  livedExperience: boolean;
}

export interface PanelVersion extends Version {
  declarationId: string;
  panelMemberId: string;
  bidId: string;
}

export interface TeamVersion extends Version {
  userId: string;
}

export interface MitigationVersion {
  subject: RegisterSubject;
  subjectId: string;
  version: number;
  text: string;
  byName: string;
  at: Date;
}

export interface Review {
  revision: number;
  note: string | null;
  byName: string;
  at: Date;
}

export interface Act {
  userId: string;
  act: DecisionAct;
  at: Date;
}

export interface RegisterInput {
  team: readonly TeamPerson[];
  panel: readonly PanelPerson[];
  bidderNames: ReadonlyMap<string, string>;
  panelVersions: readonly PanelVersion[];
  teamVersions: readonly TeamVersion[];
  mitigations: readonly MitigationVersion[];
  reviews: readonly Review[];
  acts: readonly Act[];
}

export interface PersonEntry {
  name: string;
  /** Plain words: "Tender team (owner)", "Panel member (lived experience)". */
  role: string;
  acts: { act: DecisionAct; at: Date }[];
  /** Every statement, oldest first; for a panel member one line per bid. */
  declarations: (Version & { bidderName: string | null })[];
  state: 'not_declared' | 'no_conflict' | 'conflict';
}

export interface ConflictEntry {
  subject: RegisterSubject;
  subjectId: string;
  name: string;
  bidderName: string | null;
  details: string | null;
  declaredAt: Date;
  /** Newest first; the first is the mitigation in force. */
  mitigations: MitigationVersion[];
}

export interface Assessment {
  persons: PersonEntry[];
  conflicts: ConflictEntry[];
  /** Conflicts without a mitigation yet. */
  unmitigated: number;
  /** Team members who acted on the decision with no declaration on the record at that moment. */
  actedBeforeDeclaring: { name: string; act: DecisionAct; at: Date }[];
  lastReview: Review | null;
  reviews: Review[];
}

/** A team member's statement against their newest: a first one, a changed one (a new version), or the same. */
export function teamDeclarationChange(latest: Statement | null, next: Statement): 'declared' | 'revised' | 'unchanged' {
  if (!latest) return 'declared';
  return latest.conflict === next.conflict && (latest.details ?? null) === (next.details ?? null) ? 'unchanged' : 'revised';
}

/** The number a new version of a series takes. */
export function nextVersion(existing: readonly { version: number }[]): number {
  return existing.reduce((highest, entry) => Math.max(highest, entry.version), 0) + 1;
}

const TEAM_ROLE_WORDS: Record<string, string> = {
  owner: 'Tender team (owner)',
  commissioner: 'Tender team (commissioner)',
  procurement: 'Tender team (procurement)',
};

export const ACT_WORDS: Record<DecisionAct, string> = {
  approved_opening: 'approved opening the bids',
  opened_bids: 'opened the bids',
  awarded: 'made the award',
};

const byTime = <T extends { at: Date; version: number }>(a: T, b: T): number =>
  a.at.getTime() - b.at.getTime() || a.version - b.version;

function newest<T extends { version: number }>(versions: readonly T[]): T | undefined {
  return [...versions].sort((a, b) => b.version - a.version)[0];
}

function stateOf(latest: readonly Statement[]): PersonEntry['state'] {
  if (latest.length === 0) return 'not_declared';
  return latest.some((statement) => statement.conflict) ? 'conflict' : 'no_conflict';
}

/** The conflicts assessment: every person, their statements over time, conflicts with mitigations, reviews. */
export function assessment(input: RegisterInput): Assessment {
  const mitigationsOf = (subject: RegisterSubject, subjectId: string): MitigationVersion[] =>
    input.mitigations
      .filter((entry) => entry.subject === subject && entry.subjectId === subjectId)
      .sort((a, b) => b.version - a.version);
  const persons: PersonEntry[] = [];
  const conflicts: ConflictEntry[] = [];
  const actedBeforeDeclaring: Assessment['actedBeforeDeclaring'] = [];

  for (const person of input.team) {
    const versions = input.teamVersions.filter((entry) => entry.userId === person.userId).sort(byTime);
    const acts = input.acts
      .filter((entry) => entry.userId === person.userId)
      .map(({ act, at }) => ({ act, at }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const act of acts) {
      if (!versions.some((entry) => entry.at.getTime() <= act.at.getTime()))
        actedBeforeDeclaring.push({ name: person.name, ...act });
    }
    const latest = newest(versions);
    persons.push({
      name: person.name,
      role: TEAM_ROLE_WORDS[person.role] ?? 'Tender team',
      acts,
      declarations: versions.map((entry) => ({ ...pick(entry), bidderName: null })),
      state: stateOf(latest ? [latest] : []),
    });
    if (latest?.conflict) {
      conflicts.push({
        subject: 'team',
        subjectId: person.userId,
        name: person.name,
        bidderName: null,
        details: latest.details,
        declaredAt: latest.at,
        mitigations: mitigationsOf('team', person.userId),
      });
    }
  }

  // Statements made at the same moment read in the bids' order (oldest submission first).
  const bidOrder = [...input.bidderNames.keys()];
  for (const person of input.panel) {
    const versions = input.panelVersions
      .filter((entry) => entry.panelMemberId === person.panelMemberId)
      .sort((a, b) => byTime(a, b) || bidOrder.indexOf(a.bidId) - bidOrder.indexOf(b.bidId));
    const perBid = new Map<string, PanelVersion[]>();
    for (const entry of versions) perBid.set(entry.declarationId, [...(perBid.get(entry.declarationId) ?? []), entry]);
    const latest = [...perBid.values()].map((series) => newest(series)!);
    persons.push({
      name: person.recordName,
      role: person.livedExperience ? 'Panel member (lived experience)' : 'Panel member (professional)',
      acts: [],
      declarations: versions.map((entry) => ({ ...pick(entry), bidderName: input.bidderNames.get(entry.bidId) ?? null })),
      state: stateOf(latest),
    });
    for (const entry of latest.filter((statement) => statement.conflict)) {
      conflicts.push({
        subject: 'panel_bid',
        subjectId: entry.declarationId,
        name: person.recordName,
        bidderName: input.bidderNames.get(entry.bidId) ?? null,
        details: entry.details,
        declaredAt: entry.at,
        mitigations: mitigationsOf('panel_bid', entry.declarationId),
      });
    }
  }

  const reviews = [...input.reviews].sort((a, b) => b.revision - a.revision);
  return {
    persons,
    conflicts,
    unmitigated: conflicts.filter((entry) => entry.mitigations.length === 0).length,
    actedBeforeDeclaring,
    lastReview: reviews[0] ?? null,
    reviews,
  };
}

function pick(entry: Version): Version {
  return { version: entry.version, conflict: entry.conflict, details: entry.details, at: entry.at };
}
