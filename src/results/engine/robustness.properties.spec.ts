/**
 * §11 invariants over random small tenders (fast-check), checked against the engine itself:
 * the reported marks to change the winner, applied as a moderated score and the results
 * recomputed, do put the runner-up level with or ahead of the winner (or the winner out of
 * the ranking), and no smaller change to any single score of the two does. The winner's
 * total, the group scenarios and the calibration are checked against their definitions.
 */
import fc from 'fast-check';
import { computeResults } from './engine';
import { rankBids } from './ranking';
import { Rational } from './rational';
import {
  BidResult,
  EngineCriterion,
  EngineIndividualScore,
  EngineInput,
  EngineModeratedScore,
  EngineResult,
  PanelGroup,
  TieBreak,
} from './types';

type Gen = fc.GeneratorValue;
const GROUPS: PanelGroup[] = ['lived_experience', 'professional'];

function randomTender(g: Gen): EngineInput {
  const max = g(fc.integer, { min: 1, max: 5 });
  const leafCount = g(fc.integer, { min: 1, max: 4 });
  const withPrice = g(fc.boolean);
  const shares = Array.from({ length: leafCount + (withPrice ? 1 : 0) }, () => g(fc.integer, { min: 1, max: 9 }));
  const totalShares = shares.reduce((a, b) => a + b, 0);
  const weights = shares.map((share) => Math.floor((share * 10_000) / totalShares));
  weights[0] += 10_000 - weights.reduce((a, b) => a + b, 0);
  const criteria: EngineCriterion[] = Array.from({ length: leafCount }, (_, i) => {
    const scoredBy: PanelGroup[] = g(fc.constantFrom, GROUPS, ['professional'], ['lived_experience']);
    const lived = g(fc.integer, { min: 0, max: 100 });
    return {
      id: `c${i}`,
      code: `Q${i}`,
      title: `Q${i}`,
      parentId: null,
      kind: 'scored' as const,
      category: 'quality' as const,
      weightHundredths: weights[i],
      threshold: g(
        fc.option,
        fc.integer({ min: 0, max: max * 2 }).map((h) => h / 2),
        { freq: 4 },
      ),
      scoredBy,
      groupWeights: scoredBy.length === 2 && g(fc.boolean) ? { lived_experience: lived, professional: 100 - lived } : null,
      order: i,
    };
  });
  if (withPrice) {
    criteria.push({
      id: 'cP',
      code: 'P',
      title: 'Price',
      parentId: null,
      kind: 'price',
      category: 'price',
      weightHundredths: weights[leafCount],
      threshold: null,
      scoredBy: GROUPS,
      groupWeights: null,
      order: leafCount,
    });
  }
  const panelists = Array.from({ length: g(fc.integer, { min: 1, max: 4 }) }, (_, i) => ({
    id: `p${i}`,
    group: g(fc.constantFrom, ...GROUPS),
  }));
  const bids = Array.from({ length: g(fc.integer, { min: 2, max: 4 }) }, (_, i) => ({
    id: `b${i}`,
    bidderName: `Bidder ${i}`,
    status: 'submitted' as const,
    pricePence: BigInt(g(fc.integer, { min: 1, max: 5 }) * 1000),
    compliance: [],
    conflicts: [],
  }));
  const individualScores: EngineIndividualScore[] = [];
  const moderatedScores: EngineModeratedScore[] = [];
  for (const bid of bids) {
    for (const leaf of criteria.filter((c) => c.kind === 'scored')) {
      for (const panelist of panelists) {
        if (g(fc.integer, { min: 0, max: 4 }) > 0) {
          individualScores.push({
            bidId: bid.id,
            criterionId: leaf.id,
            panelistId: panelist.id,
            score: g(fc.integer, { min: 0, max }),
            submitted: true,
          });
        }
      }
      if (g(fc.boolean)) moderatedScores.push({ bidId: bid.id, criterionId: leaf.id, score: g(fc.integer, { min: 0, max }) });
    }
  }
  const tieBreak: TieBreak = g(fc.constantFrom, 'none', 'quality', 'price');
  return {
    scale: { min: 0, max },
    settings: {
      aggregation: g(fc.constantFrom, 'mean', 'median'),
      moderationRequired: false,
      priceFormula: 'lowest_ratio',
      tieBreak,
      divergenceThresholdHundredths: g(fc.integer, { min: 0, max: 300 }),
      minScorers: 1,
      abnormallyLowRatioHundredths: 80,
      closeCallMarginHundredths: g(fc.integer, { min: 0, max: 500 }),
    },
    criteria,
    panelists,
    bids,
    individualScores,
    moderatedScores,
  };
}

const tenders = fc.gen().map((g) => randomTender(g));

/** The input with one cell's moderated score set to `to`. */
function withModerated(input: EngineInput, bidId: string, criterionId: string, to: number): EngineInput {
  return {
    ...input,
    moderatedScores: [
      ...input.moderatedScores.filter((entry) => entry.bidId !== bidId || entry.criterionId !== criterionId),
      { bidId, criterionId, score: to },
    ],
  };
}

/** The runner-up is level with or ahead of the winner, or the winner is not ranked. */
function flipped(result: EngineResult, winnerId: string, runnerUpId: string): boolean {
  const winner = result.bids.find((bid) => bid.bidId === winnerId)!;
  const runnerUp = result.bids.find((bid) => bid.bidId === runnerUpId)!;
  if (winner.rank === null) return true;
  return runnerUp.rank !== null && runnerUp.rank <= winner.rank;
}

describe('robustness properties (SCORING.md §11)', () => {
  it('applying the reported smallest change flips the order; no smaller single change does', () => {
    fc.assert(
      fc.property(tenders, (input) => {
        const result = computeResults(input);
        if (!result.robustness) return;
        const winnerId = result.robustness.winnerBidId;
        const cells = (bid: BidResult) => bid.criteria.filter((c) => c.score !== null && c.source !== 'price');
        // The first runner-up only: each check recomputes the results once per whole score on every cell of two bids.
        for (const entry of result.robustness.runnersUp.slice(0, 1)) {
          if (entry.level) continue;
          const change = entry.smallestMarkChange;
          if (change) {
            expect(
              flipped(
                computeResults(withModerated(input, change.bidId, change.criterionId, change.to)),
                winnerId,
                entry.runnerUpBidId,
              ),
            ).toBe(true);
          }
          for (const bidId of [winnerId, entry.runnerUpBidId]) {
            const bid = result.bids.find((candidate) => candidate.bidId === bidId)!;
            for (const cell of cells(bid)) {
              for (let to = input.scale.min; to <= input.scale.max; to++) {
                const size = Rational.fromInteger(to).sub(cell.score!).abs();
                if (size.isZero() || (change && size.compare(change.change) >= 0)) continue;
                const after = computeResults(withModerated(input, bidId, cell.criterionId, to));
                expect(flipped(after, winnerId, entry.runnerUpBidId)).toBe(false);
              }
            }
          }
        }
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  it('the stated fall in the winner’s total flips the order, 0.01 less does not', () => {
    fc.assert(
      fc.property(tenders, (input) => {
        const result = computeResults(input);
        if (!result.robustness) return;
        const winner = result.bids.find((bid) => bid.bidId === result.robustness!.winnerBidId)!;
        for (const entry of result.robustness.runnersUp) {
          if (entry.level) continue;
          const runnerUp = result.bids.find((bid) => bid.bidId === entry.runnerUpBidId)!;
          const order = (fall: Rational) => {
            const ranks = rankBids(
              [winner, runnerUp].map((bid) => ({
                bidId: bid.bidId,
                total: bid === winner ? bid.total.sub(fall) : bid.total,
                priceWeighted: bid.byCategory.price,
                pricePence: bid.pricePence,
              })),
              input.settings.tieBreak,
            );
            return ranks.get(runnerUp.bidId)! <= ranks.get(winner.bidId)!;
          };
          expect(order(entry.totalChange!)).toBe(true);
          expect(order(entry.totalChange!.sub(Rational.of(1, 100)))).toBe(false);
          // It is never more than the margin rounded up, plus the tie-break's hundredth.
          expect(entry.totalChange!.compare(Rational.of(entry.margin.scaledCeiling(2) + 1n, 100n))).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('raises the close call exactly when the margin is under the setting or a one-point change flips', () => {
    fc.assert(
      fc.property(tenders, (input) => {
        const { robustness, closeCall } = computeResults(input);
        if (!robustness || !closeCall) return;
        const threshold = Rational.fromHundredths(input.settings.closeCallMarginHundredths!);
        const underMargin = robustness.runnersUp[0].margin.compare(threshold) < 0;
        const oneMark = robustness.runnersUp.some((entry) =>
          entry.smallestMarkChange ? entry.smallestMarkChange.change.compare(Rational.ONE) <= 0 : false,
        );
        expect(closeCall.alert).toBe(underMargin || oneMark);
        for (const cell of closeCall.recheck) expect([robustness.winnerBidId, cell.runnerUpBidId]).toContain(cell.bidId);
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('group scenarios: as scored matches the results when nothing is moderated; the contribution is a difference of leads', () => {
    fc.assert(
      fc.property(tenders, (input) => {
        const unmoderated = { ...input, moderatedScores: [] };
        const result = computeResults(unmoderated);
        const influence = result.groupInfluence;
        if (!influence) return;
        const asScored = influence.scenarios.find((s) => s.scenario === 'as_scored')!;
        for (const entry of asScored.totals) {
          const bid = result.bids.find((candidate) => candidate.bidId === entry.bidId)!;
          expect(entry.total.equals(bid.total)).toBe(true);
          expect(entry.rank).toBe(bid.rank);
        }
        expect(asScored.winnerChanged || asScored.orderChanged).toBe(false);
        const without = influence.scenarios.find((s) => s.scenario === 'without_lived_experience')!;
        const [winner, runnerUp] = result.bids;
        const lead = (totals: typeof without.totals) =>
          totals.find((t) => t.bidId === winner.bidId)!.total.sub(totals.find((t) => t.bidId === runnerUp.bidId)!.total);
        expect(influence.livedExperienceContribution.equals(lead(asScored.totals).sub(lead(without.totals)))).toBe(true);
      }),
      { numRuns: 150, endOnFailure: true },
    );
  });

  it('calibration: the leniencies balance out (Σ leniency × compared cells = 0)', () => {
    fc.assert(
      fc.property(tenders, (input) => {
        const result = computeResults(input);
        const balance = Rational.sum(
          result.calibration.map((member) =>
            member.leniency ? member.leniency.mul(Rational.fromInteger(member.comparedCells)) : Rational.ZERO,
          ),
        );
        expect(balance.isZero()).toBe(true);
        for (const member of result.calibration) {
          expect(member.consensusAgreements).toBeLessThanOrEqual(member.consensusCells);
          if (member.spread) expect(member.spread.sign()).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });
});
