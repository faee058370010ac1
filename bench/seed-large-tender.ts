/**
 * Seeds a large tender in moderation into a database given by its DATABASE_URL — a SQLite
 * FILE (`sqlite:/tmp/large.sqlite`) or an empty PostgreSQL database (`postgres://…`; the app's
 * migrations create the schema on either) — for benchmarks that read a whole evaluation
 * (exports, results): 200 bids × 60 scored criteria × 12 panelists (6 lived
 * experience, 6 professional) = 144 000 submitted individual scores with rationales,
 * about 6 000 moderated scores, gates, declarations (some conflicts) and a commitment per
 * bid. Deterministic (seeded generator).
 *
 * The tender, its criteria and the accounts go through the real API and services (so
 * they are exactly what the app would hold); the bulk records are inserted with the
 * app's own entities in one transaction, because 144 000 scores through HTTP would take
 * longer than anything they are meant to measure. On PostgreSQL the seed ends with the
 * VACUUM ANALYZE autovacuum would have run after such a load (settleAfterBulkLoad). Not timed
 * by the benches.
 *
 *   npx ts-node --transpile-only bench/seed-large-tender.ts sqlite:/tmp/large.sqlite
 *   npx ts-node --transpile-only bench/seed-large-tender.ts postgres://postgres@127.0.0.1:54349/large
 * (a bare path is taken as a SQLite file)
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AuthService } from '../src/sign-in/auth.service';
import { configureApp } from '../src/configure-app';
import { UsersService } from '../src/users/users.service';
import { insertEvaluation, LARGE } from './seed-large-rows';

export { LARGE };

export interface SeededTender {
  databaseUrl: string;
  jwtSecret: string;
  tenderId: string;
  commissioner: { email: string; password: string };
  counts: { bids: number; criteria: number; scores: number; moderated: number };
}

const CATEGORIES = ['quality', 'co_production', 'social_outcome', 'economic_outcome', 'environmental_outcome'] as const;

/** What the API answers on creating a tender or a criterion (the fields used here). */
interface Created {
  id: string;
  code: string;
  scoredBy: string[];
}

/** `databaseUrl`: `sqlite:<file>` or `postgres://…` (an empty database). */
export async function seedLargeTender(databaseUrl: string): Promise<SeededTender> {
  const jwtSecret = randomBytes(32).toString('hex');
  const commissioner = { email: 'commissioner@bench.local', password: 'bench-password-123' };
  const env = {
    NODE_ENV: 'test',
    TZ: 'UTC',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    ADMIN_EMAIL: 'admin@bench.local',
    ADMIN_PASSWORD: 'bench-admin-password-1',
  };
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  const app = configureApp(await NestFactory.create(AppModule, { logger: ['error', 'warn'] }));
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
    const users = app.get(UsersService);
    const owner = await users.create(null, { ...commissioner, name: 'Bench Commissioner', role: 'commissioner' });
    const token = (await app.get(AuthService).sessionFor(owner)).accessToken;
    const call = async (method: string, path: string, body?: unknown): Promise<Created> => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json: unknown = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json as Created;
    };
    const tender = await call('POST', '/tenders', {
      reference: `BENCH-LARGE-200-${Date.now()}`,
      title: 'Large tender: 200 bids, 60 criteria, 12 panelists',
      bidDeadline: new Date(Date.now() + 3_600_000).toISOString(),
      tieBreak: 'quality',
    });
    const leaves: { id: string; code: string; scoredBy: string[] }[] = [];
    for (let s = 0; s < LARGE.sections; s++) {
      const children = Array.from({ length: LARGE.leavesPerSection }, (_, l) => s * LARGE.leavesPerSection + l);
      const weight = (index: number) => (index % 3 === 0 ? 1.34 : 1.33); // 60 leaves share 80 %
      const sectionWeight = Math.round(children.reduce((sum, index) => sum + weight(index) * 100, 0)) / 100;
      await call('POST', `/tenders/${tender.id}/criteria`, {
        code: `S${s + 1}`,
        title: `Section ${s + 1}`,
        kind: 'section',
        weight: sectionWeight,
      });
      for (const index of children) {
        const created = await call('POST', `/tenders/${tender.id}/criteria`, {
          parentId: `S${s + 1}`,
          code: `S${s + 1}.${(index % LARGE.leavesPerSection) + 1}`,
          title: `Question ${index + 1}: how the service achieves outcome ${index + 1}`,
          kind: 'scored',
          category: CATEGORIES[index % CATEGORIES.length],
          weight: weight(index),
          ...(index % 10 === 0 ? { threshold: 1 } : {}),
          ...(index % 2 === 0 ? { groupWeights: { lived_experience: 60, professional: 40 } } : {}),
        });
        leaves.push({ id: created.id, code: created.code, scoredBy: created.scoredBy });
      }
    }
    await call('POST', `/tenders/${tender.id}/criteria`, { code: 'P', title: 'Price', kind: 'price', weight: 20 });
    const gate = await call('POST', `/tenders/${tender.id}/criteria`, {
      code: 'G1',
      title: 'Insurance',
      kind: 'pass_fail',
      weight: 0,
    });
    await call('POST', `/tenders/${tender.id}/publish`);

    const panelUsers: { id: string }[] = [];
    for (let i = 0; i < LARGE.panelists; i++) {
      panelUsers.push(
        await users.create(null, {
          email: `panelist${i + 1}@bench.local`,
          name: `Panelist ${i + 1}`,
          role: 'panelist',
          password: commissioner.password,
        }),
      );
    }
    const counts = await app.get(DataSource).transaction((em) =>
      insertEvaluation(
        em,
        tender.id,
        owner.id,
        panelUsers.map((u) => u.id),
        leaves,
        gate.id,
      ),
    );
    await settleAfterBulkLoad(app.get(DataSource));
    return {
      databaseUrl,
      jwtSecret,
      tenderId: tender.id,
      commissioner,
      counts: { ...counts, criteria: leaves.length },
    };
  } finally {
    await app.close();
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * A deployment's tables have been through autovacuum long before anyone reads them; the
 * benches start right after this bulk load (on a table of 144 000 scores autovacuum analyses
 * after about 14 000 changed rows and vacuums after about 29 000). Without it PostgreSQL plans
 * from empty statistics and reads the heap where an index-only scan serves: the task list's
 * per-member count took 80 ms instead of 4. So the seed does once what autovacuum would have;
 * a bench's own later changes stay as a working day leaves them. SQLite keeps no such
 * statistics and needs nothing.
 */
async function settleAfterBulkLoad(data: DataSource): Promise<void> {
  if (data.options.type === 'postgres') await data.query('VACUUM ANALYZE');
}

if (require.main === module) {
  const given = process.argv[2] ?? 'sqlite:/tmp/tender-scorer-large.sqlite';
  const url = /^(sqlite:|postgres(ql)?:\/\/)/.test(given) ? given : `sqlite:${given}`;
  seedLargeTender(url).then(
    (seeded) => console.log(`Seeded ${JSON.stringify(seeded.counts)} into ${url} (tender ${seeded.tenderId})`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
