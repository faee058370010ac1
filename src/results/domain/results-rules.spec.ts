import { DomainError } from '../../common/domain/domain-error';
import { computeResults } from '../engine';
import { bid, bidId, buildInput, criterion, moderated } from '../engine/testing/builders';
import { assertComplete, assertResultsVisible, awardSnapshot, chooseAwardedBid, nameGaps } from './results-rules';

/*
 * Award decisions over engine results. The results come from the pure engine fed with
 * moderated scores only (so each bid's figure is easy to see): Q1 quality 70, P price 30,
 * G1 a gate. Scale 0–5.
 */
const CRITERIA = [
  criterion('Q1', 'scored', 70),
  criterion('P', 'price', 30, { order: 1 }),
  criterion('G1', 'pass_fail', 0, { order: 2 }),
];
const passed = [{ criterionId: 'c-G1', passed: true }];

function resultsOf(scoresByLetter: Record<string, number | null>, options: { failed?: string[]; disqualified?: string[] } = {}) {
  const letters = Object.keys(scoresByLetter);
  return computeResults(
    buildInput({
      criteria: CRITERIA,
      bids: letters.map((letter) =>
        bid(letter, 100_000, {
          compliance: options.failed?.includes(letter) ? [{ criterionId: 'c-G1', passed: false }] : passed,
          status: options.disqualified?.includes(letter) ? 'disqualified' : 'submitted',
          disqualificationReason: options.disqualified?.includes(letter) ? 'Collusion' : null,
        }),
      ),
      moderatedScores: letters
        .filter((letter) => scoresByLetter[letter] !== null)
        .map((letter) => moderated(letter, 'Q1', scoresByLetter[letter]!)),
    }),
  );
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('results visibility', () => {
  it.each(['draft', 'published', 'evaluation', 'cancelled'] as const)('refuses %s with 409', (status) => {
    const error = refusal(() => assertResultsVisible(status));
    expect(error.code).toBe('invalid_state');
    expect(error.extensions).toEqual({ currentStatus: status });
  });

  it.each(['moderation', 'awarded'] as const)('shows them in %s', (status) => {
    expect(() => assertResultsVisible(status)).not.toThrow();
  });
});

describe('completeness before award', () => {
  it('passes complete results', () => {
    expect(() => assertComplete(resultsOf({ A: 4, B: 3 }))).not.toThrow();
  });

  it('refuses with every gap, named, in the problem and the sentence', () => {
    const result = resultsOf({ A: 4, B: null });
    const error = refusal(() => assertComplete(result));
    expect(error.code).toBe('invalid_state');
    expect(error.detail).toBe(
      'The results are incomplete, so the tender cannot be awarded yet: 1 gap remains: Bid B Q1 (no moderated score).',
    );
    expect(error.extensions).toEqual({
      gaps: [{ bidId: bidId('B'), bidderName: 'Bid B', criterion: 'Q1', criterionId: 'c-Q1', missing: 'moderated' }],
    });
    expect(nameGaps(result)).toEqual(error.extensions.gaps);
  });

  it('lists ten gaps in the sentence and counts the rest', () => {
    const letters = 'ABCDEFGHIJKL'.split('');
    const error = refusal(() => assertComplete(resultsOf(Object.fromEntries(letters.map((letter) => [letter, null])))));
    expect(error.detail).toMatch(
      /: 12 gaps remain: Bid A Q1 \(no moderated score\); .*; Bid J Q1 \(no moderated score\), and 2 more\.$/,
    );
    expect(error.extensions.gaps).toHaveLength(12);
  });
});

describe('which bid is awarded', () => {
  it('defaults to the rank-1 bid, and accepts it by name', () => {
    const result = resultsOf({ A: 3, B: 5 });
    expect(chooseAwardedBid(result, undefined).bidId).toBe(bidId('B'));
    expect(chooseAwardedBid(result, bidId('B')).bidId).toBe(bidId('B'));
  });

  it('needs a name when rank 1 is shared, and takes either level bid', () => {
    const result = resultsOf({ A: 4, B: 4, C: 1 });
    const error = refusal(() => chooseAwardedBid(result, undefined));
    expect(error.code).toBe('rule_violation');
    expect(error.detail).toBe(
      'Bid A and Bid B share rank 1 on 86.00: name the bid to award in bidId (and record why in the tender file).',
    );
    expect(error.extensions.sharedRankBidIds).toEqual([bidId('A'), bidId('B')]);
    expect(chooseAwardedBid(result, bidId('A')).bidId).toBe(bidId('A'));
    expect(chooseAwardedBid(result, bidId('B')).bidId).toBe(bidId('B'));
  });

  it('refuses a lower-ranked bid: the winner is passed over only by disqualifying it', () => {
    const error = refusal(() => chooseAwardedBid(resultsOf({ A: 3, B: 5 }), bidId('A')));
    expect(error.code).toBe('rule_violation');
    expect(error.extensions.errors).toEqual([{ field: 'bidId', message: 'This bid ranks 2: only a rank-1 bid can be awarded.' }]);
  });

  it('refuses an ineligible bid with its reasons, and an unknown one', () => {
    const result = resultsOf({ A: 3, B: 5, C: 5 }, { failed: ['C'] });
    const ineligible = refusal(() => chooseAwardedBid(result, bidId('C')));
    expect(ineligible.detail).toBe(
      'Bid C is not eligible for award. The bid did not pass the pass/fail criterion G1 (Title of G1).',
    );
    const unknown = refusal(() => chooseAwardedBid(result, 'no-such-bid'));
    expect(unknown.extensions.errors).toEqual([{ field: 'bidId', message: 'No bid in these results has this id.' }]);
  });

  it('refuses when no bid is eligible at all', () => {
    const error = refusal(() => chooseAwardedBid(resultsOf({ A: 3 }, { disqualified: ['A'] }), undefined));
    expect(error.code).toBe('rule_violation');
    expect(error.detail).toBe('No bid is eligible for award: every listed bid is disqualified or excluded.');
  });
});

describe('the audit snapshot of an award', () => {
  it('keeps the ranking as shown, the exact totals and the sensitivity sentence', () => {
    // A: 70 × 3/5 = 42 + 30 = 72; B: 70 × 5/5 = 70 + 30 = 100 (same price).
    const result = resultsOf({ A: 3, B: 5 });
    const snapshot = awardSnapshot(result, chooseAwardedBid(result, undefined));
    expect(snapshot).toEqual({
      awardedBidId: bidId('B'),
      awardedBidderName: 'Bid B',
      awardedTotal: '100.00',
      ranking: [
        {
          bidId: bidId('B'),
          bidderName: 'Bid B',
          rank: 1,
          eligible: true,
          total: '100.00',
          exactTotal: '100',
          price: 100000,
          priceScore: '30.00',
          exclusions: [],
        },
        {
          bidId: bidId('A'),
          bidderName: 'Bid A',
          rank: 2,
          eligible: true,
          total: '72.00',
          exactTotal: '72',
          price: 100000,
          priceScore: '30.00',
          exclusions: [],
        },
      ],
      sensitivity: result.sensitivity!.sentence,
    });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});
