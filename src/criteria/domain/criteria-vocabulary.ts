/*
 * The criteria vocabulary (SCORING.md §2): the kinds of node, the categories a leaf
 * carries, the panel groups that score, and the shape of a criterion as the rules see it.
 * The one source of these lists: entities, DTOs, OpenAPI enums and the rules derive theirs
 * from here.
 *
 * Weights travel as integer hundredths of a percent (40.25 % is 4025) so that every sum
 * is exact integer arithmetic.
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

/** Whether a category (as stored: any text, or none) is one of the wider outcomes. */
export function isWiderOutcome(category: string | null): boolean {
  return (WIDER_OUTCOME_CATEGORIES as readonly string[]).includes(category ?? '');
}

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
