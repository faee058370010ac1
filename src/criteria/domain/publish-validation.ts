/*
 * Whether a tender's criteria tree may be published (SCORING.md §2), as one pure function
 * returning every violation in display order. Integer arithmetic throughout.
 */
import { formatHundredths } from '../../common/domain/decimals';
import { indexTree } from './criteria-tree';
import { describeNode, isWeight, validateNodeShape, type Violation } from './criterion-shape';
import { CRITERION_KINDS, FULL_WEIGHT, MAX_TREE_DEPTH, type FlatCriterion, type ScaleRange } from './criteria-vocabulary';

function sumWeights(nodes: readonly FlatCriterion[]): number {
  return nodes.reduce((total, node) => total + node.weightHundredths, 0);
}

/** "CP1 10.00 + CP2 15.00" — the parts of a sum, so the officer sees which one is off. */
function breakdown(nodes: readonly FlatCriterion[]): string {
  if (nodes.length === 0 || nodes.length > 12) return '';
  return ` (${nodes.map((n) => `${n.code} ${formatHundredths(n.weightHundredths)}`).join(' + ')})`;
}

/**
 * Every reason the tree cannot be published (SCORING.md §2), or [] when it can. Nothing
 * stops at the first problem: the commissioner gets the whole list, each violation
 * naming the node and the sums, in display order. Integer arithmetic throughout.
 *
 * Beyond §2 it also refuses, as a procurement officer would before a challenge:
 * a scored or price leaf of weight 0 (it could never change the outcome — use a
 * pass/fail gate, or a threshold on a weighted criterion); a section without children;
 * children under a leaf; duplicate codes (compared ignoring case, since "q1" and "Q1"
 * would confuse bidders); trees deeper than MAX_TREE_DEPTH; thresholds, group weights
 * and word limits where they have no meaning.
 */
export function validateForPublish(criteria: readonly FlatCriterion[], scale: ScaleRange): Violation[] {
  const violations: Violation[] = [];

  if (!Number.isSafeInteger(scale.min) || !Number.isSafeInteger(scale.max) || scale.min >= scale.max) {
    violations.push({
      code: null,
      rule: 'scale',
      expected: 'whole numbers, min < max',
      found: `${String(scale.min)}–${String(scale.max)}`,
      message: `The scoring scale ${String(scale.min)}–${String(scale.max)} is not valid: it needs whole numbers with min below max.`,
    });
  }
  const usableScale = violations.length === 0 ? scale : undefined;

  if (criteria.length === 0) {
    violations.push({
      code: null,
      rule: 'empty_tree',
      expected: '100.00',
      found: '0.00',
      message: 'The tender has no criteria: top-level weights sum to 0.00, expected 100.00.',
    });
    return violations;
  }

  violations.push(...duplicateViolations(criteria));

  const { byId, childrenOf } = indexTree(criteria);
  const roots = childrenOf.get(null) ?? [];
  const topSum = sumWeights(roots);
  // A malformed root weight is reported on its node; a sum over it would only add noise.
  if (roots.every((node) => isWeight(node.weightHundredths)) && topSum !== FULL_WEIGHT) {
    violations.push({
      code: null,
      rule: 'top_level_sum',
      expected: formatHundredths(FULL_WEIGHT),
      found: formatHundredths(topSum),
      message: `Top-level weights sum to ${formatHundredths(topSum)}, expected 100.00${breakdown(roots)}.`,
    });
  }

  // Walk the reachable tree depth-first so violations come out in display order.
  const reached = new Set<string>();
  const visit = (node: FlatCriterion, depth: number) => {
    reached.add(node.id);
    violations.push(...nodeViolations(node, childrenOf.get(node.id) ?? [], depth, usableScale));
    for (const child of childrenOf.get(node.id) ?? []) if (!reached.has(child.id)) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 1);

  for (const node of criteria) {
    if (reached.has(node.id) || byId.get(node.id) !== node) continue;
    violations.push(unreachableViolation(node, byId));
    // Still check what the node says about itself: fixing its parent should not reveal
    // a second round of problems.
    violations.push(...nodeViolations(node, childrenOf.get(node.id) ?? [], 1, usableScale));
  }

  const priceLeaves = criteria.filter((node) => node.kind === 'price');
  if (priceLeaves.length > 1) {
    violations.push({
      code: null,
      rule: 'price_leaf_count',
      expected: 'at most 1',
      found: String(priceLeaves.length),
      message: `The tender has ${priceLeaves.length} price criteria (${priceLeaves.map((n) => n.code).join(', ')}); it may have at most one.`,
    });
  }
  return violations;
}

function nodeViolations(
  node: FlatCriterion,
  children: readonly FlatCriterion[],
  depth: number,
  scale: ScaleRange | undefined,
): Violation[] {
  const violations = validateNodeShape(node, scale);
  const name = describeNode(node);
  if (!(CRITERION_KINDS as readonly string[]).includes(node.kind)) return violations;

  if (node.kind === 'section') {
    if (children.length === 0) {
      violations.push({
        code: node.code,
        rule: 'section_without_children',
        message: `${name} has no criteria under it: add some or delete the section.`,
      });
    } else if (isWeight(node.weightHundredths) && children.every((c) => isWeight(c.weightHundredths))) {
      const childSum = sumWeights(children);
      if (childSum !== node.weightHundredths) {
        violations.push({
          code: node.code,
          rule: 'section_sum',
          expected: formatHundredths(node.weightHundredths),
          found: formatHundredths(childSum),
          message: `${name}: children's weights sum to ${formatHundredths(childSum)}, expected ${formatHundredths(node.weightHundredths)} (the section's weight)${breakdown(children)}.`,
        });
      }
    }
  } else {
    if (children.length > 0) {
      violations.push({
        code: node.code,
        rule: 'leaf_with_children',
        found: children.map((c) => c.code).join(', '),
        message: `${name} is a ${node.kind.replace('_', '/')} criterion but has criteria under it (${children.map((c) => c.code).join(', ')}); only a section can have children.`,
      });
    }
    if ((node.kind === 'scored' || node.kind === 'price') && node.weightHundredths === 0) {
      violations.push({
        code: node.code,
        rule: 'zero_weight_leaf',
        expected: 'more than 0.00',
        found: '0.00',
        message: `${name} weighs 0.00, so its score could never change the result: give it a weight, or make it a pass/fail gate.`,
      });
    }
  }
  if (depth > MAX_TREE_DEPTH) {
    violations.push({
      code: node.code,
      rule: 'depth',
      expected: `at most ${MAX_TREE_DEPTH} levels`,
      found: `level ${depth}`,
      message: `${name} sits at level ${depth}; criteria trees may be at most ${MAX_TREE_DEPTH} levels deep.`,
    });
  }
  return violations;
}

function duplicateViolations(criteria: readonly FlatCriterion[]): Violation[] {
  const violations: Violation[] = [];
  const byCode = new Map<string, FlatCriterion[]>();
  for (const node of criteria) {
    if (typeof node.code !== 'string' || node.code.trim() === '') continue; // reported per node
    const key = node.code.trim().toUpperCase();
    byCode.set(key, [...(byCode.get(key) ?? []), node]);
  }
  for (const nodes of byCode.values()) {
    if (nodes.length < 2) continue;
    violations.push({
      code: nodes[0].code,
      rule: 'duplicate_code',
      found: String(nodes.length),
      message: `Code ${nodes[0].code} is used by ${nodes.length} criteria (${nodes.map((n) => `"${n.title}"`).join(', ')}); codes must be unique (case is ignored).`,
    });
  }
  const ids = new Map<string, number>();
  for (const node of criteria) ids.set(node.id, (ids.get(node.id) ?? 0) + 1);
  for (const [id, count] of ids) {
    if (count < 2) continue;
    violations.push({
      code: null,
      rule: 'duplicate_id',
      found: String(count),
      message: `Id ${id} is used by ${count} criteria; each criterion needs its own id.`,
    });
  }
  return violations;
}

function unreachableViolation(node: FlatCriterion, byId: Map<string, FlatCriterion>): Violation {
  const name = describeNode(node);
  // Walk up: either a missing parent (orphan) or back onto the path (cycle).
  const path: FlatCriterion[] = [node];
  const seen = new Set<string>([node.id]);
  let current = node;
  for (;;) {
    const parentId = current.parentId as string; // unreachable nodes never end at a root
    const parent = byId.get(parentId);
    if (!parent) {
      const where = current === node ? 'its parent' : `its ancestor ${current.code}'s parent`;
      return {
        code: node.code,
        rule: 'unreachable',
        found: `missing parent ${parentId}`,
        message: `${name} cannot be reached from the top of the tree: ${where} (${parentId}) does not exist.`,
      };
    }
    if (seen.has(parent.id)) {
      const loop = [...path.slice(path.findIndex((n) => n.id === parent.id)).map((n) => n.code), parent.code];
      const how =
        loop.length === 2 && parent === node
          ? 'it is its own parent'
          : loop.length === 2
            ? `its ancestor ${parent.code} is its own parent`
            : `its parents form a loop (${loop.join(' → ')})`;
      return {
        code: node.code,
        rule: 'unreachable',
        found: `cycle ${loop.join(' → ')}`,
        message: `${name} cannot be reached from the top of the tree: ${how}.`,
      };
    }
    path.push(parent);
    seen.add(parent.id);
    current = parent;
  }
}
