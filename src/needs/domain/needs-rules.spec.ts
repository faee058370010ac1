import { DomainError } from '../../common/domain/domain-error';
import { assertMayDelete, changedFields, mayEmail, needsMarker, needsToStore, type NeedsRequest } from './needs-rules';

const request = (overrides: Partial<NeedsRequest> = {}): NeedsRequest => ({
  consent: true,
  formats: ['large_print'],
  contactMethods: ['phone', 'support_worker'],
  supportPerson: { name: 'Sam Patel', relationship: 'support worker', contact: '07700 900123' },
  meetingNeeds: 'Step-free access.',
  ...overrides,
});

const fieldsOf = (attempt: () => unknown): string[] => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainError) return (error.extensions.errors as { field: string }[]).map((e) => e.field);
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('needs rules', () => {
  it('refuses to store anything without the member’s consent, naming the consent field', () => {
    expect(fieldsOf(() => needsToStore(request({ consent: false })))).toEqual(['consent']);
    expect(() => needsToStore(request({ consent: false }))).toThrow(expect.objectContaining({ code: 'rule_violation' }));
  });

  it('stores the content in the vocabulary’s order, blanks as null', () => {
    const content = needsToStore(
      request({ formats: ['bsl', 'large_print'], contactMethods: ['support_worker', 'email'], meetingNeeds: '  ' }),
    );
    expect(content.formats).toEqual(['large_print', 'bsl']);
    expect(content.contactMethods).toEqual(['email', 'support_worker']);
    expect(content.meetingNeeds).toBeNull();
    expect(content.language).toBeNull();
  });

  it('names every field at fault at once', () => {
    expect(
      fieldsOf(() =>
        needsToStore(
          request({
            formats: ['another_language'],
            contactMethods: [],
            supportPerson: { name: '', relationship: '', contact: '' },
          }),
        ),
      ),
    ).toEqual(['language', 'contactMethods', 'supportPerson.name', 'supportPerson.contact']);
  });

  it('asks for the language with "another language", and refuses one without it', () => {
    expect(needsToStore(request({ formats: ['another_language'], language: ' Polish ' })).language).toBe('Polish');
    expect(fieldsOf(() => needsToStore(request({ formats: ['easy_read'], language: 'Polish' })))).toEqual(['language']);
  });

  it('needs a support person to reach the member through one', () => {
    expect(fieldsOf(() => needsToStore(request({ supportPerson: null })))).toEqual(['supportPerson']);
    expect(needsToStore(request({ contactMethods: ['post'], supportPerson: null })).supportPerson).toBeNull();
  });

  it('says "do not email" when email is not among the ways to reach them; no record restricts nothing', () => {
    expect(mayEmail({ contactMethods: ['phone'] })).toBe(false);
    expect(mayEmail({ contactMethods: ['email', 'post'] })).toBe(true);
    expect(mayEmail(null)).toBe(true);
  });

  it('reports changed field names only', () => {
    const before = needsToStore(request());
    expect(changedFields(null, before)).toEqual(['formats', 'contactMethods', 'supportPerson', 'meetingNeeds']);
    const after = needsToStore(request({ formats: ['easy_read'], meetingNeeds: 'Step-free access.' }));
    expect(changedFields(before, after)).toEqual(['formats']);
    expect(changedFields(before, before)).toEqual([]);
  });

  it('allows deletion only once the tender is awarded or cancelled', () => {
    expect(() => assertMayDelete('awarded')).not.toThrow();
    expect(() => assertMayDelete('cancelled')).not.toThrow();
    for (const status of ['draft', 'published', 'evaluation', 'moderation'] as const)
      expect(() => assertMayDelete(status)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
  });

  it('words the marker for the team', () => {
    expect(needsMarker(needsToStore(request({ meetingNeeds: null })))).toBe(
      'needs: large print, via support worker, do not email',
    );
    expect(
      needsMarker(needsToStore(request({ formats: ['another_language'], language: 'Polish', contactMethods: ['email'] }))),
    ).toBe('needs: Polish, meeting needs');
    expect(
      needsMarker(needsToStore(request({ formats: [], contactMethods: ['email'], supportPerson: null, meetingNeeds: null }))),
    ).toBeNull();
    expect(needsMarker(null)).toBeNull();
  });
});
