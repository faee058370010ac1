import type { RecordCriterion } from '../../results/evaluation/evaluation-record';
import {
  abnormallyLowFormula,
  moderatedScoreFormula,
  panelScoreFormula,
  priceFormula,
  subtotalFormula,
  totalFormula,
  weightedFormula,
} from './formulas';
import { columnLetter } from './sheet-writer';

const criterion = (overrides: Partial<RecordCriterion> = {}): RecordCriterion => ({
  id: 'c1',
  code: 'C1',
  title: 'Co-production',
  parentId: null,
  parentCode: null,
  depth: 0,
  kind: 'scored',
  category: 'co_production',
  weightHundredths: 3000,
  threshold: null,
  scoredBy: ['lived_experience', 'professional'],
  groupWeights: null,
  maxWords: null,
  guidance: null,
  plainGuidance: null,
  ...overrides,
});

describe('workbook formulas', () => {
  it('writes the panel score as the mean or median of the counted rows on the Scores sheet', () => {
    const ranges = { all: [10, 14] as const, byGroup: { lived_experience: [10, 12] as const, professional: [13, 14] as const } };
    expect(panelScoreFormula(criterion(), 5, ranges, 'mean')).toBe('AVERAGE(Scores!$H$10:$H$14)');
    expect(panelScoreFormula(criterion(), 5, ranges, 'median')).toBe('MEDIAN(Scores!$H$10:$H$14)');
  });

  it('with group weights, aggregates each group alone and weights them by the Criteria sheet cells (SCORING.md §3.2)', () => {
    const weighted = criterion({ groupWeights: { lived_experience: 50, professional: 50 } });
    const ranges = { all: [10, 14] as const, byGroup: { lived_experience: [10, 12] as const, professional: [13, 14] as const } };
    expect(panelScoreFormula(weighted, 5, ranges, 'mean')).toBe(
      '(Criteria!$I$5*AVERAGE(Scores!$H$10:$H$12)+Criteria!$J$5*AVERAGE(Scores!$H$13:$H$14))/(Criteria!$I$5+Criteria!$J$5)',
    );
  });

  it('renormalises over the groups that scored, and writes nothing when only a group weighted 0 did', () => {
    const onlyLived = { all: [3, 4] as const, byGroup: { lived_experience: [3, 4] as const } };
    expect(
      panelScoreFormula(criterion({ groupWeights: { lived_experience: 60, professional: 40 } }), 7, onlyLived, 'median'),
    ).toBe('(Criteria!$I$7*MEDIAN(Scores!$H$3:$H$4))/(Criteria!$I$7)');
    expect(
      panelScoreFormula(criterion({ groupWeights: { lived_experience: 0, professional: 100 } }), 7, onlyLived, 'mean'),
    ).toBeNull();
  });

  it('weights a score with the criterion weight and the scale names, and points at the moderated and price cells', () => {
    expect(weightedFormula(9, 'G3')).toBe('Criteria!$F$9*(G3-ScaleMin)/(ScaleMax-ScaleMin)');
    expect(moderatedScoreFormula(12)).toBe('Moderation!$F$12');
  });

  it('writes every price formula of SCORING.md §4, blank for an ineligible bid', () => {
    expect(priceFormula('lowest_ratio', '$C9', '$D9')).toBe('IF($C9="Yes",PriceWeight*LowestPrice/$D9,"")');
    expect(priceFormula('linear_deviation', '$C9', '$D9')).toBe(
      'IF($C9="Yes",PriceWeight*MAX(0,1-($D9-LowestPrice)/LowestPrice),"")',
    );
    expect(priceFormula('min_max_linear', '$C9', '$D9')).toBe(
      'IF($C9="Yes",IF(HighestPrice=LowestPrice,PriceWeight,PriceWeight*(HighestPrice-$D9)/(HighestPrice-LowestPrice)),"")',
    );
    expect(abnormallyLowFormula('$C9', '$D9')).toBe('IF($C9="Yes",IF($D9<AbnormallyLowRatio*MeanPrice,"Abnormally low",""),"")');
  });

  it('sums subtotals by category label and the total over every leaf, rounding once to 2 decimals', () => {
    expect(subtotalFormula(['$B$20'], 3, 12, 7)).toBe('ROUND(SUMIF($D$3:$D$12,$B$20,G$3:G$12),2)');
    expect(subtotalFormula(['$B$22', '$B$23', '$B$24'], 3, 12, 7)).toBe(
      'ROUND(SUMIF($D$3:$D$12,$B$22,G$3:G$12)+SUMIF($D$3:$D$12,$B$23,G$3:G$12)+SUMIF($D$3:$D$12,$B$24,G$3:G$12),2)',
    );
    expect(totalFormula(3, 12, 7)).toBe('ROUND(SUM(G3:G12),2)');
  });

  it('names columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16_384].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});
