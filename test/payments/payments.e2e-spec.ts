import { createTestApp, type SignedIn, type TestApp } from '../app';
import {
  addLayPanelist,
  addPanelist,
  choosePayment,
  claimExpense,
  claimTime,
  decideLine,
  deliberatelyInvalid,
  panelTender,
  putRates,
  setRates,
  STANDARD_RATES,
  type Panelist,
  type TenderWorld,
} from '../steps';

/**
 * Payment for involvement (docs/PANEL.md): rates, a lay member's ledger of time and costs,
 * the team's approvals on the audit trail, the member's choice, the finance CSV, and who may
 * do what (the team manages; the member sees only their own).
 */
describe('payment for involvement', () => {
  let t: TestApp;
  let world: TenderWorld;
  let lay: Panelist;
  let otherLay: Panelist;
  let professional: Panelist;
  let stranger: SignedIn;
  let bidder: SignedIn;
  const url = (path = '') => `/api/tenders/${world.tenderId}/payments${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    world = await panelTender(t);
    lay = await addLayPanelist(t, world, 'lived_experience', 'carer');
    otherLay = await addLayPanelist(t, world, 'lived_experience', 'service user');
    professional = await addPanelist(t, world, 'professional', 'clinician');
    stranger = await t.user('commissioner');
    bidder = await t.user('bidder', { organisationName: 'Camden Mind', organisationType: 'vcse' });
  });
  afterAll(() => t.close());

  it('says the default sentence before any rate is set, and refuses time without a rate, naming the field', async () => {
    const rates = await t.http().get(url('/rates')).set(lay.auth).expect(200);
    expect(rates.body.rates).toEqual([]);
    expect(rates.body.letterSentence).toMatch(/^You will be paid for your time.*The team will tell you the rate\.$/);
    const refused = await claimTime(t, world.tenderId, lay, 'mine', {
      activity: 'reading',
      minutes: 60,
      occurredOn: '2027-02-01',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ field: 'activity', message: expect.stringMatching(/no rate/) }]);
  });

  it('sets the rates (team only), with field-named errors for bad ones', async () => {
    const bad = await putRates(
      t,
      world.tenderId,
      world.commissioner,
      deliberatelyInvalid({ scoring: { basis: 'fortnight', ratePence: 25.5 }, reading: { basis: 'hour', ratePence: -1 } }),
    );
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field).sort((a, b) => a.localeCompare(b));
    expect(fields).toEqual(['reading.ratePence', 'scoring.basis', 'scoring.ratePence']);
    expect((await putRates(t, world.tenderId, lay, STANDARD_RATES)).status).toBe(403);
    expect((await putRates(t, world.tenderId, stranger, STANDARD_RATES)).status).toBe(404);
    await setRates(t, world);
    const rates = await t.http().get(url('/rates')).set(lay.auth).expect(200);
    expect(rates.body.rates.map((rate: { inWords: string }) => rate.inWords)).toEqual([
      '£25 an hour',
      '£25 an hour',
      '£25 an hour',
      '£50 a session',
    ]);
    expect(rates.body.letterSentence).toBe(
      'You will be paid £25 an hour for preparation, £25 an hour for reading the bids, £25 an hour for scoring and £50 a session for meetings, or you can choose vouchers or no payment. Your travel and other costs are paid back too.',
    );
  });

  it('takes the ledger from claim to approval: exact amounts, the rate kept on the line, every step audited', async () => {
    const reading = await claimTime(t, world.tenderId, lay, 'mine', {
      activity: 'reading',
      minutes: 91,
      occurredOn: '2027-02-01',
      note: 'Read the three bids at home.',
    });
    expect(reading.status).toBe(201);
    const line = reading.body.lines[0];
    // 91 × 2500 / 60 = 3791.666… → 3792
    expect(line).toMatchObject({
      kind: 'time',
      minutes: 91,
      ratePence: 2500,
      amountPence: 3792,
      status: 'claimed',
      claimedByMember: true,
    });
    const travel = await claimExpense(t, world.tenderId, world.commissioner, lay.memberId, {
      expenseType: 'travel',
      amountPence: 640,
      occurredOn: '2027-02-03',
      note: '=cmd|"/c calc"!A1 bus ticket',
    });
    expect(travel.status).toBe(201);
    const travelLine = travel.body.lines.find((candidate: { kind: string }) => candidate.kind === 'expense');
    expect(travelLine.claimedByMember).toBe(false);
    const meeting = await claimTime(t, world.tenderId, world.commissioner, lay.memberId, {
      activity: 'meetings',
      minutes: 150,
      occurredOn: '2027-02-04',
    });
    const meetingLine = meeting.body.lines.find((candidate: { activity: string }) => candidate.activity === 'meetings');
    expect(meetingLine.amountPence).toBe(5000);

    // A new rate changes no line already claimed.
    await setRates(t, world, { ...STANDARD_RATES, reading: { basis: 'hour', ratePence: 3000 } });
    await decideLine(t, world.tenderId, world.commissioner, line.id, 'approve').expect(200);
    await decideLine(t, world.tenderId, world.commissioner, travelLine.id, 'approve').expect(200);
    const rejected = await decideLine(t, world.tenderId, world.commissioner, meetingLine.id, { reason: 'No meeting that day.' });
    expect(rejected.status).toBe(200);
    const ledger = rejected.body;
    expect(ledger.lines.find((candidate: { id: string }) => candidate.id === line.id)).toMatchObject({
      status: 'approved',
      ratePence: 2500,
      amountPence: 3792,
    });
    expect(ledger.lines.find((candidate: { id: string }) => candidate.id === meetingLine.id)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'No meeting that day.',
    });
    expect(ledger.totals).toEqual({
      time: { claimed: 0, approved: 3792, rejected: 5000 },
      expenses: { claimed: 0, approved: 640, rejected: 0 },
      all: { claimed: 0, approved: 4432, rejected: 5000 },
    });
    const again = await decideLine(t, world.tenderId, world.commissioner, line.id, { reason: 'Changed my mind.' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/approved already/);

    const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth).expect(200);
    const events = (trail.body as { action: string; actorId: string; after: Record<string, unknown> }[]).filter((event) =>
      event.action.startsWith('payment_'),
    );
    expect(events.map((event) => event.action)).toEqual([
      'payment_rates.set',
      'payment_line.claimed',
      'payment_line.claimed',
      'payment_line.claimed',
      'payment_rates.set',
      'payment_line.approved',
      'payment_line.approved',
      'payment_line.rejected',
    ]);
    const approval = events.find((event) => event.action === 'payment_line.approved')!;
    expect(approval.actorId).toBe(world.commissioner.id);
    expect(approval.after).toMatchObject({ panelMemberId: lay.memberId, status: 'approved', amountPence: 3792 });
    expect(JSON.stringify(events)).not.toContain(lay.name);
  });

  it('records the member’s choice with its date, changeable, and audited', async () => {
    t.clock.set('2027-02-05T10:00:00.000Z');
    const chosen = await choosePayment(t, world.tenderId, lay, 'mine', { choice: 'vouchers' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ choice: 'vouchers', choiceAt: '2027-02-05T10:00:00.000Z' });
    t.clock.set('2027-02-06T10:00:00.000Z');
    const changed = await choosePayment(t, world.tenderId, lay, 'mine', { choice: 'paid' });
    expect(changed.body).toMatchObject({ choice: 'paid', choiceAt: '2027-02-06T10:00:00.000Z' });
    const bad = await choosePayment(t, world.tenderId, lay, 'mine', deliberatelyInvalid({ choice: 'cash' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'choice', message: expect.stringMatching(/^Choose to be paid/) }]);
    const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth).expect(200);
    const choices = (trail.body as { action: string; before: unknown; after: unknown }[]).filter(
      (event) => event.action === 'payment_choice.recorded',
    );
    expect(choices.map((event) => [event.before, event.after])).toEqual([
      [{ choice: null }, { choice: 'vouchers', recordedBy: 'member' }],
      [{ choice: 'vouchers' }, { choice: 'paid', recordedBy: 'member' }],
    ]);
  });

  it('gives totals per member and per tender, by status', async () => {
    await claimExpense(t, world.tenderId, otherLay, 'mine', {
      expenseType: 'care',
      amountPence: 1800,
      occurredOn: '2027-02-03',
      note: 'Childminder for two hours, receipt attached.',
    }).expect(201);
    const summary = await t.http().get(url()).set(world.commissioner.auth).expect(200);
    expect(summary.body.members.map((member: { recordName: string }) => member.recordName)).toEqual([
      'Lived experience 1',
      'Lived experience 2',
    ]);
    expect(summary.body.members[0].totals.all).toEqual({ claimed: 0, approved: 4432, rejected: 5000 });
    expect(summary.body.members[1].totals.all).toEqual({ claimed: 1800, approved: 0, rejected: 0 });
    expect(summary.body.totals.all).toEqual({ claimed: 1800, approved: 4432, rejected: 5000 });
    expect(summary.body.members[0].paymentReference).toMatch(/^PAY-[2-9A-Z]{8}$/);
  });

  it('writes the finance CSV: approved lines, the person’s name and reference, no pseudonym or score, formulas neutralised', async () => {
    const csv = await t.http().get(`/api/tenders/${world.tenderId}/payments.csv`).set(world.commissioner.auth).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".*-payments\.csv"/);
    const text = csv.text;
    const rows = text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(new RegExp(`^"PAY-[2-9A-Z]{8}","${lay.name}","payment",`));
    expect(rows[1]).toContain('"reading the bids",91,"25.00 per hour","37.92",3792');
    expect(rows[2]).toContain(`"6.40",640,"'=cmd|""/c calc""!A1 bus ticket"`);
    expect(text).not.toMatch(/Lived experience|score/i);
    const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth).expect(200);
    const download = (trail.body as { action: string; after: { rows: number; sha256: string } }[]).find(
      (event) => event.action === 'payment_export.downloaded',
    );
    expect(download?.after.rows).toBe(2);
    expect(download?.after.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves the time of a member who declined out of the CSV, keeping their costs', async () => {
    await choosePayment(t, world.tenderId, world.commissioner, lay.memberId, { choice: 'declined' }).expect(200);
    const csv = await t.http().get(`/api/tenders/${world.tenderId}/payments.csv`).set(world.commissioner.auth).buffer(true);
    const rows = csv.text.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('"expenses only (declined payment for time)"');
    await choosePayment(t, world.tenderId, lay, 'mine', { choice: 'paid' }).expect(200);
  });

  it('lets the member see only their own ledger; the team manages; others get 403 or 404', async () => {
    const mine = await t.http().get(url('/mine')).set(lay.auth).expect(200);
    expect(mine.body.panelMemberId).toBe(lay.memberId);
    const theirs = await t.http().get(url('/mine')).set(otherLay.auth).expect(200);
    expect(theirs.body.lines).toHaveLength(1);
    expect(theirs.body.panelMemberId).toBe(otherLay.memberId);
    // A member cannot reach another member's ledger, the tender's totals, the CSV or a decision.
    expect(
      (
        await t
          .http()
          .get(url(`/members/${lay.memberId}`))
          .set(otherLay.auth)
      ).status,
    ).toBe(403);
    expect((await t.http().get(url()).set(lay.auth)).status).toBe(403);
    expect((await t.http().get(`/api/tenders/${world.tenderId}/payments.csv`).set(lay.auth)).status).toBe(403);
    expect((await decideLine(t, world.tenderId, lay, theirs.body.lines[0].id, 'approve')).status).toBe(403);
    // The team has no ledger of its own; another tender's team, a bidder: nothing.
    expect((await t.http().get(url('/mine')).set(world.commissioner.auth)).status).toBe(403);
    expect((await t.http().get(url()).set(stranger.auth)).status).toBe(404);
    expect(
      (
        await t
          .http()
          .get(url(`/members/${lay.memberId}`))
          .set(stranger.auth)
      ).status,
    ).toBe(404);
    expect((await decideLine(t, world.tenderId, stranger, theirs.body.lines[0].id, 'approve')).status).toBe(404);
    expect((await t.http().get(url()).set(bidder.auth)).status).toBe(403);
    expect((await t.http().get(url('/members/no-such-member')).set(world.commissioner.auth)).status).toBe(404);
    // Admins see no tender; nobody signed in gets 401.
    const admin = { Authorization: `Bearer ${t.adminToken}` };
    expect((await t.http().get(url()).set(admin)).status).toBe(403);
    expect((await t.http().get(url('/rates')).set(admin)).status).toBe(404);
    expect((await t.http().get(url('/rates'))).status).toBe(401);
    expect((await t.http().get(`/api/tenders/${world.tenderId}/payments.csv`)).status).toBe(401);
    expect((await decideLine(t, world.tenderId, world.commissioner, 'no-such-line', 'approve')).status).toBe(404);
  });

  it('gives professionals no ledger: they are paid by their employer', async () => {
    const own = await t.http().get(url('/mine')).set(professional.auth);
    expect(own.status).toBe(422);
    expect(own.body.errors[0].field).toBe('panelMemberId');
    const entered = await claimTime(t, world.tenderId, world.commissioner, professional.memberId, {
      activity: 'scoring',
      minutes: 60,
      occurredOn: '2027-02-01',
    });
    expect(entered.status).toBe(422);
    expect(entered.body.errors).toEqual([{ field: 'memberId', message: expect.stringMatching(/lived-experience/) }]);
  });

  it('refuses bad claims with field-named sentences, never a 500', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['time', { activity: 'napping', minutes: 60, occurredOn: '2027-02-01' }, 'activity'],
      ['time', { activity: 'reading', minutes: 0, occurredOn: '2027-02-01' }, 'minutes'],
      ['time', { activity: 'reading', minutes: 1441, occurredOn: '2027-02-01' }, 'minutes'],
      ['time', { activity: 'reading', minutes: 60, occurredOn: '01/02/2027' }, 'occurredOn'],
      ['time', { activity: 'reading', minutes: 60, occurredOn: '2027-02-30' }, 'occurredOn'],
      ['expenses', { expenseType: 'travel', amountPence: 640, occurredOn: '2027-02-01', note: '  ' }, 'note'],
      ['expenses', { expenseType: 'travel', amountPence: 6.4, occurredOn: '2027-02-01', note: 'Bus' }, 'amountPence'],
      ['expenses', { expenseType: 'lunch', amountPence: 640, occurredOn: '2027-02-01', note: 'Bus' }, 'expenseType'],
    ];
    for (const [kind, body, field] of cases) {
      const response = await t
        .http()
        .post(url(`/mine/${kind}`))
        .set(lay.auth)
        .send(body);
      expect([response.status, response.body.errors?.[0]?.field]).toEqual([response.status === 422 ? 422 : 400, field]);
      expect(response.status).toBeLessThan(500);
      expect(response.body.errors[0].message).toMatch(/\.$/);
    }
    const reason = await decideLine(t, world.tenderId, world.commissioner, 'no-such-line', { reason: '' });
    expect(reason.status).toBe(400);
    expect(reason.body.errors[0].field).toBe('reason');
  });
});
