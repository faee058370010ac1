import { DataSource } from 'typeorm';
import { AuditChainHead, AuditEvent } from '../../src/audit/audit-event.entity';
import { createAuditGuards, dropAuditGuards } from '../../src/audit/audit-guards';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { refusalOf } from '../raw-sql';
import { createTender } from '../steps';

/**
 * An attacker with DDL rights first removes the append-only triggers, then edits; the chains
 * still tell. The triggers are put back afterwards.
 */
async function asAttackerWithDdl(dataSource: DataSource, work: () => Promise<void>): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await dropAuditGuards(runner);
    await work();
  } finally {
    await createAuditGuards(runner);
    await runner.release();
  }
}

describe('audit trail', () => {
  let t: TestApp;
  let owner: SignedIn;
  let tenderId: string;
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.user('commissioner');
    tenderId = await createTender(t, owner.token, { template: 'camden-mental-health-day-care' });
    await t.http().patch(`/api/tenders/${tenderId}`).set(owner.auth).send({ title: 'Day care, co-produced' }).expect(200);
    await t.http().post(`/api/tenders/${tenderId}/publish`).set(owner.auth).expect(200);
  });
  afterAll(() => t.close());

  it('lists what happened to the tender, in order, with actor and before/after', async () => {
    const trail = await t.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth).expect(200);
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual(['tender.created', 'tender.updated', 'tender.publish']);
    expect(trail.body[1]).toMatchObject({
      actorId: owner.id,
      entityType: 'tender',
      entityId: tenderId,
      before: expect.objectContaining({ title: expect.any(String) }),
      after: expect.objectContaining({ title: 'Day care, co-produced' }),
      redacted: false,
    });
    expect(trail.body[2]).toMatchObject({ before: { status: 'draft' }, after: { status: 'published' } });
    const seqs = trail.body.map((e: { seq: number }) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it("is the team's to read (404 for outsiders and admins)", async () => {
    const outsider = await t.user('commissioner');
    await t.http().get(`/api/tenders/${tenderId}/audit`).set(outsider.auth).expect(404);
    await t.http().get(`/api/tenders/${tenderId}/audit`).set(admin()).expect(403);
  });

  it('verifies an intact chain', async () => {
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body).toMatchObject({ ok: true, broken: [] });
    expect(result.body.checked).toBeGreaterThan(3);
  });

  it('refuses a plain UPDATE or DELETE of an audit row, and any head move but the append (triggers)', async () => {
    const dataSource = t.app.get(DataSource);
    const head = await dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: tenderId });
    const service = await dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: 'service' });
    const attempts: [string, string, unknown[]][] = [
      [
        'edit an event',
        'UPDATE "audit_events" SET "after" = $1 WHERE "chain" = $2 AND "seq" = $3',
        ['{"title":"Quietly rewritten"}', tenderId, 1],
      ],
      ['delete an event', 'DELETE FROM "audit_events" WHERE "chain" = $1 AND "seq" = $2', [tenderId, head.seq]],
      ['delete every event', 'DELETE FROM "audit_events"', []],
      ['move the head back', 'UPDATE "audit_chain_head" SET "seq" = $1 WHERE "id" = $2', [head.seq - 1, tenderId]],
      [
        'move the head to a made-up event',
        'UPDATE "audit_chain_head" SET "seq" = $1, "hash" = $2 WHERE "id" = $3',
        [head.seq + 1, 'f'.repeat(64), tenderId],
      ],
      // the service chain's next event exists in no chain but its own: a tender head may not move onto it
      [
        "move a head onto another chain's event",
        'UPDATE "audit_chain_head" SET "seq" = "seq" + 1, "hash" = $1 WHERE "id" = $2',
        [service.hash, tenderId],
      ],
      ['delete the head', 'DELETE FROM "audit_chain_head"', []],
      [
        'start a head past the genesis',
        'INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES ($1, $2, $3)',
        ['other', 5, 'f'.repeat(64)],
      ],
    ];
    for (const [what, sql, parameters] of attempts) {
      const refused = await refusalOf(dataSource, sql, parameters);
      expect({ what, refused: refused?.message }).toEqual({
        what,
        refused: expect.stringMatching(/append-only|never deleted|genesis|moves forward|moves to the event/),
      });
    }
    if (dataSource.options.type === 'postgres') expect(await refusalOf(dataSource, 'TRUNCATE "audit_events"')).not.toBeNull();
    expect(await dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: tenderId })).toEqual(head);
    expect((await t.http().get('/api/audit/verify').set(admin()).expect(200)).body.ok).toBe(true);
    // The append path still works: a change records its event and moves the head.
    await t.http().patch(`/api/tenders/${tenderId}`).set(owner.auth).send({ title: 'Day care, co-produced (2)' }).expect(200);
    expect((await dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: tenderId })).seq).toBe(head.seq + 1);
  });

  it('names the broken link when a row is edited in the database', async () => {
    const dataSource = t.app.get(DataSource);
    const repo = dataSource.getRepository(AuditEvent);
    const target = await repo.findOneByOrFail({ tenderId, action: 'tender.updated' });
    const original = target.after;
    const where = { chain: tenderId, seq: target.seq };
    await asAttackerWithDdl(dataSource, () =>
      repo.update(where, { after: { title: 'Quietly rewritten' } }).then(() => undefined),
    );
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body.ok).toBe(false);
    expect(result.body.broken).toEqual([
      { chain: tenderId, seq: target.seq, reason: 'content does not match its hash (row edited)' },
    ]);
    const own = await t.http().get(`/api/tenders/${tenderId}/audit/verify`).set(owner.auth).expect(200);
    expect(own.body).toMatchObject({ ok: false, broken: [{ chain: tenderId, seq: target.seq }] });
    await asAttackerWithDdl(dataSource, () => repo.update(where, { after: original as never }).then(() => undefined));
    expect((await t.http().get('/api/audit/verify').set(admin())).body.ok).toBe(true);
  });

  it('detects the newest rows deleted, through the chain head kept apart', async () => {
    const dataSource = t.app.get(DataSource);
    const head = await dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: tenderId });
    const newest = await dataSource.getRepository(AuditEvent).findOneByOrFail({ chain: tenderId, seq: head.seq });
    await asAttackerWithDdl(dataSource, () =>
      dataSource
        .getRepository(AuditEvent)
        .delete({ chain: tenderId, seq: head.seq })
        .then(() => undefined),
    );
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body.ok).toBe(false);
    expect(result.body.broken[0].reason).toMatch(new RegExp(`head says seq ${head.seq} but the last row is seq ${head.seq - 1}`));
    await dataSource.getRepository(AuditEvent).insert(newest as never);
  });

  it('keeps one chain per tender, each from seq 1, with the service chain anchoring each one', async () => {
    const other = await createTender(t, owner.token, { template: 'camden-mental-health-day-care' });
    const dataSource = t.app.get(DataSource);
    const chainOfOther = await dataSource.getRepository(AuditEvent).find({ where: { chain: other }, order: { seq: 'ASC' } });
    expect(chainOfOther.map((event) => [event.seq, event.action])).toEqual([[1, 'tender.created']]);
    const anchors = await dataSource
      .getRepository(AuditEvent)
      .find({ where: { chain: 'service', action: 'audit.anchor', entityId: other } });
    expect(anchors.map((event) => event.after)).toEqual([{ anchors: [{ chain: other, seq: 1, hash: chainOfOther[0].hash }] }]);
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body).toMatchObject({ ok: true, broken: [] });
    expect(result.body.chains.map((chain: { chain: string }) => chain.chain)).toEqual(
      expect.arrayContaining(['service', tenderId, other]),
    );
    expect(result.body.chains[0].chain).toBe('service');
    expect(result.body.headSeq).toBe(result.body.checked);
  });

  it("detects a tender's whole chain deleted, head and all, through the service chain's anchor", async () => {
    const other = await createTender(t, owner.token, { template: 'camden-mental-health-day-care' });
    const dataSource = t.app.get(DataSource);
    const events = await dataSource.getRepository(AuditEvent).find({ where: { chain: other } });
    const head = await dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: other });
    await asAttackerWithDdl(dataSource, async () => {
      await dataSource.getRepository(AuditEvent).delete({ chain: other });
      await dataSource.getRepository(AuditChainHead).delete({ id: other });
    });
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body.ok).toBe(false);
    expect(result.body.broken).toEqual([
      { chain: other, seq: 1, reason: expect.stringMatching(/anchored this chain at seq 1 .* the chain was deleted or rewound/) },
    ]);
    await asAttackerWithDdl(dataSource, async () => {
      await dataSource.getRepository(AuditEvent).insert(events as never);
      await dataSource.getRepository(AuditChainHead).insert(head);
    });
    expect((await t.http().get('/api/audit/verify').set(admin())).body.ok).toBe(true);
  });

  it("lets the team verify its own tender's chain (404 outside it)", async () => {
    const result = await t.http().get(`/api/tenders/${tenderId}/audit/verify`).set(owner.auth).expect(200);
    expect(result.body).toMatchObject({ ok: true, broken: [] });
    expect(result.body.chains.map((chain: { chain: string }) => chain.chain)).toEqual(['service', tenderId]);
    const outsider = await t.user('commissioner');
    await t.http().get(`/api/tenders/${tenderId}/audit/verify`).set(outsider.auth).expect(404);
  });

  it('writes nothing when the change is refused', async () => {
    const before = (await t.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth)).body.length;
    await t.http().patch(`/api/tenders/${tenderId}`).set(owner.auth).send({ aggregation: 'median' }).expect(409);
    const after = (await t.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth)).body.length;
    expect(after).toBe(before);
  });
});
