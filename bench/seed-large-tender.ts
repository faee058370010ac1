/**
 * Seeds a large tender in moderation into a SQLite FILE, for benchmarks that read a whole
 * evaluation (exports, results): 200 bids × 60 scored criteria × 12 panelists (6 lived
 * experience, 6 professional) = 144 000 submitted individual scores with rationales,
 * about 6 000 moderated scores, gates, declarations (some conflicts) and a commitment per
 * bid. Deterministic (seeded generator).
 *
 * The tender, its criteria and the accounts go through the real API and services (so
 * they are exactly what the app would hold); the bulk records are inserted with the
 * app's own entities in one transaction, because 144 000 scores through HTTP would take
 * longer than anything they are meant to measure. Not timed by the benches.
 *
 *   npx ts-node --transpile-only bench/seed-large-tender.ts /tmp/large.sqlite
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AuthService } from '../src/auth/auth.service';
import { BidCommitment } from '../src/bids/bid-commitment.entity';
import { BidVersion } from '../src/bids/bid-version.entity';
import { Bid } from '../src/bids/bid.entity';
import { ComplianceRecord } from '../src/bids/compliance-record.entity';
import { newId } from '../src/common/ids';
import { configureApp } from '../src/configure-app';
import { ModeratedScore } from '../src/moderation/moderated-score.entity';
import { ConflictDeclaration } from '../src/panel/conflict-declaration.entity';
import { PanelMember } from '../src/panel/panel-member.entity';
import { IndividualScore } from '../src/scoring/individual-score.entity';
import { Tender } from '../src/tenders/tender.entity';
import { UsersService } from '../src/users/users.service';

export const LARGE = { bids: 200, sections: 6, leavesPerSection: 10, panelists: 12 } as const;

export interface SeededTender {
  databaseUrl: string;
  jwtSecret: string;
  tenderId: string;
  commissioner: { email: string; password: string };
  counts: { bids: number; criteria: number; scores: number; moderated: number };
}

/** mulberry32: a tiny seeded generator, so every run seeds the same tender. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['quality', 'co_production', 'social_outcome', 'economic_outcome', 'environmental_outcome'] as const;

/** What the API answers on creating a tender or a criterion (the fields used here). */
interface Created {
  id: string;
  code: string;
  scoredBy: string[];
}

export async function seedLargeTender(databasePath: string): Promise<SeededTender> {
  const databaseUrl = `sqlite:${databasePath}`;
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
      reference: 'BENCH-LARGE-200',
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

async function insertEvaluation(
  em: EntityManager,
  tenderId: string,
  ownerId: string,
  panelUserIds: string[],
  leaves: { id: string; code: string }[],
  gateId: string,
) {
  const next = random(20240601);
  const pick = (n: number) => Math.floor(next() * n);
  const at = new Date('2026-12-01T10:00:00Z');
  const insert = async <T extends object>(entity: new () => T, rows: T[]) => {
    for (let i = 0; i < rows.length; i += 500) await em.getRepository(entity).insert(rows.slice(i, i + 500));
  };
  const members = panelUserIds.map((userId, i) => ({
    id: newId(),
    tenderId,
    userId,
    group: i % 2 === 0 ? 'lived_experience' : 'professional',
    roleLabel: i % 2 === 0 ? 'service user' : 'clinician',
    joinOrder: i + 1,
    joinedAt: at,
    addedById: ownerId,
  })) as PanelMember[];
  await insert(PanelMember, members);
  const bids: Bid[] = [];
  const versions: BidVersion[] = [];
  const commitments: BidCommitment[] = [];
  const compliance: ComplianceRecord[] = [];
  const declarations: ConflictDeclaration[] = [];
  const scores: IndividualScore[] = [];
  const moderated: ModeratedScore[] = [];
  for (let b = 0; b < LARGE.bids; b++) {
    const bidId = newId();
    const versionId = newId();
    const submittedAt = new Date(at.getTime() + b * 1000);
    const name = `Bidder ${String(b + 1).padStart(3, '0')} Community Interest Company`;
    const disqualified = b % 50 === 49;
    bids.push({
      id: bidId,
      tenderId,
      bidderUserId: null,
      organisationId: null,
      bidderName: name,
      organisationType: 'vcse',
      paper: true,
      enteredById: ownerId,
      activeKey: `paper:${name.toLowerCase()}`,
      status: disqualified ? 'disqualified' : 'submitted',
      submittedAt,
      submittedVersionId: null,
      draftVersionId: null,
      withdrawnAt: null,
      disqualifiedAt: disqualified ? at : null,
      disqualifiedById: disqualified ? ownerId : null,
      disqualificationReason: disqualified ? 'Late documents' : null,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    });
    versions.push({
      id: versionId,
      bidId,
      number: 1,
      status: 'submitted',
      bidderName: name,
      organisationType: 'vcse',
      consortium: [],
      pricePence: 50_000_000 + pick(50_000_000),
      createdById: ownerId,
      createdAt: submittedAt,
      updatedAt: submittedAt,
      submittedAt,
      submittedById: ownerId,
    });
    commitments.push({
      id: newId(),
      versionId,
      position: 0,
      criterionId: null,
      outcome: 'Members in paid work or volunteering',
      measure: 'Starts per year',
      target: String(20 + (b % 30)),
      baseline: '10',
      byDate: '2028-03-31',
    });
    if (b % 40 !== 39)
      compliance.push({
        id: newId(),
        bidId,
        criterionId: gateId,
        passed: b % 25 !== 24,
        note: 'Certificate seen.',
        recordedById: ownerId,
        recordedAt: at,
      });
    const conflicted = b % 7 === 0 ? members[b % LARGE.panelists].id : null;
    for (const member of members) {
      const conflict = member.id === conflicted;
      declarations.push({
        id: newId(),
        tenderId,
        panelMemberId: member.id,
        bidId,
        conflict,
        details: conflict ? 'Former employee.' : null,
        declaredAt: at,
        escalatedAt: null,
      });
    }
    const quality = 1 + pick(4);
    for (const leaf of leaves) {
      for (const member of members) {
        const score = Math.max(0, Math.min(5, quality + pick(3) - 1));
        scores.push({
          id: newId(),
          tenderId,
          bidId,
          criterionId: leaf.id,
          panelMemberId: member.id,
          score,
          status: 'submitted',
          savedAt: at,
          submittedAt: at,
          // Unique, about 250 characters, as real rationales are (an export must not count on repeats).
          rationale:
            `Scored ${score} for bid ${b + 1} on ${leaf.code} (member ${members.indexOf(member) + 1}): the answer gives ` +
            `${score >= 3 ? 'clear' : 'limited'} evidence, with examples from the bidder's current services; ` +
            `outcome measures are ${score >= 4 ? 'specific and already reported quarterly' : 'described but not yet measured'}. Ref ${pick(1e9)}.`,
        });
      }
      if (next() < 0.5) {
        moderated.push({
          id: newId(),
          tenderId,
          bidId,
          criterionId: leaf.id,
          version: 1,
          score: quality,
          rationale: 'Panel agreed after discussion.',
          moderatedById: ownerId,
          moderatedAt: at,
        });
      }
    }
  }
  await insert(Bid, bids);
  await insert(BidVersion, versions);
  for (let b = 0; b < bids.length; b++)
    await em.getRepository(Bid).update({ id: bids[b].id }, { submittedVersionId: versions[b].id });
  await insert(BidCommitment, commitments);
  await insert(ComplianceRecord, compliance);
  await insert(ConflictDeclaration, declarations);
  await insert(IndividualScore, scores);
  await insert(ModeratedScore, moderated);
  await em.getRepository(Tender).update({ id: tenderId }, { status: 'moderation', closedAt: at, moderationStartedAt: at });
  return { bids: bids.length, scores: scores.length, moderated: moderated.length };
}

if (require.main === module) {
  const path = process.argv[2] ?? '/tmp/tender-scorer-large.sqlite';
  seedLargeTender(path).then(
    (seeded) => console.log(`Seeded ${JSON.stringify(seeded.counts)} into ${path} (tender ${seeded.tenderId})`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
