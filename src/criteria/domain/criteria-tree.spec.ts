import { buildTree, compareSiblings, flattenTree, leaves, topLevel } from './criteria-tree';
import { nestedTender, price, scored, section, workedExample } from './testing/criteria.builders';

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
