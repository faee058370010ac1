import {
  AGGREGATIONS,
  DEFAULT_SCALE,
  DEFAULT_SETTINGS,
  labelsForScale,
  PRICE_FORMULAS,
  scoringSettingsOf,
  TIE_BREAKS,
  toStoredSettings,
} from './tender-settings';

describe('tender settings', () => {
  it('lists each closed setting once, defaults first where API.md names a default', () => {
    expect(AGGREGATIONS).toEqual(['mean', 'median']);
    expect(PRICE_FORMULAS).toEqual(['lowest_ratio', 'linear_deviation', 'min_max_linear']);
    expect(TIE_BREAKS).toEqual(['none', 'quality', 'price']);
    expect(DEFAULT_SETTINGS).toMatchObject({ aggregation: 'mean', priceFormula: 'lowest_ratio', tieBreak: 'none' });
  });

  it('stores the defaults as a new tender gets them: decimals as exact hundredths', () => {
    expect(toStoredSettings(DEFAULT_SETTINGS)).toEqual({
      aggregation: 'mean',
      moderationRequired: true,
      priceFormula: 'lowest_ratio',
      tieBreak: 'none',
      divergenceThresholdHundredths: 200,
      minScorers: 2,
      abnormallyLowRatioHundredths: 80,
      priceVisibleToPanel: false,
      blindMarking: false,
      equalRepresentation: false,
      openingApprovals: 1,
    });
    expect(toStoredSettings({ ...DEFAULT_SETTINGS, divergenceThreshold: 1.15, abnormallyLowRatio: 0.29 })).toMatchObject({
      divergenceThresholdHundredths: 115,
      abnormallyLowRatioHundredths: 29,
    });
  });

  it('gives the engine the scoring settings only', () => {
    const stored = toStoredSettings(DEFAULT_SETTINGS);
    expect(Object.keys(scoringSettingsOf(stored)).sort((a, b) => a.localeCompare(b))).toEqual([
      'abnormallyLowRatioHundredths',
      'aggregation',
      'divergenceThresholdHundredths',
      'minScorers',
      'moderationRequired',
      'priceFormula',
      'tieBreak',
    ]);
  });

  it('labels every level: given labels, else the default 0–5 labels, else "Score n"', () => {
    expect(labelsForScale(0, 5)).toEqual(DEFAULT_SCALE.labels);
    expect(labelsForScale(1, 3)).toEqual({
      '1': { label: 'Score 1', plainLabel: '1 out of 3' },
      '2': { label: 'Score 2', plainLabel: '2 out of 3' },
      '3': { label: 'Score 3', plainLabel: '3 out of 3' },
    });
    const given = { '0': { label: 'None', plainLabel: 'Nothing' } };
    expect(labelsForScale(0, 5, given)['0']).toEqual(given['0']);
    expect(labelsForScale(0, 5, given)['1']).toEqual(DEFAULT_SCALE.labels['1']);
  });
});
