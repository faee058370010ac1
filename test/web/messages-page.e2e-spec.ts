import type { Browser } from 'playwright-core';
import { MailSender } from '../../src/notifications/mail-sender.service';
import { addPanelist, declare, panelTenderInEvaluation, panelTender } from '../steps';
import { TestMailServer } from '../notifications/mail-server';
import {
  AccessibilityLog,
  createWebTestApp,
  launchBrowser,
  phone,
  screenshot,
  scrollsSideways,
  type WebTestApp,
} from './browser';
import { PASSWORD } from '../app';

jest.setTimeout(120_000);

describe('The Messages page in a real browser', () => {
  const mail = new TestMailServer();
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const axe = new AccessibilityLog();

  beforeAll(async () => {
    const url = await mail.start();
    t = await createWebTestApp({ env: { SMTP_URL: url, MAIL_FROM: 'tenders@council.example' } });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
    await mail.stop();
  });

  it('a commissioner sees a failed invitation on the overview, reads it masked, and tries again', async () => {
    const world = await panelTender(t);
    const added = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'Jordan Reid', email: 'jordan.reid@example.org', group: 'lived_experience' });
    const issued = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel/${added.body.id}/invitation`)
      .set(world.commissioner.auth);
    expect(issued.status).toBe(201);
    const sender = t.app.get(MailSender);
    mail.rejectNext(5);
    for (let attempt = 0; attempt < 5; attempt++) {
      await sender.runOnce();
      t.clock.advance(60 * 60_000);
    }

    const { context, page } = await phone(browser);
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(world.commissioner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}`);
    await expectText(page.getByRole('region', { name: 'Important' }), '1 email has not been sent.');
    await axe.check(page);
    await page.getByRole('link', { name: 'See the messages and try again' }).click();

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Messages');
    await expectText(page.locator('main'), '1 message has not been sent.');
    await expectText(page.locator('main'), 'Mailbox busy, try again later');
    await expectText(page.locator('main'), 'Lived experience 1 (jordan.reid@example.org)');
    await page.getByText('Read the message').click();
    const body = await page.locator('.govuk-details__text').innerText();
    expect(body).toContain('/invitation/••••••••');
    expect(body).not.toContain(issued.body.token);
    expect(body).not.toContain(issued.body.code);
    expect(await scrollsSideways(page)).toBe(false);
    await axe.check(page);
    await screenshot(page, 'messages-failed-360');

    await page.getByRole('button', { name: /^Try again:/ }).click();
    await expectText(page.locator('main'), 'The message will be sent again in the next few minutes.');
    await expectText(page.locator('main'), 'Waiting to send');
    await axe.check(page);
    await sender.runOnce();
    expect(mail.received.map((e) => e.to)).toEqual([['jordan.reid@example.org']]);
    await page.reload();
    await expectText(page.locator('main'), 'Sent');
    await axe.check(page);
    await screenshot(page, 'messages-sent-360');
    await context.close();
    expect(axe.failures).toEqual([]);
  });

  it('while the panel scores, the team reminds the members with bids still to score from the page', async () => {
    const world = await panelTenderInEvaluation(t);
    const member = await addPanelist(t, world, 'professional');
    await declare(t, world.tenderId, member, world.bidIds);
    const { context, page } = await phone(browser);
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(world.commissioner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/messages`);
    await page.getByRole('button', { name: 'Remind members who have bids to score', exact: true }).click();
    await expectText(page.locator('main'), '1 member will get a reminder in the next few minutes.');
    await expectText(page.locator('main'), 'You have 2 bids to score for');
    expect(await scrollsSideways(page)).toBe(false);
    await axe.check(page);
    await screenshot(page, 'messages-reminded-360');

    // The reminder schedule, in the tender's own words: a wrong entry is named, a right one saved.
    const schedule = page.getByLabel('Reminders before the scoring deadline');
    await schedule.fill('a week');
    await page.getByRole('button', { name: 'Save the reminder schedule', exact: true }).click();
    await expectText(page.locator('.govuk-error-summary'), 'Write whole numbers of days before the deadline');
    await axe.check(page);
    await page.getByLabel('Reminders before the scoring deadline').fill('5, 2');
    await page.getByRole('button', { name: 'Save the reminder schedule', exact: true }).click();
    await expectText(page.locator('main'), 'The reminder schedule is saved.');
    const saved = await t.http().get(`/api/tenders/${world.tenderId}/notification-settings`).set(world.commissioner.auth);
    expect(saved.body).toEqual({ reminderDaysBefore: [5, 2] });
    await context.close();
    expect(axe.failures).toEqual([]);
  });
});

async function expectText(locator: { innerText: () => Promise<string> }, text: string): Promise<void> {
  expect(await locator.innerText()).toContain(text);
}
