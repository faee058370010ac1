import fc from 'fast-check';
import { DomainError } from '../common/domain-error';
import {
  approveOpening,
  activeKeyFor,
  afterSubmit,
  assertAcceptingBids,
  assertAssessable,
  assertComplete,
  assertDisqualifiable,
  assertMayClose,
  characterCount,
  checkCommitments,
  checkResponses,
  countWords,
  isCalendarDate,
  isCounted,
  isPastDeadline,
  mergeAnswers,
  MAX_RESPONSE_CHARS,
  missingResponses,
  penceToPrice,
  planEdit,
  priceToPence,
  toDecimalString,
  type CriterionFacts,
} from './bid-rules';

const DEADLINE = new Date('2027-01-31T12:00:00.000Z');
const justBefore = new Date(DEADLINE.getTime() - 1);

const CRITERIA: CriterionFacts[] = [
  { id: 'q', code: 'Q', title: 'Quality', kind: 'section', category: 'quality', maxWords: null },
  { id: 'q1', code: 'Q1', title: 'Service model', kind: 'scored', category: 'quality', maxWords: 5 },
  { id: 'c1', code: 'C1', title: 'Co-production', kind: 'scored', category: 'co_production', maxWords: null },
  { id: 'sv1', code: 'SV1', title: 'Jobs', kind: 'scored', category: 'social_outcome', maxWords: null },
  { id: 'env', code: 'ENV', title: 'Environment', kind: 'section', category: 'environmental_outcome', maxWords: null },
  { id: 'p', code: 'P', title: 'Price', kind: 'price', category: 'price', maxWords: null },
  { id: 'g1', code: 'G1', title: 'Insurance', kind: 'pass_fail', category: 'compliance', maxWords: null },
];

function problemOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['  two   words ', 2],
    ['line\nbreaks\tand\u00a0no-break spaces', 5],
    ['hyphenated-word counts once', 3],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('never counts more words than non-space characters (property)', () => {
    fc.assert(fc.property(fc.string(), (text) => countWords(text) <= text.replace(/\s/gu, '').length));
  });
});

describe('characterCount', () => {
  it('counts an emoji or an accented letter as one character', () => {
    expect(characterCount('café 👍')).toBe(6);
    expect('café 👍'.length).toBe(7);
  });
});

describe('the deadline (server clock)', () => {
  const published = { status: 'published' as const, bidDeadline: DEADLINE, closedAt: null };

  it('is open at deadline − 1 ms and shut at the deadline itself', () => {
    expect(isPastDeadline(justBefore, DEADLINE)).toBe(false);
    expect(isPastDeadline(DEADLINE, DEADLINE)).toBe(true);
    expect(() => assertAcceptingBids(published, justBefore, 'submitted')).not.toThrow();
    const late = problemOf(() => assertAcceptingBids(published, DEADLINE, 'submitted'));
    expect(late.code).toBe('invalid_state');
    expect(late.detail).toBe('The bid deadline (2027-01-31T12:00:00.000Z) has passed: bids can no longer be submitted.');
    expect(late.extensions).toEqual({ bidDeadline: '2027-01-31T12:00:00.000Z' });
  });

  it.each(['draft', 'evaluation', 'moderation', 'awarded', 'cancelled'] as const)(
    'refuses bids on a %s tender (409)',
    (status) => {
      const problem = problemOf(() => assertAcceptingBids({ ...published, status }, justBefore, 'created'));
      expect(problem.code).toBe('invalid_state');
      expect(problem.extensions).toEqual({ currentStatus: status });
    },
  );

  it('closing is refused at deadline − 1 ms and allowed at the deadline', () => {
    expect(problemOf(() => assertMayClose(justBefore, DEADLINE)).code).toBe('invalid_state');
    expect(() => assertMayClose(DEADLINE, DEADLINE)).not.toThrow();
  });
});

describe('the sealed box', () => {
  it('counts bids with a submitted version that are not withdrawn (disqualified ones still count)', () => {
    expect(isCounted({ status: 'draft', submittedVersionId: null })).toBe(false);
    expect(isCounted({ status: 'submitted', submittedVersionId: 'v1' })).toBe(true);
    expect(isCounted({ status: 'withdrawn', submittedVersionId: 'v1' })).toBe(false);
    expect(isCounted({ status: 'disqualified', submittedVersionId: 'v1' })).toBe(true);
  });

  it('compliance and disqualification only in evaluation or moderation', () => {
    expect(() => assertAssessable('evaluation')).not.toThrow();
    expect(() => assertAssessable('moderation')).not.toThrow();
    for (const status of ['draft', 'published', 'awarded', 'cancelled'] as const) {
      expect(problemOf(() => assertAssessable(status)).code).toBe('invalid_state');
    }
  });

  it('only a counted bid that is not already disqualified can be disqualified', () => {
    expect(() => assertDisqualifiable({ status: 'submitted', submittedVersionId: 'v1' })).not.toThrow();
    expect(problemOf(() => assertDisqualifiable({ status: 'disqualified', submittedVersionId: 'v1' })).detail).toMatch(/already/);
    expect(problemOf(() => assertDisqualifiable({ status: 'draft', submittedVersionId: null })).code).toBe('invalid_state');
  });
});

describe('opening approvals', () => {
  const now = new Date('2027-01-31T12:05:00.000Z');
  it('needs as many different people as required', () => {
    const first = approveOpening([], 'alice', 2, now);
    expect(first).toEqual({ given: [{ by: 'alice', at: '2027-01-31T12:05:00.000Z' }], complete: false });
    const second = approveOpening(first.given, 'bob', 2, now);
    expect(second.complete).toBe(true);
    expect(second.given.map((approval) => approval.by)).toEqual(['alice', 'bob']);
    expect(approveOpening([], 'alice', 1, now).complete).toBe(true);
  });

  it('refuses the same person twice (409), changing nothing', () => {
    const given = [{ by: 'alice', at: now.toISOString() }];
    expect(() => approveOpening(given, 'alice', 2, now)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(given).toHaveLength(1);
  });
});

describe('versions', () => {
  it('editing a draft changes it in place; editing a submitted bid opens a new version', () => {
    expect(planEdit({ status: 'draft', submittedVersionId: null, draftVersionId: 'v1' })).toBe('update_draft');
    expect(planEdit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: null })).toBe('open_new_version');
    expect(planEdit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: 'v2' })).toBe('update_draft');
  });

  it('withdrawn and disqualified bids cannot be edited', () => {
    for (const status of ['withdrawn', 'disqualified'] as const) {
      const problem = problemOf(() => planEdit({ status, submittedVersionId: 'v1', draftVersionId: null }));
      expect(problem.code).toBe('invalid_state');
      expect(problem.detail).toBe(`This bid is ${status}; it can no longer be edited.`);
    }
  });

  it('submitting makes the draft count and supersedes the previous submission', () => {
    expect(afterSubmit({ status: 'draft', submittedVersionId: null, draftVersionId: 'v1' })).toEqual({
      status: 'submitted',
      submittedVersionId: 'v1',
      supersededVersionId: null,
    });
    expect(afterSubmit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: 'v2' })).toEqual({
      status: 'submitted',
      submittedVersionId: 'v2',
      supersededVersionId: 'v1',
    });
    expect(problemOf(() => afterSubmit({ status: 'submitted', submittedVersionId: 'v1', draftVersionId: null })).detail).toMatch(
      /no unsubmitted changes/,
    );
  });
});

describe('one live bid per bidder', () => {
  it('keys an account bid by organisation and a paper bid by its folded name', () => {
    expect(activeKeyFor({ paper: false, organisationId: 'org-1', bidderUserId: 'u1', bidderName: 'X' })).toBe('org:org-1');
    expect(activeKeyFor({ paper: false, organisationId: null, bidderUserId: 'u1', bidderName: 'X' })).toBe('user:u1');
    expect(activeKeyFor({ paper: true, organisationId: null, bidderUserId: null, bidderName: '  Kentish  Town Trust ' })).toBe(
      'paper:kentish town trust',
    );
  });
});

describe('responses', () => {
  it('resolves by id or code and keeps texts; a blank text means no response', () => {
    const texts = checkResponses(CRITERIA, [
      { criterion: 'Q1', text: 'five words in this answer' },
      { criterion: 'c1', text: 'by id' },
      { criterion: 'G1', text: '   ' },
    ]);
    expect([...texts]).toEqual([
      ['q1', 'five words in this answer'],
      ['c1', 'by id'],
      ['g1', ''],
    ]);
  });

  it('lists every problem, each naming its criterion', () => {
    const problem = problemOf(() =>
      checkResponses(CRITERIA, [
        { criterion: 'Q9', text: 'a' },
        { criterion: 'Q', text: 'a' },
        { criterion: 'P', text: 'a' },
        { criterion: 'Q1', text: 'one two three four five six' },
        { criterion: 'C1', text: 'a' },
        { criterion: 'c1', text: 'b' },
        { criterion: 'SV1', text: 'x'.repeat(MAX_RESPONSE_CHARS + 1) },
      ]),
    );
    expect(problem.code).toBe('rule_violation');
    expect(problem.extensions.errors).toEqual([
      { field: 'responses[0].criterion', message: 'This tender has no criterion "Q9": use the code of one of its questions.' },
      { field: 'responses[1].criterion', message: 'Q is a section: answer the questions inside it.' },
      { field: 'responses[2].criterion', message: 'P is the price criterion: give the price in "price", not as a response.' },
      { field: 'responses[3].text', message: 'Q1 allows at most 5 words; this response has 6. Shorten it.' },
      { field: 'responses[5].criterion', message: 'C1 is answered more than once: give one response to it.' },
      { field: 'responses[6].text', message: `The response to SV1 is too long: use at most ${MAX_RESPONSE_CHARS.toLocaleString('en-GB')} characters.` },
    ]);
  });

  it('an edit merges by criterion: new texts replace, empty texts remove, the rest stay', () => {
    const merged = mergeAnswers(
      [
        ['q1', 'old'],
        ['c1', 'kept'],
        ['sv1', 'dropped'],
      ],
      new Map([
        ['q1', 'new'],
        ['sv1', ''],
        ['g1', 'evidence'],
      ]),
    );
    expect([...merged]).toEqual([
      ['q1', 'new'],
      ['c1', 'kept'],
      ['g1', 'evidence'],
    ]);
  });

  it('accepts exactly maxWords words', () => {
    expect(() => checkResponses(CRITERIA, [{ criterion: 'Q1', text: 'one two three four five' }])).not.toThrow();
  });

  it('submit needs a non-blank response to every scored leaf (gates optional), named in tree order', () => {
    const answered = new Map([
      ['q1', 'yes'],
      ['c1', '  '],
    ]);
    expect(missingResponses(CRITERIA, answered).map((c) => c.code)).toEqual(['C1', 'SV1']);
    const problem = problemOf(() => assertComplete(CRITERIA, answered));
    expect(problem.detail).toBe('The bid cannot be submitted: it has no response to C1, SV1.');
    expect(problem.extensions).toEqual({
      errors: [
        { field: 'responses.C1', message: 'There is no response to C1 (Co-production) yet: answer it, then submit.' },
        { field: 'responses.SV1', message: 'There is no response to SV1 (Jobs) yet: answer it, then submit.' },
      ],
      missing: ['C1', 'SV1'],
    });
    expect(() =>
      assertComplete(
        CRITERIA,
        new Map([
          ['q1', 'a'],
          ['c1', 'b'],
          ['sv1', 'c'],
        ]),
      ),
    ).not.toThrow();
  });
});

describe('commitments', () => {
  it('keeps target and baseline exact as decimal strings; a criterion must be a wider outcome', () => {
    expect(
      checkCommitments(CRITERIA, [
        { criterion: 'SV1', outcome: ' Jobs ', measure: 'Starts', target: 40, baseline: 12.5, by: '2028-03-31' },
        { criterion: 'ENV', outcome: 'Less waste', measure: 'Tonnes', target: 0.125 },
        { outcome: 'No criterion', measure: 'm', target: -3, baseline: null },
      ]),
    ).toEqual([
      { criterionId: 'sv1', outcome: 'Jobs', measure: 'Starts', target: '40', baseline: '12.5', byDate: '2028-03-31' },
      { criterionId: 'env', outcome: 'Less waste', measure: 'Tonnes', target: '0.125', baseline: null, byDate: null },
      { criterionId: null, outcome: 'No criterion', measure: 'm', target: '-3', baseline: null, byDate: null },
    ]);
  });

  it('names a criterion that is unknown or not a wider outcome', () => {
    const problem = problemOf(() =>
      checkCommitments(CRITERIA, [
        { criterion: 'Q1', outcome: 'o', measure: 'm', target: 1 },
        { criterion: 'NOPE', outcome: 'o', measure: 'm', target: 1 },
      ]),
    );
    expect(problem.code).toBe('rule_violation');
    expect(problem.extensions.errors).toEqual([
      {
        field: 'commitments[0].criterion',
        message:
          'Q1 is not a social, economic or environmental outcome (its category is quality): link the commitment to one of those, or to none.',
      },
      { field: 'commitments[1].criterion', message: 'This tender has no criterion "NOPE": use the code of a social, economic or environmental outcome.' },
    ]);
  });
});

describe('numbers', () => {
  it('converts prices to pence exactly and back', () => {
    expect(priceToPence(0.29)).toBe(29);
    expect(priceToPence(1249500.5)).toBe(124950050);
    expect(priceToPence(1_000_000_000)).toBe(100_000_000_000);
    expect(penceToPrice(29)).toBe(0.29);
    expect(penceToPrice(124950050)).toBe(1249500.5);
    expect(penceToPrice(100)).toBe(1);
  });

  it('round-trips every price with at most 2 decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000_000 }), (pence) => {
        const price = penceToPrice(pence);
        return priceToPence(price) === pence;
      }),
    );
  });

  it('writes commitment figures as their exact decimal form', () => {
    expect(toDecimalString(0.1)).toBe('0.1');
    expect(toDecimalString(-0)).toBe('0');
    expect(toDecimalString(1e12)).toBe('1000000000000');
    expect(() => toDecimalString(0.12345)).toThrow(RangeError);
  });

  it('recognises real calendar dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(isCalendarDate('31/03/2028')).toBe(false);
  });
});
