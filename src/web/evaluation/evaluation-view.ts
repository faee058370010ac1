/*
 * The evaluation pages' own logic: presentation only, pure (no Nest, no database). Every
 * number, rule and decision comes from the services the API calls; this file words them.
 */

export const CATEGORY_LABELS = {
  quality: 'Quality',
  co_production: 'Co-production',
  social_outcome: 'Social',
  economic_outcome: 'Economic',
  environmental_outcome: 'Environmental',
  price: 'Price',
} as const;

/** The categories a stacked bar is made of (wider_outcomes is the sum of three of them, so never stacked). */
export type ChartCategory = keyof typeof CATEGORY_LABELS;
export const CHART_CATEGORIES = Object.keys(CATEGORY_LABELS) as ChartCategory[];

const FLAG_TEXT: Record<string, string> = {
  divergence: 'Scores far apart',
  group_divergence: 'Lived experience and professional scores differ',
  quorum_not_met: 'Too few scores',
  abnormally_low_price: 'Price looks very low',
};

export const flagText = (type: string): string => FLAG_TEXT[type] ?? type;

const SOURCE_TEXT: Record<string, string> = {
  moderated: 'Agreed at moderation',
  panel: 'Panel score',
  price: 'Price formula',
  missing: 'Missing',
};

export const sourceText = (source: string): string => SOURCE_TEXT[source] ?? source;

const GAP_TEXT: Record<string, string> = {
  moderated: 'needs an agreed score from moderation',
  panel: 'has no panel score yet',
  compliance: 'has no pass or fail recorded',
};

export const gapText = (missing: string): string => GAP_TEXT[missing] ?? missing;

export const GROUP_TEXT: Record<string, string> = { lived_experience: 'Lived experience', professional: 'Professional' };

/** Two decimals, as the API rounds them; never "NaN". */
export function points(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** £1,249,500.50 */
export function pounds(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'Hidden';
  return `£${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "2 December 2026 at 14:05" (UTC, the server's clock). */
export function when(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day} at ${time}`;
}

/** The moderation agenda's order: largest spread first, then the bid and the criterion as the API lists them. */
export interface AgendaCell {
  spread: number | null;
  flags: { type: string }[];
}

export function agendaOrder<T extends AgendaCell>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.spread ?? -1) - (a.item.spread ?? -1) || a.index - b.index)
    .map(({ item }) => item);
}

/** Cells on the agenda: those the engine flagged. */
export const onAgenda = (item: AgendaCell): boolean => item.flags.length > 0;

export const groupsDiverge = (item: AgendaCell): boolean => item.flags.some((flag) => flag.type === 'group_divergence');

/* ------------------------------------------------------------------ the audit trail ------- */

/** The kinds a person filters the trail by: the first part of the action. */
export const AUDIT_KINDS: Record<string, string> = {
  tender: 'The tender',
  criterion: 'Criteria',
  bid: 'Bids',
  panel_member: 'Panel',
  panel_invitation: 'Invitations',
  conflict_declaration: 'Declarations',
  score: 'Scores',
  moderated_score: 'Moderation',
  export: 'Downloads',
};

const AUDIT_SENTENCES: Record<string, string> = {
  'tender.created': 'created the tender',
  'tender.updated': 'changed the tender’s settings',
  'tender.publish': 'published the tender',
  'tender.close': 'closed the tender and opened the bids',
  'tender.opening_approved': 'approved opening the bids',
  'tender.start_moderation': 'started moderation',
  'tender.award': 'awarded the tender',
  'tender.cancel': 'cancelled the tender',
  'tender.team_member_added': 'added a member of the tender team',
  'criterion.created': 'added a criterion',
  'criterion.updated': 'changed a criterion',
  'criterion.deleted': 'removed a criterion',
  'bid.created': 'started a bid',
  'bid.edited': 'changed a bid',
  'bid.submitted': 'submitted a bid',
  'bid.withdrawn': 'withdrew a bid',
  'bid.disqualified': 'disqualified a bid',
  'bid.compliance_recorded': 'recorded a pass or fail on a gate',
  'bid.compliance_changed': 'changed a pass or fail on a gate',
  'bid.sealed_read_refused': 'tried to read sealed bids and was refused',
  'panel_member.added': 'added a panel member',
  'panel_member.removed': 'removed a panel member',
  'panel_member.accepted': 'joined the panel',
  'panel_invitation.issued': 'sent a panel invitation',
  'panel_invitation.revoked': 'cancelled a panel invitation',
  'panel_invitation.redeemed': 'used a panel invitation',
  'conflict_declaration.declared': 'answered a conflict of interest question',
  'conflict_declaration.escalated': 'declared a conflict of interest',
  'score.saved': 'saved a score',
  'score.submitted': 'submitted scores',
  'score.saved_for_member': 'saved a score on a panel member’s behalf',
  'score.submitted_for_member': 'submitted scores on a panel member’s behalf',
  'score_entry.confirmed': 'confirmed the scores entered on their behalf',
  'moderated_score.recorded': 'recorded an agreed score',
  'export.downloaded': 'downloaded a file',
};

export const auditKind = (action: string): string => action.split('.')[0];

/** "Amara Okafor published the tender"; the system when nobody acted; an unknown action in its own words. */
export function auditSentence(action: string, actorName: string | null, entityId: string | null = null): string {
  const who = actorName ?? 'The system';
  const file = action === 'export.downloaded' && entityId ? DOWNLOADED_FILES[entityId] : undefined;
  if (file) return `${who} downloaded ${file}`;
  return `${who} ${AUDIT_SENTENCES[action] ?? `did ${action.replace(/[._]/g, ' ')}`}`;
}

/** Which file a download was (the event's entity is the export's kind), so the trail tells the three apart. */
const DOWNLOADED_FILES: Record<string, string> = {
  'evaluation-matrix.xlsx': 'the evaluation matrix (Excel workbook)',
  'scores.csv': 'every panel score (CSV file)',
  'evaluation.json': 'the whole evaluation (JSON file)',
};

/** "All 425 entries intact" or the entries that broke. */
export function chainSentence(verification: { ok: boolean; checked: number; broken: { seq: number; reason: string }[] }): string {
  if (verification.ok) return `All ${verification.checked} ${verification.checked === 1 ? 'entry' : 'entries'} intact`;
  const first = verification.broken[0];
  return `Entry ${first.seq} is broken: ${first.reason}. ${verification.broken.length} of ${verification.checked} entries fail the check.`;
}
