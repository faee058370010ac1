import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/*
 * Validation of the service's OCDS output against the vendored schemas (test/ocds/schemas,
 * sources in its README): the OCDS 1.1.5 release schema, merge-patched by the extensions the
 * releases use, behind the 1.1.5 release package schema (JSON Schema draft 04); and every value
 * of a field that names a codelist checked against the codelist CSVs (the standard's, changed
 * by the extensions' `+name.csv` additions and `-name.csv` removals, or an extension's own).
 */
const SCHEMAS = join(__dirname, 'schemas');
const STANDARD = join(SCHEMAS, 'standard-1.1.5');

/** The extensions, in the order their patches apply: the UK profile last, as it patches the others' definitions. */
export const EXTENSION_FOLDERS = ['lots', 'awardCriteria', 'bid', 'metrics', 'uk'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON Merge Patch (RFC 7396, which obsoletes RFC 7386): objects merge member by member, null removes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key] ?? null, value);
  }
  return result;
}

const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

/** The release schema with every extension's patch applied. */
export function patchedReleaseSchema(): JsonObject {
  let schema = readJson(join(STANDARD, 'release-schema.json'));
  for (const folder of EXTENSION_FOLDERS) schema = mergePatch(schema, readJson(join(SCHEMAS, folder, 'release-schema.json')));
  return schema as JsonObject;
}

export interface PackageValidation {
  /** Schema errors, as "path: message". */
  errors: string[];
  /** Codelist values not in their codelist, as "path: value (codelist)". */
  unknownCodes: string[];
  /** Every codelist used and the values seen, to show the check looked. */
  codesSeen: Map<string, Set<string>>;
}

let cached: { validate: ReturnType<Ajv04['compile']>; release: JsonObject; codelists: Map<string, Set<string>> } | undefined;

function load() {
  if (cached) return cached;
  const release = patchedReleaseSchema();
  const ajv = new Ajv04({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(release);
  const validate = ajv.compile(readJson(join(STANDARD, 'release-package-schema.json')) as object);
  cached = { validate, release, codelists: loadCodelists() };
  return cached;
}

function codesOf(path: string): string[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const column = header.split(',').indexOf('Code');
  // The Code column holds no commas or quotes in these files: the first cells split safely up to it.
  return lines.map((line) => line.split(',')[column]);
}

function loadCodelists(): Map<string, Set<string>> {
  const lists = new Map<string, Set<string>>();
  const dir = (folder: string) => join(folder, 'codelists');
  for (const file of readdirSync(dir(STANDARD))) lists.set(file, new Set(codesOf(join(dir(STANDARD), file))));
  for (const folder of EXTENSION_FOLDERS) {
    const path = dir(join(SCHEMAS, folder));
    let files: string[];
    try {
      files = readdirSync(path);
    } catch {
      continue; // an extension without codelists
    }
    for (const file of files) {
      const codes = codesOf(join(path, file));
      const name = file.replace(/^[+-]/, '');
      const list = lists.get(name) ?? new Set<string>();
      if (file.startsWith('-')) codes.forEach((code) => list.delete(code));
      else codes.forEach((code) => list.add(code));
      lists.set(name, list);
    }
  }
  return lists;
}

/** Walks the data beside its schema, collecting each value whose schema names a codelist. */
function collectCodes(
  schema: JsonObject,
  data: Json,
  path: string,
  definitions: JsonObject,
  found: { path: string; codelist: string; value: string }[],
): void {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const target = definitions[ref.slice('#/definitions/'.length)];
    if (isObject(target)) collectCodes(target, data, path, definitions, found);
    return;
  }
  const codelist = schema.codelist;
  if (typeof codelist === 'string') {
    const values = Array.isArray(data) ? data : [data];
    for (const value of values) if (typeof value === 'string') found.push({ path, codelist, value });
  }
  if (isObject(data) && isObject(schema.properties)) {
    for (const [key, value] of Object.entries(data)) {
      const property = schema.properties[key];
      if (isObject(property)) collectCodes(property, value, `${path}/${key}`, definitions, found);
    }
  }
  if (Array.isArray(data) && isObject(schema.items)) {
    data.forEach((item, index) => collectCodes(schema.items as JsonObject, item, `${path}/${index}`, definitions, found));
  }
}

/** Validates a release package: the schema, then the codelists of every release. */
export function validatePackage(body: unknown): PackageValidation {
  const { validate, release, codelists } = load();
  const valid = validate(body);
  const errors = valid ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? ''}`);
  const found: { path: string; codelist: string; value: string }[] = [];
  const releases = isObject(body as Json) ? (body as JsonObject).releases : null;
  if (Array.isArray(releases)) {
    releases.forEach((one, index) => collectCodes(release, one, `/releases/${index}`, release.definitions as JsonObject, found));
  }
  const codesSeen = new Map<string, Set<string>>();
  for (const { codelist, value } of found) codesSeen.set(codelist, (codesSeen.get(codelist) ?? new Set()).add(value));
  const unknownCodes = found
    .filter(({ codelist, value }) => !codelists.get(codelist)?.has(value))
    .map(({ path, codelist, value }) => `${path}: ${value} (${codelist})`);
  return { errors, unknownCodes, codesSeen };
}
