/**
 * More instances help (issue 19, part 3): score saves spread over several tenders, served by
 * one app instance and then by two instances on the same PostgreSQL database (PostgreSQL's
 * default durability, bench/lib/postgres.ts). Each tender has its own audit chain, so saves on
 * different tenders never wait on one chain head; this bench is the check that a second
 * instance then adds throughput.
 *
 * Set-up (not timed): instance A starts (`src/main.ts` as its own process, as
 * bench/crash-safety.ts runs it) and TENDERS tenders are put into scoring through its API
 * (bench/crash-safety.ts `tenderInScoring`), each with PANELISTS panel members.
 * Then, with the same CONNECTIONS in total:
 *   1. one instance: autocannon, CONNECTIONS connections to A, DURATION_S seconds;
 *   2. two instances: instance B starts on the same database; two autocannon runs at once,
 *      CONNECTIONS / 2 connections each, to A and to B.
 * Every request saves a draft score with a rationale of its own, on the next cell (panelist,
 * bid, criterion) of the next tender in turn. Afterwards, checked, not assumed: every save
 * acknowledged with a 2xx is in the database (its `score.saved` audit event carries that
 * rationale), no request failed, and `GET /api/audit/verify` finds every chain intact.
 *
 * The machine matters: on 2 cores the two instances, PostgreSQL and the load generator share
 * two cores, so the ratio shows what a second process can add where CPU, not the chain head,
 * is the limit. The metric text carries the core count.
 *
 *   npx ts-node --transpile-only bench/instances.bench.ts
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { tenderInScoring } from './crash-safety';
import { notMeasured, onPostgres } from './lib/postgres';
import { client, startServer, type ServerProcess } from './lib/server-process';

const SCENARIO = 'more instances (PostgreSQL)';
const TENDERS = 4;
const PANELISTS = 6;
const CRITERIA = ['Q1', 'C1'];
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.THROUGHPUT_SECONDS ?? 10);
const RATIO_TARGET = 1.6;
const ADMIN = { email: 'instances-admin@bench.local', password: 'instances-admin-password' };

interface Figure {
  name: string;
  metric: string;
  value: number;
  unit: string;
  target: string;
  met?: boolean;
}

interface Cell {
  tenderId: string;
  bidId: string;
  criterion: string;
  token: string;
}

interface Load {
  requestsPerSecond: number;
  p99: number;
  failed: number;
  acknowledged: string[];
}

/** The cells of every tender, interleaved so that consecutive saves go to different tenders. */
function interleave(tenders: { tenderId: string; panel: { token: string }[]; bidIds: string[] }[]): Cell[] {
  const perTender = tenders.map((tender) =>
    tender.panel.flatMap((member) =>
      tender.bidIds.flatMap((bidId) =>
        CRITERIA.map((criterion) => ({ tenderId: tender.tenderId, bidId, criterion, token: member.token })),
      ),
    ),
  );
  const cells: Cell[] = [];
  for (let i = 0; i < Math.max(...perTender.map((list) => list.length)); i++) {
    for (const list of perTender) if (i < list.length) cells.push(list[i]);
  }
  return cells;
}

/** Saves against `url` for DURATION_S; `next` hands out the cells and the unique rationales across runs fired at once. */
async function fire(url: string, connections: number, next: () => { cell: Cell; rationale: string }): Promise<Load> {
  const acknowledged: string[] = [];
  let failed = 0;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_S,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request, context) => {
          const { cell, rationale } = next();
          (context as { rationale?: string }).rationale = rationale;
          return {
            ...request,
            path: `/api/tenders/${cell.tenderId}/bids/${cell.bidId}/scores/${cell.criterion}`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${cell.token}` },
            body: JSON.stringify({ score: rationale.length % 6, rationale }),
          };
        },
        onResponse: (status, _body, context) => {
          if (status >= 200 && status < 300) acknowledged.push((context as { rationale: string }).rationale);
          else failed++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    failed: failed + result.errors + result.timeouts,
    acknowledged,
  };
}

/** Rationales of every `score.saved` event in the database. */
async function savedRationales(databaseUrl: string): Promise<Set<string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows = (await db.query<{ after: string }>(`SELECT "after" FROM audit_events WHERE action = 'score.saved'`)).rows;
    return new Set(rows.map((row) => (JSON.parse(row.after) as { rationale: string }).rationale));
  } finally {
    await db.end();
  }
}

async function measure(databaseUrl: string, label: string): Promise<Figure[]> {
  const env = {
    DATABASE_URL: databaseUrl,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'instances-bench-secret-0123456789abcdef',
  };
  const port = 40_000 + (process.pid % 500) * 2;
  const servers: ServerProcess[] = [];
  try {
    servers.push(await startServer(env, port));
    const tenders = await Promise.all(
      Array.from({ length: TENDERS }, (_, i) =>
        tenderInScoring(servers[0], { admin: ADMIN, prefix: `t${i}-`, panelists: PANELISTS }),
      ),
    );
    const cells = interleave(tenders);
    let counter = 0;
    const next = () => {
      const n = counter++;
      return { cell: cells[n % cells.length], rationale: `Save ${n}: evidence seen in the answer.` };
    };
    const one = await fire(servers[0].url, CONNECTIONS, next);
    servers.push(await startServer(env, port + 1));
    const both = await Promise.all(servers.map((server) => fire(server.url, CONNECTIONS / 2, next)));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the last answers in flight

    const stored = await savedRationales(databaseUrl);
    const acknowledged = [...one.acknowledged, ...both.flatMap((load) => load.acknowledged)];
    const missing = acknowledged.filter((rationale) => !stored.has(rationale)).length;
    const admin = (await client(servers[0].url)('POST', '/auth/login', undefined, ADMIN)).body.accessToken as string;
    const verified = (await client(servers[0].url)('GET', '/audit/verify', admin)).body as { ok: boolean; chains: unknown[] };
    const twoRps = both.reduce((sum, load) => sum + load.requestsPerSecond, 0);
    const ratio = Math.round((twoRps / one.requestsPerSecond) * 100) / 100;
    const failed = one.failed + both.reduce((sum, load) => sum + load.failed, 0);
    const setting = `${TENDERS} tenders, ${CONNECTIONS} connections in all, ${DURATION_S} s, ${label}, ${cpus().length} CPU cores`;
    const figure = (metric: string, value: number, unit: string, target = '', met?: boolean): Figure => ({
      name: SCENARIO,
      metric,
      value,
      unit,
      target,
      ...(met === undefined ? {} : { met }),
    });
    return [
      figure(`score saves/s, one instance, ${setting}`, Math.round(one.requestsPerSecond), 'req/s'),
      figure('score saves/s, two instances on the same database (the two added)', Math.round(twoRps), 'req/s'),
      figure('two instances ÷ one', ratio, '×', `≥ ${RATIO_TARGET} ×`, ratio >= RATIO_TARGET),
      figure('latency p99, one instance', one.p99, 'ms'),
      figure('latency p99, two instances (the slower)', Math.max(...both.map((load) => load.p99)), 'ms'),
      figure('failed requests (errors, timeouts, non-2xx)', failed, 'requests', '0', failed === 0),
      figure(
        `acknowledged saves missing from the database afterwards (of ${acknowledged.length})`,
        missing,
        'saves',
        '0',
        missing === 0,
      ),
      figure(
        `audit chains failing GET /api/audit/verify (of ${verified.chains?.length ?? 0})`,
        verified.ok ? 0 : 1,
        'chains',
        '0',
        verified.ok,
      ),
    ];
  } finally {
    for (const server of servers) await server.stop();
  }
}

export async function benchInstances(): Promise<Figure[]> {
  const figures = await onPostgres((database) => measure(database.url, database.label));
  return figures ?? [notMeasured(SCENARIO)];
}

if (require.main === module) {
  benchInstances().then(
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
