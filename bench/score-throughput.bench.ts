/**
 * Score-write throughput (issue 7): autocannon on 127.0.0.1 against `PUT …/scores/:criterion`
 * (a panelist saving a draft score: auth, access and declaration checks, validation, one
 * transaction with the audit row), beside a bare NestJS endpoint measured in the same run with
 * the same load. The ratio is the figure to compare across runs on a noisy machine.
 * Runs on SQLite (a file, WAL, synchronous=FULL) and, when PostgreSQL can be started here
 * (scripts/pg.sh), on PostgreSQL.
 *
 *   npx ts-node --transpile-only bench/score-throughput.bench.ts
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Module, Param, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { createTestApp, type TestApp } from '../test/app';
import { addPanelist, declareAll, LIVED_CODES, panelTenderInEvaluation, PROFESSIONAL_CODES, type Panelist } from '../test/factories/panel.factory';

const DURATION_S = Number(process.env.THROUGHPUT_SECONDS ?? 10);
const CONNECTIONS = 20;
const PANELISTS = 20;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

async function fire(url: string, requests: autocannon.Request[]): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

@Controller()
class BareController {
  @Put('bare/:id')
  echo(@Param('id') id: string, @Body() body: { score: number; rationale: string }) {
    return { id, ...body };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function bare(): Promise<Load> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  try {
    return await fire(`http://127.0.0.1:${port}`, [
      { method: 'PUT', path: '/bare/1', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ score: 3, rationale: 'Clear evidence.' }) },
    ]);
  } finally {
    await app.close();
  }
}

async function scores(databaseUrl: string): Promise<Load> {
  const t: TestApp = await createTestApp({ databaseUrl });
  try {
    const world = await panelTenderInEvaluation(t, { bidders: ['Mind in Camden', 'Certitude', 'Look Ahead'] });
    const panel: Panelist[] = [];
    for (let i = 0; i < PANELISTS; i++) panel.push(await addPanelist(t, world, i % 2 === 0 ? 'lived_experience' : 'professional'));
    for (const member of panel) await declareAll(t, world, member);
    const cells = panel.flatMap((member) =>
      world.bidIds.flatMap((bidId) => (member.group === 'lived_experience' ? LIVED_CODES : PROFESSIONAL_CODES).map((code) => ({ member, bidId, code }))),
    );
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    let next = 0;
    return await fire(`http://127.0.0.1:${port}`, [
      {
        method: 'PUT',
        setupRequest: (request) => {
          const cell = cells[next++ % cells.length];
          return {
            ...request,
            path: `/api/tenders/${world.tenderId}/bids/${cell.bidId}/scores/${cell.code}`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${cell.member.token}` },
            body: JSON.stringify({ score: next % 6, rationale: `Draft ${next}: evidence seen in the answer.` }),
          };
        },
      },
    ]);
  } finally {
    await t.close();
  }
}

function startPostgres(): string | null {
  try {
    return execFileSync('bash', ['scripts/pg.sh', 'start'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, PG_TEST_PORT: '54349', PG_TEST_STATE: '.pg-bench' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function stopPostgres(): void {
  execFileSync('bash', ['scripts/pg.sh', 'stop'], { cwd: join(__dirname, '..'), env: { ...process.env, PG_TEST_PORT: '54349', PG_TEST_STATE: '.pg-bench' }, stdio: 'ignore' });
}

export async function benchScoreThroughput() {
  const figures: { name: string; metric: string; value: number; unit: string; target: string }[] = [];
  const baseline = await bare();
  const add = (db: string, load: Load) => {
    const name = `score writes (${db})`;
    figures.push(
      { name, metric: `requests/s, ${CONNECTIONS} connections, ${DURATION_S} s`, value: Math.round(load.requestsPerSecond), unit: 'req/s', target: '' },
      { name, metric: 'latency p50', value: load.p50, unit: 'ms', target: '' },
      { name, metric: 'latency p99', value: load.p99, unit: 'ms', target: '' },
      { name, metric: 'errors and non-2xx answers', value: load.errors + load.non2xx, unit: 'requests', target: '0' },
      { name, metric: 'throughput as a share of the bare NestJS endpoint', value: Math.round((load.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 10, unit: '%', target: '' },
    );
  };
  figures.push(
    { name: 'bare NestJS endpoint (baseline)', metric: `requests/s, ${CONNECTIONS} connections, ${DURATION_S} s`, value: Math.round(baseline.requestsPerSecond), unit: 'req/s', target: '' },
    { name: 'bare NestJS endpoint (baseline)', metric: 'latency p99', value: baseline.p99, unit: 'ms', target: '' },
  );
  const dir = mkdtempSync(join(tmpdir(), 'throughput-'));
  try {
    add('SQLite', await scores(`sqlite:${join(dir, 'bench.sqlite')}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = startPostgres();
  if (pg) {
    try {
      add('PostgreSQL', await scores(pg));
    } finally {
      stopPostgres();
    }
  } else {
    figures.push({ name: 'score writes (PostgreSQL)', metric: 'not measured: PostgreSQL could not be started (scripts/pg.sh)', value: 0, unit: '', target: '' });
  }
  return figures;
}

if (require.main === module) {
  process.env.TZ = 'UTC';
  benchScoreThroughput()
    .then((figures) => {
      for (const f of figures) console.log(`${f.name} — ${f.metric}: ${f.value} ${f.unit}`);
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
