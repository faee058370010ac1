/**
 * npm run bench: runs every scenario and rewrites docs/BENCHMARKS.md with the figures,
 * the machine and the date. Scenarios only talk to 127.0.0.1.
 *   npm run bench                  all scenarios
 *   npm run bench -- engine surge  only those whose name contains a word given
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure, BenchScenario } from './types';
import { stopPostgres } from './lib/postgres';
import { scenarios } from './scenarios';

process.env.TZ = 'UTC';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const chosen: BenchScenario[] = filters.length ? scenarios.filter((s) => filters.some((f) => s.name.includes(f))) : scenarios;
  const figures: (BenchFigure & { run: string })[] = [];
  const failures: string[] = [];
  for (const scenario of chosen) {
    process.stdout.write(`\n▶ ${scenario.name}\n`);
    const started = Date.now();
    try {
      const result = await scenario.run();
      figures.push(...result.map((f) => ({ ...f, run: scenario.name })));
      let shown = '';
      for (const f of result) {
        if (f.scenario !== shown) process.stdout.write(`  ${(shown = f.scenario)}\n`);
        process.stdout.write(
          `    ${f.metric}: ${f.value} ${f.unit}${f.target ? `  (target ${f.target}: ${f.met === false ? 'MISSED' : 'met'})` : ''}\n`,
        );
      }
    } catch (error) {
      failures.push(`${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      process.stdout.write(`  FAILED: ${String(error)}\n`);
    }
    process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  stopPostgres(); // the cluster scenarios shared (bench/lib/postgres.ts), if one was started
  // A partial run (npm run bench -- engine) keeps the other scenarios' last figures.
  const store = join(__dirname, '..', 'docs', 'benchmarks.json');
  const previous: Stored = existsSync(store) ? (JSON.parse(readFileSync(store, 'utf8')) as Stored) : { runs: {} };
  for (const scenario of chosen) {
    previous.runs[scenario.name] = { at: new Date().toISOString(), figures: figures.filter((f) => f.run === scenario.name) };
  }
  writeFileSync(store, JSON.stringify(previous, null, 2) + '\n');
  const ordered = scenarios.filter((s) => previous.runs[s.name]).map((s) => ({ name: s.name, ...previous.runs[s.name] }));
  writeFileSync(join(__dirname, '..', 'docs', 'BENCHMARKS.md'), render(ordered, failures));
  process.stdout.write(
    `\nWrote docs/BENCHMARKS.md (${figures.length} figures${failures.length ? `, ${failures.length} failed scenarios` : ''})\n`,
  );
  if (failures.length) process.exitCode = 1;
}

function machine(): string {
  const cpu = cpus();
  let os = process.platform;
  try {
    os = execSync('uname -sr', { encoding: 'utf8' }).trim() as NodeJS.Platform;
  } catch {
    /* not a Unix: keep the platform name */
  }
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os}, Node ${process.version}`;
}

interface Stored {
  runs: Record<string, { at: string; figures: BenchFigure[] }>;
}

function render(runs: { name: string; at: string; figures: BenchFigure[] }[], failures: string[]): string {
  const figures = runs.flatMap((r) => r.figures);
  const rows = figures.map(
    (f) =>
      `| ${f.scenario} | ${f.metric} | ${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit} | ${f.target || '—'} | ${f.target ? (f.met === false ? '**missed**' : 'met') : ''} |`,
  );
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Every scenario runs on this',
    'machine against 127.0.0.1 only. Timings on a shared 2-core machine are noisy: where a ratio to a',
    'baseline measured in the same run is given, that ratio is the figure to compare across runs.',
    'PostgreSQL figures come from a throwaway local cluster (scripts/pg.sh with PG_TEST_DURABLE=1,',
    "bench/lib/postgres.ts) running with PostgreSQL's default durability: fsync, synchronous_commit",
    'and full_page_writes on, as in a deployment (the test suite turns them off). SQLite runs on a',
    'file with WAL and synchronous=FULL.',
    '',
    `- Machine: ${machine()}`,
    ...runs.map((r) => `- \`${r.name}\` measured ${r.at}`),
    '',
    '| scenario | metric | value | target | |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...(failures.length ? ['## Failed scenarios', '', ...failures.map((f) => `- ${f}`), ''] : []),
    'How each scenario works is described in its file under `bench/`.',
    '',
  ].join('\n');
}

void main();
