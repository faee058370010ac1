/*
 * Tender templates: the JSON file format under `templates/` and its pure parser.
 *
 * A template is a ready-made tender — scale and labels, scoring settings, a weighted
 * criteria tree with guidance in two registers (professional and plain language) and the
 * sources it rests on. A commissioner creates a tender from one and edits it from there.
 *
 * The parser checks the shape of the file, fills in the defaults of API.md, flattens the
 * tree and then holds it to exactly the rules a tender must meet to be published
 * (criteria/domain): a template that could not be published is a broken file, and the
 * service refuses to start with one (see template-loader.ts).
 */
import { basename } from 'node:path';
import { toHundredths } from '../../common/domain/decimals';
import {
  CATEGORIES,
  CRITERION_KINDS,
  defaultCategory,
  defaultScoredBy,
  validateForPublish,
  type Category,
  type CriterionKind,
  type FlatCriterion,
  type PanelGroup,
} from '../../criteria/domain';
import {
  AGGREGATIONS,
  DEFAULT_SETTINGS,
  OPENING_APPROVALS,
  PRICE_FORMULAS,
  TIE_BREAKS,
  type OpeningApprovals,
  type ScaleLabel,
  type TenderScale,
  type TenderSettings,
} from '../../tenders/domain/tender-settings';

export interface TemplateSource {
  title: string;
  publisher: string;
  year: number;
  url?: string;
  /** What was taken from the source, and what was reported rather than read in it. */
  note?: string;
}

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

export interface TenderTemplate {
  key: string;
  title: string;
  description: string;
  summary?: string;
  sources: TemplateSource[];
  scale: TenderScale;
  /** Every setting, the file's values over DEFAULT_SETTINGS. */
  settings: TenderSettings;
  /** The nested tree, with the defaults filled in (leaf categories, scoredBy). */
  criteria: TemplateCriterion[];
  /**
   * The same tree flattened in display order, as a tender stores it: id = code,
   * parentId = the parent's code, order = position among siblings (from 0).
   */
  flat: TemplateFlatCriterion[];
}

export type ParseResult = { template: TenderTemplate } | { errors: string[] };

/* ---------------------------------------------------------- the parser ---------- */

const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Short, URL-safe codes: Q1, CP2, SV1A, G1. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

const TEMPLATE_KEYS = ['key', 'title', 'description', 'summary', 'sources', 'scale', 'settings', 'criteria'];
const SOURCE_KEYS = ['title', 'publisher', 'year', 'url', 'note'];
const SCALE_KEYS = ['min', 'max', 'labels'];
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

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** Collects every problem with a path, so one run lists all of them. */
class Problems {
  readonly errors: string[] = [];
  add(path: string, message: string): void {
    this.errors.push(path ? `${path}: ${message}` : message);
  }
  /** Unknown keys are almost always typos ("plainGuidence") that would silently drop data. */
  unknownKeys(object: Json, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.add(path, `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
  text(object: Json, key: string, path: string, required: boolean): string | undefined {
    const value = object[key];
    if (value === undefined && !required) return undefined;
    if (!isText(value)) {
      this.add(fieldPath(path, key), `must be non-blank text, found ${show(value)}`);
      return undefined;
    }
    return value.trim();
  }
}

const fieldPath = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Parses and checks one template file's JSON. `fileName` is the file's name (the key
 * must match it, so `templates/<key>.json` is where a key's template lives).
 */
export function parseTemplate(json: unknown, fileName: string): ParseResult {
  const problems = new Problems();
  if (!isObject(json)) return { errors: [`the file must hold a JSON object, found ${show(json)}`] };
  problems.unknownKeys(json, TEMPLATE_KEYS, '');

  const key = problems.text(json, 'key', '', true);
  const expectedKey = basename(fileName).replace(/\.json$/i, '');
  if (key !== undefined) {
    if (!KEY_PATTERN.test(key)) problems.add('key', `must be lower-case words joined by hyphens, found ${show(key)}`);
    else if (/\.json$/i.test(fileName) && key !== expectedKey) {
      problems.add('key', `"${key}" does not match the file name; the file must be ${key}.json`);
    }
  }
  const title = problems.text(json, 'title', '', true);
  const description = problems.text(json, 'description', '', true);
  const summary = problems.text(json, 'summary', '', false);
  const sources = parseSources(json.sources, problems);
  const scale = parseScale(json.scale, problems);
  const settings = parseSettings(json.settings, scale, problems);
  const criteria = parseCriteria(json.criteria, problems);

  if (problems.errors.length > 0 || !criteria || !scale || !settings || !sources) {
    return { errors: problems.errors };
  }

  const flat = flatten(criteria);
  for (const violation of validateForPublish(flat, scale)) problems.add('criteria', violation.message);
  if (problems.errors.length > 0) return { errors: problems.errors };

  return {
    template: {
      key: key as string,
      title: title as string,
      description: description as string,
      ...(summary !== undefined ? { summary } : {}),
      sources,
      scale,
      settings,
      criteria,
      flat,
    },
  };
}

function parseSources(raw: unknown, problems: Problems): TemplateSource[] | undefined {
  // A template is only as credible as what it rests on: it must say so.
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add('sources', `must list at least one source, found ${show(raw)}`);
    return undefined;
  }
  const sources: TemplateSource[] = [];
  raw.forEach((entry: unknown, i) => {
    const path = `sources[${i}]`;
    if (!isObject(entry)) return problems.add(path, `must be an object, found ${show(entry)}`);
    problems.unknownKeys(entry, SOURCE_KEYS, path);
    const title = problems.text(entry, 'title', path, true);
    const publisher = problems.text(entry, 'publisher', path, true);
    const year = entry.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100) {
      problems.add(`${path}.year`, `must be a year such as 2007, found ${show(year)}`);
    }
    const url = problems.text(entry, 'url', path, false);
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
      problems.add(`${path}.url`, `must be an http(s) address, found ${show(url)}`);
    const note = problems.text(entry, 'note', path, false);
    if (title && publisher && typeof year === 'number') {
      sources.push({ title, publisher, year, ...(url ? { url } : {}), ...(note ? { note } : {}) });
    }
  });
  return sources.length === raw.length ? sources : undefined;
}

function parseScale(raw: unknown, problems: Problems): TenderScale | undefined {
  if (!isObject(raw)) {
    problems.add('scale', `must be an object {min, max, labels}, found ${show(raw)}`);
    return undefined;
  }
  problems.unknownKeys(raw, SCALE_KEYS, 'scale');
  const { min, max, labels } = raw;
  if (
    typeof min !== 'number' ||
    typeof max !== 'number' ||
    !Number.isSafeInteger(min) ||
    !Number.isSafeInteger(max) ||
    min >= max
  ) {
    problems.add('scale', `min and max must be whole numbers with min below max, found ${show(min)}–${show(max)}`);
    return undefined;
  }
  if (max - min > 10) {
    // Panels cannot tell eleven or more levels apart consistently, and each needs a label.
    problems.add('scale', `at most 11 levels, found ${max - min + 1}`);
    return undefined;
  }
  if (!isObject(labels)) {
    problems.add('scale.labels', `must give a label and a plainLabel for every level ${min}–${max}`);
    return undefined;
  }
  const levels = Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  const parsed: Record<string, ScaleLabel> = {};
  for (const level of levels) {
    const entry = labels[level];
    const path = `scale.labels.${level}`;
    if (!isObject(entry)) {
      problems.add(path, `missing: every level needs {label, plainLabel}`);
      continue;
    }
    problems.unknownKeys(entry, ['label', 'plainLabel'], path);
    const label = problems.text(entry, 'label', path, true);
    const plainLabel = problems.text(entry, 'plainLabel', path, true);
    if (label && plainLabel) parsed[level] = { label, plainLabel };
  }
  for (const level of Object.keys(labels)) {
    if (!levels.includes(level)) problems.add('scale.labels', `level "${level}" is outside the scale ${min}–${max}`);
  }
  return Object.keys(parsed).length === levels.length ? { min, max, labels: parsed } : undefined;
}

function parseSettings(raw: unknown, scale: TenderScale | undefined, problems: Problems): TenderSettings | undefined {
  if (raw === undefined) return { ...DEFAULT_SETTINGS };
  if (!isObject(raw)) {
    problems.add('settings', `must be an object, found ${show(raw)}`);
    return undefined;
  }
  const allowed = Object.keys(DEFAULT_SETTINGS);
  problems.unknownKeys(raw, allowed, 'settings');
  const settings: TenderSettings = { ...DEFAULT_SETTINGS };
  const before = problems.errors.length;
  const oneOf = <T extends string>(key: keyof TenderSettings, values: readonly T[]): void => {
    if (raw[key] === undefined) return;
    if (!values.includes(raw[key] as T))
      problems.add(`settings.${key}`, `must be one of ${values.join(', ')}, found ${show(raw[key])}`);
    else (settings as unknown as Json)[key] = raw[key];
  };
  const flag = (key: keyof TenderSettings): void => {
    if (raw[key] === undefined) return;
    if (typeof raw[key] !== 'boolean') problems.add(`settings.${key}`, `must be true or false, found ${show(raw[key])}`);
    else (settings as unknown as Json)[key] = raw[key];
  };
  oneOf('aggregation', AGGREGATIONS);
  oneOf('priceFormula', PRICE_FORMULAS);
  oneOf('tieBreak', TIE_BREAKS);
  flag('moderationRequired');
  flag('priceVisibleToPanel');
  flag('blindMarking');
  flag('equalRepresentation');

  const divergence = raw.divergenceThreshold;
  if (divergence !== undefined) {
    const range = scale ? scale.max - scale.min : Number.POSITIVE_INFINITY;
    if (typeof divergence !== 'number' || toHundredths(divergence) === null || divergence <= 0 || divergence > range) {
      problems.add(
        'settings.divergenceThreshold',
        `must be a number of scale points above 0 and at most ${range}, with at most 2 decimals, found ${show(divergence)}`,
      );
    } else settings.divergenceThreshold = divergence;
  }
  const minScorers = raw.minScorers;
  if (minScorers !== undefined) {
    if (typeof minScorers !== 'number' || !Number.isSafeInteger(minScorers) || minScorers < 1) {
      problems.add('settings.minScorers', `must be a whole number of at least 1, found ${show(minScorers)}`);
    } else settings.minScorers = minScorers;
  }
  const ratio = raw.abnormallyLowRatio;
  if (ratio !== undefined) {
    if (typeof ratio !== 'number' || toHundredths(ratio) === null || ratio <= 0 || ratio > 1) {
      problems.add(
        'settings.abnormallyLowRatio',
        `must be a ratio above 0 and at most 1, with at most 2 decimals, found ${show(ratio)}`,
      );
    } else settings.abnormallyLowRatio = ratio;
  }
  const approvals = raw.openingApprovals;
  if (approvals !== undefined) {
    if (!OPENING_APPROVALS.includes(approvals as OpeningApprovals)) {
      problems.add(
        'settings.openingApprovals',
        `must be 1 or 2 (different team members who approve opening the bids), found ${show(approvals)}`,
      );
    } else settings.openingApprovals = approvals as OpeningApprovals;
  }
  return problems.errors.length === before ? settings : undefined;
}

function parseCriteria(raw: unknown, problems: Problems): TemplateCriterion[] | undefined {
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
function flatten(criteria: readonly TemplateCriterion[]): TemplateFlatCriterion[] {
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
