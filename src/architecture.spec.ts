import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/*
 * The shape of the code, checked from its imports (no tool but the file system): every
 * evaluation goes through one door, and the features that show an evaluation sit in no
 * import cycle between feature folders.
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

/** Feature folder → the feature folders its files import (type-only imports included). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { path, text } of files) {
    const [from] = path.split('/');
    if (from.endsWith('.ts')) continue; // app.module.ts, main.ts: the composition root
    for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']*)'/g)) {
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

  it.each(['results', 'moderation', 'exports'])('puts %s in no import cycle between feature folders', (folder) => {
    expect(cycleThrough(folderGraph(), folder)).toEqual([]);
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
