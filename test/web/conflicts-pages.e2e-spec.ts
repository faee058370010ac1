import type { Browser } from 'playwright-core';
import { PASSWORD } from '../app';
import { addLayPanelist, declare, panelTenderInEvaluation } from '../steps';
import {
  AccessibilityLog,
  createWebTestApp,
  launchBrowser,
  phone,
  screenshot,
  scrollsSideways,
  type WebTestApp,
} from './browser';

jest.setTimeout(120_000);

describe('The conflicts assessment pages in a real browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const axe = new AccessibilityLog();

  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  it('a commissioner declares, records a mitigation for a lay member’s conflict, reviews and downloads the assessment', async () => {
    const world = await panelTenderInEvaluation(t);
    const lay = await addLayPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, lay, world.bidIds, [world.bidIds[1]]);

    const { context, page } = await phone(browser);
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(world.commissioner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}`);
    await page.getByRole('link', { name: 'Conflicts of interest', exact: true }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Conflicts assessment');
    const main = page.locator('main');
    expect(await main.innerText()).toContain('opened the bids');
    expect(await main.innerText()).toContain('Lived experience 1 on Certitude');
    expect(await main.innerText()).not.toContain(lay.name);

    // Your own declaration: a missing answer is named, then saved.
    await page.getByRole('link', { name: 'Declare your interests' }).click();
    await page.getByRole('button', { name: 'Save your declaration' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select yes if you have an interest in a supplier');
    await axe.check(page);
    await page.getByLabel('No').check();
    await page.getByRole('button', { name: 'Save your declaration' }).click();
    expect(await main.innerText()).toContain('Your declaration is saved.');

    await page.getByRole('link', { name: 'Record a mitigation for Lived experience 1' }).click();
    await page.getByRole('button', { name: 'Save the mitigation' }).click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Say what the team does about this conflict');
    await axe.check(page);
    await page.getByLabel('What does the team do about it?').fill('Does not score Certitude & leaves moderation <for it>.');
    await page.getByRole('button', { name: 'Save the mitigation' }).click();
    expect(await main.innerText()).toContain('In force. Version 1');
    expect(await main.innerText()).toContain('Does not score Certitude & leaves moderation <for it>.');

    await page.getByLabel('What did the review find? (optional)').fill('Checked before moderation.');
    await page.getByRole('button', { name: 'Record a review' }).click();
    expect(await main.innerText()).toContain('Revision 1, reviewed by');
    expect(await scrollsSideways(page)).toBe(false);
    await axe.check(page);
    await screenshot(page, 'conflicts-assessment-360');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the conflicts assessment (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^conflicts-assessment-.*-revision-1\.pdf$/);
    await context.close();
    expect(axe.failures).toEqual([]);
  });
});
