import type { Browser, Page } from 'playwright-core';
import { PASSWORD, type SignedIn } from '../app';
import { addLayPanelist, declare, type Panelist, type PanelWorld, panelTenderInEvaluation } from '../steps';
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

/*
 * Assisted scoring in a real browser: a commissioner enters a lay member's scores on their
 * behalf with the member present (the required question refused when unanswered), submits
 * them from the member's paper form; the member, in their own session, confirms them from
 * their task list. axe on every page, no sideways scrolling at 360 px.
 */
jest.setTimeout(120_000);

describe('Assisted scoring pages', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let world: PanelWorld;
  let lay: Panelist;
  const a11y = new AccessibilityLog();

  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
    world = await panelTenderInEvaluation(t);
    lay = await addLayPanelist(t, world, 'lived_experience', 'service user');
    await declare(t, world.tenderId, lay, world.bidIds);
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });
  afterEach(() => expect(cspViolations).toEqual([]));

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  async function check(page: Page, shot?: string): Promise<void> {
    await a11y.check(page);
    expect(await scrollsSideways(page)).toBe(false);
    if (shot) await screenshot(page, `assisted-${shot}`);
  }

  async function signIn(who: SignedIn) {
    const session = await phone(browser);
    session.page.setDefaultTimeout(8000);
    await session.page.goto(`${t.baseUrl}/sign-in`);
    await session.page.getByLabel('Email address').fill(who.email);
    await session.page.getByLabel('Password').fill(PASSWORD);
    await button(session.page, 'Sign in').click();
    await session.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return session;
  }

  it('a commissioner enters a lay member’s scores with them present, then submits from their paper form', async () => {
    const { page, context } = await signIn(world.commissioner);
    const base = `${t.baseUrl}/tenders/${world.tenderId}/panel/${lay.memberId}/assist`;
    await page.goto(base);
    expect(await heading(page)).toBe(`Enter scores for Lived experience 1 (${lay.name})`);
    await check(page, 'overview');
    await page.getByRole('link', { name: 'Enter scores for Mind in Camden' }).click();
    expect(await heading(page)).toBe('Check the scores for Mind in Camden');
    await page
      .getByRole('link', { name: /^Score/ })
      .first()
      .click();
    expect(await page.getByText(`You are entering scores for Lived experience 1 (${lay.name})`).count()).toBe(1);

    // The required question: nothing is saved without it.
    await page.getByRole('radio').nth(1).check(); // 4, the second from the top
    await page.getByLabel('Why did they give this score?').fill('They asked people like me.');
    await button(page, 'Save and continue').click();
    expect(await page.title()).toMatch(/^Error: /);
    await expect(
      page.getByRole('link', { name: 'Say whether they are here with you or you are using their paper form' }).count(),
    ).resolves.toBe(1);
    await check(page, 'criterion-error');
    await page.getByLabel(`Lived experience 1 (${lay.name}) is here with me`).check();
    await button(page, 'Save and continue').click();

    // The second criterion: the method carried over from the first.
    await expect(page.getByLabel(`Lived experience 1 (${lay.name}) is here with me`).isChecked()).resolves.toBe(true);
    await page.getByRole('radio').nth(2).check(); // 3
    await page.getByLabel('Why did they give this score?').fill('Good on groups, less on evenings.');
    await check(page, 'criterion');
    await button(page, 'Save and continue').click();
    expect(await heading(page)).toBe('Check the scores for Mind in Camden');
    await check(page, 'check');

    await button(page, 'Submit scores for this bid').click();
    expect(await page.title()).toMatch(/^Error: /);
    await page.getByLabel(`From Lived experience 1 (${lay.name})’s paper scoring form`).check();
    await button(page, 'Submit scores for this bid').click();
    expect(await heading(page)).toBe(`Enter scores for Lived experience 1 (${lay.name})`);
    await expect(page.getByText('Submitted').count()).resolves.toBeGreaterThan(0);

    const listed = await t.http().get(`/api/tenders/${world.tenderId}/panel/${lay.memberId}/scores`).set(world.commissioner.auth);
    expect(
      listed.body.map((s: { code: string; status: string; entry: { words: string } }) => [s.code, s.status, s.entry.words]),
    ).toEqual([
      ['Q1', 'submitted', `Entered by ${world.commissioner.name} with Lived experience 1 present.`],
      ['C1', 'submitted', `Entered by ${world.commissioner.name} with Lived experience 1 present.`],
    ]);
    await context.close();
  });

  it('the member checks and confirms the scores from their task list', async () => {
    const issued = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel/${lay.memberId}/invitation`)
      .set(world.commissioner.auth);
    const { page, context } = await phone(browser);
    page.setDefaultTimeout(8000);
    await page.goto(`${t.baseUrl}/invitation/${issued.body.token as string}`);
    await button(page, 'Start now').click();
    expect(await heading(page)).toBe('Your scoring');
    await check(page, 'task-list');
    await page.getByRole('link', { name: 'Check and confirm them' }).click();
    expect(await heading(page)).toBe('Check the scores entered for you');
    await expect(page.getByText('They asked people like me.').count()).resolves.toBe(1);
    await check(page, 'entered-for-you');
    await button(page, 'These are my scores').click();
    await expect(page.getByText('Thank you. You have confirmed these scores.').count()).resolves.toBe(1);
    await check(page, 'confirmed');
    const audit = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    expect(audit.body.filter((e: { action: string }) => e.action === 'score_entry.confirmed')).toHaveLength(1);
    await context.close();
  });

  it('has no accessibility failures on any page', () => {
    expect(a11y.failures).toEqual([]);
    expect(a11y.pages.length).toBe(7);
  });
});
