import type { PresentedBid } from '../../results/engine';
import { draftWords, howScored, summaryContent, type SummaryFacts } from './summary-content';
import { figure, summaryBlocks } from './summary-document';

/*
 * A summary built by hand from the SCORING.md §10 worked example's presented results, with a
 * section over two sub-criteria and a gate: Q (40) over Q1 (25) and Q2 (15), C1 co-production 30
 * (50/50 groups), P price 30, G1 pass/fail. Bid B (rank 2) against the awarded bid A.
 */
const criterion = (over: Partial<SummaryFacts['input']['criteria'][number]>) => ({
  id: over.code!,
  code: over.code!,
  title: over.code!,
  parentId: null,
  kind: 'scored' as const,
  category: 'quality' as const,
  weightHundredths: 0,
  threshold: null,
  scoredBy: ['lived_experience' as const, 'professional' as const],
  groupWeights: null,
  order: 0,
  ...over,
});

const CRITERIA = [
  criterion({ code: 'P', kind: 'price', category: 'price', weightHundredths: 3000, order: 2 }),
  criterion({ code: 'Q', kind: 'section', weightHundredths: 4000, order: 0 }),
  criterion({ code: 'Q2', parentId: 'Q', weightHundredths: 1500, order: 1 }),
  criterion({ code: 'Q1', parentId: 'Q', weightHundredths: 2500, order: 0, scoredBy: ['lived_experience'] }),
  criterion({
    code: 'C1',
    category: 'co_production',
    weightHundredths: 3000,
    order: 1,
    groupWeights: { lived_experience: 50, professional: 50 },
  }),
  criterion({ code: 'G1', kind: 'pass_fail', category: 'compliance', order: 3 }),
];

const INPUT: SummaryFacts['input'] = {
  scale: { min: 0, max: 5 },
  settings: {
    aggregation: 'mean',
    moderationRequired: false,
    priceFormula: 'lowest_ratio',
    tieBreak: 'none',
    divergenceThresholdHundredths: 200,
    minScorers: 2,
    abnormallyLowRatioHundredths: 80,
  },
  criteria: CRITERIA,
};

function bid(id: string, over: Partial<PresentedBid>): PresentedBid {
  return {
    bidId: id,
    bidderName: id,
    status: 'submitted',
    eligible: true,
    exclusions: [],
    price: 100_000,
    rank: 1,
    total: 0,
    byCategory: {
      quality: 0,
      co_production: 0,
      social_outcome: 0,
      economic_outcome: 0,
      environmental_outcome: 0,
      wider_outcomes: 0,
      price: 0,
    },
    criteria: [],
    flags: [],
    ...over,
  };
}

// A: Q1 3.5 → 25 × 3.5/5 = 17.5; Q2 4 → 15 × 4/5 = 12; C1 3.5 → 21; P £100 000 → 30 × 80/100 = 24. Total 74.5.
const A = bid('A', {
  total: 74.5,
  byCategory: {
    quality: 29.5,
    co_production: 21,
    social_outcome: 0,
    economic_outcome: 0,
    environmental_outcome: 0,
    wider_outcomes: 0,
    price: 24,
  },
  criteria: [
    { criterionId: 'Q1', code: 'Q1', score: 3.5, weighted: 17.5, source: 'panel' },
    { criterionId: 'Q2', code: 'Q2', score: 4, weighted: 12, source: 'panel' },
    { criterionId: 'C1', code: 'C1', score: 3.5, weighted: 21, source: 'panel' },
    { criterionId: 'P', code: 'P', score: null, weighted: 24, source: 'price' },
  ],
});
// B: Q1 3 (moderated) → 25 × 3/5 = 15; Q2 2 → 15 × 2/5 = 6; C1 10/3 (shown 3.33) → 30 × (10/3)/5 = 20; P £80 000 (the lowest) → 30.
// Total 15 + 6 + 20 + 30 = 71, below A's 74.5.
const B = bid('B', {
  price: 80_000,
  rank: 2,
  total: 71,
  byCategory: {
    quality: 21,
    co_production: 20,
    social_outcome: 0,
    economic_outcome: 0,
    environmental_outcome: 0,
    wider_outcomes: 0,
    price: 30,
  },
  criteria: [
    { criterionId: 'Q1', code: 'Q1', score: 3, weighted: 15, source: 'moderated' },
    { criterionId: 'Q2', code: 'Q2', score: 2, weighted: 6, source: 'panel' },
    { criterionId: 'C1', code: 'C1', score: 3.33, weighted: 20, source: 'panel' },
    { criterionId: 'P', code: 'P', score: null, weighted: 30, source: 'price' },
  ],
});

describe('assessment summary content', () => {
  const facts: SummaryFacts = {
    tender: { reference: 'CAM-1', title: 'Day care' },
    input: INPUT,
    bid: B,
    winner: A,
    gates: [{ criterionId: 'G1', passed: true, note: '' }],
    words: { explanations: { Q1: 'Clear routine.' }, overall: 'Thank you.' },
  };

  it("lists the criteria depth-first with the bid's and the winner's figures exactly as presented", () => {
    const content = summaryContent(facts);
    expect(
      content.criteria.map((line) => [line.code, line.depth, line.weight, line.score, line.weighted, line.winnerWeighted]),
    ).toEqual([
      ['Q', 0, 40, null, null, null],
      ['Q1', 1, 25, 3, 15, 17.5],
      ['Q2', 1, 15, 2, 6, 12],
      ['C1', 0, 30, 3.33, 20, 21],
      ['P', 0, 30, null, 30, 24],
    ]);
    expect(content.criteria.find((line) => line.code === 'Q1')?.explanation).toBe('Clear routine.');
    expect(content.criteria.find((line) => line.code === 'Q')?.explanation).toBeNull();
    expect(content.gates).toEqual([{ criterionId: 'G1', code: 'G1', title: 'G1', passed: true, note: null }]);
    // Only the categories the tender weights: no outcome rows, so no wider-outcomes row either.
    expect(content.subtotals.map((entry) => [entry.key, entry.value, entry.winnerValue])).toEqual([
      ['quality', 21, 29.5],
      ['co_production', 20, 21],
      ['price', 30, 24],
    ]);
    expect([content.total, content.winnerTotal, content.isWinner, content.winnerName]).toEqual([71, 74.5, false, 'A']);
  });

  it('says how each criterion was scored', () => {
    const [q1, c1] = [CRITERIA[3], CRITERIA[4]];
    expect(howScored(q1, INPUT)).toBe(
      "Scored by the panel's members with lived experience on a scale of 0 to 5; the panel's score is the average (mean) of their scores." +
        ' Where the panel disagreed, the team agreed a score at moderation. Weighted score = weight × (score − 0) ÷ 5.',
    );
    expect(howScored(c1, INPUT)).toContain('The members with lived experience count 50% and the professional members count 50%.');
    expect(howScored(CRITERIA[0], INPUT)).toBe('Scored by formula: the lowest price divided by this price, times the weight.');
  });

  it('drafts words without figures: the moderation rationale, the panel’s words unattributed, the price, the outcome', () => {
    const words = draftWords({
      criteria: CRITERIA,
      bid: B,
      winnerBidId: 'A',
      moderationRationale: new Map([['Q1', 'Agreed 3 after discussion.']]),
      panelRationales: new Map([['Q2', ['Thin on training.', '  ', 'No named lead.']]]),
    });
    expect(words.explanations).toEqual({
      Q1: 'The score was agreed at moderation. Agreed 3 after discussion.',
      Q2: 'What the panel said about your tender:\n- Thin on training.\n- No named lead.',
      C1: 'Your tender was not given a score on this criterion.',
      P: 'Your price was scored by the formula shown, against the lowest price of the eligible tenders.',
    });
    expect(words.overall).toMatch(/^Your tender was not the most advantageous tender\./);
    expect(
      draftWords({
        ...{ criteria: CRITERIA, bid: A, winnerBidId: 'A' },
        moderationRationale: new Map(),
        panelRationales: new Map(),
      }).overall,
    ).toMatch(/^Your tender was the most advantageous tender/);
  });

  it('lays the figures out with two decimals and the prices in pounds', () => {
    const text = JSON.stringify(summaryBlocks(summaryContent(facts)));
    for (const value of [15, 17.5, 6, 12, 20, 21, 30, 24, 71, 74.5]) expect(text).toContain(figure(value));
    expect(text).toContain('£80,000.00');
    expect(text).toContain('£100,000.00');
    expect(figure(null)).toBe('–');
  });
});
