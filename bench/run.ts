/**
 * npm run bench: runs every scenario and rewrites docs/BENCHMARKS.md with the figures,
 * the machine and the date. Scenarios only talk to 127.0.0.1.
 *   npm run bench                  all scenarios
 *   npm run bench -- engine surge  only those whose name contains a word given
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure, BenchScenario } from './types';
import { scenarios } from './scenarios';

process.env.TZ = 'UTC';

async function main(): Promise<void> {
  const filters = process.argv.slice(2);
  const chosen: BenchScenario[] = filters.length ? scenarios.filter((s) => filters.some((f) => s.name.includes(f))) : scenarios;
  const figures: BenchFigure[] = [];
  const failures: string[] = [];
  for (const scenario of chosen) {
    process.stdout.write(`\n▶ ${scenario.name}\n`);
    const started = Date.now();
    try {
      const result = await scenario.run();
      figures.push(...result);
      for (const f of result) {
        process.stdout.write(`  ${f.metric}: ${f.value} ${f.unit}${f.target ? `  (target ${f.target}: ${f.met === false ? 'MISSED' : 'met'})` : ''}\n`);
      }
    } catch (error) {
      failures.push(`${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      process.stdout.write(`  FAILED: ${String(error)}\n`);
    }
    process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  writeFileSync(join(__dirname, '..', 'docs', 'BENCHMARKS.md'), render(figures, failures, chosen));
  process.stdout.write(`\nWrote docs/BENCHMARKS.md (${figures.length} figures${failures.length ? `, ${failures.length} failed scenarios` : ''})\n`);
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

function render(figures: BenchFigure[], failures: string[], chosen: BenchScenario[]): string {
  const rows = figures.map(
    (f) => `| ${f.scenario} | ${f.metric} | ${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)} ${f.unit} | ${f.target || '—'} | ${f.target ? (f.met === false ? '**missed**' : 'met') : ''} |`,
  );
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Every scenario runs on this',
    'machine against 127.0.0.1 only. Timings on a shared 2-core machine are noisy: where a ratio to a',
    'baseline measured in the same run is given, that ratio is the figure to compare across runs.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${machine()}`,
    `- Scenarios run: ${chosen.map((s) => s.name).join(', ')}`,
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
