import { askerWords, audienceWords, entryTitle, teamLogSections } from './clarification-view';

describe('the team’s question pages, in words', () => {
  it('puts questions waiting for an answer first, oldest first, then the rest newest first', () => {
    const entries = [
      { number: 1, status: 'published' as const },
      { number: 2, status: 'awaiting_answer' as const },
      { number: 3, status: 'private' as const },
      { number: 4, status: 'awaiting_answer' as const },
    ];
    const { waiting, answered } = teamLogSections(entries);
    expect(waiting.map((entry) => entry.number)).toEqual([2, 4]);
    expect(answered.map((entry) => entry.number)).toEqual([3, 1]);
  });

  it('says who sees each entry and names notices as clarifications', () => {
    expect(audienceWords({ kind: 'question', status: 'published' })).toMatch(/without the name of who asked/);
    expect(audienceWords({ kind: 'notice', status: 'published' })).not.toMatch(/who asked/);
    expect(audienceWords({ kind: 'question', status: 'private' })).toMatch(/who asked only/);
    expect(entryTitle({ kind: 'notice', number: 4 })).toBe('Clarification 4');
    expect(entryTitle({ kind: 'question', number: 2 })).toBe('Question 2');
  });

  it('names the asker for the team: organisation and person', () => {
    expect(askerWords({ askedBy: { organisationName: 'Camden Mind', name: 'Priya Shah' } })).toBe('Camden Mind (Priya Shah)');
    expect(askerWords({ askedBy: { organisationName: '', name: 'Priya Shah' } })).toBe('Priya Shah');
    expect(askerWords({ askedBy: null })).toBeNull();
  });
});
