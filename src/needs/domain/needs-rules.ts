import { DomainError } from '../../common/domain/domain-error';
import { statusList, statusWords, type TenderStatus } from '../../tenders/domain/tender-lifecycle';

/*
 * A panel member's communication and support needs (issue 17 part 1), as pure rules: what
 * may be recorded, that it needs the member's consent, what changed (field names only: the
 * audit never holds the content), when it may be deleted, and how it reads to the team.
 * Sources: NHS Accessible Information Standard (DCB1605), Think Local Act Personal.
 */

/** Formats the member needs information in. */
export const NEED_FORMATS = ['large_print', 'easy_read', 'audio', 'bsl', 'another_language'] as const;
export type NeedFormat = (typeof NEED_FORMATS)[number];

/** How the member wants to be reached. Email not among them means "do not email". */
export const CONTACT_METHODS = ['email', 'phone', 'text', 'post', 'support_worker'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Whose request a deletion carried out. */
export const DELETION_REQUESTERS = ['member', 'support_person'] as const;
export type DeletionRequester = (typeof DELETION_REQUESTERS)[number];

/** The tender states after which needs may be deleted on the member's request (decided or closed for good). */
export const DELETABLE_STATUSES = ['awarded', 'cancelled'] as const satisfies readonly TenderStatus[];

export const LANGUAGE_MAX_LENGTH = 100;
export const SUPPORT_NAME_MAX_LENGTH = 200;
export const SUPPORT_RELATIONSHIP_MAX_LENGTH = 100;
export const SUPPORT_CONTACT_MAX_LENGTH = 254;
export const MEETING_NEEDS_MAX_LENGTH = 1000;

export interface SupportPerson {
  name: string;
  relationship: string;
  contact: string;
}

/** What is recorded (the sensitive content). */
export interface NeedsContent {
  formats: NeedFormat[];
  language: string | null;
  contactMethods: ContactMethod[];
  supportPerson: SupportPerson | null;
  meetingNeeds: string | null;
}

/** A request to record needs: the content and whether the member agreed. */
export interface NeedsRequest {
  consent: boolean;
  formats: readonly NeedFormat[];
  language?: string | null;
  contactMethods: readonly ContactMethod[];
  supportPerson?: SupportPerson | null;
  meetingNeeds?: string | null;
}

/** The content fields, in the order they are reported as changed. */
export const NEEDS_FIELDS = ['formats', 'language', 'contactMethods', 'supportPerson', 'meetingNeeds'] as const;
export type NeedsField = (typeof NEEDS_FIELDS)[number];

const FORMAT_WORDS: Record<NeedFormat, string> = {
  large_print: 'large print',
  easy_read: 'easy read',
  audio: 'audio',
  bsl: 'BSL',
  another_language: 'another language',
};

const CONTACT_WORDS: Record<ContactMethod, string> = {
  email: 'email',
  phone: 'phone',
  text: 'text message',
  post: 'post',
  support_worker: 'via support worker',
};

export function formatWords(format: NeedFormat): string {
  return FORMAT_WORDS[format];
}

export function contactWords(method: ContactMethod): string {
  return CONTACT_WORDS[method];
}

const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * The content to store, or the refusal: consent first (nothing is stored without it), then
 * every problem at once, each naming its field. Lists keep the vocabulary's order.
 */
export function needsToStore(request: NeedsRequest): NeedsContent {
  if (request.consent !== true)
    throw new DomainError('rule_violation', 'Needs are recorded only with the member’s agreement: confirm that they agreed.', {
      errors: [{ field: 'consent', message: 'Confirm that the member agreed to have their needs recorded.' }],
    });
  const errors: { field: string; message: string }[] = [];
  const formats = NEED_FORMATS.filter((format) => request.formats.includes(format));
  const contactMethods = CONTACT_METHODS.filter((method) => request.contactMethods.includes(method));
  const language = blankToNull(request.language);
  const support = request.supportPerson
    ? {
        name: blankToNull(request.supportPerson.name),
        relationship: blankToNull(request.supportPerson.relationship),
        contact: blankToNull(request.supportPerson.contact),
      }
    : null;
  if (formats.includes('another_language') && !language)
    errors.push({ field: 'language', message: 'Say which language the member needs information in.' });
  if (!formats.includes('another_language') && language)
    errors.push({ field: 'language', message: 'A language is recorded only with the format "another language".' });
  if (contactMethods.length === 0)
    errors.push({ field: 'contactMethods', message: 'Choose at least one way to reach the member.' });
  if (support && !support.name)
    errors.push({ field: 'supportPerson.name', message: 'Enter the support person’s name, or leave the support person out.' });
  if (support && !support.contact)
    errors.push({ field: 'supportPerson.contact', message: 'Say how to reach the support person.' });
  const supportGiven = support !== null && (support.name !== null || support.contact !== null);
  if (contactMethods.includes('support_worker') && !supportGiven)
    errors.push({ field: 'supportPerson', message: 'Name the support person to reach the member through.' });
  if (errors.length > 0) throw new DomainError('validation', 'Some of the needs cannot be recorded as given.', { errors });
  return {
    formats,
    language,
    contactMethods,
    supportPerson: support ? { name: support.name!, relationship: support.relationship ?? '', contact: support.contact! } : null,
    meetingNeeds: blankToNull(request.meetingNeeds),
  };
}

/** May the member be emailed? Not when their needs are recorded without email among the ways to reach them. */
export function mayEmail(content: Pick<NeedsContent, 'contactMethods'> | null): boolean {
  return content === null || content.contactMethods.includes('email');
}

/** Which fields differ (all the given ones when nothing was recorded before): names only, for the audit. */
export function changedFields(before: NeedsContent | null, after: NeedsContent): NeedsField[] {
  const empty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);
  return NEEDS_FIELDS.filter((field) =>
    before === null ? !empty(after[field]) : JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/** Deletion on the member's request waits until the tender is decided: until then the team needs it to support them. */
export function assertMayDelete(status: TenderStatus): void {
  if ((DELETABLE_STATUSES as readonly TenderStatus[]).includes(status)) return;
  throw new DomainError(
    'invalid_state',
    `The tender is ${statusWords(status)}, so the needs cannot be deleted yet: they can be deleted once the tender is ${statusList(DELETABLE_STATUSES)}. Until then they can be changed.`,
  );
}

/** The short marker for the team's lists: "needs: large print, via support worker" (null when nothing to show). */
export function needsMarker(content: NeedsContent | null): string | null {
  if (!content) return null;
  const words = [
    ...content.formats.map((format) =>
      format === 'another_language' && content.language ? content.language : formatWords(format),
    ),
    ...content.contactMethods.filter((method) => method === 'support_worker').map(contactWords),
  ];
  if (!mayEmail(content)) words.push('do not email');
  if (content.meetingNeeds) words.push('meeting needs');
  return words.length > 0 ? `needs: ${[...new Set(words)].join(', ')}` : null;
}
