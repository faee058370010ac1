import fc from 'fast-check';
import { MAX_RESPONSE_CHARS } from './bid-facts';
import {
  assertComplete,
  characterCount,
  checkCommitments,
  checkResponses,
  countWords,
  isCalendarDate,
  mergeAnswers,
  missingResponses,
  toDecimalString,
} from './bid-content';
import { CRITERIA, problemOf } from './testing/bid.builders';

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
      {
        field: 'responses[6].text',
        message: `The response to SV1 is too long: use at most ${MAX_RESPONSE_CHARS.toLocaleString('en-GB')} characters.`,
      },
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
      {
        field: 'commitments[1].criterion',
        message: 'This tender has no criterion "NOPE": use the code of a social, economic or environmental outcome.',
      },
    ]);
  });
});

describe('numbers', () => {
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
