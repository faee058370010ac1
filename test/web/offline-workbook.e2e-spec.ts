import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
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

/**
 * Issue 17 part 4: the team's offline workbook page at phone width — from the panel page to
 * the member's workbook, downloaded, filled in with a formula (refused, naming the cell, in the
 * error summary), then filled in properly and imported as drafts the member sees.
 */
jest.setTimeout(120_000);

describe('Offline workbook page in a real browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let world: PanelWorld;
  let member: Panelist;
  const a11y = new AccessibilityLog();

  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
    world = await panelTenderInEvaluation(t);
    member = await addLayPanelist(t, world, 'lived_experience', 'carer');
    await declare(t, world.tenderId, member, world.bidIds);
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  async function signIn(who: SignedIn): Promise<Page> {
    const { page } = await phone(browser);
    page.setDefaultTimeout(8000);
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(who.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  async function check(page: Page): Promise<void> {
    await a11y.check(page);
    expect(await scrollsSideways(page)).toBe(false);
  }

  async function upload(page: Page, file: Buffer): Promise<void> {
    const path = `/tmp/offline-workbook-${process.pid}.xlsx`;
    writeFileSync(path, file);
    await page.getByLabel('The filled-in workbook').setInputFiles(path);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForLoadState();
  }

  it('the team downloads a member’s workbook, a formula is refused by its cell, the filled one is imported', async () => {
    const page = await signIn(world.commissioner);
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/panel`);
    await page.getByRole('link', { name: `Offline workbook for ${member.name}` }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Offline workbook for ${member.name}`);
    await check(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Download the workbook for ${member.name} (Excel)` }).click(),
    ]);
    const saved = readFileSync(await download.path()) as unknown as ArrayBuffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved);
    const scores = workbook.getWorksheet('Scores')!;
    scores.eachRow((row, n) => {
      if (n === 1) return;
      row.getCell('F').value = 3;
      row.getCell('G').value = 'Clear and kind, written from the notes on paper.';
    });
    scores.getCell('F3').value = { formula: '2+1', result: 3 };
    await upload(page, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.getByRole('alert');
    await expect(summary.innerText()).resolves.toMatch(/Scores sheet, cell F3: This cell holds a formula/);
    await expect(page.getByRole('table').innerText()).resolves.toMatch(/Nothing|Scores sheet, cell F3/);
    await check(page);
    await screenshot(page, 'offline-workbook-error');

    scores.getCell('F3').value = 4;
    await upload(page, Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect(page.getByRole('heading', { name: 'Workbook imported' }).isVisible()).resolves.toBe(true);
    await check(page);
    await screenshot(page, 'offline-workbook');

    const mine = await t.http().get(`/api/tenders/${world.tenderId}/scores/mine`).set(member.auth);
    expect(mine.body.length).toBeGreaterThan(0);
    expect(mine.body.every((score: { status: string }) => score.status === 'draft')).toBe(true);
    expect(a11y.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('no file chosen: the error summary says so, nothing stored', async () => {
    const page = await signIn(world.commissioner);
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/panel/${member.memberId}/workbook`);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.waitForLoadState();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/Choose the filled-in workbook to upload/);
    await check(page);
    expect(a11y.failures).toEqual([]);
  });
});
