/*
 * Tree operations on a tender's flat list of criteria: siblings in display order, the
 * nested tree, its depth-first flattening and its leaves. Pure: the criteria service, the
 * bid and scoring services, the evaluation record and the tests call them without DI.
 */
import { isLeafKind, type FlatCriterion, type TreeNode } from './criteria-vocabulary';

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Siblings in display order: `order`, then code in natural order (Q2 before Q10), then id. */
export function compareSiblings(a: FlatCriterion, b: FlatCriterion): number {
  if (a.order !== b.order) return a.order - b.order;
  return naturalOrder.compare(a.code, b.code) || byText(a.id, b.id);
}

/** Plain code-unit order: deterministic and locale-independent, for comparing key sets. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface TreeIndex {
  byId: Map<string, FlatCriterion>;
  childrenOf: Map<string | null, FlatCriterion[]>;
}

/** Nodes by id, and children by parent id in display order (the first of a duplicated id wins). */
export function indexTree(criteria: readonly FlatCriterion[]): TreeIndex {
  const byId = new Map<string, FlatCriterion>();
  for (const node of criteria) if (!byId.has(node.id)) byId.set(node.id, node);
  const childrenOf = new Map<string | null, FlatCriterion[]>();
  for (const node of criteria) {
    if (byId.get(node.id) !== node) continue; // a duplicate id: reported, not linked twice
    const siblings = childrenOf.get(node.parentId) ?? [];
    siblings.push(node);
    childrenOf.set(node.parentId, siblings);
  }
  for (const siblings of childrenOf.values()) siblings.sort(compareSiblings);
  return { byId, childrenOf };
}

/** Roots (no parent) in display order. */
export function topLevel<T extends FlatCriterion>(criteria: readonly T[]): T[] {
  return criteria.filter((node) => node.parentId === null).sort(compareSiblings);
}

/**
 * The nested tree, siblings sorted by `order` then code. Only nodes reachable from a root
 * appear: an orphan or a cycle can exist only in a draft that `validateForPublish`
 * refuses, and it names them.
 */
export function buildTree<T extends FlatCriterion>(criteria: readonly T[]): TreeNode<T>[] {
  const { childrenOf } = indexTree(criteria);
  const visited = new Set<string>();
  const build = (node: T): TreeNode<T> => {
    visited.add(node.id);
    const children = ((childrenOf.get(node.id) ?? []) as T[]).filter((child) => !visited.has(child.id)).map(build);
    return { ...node, children };
  };
  return ((childrenOf.get(null) ?? []) as T[]).map(build);
}

/** Depth-first display order of the reachable nodes. */
export function flattenTree<T extends FlatCriterion>(tree: readonly TreeNode<T>[]): T[] {
  const out: T[] = [];
  const walk = (nodes: readonly TreeNode<T>[]) => {
    for (const node of nodes) {
      const { children, ...rest } = node;
      out.push(rest as unknown as T);
      walk(children);
    }
  };
  walk(tree);
  return out;
}

/**
 * Every leaf (scored, price and pass/fail nodes) in display order. Leaves cut off from the
 * tree (only possible in an unpublishable draft) come last, in input order, so nothing a
 * user entered silently disappears from a listing.
 */
export function leaves<T extends FlatCriterion>(criteria: readonly T[]): T[] {
  const ordered = flattenTree(buildTree(criteria));
  const placed = new Set(ordered.map((node) => node.id));
  const stray = criteria.filter((node) => !placed.has(node.id));
  return [...ordered, ...stray].filter((node) => isLeafKind(node.kind));
}
