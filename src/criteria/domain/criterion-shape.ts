/*
 * The rules one criterion must meet on its own (SCORING.md §2), true of any draft: the
 * criteria service refuses a bad create or patch with them at once, and publication
 * (publish-validation.ts) runs them on every node again. Also the violation a rule
 * reports, shared by both.
 */
import { formatHundredths, toSignedHundredths } from '../../common/domain/decimals';
import { byText } from './criteria-tree';
import {
  CATEGORIES,
  CRITERION_KINDS,
  PANEL_GROUPS,
  SCORED_CATEGORIES,
  type CriterionShape,
  type FlatCriterion,
  type PanelGroup,
  type ScaleRange,
} from './criteria-vocabulary';

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

/** "Section Q (Quality)", "Price criterion P": how a message names a node. */
export function describeNode(node: Pick<FlatCriterion, 'code' | 'title' | 'kind'>): string {
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

/** A weight as stored: integer hundredths, not negative. */
export function isWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

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
  const name = describeNode({ ...node, code: code ?? '(no code)' });
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
    } else if (toSignedHundredths(node.threshold) === null) {
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
