import type { Browser, Page } from 'playwright-core';
import { PASSWORD, type SignedIn } from '../app';
import { awardedWorkedExample, awardIt, getResults, type ResultBid } from '../steps';
import {
  AccessibilityLog,
  createWebTestApp,
  cspViolations,
  launchBrowser,
  phone,
  scrollsSideways,
  type WebTestApp,
} from './browser';

/**
 * Issue 16 part 1 in the browser: after the award the team writes the draft assessment
 * summaries, finds that the member who wrote the words cannot approve them, edits the words, a
 * colleague approves and records the day sent; the supplier then reads its own summary from its
 * bid page, and a rival cannot. Every page: axe, 360 px, no sideways scrolling.
 */
jest.setTimeout(150_000);

describe('Assessment summary pages in a real browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const a11y = new AccessibilityLog();
  beforeAll(async () => {
    t = await createWebTestApp({ env: { SESSION_IDLE_MINUTES: '1440' } });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const main = (page: Page) => page.getByRole('main').innerText();
  async function check(page: Page): Promise<void> {
    await a11y.check(page);
    expect(await scrollsSideways(page)).toBe(false);
  }
  async function signIn(page: Page, who: SignedIn): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(who.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await button(page, 'Sign in').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  it('drafts, a refused self-approval, new words, approval, the day sent, the supplier reads it', async () => {
    const world = await awardedWorkedExample(t);
    await awardIt(t, world);
    const results = (await getResults(t, world.tenderId, world.owner)).body as { bids: ResultBid[] };
    const b = results.bids.find((bid) => bid.bidderName === 'B')!;
    const { page } = await phone(browser);
    page.setDefaultTimeout(8000);

    await signIn(page, world.owner);
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/results`);
    await page.getByRole('navigation', { name: 'Tender pages' }).getByRole('link', { name: 'Assessment summaries' }).click();
    expect(await heading(page)).toBe('Assessment summaries');
    expect(await main(page)).toContain('4 suppliers need a summary.');
    await check(page);
    await button(page, 'Write the draft summaries').click();
    expect(await main(page)).toContain('The draft summaries are ready.');
    await check(page);

    await page.getByRole('link', { name: /^B\W+assessment summary$/ }).click();
    expect(await heading(page)).toBe('B');
    const text = await main(page);
    expect(text).toContain(`Total\t${b.total.toFixed(2)}`);
    expect(text).toContain('The score was agreed at moderation. The panel agreed 3 on Q1 after discussion.');
    await check(page);

    // The member who wrote the newest words (the draft) cannot approve them.
    await button(page, 'Approve this summary').click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByRole('alert').innerText()).toContain('another member of the tender team must approve it');
    await check(page);

    await page.getByRole('link', { name: /Edit the words/ }).click();
    expect(await heading(page)).toBe('Edit the words');
    await check(page);
    await page.getByLabel('Q1 Service quality').fill('Your answer set out a clear weekly routine.');
    await button(page, 'Save the words').click();
    expect(await main(page)).toContain('The words are saved as a new version.');
    expect(await main(page)).toContain('Your answer set out a clear weekly routine.');

    await signIn(page, world.colleague);
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/assessment-summaries/${b.bidId}`);
    await button(page, 'Approve this summary').click();
    expect(await main(page)).toContain('The summary is approved.');
    await button(page, 'Record the day sent').click();
    expect(await page.getByRole('alert').innerText()).toContain('Enter the day you sent the summary');
    await check(page);
    const today = t.clock.now();
    const group = page.getByRole('group', { name: 'Day the summary was sent' });
    await group.getByLabel('Day').fill(String(today.getUTCDate()));
    await group.getByLabel('Month').fill(String(today.getUTCMonth() + 1));
    await group.getByLabel('Year').fill(String(today.getUTCFullYear()));
    await button(page, 'Record the day sent').click();
    expect(await main(page)).toContain('The day the summary was sent is recorded.');
    await check(page);
    // The award notice needs the day every summary was sent: not yet, three are unsent.
    await page.getByRole('navigation', { name: 'Tender pages' }).getByRole('link', { name: 'After the award' }).click();
    expect(await main(page)).toContain('Not all sent yet.');

    await signIn(page, world.bids.B.bidder);
    await page.goto(`${t.baseUrl}/bids/${world.tenderId}`);
    await page.getByRole('link', { name: 'Read your assessment summary' }).click();
    expect(await heading(page)).toBe('Your assessment summary');
    expect(await main(page)).toContain(`Total\t${b.total.toFixed(2)}`);
    expect(await main(page)).toContain('Your answer set out a clear weekly routine.');
    for (const member of world.panel) expect(await main(page)).not.toContain(member.name);
    await check(page);

    await signIn(page, world.bids.A.bidder);
    const rival = await page.goto(`${t.baseUrl}/bids/${world.tenderId}/assessment-summary`);
    expect(rival?.status()).toBe(404);
    expect(cspViolations).toEqual([]);
    expect(a11y.failures).toEqual([]);
  });
});
