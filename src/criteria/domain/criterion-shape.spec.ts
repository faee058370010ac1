import { CATEGORIES, type Category, type FlatCriterion } from './criteria-vocabulary';
import { validateNodeShape } from './criterion-shape';
import { gate, nestedTender, price, rules, SCALE, scored, section, workedExample } from './testing/criteria.builders';

describe('validateNodeShape', () => {
  it('accepts well-formed nodes of every kind', () => {
    for (const node of [...workedExample(), ...nestedTender()]) expect(validateNodeShape(node, SCALE)).toEqual([]);
  });

  it('does not require a weight yet: a draft may add leaves before weighing them', () => {
    expect(validateNodeShape(scored('Q1', 0))).toEqual([]);
  });

  it('code and title must not be blank', () => {
    expect(rules(validateNodeShape(scored(' ', 100)))).toEqual(['code']);
    expect(rules(validateNodeShape(scored(' Q1', 100)))).toEqual(['code']);
    expect(rules(validateNodeShape(scored('Q1', 100, { title: '  ' })))).toEqual(['title']);
  });

  it('kind must be known', () => {
    const node = { ...scored('Q1', 100), kind: 'essay' as never };
    expect(validateNodeShape(node)).toEqual([expect.objectContaining({ rule: 'kind', found: 'essay' })]);
  });

  it('weight must be non-negative integer hundredths', () => {
    expect(rules(validateNodeShape(scored('Q1', -1)))).toEqual(['weight']);
    expect(rules(validateNodeShape(scored('Q1', 12.5)))).toEqual(['weight']);
  });

  it.each<[string, FlatCriterion, string]>([
    ['price leaf with another category', price('P', 100, { category: 'quality' }), 'price'],
    ['price leaf without category', price('P', 100, { category: null }), 'price'],
    ['gate that is not compliance', gate('G1', { category: 'quality' }), 'compliance'],
    [
      'scored leaf without category',
      scored('Q1', 100, { category: null }),
      'quality|co_production|social_outcome|economic_outcome|environmental_outcome',
    ],
    [
      'scored leaf in price',
      scored('Q1', 100, { category: 'price' }),
      'quality|co_production|social_outcome|economic_outcome|environmental_outcome',
    ],
    [
      'scored leaf in compliance',
      scored('Q1', 100, { category: 'compliance' }),
      'quality|co_production|social_outcome|economic_outcome|environmental_outcome',
    ],
    ['unknown category', scored('Q1', 100, { category: 'fun' as Category }), CATEGORIES.join('|')],
  ])('category: %s', (_label, node, expected) => {
    expect(validateNodeShape(node)).toEqual([expect.objectContaining({ rule: 'category', expected })]);
  });

  it('category on a section is a free label', () => {
    expect(validateNodeShape(section('P', 100, { category: 'price' }))).toEqual([]);
  });

  it.each<[string, Partial<FlatCriterion>]>([
    ['empty', { scoredBy: [] }],
    ['unknown group', { scoredBy: ['experts' as never] }],
    ['repeated group', { scoredBy: ['professional', 'professional'] }],
  ])('scored_by: %s', (_label, extra) => {
    expect(rules(validateNodeShape(scored('Q1', 100, extra)))).toEqual(['scored_by']);
  });

  it('scored_by is not required of non-scored kinds', () => {
    expect(validateNodeShape(price('P', 100, { scoredBy: ['professional'] }))).toEqual([]);
  });

  it.each<[string, Partial<FlatCriterion>, string]>([
    [
      'keys differ from scoredBy',
      { scoredBy: ['professional'], groupWeights: { lived_experience: 50, professional: 50 } },
      'exactly the groups',
    ],
    ['missing a group', { groupWeights: { professional: 100 } }, 'exactly the groups'],
    ['sum not 100', { groupWeights: { lived_experience: 60, professional: 50 } }, 'sum to 110, expected 100'],
    ['not an integer', { groupWeights: { lived_experience: 50.5, professional: 49.5 } }, 'whole percent'],
    ['a zero weight', { groupWeights: { lived_experience: 100, professional: 0 } }, 'whole percent'],
  ])('group_weights: %s', (_label, extra, phrase) => {
    const violations = validateNodeShape(scored('C1', 100, { category: 'co_production', ...extra }));
    expect(rules(violations)).toEqual(['group_weights']);
    expect(violations[0].message).toContain(phrase);
  });

  it('group_weights with a single scoring group at 100 is fine', () => {
    expect(
      validateNodeShape(scored('C1', 100, { scoredBy: ['lived_experience'], groupWeights: { lived_experience: 100 } })),
    ).toEqual([]);
  });

  it('group_weights only on scored leaves', () => {
    expect(rules(validateNodeShape(price('P', 100, { groupWeights: { professional: 100 } })))).toEqual(['group_weights']);
  });

  it('threshold: 2 decimals, within the scale when one is given, scored leaves only', () => {
    expect(rules(validateNodeShape(scored('Q1', 100, { threshold: 2.555 })))).toEqual(['threshold_range']);
    expect(rules(validateNodeShape(scored('Q1', 100, { threshold: 9 })))).toEqual([]);
    expect(rules(validateNodeShape(scored('Q1', 100, { threshold: 9 }), SCALE))).toEqual(['threshold_range']);
    expect(rules(validateNodeShape(scored('Q1', 100, { threshold: -1 }), SCALE))).toEqual(['threshold_range']);
    expect(rules(validateNodeShape(scored('Q1', 100, { threshold: -1 }), { min: -2, max: 2 }))).toEqual([]);
    expect(rules(validateNodeShape(gate('G1', { threshold: 1 })))).toEqual(['threshold_not_applicable']);
  });

  it('max_words: a positive integer, where bidders write', () => {
    expect(rules(validateNodeShape(scored('Q1', 100, { maxWords: 0 })))).toEqual(['max_words']);
    expect(rules(validateNodeShape(scored('Q1', 100, { maxWords: 500.5 })))).toEqual(['max_words']);
    expect(rules(validateNodeShape(price('P', 100, { maxWords: 500 })))).toEqual(['max_words']);
    expect(rules(validateNodeShape(section('S', 100, { maxWords: 500 })))).toEqual(['max_words']);
    expect(validateNodeShape(gate('G1', { maxWords: 500 }))).toEqual([]);
  });
});
