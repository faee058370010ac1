/*
 * The criteria of a template file: each node checked for shape (the tree's publication
 * rules are criteria/domain's, applied by the parser on the flattened tree), defaults
 * filled in, and the tree flattened as a tender stores it.
 */
import { toHundredths } from '../../common/domain/decimals';
import {
  CATEGORIES,
  CRITERION_KINDS,
  defaultCategory,
  defaultScoredBy,
  type Category,
  type CriterionKind,
  type FlatCriterion,
  type PanelGroup,
} from '../../criteria/domain';
import { isObject, show, type Problems } from './template-json';

/** A criterion as written in the file: nested, weight as a percentage. */
export interface TemplateCriterion {
  code: string;
  title: string;
  kind: CriterionKind;
  category?: Category;
  /** Percentage of the whole tender, at most 2 decimals. */
  weight: number;
  threshold?: number;
  scoredBy?: PanelGroup[];
  groupWeights?: Partial<Record<PanelGroup, number>>;
  maxWords?: number;
  /** For professionals: what good evidence looks like. */
  guidance?: string;
  /** For lived-experience panelists: the same, in short everyday sentences. */
  plainGuidance?: string;
  children?: TemplateCriterion[];
}

export interface TemplateFlatCriterion extends FlatCriterion {
  guidance: string | null;
  plainGuidance: string | null;
}
/** Short, URL-safe codes: Q1, CP2, SV1A, G1. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

const CRITERION_KEYS = [
  'code',
  'title',
  'kind',
  'category',
  'weight',
  'threshold',
  'scoredBy',
  'groupWeights',
  'maxWords',
  'guidance',
  'plainGuidance',
  'children',
];

export function parseCriteria(raw: unknown, problems: Problems): TemplateCriterion[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add('criteria', `must be a non-empty list of criteria, found ${show(raw)}`);
    return undefined;
  }
  const before = problems.errors.length;
  const parsed = raw.map((entry: unknown, i) => parseCriterion(entry, `criteria[${i}]`, problems));
  return problems.errors.length === before ? (parsed as TemplateCriterion[]) : undefined;
}

function parseCriterion(raw: unknown, at: string, problems: Problems): TemplateCriterion | undefined {
  if (!isObject(raw)) {
    problems.add(at, `must be an object, found ${show(raw)}`);
    return undefined;
  }
  const path = typeof raw.code === 'string' ? `${at} (${raw.code})` : at;
  problems.unknownKeys(raw, CRITERION_KEYS, path);

  const code = problems.text(raw, 'code', path, true);
  if (code !== undefined && !CODE_PATTERN.test(code)) {
    problems.add(
      `${path}.code`,
      `must be 1–20 letters, digits, dots, hyphens or underscores, starting with a letter or digit, found ${show(code)}`,
    );
  }
  const title = problems.text(raw, 'title', path, true);
  const kind = raw.kind as CriterionKind;
  if (!(CRITERION_KINDS as readonly unknown[]).includes(kind)) {
    problems.add(`${path}.kind`, `must be one of ${CRITERION_KINDS.join(', ')}, found ${show(raw.kind)}`);
  }
  const category = raw.category === undefined ? defaultCategory(kind) : (raw.category as Category);
  if (raw.category !== undefined && !(CATEGORIES as readonly unknown[]).includes(raw.category)) {
    problems.add(`${path}.category`, `must be one of ${CATEGORIES.join(', ')}, found ${show(raw.category)}`);
  }
  const weight = raw.weight;
  if (typeof weight !== 'number' || toHundredths(weight) === null || weight > 100) {
    problems.add(`${path}.weight`, `must be a percentage from 0 to 100 with at most 2 decimals, found ${show(weight)}`);
  }
  if (raw.threshold !== undefined && typeof raw.threshold !== 'number') {
    problems.add(`${path}.threshold`, `must be a number on the scale, found ${show(raw.threshold)}`);
  }
  if (raw.scoredBy !== undefined && (!Array.isArray(raw.scoredBy) || !raw.scoredBy.every((g) => typeof g === 'string'))) {
    problems.add(`${path}.scoredBy`, `must be a list of panel groups, found ${show(raw.scoredBy)}`);
  }
  if (raw.scoredBy !== undefined && kind !== 'scored') {
    problems.add(`${path}.scoredBy`, 'only a scored criterion is scored by the panel');
  }
  if (raw.groupWeights !== undefined && !isObject(raw.groupWeights)) {
    problems.add(`${path}.groupWeights`, `must be an object of percents per group, found ${show(raw.groupWeights)}`);
  }
  if (raw.maxWords !== undefined && typeof raw.maxWords !== 'number') {
    problems.add(`${path}.maxWords`, `must be a whole number of words, found ${show(raw.maxWords)}`);
  }
  const guidance = problems.text(raw, 'guidance', path, false);
  const plainGuidance = problems.text(raw, 'plainGuidance', path, false);
  // Every panelist scores against guidance in their own register; a gate is checked by the
  // team against stated evidence. Without them, scoring is guesswork and hard to defend.
  if (kind === 'scored' && raw.guidance === undefined)
    problems.add(path, 'a scored criterion needs guidance (what good evidence looks like)');
  if (kind === 'scored' && raw.plainGuidance === undefined)
    problems.add(path, 'a scored criterion needs plainGuidance for lived-experience panelists');
  if (kind === 'pass_fail' && raw.guidance === undefined)
    problems.add(path, 'a pass/fail gate needs guidance (the evidence that passes it)');

  let children: TemplateCriterion[] | undefined;
  if (raw.children !== undefined) {
    if (!Array.isArray(raw.children)) {
      problems.add(`${path}.children`, `must be a list of criteria, found ${show(raw.children)}`);
    } else {
      children = raw.children
        .map((child: unknown, i) => parseCriterion(child, `${path}.children[${i}]`, problems))
        .filter((child): child is TemplateCriterion => child !== undefined);
    }
  }

  if (code === undefined || title === undefined || typeof weight !== 'number') return undefined;
  const scoredBy = raw.scoredBy !== undefined ? (raw.scoredBy as PanelGroup[]) : defaultScoredBy(kind);
  return {
    code,
    title,
    kind,
    ...(category !== null ? { category } : {}),
    weight,
    ...(typeof raw.threshold === 'number' ? { threshold: raw.threshold } : {}),
    ...(kind === 'scored' ? { scoredBy } : {}),
    ...(isObject(raw.groupWeights) ? { groupWeights: raw.groupWeights } : {}),
    ...(typeof raw.maxWords === 'number' ? { maxWords: raw.maxWords } : {}),
    ...(guidance !== undefined ? { guidance } : {}),
    ...(plainGuidance !== undefined ? { plainGuidance } : {}),
    ...(children !== undefined ? { children } : {}),
  };
}

/** Depth-first, as a tender would store it: ids are the codes, order the position. */
export function flatten(criteria: readonly TemplateCriterion[]): TemplateFlatCriterion[] {
  const flat: TemplateFlatCriterion[] = [];
  const walk = (nodes: readonly TemplateCriterion[], parentId: string | null) => {
    nodes.forEach((node, order) => {
      flat.push({
        id: node.code,
        parentId,
        code: node.code,
        title: node.title,
        kind: node.kind,
        category: node.category ?? null,
        // Checked by parseCriterion: a percentage with at most 2 decimals.
        weightHundredths: toHundredths(node.weight) as number,
        threshold: node.threshold ?? null,
        scoredBy: node.scoredBy ?? [],
        groupWeights: node.groupWeights ?? null,
        maxWords: node.maxWords ?? null,
        order,
        guidance: node.guidance ?? null,
        plainGuidance: node.plainGuidance ?? null,
      });
      if (node.children) walk(node.children, node.code);
    });
  };
  walk(criteria, null);
  return flat;
}
