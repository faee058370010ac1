import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { IndividualScore } from '../../src/scoring/individual-score.entity';
import { AccessibilityLog, createWebTestApp, cspViolations, launchBrowser, phone, screenshot, type WebTestApp } from './browser';
import { BUYER, invite, scoringWorld } from './panel-world';
import { fleschKincaidGrade, median } from './readability';

/**
 * Issue 13: a service user scores a whole bid alone, on a phone, from the invitation link.
 * The page is driven by its labels and roles, as assistive technology would; axe-core checks
 * every page and every error state on the way.
 */
describe('A lived-experience panelist on a phone', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  it('opens the link, declares, scores a bid, checks, changes an answer and submits; axe finds nothing on any page', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);
    const { context, page } = await phone(browser);
    const axe = new AccessibilityLog();

    await page.goto(member.link);
    await expectHeading(page, 'Help choose who runs a service');
    await expectText(page, 'There are two bids.');
    await expectText(page, 'Contact Sam Okoye on 020 7974 4444');
    await axe.check(page);
    await screenshot(page, '1-start');
    await button(page, 'Start now').click();

    // Declarations: one question per bidder.
    await expectHeading(page, 'Do you know anyone at Mind in Camden?');
    await axe.check(page);
    await screenshot(page, '2-declaration');
    await button(page, 'Save and continue').click();
    await expectTitle(page, /^Error: Do you know anyone at Mind in Camden\?/);
    await expectText(page, 'Select yes if you know anyone at Mind in Camden');
    await axe.check(page);
    await page.getByLabel('No', { exact: true }).check();
    await button(page, 'Save and continue').click();
    await expectHeading(page, 'Do you know anyone at Certitude?');
    await page.getByLabel('Yes', { exact: true }).check();
    await button(page, 'Save and continue').click();
    await expectText(page, 'Say how you know someone at Certitude');
    await axe.check(page);
    await page.getByLabel('If yes, how do you know them?').fill('My cousin works there.');
    await button(page, 'Save and continue').click();

    // Your scoring: Certitude's bid is gone (a conflict).
    await expectHeading(page, 'Your scoring');
    await expectText(page, 'You have scored 0 of 1 bid.');
    await expectText(page, 'You know someone at one bidder');
    await axe.check(page);
    await screenshot(page, '3-task-list');
    await page.getByRole('link', { name: 'Mind in Camden' }).click();

    // One criterion per page: Q1 then C1 (the lived-experience criteria), in plain words.
    await expectHeading(page, 'Service model');
    await expectText(page, 'Will this service help people get better, in ways that matter to them?');
    await expectText(page, 'Mind in Camden: a recovery college with peer tutors.');
    await axe.check(page);
    await screenshot(page, '4-criterion');
    await button(page, 'Save and continue').click();
    await expectTitle(page, /^Error: Service model/);
    await expectText(page, 'Choose a score');
    await expectText(page, 'Write why you gave this score');
    await axe.check(page);
    await screenshot(page, '5-criterion-errors');
    const radios = page.getByRole('radio');
    expect(await radios.count()).toBe(6);
    await radios.nth(1).check(); // 4, the second from the top
    await page.getByLabel('Why did you give this score?').fill('Good peer support.\nLittle about how they check it works.');
    await button(page, 'Save and continue').click();

    await expectHeading(page, 'Co-production');
    await page.getByRole('radio').nth(2).check(); // 3
    await page.getByLabel('Why did you give this score?').fill('Members help run it, but only one group.');
    await button(page, 'Save and come back later').click();
    await expectHeading(page, 'Your scoring');
    await expectText(page, 'Your score is saved.');
    await axe.check(page);
    await page.getByRole('link', { name: 'Mind in Camden' }).click();

    // Check your scores, change one (the answers are kept), submit.
    await expectHeading(page, 'Check your scores for Mind in Camden');
    await expectText(page, 'Little about how they check it works.');
    await axe.check(page);
    await screenshot(page, '6-check');
    await page.getByRole('link', { name: 'Change Service model' }).click();
    expect(await page.getByLabel('Why did you give this score?').inputValue()).toBe(
      'Good peer support.\nLittle about how they check it works.',
    );
    expect(await page.getByRole('radio').nth(1).isChecked()).toBe(true);
    await page.getByRole('radio').nth(0).check(); // 5
    await button(page, 'Save and continue').click();
    await expectHeading(page, 'Check your scores for Mind in Camden');
    await expectText(page, '5 –');
    await button(page, 'Submit scores for this bid').click();

    await expectHeading(page, 'Scores submitted');
    await expectText(page, 'You have scored 1 of 1 bid.');
    await axe.check(page);
    await screenshot(page, '7-submitted');

    // The footer pages, as the panelist sees them (the help page names the team's contact).
    for (const link of ['Get help', 'Accessibility', 'Privacy', 'Cookies']) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await axe.check(page);
    }
    await expectText(page, 'Sign out');
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expectText(page, 'Ask Sam Okoye if you are stuck');

    // The same service as the API: the scores are there, submitted, with the reasons.
    const scores = await t.app
      .get(DataSource)
      .getRepository(IndividualScore)
      .find({ where: { panelMemberId: member.memberId }, order: { score: 'DESC' } });
    expect(scores.map((s) => [s.score, s.status, s.rationale])).toEqual([
      [5, 'submitted', 'Good peer support.\nLittle about how they check it works.'],
      [3, 'submitted', 'Members help run it, but only one group.'],
    ]);
    expect(axe.failures).toEqual([]);

    // Every page of the tender names the service and the buying organisation in its header.
    const tenderPages = axe.pages.filter((visited) => /^\/(invitation|panel)\//.test(visited.path));
    expect(tenderPages.length).toBeGreaterThanOrEqual(9);
    for (const visited of tenderPages)
      expect([visited.title, visited.header]).toEqual([
        visited.title,
        expect.stringMatching(new RegExp(`^Tender Scorer ${BUYER}`)),
      ]);

    // Plain words: the Flesch–Kincaid grade of each page's own text, median ≤ 6, worst ≤ 8.
    const grades = axe.pages.map((visited) => ({
      title: visited.title,
      grade: Math.round(fleschKincaidGrade(visited.text) * 10) / 10,
    }));
    if (process.env.SHOW_GRADES) console.log(grades);
    expect(median(grades.map((g) => g.grade))).toBeLessThanOrEqual(6);
    expect(grades.filter((g) => g.grade > 8)).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(axe.pages.length).toBeGreaterThanOrEqual(10);
    await context.close();
  });

  it('every error state a person can meet has a page in plain words, and axe finds nothing on any of them', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);
    const { context, page } = await phone(browser);
    const axe = new AccessibilityLog();
    const seen: string[] = [];
    const visit = async () => {
      seen.push(await page.getByRole('heading', { level: 1 }).innerText());
      await axe.check(page);
    };

    // A wrong code, then a link that does not exist.
    await page.goto(`${t.baseUrl}/invitation`);
    await button(page, 'Continue').click();
    await visit();
    await page.goto(`${t.baseUrl}/invitation/not-a-real-token`);
    await visit();
    // A wrong password.
    await page.goto(`${t.baseUrl}/sign-in`);
    await button(page, 'Sign in').click();
    await visit();

    // The real link, a conflict on Certitude; then the conflicted bid by its address.
    await page.goto(member.link);
    await button(page, 'Start now').click();
    await page.getByLabel('No', { exact: true }).check();
    await button(page, 'Save and continue').click();
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('If yes, how do you know them?').fill('My cousin works there.');
    await button(page, 'Save and continue').click();
    await page.goto(`${t.baseUrl}/panel/${world.tenderId}/bids/${world.bidIds[1]}/criteria/Q1`);
    await visit();

    // The link again, once used: it does not work (the device can carry on).
    await page.goto(member.link);
    await visit();

    // A page left open while scoring closes (here the tender is cancelled).
    await page.goto(`${t.baseUrl}/panel/${world.tenderId}/bids/${world.bidIds[0]}/criteria/Q1`);
    const cancelled = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/cancel`)
      .set(world.commissioner.auth)
      .send({ reason: 'Budget withdrawn.' });
    expect(cancelled.status).toBe(200);
    await page.getByRole('radio').first().check();
    await page.getByLabel('Why did you give this score?').fill('Good.');
    await button(page, 'Save and continue').click();
    await visit();

    // A form kept open after signing out.
    await page.goto(`${t.baseUrl}/help`);
    const stale = await page.locator('input[name="_csrf"]').first().inputValue();
    await button(page, 'Sign out').click();
    await visit();
    // Wait for the post's own navigation: the page it leaves has a heading too.
    await Promise.all([
      page.waitForEvent('framenavigated'),
      page.evaluate(`(() => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = '/sign-out';
        form.innerHTML = '<input type="hidden" name="_csrf" value="${stale}">';
        document.body.appendChild(form);
        form.submit();
      })()`),
    ]);
    await page.waitForLoadState();
    await visit();

    expect(seen).toEqual([
      'Enter your code',
      'This link does not work',
      'Sign in',
      'You cannot score this bid',
      'This link does not work',
      'Scoring has closed',
      'You are signed out',
      'This page has expired',
    ]);
    expect(axe.failures).toEqual([]);
    // The error pages of the tender (a conflicted bid, scoring closed) keep its header.
    for (const visited of axe.pages.filter((p) => p.path.startsWith('/panel/'))) expect(visited.header).toContain(BUYER);
    const grades = axe.pages.map((visited) => fleschKincaidGrade(visited.text));
    expect(grades.filter((grade) => grade > 8)).toEqual([]);
    await context.close();
  });
});

async function expectHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 5000 });
}

async function expectText(page: Page, text: string): Promise<void> {
  await page.getByText(text).first().waitFor({ timeout: 5000 });
}

async function expectTitle(page: Page, pattern: RegExp): Promise<void> {
  expect(await page.title()).toMatch(pattern);
}
