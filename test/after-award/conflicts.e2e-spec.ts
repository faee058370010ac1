import { createTestApp, type TestApp } from '../app';
import {
  addLayPanelist,
  addPanelist,
  conflictsAssessment,
  conflictsPdf,
  createTender,
  declare,
  declareAsTeam,
  flat,
  panelTenderInEvaluation,
  pdfPages,
  recordConflictsReview,
  recordMitigation,
} from '../steps';

// Whole tenders are built through the API (accounts, bids, closing): give each test room, on PostgreSQL too.
jest.setTimeout(60_000);

describe('conflicts assessment (Procurement Act 2023 ss.81–83)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps every team declaration as a version, from the draft tender on, and reviews it before the notice', async () => {
    const owner = await t.user('commissioner');
    const tenderId = await createTender(t, owner.token);

    const first = await declareAsTeam(t, tenderId, owner, { conflict: false });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, conflict: false, details: null, changed: true });
    t.clock.advance(60_000);
    const again = await declareAsTeam(t, tenderId, owner, { conflict: false });
    expect(again.body).toMatchObject({ version: 1, changed: false });
    const changed = await declareAsTeam(t, tenderId, owner, { conflict: true, details: 'My partner is a trustee of Certitude.' });
    expect(changed.body).toMatchObject({ version: 2, conflict: true, changed: true });

    const missing = await declareAsTeam(t, tenderId, owner, { conflict: true });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'details' })]);

    const review = await recordConflictsReview(t, tenderId, owner, { note: 'Reviewed before the tender notice.' });
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ revision: 1, reviewedBy: owner.name });

    const register = await conflictsAssessment(t, tenderId, owner);
    expect(register.revision).toBe(1);
    expect(register.myDeclaration).toMatchObject({ version: 2, conflict: true });
    expect(register.persons).toEqual([
      expect.objectContaining({
        name: owner.name,
        role: 'Tender team (owner)',
        state: 'conflict',
        declarations: [
          expect.objectContaining({ version: 1, conflict: false, details: null }),
          expect.objectContaining({ version: 2, conflict: true, details: 'My partner is a trustee of Certitude.' }),
        ],
      }),
    ]);
    expect(register.conflicts).toEqual([expect.objectContaining({ subject: 'team', subjectId: owner.id, mitigation: null })]);
    expect(register.unmitigated).toBe(1);

    const pdf = await conflictsPdf(t, tenderId, owner);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = flat(pdfPages(pdf.body as Buffer).join(' '));
    expect(text).toContain('Conflicts assessment');
    expect(text).toContain(`Revision 1. Last reviewed by ${owner.name}`);
    expect(text).toContain('Reviewed before the tender notice.');
    expect(text).toContain('Version 1');
    expect(text).toContain('No conflict of interest');
    expect(text).toContain('Conflict of interest: My partner is a trustee of Certitude.');
    expect(text).toContain('No mitigation recorded yet.');

    const audit = await t.http().get(`/api/tenders/${tenderId}/audit`).set(owner.auth);
    const actions = (audit.body as { action: string }[]).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'conflict_register.team_declared',
        'conflict_register.team_redeclared',
        'conflict_assessment.reviewed',
        'conflict_assessment.downloaded',
      ]),
    );
    expect(actions.filter((action) => action === 'conflict_register.team_redeclared')).toHaveLength(1);
  });

  it("keeps a panel member's earlier statement when they re-declare, pseudonymises lay members and records mitigations", async () => {
    const world = await panelTenderInEvaluation(t);
    const lay = await addLayPanelist(t, world, 'lived_experience');
    const professional = await addPanelist(t, world, 'professional');
    await declare(t, world.tenderId, professional, world.bidIds);

    await declare(t, world.tenderId, lay, world.bidIds);
    t.clock.advance(3_600_000);
    // The panel's own route answers as before: the current statement, with escalatedAt.
    const escalated = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/declarations/${world.bidIds[0]}`)
      .set(lay.auth)
      .send({ conflict: true, details: 'My sister is a support worker there.' });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({
      conflict: true,
      details: 'My sister is a support worker there.',
      escalatedAt: expect.any(String),
    });

    const register = await conflictsAssessment(t, world.tenderId, world.commissioner);
    const layEntry = register.persons.find((person) => person.name === 'Lived experience 1');
    expect(layEntry).toMatchObject({ role: 'Panel member (lived experience)', state: 'conflict' });
    expect(layEntry!.declarations).toEqual([
      expect.objectContaining({ version: 1, conflict: false, bidderName: 'Mind in Camden' }),
      expect.objectContaining({ version: 1, conflict: false, bidderName: 'Certitude' }),
      expect.objectContaining({
        version: 2,
        conflict: true,
        details: 'My sister is a support worker there.',
        bidderName: 'Mind in Camden',
      }),
    ]);
    expect(JSON.stringify(register)).not.toContain(lay.name);
    expect(register.persons.find((person) => person.name === professional.name)).toMatchObject({ state: 'no_conflict' });
    // The owner opened the bids with no declaration on the record.
    expect(register.actedBeforeDeclaring).toEqual([
      expect.objectContaining({ name: world.commissioner.name, act: 'opened_bids' }),
    ]);

    const conflict = register.conflicts.find((entry) => entry.subject === 'panel_bid')!;
    expect(conflict).toMatchObject({ name: 'Lived experience 1', bidderName: 'Mind in Camden', mitigation: null });

    const unknown = await recordMitigation(t, world.tenderId, world.commissioner, {
      subject: 'team',
      subjectId: conflict.subjectId,
      text: 'Does not score.',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'subjectId' })]);
    const blank = await recordMitigation(t, world.tenderId, world.commissioner, {
      subject: 'panel_bid',
      subjectId: conflict.subjectId,
      text: ' ',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);

    const v1 = await recordMitigation(t, world.tenderId, world.commissioner, {
      subject: 'panel_bid',
      subjectId: conflict.subjectId,
      text: 'Does not score Mind in Camden.',
    });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, recordedBy: world.commissioner.name });
    t.clock.advance(60_000);
    await recordMitigation(t, world.tenderId, world.commissioner, {
      subject: 'panel_bid',
      subjectId: conflict.subjectId,
      text: 'Does not score Mind in Camden and leaves moderation while it is discussed.',
    }).expect(201);

    const after = await conflictsAssessment(t, world.tenderId, world.commissioner);
    const mitigated = after.conflicts.find((entry) => entry.subjectId === conflict.subjectId)!;
    expect(mitigated.mitigation).toMatchObject({ version: 2 });
    expect(mitigated.mitigations.map((entry) => entry.version)).toEqual([2, 1]);
    expect(after.unmitigated).toBe(0);

    const text = flat(pdfPages((await conflictsPdf(t, world.tenderId, world.commissioner)).body as Buffer).join(' '));
    expect(text).toContain('Lived experience 1, Panel member (lived experience)');
    expect(text).toContain('About Mind in Camden: Conflict of interest: My sister is a support worker there.');
    expect(text).toContain('Mitigation in force (version 2');
    expect(text).toContain('Earlier mitigation (version 1');
    expect(text).toContain(`Warning: ${world.commissioner.name} opened the bids`);
    expect(text).toContain('Revision 0. Not reviewed yet.');
    expect(text).not.toContain(lay.name);
  });

  it('is for the tender team only', async () => {
    const world = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, world, 'professional');
    const outsider = await t.user('commissioner');
    const bidder = world.bidders[0];
    expect((await t.http().get(`/api/tenders/${world.tenderId}/conflicts`).set(outsider.auth)).status).toBe(404);
    expect((await declareAsTeam(t, world.tenderId, outsider, { conflict: false })).status).toBe(404);
    expect((await conflictsPdf(t, world.tenderId, outsider)).status).toBe(404);
    for (const who of [member, bidder]) {
      expect((await t.http().get(`/api/tenders/${world.tenderId}/conflicts`).set(who.auth)).status).toBe(403);
      expect((await recordConflictsReview(t, world.tenderId, who)).status).toBe(403);
    }
  });
});
