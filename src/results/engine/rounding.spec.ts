/**
 * SCORING.md §6: exact all the way, rounded half-up to 2 decimals once, when presented.
 *
 * Q1 quality 10.01 % and Q2 quality 89.99 %, scale 0–2, moderated scores.
 *   A: Q1 1 → 10.01 × 1/2 = 5.005 exactly; Q2 0 → 0. Total 5.005 → shown 5.01
 *      (as a double, 5.005 is 5.00499999…, and (5.005).toFixed(2) is "5.00").
 *   B: Q1 0; Q2 mean of 1, 1, 0 = 2/3 → 89.99 × (2/3)/2 = 29.996666… → 30.00.
 */
import { computeResults } from './engine';
import { presentResults } from './present';
import { Rational } from './rational';
import { bid, bidOf, buildInput, criterion, moderated, panel, scores } from './testing/builders';

const input = buildInput({
  scale: { min: 0, max: 2 },
  settings: { moderationRequired: false },
  criteria: [criterion('Q1', 'scored', 10.01), criterion('Q2', 'scored', 89.99)],
  panelists: panel(2, 1),
  bids: [bid('A', 100), bid('B', 100)],
  individualScores: scores('B', 'Q2', { le1: 1, le2: 1, pro1: 0 }),
  moderatedScores: [moderated('A', 'Q1', 1), moderated('A', 'Q2', 0), moderated('B', 'Q1', 0)],
});

describe('rounding half-up at presentation (§6)', () => {
  const result = computeResults(input);
  const shown = presentResults(result);

  it('keeps 5.005 exact and presents it as 5.01', () => {
    expect(bidOf(result, 'A').total).toEqual(Rational.of(1001, 200));
    expect(bidOf(shown, 'A').total).toBe(5.01);
    expect(bidOf(shown, 'A').criteria[0].weighted).toBe(5.01);
    expect(bidOf(shown, 'A').byCategory.quality).toBe(5.01);
  });

  it('rounds a non-terminating total once: 29.99666… → 30', () => {
    expect(bidOf(result, 'B').total).toEqual(Rational.of(8999, 300));
    expect(bidOf(shown, 'B').total).toBe(30);
    expect(bidOf(shown, 'B').criteria[1].score).toBe(0.67);
  });

  it('rounds the exact sum, not a sum of rounded parts', () => {
    // Three leaves of 5.02 %, each scored 1 on 0–5: 5.02 / 5 = 1.004, shown 1.00 each;
    // the total is 3.012, shown 3.01 (adding the shown parts would give 3.00).
    const three = buildInput({
      criteria: ['Q1', 'Q2', 'Q3'].map((code) => criterion(code, 'scored', 5.02)),
      bids: [bid('A', 100)],
      moderatedScores: ['Q1', 'Q2', 'Q3'].map((code) => moderated('A', code, 1)),
    });
    const a = bidOf(presentResults(computeResults(three)), 'A');
    expect(a.criteria.map((c) => c.weighted)).toEqual([1, 1, 1]);
    expect(a.total).toBe(3.01);
  });

  it('produces JSON without BigInts or Rationals', () => {
    expect(() => JSON.stringify(shown)).not.toThrow();
    expect(JSON.parse(JSON.stringify(shown))).toEqual(shown);
  });
});
