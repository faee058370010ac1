/**
 * Invariants over random tenders (fast-check): whatever the tree, panel, settings and
 * scores, these hold. Tenders are small (≤ 5 bids, ≤ 9 leaves, ≤ 5 panelists) so that
 * shrinking finds a readable counter-example.
 */
import fc from 'fast-check';
import { computeResults } from './engine';
import { presentResults } from './present';
import { Rational } from './rational';
import { EngineBid, EngineCriterion, EngineIndividualScore, EngineInput, EngineModeratedScore, PanelGroup } from './types';

type Gen = fc.GeneratorValue;

const GROUPS: PanelGroup[] = ['lived_experience', 'professional'];
const CATEGORIES = ['quality', 'co_production', 'social_outcome', 'economic_outcome', 'environmental_outcome'] as const;

/** A tender that passes the publication rules: top-level weights sum to exactly 100. */
function randomTender(g: Gen): EngineInput {
  const min = g(fc.integer, { min: 0, max: 1 });
  const max = min + g(fc.integer, { min: 1, max: 6 });
  const criteria: EngineCriterion[] = [];
  const leaf = (code: string, parentId: string | null): EngineCriterion => {
    const scoredBy: PanelGroup[] = g(fc.constantFrom, GROUPS, ['professional'], ['lived_experience']);
    const lived = g(fc.integer, { min: 0, max: 100 });
    const both = scoredBy.length === 2;
    return {
      id: `c-${code}`,
      code,
      title: code,
      parentId,
      kind: 'scored',
      category: g(fc.constantFrom, ...CATEGORIES),
      weightHundredths: 0,
      threshold: g(
        fc.option,
        fc.integer({ min: min * 2, max: max * 2 }).map((h) => h / 2),
        { freq: 3 },
      ),
      scoredBy,
      groupWeights: !g(fc.boolean)
        ? null
        : both
          ? { lived_experience: lived, professional: 100 - lived }
          : { [scoredBy[0]]: 100 },
      order: g(fc.integer, { min: 0, max: 3 }),
    };
  };
  const tops = g(fc.integer, { min: 1, max: 3 });
  for (let t = 0; t < tops; t++) {
    if (g(fc.boolean)) {
      criteria.push(leaf(`Q${t}`, null));
      continue;
    }
    const section: EngineCriterion = { ...leaf(`S${t}`, null), kind: 'section', category: null, threshold: null };
    criteria.push(section);
    const children = g(fc.integer, { min: 1, max: 3 });
    for (let c = 0; c < children; c++) criteria.push(leaf(`S${t}.${c}`, section.id));
  }
  if (g(fc.boolean)) {
    criteria.push({ ...leaf('P', null), kind: 'price', category: 'price', threshold: null, groupWeights: null });
  }
  if (g(fc.boolean)) {
    criteria.push({ ...leaf('G', null), kind: 'pass_fail', category: 'compliance', threshold: null, groupWeights: null });
  }
  // Spread exactly 10 000 hundredths over the weighted leaves, then sum into sections.
  const weighted = criteria.filter((c) => c.kind === 'scored' || c.kind === 'price');
  const shares = weighted.map(() => g(fc.integer, { min: 1, max: 10 }));
  const totalShares = shares.reduce((a, b) => a + b, 0);
  weighted.forEach((c, i) => (c.weightHundredths = Math.floor((shares[i] * 10_000) / totalShares)));
  weighted[0].weightHundredths += 10_000 - weighted.reduce((sum, c) => sum + c.weightHundredths, 0);
  for (const section of criteria.filter((c) => c.kind === 'section')) {
    section.weightHundredths = criteria.filter((c) => c.parentId === section.id).reduce((sum, c) => sum + c.weightHundredths, 0);
  }

  const panelists = Array.from({ length: g(fc.integer, { min: 1, max: 5 }) }, (_, i) => ({
    id: `p${i}`,
    group: g(fc.constantFrom, ...GROUPS),
  }));
  const gate = criteria.find((c) => c.kind === 'pass_fail');
  const bids: EngineBid[] = Array.from({ length: g(fc.integer, { min: 1, max: 5 }) }, (_, i) => ({
    id: `b${i}`,
    bidderName: `Bidder ${i}`,
    status: g(fc.integer, { min: 0, max: 5 }) === 0 ? 'disqualified' : 'submitted',
    pricePence: BigInt(g(fc.integer, { min: 1, max: 1_000_000 })),
    compliance: gate && g(fc.boolean) ? [{ criterionId: gate.id, passed: g(fc.integer, { min: 0, max: 4 }) > 0 }] : [],
    conflicts: panelists.filter(() => g(fc.integer, { min: 0, max: 5 }) === 0).map((p) => p.id),
  }));
  const individualScores: EngineIndividualScore[] = [];
  const moderatedScores: EngineModeratedScore[] = [];
  for (const bid of bids) {
    for (const criterion of criteria.filter((c) => c.kind === 'scored')) {
      for (const panelist of panelists) {
        if (g(fc.integer, { min: 0, max: 4 }) === 0) continue;
        const score = g(fc.integer, { min, max });
        individualScores.push({
          bidId: bid.id,
          criterionId: criterion.id,
          panelistId: panelist.id,
          score,
          submitted: g(fc.integer, { min: 0, max: 5 }) > 0,
        });
      }
      if (g(fc.integer, { min: 0, max: 2 }) === 0) {
        moderatedScores.push({ bidId: bid.id, criterionId: criterion.id, score: g(fc.integer, { min, max }) });
      }
    }
  }
  return {
    scale: { min, max },
    settings: {
      aggregation: g(fc.constantFrom, 'mean', 'median'),
      moderationRequired: g(fc.boolean),
      priceFormula: g(fc.constantFrom, 'lowest_ratio', 'linear_deviation', 'min_max_linear'),
      tieBreak: g(fc.constantFrom, 'none', 'quality', 'price'),
      divergenceThresholdHundredths: g(fc.integer, { min: 0, max: 400 }),
      minScorers: g(fc.integer, { min: 0, max: 3 }),
      abnormallyLowRatioHundredths: g(fc.integer, { min: 50, max: 100 }),
    },
    criteria,
    panelists,
    bids,
    individualScores,
    moderatedScores,
  };
}

const tenders = fc.gen().map((g) => randomTender(g));

/** A failing property must fail fast, not shrink for minutes. */
const limits = { interruptAfterTimeLimit: 10_000, markInterruptAsFailure: true };

/** Everything a caller sees, plus the exact totals. */
const observable = (input: EngineInput) => {
  const result = computeResults(input);
  return { shown: presentResults(result), exact: result.bids.map((b) => `${b.bidId} ${b.total.toString()}`) };
};

describe('engine properties', () => {
  it('keeps every total and subtotal within [0, 100], the total being the sum of the leaves', () => {
    fc.assert(
      fc.property(tenders, (input) => {
        const hundred = Rational.of(100);
        for (const bid of computeResults(input).bids) {
          expect(bid.total.sign()).toBeGreaterThanOrEqual(0);
          expect(bid.total.compare(hundred)).toBeLessThanOrEqual(0);
          for (const subtotal of Object.values(bid.byCategory)) expect(subtotal.sign()).toBeGreaterThanOrEqual(0);
          expect(Rational.sum(bid.criteria.map((c) => c.weighted ?? Rational.ZERO))).toEqual(bid.total);
        }
      }),
      limits,
    );
  });

  it('never lowers a bid’s total when one of its individual scores is raised', () => {
    fc.assert(
      fc.property(tenders, fc.nat(), fc.nat(), (generated, pick, step) => {
        const input = structuredClone(generated); // fast-check may replay the same value
        const raisable = input.individualScores.filter((s) => s.score < input.scale.max);
        fc.pre(raisable.length > 0);
        const target = raisable[pick % raisable.length];
        const before = computeResults(input).bids.find((b) => b.bidId === target.bidId)!.total;
        target.score += 1 + (step % (input.scale.max - target.score));
        const after = computeResults(input).bids.find((b) => b.bidId === target.bidId)!.total;
        expect(after.compare(before)).toBeGreaterThanOrEqual(0);
      }),
      limits,
    );
  });

  it('does not depend on the order of bids, criteria, panelists, scores or records', () => {
    const permutation = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
    fc.assert(
      fc.property(
        tenders.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.record({
              bids: permutation(input.bids),
              criteria: permutation(input.criteria),
              panelists: permutation(input.panelists),
              individualScores: permutation(input.individualScores),
              moderatedScores: permutation(input.moderatedScores),
            }),
          ),
        ),
        ([input, shuffled]) => {
          const reordered: EngineInput = {
            ...input,
            ...shuffled,
            bids: shuffled.bids.map((b) => ({
              ...b,
              conflicts: [...b.conflicts].reverse(),
              compliance: [...b.compliance].reverse(),
            })),
          };
          expect(observable(reordered)).toEqual(observable(input));
        },
      ),
      limits,
    );
  });

  it('never changes another bid’s non-price scores by excluding a bid', () => {
    const nonPrice = (result: ReturnType<typeof computeResults>, except: string) =>
      result.bids
        .filter((b) => b.bidId !== except)
        .map((b) => ({
          bidId: b.bidId,
          criteria: b.criteria.filter((c) => c.source !== 'price'),
          flags: b.flags.filter((f) => f.type !== 'abnormally_low_price'),
        }))
        .sort((x, y) => (x.bidId < y.bidId ? -1 : 1));
    fc.assert(
      fc.property(tenders, fc.nat(), (generated, pick) => {
        const input = structuredClone(generated);
        const excluded = input.bids[pick % input.bids.length];
        const before = nonPrice(computeResults(input), excluded.id);
        excluded.status = 'disqualified';
        expect(nonPrice(computeResults(input), excluded.id)).toEqual(before);
      }),
      limits,
    );
  });
});
