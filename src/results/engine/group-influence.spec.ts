/**
 * SCORING.md §11.3 by hand: the four group scenarios and the lived-experience share.
 *
 * 1. The §10 worked example (scale 0–5; Q1 40 and C1 30 scored by both groups, C1 with
 *    group weights 50 / 50; price A 24, B 30). One point on Q1 is 8, on C1 6.
 *    Bid A's scores: Q1 le1 4, pro1 3; C1 le1 5, le2 4, pro1 2. Bid B's: Q1 le1 3, pro1 3;
 *    C1 le1 4, pro1 4 (B's moderated 3 and 4 are set aside: the scenarios start from the
 *    panel's own scores).
 *    - as scored: A 28 + 19.5 + 24 = 71.50; B 24 + 24 + 30 = 78 → B by 6.50.
 *    - without lived experience: A Q1 3 → 24, C1 2 → 12, + 24 = 60; B 24 + 24 + 30 = 78 → B by 18.
 *    - equal group weights: A Q1 (4 + 3) / 2 = 3.5 → 28, C1 (4.5 + 2) / 2 = 3.25 → 19.5 → 71.50; B 78.
 *    - lived experience only: A Q1 4 → 32, C1 4.5 → 27, + 24 = 83; B 78 → A by 5: the winner changes.
 *    Contribution: 6.50 − 18 = −11.50 (the lived-experience scores narrowed B's lead);
 *    share −11.50 / 6.50 = −176.92 %.
 * 2. Q1 (weight 40, professionals only) and C1 (weight 60, both groups, pooled mean).
 *    One point on Q1 is 8, on C1 12.
 *    A: Q1 3 → 24; C1 le 5, 5, pro 3, 3 → 4 → 48; total 72.
 *    B: Q1 4 → 32; C1 le 3, 3, pro 3, 4 → 3.25 → 39; total 71. A wins by 1.
 *    Without lived experience (C1 professionals only): A 24 + 36 = 60; B C1 3.5 → 42, 32 + 42 = 74:
 *    B would have won by 14. Equal weights: A (5 + 3) / 2 = 4 → 72; B (3 + 3.5) / 2 = 3.25 → 71:
 *    the same. Lived experience only: A 24 + 60 = 84, B 32 + 36 = 68: A by 16.
 *    Contribution 1 − (−14) = 15 points of a 1-point lead: 1500 %.
 */
import { computeResults } from './engine';
import { presentResults } from './present';
import { Rational } from './rational';
import { bid, bidId, buildInput, criterion, panel, scores } from './testing/builders';
import { workedExample } from './testing/worked-example.fixture';

describe('group influence (SCORING.md §11.3)', () => {
  describe('the §10 worked example', () => {
    const influence = computeResults(workedExample()).groupInfluence!;
    const scenario = (kind: string) => influence.scenarios.find((s) => s.scenario === kind)!;
    const totals = (kind: string) => scenario(kind).totals.map((t) => [t.bidId, t.total.toString(), t.rank]);

    it('recomputes Q1 and C1 four ways', () => {
      expect(influence.criteria).toEqual(['Q1', 'C1']);
      expect(totals('as_scored')).toEqual([
        [bidId('B'), '78', 1],
        [bidId('A'), '143/2', 2],
      ]);
      expect(totals('without_lived_experience')).toEqual([
        [bidId('B'), '78', 1],
        [bidId('A'), '60', 2],
      ]);
      expect(totals('equal_group_weights')).toEqual([
        [bidId('B'), '78', 1],
        [bidId('A'), '143/2', 2],
      ]);
      expect(totals('lived_experience_only')).toEqual([
        [bidId('A'), '83', 1],
        [bidId('B'), '78', 2],
      ]);
      expect(scenario('lived_experience_only')).toMatchObject({ winnerChanged: true, orderChanged: true });
      expect(scenario('without_lived_experience')).toMatchObject({ winnerChanged: false, orderChanged: false });
    });

    it('puts the lived-experience contribution at −11.50 points, −176.92 % of the lead', () => {
      expect(influence.panelMargin.equals(Rational.of(13, 2))).toBe(true);
      expect(influence.livedExperienceContribution.equals(Rational.of(-23, 2))).toBe(true);
      expect(influence.livedExperienceShare!.equals(Rational.of(-23, 13))).toBe(true);
      expect(presentResults(computeResults(workedExample())).groupInfluence).toMatchObject({
        panelMargin: 6.5,
        livedExperienceContribution: -11.5,
        livedExperienceSharePercent: -176.92,
      });
      expect(influence.sentence).toBe(
        'The lived-experience members’ scores narrowed Bid B’s lead over Bid A by 11.50 points (-176.92 % of the lead): ' +
          'on the panel’s own scores it leads by 6.50, without them it would lead by 18.00.',
      );
      expect(scenario('lived_experience_only').sentence).toBe(
        'Counting only the lived-experience members’ scores on Q1, C1, Bid A would have won, by 5.00 points.',
      );
    });
  });

  describe('a winner made by the lived-experience scores', () => {
    const input = buildInput({
      settings: { moderationRequired: false },
      criteria: [
        criterion('Q1', 'scored', 40, { order: 1, scoredBy: ['professional'] }),
        criterion('C1', 'scored', 60, { order: 2, category: 'co_production' }),
      ],
      panelists: panel(2, 2),
      bids: [bid('A', 100), bid('B', 100)],
      individualScores: [
        ...scores('A', 'Q1', { pro1: 3, pro2: 3 }),
        ...scores('A', 'C1', { le1: 5, le2: 5, pro1: 3, pro2: 3 }),
        ...scores('B', 'Q1', { pro1: 4, pro2: 4 }),
        ...scores('B', 'C1', { le1: 3, le2: 3, pro1: 3, pro2: 4 }),
      ],
    });
    const influence = computeResults(input).groupInfluence!;
    const scenario = (kind: string) => influence.scenarios.find((s) => s.scenario === kind)!;

    it('says who would have won without them, and by how much', () => {
      expect(influence.criteria).toEqual(['C1']);
      expect(scenario('without_lived_experience').sentence).toBe(
        'Without the lived-experience members’ scores on C1, Bid B would have won, by 14.00 points.',
      );
      expect(scenario('equal_group_weights').sentence).toBe(
        'With the lived-experience and professional members weighted equally on C1, Bid A would still have won, by 1.00 ' +
          'points, in the same order.',
      );
      expect(scenario('lived_experience_only').margin!.equals(Rational.fromInteger(16))).toBe(true);
    });

    it('puts their share of the 1-point lead at 15 points, 1500 %', () => {
      expect(influence.livedExperienceContribution.equals(Rational.fromInteger(15))).toBe(true);
      expect(influence.livedExperienceShare!.equals(Rational.fromInteger(15))).toBe(true);
      expect(influence.sentence).toBe(
        'The lived-experience members’ scores account for 15.00 points of Bid A’s 1.00-point lead over Bid B on the ' +
          'panel’s own scores (1500.00 % of the lead).',
      );
    });
  });

  it('has nothing to say when no criterion is scored by lived-experience members', () => {
    const result = computeResults(
      buildInput({
        settings: { moderationRequired: false },
        criteria: [criterion('Q1', 'scored', 100, { scoredBy: ['professional'] })],
        panelists: panel(0, 1),
        bids: [bid('A', 100), bid('B', 100)],
        individualScores: [...scores('A', 'Q1', { pro1: 3 }), ...scores('B', 'Q1', { pro1: 2 })],
      }),
    );
    expect(result.groupInfluence).toBeNull();
  });
});
