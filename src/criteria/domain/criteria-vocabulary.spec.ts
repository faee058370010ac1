import {
  CATEGORIES,
  CRITERION_KINDS,
  defaultCategory,
  defaultScoredBy,
  PANEL_GROUPS,
  SCORED_CATEGORIES,
} from './criteria-vocabulary';

describe('defaults and constants', () => {
  it('exposes the closed vocabularies for DTO validation', () => {
    expect(CRITERION_KINDS).toEqual(['section', 'scored', 'price', 'pass_fail']);
    expect(PANEL_GROUPS).toEqual(['lived_experience', 'professional']);
    expect(CATEGORIES).toHaveLength(7);
    expect(SCORED_CATEGORIES).not.toContain('price');
    expect(SCORED_CATEGORIES).not.toContain('compliance');
  });

  it('defaults category only where the kind decides it', () => {
    expect(defaultCategory('price')).toBe('price');
    expect(defaultCategory('pass_fail')).toBe('compliance');
    expect(defaultCategory('scored')).toBeNull();
    expect(defaultCategory('section')).toBeNull();
  });

  it('has scored leaves scored by both groups by default, and nothing else scored', () => {
    expect(defaultScoredBy('scored')).toEqual(['lived_experience', 'professional']);
    expect(defaultScoredBy('price')).toEqual([]);
  });
});
