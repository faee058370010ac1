/**
 * SCORING.md §11.4 by hand, on the §10 worked example. Usable scores per cell:
 *   A×Q1: le1 4, pro1 3        A×C1: le1 5, le2 4, pro1 2
 *   B×Q1: le1 3, pro1 3 (moderated 3)   B×C1: le1 4, pro1 4 (moderated 4)
 * le1: scores 4, 5, 3, 4 → mean 4; spread (|4−4| + |5−4| + |3−4| + |4−4|) / 4 = 0.5.
 *   Own − mean of the others: A×Q1 4 − 3 = 1; A×C1 5 − (4 + 2) / 2 = 2; B×Q1 0; B×C1 0
 *   → leniency 3 / 4 = 0.75. Consensus: B×Q1 3 = 3, B×C1 4 = 4 → 2 of 2, difference 0.
 * le2: one score, A×C1 4 − (5 + 2) / 2 = 0.5 → leniency 0.5; spread 0; no moderated cell.
 * pro1: scores 3, 2, 3, 4 → mean 3; spread (0 + 1 + 0 + 1) / 4 = 0.5. A×Q1 3 − 4 = −1;
 *   A×C1 2 − (5 + 4) / 2 = −2.5; B×Q1 0; B×C1 0 → leniency −3.5 / 4 = −0.875.
 *   A×C1 has three scores and a spread of 3 ≥ 2 (divergence): distances from the others'
 *   mean are le1 |5 − 3| = 2, le2 |4 − 3.5| = 0.5, pro1 |2 − 4.5| = 2.5: pro1 alone is
 *   farthest and 2.5 ≥ 2, so A×C1 is pro1's outlier cell (the others' mean 4.5).
 * Check: Σ leniency × compared cells = 0.75 × 4 + 0.5 × 1 − 0.875 × 4 = 3 + 0.5 − 3.5 = 0.
 */
import { computeResults } from './engine';
import { presentResults } from './present';
import { bid, bidId, buildInput, criterion, criterionId, panel, scores } from './testing/builders';
import { workedExample } from './testing/worked-example.fixture';

describe('panel calibration (SCORING.md §11.4)', () => {
  it('reports leniency, spread, consensus and outliers for the worked example', () => {
    expect(presentResults(computeResults(workedExample())).calibration).toEqual([
      {
        panelistId: 'le1',
        group: 'lived_experience',
        scores: 4,
        mean: 4,
        spread: 0.5,
        comparedCells: 4,
        leniency: 0.75,
        consensusCells: 2,
        consensusAgreements: 2,
        consensusDifference: 0,
        outliers: [],
      },
      {
        panelistId: 'le2',
        group: 'lived_experience',
        scores: 1,
        mean: 4,
        spread: 0,
        comparedCells: 1,
        leniency: 0.5,
        consensusCells: 0,
        consensusAgreements: 0,
        consensusDifference: null,
        outliers: [],
      },
      {
        panelistId: 'pro1',
        group: 'professional',
        scores: 4,
        mean: 3,
        spread: 0.5,
        comparedCells: 4,
        leniency: -0.88,
        consensusCells: 2,
        consensusAgreements: 2,
        consensusDifference: 0,
        outliers: [{ bidId: bidId('A'), criterionId: criterionId('C1'), code: 'C1', score: 2, othersMean: 4.5 }],
      },
    ]);
  });

  it('names no outlier when two members stand equally far, and none on a cell of two scores', () => {
    const result = computeResults(
      buildInput({
        settings: { moderationRequired: false },
        criteria: [criterion('Q1', 'scored', 100)],
        panelists: panel(2, 2),
        bids: [bid('A', 100), bid('B', 100)],
        individualScores: [...scores('A', 'Q1', { le1: 0, le2: 5, pro1: 5, pro2: 0 }), ...scores('B', 'Q1', { le1: 0, pro1: 5 })],
      }),
    );
    expect(result.calibration.every((member) => member.outliers.length === 0)).toBe(true);
    // A member with no score has nothing to report.
    const quiet = computeResults({
      ...workedExample(),
      panelists: [...workedExample().panelists, { id: 'pro9', group: 'professional' }],
    });
    expect(quiet.calibration.find((member) => member.panelistId === 'pro9')).toMatchObject({
      scores: 0,
      mean: null,
      spread: null,
      leniency: null,
      consensusDifference: null,
    });
  });
});
