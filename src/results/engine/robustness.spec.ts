/**
 * SCORING.md §11.1–§11.2 by hand: marks to change the winner and the close-call alert.
 *
 * 1. The §10 worked example. B wins on 78.00, A 71.50: margin 6.50. Scale 0–5, so one
 *    point on a leaf of weight w moves a total by w / 5.
 *    - B's Q1 (moderated 3, weight 40): 3 → 2 lowers B by 40 × 1 / 5 = 8 → 70 < 71.50. 1 point.
 *    - B's C1 (moderated 4, weight 30): 4 → 3 lowers B by 6 → 72 > 71.50, not enough;
 *      4 → 2 lowers it by 12 → 66. 2 points.
 *    - A's Q1 (panel 3.5): 3.5 → 4 raises A by 40 × 0.5 / 5 = 4 → 75.50, not enough;
 *      → 5 raises it by 12 → 83.50. 1.5 points.
 *    - A's C1 (panel 3.25): → 4 raises A by 30 × 0.75 / 5 = 4.5 → 76, not enough;
 *      → 5 by 10.5 → 82. 1.75 points.
 *    Smallest: B's Q1, 1 point. Winner's total: a fall of 6.50 puts B on 71.50, level with
 *    A (tie-break none: they share rank 1); 6.49 leaves B on 71.51, ahead.
 *    Close call: 6.50 ≥ 1 (the default margin), but a one-point change flips → alert
 *    `single_mark`, re-check B's Q1.
 * 2. Tie-break by price. Q1 and Q2, weight 50 each, Q1 threshold 3; A £90 000 (cheaper),
 *    B £100 000; all moderated. A: 4, 4 → 40 + 40 = 80. B: 4, 3 → 40 + 30 = 70. Margin 10.
 *    One point on a leaf moves a total by 50 / 5 = 10.
 *    - A's Q1 4 → 3: A 70, level with B, but A is cheaper: A still ranks first. 4 → 2:
 *      A 60 < 70 (and 2 is below the threshold too). 2 points, effect `order`.
 *    - A's Q2 4 → 2: 2 points as well; Q1 comes first in tree order, so Q1 is named.
 *    - B's Q1 4 → 5: B 80, level, A cheaper: not enough; no higher score. None.
 *    - B's Q2 3 → 4: 80, level: not enough; 3 → 5: 90. 2 points.
 *    Winner's total: a fall of 10.00 puts A level on 70.00, still first on price; 10.01
 *    puts it at 69.99, behind. No one-point change flips and 10 ≥ 1: no close call.
 * 3. Threshold. Q1 weight 10, threshold 4; Q2 weight 90. A: 4, 5 → 8 + 90 = 98. B: 4, 1 →
 *    8 + 18 = 26. Margin 72. A's Q1 4 → 3 takes A below the threshold: A could not be
 *    ranked. 1 point, effect `below_threshold`. (By the total, A's Q2 5 → 0 would be
 *    needed: −90 → 8 < 26, 5 points.) Close call `single_mark`.
 */
import { computeResults } from './engine';
import { presentResults } from './present';
import { Rational } from './rational';
import { bid, bidId, buildInput, criterion, criterionId, moderated } from './testing/builders';
import { workedExample } from './testing/worked-example.fixture';

describe('marks to change the winner (SCORING.md §11.1) and close calls (§11.2)', () => {
  describe('the §10 worked example', () => {
    const result = computeResults(workedExample());
    const [entry] = result.robustness!.runnersUp;

    it('names B’s Q1, 3 → 2, as the smallest change: 1 point', () => {
      expect(result.robustness!.winnerBidId).toBe(bidId('B'));
      expect(entry.runnerUpBidId).toBe(bidId('A'));
      expect(entry.margin.equals(Rational.of(13, 2))).toBe(true);
      expect(entry.level).toBe(false);
      const change = entry.smallestMarkChange!;
      expect(change).toMatchObject({ bidId: bidId('B'), criterionId: criterionId('Q1'), code: 'Q1', to: 2, effect: 'order' });
      expect(change.from.equals(Rational.fromInteger(3))).toBe(true);
      expect(change.change.equals(Rational.ONE)).toBe(true);
    });

    it('states a fall of 6.50 in the winner’s total', () => {
      expect(entry.totalChange!.equals(Rational.of(650, 100))).toBe(true);
      expect(entry.sentence).toBe(
        'Lowering Bid B’s score on Q1 (Quality) by 1 point, from 3 to 2, would put Bid A level with or ahead of Bid B; ' +
          'no smaller change to a single score would. Equally, a fall of 6.50 points in Bid B’s total would put Bid A ' +
          'level with or ahead of it.',
      );
    });

    it('flags a close call on the one-point change, with the cell to check again', () => {
      const closeCall = result.closeCall!;
      expect(closeCall.alert).toBe(true);
      expect(closeCall.reasons).toEqual(['single_mark']);
      expect(closeCall.threshold.equals(Rational.ONE)).toBe(true);
      expect(closeCall.recheck).toHaveLength(1);
      expect(closeCall.recheck[0]).toMatchObject({ bidId: bidId('B'), code: 'Q1', to: 2, source: 'moderated' });
      expect(presentResults(result).closeCall).toEqual({
        alert: true,
        reasons: ['single_mark'],
        margin: 6.5,
        threshold: 1,
        recheck: [
          {
            bidId: bidId('B'),
            criterionId: criterionId('Q1'),
            code: 'Q1',
            from: 3,
            to: 2,
            change: 1,
            effect: 'order',
            runnerUpBidId: bidId('A'),
            source: 'moderated',
          },
        ],
        sentence:
          'Close call: a change of one scale point or less in a single score would put a runner-up level with or ahead ' +
          'of the winner. Check this score again at moderation.',
      });
    });

    it('raises the margin alert when the margin is under the tender’s setting (7 points > 6.50)', () => {
      const wide = computeResults(workedExample({ moderationRequired: false, closeCallMarginHundredths: 700 }));
      expect(wide.closeCall!.reasons).toEqual(['margin', 'single_mark']);
    });
  });

  describe('a tie-break by price', () => {
    const result = computeResults(
      buildInput({
        settings: { tieBreak: 'price' },
        criteria: [criterion('Q1', 'scored', 50, { order: 1, threshold: 3 }), criterion('Q2', 'scored', 50, { order: 2 })],
        bids: [bid('A', 90_000), bid('B', 100_000)],
        moderatedScores: [moderated('A', 'Q1', 4), moderated('A', 'Q2', 4), moderated('B', 'Q1', 4), moderated('B', 'Q2', 3)],
      }),
    );
    const [entry] = result.robustness!.runnersUp;

    it('needs 2 points: level is not enough when the winner is cheaper', () => {
      expect(entry.smallestMarkChange).toMatchObject({ bidId: bidId('A'), code: 'Q1', to: 2, effect: 'order' });
      expect(entry.smallestMarkChange!.change.equals(Rational.fromInteger(2))).toBe(true);
      expect(entry.oneMarkChanges).toEqual([]);
    });

    it('needs a fall of 10.01 in the winner’s total, not 10.00', () => {
      expect(entry.totalChange!.equals(Rational.of(1001, 100))).toBe(true);
    });

    it('is not a close call', () => {
      expect(result.closeCall).toMatchObject({ alert: false, reasons: [], recheck: [] });
      expect(result.closeCall!.sentence).toBe(
        'Not a close call: Bid A leads Bid B by 10.00 points, and no change of one scale point in a single score would ' +
          'change the order.',
      );
    });
  });

  describe('a threshold', () => {
    const result = computeResults(
      buildInput({
        criteria: [criterion('Q1', 'scored', 10, { order: 1, threshold: 4 }), criterion('Q2', 'scored', 90, { order: 2 })],
        bids: [bid('A', 100), bid('B', 100)],
        moderatedScores: [moderated('A', 'Q1', 4), moderated('A', 'Q2', 5), moderated('B', 'Q1', 4), moderated('B', 'Q2', 1)],
      }),
    );
    const [entry] = result.robustness!.runnersUp;

    it('finds that one point takes the winner below the minimum score', () => {
      expect(entry.margin.equals(Rational.fromInteger(72))).toBe(true);
      expect(entry.smallestMarkChange).toMatchObject({ bidId: bidId('A'), code: 'Q1', to: 3, effect: 'below_threshold' });
      expect(entry.sentence).toContain(
        'Lowering Bid A’s score on Q1 (Title of Q1) by 1 point, from 4 to 3, would take Bid A below the minimum score of 4 ' +
          'on Q1, so it could not be ranked',
      );
      expect(result.closeCall!.reasons).toEqual(['single_mark']);
    });
  });

  it('says so when bids share rank 1, and has nothing to say with one ranked bid', () => {
    const level = computeResults(
      buildInput({
        criteria: [criterion('Q1', 'scored', 100)],
        bids: [bid('A', 100), bid('B', 100)],
        moderatedScores: [moderated('A', 'Q1', 3), moderated('B', 'Q1', 3)],
      }),
    );
    expect(level.robustness!.runnersUp[0]).toMatchObject({ level: true, smallestMarkChange: null, totalChange: null });
    expect(level.closeCall).toMatchObject({ alert: true, reasons: ['margin'] });
    expect(level.closeCall!.sentence).toBe(
      'Close call: Bid A and Bid B share rank 1. Check the level bids’ scores again at moderation.',
    );

    const alone = computeResults(
      buildInput({
        criteria: [criterion('Q1', 'scored', 100)],
        bids: [bid('A', 100)],
        moderatedScores: [moderated('A', 'Q1', 3)],
      }),
    );
    expect(alone.robustness).toBeNull();
    expect(alone.closeCall).toBeNull();
  });
});
