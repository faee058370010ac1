import {
  CONTACT_METHODS,
  contactWords,
  DELETION_REQUESTERS,
  formatWords,
  NEED_FORMATS,
  type ContactMethod,
  type NeedFormat,
} from '../../needs/domain/needs-rules';
import type { NeedsResponse } from '../../needs/dto/needs.response';
import type { RecordNeedsDto } from '../../needs/dto/record-needs.dto';
import { refusalOnForm, validateForm, type FormErrors } from '../form';
import { RecordNeedsDto as RecordNeedsBody } from '../../needs/dto/record-needs.dto';
import { formValue } from '../web-page';

/** The form's fields as typed (strings; checkboxes as lists). */
export interface NeedsValues {
  formats: string[];
  language: string;
  contactMethods: string[];
  supportName: string;
  supportRelationship: string;
  supportContact: string;
  meetingNeeds: string;
  consent: boolean;
}

/** A repeated form field (checkboxes) as a list of strings. */
export function formList(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string');
}

export function valuesFromForm(body: unknown): NeedsValues {
  return {
    formats: formList(body, 'formats'),
    language: formValue(body, 'language').trim(),
    contactMethods: formList(body, 'contactMethods'),
    supportName: formValue(body, 'supportName').trim(),
    supportRelationship: formValue(body, 'supportRelationship').trim(),
    supportContact: formValue(body, 'supportContact').trim(),
    meetingNeeds: formValue(body, 'meetingNeeds').trim(),
    consent: formValue(body, 'consent') === 'yes',
  };
}

export function valuesFromNeeds(needs: NeedsResponse): NeedsValues {
  return {
    formats: needs.formats,
    language: needs.language ?? '',
    contactMethods: needs.contactMethods,
    supportName: needs.supportPerson?.name ?? '',
    supportRelationship: needs.supportPerson?.relationship ?? '',
    supportContact: needs.supportPerson?.contact ?? '',
    meetingNeeds: needs.meetingNeeds ?? '',
    // consent is asked again each time the needs are changed
    consent: false,
  };
}

const PLAIN: Record<string, string> = {
  consent: 'Confirm the agreement to record these needs',
  formats: 'Choose the formats from the list',
  language: 'The language must be 100 characters or fewer',
  contactMethods: 'Choose the ways to reach them from the list',
  supportPerson: 'Check the support person’s details: name 200 characters or fewer, relationship 100, how to reach them 254',
  meetingNeeds: 'Access needs for meetings must be 1000 characters or fewer',
};

/** Where each of the API's fields is on the form. */
const FIELD_IDS: Record<string, string> = {
  consent: 'consent',
  formats: 'formats',
  language: 'language',
  contactMethods: 'contactMethods',
  supportPerson: 'supportName',
  'supportPerson.name': 'supportName',
  'supportPerson.relationship': 'supportRelationship',
  'supportPerson.contact': 'supportContact',
  meetingNeeds: 'meetingNeeds',
};

/** The form checked with the API's own DTO: the body to send, and the problems in plain words. */
export function needsBody(values: NeedsValues): { value: RecordNeedsDto; form: FormErrors } {
  const support = values.supportName || values.supportRelationship || values.supportContact;
  return validateForm(
    RecordNeedsBody,
    {
      consent: values.consent,
      formats: values.formats,
      language: values.language || null,
      contactMethods: values.contactMethods,
      supportPerson: support
        ? { name: values.supportName, relationship: values.supportRelationship, contact: values.supportContact }
        : null,
      meetingNeeds: values.meetingNeeds || null,
    },
    PLAIN,
    FIELD_IDS,
  );
}

/** The service's refusal on the needs form: each field it names at that field (the formats box otherwise). */
export function addRefusal(form: FormErrors, error: unknown): void {
  refusalOnForm(form, error, { field: (field) => FIELD_IDS[field] ?? 'formats', fallback: 'formats' });
}

/** The view model of the form: checkbox items, the support-person fields, the delete choice. */
export function needsFormModel(values: NeedsValues) {
  return {
    values,
    formatItems: NEED_FORMATS.map((format: NeedFormat) => ({
      value: format,
      text: FORMAT_LABELS[format] ?? formatWords(format),
      checked: values.formats.includes(format),
    })),
    contactItems: CONTACT_METHODS.map((method: ContactMethod) => ({
      value: method,
      text: CONTACT_LABELS[method] ?? contactWords(method),
      checked: values.contactMethods.includes(method),
    })),
    requesterItems: DELETION_REQUESTERS.map((value) => ({
      value,
      text: value === 'member' ? 'The member asked' : 'Their support person asked for them',
    })),
  };
}

const FORMAT_LABELS: Partial<Record<NeedFormat, string>> = {
  large_print: 'Large print',
  easy_read: 'Easy read',
  audio: 'Audio',
  bsl: 'British Sign Language (BSL)',
  another_language: 'Another language',
};

const CONTACT_LABELS: Partial<Record<ContactMethod, string>> = {
  email: 'Email',
  phone: 'Phone call',
  text: 'Text message',
  post: 'Post',
  support_worker: 'Through a support worker or another person',
};

/** "Large print, easy read" for the summary. */
export function needsSummary(needs: NeedsResponse) {
  const formats = needs.formats.map((f) => (f === 'another_language' && needs.language ? needs.language : formatWords(f)));
  return {
    formats: formats.length ? formats.join(', ') : 'None recorded',
    contact: needs.contactMethods.map(contactWords).join(', '),
    mayEmail: needs.mayEmail,
  };
}
