import { NO_ANSWER, packText, scoringPack, type PackFacts } from './scoring-pack';

const FACTS: PackFacts = {
  memberName: 'Jordan Reid',
  organisation: 'London Borough of Camden',
  tenderTitle: 'Mental health day services',
  scoringDeadline: '5pm on Friday 12 February 2027',
  scale: [
    { score: 0, label: 'Does not answer the question' },
    { score: 1, label: 'Answers a little, with big gaps' },
  ],
  criteria: [
    { criterionId: 'q1', code: 'Q1', title: 'Service model', guidance: 'Will this help people get better?' },
    { criterionId: 'c1', code: 'C1', title: 'Co-production', guidance: null },
  ],
  bids: [
    { name: 'Bid 1', answers: new Map([['q1', 'A recovery college.']]) },
    { name: 'Bid 2', answers: new Map() },
  ],
  contactSentence: 'Call Sam Patel on 020 7946 0000. They are happy to help.',
  printedOn: '2 December 2026',
};

describe('the scoring pack', () => {
  const pack = scoringPack(FACTS);

  it('has a section per bid and a question per criterion, with the scores to tick', () => {
    expect(pack.sections.map((s) => s.bid)).toEqual(['Bid 1', 'Bid 2']);
    expect(pack.sections[0].questions).toEqual([
      {
        code: 'Q1',
        heading: 'Q1. Service model',
        guidance: 'Will this help people get better?',
        answer: 'A recovery college.',
        scores: [0, 1],
      },
      { code: 'C1', heading: 'C1. Co-production', guidance: null, answer: NO_ANSWER, scores: [0, 1] },
    ]);
  });

  it('gives the scale in words and says how to use the pack, by when, and who to ask', () => {
    expect(pack.scale).toEqual(['0: Does not answer the question', '1: Answers a little, with big gaps']);
    const text = packText(pack);
    expect(text).toContain('For Jordan Reid. Printed 2 December 2026.');
    expect(text).toContain('It has two bids to score.');
    expect(text).toContain('do not score that bid. Tell the team first.');
    expect(text).toContain('Please give your pack back to the team by 5pm on Friday 12 February 2027.');
    expect(text).toContain('Questions? Call Sam Patel on 020 7946 0000.');
    expect(packText(scoringPack({ ...FACTS, bids: [FACTS.bids[0]], scoringDeadline: null }))).toContain(
      'It has one bid to score.',
    );
  });
});
