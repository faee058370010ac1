import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../app';
import { addPanelist, flat, pdfPages } from '../steps';
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
import { scoringWorld } from './panel-world';

/**
 * Issue 17 parts 3 and 4 on the team's panel page: print a member's letter (a new link), a
 * large-print letter and a scoring pack, at phone width, each PDF read back; a refused print
 * is a page in plain words. Every page is checked with axe.
 */
jest.setTimeout(180_000);

describe('printing letters and scoring packs from the team panel page', () => {
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

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Clicks and reads the PDF the browser downloads. */
  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; pages: string[] }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), pages: pdfPages(readFileSync(await download.path())) };
  }

  it('a commissioner prints a letter, a large-print letter and a scoring pack for a member', async () => {
    const world = await scoringWorld(t);
    const added = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'Casey Morgan', email: 'casey.morgan@example.org', group: 'lived_experience' });
    expect(added.status).toBe(201);
    const professional = await addPanelist(t, world, 'professional');
    const { context, page } = await phone(browser);
    await signIn(page, world.commissioner.email);
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/panel`);
    await axe.check(page);
    expect(await page.locator('.govuk-warning-text').innerText()).toContain(
      'Printing a letter makes a new link; the old link stops working.',
    );
    expect(await scrollsSideways(page)).toBe(false);
    await page.locator('#member-' + String(added.body.id)).scrollIntoViewIfNeeded();
    await screenshot(page, 'team-panel-print');
    // A professional signs in with a password: no letter (no link to print), but a pack.
    expect(await page.getByRole('button', { name: `Print a letter for ${professional.name}` }).count()).toBe(0);
    expect(await page.getByRole('link', { name: `Print a scoring pack for ${professional.name}` }).count()).toBe(1);

    const letter = await downloaded(page, () => page.getByRole('button', { name: 'Print a letter for Casey Morgan' }).click());
    expect(letter.name).toMatch(/^invitation-letter-.+\.pdf$/);
    expect(letter.pages).toHaveLength(1);
    expect(flat(letter.pages[0])).toContain('Dear Casey Morgan,');
    expect(flat(letter.pages[0])).toContain('Call Sam Okoye on 020 7974 4444');

    const large = await downloaded(page, () =>
      page.getByRole('button', { name: 'Print a large-print letter for Casey Morgan' }).click(),
    );
    expect(large.name).toMatch(/-large-print\.pdf$/);
    expect(large.pages).toHaveLength(1);

    const pack = await downloaded(page, () => page.getByRole('link', { name: 'Print a scoring pack for Casey Morgan' }).click());
    expect(flat(pack.pages.join(' '))).toContain('Your scoring pack For Casey Morgan.');

    const trail = await t.http().get(`/api/tenders/${world.tenderId}/audit`).set(world.commissioner.auth);
    const actions = (trail.body as { action: string; after: { format?: string } }[]).filter((e) =>
      ['panel_letter.printed', 'panel_scoring_pack.printed'].includes(e.action),
    );
    expect(actions.map((e) => [e.action, e.after.format ?? null])).toEqual(
      expect.arrayContaining([
        ['panel_letter.printed', 'standard'],
        ['panel_letter.printed', 'large-print'],
        ['panel_scoring_pack.printed', null],
      ]),
    );
    await context.close();
  });

  it('a pack after the scoring deadline is refused in plain words, with the way back', async () => {
    const world = await scoringWorld(t);
    const member = await addPanelist(t, world, 'professional');
    const deadline = new Date(t.clock.now().getTime() + 60 * 60_000);
    const set = await t
      .http()
      .patch(`/api/tenders/${world.tenderId}`)
      .set(world.commissioner.auth)
      .send({ scoringDeadline: deadline.toISOString() });
    expect(set.status).toBe(200);
    t.clock.set(new Date(deadline.getTime() + 1000));
    const { context, page } = await phone(browser);
    await signIn(page, world.commissioner.email);
    const response = await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/panel/${member.memberId}/scoring-pack`);
    expect(response!.status()).toBe(409);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('The scoring pack could not be printed');
    expect(await page.locator('main').innerText()).toContain('the scoring deadline has passed');
    await axe.check(page);
    await page.getByRole('link', { name: 'Back to the team and panel' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Team and panel');
    await context.close();
  });

  it('every page checked had no accessibility violations and no CSP refusals', () => {
    expect(axe.pages.length).toBe(2);
    expect(axe.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
