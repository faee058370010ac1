/**
 * Evaluation-matrix export of a large tender: 200 bids × 60 criteria × 12 panelists
 * (144 000 individual scores with rationales, ~6 000 moderated scores), seeded by
 * bench/seed-large-tender.ts (not timed) into a temporary SQLite FILE and, when PostgreSQL
 * can be started here, into a fresh database of a local PostgreSQL cluster
 * (bench/lib/postgres.ts: PostgreSQL's default durability, fsync on). The service is then
 * built (`nest build`, as `npm start` does) and runs as its own process, `node
 * dist/main.js`, and the workbook is downloaded over HTTP on 127.0.0.1: timed end to end,
 * from the request to the last byte. Memory: the server's peak resident set (VmHWM in
 * /proc/<pid>/status), reset just before each request (`echo 5 > /proc/<pid>/clear_refs`)
 * so it is the peak while serving that export. Runs the export three times in a row and
 * reports the slowest and the highest (a server keeps memory it has used: the first
 * export is the lowest). The server runs as `npm start` runs it, with MALLOC_ARENA_MAX=2;
 * on SQLite the three exports are made again without it (glibc's default arenas), for
 * context. The last download is checked to be on the audit trail with its SHA-256.
 * The same targets apply to both databases. On PostgreSQL only the main run is made (three
 * exports, no run without MALLOC_ARENA_MAX), to keep `npm run bench` short; the metric text says so.
 *
 * Run alone: npx ts-node --transpile-only bench/export.bench.ts
 * To time SQLite again without seeding again (about 30 s), seed once and point at the file
 * (PostgreSQL is still seeded afresh):
 *   npx ts-node --transpile-only bench/seed-large-tender.ts sqlite:/tmp/large.sqlite
 *   EXPORT_BENCH_DATABASE=/tmp/large.sqlite npx ts-node --transpile-only bench/export.bench.ts
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn, execFileSync } from 'node:child_process';
import { notMeasured, onPostgres } from './lib/postgres';
import { startServer, type ServerProcess } from './lib/server-process';
import { LARGE, seedLargeTender, type SeededTender } from './seed-large-tender';

export interface ExportFigure {
  name: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
}

const SCENARIO = 'evaluation matrix export';
const RUNS = 3;
const TIME_TARGET_S = 10;
const RSS_TARGET_MB = 400;
const FLOOR_RATIO_TARGET = 1.5;

/** The environment `npm start` gives the service (package.json) that matters here. */
const AS_NPM_START = { MALLOC_ARENA_MAX: '2' };

interface Measured {
  times: number[];
  peaks: number[];
  idleMb: number;
  bytes: number;
  /** The last workbook the service sent, kept for the floor. */
  workbook: Buffer;
}

/** exceljs alone writing the same cells (bench/lib/raw-exceljs-floor.ts), in seconds per run. */
interface Floor {
  seconds: number[];
  cells: number;
  rows: number;
  sheets: number;
  peakMb: number;
}

export async function benchExport(): Promise<ExportFigure[]> {
  build();
  const figures: ExportFigure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'tender-scorer-export-'));
  try {
    const reuse = process.env.EXPORT_BENCH_DATABASE;
    const seeded =
      reuse && existsSync(reuse) ? await alreadySeeded(reuse) : await seedLargeTender(`sqlite:${join(dir, 'large.sqlite')}`);
    // glibc gives each thread-pool thread (SQLite, zlib) its own malloc arena and keeps
    // what they freed; `npm start` caps them at two (package.json), as many Node servers do.
    // The run without the cap is measured for context.
    const main = await measure(seeded, AS_NPM_START);
    const floor = rawExceljsFloor(main.workbook, dir);
    const uncapped = await measure(seeded, { MALLOC_ARENA_MAX: '' });
    figures.push(...report('SQLite', 'SQLite file', seeded, main, uncapped, floor));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await onPostgres(async (database) => {
    const seeded = await seedLargeTender(database.url);
    const main = await measure(seeded, AS_NPM_START);
    const scratch = mkdtempSync(join(tmpdir(), 'tender-scorer-export-pg-'));
    try {
      const floor = rawExceljsFloor(main.workbook, scratch);
      return report('PostgreSQL', `${database.label}; main run only`, seeded, main, null, floor);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  figures.push(...(postgres ?? [notMeasured(`${SCENARIO} (PostgreSQL)`)]));
  return figures;
}

/** The figures of one database; `uncapped` (the run without MALLOC_ARENA_MAX) when it was made. */
function report(
  db: 'SQLite' | 'PostgreSQL',
  label: string,
  seeded: SeededTender,
  plain: Measured,
  uncapped: Measured | null,
  floor: Floor,
): ExportFigure[] {
  const size = `${LARGE.bids} bids × ${LARGE.sections * LARGE.leavesPerSection} criteria × ${LARGE.panelists} panelists (${seeded.counts.scores} scores${Number.isNaN(seeded.counts.moderated) ? '' : `, ${seeded.counts.moderated} moderated`})`;
  const round = (value: number) => Math.round(value * 100) / 100;
  const figure = (metric: string, value: number, unit: string, target = ''): ExportFigure => ({
    name: `${SCENARIO} (${db})`,
    metric,
    value,
    unit,
    target,
  });
  return [
    figure(
      `GET evaluation-matrix.xlsx end to end over HTTP, slowest of ${RUNS}, ${size}, ${label}, run as npm start runs it (MALLOC_ARENA_MAX=2)`,
      round(Math.max(...plain.times)),
      's',
      `< ${TIME_TARGET_S} s`,
    ),
    figure(`same, fastest of ${RUNS}`, round(Math.min(...plain.times)), 's'),
    figure(
      'server peak RSS while exporting (VmHWM reset before each request), first export',
      Math.round(plain.peaks[0]),
      'MB',
      `< ${RSS_TARGET_MB} MB`,
    ),
    figure(
      `server peak RSS while exporting, highest of ${RUNS} exports in a row`,
      Math.round(Math.max(...plain.peaks)),
      'MB',
      `< ${RSS_TARGET_MB} MB`,
    ),
    figure('server RSS before the first export (idle, after start-up)', Math.round(plain.idleMb), 'MB'),
    ...(uncapped
      ? [
          figure(
            `without MALLOC_ARENA_MAX (glibc's default arenas), for context: slowest of ${RUNS}`,
            round(Math.max(...uncapped.times)),
            's',
          ),
          figure(`without MALLOC_ARENA_MAX: server peak RSS, highest of ${RUNS}`, Math.round(Math.max(...uncapped.peaks)), 'MB'),
        ]
      : []),
    figure('workbook size', round(plain.bytes / 2 ** 20), 'MiB'),
    figure(
      `floor: exceljs's streaming writer alone writing the same ${floor.cells} cells (${floor.rows} rows, ${floor.sheets} sheets, values, formulas and styles) to a file, in a process of its own, slowest of ${floor.seconds.length}`,
      round(Math.max(...floor.seconds)),
      's',
    ),
    figure(
      'export ÷ floor: slowest export end to end over HTTP (reading the tender, evaluating, writing) ÷ slowest floor write',
      round(Math.max(...plain.times) / Math.max(...floor.seconds)),
      '×',
      `≤ ${FLOOR_RATIO_TARGET} ×`,
    ),
    figure('export ÷ floor, fastest ÷ fastest', round(Math.min(...plain.times) / Math.min(...floor.seconds)), '×'),
  ];
}

/** Starts the built server with `env`, downloads the workbook RUNS times, and checks the last download is on the audit trail. */
async function measure(seeded: SeededTender, env: Record<string, string>): Promise<Measured> {
  const server = await startBuiltServer(
    { ...env, NODE_ENV: 'test', DATABASE_URL: seeded.databaseUrl, JWT_SECRET: seeded.jwtSecret },
    39_000 + (process.pid % 1000),
  );
  try {
    const pid = server.child.pid!;
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(seeded.commissioner),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const measured: Measured = { times: [], peaks: [], idleMb: memory(pid).rss, bytes: 0, workbook: Buffer.alloc(0) };
    let digest = '';
    for (let run = 0; run < RUNS; run++) {
      writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
      const started = performance.now();
      const response = await fetch(`${server.url}/api/tenders/${seeded.tenderId}/exports/evaluation-matrix.xlsx`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      const body = Buffer.from(await response.arrayBuffer());
      measured.times.push((performance.now() - started) / 1000);
      measured.peaks.push(memory(pid).hwm);
      if (process.env.EXPORT_BENCH_VERBOSE) {
        const settings = Object.entries(env)
          .map(([key, value]) => `${key}=${value} `)
          .join('');
        console.log(
          `${settings}run ${run + 1}: ${measured.times[run].toFixed(2)} s, peak ${Math.round(measured.peaks[run])} MB, RSS after ${Math.round(memory(pid).rss)} MB`,
        );
      }
      if (response.status !== 200) throw new Error(`export answered ${response.status}: ${body.toString().slice(0, 500)}`);
      if (body.subarray(0, 2).toString() !== 'PK') throw new Error('export is not a zip (xlsx) file');
      measured.bytes = body.length;
      measured.workbook = body;
      digest = createHash('sha256').update(body).digest('hex');
    }
    const audited = await fetch(`${server.url}/api/tenders/${seeded.tenderId}/audit`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    const events = (await audited.json()) as { action: string; after: { sha256?: string } | null }[];
    if (!events.some((event) => event.action === 'export.downloaded' && event.after?.sha256 === digest)) {
      throw new Error('the download is not on the audit trail with its SHA-256');
    }
    return measured;
  } finally {
    await server.stop();
  }
}

/**
 * The floor of the export: bench/lib/raw-exceljs-floor.ts reads `workbook` back (not timed)
 * and writes its cells RUNS times with exceljs alone, in a child process so that neither
 * this process's heap nor the server's shares its memory. Run while no server is running.
 */
function rawExceljsFloor(workbook: Buffer, dir: string): Floor {
  const path = join(dir, 'service-workbook.xlsx');
  writeFileSync(path, workbook);
  const output = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'lib', 'raw-exceljs-floor.ts'), path, String(RUNS)],
    { cwd: join(__dirname, '..'), encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, ...AS_NPM_START } },
  );
  return JSON.parse(output.trim().split('\n').pop()!) as Floor;
}

/** `nest build`: the service as `npm start` runs it. */
function build(): void {
  execFileSync('npx', ['--no-install', 'nest', 'build'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
}

/** `node dist/main.js` (built by `build()`): the service as it runs in production. */
async function startBuiltServer(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const root = join(__dirname, '..');
  // EXPORT_BENCH_SERVER_FLAGS (e.g. --max-old-space-size=256) tries a deployment setting on the server only.
  const flags = (process.env.EXPORT_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, join(root, 'dist', 'main.js')], {
    cwd: root,
    // A variable given as '' is removed (the run without MALLOC_ARENA_MAX).
    env: Object.fromEntries(
      Object.entries({ ...process.env, ...env, PORT: String(port), TZ: 'UTC' }).filter(([, value]) => value !== ''),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ;) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${log}`);
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`server did not start within 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return { child, url, output: () => log, kill: stop, stop };
}

/** A file seeded earlier by seed-large-tender.ts: the same accounts, the tender found by its reference. */
async function alreadySeeded(path: string): Promise<SeededTender> {
  const { databaseUrl, jwtSecret } = { databaseUrl: `sqlite:${path}`, jwtSecret: randomBytes(32).toString('hex') };
  const server = await startServer(
    { NODE_ENV: 'test', DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret },
    38_000 + (process.pid % 1000),
  );
  try {
    const commissioner = { email: 'commissioner@bench.local', password: 'bench-password-123' };
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(commissioner),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const tenders = (await (
      await fetch(`${server.url}/api/tenders`, { headers: { Authorization: `Bearer ${accessToken}` } })
    ).json()) as { id: string; reference: string }[];
    const tender = tenders.find((candidate) => candidate.reference.startsWith('BENCH-LARGE-200'));
    if (!tender) throw new Error(`${path} holds no BENCH-LARGE-200 tender`);
    return {
      databaseUrl,
      jwtSecret,
      tenderId: tender.id,
      commissioner,
      counts: { bids: LARGE.bids, criteria: 60, scores: 144_000, moderated: Number.NaN },
    };
  } finally {
    await server.stop();
  }
}

/** Resident set now and its peak (since start or the last clear_refs), in MB. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kilobytes('VmRSS') / 1024, hwm: kilobytes('VmHWM') / 1024 };
}

if (require.main === module) {
  benchExport().then(
    (figures) =>
      figures.forEach((f) =>
        console.log(`${f.name}: ${f.metric}: ${f.value} ${f.unit}${f.target ? ` (target ${f.target})` : ''}`),
      ),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
