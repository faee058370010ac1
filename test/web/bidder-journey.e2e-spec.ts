import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../app';
import { BID_TENDER_CRITERIA, createPublishedTender, FUTURE_DEADLINE, postBid } from '../steps';
import {
  AccessibilityLog,
  createWebTestApp,
  cspViolations,
  launchBrowser,
  phone,
  screenshot,
  scrollsSideways,
  type WebTestApp,
} from './browser';

const DEADLINE = new Date(FUTURE_DEADLINE);
const CLARIFICATION_DEADLINE = '2027-01-17T12:00:00.000Z';
const SENTENCE = 'Members plan the week together and peer workers lead the groups.';

/**
 * Issue 15: a small charity bids without help. A VCSE bidder registers, drafts its bid over
 * two sessions, asks a question, submits, keeps a receipt whose SHA-256 matches what was
 * stored, resubmits, and is refused one second after the deadline (the server's moved clock).
 * A rival sees neither the bid nor the private question; a published answer reaches both.
 * Driven by labels and roles; axe-core on every page and error state.
 */
describe('A VCSE bidder on a phone', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let tenderId: string;
  let commissioner: Awaited<ReturnType<WebTestApp['user']>>;
  jest.setTimeout(240_000);
  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
    commissioner = await t.user('commissioner');
    tenderId = await createPublishedTender(t, commissioner.token, {
      criteria: BID_TENDER_CRITERIA,
      tender: {
        title: 'Community mental health day support',
        description: 'A day service for adults in the borough.',
        clarificationDeadline: CLARIFICATION_DEADLINE,
      },
    });
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const heading = async (page: Page) => (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
  const signIn = async (page: Page, email: string) => {
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await button(page, 'Sign in').click();
  };
  /** On a phone the header's links fold behind "Menu" (GOV.UK service navigation with more than one link). */
  const menu = async (page: Page) => {
    const toggle = page.getByRole('button', { name: 'Menu' });
    if (await toggle.isVisible()) await toggle.click();
  };
  const signOut = async (page: Page) => {
    await menu(page);
    await button(page, 'Sign out').click();
  };
  const answer = async (page: Page, code: string, text: string) => {
    await page.goto(`${t.baseUrl}/bids/${tenderId}/answers/${code}`);
    await page.getByRole('textbox').fill(text);
    await button(page, 'Save and continue').click();
  };

  it('registers, drafts over two sessions, submits, checks the receipt, resubmits, and is refused after the deadline', async () => {
    const axe = new AccessibilityLog();
    t.clock.set('2027-01-10T09:00:00.000Z');
    const first = await phone(browser);
    let page = first.page;

    // Register the organisation (with the error state first).
    await page.goto(`${t.baseUrl}/register`);
    await axe.check(page);
    await screenshot(page, 'bidder-1-register');
    await button(page, 'Register').click();
    expect(await page.title()).toMatch(/^Error: Register your organisation/);
    await page.getByText('Select the type of organisation').first().waitFor();
    await axe.check(page);
    await page.getByLabel('Name of your organisation').fill('Camden Mind');
    await page.getByLabel('Voluntary, community or social enterprise (VCSE)').check();
    await page.getByLabel('Your name').fill('Priya Shah');
    await page.getByLabel('Your email address').fill('priya@camdenmind.org');
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await button(page, 'Register').click();
    expect(await heading(page)).toBe('Opportunities');
    await page.getByText('Your organisation is registered.').waitFor();
    await page.getByText('Time left: 21 days and 3 hours.').waitFor();
    await axe.check(page);
    await screenshot(page, 'bidder-2-opportunities');

    // The opportunity: criteria, scale, price, panel in general terms; ask a question.
    await page.getByRole('link', { name: 'Community mental health day support' }).click();
    expect(await heading(page)).toBe('Community mental health day support');
    for (const text of [
      'Q1: Service model',
      'Weight: 25% of the marks. Answer in up to 50 words.',
      'Professionals score:',
      'The lowest price gets all the price marks.',
      'No answers have been published yet.',
    ]) {
      await page.getByText(text).first().waitFor();
    }
    await axe.check(page);
    await screenshot(page, 'bidder-3-opportunity');
    await button(page, 'Send your question').click();
    expect(await page.title()).toMatch(/^Error: /);
    await axe.check(page);
    await page.getByLabel('Ask a question').fill('Our partner Acme charges £12 an hour for the café. Is that allowed?');
    await button(page, 'Send your question').click();
    await page.getByText('Your question has been sent.').waitFor();
    await page.getByText('Not answered yet.').waitFor();

    // Start the bid: name and price, then one answer over the word limit, then saved.
    await page.getByRole('button', { name: 'Start your bid' }).click();
    expect(await heading(page)).toBe('Start your bid');
    await button(page, 'Save and continue').click();
    await page.getByText('Enter your total price in pounds').first().waitFor();
    await axe.check(page);
    await page.getByLabel('Name of your organisation as it should appear on the bid').fill('Camden Mind');
    await page.getByLabel('Your total price').fill('£249,500.50');
    await button(page, 'Save and continue').click();
    expect(await heading(page)).toBe('Your bid');
    await page.getByText('Your bid is saved as a draft.').waitFor();
    await axe.check(page);
    await screenshot(page, 'bidder-4-task-list');
    await answer(page, 'Q1', Array.from({ length: 51 }, () => 'word').join(' '));
    await page.getByText('Your answer has 51 words. Cut it to 50 words or fewer.').first().waitFor();
    await axe.check(page);
    await screenshot(page, 'bidder-5-answer-error');
    await answer(page, 'Q1', SENTENCE);
    await page.getByText('Your bid is saved as a draft.').waitFor();
    await signOut(page);
    await first.context.close();

    // The next day, a second session: the draft is there; the rest of the bid.
    t.clock.set('2027-01-11T09:00:00.000Z');
    const second = await phone(browser);
    page = second.page;
    await signIn(page, 'priya@camdenmind.org');
    expect(await heading(page)).toBe('Opportunities');
    await page.goto(`${t.baseUrl}/bids/${tenderId}`);
    await page.getByText('You have answered 1 of').waitFor();
    for (const code of ['Q2', 'C1', 'SV1']) await answer(page, code, `${SENTENCE} (${code})`);
    await page.goto(`${t.baseUrl}/bids/${tenderId}/commitments`);
    await axe.check(page);
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await button(page, 'Save commitment').click();
    await page.getByText('Enter the outcome you commit to').first().waitFor();
    await axe.check(page);
    await page.getByLabel('Outcome').fill('Local people in paid work');
    await page.getByLabel('How you will measure it').fill('Job starts each year');
    await page.getByLabel('Baseline (optional)').fill('12');
    await page.getByLabel('Target').fill('40');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2028');
    await button(page, 'Save commitment').click();
    expect(await heading(page)).toBe('Outcome commitments');
    await page.getByText('Local people in paid work').waitFor();
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByLabel('Outcome').fill('Fewer crisis admissions');
    await page.getByLabel('How you will measure it').fill('Admissions a year');
    await page.getByLabel('Target').fill('5');
    await button(page, 'Save commitment').click();
    await page.getByRole('link', { name: 'Change commitment 2' }).click();
    await page.getByLabel('Target').fill('4');
    await button(page, 'Save commitment').click();
    await page.getByRole('button', { name: 'Remove commitment 2' }).click();
    expect(await page.getByText('Fewer crisis admissions').count()).toBe(0);
    await axe.check(page);
    await page.goto(`${t.baseUrl}/bids/${tenderId}/consortium`);
    await page.getByLabel('Consortium members').fill('Holborn Community Association\n\nKentish Town Trust');
    await button(page, 'Save and continue').click();

    // Check your bid, submit, the receipt.
    await page.goto(`${t.baseUrl}/bids/${tenderId}/check`);
    expect(await heading(page)).toBe('Check your bid');
    await axe.check(page);
    await screenshot(page, 'bidder-6-check');
    t.clock.set('2027-01-11T09:15:30.000Z');
    await button(page, 'Submit your bid').click();
    expect(await heading(page)).toBe('Bid received');
    await axe.check(page);
    await screenshot(page, 'bidder-7-receipt');
    const shownHash = (await page.locator('.app-hash').innerText()).trim();
    const bidderToken = await t.login('priya@camdenmind.org');
    const [bid] = (await t.http().get(`/api/tenders/${tenderId}/bids`).set('Authorization', `Bearer ${bidderToken}`).expect(200))
      .body;
    expect(shownHash).toBe(sha256(independentCanonical(tenderId, bid)));
    expect(bid).toMatchObject({
      version: 1,
      submittedVersion: 1,
      submittedAt: '2027-01-11T09:15:30.000Z',
      consortium: ['Holborn Community Association', 'Kentish Town Trust'],
    });
    const download = await second.context.request.get(`${t.baseUrl}/bids/${tenderId}/receipt/download`);
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="bid-receipt-.*-v1\.txt"$/);
    const file = await download.text();
    const content = file.split('\n')[file.split('\n').indexOf('Content:') + 1];
    expect(sha256(content)).toBe(shownHash);
    expect(file).toContain('Received (server time, UTC): 2027-01-11T09:15:30.000Z');

    // Resubmit: a new version; the first one is kept.
    await page.goto(`${t.baseUrl}/bids/${tenderId}/price`);
    await page.getByLabel('Your total price').fill('239000');
    await button(page, 'Save and continue').click();
    await page.getByText('You have changes that are not sent yet').waitFor();
    await page.goto(`${t.baseUrl}/bids/${tenderId}/check`);
    await button(page, 'Submit your bid').click();
    expect(await heading(page)).toBe('Bid received');
    await page.getByText('Version 2').first().waitFor();
    const versions = await t.app
      .get(DataSourceToken)
      .query('SELECT "number", "status" FROM "bid_versions" WHERE "bidId" = $1 ORDER BY "number"'.replace('$1', `'${bid.id}'`));
    expect(versions.map((v: { number: number; status: string }) => [Number(v.number), v.status])).toEqual([
      [1, 'superseded'],
      [2, 'submitted'],
    ]);

    // A form left open until one second after the deadline: refused with a page of its own.
    t.clock.set(new Date(DEADLINE.getTime() - 60_000));
    await signIn(page, 'priya@camdenmind.org');
    await page.goto(`${t.baseUrl}/bids/${tenderId}/price`);
    t.clock.set(new Date(DEADLINE.getTime() + 1000));
    await page.getByLabel('Your total price').fill('1');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      button(page, 'Save and continue').click(),
    ]);
    expect(response.status()).toBe(409);
    expect(await heading(page)).toBe('The deadline for bids has passed');
    await page.getByText('The bid that counts is version 2').waitFor();
    await axe.check(page);
    await screenshot(page, 'bidder-8-deadline-passed');
    await page.getByRole('link', { name: 'See your bid' }).click();
    expect(await heading(page)).toBe('Your bid');
    await page.getByText('Nothing can be changed now.').waitFor();
    await axe.check(page);
    const after = (
      await t.http().get(`/api/tenders/${tenderId}/bids/${bid.id}`).set('Authorization', `Bearer ${bidderToken}`).expect(200)
    ).body;
    expect(after.price).toBe(239000);

    // After the box opens: status only.
    await t.http().post(`/api/tenders/${tenderId}/close`).set(commissioner.auth).expect(200);
    await page.goto(`${t.baseUrl}/bids/${tenderId}`);
    await page.getByText('The bids have been opened.').waitFor();
    expect(await page.getByRole('link', { name: /Change/ }).count()).toBe(0);
    await axe.check(page);
    await screenshot(page, 'bidder-9-status');
    await second.context.close();

    expect(axe.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('a rival sees neither the bid nor the private question; a published answer reaches every bidder', async () => {
    t.clock.set('2027-01-05T09:00:00.000Z');
    const rivalTender = await createPublishedTender(t, commissioner.token, {
      criteria: BID_TENDER_CRITERIA,
      tender: { title: 'Peer support service', clarificationDeadline: CLARIFICATION_DEADLINE },
    });
    const axe = new AccessibilityLog();
    const mind = await t.user('bidder', { organisationName: 'Camden Mind', organisationType: 'vcse' });
    const rival = await t.user('bidder', { organisationName: 'Big Care plc', organisationType: 'large' });
    const bid = await postBid(t, mind, rivalTender, { bidderName: 'Camden Mind' });
    expect(bid.status).toBe(201);
    const secret = 'We pay our subcontractor Acme £12 an hour. Is that allowed?';
    const asked = await t
      .http()
      .post(`/api/tenders/${rivalTender}/questions`)
      .set(mind.auth)
      .send({ question: secret })
      .expect(201);
    await t
      .http()
      .post(`/api/tenders/${rivalTender}/clarifications/${asked.body.id}/answer`)
      .set(commissioner.auth)
      .send({ answer: 'Yes, that rate is allowed.', private: true, privateReason: 'Names a subcontractor and its rate.' })
      .expect(200);

    const r = await phone(browser);
    await signIn(r.page, rival.email);
    await r.page.goto(`${t.baseUrl}/bids/${rivalTender}`);
    expect(await heading(r.page)).toBe('Start your bid');
    await t.http().get(`/api/tenders/${rivalTender}/bids/${bid.body.id}`).set(rival.auth).expect(404);
    await r.page.goto(`${t.baseUrl}/opportunities/${rivalTender}`);
    expect(await r.page.getByText(secret).count()).toBe(0);
    expect(await r.page.getByText('Yes, that rate is allowed.').count()).toBe(0);
    await r.page.getByLabel('Ask a question').fill('Can the service run from two sites?');
    await button(r.page, 'Send your question').click();
    await r.page.getByText('Your question has been sent.').waitFor();
    const log = (await t.http().get(`/api/tenders/${rivalTender}/clarifications`).set(commissioner.auth).expect(200)).body;
    const rivalQuestion = log.find((entry: { question: string }) => entry.question === 'Can the service run from two sites?');
    expect(rivalQuestion.askedBy.organisationName).toBe('Big Care plc');
    await t
      .http()
      .post(`/api/tenders/${rivalTender}/clarifications/${rivalQuestion.id}/answer`)
      .set(commissioner.auth)
      .send({ answer: 'Yes, if both are in the borough.' })
      .expect(200);

    const m = await phone(browser);
    await signIn(m.page, mind.email);
    for (const page of [r.page, m.page]) {
      await page.goto(`${t.baseUrl}/opportunities/${rivalTender}`);
      await page.getByText('Can the service run from two sites?').waitFor();
      await page.getByText('Yes, if both are in the borough.').waitFor();
      expect(await page.getByText('Big Care plc').count()).toBe(0);
      await axe.check(page);
    }
    await m.page.getByText('Answer, to you only: Yes, that rate is allowed.').waitFor();
    expect(await r.page.getByText(secret).count()).toBe(0);
    await screenshot(m.page, 'bidder-10-questions-and-answers');
    await r.context.close();
    await m.context.close();
    expect(axe.failures).toEqual([]);
  });

  it('the team answers on its Questions pages; each bidder is told of new answers when next signing in; the account pages', async () => {
    t.clock.set('2027-01-07T09:00:00.000Z');
    const title = 'Young carers short breaks';
    const tender = await createPublishedTender(t, commissioner.token, {
      criteria: BID_TENDER_CRITERIA,
      tender: { title, clarificationDeadline: CLARIFICATION_DEADLINE },
    });
    const axe = new AccessibilityLog();
    const trust = await t.user('bidder', { organisationName: 'Holborn Trust', organisationType: 'vcse' });
    const rival = await t.user('bidder', { organisationName: 'Rival Care Ltd', organisationType: 'sme' });
    const secret = 'Our carers are paid £11.44 an hour through Acme Agency. Is that rate acceptable?';

    // Each bidder signs in (a first sign-in: nothing is new yet) and asks a question.
    const b = await phone(browser);
    const r = await phone(browser);
    for (const [who, page, question] of [
      [trust, b.page, 'Can the breaks run from two community centres?'],
      [rival, r.page, secret],
    ] as const) {
      await signIn(page, who.email);
      expect(await heading(page)).toBe('Opportunities');
      expect(await page.getByText('since you last signed in').count()).toBe(0);
      await page.goto(`${t.baseUrl}/opportunities/${tender}`);
      await page.getByLabel('Ask a question').fill(question);
      await button(page, 'Send your question').click();
      await page.getByText('Your question has been sent.').waitFor();
    }

    // The team's Questions page, in the tender's navigation: who asked, for the team only.
    t.clock.set('2027-01-07T15:00:00.000Z');
    const c = await phone(browser);
    await signIn(c.page, commissioner.email);
    await c.page.goto(`${t.baseUrl}/tenders/${tender}`);
    await c.page.getByRole('navigation', { name: 'Tender pages' }).getByRole('link', { name: 'Questions' }).click();
    expect(await heading(c.page)).toBe('Questions from bidders');
    await c.page.getByText(/Asked by Holborn Trust \(/).waitFor();
    await c.page.getByText(/Asked by Rival Care Ltd \(/).waitFor();
    await axe.check(c.page);
    await screenshot(c.page, 'bidder-12-team-questions');

    // Question 1 to every bidder (the default), after the empty answer's error.
    await c.page.getByRole('link', { name: 'Answer question 1' }).click();
    expect(await heading(c.page)).toBe('Question 1');
    await button(c.page, 'Send the answer').click();
    expect(await c.page.title()).toMatch(/^Error: Question 1/);
    await c.page.getByText('Write the answer, in 20,000 characters or fewer').first().waitFor();
    await axe.check(c.page);
    await c.page.getByLabel('Your answer').fill('Yes, if both centres are in the borough.');
    await button(c.page, 'Send the answer').click();
    await c.page.getByText('The answer is published to every bidder.').waitFor();

    // Question 2 reveals the asker's rates: private, with the reason (its error first).
    await c.page.getByRole('link', { name: 'Answer question 2' }).click();
    await c.page.getByLabel('Your answer').fill('Yes, that rate is acceptable.');
    await c.page.getByRole('radio', { name: 'Only the bidder who asked' }).check();
    await button(c.page, 'Send the answer').click();
    await c.page.getByText('Say what commercial detail the question reveals').first().waitFor();
    await axe.check(c.page);
    await screenshot(c.page, 'bidder-13-team-answer-error');
    await c.page.getByLabel('If only the bidder who asked: why?').fill('Names their agency and its rate.');
    await button(c.page, 'Send the answer').click();
    await c.page.getByText('The answer is sent to the bidder who asked only.').waitFor();
    await c.page.getByText('Why it is private: Names their agency and its rate.').waitFor();

    // A clarification of the team's own, after its empty error.
    await button(c.page, 'Publish to every bidder').click();
    await c.page.getByText('Write the clarification, in 20,000 characters or fewer').first().waitFor();
    await axe.check(c.page);
    await c.page.getByLabel('Your clarification').fill('The site plan in annex B is updated.');
    await button(c.page, 'Publish to every bidder').click();
    await c.page.getByText('Your clarification is published to every bidder.').waitFor();
    await axe.check(c.page);
    await screenshot(c.page, 'bidder-14-team-published');
    const rows: { action: string }[] = await t.app
      .get(DataSourceToken)
      .query(`SELECT "action" FROM "audit_events" WHERE "tenderId" = '${tender}' AND "action" LIKE 'clarification.%'`);
    const actions = rows.map((row) => row.action);
    expect(actions.sort((a, b) => a.localeCompare(b))).toEqual([
      'clarification.answered',
      'clarification.answered',
      'clarification.asked',
      'clarification.asked',
      'clarification.published',
      'clarification.published',
    ]);

    // The next day each bidder signs in again: told of what is new for them, never the rival's private answer.
    t.clock.set('2027-01-08T09:00:00.000Z');
    for (const [page, count] of [
      [b.page, 2],
      [r.page, 3],
    ] as const) {
      // Yesterday's sessions have long timed out: they sign in again.
      await signIn(page, page === b.page ? trust.email : rival.email);
      await page.getByText(`${count} new answers since you last signed in`).waitFor();
      await axe.check(page);
    }
    await screenshot(b.page, 'bidder-15-new-answers');
    await b.page.getByRole('link', { name: title }).first().click();
    expect(await heading(b.page)).toBe(title);
    await b.page.getByText('Yes, if both centres are in the borough.').waitFor();
    await b.page.getByText('The site plan in annex B is updated.').waitFor();
    for (const hidden of [secret, 'Yes, that rate is acceptable.', 'Rival Care Ltd', 'Holborn Trust']) {
      expect({ hidden, shown: await b.page.getByText(hidden).count() }).toEqual({ hidden, shown: 0 });
    }
    await r.page.goto(`${t.baseUrl}/opportunities/${tender}`);
    await r.page.getByText('Answer, to you only: Yes, that rate is acceptable.').waitFor();
    await signOut(r.page);
    await signIn(r.page, rival.email);
    expect(await r.page.getByText('since you last signed in').count()).toBe(0);

    // The bidder's account: change the password (errors first), then a reset link from the admin.
    await menu(b.page);
    await b.page.getByRole('link', { name: 'Your account' }).click();
    expect(await heading(b.page)).toBe('Your account');
    await b.page.getByText('Holborn Trust').first().waitFor();
    await axe.check(b.page);
    await screenshot(b.page, 'bidder-16-account');
    await b.page.getByRole('link', { name: 'Change your password' }).click();
    expect(await heading(b.page)).toBe('Change your password');
    expect(await b.page.getByRole('link', { name: 'Your account', includeHidden: true }).count()).toBe(1);
    await button(b.page, 'Change password').click();
    await b.page.getByText('Enter your current password').first().waitFor();
    await axe.check(b.page);
    await b.page.getByLabel('Current password').fill(PASSWORD);
    await b.page.getByLabel('New password').fill('holborn trust picks a long one');
    await button(b.page, 'Change password').click();
    await b.page.getByText('Your password is changed.').waitFor();
    await axe.check(b.page);
    const issued = await t
      .http()
      .post(`/api/users/${trust.id}/password-reset`)
      .set('Authorization', `Bearer ${t.adminToken}`)
      .expect(201);
    const resetPath = new URL(issued.body.url as string).pathname;
    await signOut(b.page);
    await b.page.goto(`${t.baseUrl}${resetPath}`);
    expect(await heading(b.page)).toBe('Choose a new password');
    await b.page.getByLabel('New password').fill('short');
    await button(b.page, 'Set password').click();
    await b.page.getByText('Your new password must be 12 to 200 characters long').first().waitFor();
    await axe.check(b.page);
    await b.page.getByLabel('New password').fill('a reset link chose this one');
    await button(b.page, 'Set password').click();
    expect(await heading(b.page)).toBe('Your password is set');
    await b.page.goto(`${t.baseUrl}${resetPath}`);
    await b.page.getByLabel('New password').fill('a reset link chose this one again');
    await button(b.page, 'Set password').click();
    expect(await heading(b.page)).toBe('This link does not work');
    await axe.check(b.page);
    await b.page.goto(`${t.baseUrl}/sign-in`);
    await b.page.getByLabel('Email address').fill(trust.email);
    await b.page.getByLabel('Password').fill('a reset link chose this one');
    await button(b.page, 'Sign in').click();
    expect(await heading(b.page)).toBe('Opportunities');
    for (const context of [b.context, r.context, c.context]) await context.close();
    expect(axe.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('works with JavaScript off at 320 px without sideways scrolling', async () => {
    t.clock.set('2027-01-06T09:00:00.000Z');
    const tender = await createPublishedTender(t, commissioner.token, {
      criteria: BID_TENDER_CRITERIA,
      tender: { title: 'Carers support' },
    });
    const { context, page } = await phone(browser, { javaScriptEnabled: false, width: 320 });
    const visited: string[] = [];
    const noSideways = async () => {
      visited.push(await heading(page));
      expect({ page: visited[visited.length - 1], sideways: await scrollsSideways(page) }).toEqual({
        page: visited[visited.length - 1],
        sideways: false,
      });
    };
    await page.goto(`${t.baseUrl}/register`);
    await page.getByLabel('Name of your organisation').fill('Carers Together');
    await page.getByLabel('Small or medium business (SME)').check();
    await page.getByLabel('Your name').fill('Sam Lee');
    await page.getByLabel('Your email address').fill('sam@carers.example');
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await button(page, 'Register').click();
    await noSideways();
    await page.goto(`${t.baseUrl}/opportunities/${tender}`);
    await noSideways();
    await page.getByRole('button', { name: 'Start your bid' }).click();
    await page.getByLabel('Name of your organisation as it should appear on the bid').fill('Carers Together');
    await page.getByLabel('Your total price').fill('98000');
    await button(page, 'Save and continue').click();
    await noSideways();
    for (const code of ['Q1', 'Q2', 'C1', 'SV1']) {
      await page.goto(`${t.baseUrl}/bids/${tender}/answers/${code}`);
      await noSideways();
      await page.getByRole('textbox').fill(`${SENTENCE} (${code})`);
      await button(page, 'Save and continue').click();
    }
    await page.goto(`${t.baseUrl}/bids/${tender}/commitments/new`);
    await noSideways();
    await page.goto(`${t.baseUrl}/bids/${tender}/check`);
    await noSideways();
    await button(page, 'Submit your bid').click();
    expect(await heading(page)).toBe('Bid received');
    await noSideways();
    await screenshot(page, 'bidder-11-receipt-320px');
    expect(visited).toContain('Bid received');
    await context.close();
  });
});

/** The receipt's canonical content (docs/BIDS.md "Receipts"), rebuilt from the bid as the API gives it. */
interface ApiBid {
  id: string;
  submittedVersion: number;
  submittedAt: string;
  bidderName: string;
  organisationType: string | null;
  consortium: string[];
  price: number;
  responses: { code: string; text: string }[];
  commitments: {
    code: string | null;
    outcome: string;
    measure: string;
    target: number;
    baseline: number | null;
    by: string | null;
  }[];
}

function independentCanonical(tenderId: string, bid: ApiBid): string {
  return JSON.stringify({
    tender: tenderId,
    bid: bid.id,
    version: bid.submittedVersion,
    submittedAt: bid.submittedAt,
    bidderName: bid.bidderName,
    organisationType: bid.organisationType,
    consortium: bid.consortium,
    price: bid.price.toFixed(2),
    responses: bid.responses.map((r) => ({ criterion: r.code, text: r.text })),
    commitments: bid.commitments.map((c) => ({
      criterion: c.code,
      outcome: c.outcome,
      measure: c.measure,
      target: String(c.target),
      baseline: c.baseline === null ? null : String(c.baseline),
      by: c.by,
    })),
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const DataSourceToken = DataSource;
