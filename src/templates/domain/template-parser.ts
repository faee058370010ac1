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
import { validateForPublish } from '../../criteria/domain';
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
import { flatten, parseCriteria, type TemplateCriterion, type TemplateFlatCriterion } from './template-criteria';
import { isObject, Problems, show, type Json } from './template-json';

export type { TemplateCriterion, TemplateFlatCriterion } from './template-criteria';

export interface TemplateSource {
  title: string;
  publisher: string;
  year: number;
  url?: string;
  /** What was taken from the source, and what was reported rather than read in it. */
  note?: string;
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

const TEMPLATE_KEYS = ['key', 'title', 'description', 'summary', 'sources', 'scale', 'settings', 'criteria'];
const SOURCE_KEYS = ['title', 'publisher', 'year', 'url', 'note'];
const SCALE_KEYS = ['min', 'max', 'labels'];

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
