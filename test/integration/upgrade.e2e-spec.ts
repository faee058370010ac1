import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { GENESIS_HASH, hashEvent } from '../../src/audit/domain/audit-chain';
import { parseDatabaseUrl } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/database-options';
import { hashPassword } from '../../src/users/password';
import { ADMIN, createTestApp, freshDatabase, PASSWORD, type TestApp } from '../app';
import { rawQuery, refusalOf } from '../raw-sql';

/**
 * The schema as released before the database guarded itself (the `Init` migrations, the
 * last ones main had): a service in use has tenders, bids, scores and an audit chain in it.
 * The new migrations (CHECK constraints, append-only audit triggers, new settings) must
 * take that database as it is, keep every row, and the service must start on it.
 */
function previousRelease(driver: 'sqlite' | 'postgres'): string[] {
  const folder = join(__dirname, '..', '..', 'src', 'database', 'migrations', driver);
  const files = readdirSync(folder)
    .filter((file) => /^\d+-.*\.ts$/.test(file))
    .sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  const init = files.findIndex((file) => file.endsWith('-Init.ts'));
  return files.slice(0, init + 1).map((file) => join(folder, file));
}

/** The database's own date form for a raw insert (TypeORM's on SQLite, ISO on PostgreSQL). */
function dateFor(dataSource: DataSource, iso: string): string {
  return dataSource.options.type === 'sqlite' ? iso.replace('T', ' ').replace('Z', '') : iso;
}

async function insert(dataSource: DataSource, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await rawQuery(
    dataSource,
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((_c, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

/** Many rows in one statement (the audit trail's thousands). */
async function insertMany(dataSource: DataSource, table: string, rows: Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0]);
  const values = rows.map((_row, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`);
  await rawQuery(
    dataSource,
    `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES ${values.join(', ')}`,
    rows.flatMap((row) => columns.map((column) => row[column])),
  );
}

/** Service-level events in the old single chain, between the tender's own. */
const SERVICE_EVENTS = 3000;

interface Seeded {
  tenderId: string;
  bidId: string;
  commissionerEmail: string;
  counts: Record<string, number>;
  auditHead: { seq: number; hash: string };
}

const TABLES = [
  'organisations',
  'users',
  'tenders',
  'tender_team_members',
  'criteria',
  'bids',
  'bid_versions',
  'bid_responses',
  'panel_members',
  'conflict_declarations',
  'individual_scores',
  'audit_events',
];

/** A tender in evaluation, as the previous release left it: one submitted bid, one submitted score, its audit trail. */
async function seedPreviousRelease(dataSource: DataSource): Promise<Seeded> {
  const at = (iso: string) => dateFor(dataSource, iso);
  const ids = {
    org: randomUUID(),
    commissioner: randomUUID(),
    bidder: randomUUID(),
    panelist: randomUUID(),
    tender: randomUUID(),
  };
  const commissionerEmail = `commissioner-${ids.commissioner.slice(0, 8)}@old.local`;
  const passwordHash = await hashPassword(PASSWORD);
  await insert(dataSource, 'users', {
    id: randomUUID(),
    email: ADMIN.email,
    name: 'Administrator',
    role: 'admin',
    passwordHash: await hashPassword(ADMIN.password),
    active: true,
  });
  await insert(dataSource, 'organisations', { id: ids.org, name: 'Hope Street Trust', type: 'vcse' });
  await insert(dataSource, 'users', {
    id: ids.commissioner,
    email: commissionerEmail,
    name: 'Old Commissioner',
    role: 'commissioner',
    passwordHash,
    active: true,
  });
  await insert(dataSource, 'users', {
    id: ids.bidder,
    email: `bidder-${ids.bidder.slice(0, 8)}@old.local`,
    name: 'Old Bidder',
    role: 'bidder',
    passwordHash,
    organisationId: ids.org,
    active: true,
  });
  await insert(dataSource, 'users', {
    id: ids.panelist,
    email: `panelist-${ids.panelist.slice(0, 8)}@old.local`,
    name: 'Old Panelist',
    role: 'panelist',
    passwordHash,
    active: true,
  });
  await insert(dataSource, 'tenders', {
    id: ids.tender,
    reference: 'OLD-2026-01',
    title: 'Day support, tendered before the upgrade',
    description: '',
    status: 'evaluation',
    bidDeadline: at('2026-11-30T12:00:00.000Z'),
    ownerId: ids.commissioner,
    scaleMin: 0,
    scaleMax: 5,
    scaleLabels: JSON.stringify({ '0': { label: 'Unacceptable', plainLabel: 'No answer' } }),
    aggregation: 'mean',
    moderationRequired: true,
    priceFormula: 'lowest_ratio',
    tieBreak: 'none',
    divergenceThresholdHundredths: 200,
    minScorers: 1,
    abnormallyLowRatioHundredths: 80,
    priceVisibleToPanel: false,
    blindMarking: false,
    equalRepresentation: false,
    publishedAt: at('2026-11-01T09:00:00.000Z'),
    closedAt: at('2026-11-30T13:00:00.000Z'),
    createdAt: at('2026-11-01T08:00:00.000Z'),
    updatedAt: at('2026-11-30T13:00:00.000Z'),
    version: 3,
  });
  await insert(dataSource, 'tender_team_members', {
    id: randomUUID(),
    tenderId: ids.tender,
    userId: ids.commissioner,
    role: 'owner',
  });
  const quality = randomUUID();
  const price = randomUUID();
  await insert(dataSource, 'criteria', {
    id: quality,
    tenderId: ids.tender,
    code: 'Q1',
    title: 'Service quality',
    kind: 'scored',
    category: 'quality',
    weightHundredths: 7000,
    scoredBy: JSON.stringify(['professional']),
    order: 0,
  });
  await insert(dataSource, 'criteria', {
    id: price,
    tenderId: ids.tender,
    code: 'P',
    title: 'Price',
    kind: 'price',
    category: 'price',
    weightHundredths: 3000,
    scoredBy: JSON.stringify([]),
    order: 1,
  });
  const bidId = randomUUID();
  const versionId = randomUUID();
  await insert(dataSource, 'bids', {
    id: bidId,
    tenderId: ids.tender,
    bidderUserId: ids.bidder,
    organisationId: ids.org,
    bidderName: 'Hope Street Trust',
    organisationType: 'vcse',
    paper: false,
    enteredById: ids.bidder,
    activeKey: `org:${ids.org}`,
    status: 'submitted',
    submittedAt: at('2026-11-20T10:00:00.000Z'),
    createdAt: at('2026-11-20T09:00:00.000Z'),
    updatedAt: at('2026-11-20T10:00:00.000Z'),
  });
  await insert(dataSource, 'bid_versions', {
    id: versionId,
    bidId,
    number: 1,
    status: 'submitted',
    bidderName: 'Hope Street Trust',
    organisationType: 'vcse',
    consortium: JSON.stringify([]),
    pricePence: 12_345_678,
    createdById: ids.bidder,
    createdAt: at('2026-11-20T09:00:00.000Z'),
    updatedAt: at('2026-11-20T10:00:00.000Z'),
    submittedAt: at('2026-11-20T10:00:00.000Z'),
    submittedById: ids.bidder,
  });
  await rawQuery(dataSource, `UPDATE "bids" SET "submittedVersionId" = $1 WHERE "id" = $2`, [versionId, bidId]);
  await insert(dataSource, 'bid_responses', {
    id: randomUUID(),
    versionId,
    criterionId: quality,
    text: 'We run three drop-in sessions a week, co-designed with members.',
  });
  const memberId = randomUUID();
  await insert(dataSource, 'panel_members', {
    id: memberId,
    tenderId: ids.tender,
    userId: ids.panelist,
    group: 'professional',
    joinOrder: 1,
    joinedAt: at('2026-11-02T09:00:00.000Z'),
    addedById: ids.commissioner,
  });
  await insert(dataSource, 'conflict_declarations', {
    id: randomUUID(),
    tenderId: ids.tender,
    panelMemberId: memberId,
    bidId,
    conflict: false,
    declaredAt: at('2026-12-01T09:00:00.000Z'),
  });
  await insert(dataSource, 'individual_scores', {
    id: randomUUID(),
    tenderId: ids.tender,
    bidId,
    criterionId: quality,
    panelMemberId: memberId,
    score: 4,
    rationale: 'Clear evidence of co-design.',
    status: 'submitted',
    savedAt: at('2026-12-01T10:00:00.000Z'),
    submittedAt: at('2026-12-01T10:05:00.000Z'),
  });
  // The audit chain as the previous release wrote it: one chain over every event — the
  // tender's three, and (to convert at some size) thousands of service-level events between.
  let prevHash = GENESIS_HASH;
  const actions = [
    'tender.created',
    ...Array.from({ length: SERVICE_EVENTS }, () => 'user.signed_in'),
    'tender.publish',
    'tender.close',
  ];
  const rows: Record<string, unknown>[] = [];
  for (const [index, action] of actions.entries()) {
    const forTender = action.startsWith('tender.');
    const event = {
      seq: index + 1,
      occurredAt: new Date(Date.UTC(2026, 10, 1, 0, 0, index)),
      actorId: ids.commissioner,
      action,
      entityType: forTender ? 'tender' : 'user',
      entityId: forTender ? ids.tender : ids.commissioner,
      tenderId: forTender ? ids.tender : null,
      sensitivity: 'public',
      before: null,
      after: { step: index + 1 },
      prevHash,
    };
    const hash = hashEvent(event);
    rows.push({ ...event, occurredAt: at(event.occurredAt.toISOString()), after: JSON.stringify(event.after), hash });
    prevHash = hash;
  }
  for (let start = 0; start < rows.length; start += 50)
    await insertMany(dataSource, 'audit_events', rows.slice(start, start + 50));
  await insert(dataSource, 'audit_chain_head', { id: 'main', seq: actions.length, hash: prevHash });
  return {
    tenderId: ids.tender,
    bidId,
    commissionerEmail,
    counts: await countRows(dataSource),
    auditHead: { seq: actions.length, hash: prevHash },
  };
}

async function countRows(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = (await rawQuery(dataSource, `SELECT COUNT(*) AS "n" FROM "${table}"`)) as { n: unknown }[];
    counts[table] = Number(row.n);
  }
  return counts;
}

describe('upgrade from the previous release, with data in it', () => {
  let workDir: string | null = null;
  let database: { url: string; drop: () => Promise<void> };
  let seeded: Seeded;
  let t: TestApp;

  beforeAll(async () => {
    const fresh = await freshDatabase();
    if (fresh.url.startsWith('sqlite')) {
      workDir = mkdtempSync(join(tmpdir(), 'upgrade-'));
      database = { url: `sqlite:${join(workDir, 'previous.sqlite')}`, drop: async () => undefined };
    } else database = fresh;
    const options = buildDataSourceOptions(parseDatabaseUrl(database.url));
    const previous = await new DataSource({
      ...options,
      migrations: previousRelease(options.type === 'postgres' ? 'postgres' : 'sqlite'),
    }).initialize();
    try {
      expect((await previous.runMigrations({ transaction: 'all' })).map((m) => m.name)).toEqual([
        expect.stringMatching(/^Init\d+$/),
      ]);
      seeded = await seedPreviousRelease(previous);
    } finally {
      await previous.destroy();
    }
    // The new release starts on that database: it applies its pending migrations at boot.
    t = await createTestApp({ databaseUrl: database.url, now: '2026-12-01T12:00:00.000Z' });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('keeps every row and applies every new migration', async () => {
    const dataSource = t.app.get(DataSource);
    const counts = await countRows(dataSource);
    // the audit split adds two service events: the record of the split and the anchors
    expect(counts).toEqual({ ...seeded.counts, audit_events: seeded.counts.audit_events + 2 });
    expect(await dataSource.showMigrations()).toBe(false); // nothing pending
  });

  it("splits the old single chain: the tender's events in its own chain, the rest in the service chain, the old head on record", async () => {
    const dataSource = t.app.get(DataSource);
    const tenderChain = await dataSource
      .getRepository(AuditEvent)
      .find({ where: { chain: seeded.tenderId }, order: { seq: 'ASC' } });
    expect(tenderChain.map((event) => [event.seq, event.action, event.after])).toEqual([
      [1, 'tender.created', { step: 1 }],
      [2, 'tender.publish', { step: SERVICE_EVENTS + 2 }],
      [3, 'tender.close', { step: SERVICE_EVENTS + 3 }],
    ]);
    const service = await dataSource.getRepository(AuditEvent).find({ where: { chain: 'service' }, order: { seq: 'ASC' } });
    expect(service).toHaveLength(SERVICE_EVENTS + 2);
    expect(service[SERVICE_EVENTS].action).toBe('audit.chains_split');
    expect(service[SERVICE_EVENTS].after).toEqual({
      previousHead: seeded.auditHead,
      previousChainIntact: true,
      previousBreaks: [],
      events: SERVICE_EVENTS + 3,
      tenderChains: 1,
    });
    expect(service[SERVICE_EVENTS + 1].after).toEqual({
      anchors: [{ chain: seeded.tenderId, seq: 3, hash: tenderChain[2].hash }],
    });
  });

  it('serves the old tender, its bid and its audit chain', async () => {
    const owner = { Authorization: `Bearer ${await t.login(seeded.commissionerEmail)}` };
    const tender = await t.http().get(`/api/tenders/${seeded.tenderId}`).set(owner).expect(200);
    expect(tender.body).toMatchObject({
      reference: 'OLD-2026-01',
      status: 'evaluation',
      scale: { min: 0, max: 5 },
      submittedBidCount: 1,
      teamRole: 'owner',
    });
    const bids = await t.http().get(`/api/tenders/${seeded.tenderId}/bids`).set(owner).expect(200);
    expect(bids.body).toEqual([expect.objectContaining({ id: seeded.bidId, bidderName: 'Hope Street Trust', price: 123456.78 })]);
    const verify = await t
      .http()
      .get('/api/audit/verify')
      .set({ Authorization: `Bearer ${t.adminToken}` })
      .expect(200);
    expect(verify.body).toMatchObject({ ok: true, broken: [] });
    expect(verify.body.checked).toBe(SERVICE_EVENTS + 5);
  });

  it('guards the old rows from now on: the audit trail is append-only, scores stay on the scale', async () => {
    const dataSource = t.app.get(DataSource);
    expect(await refusalOf(dataSource, 'DELETE FROM "audit_events" WHERE "chain" = \'service\' AND "seq" = 1')).not.toBeNull();
    expect(
      await refusalOf(dataSource, 'UPDATE "individual_scores" SET "score" = 99 WHERE "tenderId" = $1', [seeded.tenderId]),
    ).not.toBeNull();
    expect(
      await refusalOf(dataSource, `UPDATE "tenders" SET "status" = 'opened' WHERE "id" = $1`, [seeded.tenderId]),
    ).not.toBeNull();
  });
});
