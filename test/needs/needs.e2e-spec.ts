import { DataSource } from 'typeorm';
import { rawQuery } from '../raw-sql';
import { createTestApp, type TestApp } from '../app';
import {
  addLayPanelist,
  addPanelist,
  buildNeeds,
  deleteNeeds,
  deliberatelyInvalid,
  panelTender,
  putNeeds,
  recordNeeds,
  type Panelist,
  type TenderWorld,
} from '../steps';
import type { RecordNeedsDto } from '../../src/needs/dto/record-needs.dto';

jest.setTimeout(60_000);

type Body = Record<string, unknown>;

describe('communication and support needs', () => {
  let t: TestApp;
  let world: TenderWorld;
  let lay: Panelist;
  let professional: Panelist;

  const path = (memberId: string, tenderId = world.tenderId) => `/api/tenders/${tenderId}/panel/${memberId}/needs`;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTender(t);
    lay = await addLayPanelist(t, world, 'lived_experience', 'carer');
    professional = await addPanelist(t, world, 'professional', 'clinician');
  });
  afterAll(() => t.close());

  it('starts with nothing recorded: no restriction, so the member may be emailed', async () => {
    const got = await t.http().get(path(lay.memberId)).set(world.commissioner.auth);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ state: 'not_recorded', formats: [], contactMethods: [], mayEmail: true, consent: null });
    expect(got.body.memberName).toBe('Lived experience 1');
  });

  it('refuses to store needs without the member’s consent, and stores nothing', async () => {
    const refused = await putNeeds(t, world.tenderId, world.commissioner, lay.memberId, buildNeeds({ consent: false }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'consent', message: expect.stringMatching(/agreed/) }]);
    const missing = await putNeeds(
      t,
      world.tenderId,
      world.commissioner,
      lay.memberId,
      deliberatelyInvalid<RecordNeedsDto>({ formats: ['large_print'], contactMethods: ['phone'] }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: Body) => e.field)).toContain('consent');
    expect((await t.http().get(path(lay.memberId)).set(world.commissioner.auth)).body.state).toBe('not_recorded');
  });

  it('names the field of a bad value', async () => {
    const cases: [Body, string, number][] = [
      [{ ...buildNeeds(), formats: ['braille'] }, 'formats', 400],
      [{ ...buildNeeds(), contactMethods: ['pigeon'] }, 'contactMethods', 400],
      [{ ...buildNeeds(), meetingNeeds: 'x'.repeat(1001) }, 'meetingNeeds', 400],
      [
        { ...buildNeeds(), supportPerson: { name: 'Sam', relationship: 'friend', contact: 'y'.repeat(300) } },
        'supportPerson.contact',
        400,
      ],
      [{ ...buildNeeds(), supportPerson: null }, 'supportPerson', 400],
      [{ ...buildNeeds(), formats: ['another_language'] }, 'language', 400],
      [{ ...buildNeeds(), contactMethods: [] }, 'contactMethods', 400],
      [{ ...buildNeeds(), colour: 'blue' }, 'colour', 400],
    ];
    for (const [body, field, status] of cases) {
      const refused = await putNeeds(t, world.tenderId, world.commissioner, lay.memberId, deliberatelyInvalid(body));
      expect({ field, status: refused.status }).toEqual({ field, status });
      expect(refused.body.errors.map((e: Body) => e.field)).toContain(field);
    }
  });

  it('records needs with the consent on record, and audits the field names only', async () => {
    const saved = await putNeeds(t, world.tenderId, world.commissioner, lay.memberId, buildNeeds());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      state: 'recorded',
      formats: ['large_print'],
      contactMethods: ['phone', 'support_worker'],
      mayEmail: false,
      supportPerson: { name: 'Sam Patel', relationship: 'support worker', contact: '07700 900123' },
      consent: { agreed: true, recordedById: world.commissioner.id },
    });
    await recordNeeds(t, world.tenderId, world.commissioner, lay.memberId, { formats: ['large_print', 'easy_read'] });
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const events = (audit.body as Body[]).filter((e) => String(e.action).startsWith('member_needs.'));
    expect(events.map((e) => [e.action, (e.after as Body).fields])).toEqual([
      ['member_needs.recorded', ['formats', 'contactMethods', 'supportPerson', 'meetingNeeds']],
      ['member_needs.changed', ['formats']],
    ]);
    const trail = JSON.stringify(audit.body);
    for (const content of ['Sam Patel', '07700', 'Step-free', 'large_print', 'easy_read']) expect(trail).not.toContain(content);
  });

  it('lets the member see and change their own needs, and nobody else’s', async () => {
    const own = await t.http().get(path(lay.memberId)).set(lay.auth);
    expect(own.status).toBe(200);
    expect(own.body.formats).toEqual(['large_print', 'easy_read']);
    await recordNeeds(t, world.tenderId, lay, lay.memberId, { contactMethods: ['email', 'phone'], supportPerson: null });
    const after = await t.http().get(path(lay.memberId)).set(world.commissioner.auth);
    expect(after.body).toMatchObject({ mayEmail: true, supportPerson: null, consent: { recordedById: lay.id } });
    // another member's needs do not exist for them
    expect((await t.http().get(path(professional.memberId)).set(lay.auth)).status).toBe(404);
    expect((await putNeeds(t, world.tenderId, lay, professional.memberId, buildNeeds())).status).toBe(404);
    expect((await t.http().get(path(lay.memberId)).set(professional.auth)).status).toBe(404);
    // the team list is the team's
    expect((await t.http().get(`/api/tenders/${world.tenderId}/needs`).set(lay.auth)).status).toBe(403);
  });

  it('is the tender team’s: another tender’s team 404, a bidder or an admin 403 (their role), no token 401', async () => {
    const other = await panelTender(t);
    expect((await t.http().get(path(lay.memberId)).set(other.commissioner.auth)).status).toBe(404);
    expect((await putNeeds(t, world.tenderId, other.commissioner, lay.memberId, buildNeeds())).status).toBe(404);
    expect((await t.http().get(`/api/tenders/${world.tenderId}/needs`).set(other.commissioner.auth)).status).toBe(404);
    // the member id under another tender: not found there
    expect((await t.http().get(path(lay.memberId, other.tenderId)).set(other.commissioner.auth)).status).toBe(404);
    const bidder = await t.user('bidder');
    const refused = await t.http().get(path(lay.memberId)).set(bidder.auth);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/signed in as bidder/);
    expect(
      (
        await t
          .http()
          .get(path(lay.memberId))
          .set({ Authorization: `Bearer ${t.adminToken}` })
      ).status,
    ).toBe(403);
    expect((await t.http().get(path(lay.memberId))).status).toBe(401);
  });

  it('lists every member for the team, lived-experience members by pseudonym', async () => {
    const list = await t.http().get(`/api/tenders/${world.tenderId}/needs`).set(world.commissioner.auth);
    expect(list.status).toBe(200);
    expect((list.body as Body[]).map((n) => [n.memberName, n.state])).toEqual([
      ['Lived experience 1', 'recorded'],
      [professional.name, 'not_recorded'],
    ]);
  });

  it('deletes only after the tender is decided, on the member’s request, keeping a tombstone', async () => {
    const early = await deleteNeeds(t, world.tenderId, world.commissioner, lay.memberId);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/awarded or cancelled/);
    expect((await deleteNeeds(t, world.tenderId, world.commissioner, professional.memberId)).status).toBe(404);
    const unconfirmed = await deleteNeeds(
      t,
      world.tenderId,
      world.commissioner,
      lay.memberId,
      deliberatelyInvalid({ requestedBy: 'member', memberAsked: false }),
    );
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.errors.map((e: Body) => e.field)).toEqual(['memberAsked']);
    const cancelled = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/cancel`)
      .set(world.commissioner.auth)
      .send({ reason: 'The service is being redesigned.' });
    expect(cancelled.status).toBe(200);
    const deleted = await deleteNeeds(t, world.tenderId, world.commissioner, lay.memberId, {
      requestedBy: 'support_person',
      memberAsked: true,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      state: 'deleted',
      formats: [],
      contactMethods: [],
      supportPerson: null,
      meetingNeeds: null,
      consent: null,
      deletion: { deletedById: world.commissioner.id, requestedBy: 'support_person' },
    });
    const tombstone = await t.http().get(path(lay.memberId)).set(lay.auth);
    expect(tombstone.body.state).toBe('deleted');
    expect((await deleteNeeds(t, world.tenderId, world.commissioner, lay.memberId)).status).toBe(409);
    expect((await putNeeds(t, world.tenderId, world.commissioner, lay.memberId, buildNeeds())).status).toBe(409);
    const raw = await rawQuery(t.app.get(DataSource), 'SELECT * FROM member_needs WHERE "panelMemberId" = $1', [lay.memberId]);
    expect(JSON.stringify(raw)).not.toMatch(/Patel|07700|Step-free|large_print/);
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const event = (audit.body as Body[]).find((e) => e.action === 'member_needs.deleted');
    expect(event?.after).toEqual({ panelMemberId: lay.memberId, requestedBy: 'support_person', deletedBy: 'team' });
  });
});
