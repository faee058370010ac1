import { DomainError } from '../../common/domain/domain-error';
import { assertQuorate, describeShortfalls, quorumShortfalls, type QuorumInput } from './quorum';

const bids = [
  { id: 'a', name: 'Mind in Camden' },
  { id: 'b', name: 'Certitude' },
];
const criteria = [
  { id: 'q1', code: 'Q1', scoredBy: ['lived_experience', 'professional'] as const },
  { id: 'c1', code: 'C1', scoredBy: ['lived_experience'] as const },
  { id: 't1', code: 'T1', scoredBy: ['professional'] as const },
].map((c) => ({ ...c, scoredBy: [...c.scoredBy] }));
const members = [
  { id: 'l1', group: 'lived_experience' as const },
  { id: 'l2', group: 'lived_experience' as const },
  { id: 'p1', group: 'professional' as const },
];

/** Lived-experience scores on every lived-experience criterion of every bid, by `member`. */
function livedScores(member: string, skip: string[] = []) {
  return bids.flatMap((bid) =>
    ['q1', 'c1']
      .filter((criterionId) => !skip.includes(`${bid.id}|${criterionId}`))
      .map((criterionId) => ({ panelMemberId: member, bidId: bid.id, criterionId })),
  );
}

function input(overrides: Partial<QuorumInput> = {}): QuorumInput {
  return { bids, criteria, members, scores: livedScores('l1'), conflicts: [], equalRepresentation: false, ...overrides };
}

describe('quorum', () => {
  it('is met when one lived-experience member scored every lived-experience criterion on every bid', () => {
    expect(quorumShortfalls(input())).toEqual([]);
    expect(() => assertQuorate(input())).not.toThrow();
  });

  it('names each bid × criterion without a lived-experience score', () => {
    const shortfalls = quorumShortfalls(input({ scores: livedScores('l1', ['b|c1', 'a|q1']) }));
    expect(shortfalls).toEqual([
      { kind: 'lived_experience_scores', bidId: 'a', bid: 'Mind in Camden', criterion: 'Q1' },
      { kind: 'lived_experience_scores', bidId: 'b', bid: 'Certitude', criterion: 'C1' },
    ]);
    expect(describeShortfalls(shortfalls)).toBe(
      'No lived-experience member has submitted scores yet for: Mind in Camden (Q1); Certitude (C1).',
    );
  });

  it('does not count professional scores towards the lived-experience quorum', () => {
    const professionalOnly = livedScores('p1');
    expect(quorumShortfalls(input({ scores: professionalOnly }))).toHaveLength(4);
  });

  it('does not count the scores of a member who declared a conflict with the bid', () => {
    const shortfalls = quorumShortfalls(input({ conflicts: [{ panelMemberId: 'l1', bidId: 'b' }] }));
    expect(shortfalls.map((s) => (s.kind === 'lived_experience_scores' ? `${s.bidId}|${s.criterion}` : s.kind))).toEqual([
      'b|Q1',
      'b|C1',
    ]);
    expect(
      quorumShortfalls(
        input({ conflicts: [{ panelMemberId: 'l1', bidId: 'b' }], scores: [...livedScores('l1'), ...livedScores('l2')] }),
      ),
    ).toEqual([]);
  });

  it('ignores criteria only professionals score', () => {
    expect(quorumShortfalls(input({ criteria: criteria.filter((c) => c.code === 'T1'), scores: [] }))).toEqual([]);
  });

  it('with equal representation, needs at least as many lived-experience members as professionals', () => {
    const unequal = [...members, { id: 'p2', group: 'professional' as const }, { id: 'p3', group: 'professional' as const }];
    const shortfalls = quorumShortfalls(input({ members: unequal, equalRepresentation: true }));
    expect(shortfalls).toEqual([{ kind: 'representation', livedExperience: 2, professional: 3 }]);
    expect(quorumShortfalls(input({ members: unequal, equalRepresentation: false }))).toEqual([]);
    expect(quorumShortfalls(input({ equalRepresentation: true }))).toEqual([]);
  });

  it('refuses with a 409 whose detail and extension name every shortfall', () => {
    const unequal = [...members, { id: 'p2', group: 'professional' as const }, { id: 'p3', group: 'professional' as const }];
    try {
      assertQuorate(input({ members: unequal, equalRepresentation: true, scores: [] }));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const problem = error as DomainError;
      expect(problem.code).toBe('invalid_state');
      expect(problem.detail).toBe(
        'Moderation cannot start yet: the panel is not quorate. Equal representation needs at least as many lived-experience members ' +
          'as professional ones: the panel has 2 lived-experience and 3 professional. No lived-experience member has submitted ' +
          'scores yet for: Mind in Camden (Q1, C1); Certitude (Q1, C1).',
      );
      expect(problem.extensions.shortfalls).toHaveLength(5);
    }
  });
});
