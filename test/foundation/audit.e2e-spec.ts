import { DataSource } from 'typeorm';
import { AuditChainHead, AuditEvent } from '../../src/audit/audit-event.entity';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { createTender } from '../factories/tender.factory';

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

  it("lists what happened to the tender, in order, with actor and before/after", async () => {
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

  it('is the team\'s to read (404 for outsiders and admins)', async () => {
    const outsider = await t.user('commissioner');
    await t.http().get(`/api/tenders/${tenderId}/audit`).set(outsider.auth).expect(404);
    await t.http().get(`/api/tenders/${tenderId}/audit`).set(admin()).expect(403);
  });

  it('verifies an intact chain', async () => {
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body).toMatchObject({ ok: true, broken: [] });
    expect(result.body.checked).toBeGreaterThan(3);
  });

  it('names the broken link when a row is edited in the database', async () => {
    const repo = t.app.get(DataSource).getRepository(AuditEvent);
    const target = await repo.findOneByOrFail({ tenderId, action: 'tender.updated' });
    const original = target.after;
    await repo.update({ seq: target.seq }, { after: { title: 'Quietly rewritten' } });
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body.ok).toBe(false);
    expect(result.body.broken).toEqual([{ seq: target.seq, reason: 'content does not match its hash (row edited)' }]);
    await repo.update({ seq: target.seq }, { after: original as never });
    expect((await t.http().get('/api/audit/verify').set(admin())).body.ok).toBe(true);
  });

  it('detects the newest rows deleted, through the chain head kept apart', async () => {
    const dataSource = t.app.get(DataSource);
    const head = await dataSource.getRepository(AuditChainHead).findOneByOrFail({ id: 'main' });
    const newest = await dataSource.getRepository(AuditEvent).findOneByOrFail({ seq: head.seq });
    await dataSource.getRepository(AuditEvent).delete({ seq: head.seq });
    const result = await t.http().get('/api/audit/verify').set(admin()).expect(200);
    expect(result.body.ok).toBe(false);
    expect(result.body.broken[0].reason).toMatch(new RegExp(`head says seq ${head.seq} but the last row is seq ${head.seq - 1}`));
    await dataSource.getRepository(AuditEvent).insert(newest as never);
  });

  it('writes nothing when the change is refused', async () => {
    const before = (await t.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth)).body.length;
    await t.http().patch(`/api/tenders/${tenderId}`).set(owner.auth).send({ aggregation: 'median' }).expect(409);
    const after = (await t.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth)).body.length;
    expect(after).toBe(before);
  });
});
