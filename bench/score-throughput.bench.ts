/**
 * Score-write throughput (issue 7): autocannon on 127.0.0.1 against `PUT …/scores/:criterion`
 * (a panelist saving a draft score: auth, access and declaration checks, validation, one
 * transaction with the audit row), beside a bare NestJS endpoint measured in the same run with
 * the same load. The ratio is the figure to compare across runs on a noisy machine.
 * Runs on SQLite (a file, WAL, synchronous=FULL) and, when PostgreSQL can be started here,
 * on a fresh database of a local PostgreSQL cluster with PostgreSQL's default durability
 * (fsync and synchronous_commit on; bench/lib/postgres.ts).
 *
 *   npx ts-node --transpile-only bench/score-throughput.bench.ts
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Module, Param, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../test/app';
import { countStatements } from '../test/statements';
import { notMeasured, onPostgres } from './lib/postgres';
import {
  addPanelist,
  declare,
  LIVED_CODES,
  panelTenderInEvaluation,
  PROFESSIONAL_CODES,
  type Panelist,
  type PanelWorld,
} from '../test/steps';

const DURATION_S = Number(process.env.THROUGHPUT_SECONDS ?? 10);
const CONNECTIONS = 20;
const PANELISTS = 20;
const DRAIN_MS = 3000;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** Statements a save may issue: 17 before the scoring path was trimmed (2026-12); PostgreSQL appends the audit event and moves the chain head in one. */
const STATEMENT_BUDGET: Record<string, number> = { SQLite: 13, PostgreSQL: 12 };

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
      {
        method: 'PUT',
        path: '/bare/1',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ score: 3, rationale: 'Clear evidence.' }),
      },
    ]);
  } finally {
    await app.close();
  }
}

/**
 * SQL statements one score save issues (the auth lookup, BEGIN and COMMIT included), counted
 * through TypeORM's logger on a first save and on a change of it. The cost of a save is
 * mostly per statement (a round trip, a query build, a socket write), so this is the
 * figure to watch when the scoring path changes.
 */
async function statementsPerSave(t: TestApp, world: PanelWorld, member: Panelist): Promise<{ first: number; change: number }> {
  const dataSource = t.app.get(DataSource);
  const save = async (score: number) =>
    (
      await countStatements(dataSource, () =>
        t
          .http()
          .put(`/api/tenders/${world.tenderId}/bids/${world.bidIds[0]}/scores/${LIVED_CODES[0]}`)
          .set('Authorization', `Bearer ${member.token}`)
          .send({ score, rationale: 'Counted save.' })
          .expect(200),
      )
    ).statements;
  return { first: await save(2), change: await save(3) };
}

async function scores(databaseUrl: string): Promise<Load & { statements: { first: number; change: number } }> {
  const t: TestApp = await createTestApp({ databaseUrl });
  try {
    const world = await panelTenderInEvaluation(t, { bidders: ['Mind in Camden', 'Certitude', 'Look Ahead'] });
    const panel: Panelist[] = [];
    for (let i = 0; i < PANELISTS; i++)
      panel.push(await addPanelist(t, world, i % 2 === 0 ? 'lived_experience' : 'professional'));
    for (const member of panel) await declare(t, world.tenderId, member, world.bidIds);
    const statements = await statementsPerSave(t, world, panel[0]);
    const cells = panel.flatMap((member) =>
      world.bidIds.flatMap((bidId) =>
        (member.group === 'lived_experience' ? LIVED_CODES : PROFESSIONAL_CODES).map((code) => ({ member, bidId, code })),
      ),
    );
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    let next = 0;
    const load = await fire(`http://127.0.0.1:${port}`, [
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
    // autocannon stops at the deadline with requests still being served: let them finish
    // (p99 is about a second) before the app closes its database under them.
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
    return { ...load, statements };
  } finally {
    await t.close();
  }
}

export async function benchScoreThroughput() {
  const figures: { name: string; metric: string; value: number; unit: string; target: string; met?: boolean }[] = [];
  const baseline = await bare();
  const add = (db: string, label: string, load: Load & { statements: { first: number; change: number } }) => {
    const name = `score writes (${db})`;
    const budget = STATEMENT_BUDGET[db];
    figures.push(
      {
        name,
        metric: 'SQL statements per save: a first save, a change (auth, BEGIN and COMMIT included)',
        value: Math.max(load.statements.first, load.statements.change),
        unit: 'statements',
        target: `at most ${budget}`,
        met: load.statements.first <= budget && load.statements.change <= budget,
      },
      {
        name,
        metric: `requests/s, ${CONNECTIONS} connections, ${DURATION_S} s, ${label}`,
        value: Math.round(load.requestsPerSecond),
        unit: 'req/s',
        target: '',
      },
      { name, metric: 'latency p50', value: load.p50, unit: 'ms', target: '' },
      { name, metric: 'latency p99', value: load.p99, unit: 'ms', target: '' },
      { name, metric: 'errors and non-2xx answers', value: load.errors + load.non2xx, unit: 'requests', target: '0' },
      {
        name,
        metric: 'throughput as a share of the bare NestJS endpoint',
        value: Math.round((load.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 10,
        unit: '%',
        target: '',
      },
    );
  };
  figures.push(
    {
      name: 'bare NestJS endpoint (baseline)',
      metric: `requests/s, ${CONNECTIONS} connections, ${DURATION_S} s`,
      value: Math.round(baseline.requestsPerSecond),
      unit: 'req/s',
      target: '',
    },
    { name: 'bare NestJS endpoint (baseline)', metric: 'latency p99', value: baseline.p99, unit: 'ms', target: '' },
  );
  const dir = mkdtempSync(join(tmpdir(), 'throughput-'));
  try {
    add('SQLite', 'SQLite file', await scores(`sqlite:${join(dir, 'bench.sqlite')}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = await onPostgres(async (database) => ({ label: database.label, load: await scores(database.url) }));
  if (pg) add('PostgreSQL', pg.label, pg.load);
  else figures.push(notMeasured('score writes (PostgreSQL)'));
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
