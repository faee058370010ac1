import {
  askedByViewer,
  isNewSince,
  mayView,
  questionsCloseAt,
  stepProblem,
  type ClarificationFacts,
} from './clarification-rules';

const question = (status: ClarificationFacts['status']): ClarificationFacts => ({
  kind: 'question',
  status,
  askedById: 'asker',
  askedByOrganisationId: 'org-a',
});

describe('clarification rules', () => {
  const asker = { as: 'bidder' as const, userId: 'asker', organisationId: 'org-a' };
  const colleague = { as: 'bidder' as const, userId: 'colleague', organisationId: 'org-a' };
  const rival = { as: 'bidder' as const, userId: 'rival', organisationId: 'org-b' };

  it('shows a published entry to everyone on the tender, the rest to the team and the asking organisation only', () => {
    expect(
      [asker, colleague, rival, { as: 'panel' as const }, { as: 'team' as const }].map((viewer) =>
        mayView(question('published'), viewer),
      ),
    ).toEqual([true, true, true, true, true]);
    for (const status of ['awaiting_answer', 'private'] as const) {
      expect(
        [asker, colleague, rival, { as: 'panel' as const }, { as: 'team' as const }].map((viewer) =>
          mayView(question(status), viewer),
        ),
      ).toEqual([true, true, false, false, true]);
    }
  });

  it('knows whose question it is; a notice is nobody’s', () => {
    expect(askedByViewer(question('published'), asker)).toBe(true);
    expect(askedByViewer(question('published'), rival)).toBe(false);
    expect(askedByViewer({ kind: 'notice', status: 'published', askedById: null, askedByOrganisationId: null }, asker)).toBe(
      false,
    );
    expect(askedByViewer({ ...question('private'), askedByOrganisationId: null }, { ...rival, organisationId: null })).toBe(
      false,
    );
  });

  it('closes questions at the clarification deadline, else at the bid deadline', () => {
    const bidDeadline = new Date('2027-01-31T12:00:00Z');
    expect(questionsCloseAt({ clarificationDeadline: null, bidDeadline })).toBe(bidDeadline);
    expect(questionsCloseAt({ clarificationDeadline: new Date('2027-01-17T12:00:00Z'), bidDeadline }).toISOString()).toBe(
      '2027-01-17T12:00:00.000Z',
    );
  });

  it('answers once; publishes only a private answer', () => {
    expect(stepProblem(question('awaiting_answer'), 'answer')).toBeNull();
    expect(stepProblem(question('published'), 'answer')).toMatch(/answered already/);
    expect(stepProblem(question('private'), 'publish')).toBeNull();
    expect(stepProblem(question('published'), 'publish')).toMatch(/published already/);
    expect(stepProblem(question('awaiting_answer'), 'publish')).toMatch(/Answer the question first/);
  });

  it('counts as new what was published, or answered privately to the viewer, after their last sign-in', () => {
    const since = new Date('2027-01-10T09:00:00Z');
    const before = new Date('2027-01-09T09:00:00Z');
    const after = new Date('2027-01-10T10:00:00Z');
    const at = (status: ClarificationFacts['status'], when: Date) => ({
      ...question(status),
      publishedAt: status === 'published' ? when : null,
      answeredAt: status === 'awaiting_answer' ? null : when,
    });
    expect(isNewSince(at('published', after), rival, since)).toBe(true);
    expect(isNewSince(at('published', before), rival, since)).toBe(false);
    expect(isNewSince(at('private', after), asker, since)).toBe(true);
    expect(isNewSince(at('private', after), colleague, since)).toBe(true);
    expect(isNewSince(at('private', after), rival, since)).toBe(false);
    expect(isNewSince(at('awaiting_answer', after), asker, since)).toBe(false);
    const notice = { kind: 'notice' as const, status: 'published' as const, askedById: null, askedByOrganisationId: null };
    expect(isNewSince({ ...notice, publishedAt: after, answeredAt: after }, rival, since)).toBe(true);
  });
});
