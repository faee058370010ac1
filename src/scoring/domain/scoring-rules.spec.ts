import fc from 'fast-check';
import { DomainError } from '../../common/domain/domain-error';
import { TENDER_STATUSES, type TenderStatus } from '../../tenders/domain/tender-lifecycle';
import {
  assertDraft,
  assertOnScale,
  assertScorableBy,
  assertScoringOpen,
  scoringIsOpen,
  criteriaForGroup,
  itemStatus,
  normaliseRationale,
  planSubmission,
  type ScorableCriterion,
} from './scoring-rules';

const Q1: ScorableCriterion = { id: 'q1', code: 'Q1', kind: 'scored', scoredBy: ['lived_experience', 'professional'] };
const C1: ScorableCriterion = { id: 'c1', code: 'C1', kind: 'scored', scoredBy: ['lived_experience'] };
const T1: ScorableCriterion = { id: 't1', code: 'T1', kind: 'scored', scoredBy: ['professional'] };
const P: ScorableCriterion = { id: 'p', code: 'P', kind: 'price', scoredBy: [] };
const G: ScorableCriterion = { id: 'g', code: 'G1', kind: 'pass_fail', scoredBy: [] };

function codeOf(attempt: () => unknown): string | null {
  try {
    attempt();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
}

describe('scoring is open only in evaluation', () => {
  const now = new Date('2027-02-10T12:00:00.000Z');
  const open = (status: TenderStatus) => ({ status, scoringDeadline: null });

  it('refuses every other status with a 409', () => {
    for (const status of TENDER_STATUSES) {
      expect(codeOf(() => assertScoringOpen(open(status), now))).toBe(status === 'evaluation' ? null : 'invalid_state');
    }
    expect(() => assertScoringOpen(open('published'), now)).toThrow(
      'Scoring opens when the tender closes and moves to evaluation.',
    );
    expect(() => assertScoringOpen(open('moderation'), now)).toThrow(
      'Scoring is closed: the tender is in moderation. Submitted scores stay on the record.',
    );
  });

  it('closes at the scoring deadline: open up to the millisecond before, refused from it on', () => {
    const window = { status: 'evaluation' as const, scoringDeadline: new Date('2027-02-10T17:00:00.000Z') };
    expect(scoringIsOpen(window, new Date('2027-02-10T16:59:59.999Z'))).toBe(true);
    expect(() => assertScoringOpen(window, new Date('2027-02-10T16:59:59.999Z'))).not.toThrow();
    expect(scoringIsOpen(window, new Date('2027-02-10T17:00:00.000Z'))).toBe(false);
    expect(() => assertScoringOpen(window, new Date('2027-02-10T17:00:00.000Z'))).toThrow(
      'The scoring deadline has passed, so scores can no longer be saved or submitted. Ask the tender team if you need more time.',
    );
    // A later status speaks for itself, deadline or not.
    expect(() => assertScoringOpen({ ...window, status: 'moderation' }, now)).toThrow(
      'Scoring is closed: the tender is in moderation.',
    );
  });
});

describe('which criteria a group scores', () => {
  it('lets each group score the leaves that name it', () => {
    expect(() => assertScorableBy(Q1, 'lived_experience')).not.toThrow();
    expect(() => assertScorableBy(C1, 'lived_experience')).not.toThrow();
    expect(() => assertScorableBy(T1, 'professional')).not.toThrow();
  });

  it('refuses another group’s criterion with a 422 naming it', () => {
    expect(codeOf(() => assertScorableBy(C1, 'professional'))).toBe('rule_violation');
    expect(() => assertScorableBy(C1, 'professional')).toThrow(
      'C1 is scored by the lived-experience members, not by professional members.',
    );
  });

  it('refuses price, gates and sections', () => {
    expect(() => assertScorableBy(P, 'professional')).toThrow(
      'P is not scored by the panel: the price criterion is computed from the bid price.',
    );
    expect(() => assertScorableBy(G, 'professional')).toThrow(/pass\/fail gates are recorded by the tender team/);
    expect(() => assertScorableBy({ id: 's', code: 'S', kind: 'section', scoredBy: [] }, 'professional')).toThrow(
      /sections are not scored/,
    );
  });

  it('lists a group’s criteria in the given order', () => {
    expect(criteriaForGroup([Q1, C1, T1, P, G], 'lived_experience').map((c) => c.code)).toEqual(['Q1', 'C1']);
    expect(criteriaForGroup([Q1, C1, T1, P, G], 'professional').map((c) => c.code)).toEqual(['Q1', 'T1']);
  });
});

describe('score values', () => {
  it('accepts exactly the integers of the scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: -5, max: 25 }),
        (min, width, score) => {
          const max = min + width;
          const accepted = codeOf(() => assertOnScale(score, { min, max })) === null;
          return accepted === (score >= min && score <= max);
        },
      ),
    );
  });

  it('refuses fractions and out-of-range values with a 422 naming the range', () => {
    expect(codeOf(() => assertOnScale(2.5, { min: 0, max: 5 }))).toBe('rule_violation');
    expect(() => assertOnScale(6, { min: 0, max: 5 })).toThrow(
      "A score is a whole number from 0 to 5; 6 is not on this tender's scale.",
    );
  });

  it('trims the rationale and refuses a blank one with a 400', () => {
    expect(normaliseRationale('  Clear peer-support plan.  ')).toBe('Clear peer-support plan.');
    expect(codeOf(() => normaliseRationale(' \n\t '))).toBe('validation');
  });

  it('never changes a submitted score', () => {
    expect(() => assertDraft(null, 'Q1')).not.toThrow();
    expect(() => assertDraft({ status: 'draft' }, 'Q1')).not.toThrow();
    expect(codeOf(() => assertDraft({ status: 'submitted' }, 'Q1'))).toBe('invalid_state');
  });
});

describe('submitting a bid’s scores', () => {
  it('names every missing criterion in a 422', () => {
    const attempt = () => planSubmission([Q1, C1], new Map());
    expect(codeOf(attempt)).toBe('rule_violation');
    try {
      attempt();
    } catch (error) {
      const problem = error as DomainError;
      expect(problem.detail).toBe('Score every criterion before submitting: missing Q1, C1.');
      expect(problem.extensions.missing).toEqual(['Q1', 'C1']);
      expect(problem.extensions.errors).toEqual([
        { field: 'scores.Q1', message: 'Q1 has no score yet: score it, then submit.' },
        { field: 'scores.C1', message: 'C1 has no score yet: score it, then submit.' },
      ]);
    }
  });

  it('locks the drafts when every criterion is scored', () => {
    const scores = new Map([
      ['q1', { status: 'draft' as const }],
      ['c1', { status: 'draft' as const }],
    ]);
    expect(planSubmission([Q1, C1], scores)).toEqual({ toSubmit: ['q1', 'c1'] });
  });

  it('answers 409 when everything is already submitted', () => {
    const scores = new Map([['q1', { status: 'submitted' as const }]]);
    expect(codeOf(() => planSubmission([Q1], scores))).toBe('invalid_state');
  });

  it('reports each item as not started, draft or submitted', () => {
    expect(itemStatus(undefined)).toBe('not_started');
    expect(itemStatus({ status: 'draft' })).toBe('draft');
    expect(itemStatus({ status: 'submitted' })).toBe('submitted');
  });
});
