import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TenderStatus } from '../../src/tenders/domain/tender-lifecycle';
import { Tender } from '../../src/tenders/tender.entity';
import { createTestApp, type SignedIn, type TestApp } from '../app';
import { bidWorld, buildBid, closeTender, submittedBid, type TenderWorld } from '../steps';

/** Compliance gates, disqualification, and what the audit trail shows of bids when. */
describe('bids: compliance, disqualification, audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const bidUrl = (world: TenderWorld, bidId: string) => `/api/tenders/${world.tenderId}/bids/${bidId}`;

  /** Puts the tender in a later status directly: these tests are about bid rules, not the moderation quorum. */
  async function forceStatus(world: TenderWorld, status: TenderStatus): Promise<void> {
    await t.app.get(DataSource).getRepository(Tender).update({ id: world.tenderId }, { status });
  }

  async function openWorld(): Promise<{ world: TenderWorld; bidder: SignedIn; bidId: string }> {
    const world = await bidWorld(t);
    const bidder = await t.user('bidder');
    const bidId = await submittedBid(t, bidder, world.tenderId, { bidderName: 'Gate Keepers CIC' });
    await closeTender(world);
    return { world, bidder, bidId };
  }

  describe('compliance gates', () => {
    it('records a pass/fail gate in evaluation; re-recording replaces it, audited with before and after', async () => {
      const { world, bidId } = await openWorld();
      t.clock.set('2027-02-03T10:15:00.000Z');
      const first = await t
        .http()
        .put(`${bidUrl(world, bidId)}/compliance/G1`)
        .set(world.commissioner.auth)
        .send({ passed: true });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        bidId,
        code: 'G1',
        passed: true,
        note: '',
        recordedById: world.commissioner.id,
        recordedAt: '2027-02-03T10:15:00.000Z',
      });
      const second = await t
        .http()
        .put(`${bidUrl(world, bidId)}/compliance/${first.body.criterionId}`)
        .set(world.commissioner.auth)
        .send({ passed: false, note: 'Certificate expired.' });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ code: 'G1', passed: false, note: 'Certificate expired.' });
      const bid = await t.http().get(bidUrl(world, bidId)).set(world.commissioner.auth);
      expect(bid.body.compliance).toEqual([
        {
          bidId,
          criterionId: first.body.criterionId,
          code: 'G1',
          passed: false,
          note: 'Certificate expired.',
          recordedById: world.commissioner.id,
          recordedAt: '2027-02-03T10:15:00.000Z',
        },
      ]);
      const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      const events = audit.body.filter((e: { action: string }) => e.action.startsWith('bid.compliance'));
      expect(events.map((e: { action: string; before: unknown; after: unknown }) => [e.action, e.before, e.after])).toEqual([
        ['bid.compliance_recorded', null, { criterion: 'G1', passed: true, note: '' }],
        [
          'bid.compliance_changed',
          { criterion: 'G1', passed: true, note: '' },
          { criterion: 'G1', passed: false, note: 'Certificate expired.' },
        ],
      ]);
    });

    it('a failed gate needs a note (400)', async () => {
      const { world, bidId } = await openWorld();
      const response = await t
        .http()
        .put(`${bidUrl(world, bidId)}/compliance/G1`)
        .set(world.commissioner.auth)
        .send({ passed: false });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'note', message: 'A note is needed when the bid fails the gate: say why it fails.' },
      ]);
    });

    it.each([
      ['Q1', 'Q1 is a scored criterion: compliance is recorded on pass/fail gates only.'],
      ['P', 'P is a price criterion: compliance is recorded on pass/fail gates only.'],
      ['Q', 'Q is a section criterion: compliance is recorded on pass/fail gates only.'],
      ['NOPE', 'This tender has no criterion "NOPE".'],
    ])('only on a pass/fail leaf: %s answers 422', async (criterion, detail) => {
      const { world, bidId } = await openWorld();
      const response = await t
        .http()
        .put(`${bidUrl(world, bidId)}/compliance/${criterion}`)
        .set(world.commissioner.auth)
        .send({ passed: true });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ status: 422, detail });
    });

    it('only in evaluation or moderation: 409 before (a paper bid the team can see) and after cancellation', async () => {
      const world = await bidWorld(t);
      const paper = await t
        .http()
        .post(`/api/tenders/${world.tenderId}/bids`)
        .set(world.commissioner.auth)
        .send(buildBid({ bidderName: 'Paper Co', organisationType: 'sme' }));
      await t
        .http()
        .post(`${bidUrl(world, paper.body.id)}/submit`)
        .set(world.commissioner.auth)
        .expect(200);
      const early = await t
        .http()
        .put(`${bidUrl(world, paper.body.id)}/compliance/G1`)
        .set(world.commissioner.auth)
        .send({ passed: true });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        currentStatus: 'published',
        detail: expect.stringMatching(/during evaluation or moderation/),
      });
      const earlyDq = await t
        .http()
        .post(`${bidUrl(world, paper.body.id)}/disqualify`)
        .set(world.commissioner.auth)
        .send({ reason: 'x' });
      expect(earlyDq.status).toBe(409);
      await closeTender(world);
      await forceStatus(world, 'moderation');
      const inModeration = await t
        .http()
        .put(`${bidUrl(world, paper.body.id)}/compliance/G1`)
        .set(world.commissioner.auth)
        .send({ passed: true });
      expect(inModeration.status).toBe(200);
      await t
        .http()
        .post(`/api/tenders/${world.tenderId}/cancel`)
        .set(world.commissioner.auth)
        .send({ reason: 'Budget withdrawn.' })
        .expect(200);
      const late = await t
        .http()
        .put(`${bidUrl(world, paper.body.id)}/compliance/G1`)
        .set(world.commissioner.auth)
        .send({ passed: false, note: 'n' });
      expect(late.status).toBe(409);
      expect(late.body.currentStatus).toBe('cancelled');
      // Cancelled after closing: the box was opened, the team still reads the record.
      expect((await t.http().get(bidUrl(world, paper.body.id)).set(world.commissioner.auth)).body.compliance).toHaveLength(1);
    });
  });

  describe('disqualification', () => {
    it('disqualifies a submitted bid in evaluation: listed, still counted, reason shown to team and bidder; never twice', async () => {
      const { world, bidder, bidId } = await openWorld();
      const response = await t
        .http()
        .post(`${bidUrl(world, bidId)}/disqualify`)
        .set(world.commissioner.auth)
        .send({ reason: '  Late insurance documents.  ' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: bidId,
        status: 'disqualified',
        disqualified: true,
        disqualificationReason: 'Late insurance documents.',
        disqualifiedAt: expect.any(String),
      });
      const again = await t
        .http()
        .post(`${bidUrl(world, bidId)}/disqualify`)
        .set(world.commissioner.auth)
        .send({ reason: 'Again.' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ status: 409, detail: 'This bid is already disqualified.' });
      const tender = await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth);
      expect(tender.body.submittedBidCount).toBe(1);
      const list = await t.http().get(`/api/tenders/${world.tenderId}/bids`).set(world.commissioner.auth);
      expect(list.body.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([[bidId, 'disqualified']]);
      const own = await t.http().get(bidUrl(world, bidId)).set(bidder.auth);
      expect(own.body).toMatchObject({ status: 'disqualified', disqualificationReason: 'Late insurance documents.' });
      const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      const event = audit.body.find((e: { action: string }) => e.action === 'bid.disqualified');
      expect(event).toMatchObject({
        entityId: bidId,
        before: { status: 'submitted' },
        after: { status: 'disqualified', reason: 'Late insurance documents.' },
        redacted: false,
      });
    });

    it('needs a reason (400)', async () => {
      const { world, bidId } = await openWorld();
      const response = await t
        .http()
        .post(`${bidUrl(world, bidId)}/disqualify`)
        .set(world.commissioner.auth)
        .send({ reason: ' ' });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    });

    it('is allowed in moderation and refused once the tender is cancelled (409)', async () => {
      const { world, bidId } = await openWorld();
      await forceStatus(world, 'moderation');
      await t
        .http()
        .post(`/api/tenders/${world.tenderId}/cancel`)
        .set(world.commissioner.auth)
        .send({ reason: 'Service redesign.' })
        .expect(200);
      const response = await t
        .http()
        .post(`${bidUrl(world, bidId)}/disqualify`)
        .set(world.commissioner.auth)
        .send({ reason: 'Too late.' });
      expect(response.status).toBe(409);
      expect(response.body.currentStatus).toBe('cancelled');
      const other = await openWorld();
      await forceStatus(other.world, 'moderation');
      expect(
        (
          await t
            .http()
            .post(`${bidUrl(other.world, other.bidId)}/disqualify`)
            .set(other.world.commissioner.auth)
            .send({ reason: 'Collusion.' })
        ).status,
      ).toBe(200);
    });
  });

  describe('the audit trail', () => {
    it('shows every bid action; while sealed it hides the content, after close it shows it (texts only as fingerprints)', async () => {
      const world = await bidWorld(t);
      const bidder = await t.user('bidder');
      const secretAnswer = 'Our secret sauce is weekly co-design with members.';
      const created = await t
        .http()
        .post(`/api/tenders/${world.tenderId}/bids`)
        .set(bidder.auth)
        .send(
          buildBid({
            bidderName: 'Sealed Name Ltd',
            price: 123456.78,
            responses: [...buildBid().responses.filter((r) => r.criterion !== 'C1'), { criterion: 'C1', text: secretAnswer }],
          }),
        );
      expect(created.status).toBe(201);
      const bidId = created.body.id as string;
      await t
        .http()
        .post(`${bidUrl(world, bidId)}/submit`)
        .set(bidder.auth)
        .expect(200);
      await t.http().patch(bidUrl(world, bidId)).set(bidder.auth).send({ price: 120000 }).expect(200);
      await t
        .http()
        .post(`${bidUrl(world, bidId)}/submit`)
        .set(bidder.auth)
        .expect(200);

      const sealed = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      expect(sealed.status).toBe(200);
      const sealedBidEvents = sealed.body.filter((e: { entityId: string }) => e.entityId === bidId);
      expect(
        sealedBidEvents.map((e: { action: string; redacted: boolean; before: unknown; after: unknown }) => [
          e.action,
          e.redacted,
          e.before,
          e.after,
        ]),
      ).toEqual([
        ['bid.created', true, null, null],
        ['bid.submitted', true, null, null],
        ['bid.edited', true, null, null],
        ['bid.submitted', true, null, null],
      ]);
      const sealedText = JSON.stringify(sealed.body);
      for (const secret of ['Sealed Name Ltd', '12345678', '12000000', secretAnswer]) expect(sealedText).not.toContain(secret);

      await closeTender(world);
      const open = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
      const events = open.body.filter((e: { entityId: string }) => e.entityId === bidId);
      expect(events.every((e: { redacted: boolean }) => !e.redacted)).toBe(true);
      expect(events[0].after).toMatchObject({ paper: false, version: 1, bidderName: 'Sealed Name Ltd', pricePence: 12345678 });
      expect(events[0].after.responses).toContainEqual({
        criterion: 'C1',
        words: 8,
        sha256: createHash('sha256').update(secretAnswer).digest('hex'),
      });
      expect(events[2].after).toMatchObject({ newVersion: true, version: 2, pricePence: 12000000 });
      expect(events[3]).toMatchObject({
        before: { status: 'submitted', submittedVersion: 1 },
        after: { status: 'submitted', submittedVersion: 2, pricePence: 12000000 },
      });
      expect(JSON.stringify(open.body)).not.toContain(secretAnswer);
      const close = open.body.find((e: { action: string }) => e.action === 'tender.close');
      expect(close.after).toMatchObject({ status: 'evaluation', submittedBidCount: 1 });
    });
  });
});
