import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/*
 * The shape of the code, checked from its imports (no tool but the file system): every
 * evaluation goes through one door, the features that show an evaluation sit in no
 * import cycle between feature folders, pure files stay pure, and no file grows past
 * what one reading holds.
 */
const SRC = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path).split(sep).join('/'),
  text: readFileSync(path, 'utf8'),
}));

/** Every TypeScript file of src/, specs included, generated migrations left out. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : everyFile(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** At most this many lines in any file of src/ (generated migrations aside): past it, split by concept. */
const MAX_LINES = 400;

/**
 * Pure files: every file under a `domain/` folder, and the results engine — the same globs
 * as the purity lint in eslint.config.mjs, which keeps the framework, the ORM, the
 * validators and exceljs out of them.
 */
const isPure = (path: string) => /(^|\/)domain(\/|$)/.test(path) || /^results\/engine(\/|$)/.test(path);

/**
 * The modules a file imports at run time: `import type`, `export type` and an import whose
 * every name is `type …` are erased by the compiler and load nothing. Relative ones are
 * resolved to a path under src/ without extension, others as written.
 */
function runtimeImports(path: string, text: string): string[] {
  return runtimeSpecs(text).map((spec) =>
    spec.startsWith('.')
      ? normalize(join(dirname(path), spec))
          .split(sep)
          .join('/')
      : spec,
  );
}

function runtimeSpecs(text: string): string[] {
  const statements = text.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)from\s+'([^']+)'/gms);
  return [...statements].filter(([, , typeOnly, names]) => !typeOnly && !allTypes(names)).map(([, , , , spec]) => spec);
}

/** `{ type A, type B }`: every name imported is a type. */
function allTypes(names: string): boolean {
  const inBraces = /^\s*\{([^}]*)\}\s*$/.exec(names);
  if (!inBraces) return false;
  const parts = inBraces[1]
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((part) => part.startsWith('type '));
}

/**
 * Feature folder → the feature folders its files import at run time. A type-only import
 * (a row's shape, a relation's property type) loads nothing and orders no module start-up,
 * so it ties no folders together; the relations name their target by string
 * (`@ManyToOne('Tender', …)`) for that reason.
 */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { path, text } of files) {
    const [from] = path.split('/');
    if (from.endsWith('.ts')) continue; // app.module.ts, main.ts: the composition root
    for (const spec of runtimeSpecs(text).filter((spec) => spec.startsWith('.'))) {
      const [to] = normalize(join(dirname(path), spec)).split(sep);
      if (to !== from && !to.endsWith('.ts') && !to.startsWith('..')) {
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
      }
    }
  }
  return graph;
}

/** The folders reachable from `start` that can reach `start` again: its import cycle. */
function cycleThrough(graph: Map<string, Set<string>>, start: string): string[] {
  const reach = (from: string, edges: (node: string) => Iterable<string>) => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      for (const next of edges(stack.pop()!)) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
      }
    }
    return seen;
  };
  const forward = reach(start, (node) => graph.get(node) ?? []);
  const backward = reach(start, (node) => [...graph].filter(([, to]) => to.has(node)).map(([from]) => from));
  return [...forward].filter((node) => backward.has(node) && node !== start).sort((a, b) => a.localeCompare(b));
}

describe('the architecture', () => {
  it('evaluates a tender in one place: only results/evaluation/evaluation.service.ts calls computeResults', () => {
    const callers = files
      .filter(({ path }) => !path.startsWith('results/engine/'))
      .filter(({ text }) => /\bcomputeResults\b/.test(text))
      .map(({ path }) => path);
    expect(callers).toEqual(['results/evaluation/evaluation.service.ts']);
  });

  it('reads the evaluation through one reader: only results/evaluation reads for the engine', () => {
    const readers = files.filter(({ text }) => /\bEvaluationReader\b|\btoEngineInput\b/.test(text)).map(({ path }) => path);
    expect(readers.every((path) => path.startsWith('results/'))).toBe(true);
    expect(readers.filter((path) => !path.startsWith('results/evaluation/'))).toEqual(['results/results.module.ts']);
  });

  it.each(['results', 'moderation', 'exports', 'web'])('puts %s in no import cycle between feature folders', (folder) => {
    expect(cycleThrough(folderGraph(), folder)).toEqual([]);
  });

  it(`keeps every file of src/ within ${MAX_LINES} lines, specs included (generated migrations aside)`, () => {
    const long = everyFile(SRC)
      .map((path) => ({
        path: relative(SRC, path).split(sep).join('/'),
        lines: readFileSync(path, 'utf8').split('\n').length - 1,
      }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ path, lines }) => `${path}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  /** Packages that are data and arithmetic only (no I/O, no framework): a domain file may use them. */
  const PURE_PACKAGES = ['date-holidays'];

  it('keeps pure files pure: a domain/ file or the engine imports, at run time, only pure files, node: modules and pure packages', () => {
    const pure = files.filter(({ path }) => isPure(path));
    expect(pure.length).toBeGreaterThan(20); // the glob finds them: criteria, bids, tenders, templates, …
    const impure = pure.flatMap(({ path, text }) =>
      runtimeImports(path, text)
        .filter((target) =>
          target.startsWith('node:') || PURE_PACKAGES.includes(target) ? false : target.startsWith('..') || !isPure(target),
        )
        .map((target) => `${path} imports ${target}`),
    );
    expect(impure).toEqual([]);
  });

  it('has one source per vocabulary: the closed lists are spelled once, in a domain/ file', () => {
    const lists: Record<string, string[]> = {
      'price formulas': ['lowest_ratio', 'linear_deviation', 'min_max_linear'],
      'criterion kinds': ['section', 'scored', 'price', 'pass_fail'],
      'wider outcomes': ['social_outcome', 'economic_outcome', 'environmental_outcome'],
      'panel groups': ['lived_experience', 'professional'],
      aggregations: ['mean', 'median'],
      'tie breaks': ['none', 'quality', 'price'],
    };
    // A list spelled as an array or as a union type; examples in OpenAPI decorators and the
    // test data of testing/ folders are values, not the vocabulary.
    const spelling = (values: string[]) =>
      new RegExp(`\\[\\s*${values.map((v) => `'${v}'`).join(',\\s*')}\\s*\\]|${values.map((v) => `'${v}'`).join('\\s*\\|\\s*')}`);
    const code = files
      .filter(({ path }) => !path.includes('/testing/'))
      .map(({ path, text }) => ({ path, text: text.replace(/example:\s*\[[^\]]*\]/g, '') }));
    const spelled = Object.entries(lists).map(([name, values]) => [
      name,
      code.filter(({ text }) => spelling(values).test(text)).map(({ path }) => path),
    ]);
    expect(Object.fromEntries(spelled)).toEqual({
      'price formulas': ['tenders/domain/tender-settings.ts'],
      'criterion kinds': ['criteria/domain/criteria-vocabulary.ts'],
      'wider outcomes': ['criteria/domain/criteria-vocabulary.ts'],
      'panel groups': ['criteria/domain/criteria-vocabulary.ts'],
      aggregations: ['tenders/domain/tender-settings.ts'],
      'tie breaks': ['tenders/domain/tender-settings.ts'],
    });
  });

  /*
   * The folders still in one import cycle (issue 12): `auth` is both the decorators every
   * controller imports and a feature (sign-in reads panel seats, writes the audit trail), and
   * entity relations tie tenders, bids, panel and scoring both ways. Until those are split,
   * this pins the cycle: no folder may join it, and one that leaves it must leave this list.
   */
  const IN_THE_CYCLE = ['access', 'bids', 'criteria', 'panel', 'scoring', 'templates', 'tenders'];

  it('lets no other folder into the one remaining import cycle', () => {
    const graph = folderGraph();
    const inCycle = [...graph.keys()].filter((folder) => cycleThrough(graph, folder).length > 0);
    expect(inCycle.sort((a, b) => a.localeCompare(b))).toEqual(IN_THE_CYCLE);
  });

  it('sees a cycle where there is one (the check itself)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycleThrough(graph, 'a')).toEqual(['b', 'c']);
    expect(cycleThrough(graph, 'd')).toEqual([]);
  });
});

/* ------------------------------------------------- entities stay in their feature ---------- */

/** Entity class → the feature folder that owns its table. */
const entityOwners = new Map(
  files
    .filter(({ path }) => path.endsWith('.entity.ts'))
    .flatMap(({ path, text }) =>
      [...text.matchAll(/@Entity\([^)]*\)[^]*?export class (\w+)/g)].map(([, name]) => [name, path.split('/')[0]]),
    ),
);

/** Each value import of an entity class from outside its own feature: `file → Entity`. */
function foreignEntityImports(): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const [from] = path.split('/');
    // Entity files may name another feature's entity: a relation (@ManyToOne) needs the class.
    if (path.endsWith('.entity.ts') || from.endsWith('.ts')) continue;
    for (const [, typeOnly, names, spec] of text.matchAll(/import (type )?\{([^}]*)\} from '(\.{1,2}\/[^']*\.entity)'/g)) {
      const [owner] = normalize(join(dirname(path), spec)).split(sep);
      if (typeOnly || owner === from) continue;
      for (const name of names.split(',').map((part) => part.trim())) {
        if (name && !name.startsWith('type ') && entityOwners.get(name) === owner) found.push(`${path} → ${name}`);
      }
    }
  }
  return found.sort((a, b) => a.localeCompare(b));
}

/**
 * Value imports of another feature's entity that remain (issue 12 part 2): none. A query of
 * another feature's table belongs in that feature's directory (`bids/bid-directory`,
 * `scoring/score-queries`, `tenders/tender-directory`, `panel/panel-directory.service`, …),
 * so this list stays empty.
 */
const NOT_YET_IN_THEIR_FEATURE: string[] = [];

describe('entities stay in their feature', () => {
  /*
   * A feature queries only its own tables; other features read them through its directory
   * (functions taking the unit of work's `em`). Checked on value imports of entity classes:
   * a type-only import (a row passed along, `import type`) queries nothing. Exceptions, by
   * design: entity files (relations name the other table's class), the database module
   * (it loads every `*.entity.ts` by glob and imports none), migrations (plain SQL, outside
   * this check), and test/ and bench/ (factories and seeds write rows directly; outside src).
   */
  it('finds every entity class and its feature', () => {
    expect(entityOwners.get('IndividualScore')).toBe('scoring');
    expect(entityOwners.get('Bid')).toBe('bids');
    expect(entityOwners.size).toBeGreaterThanOrEqual(19);
  });

  it('imports an entity class only inside its own feature (the remaining exceptions listed, none new)', () => {
    expect(foreignEntityImports()).toEqual(NOT_YET_IN_THEIR_FEATURE);
  });

  it.each([
    'Bid',
    'BidVersion',
    'ComplianceRecord',
    'IndividualScore',
    'ModeratedScore',
    'TenderTeamMember',
    'ConflictDeclaration',
  ])('queries %s only in its own feature', (entity) => {
    expect(foreignEntityImports().filter((entry) => entry.endsWith(`→ ${entity}`))).toEqual([]);
  });
});
