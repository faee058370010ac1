/*
 * The criteria tree and its weight rules (SCORING.md §2), as pure functions.
 *
 * Weights travel as integer hundredths of a percent (40.25 % is 4025) so that every sum
 * here is exact integer arithmetic: a tender is refused or published on a comparison
 * that can never be off by a binary-float rounding error.
 *
 * This file imports nothing but local code: the criteria service, the tender publish
 * use case, the template loader and the tests all call it without DI or mocks.
 */

export const CRITERION_KINDS = ['section', 'scored', 'price', 'pass_fail'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const CATEGORIES = [
  'quality',
  'co_production',
  'social_outcome',
  'economic_outcome',
  'environmental_outcome',
  'price',
  'compliance',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PANEL_GROUPS = ['lived_experience', 'professional'] as const;
export type PanelGroup = (typeof PANEL_GROUPS)[number];

/** Categories a panel-scored leaf may carry: price and compliance belong to the other kinds. */
export const SCORED_CATEGORIES: readonly Category[] = [
  'quality',
  'co_production',
  'social_outcome',
  'economic_outcome',
  'environmental_outcome',
];

/** The "wider outcomes" of the Camden / nef model: the triple bottom line. */
export const WIDER_OUTCOME_CATEGORIES: readonly Category[] = ['social_outcome', 'economic_outcome', 'environmental_outcome'];

/** 100 % in hundredths. */
export const FULL_WEIGHT = 10_000;

/**
 * Deepest tree a tender may have, counting the leaf: section › sub-section ›
 * sub-sub-section › leaf. Deeper trees make the evaluation matrix and the panel's pages
 * unreadable, and no real tender we modelled needs more than three levels.
 */
export const MAX_TREE_DEPTH = 4;

export interface FlatCriterion {
  id: string;
  parentId: string | null;
  code: string;
  title: string;
  kind: CriterionKind;
  category: Category | null;
  /** Integer hundredths of a percent of the whole tender: 40.25 % is 4025. */
  weightHundredths: number;
  /** Minimum criterion score on the scale (at most 2 decimals); scored leaves only. */
  threshold: number | null;
  scoredBy: PanelGroup[];
  /** Integer percents keyed by exactly the `scoredBy` groups, summing to 100. */
  groupWeights: Partial<Record<PanelGroup, number>> | null;
  maxWords: number | null;
  /** Position among siblings. */
  order: number;
}

/** What a single node says about itself, without ids or position: enough for create/patch checks. */
export type CriterionShape = Pick<
  FlatCriterion,
  'code' | 'title' | 'kind' | 'category' | 'weightHundredths' | 'threshold' | 'scoredBy' | 'groupWeights' | 'maxWords'
>;

export type TreeNode<T extends FlatCriterion = FlatCriterion> = T & { children: TreeNode<T>[] };

export interface ScaleRange {
  min: number;
  max: number;
}

export type ViolationRule =
  | 'scale'
  | 'empty_tree'
  | 'top_level_sum'
  | 'section_sum'
  | 'section_without_children'
  | 'leaf_with_children'
  | 'unreachable'
  | 'depth'
  | 'duplicate_code'
  | 'duplicate_id'
  | 'code'
  | 'title'
  | 'kind'
  | 'weight'
  | 'zero_weight_leaf'
  | 'price_leaf_count'
  | 'pass_fail_weight'
  | 'category'
  | 'scored_by'
  | 'group_weights'
  | 'threshold_range'
  | 'threshold_not_applicable'
  | 'max_words';

export interface Violation {
  /** Code of the node at fault; null for a rule about the whole tree. */
  code: string | null;
  rule: ViolationRule;
  expected?: string;
  found?: string;
  /** A plain sentence naming the node and the numbers, fit to show a commissioner. */
  message: string;
}

/* ------------------------------------------------------------ decimals ---------- */

/**
 * Exact conversion of a JSON number with at most 2 decimals to integer hundredths.
 * Works on the number's shortest round-trip decimal form (what `String` prints), never
 * on `value * 100` (0.29 * 100 is 28.999999999999996). Null when the value has more than
 * 2 decimals, is negative, is not finite, or is too large to be held exactly.
 */
export function toHundredths(value: number): number | null {
  if (typeof value !== 'number' || value < 0) return null;
  return signedHundredths(value);
}

/** Signed variant for scale points (a scale may in principle start below zero). */
function signedHundredths(value: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  // value = digits × 10^(exponent − fraction length); hundredths shift that by 10^2.
  const digits = BigInt(whole + fraction);
  const shift = Number(exponent) - fraction.length + 2;
  let hundredths: bigint;
  if (shift >= 0) {
    hundredths = digits * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    if (digits % divisor !== 0n) return null;
    hundredths = digits / divisor;
  }
  if (hundredths > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const result = Number(hundredths);
  return sign === '-' && result !== 0 ? -result : result;
}

/**
 * For presentation only (JSON bodies, spreadsheets): 4025 → 40.25. Integer division by
 * 100 is correctly rounded, so the result is the double nearest the exact decimal and
 * prints as it (exactly round-trips through `toHundredths` below 10^15 hundredths).
 */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** "40.25", "5.00", "-0.01": two decimals by integer arithmetic, for messages. */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  const whole = Math.trunc(magnitude / 100);
  const cents = magnitude % 100;
  return `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

/* --------------------------------------------------------- small helpers ---------- */

const LEAF_KINDS: readonly CriterionKind[] = ['scored', 'price', 'pass_fail'];

export function isLeafKind(kind: CriterionKind): boolean {
  return LEAF_KINDS.includes(kind);
}

/**
 * The category a leaf gets when none is given: a price leaf is always `price` and a gate
 * always `compliance`, so asking the user would only invite a mistake. Scored leaves and
 * sections have no sensible default.
 */
export function defaultCategory(kind: CriterionKind): Category | null {
  if (kind === 'price') return 'price';
  if (kind === 'pass_fail') return 'compliance';
  return null;
}

/** SCORING.md §2: a scored leaf is scored by both groups unless told otherwise. */
export function defaultScoredBy(kind: CriterionKind): PanelGroup[] {
  return kind === 'scored' ? [...PANEL_GROUPS] : [];
}

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Siblings in display order: `order`, then code in natural order (Q2 before Q10), then id. */
export function compareSiblings(a: FlatCriterion, b: FlatCriterion): number {
  if (a.order !== b.order) return a.order - b.order;
  return naturalOrder.compare(a.code, b.code) || byText(a.id, b.id);
}

function describe(node: Pick<FlatCriterion, 'code' | 'title' | 'kind'>): string {
  const noun =
    node.kind === 'section'
      ? 'Section'
      : node.kind === 'price'
        ? 'Price criterion'
        : node.kind === 'pass_fail'
          ? 'Pass/fail gate'
          : 'Criterion';
  const title = typeof node.title === 'string' && node.title.trim() ? ` (${node.title.trim()})` : '';
  return `${noun} ${node.code}${title}`;
}

/** Plain code-unit order: deterministic and locale-independent, for comparing key sets. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumWeights(nodes: readonly FlatCriterion[]): number {
  return nodes.reduce((total, node) => total + node.weightHundredths, 0);
}

/** "CP1 10.00 + CP2 15.00" — the parts of a sum, so the officer sees which one is off. */
function breakdown(nodes: readonly FlatCriterion[]): string {
  if (nodes.length === 0 || nodes.length > 12) return '';
  return ` (${nodes.map((n) => `${n.code} ${formatHundredths(n.weightHundredths)}`).join(' + ')})`;
}

function isWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/* ------------------------------------------------------------ tree shape ---------- */

interface Index {
  byId: Map<string, FlatCriterion>;
  childrenOf: Map<string | null, FlatCriterion[]>;
}

function index(criteria: readonly FlatCriterion[]): Index {
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
  const { childrenOf } = index(criteria);
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

/* -------------------------------------------------------- per-node rules ---------- */

/**
 * Checks one node on its own — true of any draft, so the criteria service can refuse a
 * bad create or patch at once (422) instead of waiting for publication. Checks that need
 * the rest of the tree (sums, children, duplicates, reachability) or that a draft may
 * legitimately break for a while (a leaf not yet given a weight) belong to
 * `validateForPublish`. Pass the tender's scale to range-check the threshold too.
 */
export function validateNodeShape(node: CriterionShape, scale?: ScaleRange): Violation[] {
  const violations: Violation[] = [];
  const code = typeof node.code === 'string' ? node.code : null;
  const name = describe({ ...node, code: code ?? '(no code)' });
  const add = (rule: ViolationRule, message: string, expected?: string, found?: string) =>
    violations.push({
      code,
      rule,
      message,
      ...(expected !== undefined ? { expected } : {}),
      ...(found !== undefined ? { found } : {}),
    });

  if (code === null || code.trim() === '' || code.trim() !== code) {
    add('code', `${name}: the code must be non-blank text without surrounding spaces.`);
  }
  if (typeof node.title !== 'string' || node.title.trim() === '') {
    add('title', `${name}: the title must not be blank.`);
  }
  if (!(CRITERION_KINDS as readonly string[]).includes(node.kind)) {
    add(
      'kind',
      `${name}: kind "${String(node.kind)}" is not one of ${CRITERION_KINDS.join(', ')}.`,
      CRITERION_KINDS.join('|'),
      String(node.kind),
    );
    return violations; // every later rule depends on the kind
  }

  if (!isWeight(node.weightHundredths)) {
    add(
      'weight',
      `${name}: the weight must be a percentage from 0 with at most 2 decimals.`,
      'integer hundredths ≥ 0',
      String(node.weightHundredths),
    );
  } else if (node.kind === 'pass_fail' && node.weightHundredths !== 0) {
    add(
      'pass_fail_weight',
      `${name}: a pass/fail gate weighs 0, found ${formatHundredths(node.weightHundredths)}.`,
      '0.00',
      formatHundredths(node.weightHundredths),
    );
  }

  checkCategory(node, name, add);
  checkPanel(node, name, add);

  if (node.threshold !== null && node.threshold !== undefined) {
    if (node.kind !== 'scored') {
      // The engine applies thresholds to panel scores only; accepting one elsewhere would
      // promise the bidders a test that never runs.
      add('threshold_not_applicable', `${name}: only a scored criterion can have a threshold.`);
    } else if (signedHundredths(node.threshold) === null) {
      add(
        'threshold_range',
        `${name}: the threshold must be a number with at most 2 decimals, found ${String(node.threshold)}.`,
        undefined,
        String(node.threshold),
      );
    } else if (scale && (node.threshold < scale.min || node.threshold > scale.max)) {
      add(
        'threshold_range',
        `${name}: threshold ${String(node.threshold)} is outside the scale ${scale.min}–${scale.max}.`,
        `${scale.min}–${scale.max}`,
        String(node.threshold),
      );
    }
  }

  if (node.maxWords !== null && node.maxWords !== undefined) {
    if (!Number.isSafeInteger(node.maxWords) || node.maxWords < 1) {
      add(
        'max_words',
        `${name}: the word limit must be a whole number of at least 1, found ${String(node.maxWords)}.`,
        '≥ 1',
        String(node.maxWords),
      );
    } else if (node.kind === 'section' || node.kind === 'price') {
      // Bidders answer leaves; the price leaf refuses responses altogether (API.md).
      add('max_words', `${name}: bidders write no response here, so a word limit has no meaning.`);
    }
  }
  return violations;
}

type Add = (rule: ViolationRule, message: string, expected?: string, found?: string) => void;

function checkCategory(node: CriterionShape, name: string, add: Add): void {
  const category = node.category;
  if (category !== null && category !== undefined && !(CATEGORIES as readonly string[]).includes(category)) {
    add(
      'category',
      `${name}: category "${String(category)}" is not one of ${CATEGORIES.join(', ')}.`,
      CATEGORIES.join('|'),
      String(category),
    );
    return;
  }
  switch (node.kind) {
    case 'section':
      return; // a label only: subtotals follow the leaves
    case 'price':
      if (category !== 'price')
        add(
          'category',
          `${name}: the price leaf must have category price, found ${category ?? 'none'}.`,
          'price',
          category ?? 'none',
        );
      return;
    case 'pass_fail':
      if (category !== 'compliance')
        add(
          'category',
          `${name}: a pass/fail gate must have category compliance, found ${category ?? 'none'}.`,
          'compliance',
          category ?? 'none',
        );
      return;
    case 'scored':
      if (category === null || category === undefined) {
        add(
          'category',
          `${name}: a scored criterion needs a category (${SCORED_CATEGORIES.join(', ')}).`,
          SCORED_CATEGORIES.join('|'),
          'none',
        );
      } else if (!SCORED_CATEGORIES.includes(category)) {
        add(
          'category',
          `${name}: a scored criterion cannot have category ${category}; that category belongs to the ${category === 'price' ? 'price leaf' : 'pass/fail gates'}.`,
          SCORED_CATEGORIES.join('|'),
          category,
        );
      }
      return;
  }
}

function checkPanel(node: CriterionShape, name: string, add: Add): void {
  const scoredBy: unknown = node.scoredBy;
  const groupWeights: unknown = node.groupWeights;
  if (node.kind !== 'scored') {
    // scoredBy is ignored on other kinds (a store may keep a default there), but group
    // weights would announce a panel split that nothing applies.
    if (groupWeights !== null && groupWeights !== undefined) {
      add('group_weights', `${name}: only a scored criterion can have group weights.`);
    }
    return;
  }

  const groups = Array.isArray(scoredBy) ? (scoredBy as unknown[]) : null;
  const known = (g: unknown): g is PanelGroup => (PANEL_GROUPS as readonly unknown[]).includes(g);
  if (!groups || groups.length === 0) {
    add(
      'scored_by',
      `${name}: say which panel groups score it (${PANEL_GROUPS.join(', ')}).`,
      `non-empty subset of ${PANEL_GROUPS.join(', ')}`,
      'none',
    );
    return;
  }
  const unknown = groups.filter((g) => !known(g));
  const repeated = groups.filter((g, i) => groups.indexOf(g) !== i);
  if (unknown.length > 0 || repeated.length > 0) {
    add(
      'scored_by',
      `${name}: panel groups must be distinct values among ${PANEL_GROUPS.join(', ')}, found ${groups.map(String).join(', ')}.`,
      `subset of ${PANEL_GROUPS.join(', ')}`,
      groups.map(String).join(', '),
    );
    return;
  }

  if (groupWeights === null || groupWeights === undefined) return;
  if (typeof groupWeights !== 'object' || Array.isArray(groupWeights)) {
    add('group_weights', `${name}: group weights must be an object of integer percents per group.`);
    return;
  }
  const entries = Object.entries(groupWeights as Record<string, unknown>);
  const keys = entries.map(([key]) => key).sort(byText);
  const expectedKeys = [...(groups as string[])].sort(byText);
  if (keys.join(',') !== expectedKeys.join(',')) {
    add(
      'group_weights',
      `${name}: group weights must name exactly the groups that score it (${expectedKeys.join(', ')}), found ${keys.join(', ') || 'none'}.`,
      expectedKeys.join(', '),
      keys.join(', ') || 'none',
    );
    return;
  }
  // A group weighted 0 would be asked to score for nothing: drop it from scoredBy instead.
  const bad = entries.filter(([, value]) => typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100);
  if (bad.length > 0) {
    add(
      'group_weights',
      `${name}: each group weight must be a whole percent from 1 to 100, found ${bad.map(([k, v]) => `${k} ${String(v)}`).join(', ')}.`,
    );
    return;
  }
  const total = entries.reduce((sum, [, value]) => sum + (value as number), 0);
  if (total !== 100) {
    add(
      'group_weights',
      `${name}: group weights sum to ${total}, expected 100 (${entries.map(([k, v]) => `${k} ${String(v)}`).join(' + ')}).`,
      '100',
      String(total),
    );
  }
}

/* ------------------------------------------------------------ publication ---------- */

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

  const { byId, childrenOf } = index(criteria);
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
  const name = describe(node);
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
  const name = describe(node);
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
