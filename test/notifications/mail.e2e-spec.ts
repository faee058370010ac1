import { createTestApp, type TestApp } from '../app';
import { MailSender } from '../../src/notifications/mail-sender.service';
import {
  addPanelist,
  declare,
  panelBid,
  panelTender,
  panelTenderInEvaluation,
  postBid,
  scoreAndSubmit,
  type PanelWorld,
  type TenderWorld,
  recordNeeds,
} from '../steps';
import { TestMailServer } from './mail-server';

jest.setTimeout(60_000);

const FROM = 'Tender Scorer <tenders@council.example>';
const DAY = 24 * 60 * 60 * 1000;

/** Adds a lay member by name and email (no account password: they get a link). */
async function addByEmail(t: TestApp, world: TenderWorld, email: string, name = 'Jordan Reid'): Promise<string> {
  const added = await t
    .http()
    .post(`/api/tenders/${world.tenderId}/panel`)
    .set(world.commissioner.auth)
    .send({ name, email, group: 'lived_experience' });
  expect(added.status).toBe(201);
  return added.body.id as string;
}

function issue(t: TestApp, world: TenderWorld, memberId: string) {
  return t.http().post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`).set(world.commissioner.auth);
}

function messages(t: TestApp, world: TenderWorld) {
  return t.http().get(`/api/tenders/${world.tenderId}/messages`).set(world.commissioner.auth);
}

describe('notifications through a real mail server', () => {
  const mail = new TestMailServer();
  let t: TestApp;
  let sender: MailSender;

  beforeAll(async () => {
    const url = await mail.start();
    t = await createTestApp({ env: { SMTP_URL: url, MAIL_FROM: FROM, PUBLIC_URL: 'https://tenders.council.example' } });
    sender = t.app.get(MailSender);
  });
  afterAll(async () => {
    await t?.close();
    await mail.stop();
  });
  beforeEach(() => {
    mail.received.length = 0;
  });

  it('emails an invitation with its link and code; the team sees it sent, the link masked', async () => {
    const world = await panelTender(t);
    const memberId = await addByEmail(t, world, 'jordan.reid@example.org');
    const issued = await issue(t, world, memberId);
    expect(issued.status).toBe(201);
    // Nothing is sent within the request: the message waits in the outbox for the sender.
    expect(mail.received).toHaveLength(0);
    const queued = await messages(t, world);
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      transport: 'smtp',
      failed: 0,
      messages: [{ kind: 'panel_invitation', status: 'queued' }],
    });

    expect(await sender.runOnce()).toBe(1);
    expect(mail.received).toHaveLength(1);
    const [email] = mail.received;
    expect(email.to).toEqual(['jordan.reid@example.org']);
    expect(email.from).toBe('tenders@council.example');
    expect(email.subject).toBe('You are invited to score bids for Community mental health day support');
    expect(email.body).toContain(`https://tenders.council.example/invitation/${issued.body.token}`);
    expect(email.body).toContain(issued.body.code);
    expect(email.body).toContain('Hello Jordan Reid,');

    const sent = await messages(t, world);
    const [message] = sent.body.messages;
    expect(message).toMatchObject({
      kind: 'panel_invitation',
      recipient: 'jordan.reid@example.org',
      recipientName: 'Lived experience 1',
      status: 'sent',
      attempts: 1,
      masked: true,
      sentAt: t.clock.now().toISOString(),
    });
    expect(message.body).not.toContain(issued.body.token);
    expect(message.body).not.toContain(issued.body.code);
    expect(message.body).toContain('/invitation/••••••••');
    expect(await sender.runOnce()).toBe(0);
  });

  it('sends nothing for a change that is rolled back', async () => {
    const world = await panelTender(t);
    const professional = await addPanelist(t, world, 'professional');
    // A link is refused for an account with a password: the invitation, and its email, never happen.
    expect((await issue(t, world, professional.memberId)).status).toBe(409);
    expect((await messages(t, world)).body.messages).toEqual([]);
    await sender.runOnce();
    expect(mail.received).toHaveLength(0);
  });

  it('tries again with backoff when the server refuses, and delivers once it accepts', async () => {
    const world = await panelTender(t);
    const memberId = await addByEmail(t, world, 'sam@example.org', 'Sam');
    expect((await issue(t, world, memberId)).status).toBe(201);
    mail.rejectNext(1);
    expect(await sender.runOnce()).toBe(1);
    expect(mail.received).toHaveLength(0);
    const waiting = (await messages(t, world)).body.messages[0];
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('451') });
    expect(waiting.nextAttemptAt).toBe(new Date(t.clock.now().getTime() + 60_000).toISOString());
    // Not before its time.
    expect(await sender.runOnce()).toBe(0);
    t.clock.advance(60_000);
    expect(await sender.runOnce()).toBe(1);
    expect(mail.received.map((e) => e.to)).toEqual([['sam@example.org']]);
    expect((await messages(t, world)).body.messages[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives up after five attempts, shows the failure, and the team tries again', async () => {
    const world = await panelTender(t);
    const memberId = await addByEmail(t, world, 'kim@example.org', 'Kim');
    expect((await issue(t, world, memberId)).status).toBe(201);
    mail.rejectNext(5);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await sender.runOnce()).toBe(1);
      t.clock.advance(60 * 60_000);
    }
    const listed = await messages(t, world);
    expect(listed.body.failed).toBe(1);
    const failed = listed.body.messages[0];
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 5,
      nextAttemptAt: null,
      lastError: expect.stringContaining('Mailbox busy'),
    });
    expect(await sender.runOnce()).toBe(0);

    const retry = (id: string) =>
      t.http().post(`/api/tenders/${world.tenderId}/messages/${id}/retry`).set(world.commissioner.auth);
    const retried = await retry(failed.id);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'queued', attempts: 0 });
    expect(await sender.runOnce()).toBe(1);
    expect(mail.received.map((e) => e.to)).toEqual([['kim@example.org']]);
    const again = await retry(failed.id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Only a message that failed can be tried again; this one has not failed.');
    expect((await retry('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    expect(JSON.stringify(audit.body)).toContain('message.retried');
  });

  it('keeps the messages to the team: a panelist or another commissioner sees none', async () => {
    const world = await panelTender(t);
    const other = await t.user('commissioner');
    expect((await t.http().get(`/api/tenders/${world.tenderId}/messages`).set(other.auth)).status).toBe(404);
    const panelist = await addPanelist(t, world, 'professional');
    expect((await t.http().get(`/api/tenders/${world.tenderId}/messages`).set(panelist.auth)).status).toBe(403);
  });

  it('does not email a member whose needs say no email: the message is kept as suppressed', async () => {
    const world = await panelTender(t);
    const memberId = await addByEmail(t, world, 'no-email@example.org', 'Alex');
    // Their needs, recorded with their consent: by phone or through a support worker, not email.
    await recordNeeds(t, world.tenderId, world.commissioner, memberId, { contactMethods: ['phone', 'support_worker'] });
    expect((await issue(t, world, memberId)).status).toBe(201);
    await sender.runOnce();
    expect(mail.received).toHaveLength(0);
    expect((await messages(t, world)).body.messages[0]).toMatchObject({
      status: 'suppressed',
      attempts: 0,
      lastError: 'Not sent: their communication needs say not to email them.',
    });
  });

  it('tells bidders of a published clarification', async () => {
    const world = await panelTender(t);
    const bidder = await t.user('bidder', { organisationName: 'Mind in Camden' });
    expect((await postBid(t, bidder, world.tenderId, panelBid('Mind in Camden'))).status).toBe(201);
    const issued = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/clarifications`)
      .set(world.commissioner.auth)
      .send({ text: 'Annex C is revised.' });
    expect(issued.status).toBe(201);
    await sender.runOnce();
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]).toMatchObject({
      to: [bidder.email],
      subject: 'New clarification for Community mental health day support',
    });
    expect(mail.received[0].body).toContain(`https://tenders.council.example/bids/${world.tenderId}`);
  });

  describe('scoring', () => {
    let world: PanelWorld;
    let first: Awaited<ReturnType<typeof addPanelist>>;
    let second: Awaited<ReturnType<typeof addPanelist>>;

    beforeAll(async () => {
      world = await panelTenderInEvaluation(t);
      first = await addPanelist(t, world, 'professional');
      second = await addPanelist(t, world, 'professional');
      for (const member of [first, second]) await declare(t, world.tenderId, member, world.bidIds);
    });

    it('reminds each member with bids to score, once per reminder, before the scoring deadline', async () => {
      const deadline = new Date(t.clock.now().getTime() + 10 * DAY);
      const patched = await t
        .http()
        .patch(`/api/tenders/${world.tenderId}`)
        .set(world.commissioner.auth)
        .send({ scoringDeadline: deadline.toISOString() });
      expect(patched.status).toBe(200);
      const schedule = await t
        .http()
        .put(`/api/tenders/${world.tenderId}/notification-settings`)
        .set(world.commissioner.auth)
        .send({ reminderDaysBefore: [3] });
      expect(schedule.body).toEqual({ reminderDaysBefore: [3] });
      await scoreAndSubmit(t, world.tenderId, second, world.bidIds[0], 4);
      await scoreAndSubmit(t, world.tenderId, second, world.bidIds[1], 4);
      await sender.runOnce();
      expect(mail.received).toHaveLength(0);

      t.clock.set(new Date(deadline.getTime() - 3 * DAY));
      await sender.runOnce();
      // Only the member with bids left; the one who finished hears nothing.
      expect(mail.received.map((e) => e.to)).toEqual([[first.email]]);
      expect(mail.received[0].subject).toBe('Reminder: 2 bids still to score for Community mental health day support');
      t.clock.advance(60 * 60_000);
      await sender.runOnce();
      expect(mail.received).toHaveLength(1);
    });

    it('reminds now, at the team’s asking, only the members with bids still to score', async () => {
      const path = `/api/tenders/${world.tenderId}/messages/unscored-reminders`;
      expect((await t.http().post(path).set(first.auth)).status).toBe(403);
      const reminded = await t.http().post(path).set(world.commissioner.auth);
      expect(reminded.status).toBe(200);
      expect(reminded.body).toEqual({ queued: 1 });
      await sender.runOnce();
      const told = mail.received.filter((e) => e.subject.startsWith('You have'));
      expect(told.map((e) => ({ to: e.to, subject: e.subject }))).toEqual([
        { to: [first.email], subject: 'You have 2 bids to score for Community mental health day support' },
      ]);
    });

    it('tells the team when the last member submits: all scores are in', async () => {
      await scoreAndSubmit(t, world.tenderId, first, world.bidIds[0], 3);
      await sender.runOnce();
      expect(mail.received.filter((e) => e.subject.startsWith('All scores'))).toHaveLength(0);
      await scoreAndSubmit(t, world.tenderId, first, world.bidIds[1], 3);
      await sender.runOnce();
      const told = mail.received.filter((e) => e.subject === 'All scores are in for Community mental health day support');
      expect(told.map((e) => e.to)).toEqual([[world.commissioner.email]]);
      expect(told[0].body).toContain('all 2 panel members');
    });
  });

  it('refuses a bad reminder schedule in plain words', async () => {
    const world = await panelTender(t);
    const bad = await t
      .http()
      .put(`/api/tenders/${world.tenderId}/notification-settings`)
      .set(world.commissioner.auth)
      .send({ reminderDaysBefore: [0, 'x'] });
    expect(bad.status).toBe(400);
  });
});

describe('notifications without a mail server', () => {
  let t: TestApp | undefined;
  afterAll(() => t?.close());

  it('logs the message and keeps it as "not sent: no mail server configured"', async () => {
    const app = (t = await createTestApp());
    const world = await panelTender(app);
    const memberId = await addByEmail(app, world, 'lee@example.org', 'Lee');
    expect((await issue(app, world, memberId)).status).toBe(201);
    expect(await app.app.get(MailSender).runOnce()).toBe(1);
    const listed = await messages(app, world);
    expect(listed.body.transport).toBe('log');
    expect(listed.body.messages[0]).toMatchObject({
      status: 'logged',
      recipient: 'lee@example.org',
      lastError: 'Not sent: no mail server configured.',
      sentAt: null,
    });
  });
});
