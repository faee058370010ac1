import fc from 'fast-check';
import {
  buildTree,
  CATEGORIES,
  Category,
  compareSiblings,
  CRITERION_KINDS,
  defaultCategory,
  defaultScoredBy,
  FlatCriterion,
  flattenTree,
  formatHundredths,
  fromHundredths,
  leaves,
  MAX_TREE_DEPTH,
  PANEL_GROUPS,
  SCORED_CATEGORIES,
  toHundredths,
  topLevel,
  validateForPublish,
  validateNodeShape,
  Violation,
} from './criteria-tree';

const SCALE = { min: 0, max: 5 };

/** A valid scored leaf at the top level; every test says what it changes. */
function criterion(overrides: Partial<FlatCriterion> & { code: string }): FlatCriterion {
  return {
    id: overrides.code,
    parentId: null,
    title: `Criterion ${overrides.code}`,
    kind: 'scored',
    category: 'quality',
    weightHundredths: 0,
    threshold: null,
    scoredBy: ['lived_experience', 'professional'],
    groupWeights: null,
    maxWords: null,
    order: 0,
    ...overrides,
  };
}

const section = (code: string, weight: number, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, kind: 'section', category: null, weightHundredths: weight, scoredBy: [], ...extra });
const scored = (code: string, weight: number, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, weightHundredths: weight, ...extra });
const price = (code: string, weight: number, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, kind: 'price', category: 'price', weightHundredths: weight, scoredBy: [], ...extra });
const gate = (code: string, extra: Partial<FlatCriterion> = {}) =>
  criterion({ code, kind: 'pass_fail', category: 'compliance', weightHundredths: 0, scoredBy: [], ...extra });

/** SCORING.md §10: Q1 40, C1 30 (groups 50/50), P 30 — plus a gate, which weighs nothing. */
function workedExample(): FlatCriterion[] {
  return [
    scored('Q1', 4000, { order: 1 }),
    scored('C1', 3000, {
      order: 2,
      category: 'co_production',
      groupWeights: { lived_experience: 50, professional: 50 },
    }),
    price('P', 3000, { order: 3 }),
    gate('G1', { order: 4 }),
  ];
}

/** Quality 55 split over a nested section, price 45: three levels, decimals on the way. */
function nestedTender(): FlatCriterion[] {
  return [
    section('Q', 5500, { order: 1, category: 'quality' }),
    section('Q1', 3025, { parentId: 'Q', order: 1 }),
    scored('Q1a', 1512, { parentId: 'Q1', order: 1 }),
    scored('Q1b', 1513, { parentId: 'Q1', order: 2, threshold: 2 }),
    scored('Q2', 2475, { parentId: 'Q', order: 2, category: 'social_outcome' }),
    price('P', 4500, { order: 2 }),
    section('G', 0, { order: 3, category: 'compliance' }),
    gate('G1', { parentId: 'G', order: 1 }),
  ];
}

const rules = (violations: Violation[]) => violations.map((v) => v.rule);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('toHundredths / fromHundredths / formatHundredths', () => {
  it('converts through the decimal form, not by float multiplication', () => {
    expect(0.29 * 100).not.toBe(29); // the trap this function exists for
    expect(toHundredths(0.29)).toBe(29);
    expect(toHundredths(40.25)).toBe(4025);
    expect(toHundredths(1.1)).toBe(110);
    expect(toHundredths(100)).toBe(10000);
    expect(toHundredths(0)).toBe(0);
    expect(toHundredths(-0)).toBe(0);
    expect(toHundredths(1e10)).toBe(1e12);
  });

  it('refuses more than 2 decimals, negatives, non-finite and unsafe values', () => {
    expect(toHundredths(12.345)).toBeNull();
    expect(toHundredths(0.001)).toBeNull();
    expect(toHundredths(1e-7)).toBeNull(); // printed in exponent form
    expect(toHundredths(-1)).toBeNull();
    expect(toHundredths(-0.01)).toBeNull();
    expect(toHundredths(Number.NaN)).toBeNull();
    expect(toHundredths(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toHundredths(1e21)).toBeNull(); // more hundredths than a double holds exactly
  });

  it('round-trips every 2-decimal number from 0 to 100 exactly', () => {
    const mismatches: number[] = [];
    for (let h = 0; h <= 10_000; h += 1) {
      if (toHundredths(fromHundredths(h)) !== h || toHundredths(Number(formatHundredths(h))) !== h) mismatches.push(h);
    }
    expect(mismatches).toEqual([]);
  });

  it('round-trips any hundredths value a tender could hold (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e14 }), (h) => toHundredths(fromHundredths(h)) === h));
  });

  it('rejects every number with a third decimal (property)', () => {
    const thousandths = fc.integer({ min: 0, max: 1e9 }).filter((k) => k % 10 !== 0);
    fc.assert(fc.property(thousandths, (k) => toHundredths(k / 1000) === null));
  });

  it('formats with two decimals by integer arithmetic', () => {
    expect(formatHundredths(4025)).toBe('40.25');
    expect(formatHundredths(500)).toBe('5.00');
    expect(formatHundredths(7)).toBe('0.07');
    expect(formatHundredths(-1)).toBe('-0.01');
    expect(fromHundredths(4025)).toBe(40.25);
  });
});

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

describe('buildTree, leaves, topLevel', () => {
  it('nests children and sorts siblings by order, then code in natural order', () => {
    const criteria = [
      scored('Q10', 100, { parentId: 'Q', order: 2 }),
      scored('Q2', 100, { parentId: 'Q', order: 2 }),
      scored('Q1', 100, { parentId: 'Q', order: 1 }),
      section('Q', 300, { order: 1 }),
      price('P', 9700, { order: 0 }),
    ];
    const tree = buildTree(criteria);
    expect(tree.map((n) => n.code)).toEqual(['P', 'Q']);
    expect(tree[1].children.map((n) => n.code)).toEqual(['Q1', 'Q2', 'Q10']);
    expect(tree[1].children[0].children).toEqual([]);
    expect(topLevel(criteria).map((n) => n.code)).toEqual(['P', 'Q']);
  });

  it('keeps extra fields of the input nodes (e.g. guidance)', () => {
    const withGuidance = workedExample().map((n) => ({ ...n, guidance: `about ${n.code}` }));
    expect(buildTree(withGuidance)[0].guidance).toBe('about Q1');
  });

  it('lists leaves in display order, skipping sections', () => {
    expect(leaves(nestedTender()).map((n) => n.code)).toEqual(['Q1a', 'Q1b', 'Q2', 'P', 'G1']);
  });

  it('leaves out of the tree what cannot be reached, but still lists those leaves last', () => {
    const criteria = [...workedExample(), scored('X1', 100, { parentId: 'missing' })];
    expect(flattenTree(buildTree(criteria)).map((n) => n.code)).not.toContain('X1');
    expect(leaves(criteria).map((n) => n.code)).toEqual(['Q1', 'C1', 'P', 'G1', 'X1']);
  });

  it('terminates on cycles', () => {
    const criteria = [section('A', 100, { parentId: 'B' }), section('B', 100, { parentId: 'A' }), ...workedExample()];
    expect(buildTree(criteria)).toHaveLength(4);
  });

  it('compares siblings deterministically', () => {
    const a = scored('A', 0, { order: 1 });
    const b = scored('B', 0, { order: 1 });
    expect(compareSiblings(a, b)).toBeLessThan(0);
    expect(compareSiblings(b, a)).toBeGreaterThan(0);
  });
});

describe('validateForPublish: valid trees', () => {
  it('accepts the worked example of SCORING.md §10', () => {
    expect(validateForPublish(workedExample(), SCALE)).toEqual([]);
  });

  it('accepts a nested tree with 2-decimal weights and a zero-weight gates section', () => {
    expect(validateForPublish(nestedTender(), SCALE)).toEqual([]);
  });

  it('accepts a tender with no price criterion (at most one, not exactly one)', () => {
    expect(validateForPublish([scored('Q1', 6000), scored('Q2', 4000)], SCALE)).toEqual([]);
  });
});

describe('validateForPublish: each rule', () => {
  it('top_level_sum: names the sum and its parts', () => {
    const criteria = workedExample().map((n) => (n.code === 'P' ? { ...n, weightHundredths: 2500 } : n));
    const violations = validateForPublish(criteria, SCALE);
    expect(violations).toEqual([
      {
        code: null,
        rule: 'top_level_sum',
        expected: '100.00',
        found: '95.00',
        message: 'Top-level weights sum to 95.00, expected 100.00 (Q1 40.00 + C1 30.00 + P 25.00 + G1 0.00).',
      },
    ]);
  });

  it('top_level_sum: catches a 0.01 excess that float addition would hide', () => {
    // 0.1 + 0.2 !== 0.3 in floats; in hundredths it is plain integer addition.
    const criteria = [scored('A', 10), scored('B', 20), scored('C', 9971)];
    expect(rules(validateForPublish(criteria, SCALE))).toEqual(['top_level_sum']);
  });

  it('section_sum: names the section, the sum of its children and its own weight', () => {
    const criteria = [
      section('CP', 3000, { title: 'Co-production' }),
      scored('CP1', 1000, { parentId: 'CP', category: 'co_production' }),
      scored('CP2', 1500, { parentId: 'CP', category: 'co_production' }),
      price('P', 7000),
    ];
    const [violation] = validateForPublish(criteria, SCALE);
    expect(violation).toEqual({
      code: 'CP',
      rule: 'section_sum',
      expected: '30.00',
      found: '25.00',
      message:
        "Section CP (Co-production): children's weights sum to 25.00, expected 30.00 (the section's weight) (CP1 10.00 + CP2 15.00).",
    });
  });

  it('reports every violation at once, not the first', () => {
    const criteria = [
      section('CP', 3000),
      scored('CP1', 1000, { parentId: 'CP' }),
      price('P1', 6000),
      price('P2', 500),
      gate('G1', { weightHundredths: 100 }),
      section('EMPTY', 0),
    ];
    expect(rules(validateForPublish(criteria, SCALE)).sort(byText)).toEqual(
      ['top_level_sum', 'section_sum', 'pass_fail_weight', 'section_without_children', 'price_leaf_count'].sort(byText),
    );
  });

  it('unreachable: an orphan whose parent is missing, and its descendants', () => {
    const criteria = [...workedExample(), section('X', 100, { parentId: 'gone' }), scored('X1', 100, { parentId: 'X' })];
    const violations = validateForPublish(criteria, SCALE).filter((v) => v.rule === 'unreachable');
    expect(violations.map((v) => v.code)).toEqual(['X', 'X1']);
    expect(violations[0].message).toBe(
      'Section X (Criterion X) cannot be reached from the top of the tree: its parent (gone) does not exist.',
    );
    expect(violations[1].message).toContain("its ancestor X's parent (gone) does not exist");
  });

  it('unreachable: a cycle, and a node that is its own parent', () => {
    const criteria = [
      ...workedExample(),
      section('A', 100, { parentId: 'B' }),
      section('B', 100, { parentId: 'A' }),
      scored('S', 100, { parentId: 'S' }),
    ];
    const violations = validateForPublish(criteria, SCALE).filter((v) => v.rule === 'unreachable');
    expect(violations.map((v) => [v.code, v.found])).toEqual([
      ['A', 'cycle A → B → A'],
      ['B', 'cycle B → A → B'],
      ['S', 'cycle S → S'],
    ]);
    expect(violations[2].message).toContain('it is its own parent');
  });

  it('price_leaf_count: more than one price leaf', () => {
    const criteria = [scored('Q1', 5000), price('P1', 2500), price('P2', 2500)];
    const [violation] = validateForPublish(criteria, SCALE);
    expect(violation).toMatchObject({ rule: 'price_leaf_count', expected: 'at most 1', found: '2' });
    expect(violation.message).toContain('P1, P2');
  });

  it('pass_fail_weight: a gate must weigh 0', () => {
    const criteria = [scored('Q1', 9900), gate('G1', { weightHundredths: 100 })];
    const violations = validateForPublish(criteria, SCALE);
    expect(violations.find((v) => v.rule === 'pass_fail_weight')).toMatchObject({ code: 'G1', found: '1.00' });
  });

  it('zero_weight_leaf: a scored or price leaf that can never change the result', () => {
    const criteria = [scored('Q1', 10000), scored('Q2', 0), price('P', 0)];
    const violations = validateForPublish(criteria, SCALE);
    // Display order: siblings of equal `order` sort by code, so P comes before Q2.
    expect(violations.map((v) => [v.code, v.rule])).toEqual([
      ['P', 'zero_weight_leaf'],
      ['Q2', 'zero_weight_leaf'],
    ]);
  });

  it('section_without_children, even at weight 0', () => {
    const criteria = [...workedExample(), section('G', 0)];
    expect(validateForPublish(criteria, SCALE)).toEqual([
      expect.objectContaining({ code: 'G', rule: 'section_without_children' }),
    ]);
  });

  it('leaf_with_children: only sections have children', () => {
    const criteria = [scored('Q1', 10000), scored('Q1a', 0, { parentId: 'Q1' })];
    const violations = validateForPublish(criteria, SCALE);
    expect(violations).toContainEqual(expect.objectContaining({ code: 'Q1', rule: 'leaf_with_children', found: 'Q1a' }));
  });

  it('duplicate_code, ignoring case', () => {
    const criteria = [scored('Q1', 5000, { id: 'a' }), scored('q1', 5000, { id: 'b' })];
    expect(validateForPublish(criteria, SCALE)).toEqual([
      expect.objectContaining({ code: 'Q1', rule: 'duplicate_code', found: '2' }),
    ]);
  });

  it('duplicate_id', () => {
    const criteria = [scored('Q1', 5000, { id: 'x' }), scored('Q2', 5000, { id: 'x' })];
    expect(rules(validateForPublish(criteria, SCALE))).toContain('duplicate_id');
  });

  it(`depth: at most ${MAX_TREE_DEPTH} levels`, () => {
    const deep = [
      section('L1', 10000),
      section('L2', 10000, { parentId: 'L1' }),
      section('L3', 10000, { parentId: 'L2' }),
      section('L4', 10000, { parentId: 'L3' }),
      scored('L5', 10000, { parentId: 'L4' }),
    ];
    expect(validateForPublish(deep, SCALE)).toEqual([expect.objectContaining({ code: 'L5', rule: 'depth' })]);
    expect(
      validateForPublish(
        deep.slice(1).map((n) => (n.code === 'L2' ? { ...n, parentId: null } : n)),
        SCALE,
      ),
    ).toEqual([]);
  });

  it('threshold_range: within the tender scale', () => {
    const criteria = [scored('Q1', 5000, { threshold: 6 }), scored('Q2', 5000, { threshold: 2.5 })];
    expect(validateForPublish(criteria, SCALE)).toEqual([
      expect.objectContaining({ code: 'Q1', rule: 'threshold_range', expected: '0–5', found: '6' }),
    ]);
    expect(validateForPublish(criteria, { min: 1, max: 10 })).toEqual([]);
  });

  it('scale: refuses an inverted scale', () => {
    expect(rules(validateForPublish(workedExample(), { min: 5, max: 5 }))).toEqual(['scale']);
  });

  it('empty_tree: a tender with no criteria', () => {
    expect(validateForPublish([], SCALE)).toEqual([expect.objectContaining({ rule: 'empty_tree', found: '0.00' })]);
  });

  it('runs the per-node checks on every node', () => {
    const criteria = [scored('Q1', 10000, { category: 'price' })];
    expect(validateForPublish(criteria, SCALE)).toEqual([expect.objectContaining({ code: 'Q1', rule: 'category' })]);
  });
});

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

/* ------------------------------------------------------------ properties ---------- */

type Shape = { leaf: 'scored' | 'pass_fail'; weight: number; category: Category } | { children: Shape[] };

const leafShape = fc.record({
  leaf: fc.constantFrom<'scored' | 'pass_fail'>('scored', 'scored', 'pass_fail'),
  weight: fc.integer({ min: 1, max: 100 }),
  category: fc.constantFrom(...SCORED_CATEGORIES),
});
// Depth-limited by construction (never deeper than MAX_TREE_DEPTH).
const shapeAt = (depth: number): fc.Arbitrary<Shape> =>
  depth >= MAX_TREE_DEPTH
    ? leafShape
    : fc.oneof(leafShape, fc.record({ children: fc.array(shapeAt(depth + 1), { minLength: 1, maxLength: 3 }) }));

/**
 * A random consistent tree: leaf weights of 0.01–1.00 %, pass/fail gates at 0, sections
 * the sum of their children, an optional price leaf, and the remainder to 100 % put on
 * the first scored leaf (and its ancestors), so the top level sums to exactly 100.
 */
const consistentTree = fc
  .record({
    roots: fc.array(shapeAt(1), { minLength: 1, maxLength: 4 }),
    priceWeight: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    orders: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ roots, priceWeight, orders }) => {
    const flat: FlatCriterion[] = [];
    let serial = 0;
    const place = (shape: Shape, parentId: string | null): FlatCriterion => {
      serial += 1;
      const code = `N${serial}`;
      const base = { id: `id-${serial}`, parentId, code, order: orders[serial % orders.length] };
      if ('leaf' in shape) {
        const node =
          shape.leaf === 'scored' ? scored(code, shape.weight, { ...base, category: shape.category }) : gate(code, base);
        flat.push(node);
        return node;
      }
      const node = section(code, 0, base);
      flat.push(node);
      node.weightHundredths = shape.children.map((child) => place(child, node.id).weightHundredths).reduce((a, b) => a + b, 0);
      return node;
    };
    // Every tree needs a scored leaf to absorb the remainder.
    const rootNodes = [scored('BASE', 1, { id: 'id-base' }), ...roots.map((shape) => place(shape, null))];
    flat.unshift(rootNodes[0]);
    if (priceWeight !== undefined) flat.push(price('P', priceWeight, { id: 'id-price' }));
    const total = flat.filter((n) => n.parentId === null).reduce((sum, n) => sum + n.weightHundredths, 0);
    rootNodes[0].weightHundredths += 10_000 - total;
    return flat;
  });

const parentOf = (flat: FlatCriterion[], node: FlatCriterion) => flat.find((n) => n.id === node.parentId);

describe('validateForPublish: properties', () => {
  it('accepts every consistent tree', () => {
    fc.assert(
      fc.property(consistentTree, (flat) => {
        expect(validateForPublish(flat, SCALE)).toEqual([]);
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(consistentTree, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (flat, i, d) => {
        const broken = flat.map((n, k) =>
          k === i % flat.length ? { ...n, weightHundredths: n.weightHundredths + 1 + (d % 3) } : n,
        );
        const reversed = [...broken].reverse();
        const key = (v: Violation) => `${v.rule}:${v.code}:${v.found}`;
        expect(validateForPublish(reversed, SCALE).map(key).sort(byText)).toEqual(
          validateForPublish(broken, SCALE).map(key).sort(byText),
        );
      }),
    );
  });

  it('flags any single weight moved by ±0.01, naming the node or its parent', () => {
    fc.assert(
      fc.property(consistentTree, fc.nat(), fc.constantFrom(-1, 1), (flat, pick, delta) => {
        const target = flat[pick % flat.length];
        const perturbed = flat.map((n) => (n === target ? { ...n, weightHundredths: n.weightHundredths + delta } : n));
        const violations = validateForPublish(perturbed, SCALE);
        expect(violations.length).toBeGreaterThan(0);
        const parent = parentOf(flat, target);
        const named = violations.some(
          (v) =>
            v.code === target.code ||
            (parent !== undefined && v.code === parent.code) ||
            (target.parentId === null && v.rule === 'top_level_sum' && v.message.includes(`${target.code} `)),
        );
        expect(named).toBe(true);
      }),
    );
  });

  it('keeps every node of a valid tree in buildTree, with sections equal to their children', () => {
    fc.assert(
      fc.property(consistentTree, (flat) => {
        const tree = buildTree(flat);
        expect(flattenTree(tree)).toHaveLength(flat.length);
        const check = (nodes: ReturnType<typeof buildTree>): void => {
          for (const node of nodes) {
            if (node.kind === 'section') {
              expect(node.children.reduce((s, c) => s + c.weightHundredths, 0)).toBe(node.weightHundredths);
            }
            check(node.children);
          }
        };
        check(tree);
        expect(tree.reduce((s, n) => s + n.weightHundredths, 0)).toBe(10_000);
      }),
    );
  });
});
