import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../app';
import { addPanelist, claimTime, panelTender, type TenderWorld } from '../steps';
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
 * Payment for involvement in a real browser at 360 px: the team sets the rates, approves and
 * turns down lines and downloads the finance CSV; a lay member, in their invitation session,
 * reads the choice in plain words with where to get benefits advice, chooses vouchers and
 * claims a cost. Every page and error state is checked with axe.
 */
jest.setTimeout(240_000);

describe('Payment pages in a real browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let world: TenderWorld;
  let memberId: string;
  let token: string;
  const axe = new AccessibilityLog();

  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
    world = await panelTender(t);
    const added = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel`)
      .set(world.commissioner.auth)
      .send({ name: 'Sam Rivera', email: 'sam.rivera@example.org', group: 'lived_experience', role: 'carer' })
      .expect(201);
    memberId = added.body.id;
    const invitation = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`)
      .set(world.commissioner.auth)
      .expect(201);
    token = invitation.body.token;
    await addPanelist(t, world, 'professional', 'clinician');
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const shot = (page: Page, name: string) => screenshot(page, `payment-${name}`);

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await button(page, 'Sign in').click();
  }

  it('the team sets the rates, with plain errors first', async () => {
    const { context, page } = await phone(browser);
    await signIn(page, world.commissioner.email);
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/payments`);
    expect(await heading(page)).toBe('Payments');
    expect(await page.getByRole('link', { name: 'Payments' }).getAttribute('aria-current')).toBe('page');
    await axe.check(page);

    const scoring = page.getByRole('group', { name: 'Rate for scoring' });
    await scoring.getByLabel('Pounds').fill('25.505');
    await button(page, 'Save rates').click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'Enter the rate for scoring in pounds, like 25 or 12.50',
    );
    await axe.check(page);

    for (const activity of ['preparation', 'reading the bids', 'scoring']) {
      await page
        .getByRole('group', { name: `Rate for ${activity}` })
        .getByLabel('Pounds')
        .fill('25');
    }
    const meetings = page.getByRole('group', { name: 'Rate for meetings' });
    await meetings.getByLabel('Pounds').fill('50');
    await meetings.getByLabel('a session').check();
    await button(page, 'Save rates').click();
    expect(await page.getByText('The rates are saved.').count()).toBe(1);
    expect(await page.getByRole('link', { name: /Sam Rivera/ }).count()).toBe(1);
    expect(await page.getByText('clinician').count()).toBe(0);
    await axe.check(page);
    await context.close();
  });

  it('a lay member reads the choice in plain words, with benefits advice, chooses vouchers and claims a cost', async () => {
    const { context, page } = await phone(browser);
    await page.goto(`${t.baseUrl}/invitation/${token}`);
    await button(page, 'Start now').click();
    await page.goto(`${t.baseUrl}/panel/${world.tenderId}/payment`);
    expect(await heading(page)).toBe('Payment for your time');
    const text = await page.locator('main').innerText();
    expect(text).toContain('£25 an hour for scoring');
    expect(text).toContain('£50 a session for meetings');
    expect(text).toContain('If you get benefits, being paid could change them. Get advice before you choose.');
    await page.getByText('Where to get free advice about benefits').click();
    expect(await page.getByRole('link', { name: 'citizensadvice.org.uk/benefits' }).count()).toBe(1);
    expect(await page.getByText('council’s welfare rights service').count()).toBe(1);
    expect(await page.getByRole('link', { name: /nihr\.ac\.uk/ }).count()).toBe(1);
    await axe.check(page);

    await button(page, 'Save my choice').click();
    expect(await page.title()).toMatch(/^Error: /);
    await axe.check(page);
    await page.getByLabel('Give me vouchers instead').check();
    await button(page, 'Save my choice').click();
    expect(await page.getByText('Your choice is saved. You can change it at any time.').count()).toBe(1);
    expect(await page.locator('main').innerText()).toMatch(/You chose: Give me vouchers instead on \d+ \w+ 20\d\d\./);

    await page.getByLabel('Travel').check();
    await page.getByLabel('How much?').fill('6.40');
    await page.getByLabel('Day').fill('3');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('2027');
    await button(page, 'Send to the team').click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Say what the receipt shows, or why there is none');
    await axe.check(page);
    await page.getByLabel('Receipt').fill('Bus ticket there and back');
    await button(page, 'Send to the team').click();
    expect(await page.getByText('Your cost is sent to the team to approve.').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('Travel: £6.40');
    expect(await scrollsSideways(page)).toBe(false);
    await axe.check(page);
    await shot(page, 'member-payment');
    await context.close();
  });

  it('the team approves one line, turns one down with a reason, and downloads the CSV for finance', async () => {
    await claimTime(t, world.tenderId, world.commissioner, memberId, {
      activity: 'reading',
      minutes: 90,
      occurredOn: '2027-02-01',
    });
    await claimTime(t, world.tenderId, world.commissioner, memberId, {
      activity: 'meetings',
      minutes: 60,
      occurredOn: '2027-02-02',
    });
    const { context, page } = await phone(browser);
    await signIn(page, world.commissioner.email);
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/payments`);
    await page.getByRole('link', { name: /Sam Rivera/ }).click();
    expect(await heading(page)).toBe('Payments for Sam Rivera');
    expect(await page.locator('main').innerText()).toContain('Give me vouchers instead');
    await axe.check(page);

    await button(page, 'Approve Reading the bids, 1 hour 30 minutes at £25 an hour on 1 February 2027').click();
    expect(await page.getByText('The line is approved.').count()).toBe(1);
    await button(page, 'Approve Travel on 3 February 2027').click();
    await button(page, 'Do not approve Meetings, 1 hour at £50 a session on 2 February 2027').click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Say why the line is not approved');
    await axe.check(page);
    await page.getByLabel('Reason for not approving').fill('The meeting was cancelled.');
    await button(page, 'Do not approve Meetings, 1 hour at £50 a session on 2 February 2027').click();
    expect(await page.getByText('The line is not approved. The member sees your reason.').count()).toBe(1);
    const main = await page.locator('main').innerText();
    expect(main).toContain('£43.90'); // 3750 + 640 approved
    expect(main).toContain('Nothing is waiting.');
    expect(await scrollsSideways(page)).toBe(false);
    await axe.check(page);
    await shot(page, 'team-ledger');

    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/payments`);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the payments for finance (CSV)' }).click();
    const file = await download;
    const csv = await new Promise<string>((resolve, reject) => {
      void file.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    expect(csv).toContain('"Sam Rivera","vouchers"');
    expect(csv).not.toContain('Lived experience');
    await shot(page, 'team-payments');
    await context.close();
  });

  it('gives every page no axe violations and no CSP refusals', () => {
    expect(axe.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(axe.pages.length).toBeGreaterThanOrEqual(9);
  });
});
