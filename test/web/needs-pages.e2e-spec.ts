import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../app';
import {
  AccessibilityLog,
  createWebTestApp,
  launchBrowser,
  phone,
  screenshot,
  scrollsSideways,
  type WebTestApp,
} from './browser';
import { evaluationWorld } from '../exports/evaluation-world';
import { recordNeeds } from '../steps';
import { invite, scoringWorld } from './panel-world';

/**
 * Issue 17 part 1 in a real browser at phone width: the team records a lay member's
 * communication and support needs with their agreement (refused without it), sees the
 * marker on the progress grid, and the member sees and changes their own needs in their
 * panel session. axe checks every page; a 360 px screenshot of each form is written to
 * docs/screenshots with UPDATE_SCREENSHOTS=1 (test/web/browser.ts `screenshot`) to be looked at.
 */
jest.setTimeout(240_000);

describe('Communication and support needs pages', () => {
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

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const text = (page: Page) => page.locator('main').innerText();

  it('the team records a member’s needs with their agreement; the member sees and changes their own', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);

    // The team: the panel page links to the member's needs.
    const team = await phone(browser);
    const page = team.page;
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(world.commissioner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await button(page, 'Sign in').click();
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/panel`);
    await page.getByRole('link', { name: /^Communication and support needs of Panel member/ }).click();
    expect(await heading(page)).toBe('Communication and support needs: Lived experience 1');
    expect(await text(page)).toContain('Nothing is recorded yet');
    await axe.check(page);

    // Without the member's agreement nothing is stored.
    await page.getByLabel('Large print').check();
    await page.getByLabel('Phone call').check();
    await page.getByLabel('Through a support worker or another person').check();
    await button(page, 'Save needs').click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Confirm that the member agreed');
    await axe.check(page);

    // A support worker to reach them through, but no name for them: the field is named.
    await page.getByLabel('Lived experience 1 agreed to us recording these needs').check();
    await button(page, 'Save needs').click();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Name the support person');
    await page.getByLabel('Name', { exact: true }).fill('Sam Patel');
    await page.getByLabel('Who they are').fill('support worker');
    await page.getByLabel('How to reach them').fill('07700 900123');
    await page.getByLabel('Access needs for meetings').fill('Step-free access and a break every hour.');
    await page.getByLabel('Lived experience 1 agreed to us recording these needs').check();
    await button(page, 'Save needs').click();
    expect(await text(page)).toContain('The needs are saved.');
    expect(await text(page)).toContain('Do not email');
    expect(await text(page)).toContain('Recorded with their agreement on');
    await axe.check(page);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'needs-team-360');

    // The progress grid shows the short marker.
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/progress`);
    expect(await text(page)).toContain('needs: large print, via support worker, do not email, meeting needs');
    await axe.check(page);
    await team.context.close();

    // The member, in their own panel session, sees theirs and changes them.
    const own = await phone(browser);
    await own.page.goto(member.link);
    await button(own.page, 'Start now').click();
    await own.page.goto(`${t.baseUrl}/panel/${world.tenderId}/needs`);
    expect(await heading(own.page)).toBe('How we support you');
    expect(await own.page.getByLabel('Large print').isChecked()).toBe(true);
    expect(await own.page.getByLabel('Name', { exact: true }).inputValue()).toBe('Sam Patel');
    expect(await text(own.page)).toContain('Do not email');
    await axe.check(own.page);
    await own.page.getByLabel('Email').check();
    await own.page.getByLabel('I agree to the team keeping this to support me').check();
    await button(own.page, 'Save').click();
    expect(await text(own.page)).toContain('Thank you. We have saved how to support you.');
    expect(await text(own.page)).not.toContain('Do not email');
    await axe.check(own.page);
    expect(await scrollsSideways(own.page)).toBe(false);
    await screenshot(own.page, 'needs-member-360');

    // Another member's page is not theirs: the panel route is their own seat only.
    const other = await t.http().get(`/api/tenders/${world.tenderId}/needs`).set(world.commissioner.auth);
    expect(other.body[0]).toMatchObject({ contactMethods: ['email', 'phone', 'support_worker'], mayEmail: true });
    await own.context.close();

    expect(axe.failures).toEqual([]);
  });

  it('the moderation page lists the access needs for the meeting, by the name on the record', async () => {
    const world = await evaluationWorld(t);
    const lay = world.panelists.find((p) => p.group === 'lived_experience')!;
    await recordNeeds(t, world.tenderId, world.commissioner, lay.memberId, {
      formats: ['bsl'],
      contactMethods: ['text'],
      supportPerson: null,
      meetingNeeds: 'A BSL interpreter, and seats facing the window.',
    });
    const listed = await t.http().get(`/api/tenders/${world.tenderId}/needs`).set(world.commissioner.auth);
    const name = (listed.body as { memberId: string; memberName: string }[]).find((n) => n.memberId === lay.memberId)!.memberName;
    expect(name).toMatch(/^Lived experience \d$/);

    const { context, page } = await phone(browser);
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(world.commissioner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await button(page, 'Sign in').click();
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/moderation`);
    await page.getByRole('heading', { name: 'Access needs for the meeting' }).waitFor();
    const main = await text(page);
    const row = await page.locator('.govuk-summary-list__row', { hasText: name }).innerText();
    expect(row).toContain('A BSL interpreter, and seats facing the window.');
    expect(row).toContain('needs: BSL, do not email, meeting needs');
    expect(main).not.toContain(lay.name);
    await axe.check(page);
    await screenshot(page, 'needs-moderation-360');
    await context.close();
    expect(axe.failures).toEqual([]);
  });
});
