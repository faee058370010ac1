import fc from 'fast-check';
import { buildTree, flattenTree } from './criteria-tree';
import type { Violation } from './criterion-shape';
import { MAX_TREE_DEPTH, SCORED_CATEGORIES, type Category, type FlatCriterion } from './criteria-vocabulary';
import { validateForPublish } from './publish-validation';
import { byText, gate, nestedTender, price, rules, SCALE, scored, section, workedExample } from './testing/criteria.builders';

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
