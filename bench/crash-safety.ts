/**
 * Crash safety (issue 7): kills the server with SIGKILL in the middle of a burst of score
 * writes, restarts it on the same SQLite file, and checks that
 *   1. every write that got a 2xx is in the database with the acknowledged value,
 *   2. SQLite's `PRAGMA integrity_check` says ok,
 *   3. the audit hash chain verifies.
 * Durability comes from WAL with synchronous=FULL (docs/DESIGN.md, "Durability").
 *
 *   npx ts-node --transpile-only bench/crash-safety.ts      (exit code 1 on any failure)
 * Also a bench scenario (`npm run bench -- crash`). Loopback only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from 'sqlite3';
import { client, startServer, type ServerProcess } from './lib/server-process';

const ADMIN = { email: 'crash-admin@bench.local', password: 'crash-admin-password' };
const PASSWORD = 'crash-test-password';
const PANELISTS = 12;
const BIDS = 4;
const CRITERIA = ['Q1', 'C1'];
const PORT = 39_000 + Math.floor(Math.random() * 500);

export interface CrashReport {
  acknowledged: number;
  present: number;
  missing: string[];
  integrity: string;
  auditOk: boolean;
  auditBroken: unknown[];
  inFlightAtKill: number;
}

/**
 * A tender in scoring on a running server, through its API: published, BIDS bids submitted,
 * closed at its deadline (about 8 s away), and `panelists` panel members who have declared no
 * conflict. `prefix` keeps the accounts of several such tenders on one server apart.
 */
export async function tenderInScoring(
  server: ServerProcess,
  options: { admin?: { email: string; password: string }; prefix?: string; panelists?: number } = {},
): Promise<{ tenderId: string; panel: { token: string }[]; bidIds: string[] }> {
  const call = client(server.url);
  const prefix = options.prefix ?? '';
  const admin = (await call('POST', '/auth/login', undefined, options.admin ?? ADMIN)).body.accessToken as string;
  const account = async (role: string, i: number) => {
    const email = `${prefix}${role}${i}@bench.local`;
    const body: Record<string, unknown> = { email, name: `${role} ${i}`, role, password: PASSWORD };
    if (role === 'bidder') Object.assign(body, { organisationName: `${prefix}Org ${i}`, organisationType: 'vcse' });
    const created = await call('POST', '/users', admin, body);
    if (created.status !== 201) throw new Error(`create ${role}: ${created.status} ${JSON.stringify(created.body)}`);
    const token = (await call('POST', '/auth/login', undefined, { email, password: PASSWORD })).body.accessToken as string;
    return { id: created.body.id as string, token };
  };
  const owner = await account('commissioner', 0);
  const deadline = new Date(Date.now() + 8_000).toISOString();
  const tender = await call('POST', '/tenders', owner.token, {
    reference: `CRASH-${prefix}${Date.now()}`,
    title: 'Crash safety',
    bidDeadline: deadline,
    minScorers: 1,
  });
  const tenderId = tender.body.id as string;
  for (const criterion of [
    { code: 'Q1', title: 'Quality', kind: 'scored', category: 'quality', weight: 40 },
    { code: 'C1', title: 'Co-production', kind: 'scored', category: 'co_production', weight: 30 },
    { code: 'P', title: 'Price', kind: 'price', category: 'price', weight: 30 },
  ]) {
    const created = await call('POST', `/tenders/${tenderId}/criteria`, owner.token, criterion);
    if (created.status !== 201) throw new Error(`criterion: ${created.status} ${JSON.stringify(created.body)}`);
  }
  if ((await call('POST', `/tenders/${tenderId}/publish`, owner.token)).status !== 200) throw new Error('publish failed');
  const bidIds: string[] = [];
  for (let i = 0; i < BIDS; i++) {
    const bidder = await account('bidder', i);
    const bid = await call('POST', `/tenders/${tenderId}/bids`, bidder.token, {
      bidderName: `Org ${i}`,
      price: 100_000 + i * 5_000,
      responses: CRITERIA.map((criterion) => ({ criterion, text: `Our answer on ${criterion}.` })),
    });
    if (bid.status !== 201) throw new Error(`bid: ${bid.status} ${JSON.stringify(bid.body)}`);
    if ((await call('POST', `/tenders/${tenderId}/bids/${bid.body.id}/submit`, bidder.token)).status !== 200)
      throw new Error('submit failed');
    bidIds.push(bid.body.id as string);
  }
  const panel: { token: string }[] = [];
  for (let i = 0; i < (options.panelists ?? PANELISTS); i++) {
    const panelist = await account('panelist', i);
    const member = await call('POST', `/tenders/${tenderId}/panel`, owner.token, {
      userId: panelist.id,
      group: i % 2 === 0 ? 'lived_experience' : 'professional',
    });
    if (member.status !== 201) throw new Error(`panel: ${member.status} ${JSON.stringify(member.body)}`);
    panel.push(panelist);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(deadline).getTime() - Date.now() + 200)));
  const closed = await call('POST', `/tenders/${tenderId}/close`, owner.token);
  if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
  for (const member of panel) {
    for (const bidId of bidIds) {
      const declared = await call('PUT', `/tenders/${tenderId}/declarations/${bidId}`, member.token, { conflict: false });
      if (declared.status >= 300) throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
    }
  }
  return { tenderId, panel, bidIds };
}

export async function runCrashSafety(): Promise<CrashReport> {
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  const file = join(dir, 'crash.sqlite');
  const env = {
    DATABASE_URL: `sqlite:${file}`,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'crash-safety-secret-0123456789abcdef',
  };
  let server = await startServer(env, PORT);
  try {
    const { tenderId, panel, bidIds } = await tenderInScoring(server);
    const call = client(server.url);
    // Every (panelist, bid, criterion) cell is written once, with a unique rationale.
    const cells = panel.flatMap((member, m) =>
      bidIds.flatMap((bidId, b) => CRITERIA.map((criterion, c) => ({ member, m, bidId, b, criterion, c }))),
    );
    const acknowledged = new Map<string, { score: number; rationale: string }>();
    let inFlight = 0;
    let refusal = '';
    let killed = false;
    const writers = cells.map(async (cell, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 4)); // a steady burst
      if (killed) return;
      const score = (cell.m + cell.b + cell.c) % 6;
      const rationale = `cell ${cell.m}/${cell.b}/${cell.criterion} nonce ${index}`;
      inFlight++;
      try {
        const response = await call(
          'PUT',
          `/tenders/${tenderId}/bids/${cell.bidId}/scores/${cell.criterion}`,
          cell.member.token,
          { score, rationale },
        );
        if (response.status >= 200 && response.status < 300) acknowledged.set(rationale, { score, rationale });
        else if (!refusal) refusal = `${response.status} ${JSON.stringify(response.body)}`;
      } catch {
        /* connection cut by the kill: not acknowledged, may or may not be stored */
      } finally {
        inFlight--;
      }
    });
    // Kill in the middle of the burst: once a third of the writes are acknowledged.
    const started = Date.now();
    while (acknowledged.size < cells.length / 3 && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const inFlightAtKill = inFlight;
    killed = true;
    await server.kill();
    await Promise.all(writers);

    if (refusal) throw new Error(`a score write was refused, not cut off: ${refusal}`);
    const integrity = await sqlite(file, 'PRAGMA integrity_check');
    const stored = (await sqliteAll(file, 'SELECT score, rationale FROM individual_scores')) as {
      score: number;
      rationale: string;
    }[];
    const byRationale = new Map(stored.map((row) => [row.rationale, row.score]));
    const missing = [...acknowledged.values()].filter((w) => byRationale.get(w.rationale) !== w.score).map((w) => w.rationale);

    server = await startServer(env, PORT);
    const admin = (await client(server.url)('POST', '/auth/login', undefined, ADMIN)).body.accessToken as string;
    const audit = await client(server.url)('GET', '/audit/verify', admin);
    return {
      acknowledged: acknowledged.size,
      present: acknowledged.size - missing.length,
      missing,
      integrity: String(integrity),
      auditOk: audit.body.ok === true,
      auditBroken: audit.body.broken,
      inFlightAtKill,
    };
  } finally {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

function sqliteAll(file: string, sql: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const db = new Database(file, (openError) => {
      if (openError) return reject(openError);
      db.all(sql, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows))));
    });
  });
}

async function sqlite(file: string, sql: string): Promise<unknown> {
  const rows = (await sqliteAll(file, sql)) as Record<string, unknown>[];
  return Object.values(rows[0] ?? {})[0];
}

export async function benchCrashSafety() {
  const report = await runCrashSafety();
  return [
    {
      name: 'crash safety (SQLite, SIGKILL mid-burst)',
      metric: 'score writes acknowledged before the kill',
      value: report.acknowledged,
      unit: 'writes',
      target: '',
    },
    {
      name: 'crash safety (SQLite, SIGKILL mid-burst)',
      metric: 'requests in flight at the kill',
      value: report.inFlightAtKill,
      unit: 'requests',
      target: '',
    },
    {
      name: 'crash safety (SQLite, SIGKILL mid-burst)',
      metric: 'acknowledged writes missing after restart',
      value: report.missing.length,
      unit: 'writes',
      target: '0',
    },
    {
      name: 'crash safety (SQLite, SIGKILL mid-burst)',
      metric: 'PRAGMA integrity_check is ok (1 = yes)',
      value: report.integrity === 'ok' ? 1 : 0,
      unit: '',
      target: '1',
    },
    {
      name: 'crash safety (SQLite, SIGKILL mid-burst)',
      metric: 'audit chain verifies after restart (1 = yes)',
      value: report.auditOk ? 1 : 0,
      unit: '',
      target: '1',
    },
  ];
}

if (require.main === module) {
  runCrashSafety()
    .then((report) => {
      console.log(JSON.stringify({ ...report, missing: report.missing.slice(0, 10) }, null, 2));
      const ok = report.missing.length === 0 && report.integrity === 'ok' && report.auditOk && report.acknowledged > 0;
      console.log(ok ? 'CRASH SAFETY: OK' : 'CRASH SAFETY: FAILED');
      process.exit(ok ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
