import { askedByViewer, mayView, questionsCloseAt, stepProblem, type ClarificationFacts } from './clarification-rules';

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
});
