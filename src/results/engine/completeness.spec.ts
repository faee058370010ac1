/**
 * SCORING.md §8 completeness, and what a missing score does to a bid (engine.ts).
 *
 * G1 gate; Q1 quality 50 %, Q2 quality 30 %, P price 20 % (lowest_ratio); scale 0–5.
 *   A: G1 passed; Q1 moderated 4 → 40; Q2 panel 3, 5 → 4 → 24 (not moderated);
 *      £100k → 20. Total 84.
 *   B: G1 not recorded; Q1 moderated 5 → 50; Q2 only draft scores → missing;
 *      £125k → 20 × 100/125 = 16. Total 50 + 16 = 66 (what is present).
 *   C: disqualified, nothing recorded at all: no gaps.
 */
import { computeResults } from './engine';
import { presentResults } from './present';
import { bid, bidOf, buildInput, criterion, moderated, panel, scores } from './testing/builders';

function tender(moderationRequired: boolean) {
  return buildInput({
    settings: { moderationRequired },
    criteria: [
      criterion('G1', 'pass_fail', 0, { order: 0 }),
      criterion('Q1', 'scored', 50, { order: 1 }),
      criterion('Q2', 'scored', 30, { order: 2 }),
      criterion('P', 'price', 20, { order: 3 }),
    ],
    panelists: panel(1, 1),
    bids: [
      bid('A', 100_000, { compliance: [{ criterionId: 'c-G1', passed: true }] }),
      bid('B', 125_000),
      bid('C', 90_000, { status: 'disqualified', disqualificationReason: 'Insolvent' }),
    ],
    individualScores: [...scores('A', 'Q2', { le1: 3, pro1: 5 }), ...scores('B', 'Q2', { le1: 4, pro1: 4 }, false)],
    moderatedScores: [moderated('A', 'Q1', 4), moderated('B', 'Q1', 5)],
  });
}

const gap = (letter: string, code: string, missing: string) => ({
  bidId: `bid-${letter}`,
  criterion: code,
  criterionId: `c-${code}`,
  missing,
});

describe('completeness and missing scores (§8)', () => {
  describe('with moderation required (the default)', () => {
    const result = computeResults(tender(true));
    const shown = presentResults(result);

    it('needs a moderated score on every scored leaf of every bid still in the running', () => {
      expect(result.complete).toBe(false);
      // Bids in listed order (A ranks 1, B ranks 2), leaves in tree order.
      expect(result.gaps).toEqual([gap('A', 'Q2', 'moderated'), gap('B', 'G1', 'compliance'), gap('B', 'Q2', 'moderated')]);
    });

    it('uses the panel score meanwhile: A’s Q2 is 4 → 24 from the panel', () => {
      expect(bidOf(shown, 'A').criteria[1]).toMatchObject({ score: 4, weighted: 24, source: 'panel' });
      expect(bidOf(shown, 'A').total).toBe(84);
    });

    it('marks a score with no usable panel score and no moderation as missing, drafts ignored', () => {
      expect(bidOf(shown, 'B').criteria[1]).toEqual({
        criterionId: 'c-Q2',
        code: 'Q2',
        score: null,
        weighted: null,
        source: 'missing',
      });
    });

    it('totals what is present and still ranks the bid, provisionally', () => {
      expect(bidOf(shown, 'B').total).toBe(66);
      expect(bidOf(shown, 'B').eligible).toBe(true);
      expect(shown.bids.map((b) => [b.bidderName, b.rank])).toEqual([
        ['Bid A', 1],
        ['Bid B', 2],
        ['Bid C', null],
      ]);
    });

    it('asks nothing of a disqualified bid', () => {
      expect(result.gaps.some((g) => g.bidId === 'bid-C')).toBe(false);
      expect(bidOf(shown, 'C').criteria.map((c) => c.source)).toEqual(['missing', 'missing', 'price']);
    });
  });

  describe('with moderation not required', () => {
    const result = computeResults(tender(false));

    it('accepts a usable panel score, and lists only cells with no score at all', () => {
      expect(result.gaps).toEqual([gap('B', 'G1', 'compliance'), gap('B', 'Q2', 'panel')]);
    });

    it('is complete once every gate is recorded and every leaf has a score', () => {
      const input = tender(false);
      input.bids[1].compliance = [{ criterionId: 'c-G1', passed: true }];
      input.moderatedScores.push(moderated('B', 'Q2', 2)); // a moderated score counts too
      const done = computeResults(input);
      expect(done.gaps).toEqual([]);
      expect(done.complete).toBe(true);
      // B: 50 + 30 × 2/5 = 12 + 16 = 78.
      expect(bidOf(presentResults(done), 'B').total).toBe(78);
    });
  });
});
