import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { TenderStateCache } from '../../src/audit/tender-state-cache';
import { ADMIN, PASSWORD } from '../app';
import { addLayPanelist, addPanelist, declare, saveScore, scoreAndSubmit } from '../steps';
import { countStatements } from '../statements';
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
 * Issue 14, pages 1–6: a commissioner runs a tender from the browser (template, settings,
 * panel, invitations, progress) and an admin manages accounts. Every page and error state
 * is checked with axe; the forms also work without JavaScript at 320 px.
 */
jest.setTimeout(240_000);

describe('Team pages in a real browser', () => {
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
  const errorSummary = (page: Page) => page.locator('.govuk-error-summary').innerText();

  async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await button(page, 'Sign in').click();
  }

  it('a commissioner creates a tender from a template, sets it up, forms the panel and sends an invitation', async () => {
    const commissioner = await t.user('commissioner', { name: 'Amara Okafor' });
    const { context, page } = await phone(browser);
    await signIn(page, commissioner.email);
    expect(await heading(page)).toBe('Your tenders');
    await axe.check(page);

    await page.getByRole('button', { name: 'Start a new tender' }).click();
    expect(await heading(page)).toBe('Start a new tender');
    await axe.check(page);
    await page.getByRole('link', { name: 'Public service contract with the government Social Value Model' }).click();
    expect(await page.getByText('What it is for').count()).toBe(1);
    expect(await page.getByRole('cell', { name: '20%' }).count()).toBeGreaterThan(0);
    await axe.check(page);
    await screenshot(page, 'team-template');

    // Nothing filled in: every problem named, in plain words.
    await page.getByLabel('Bid deadline time').fill('');
    await button(page, 'Create tender').click();
    expect(await page.title()).toMatch(/^Error: /);
    const problems = await errorSummary(page);
    expect(problems).toContain('Enter a reference');
    expect(problems).toContain('Enter the tender’s title');
    expect(problems).toContain('Enter a real date and time for the bid deadline');
    await axe.check(page);

    await page.getByLabel('Reference').fill('LBC-2027-SV-01');
    await page.getByLabel('Title').fill('Community wellbeing service');
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2027');
    await page.getByLabel('Bid deadline time').fill('12:00');
    await button(page, 'Create tender').click();
    expect(await heading(page)).toBe('Community wellbeing service');
    expect(await page.getByText('The tender is created as a draft.').count()).toBe(1);
    const tenderId = new URL(page.url()).pathname.split('/')[2];
    const api = await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth);
    expect(api.body).toMatchObject({
      reference: 'LBC-2027-SV-01',
      status: 'draft',
      template: 'social-value-model',
      bidDeadline: '2027-01-31T12:00:00.000Z',
    });
    await axe.check(page);
    await screenshot(page, 'team-tender-overview');
    const navigation = page.getByRole('navigation', { name: 'Tender pages' });
    for (const name of [
      'Overview',
      'Settings',
      'Criteria',
      'Team and panel',
      'Progress',
      'Bids',
      'Easy read',
      'Moderation',
      'Results',
      'Downloads',
      'Audit trail',
    ]) {
      expect(await navigation.getByRole('link', { name, exact: true }).count()).toBe(1);
    }

    // Settings: an impossible quorum is refused in words, then the settings are saved.
    await navigation.getByRole('link', { name: 'Settings', exact: true }).click();
    expect(await heading(page)).toBe('Scoring settings');
    await axe.check(page);
    await page.getByLabel('Fewest scores per criterion').fill('0');
    await page.getByLabel('Divergence threshold (points)').fill('1.555');
    await button(page, 'Save settings').click();
    expect(await errorSummary(page)).toContain('Enter a whole number from 1 to 100');
    expect(await errorSummary(page)).toContain('at most 2 decimal places');
    await axe.check(page);
    await page.getByLabel('Fewest scores per criterion').fill('3');
    await page.getByLabel('Divergence threshold (points)').fill('1.5');
    await page.getByLabel('Higher quality score wins').check();
    await page.getByRole('group', { name: 'Blind marking' }).getByLabel('Yes').check();
    await page.getByLabel('Two different team members').check();
    await button(page, 'Save settings').click();
    expect(await page.getByText('Your changes are saved.').count()).toBe(1);
    const settings = (await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth)).body;
    expect(settings).toMatchObject({
      minScorers: 3,
      divergenceThreshold: 1.5,
      tieBreak: 'quality',
      blindMarking: true,
      openingApprovals: 2,
    });

    // The scale in plain words, point by point.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/scale`);
    await axe.check(page);
    await page.locator('#plain-5').fill('');
    await button(page, 'Save scale').click();
    expect(await errorSummary(page)).toContain('Enter the plain wording for 5 points');
    await axe.check(page);
    await page.locator('#plain-5').fill('Answers it fully, with clear examples');
    await button(page, 'Save scale').click();
    const scale = (await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth)).body.scale;
    expect(scale.labels['5'].plainLabel).toBe('Answers it fully, with clear examples');

    // Details and the contact the panel sees.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/details`);
    await axe.check(page);
    await page.getByLabel('Email address').fill('not an email');
    await button(page, 'Save details').click();
    expect(await errorSummary(page)).toContain('Enter an email address in the right form');
    await axe.check(page);
    await page.getByLabel('Name', { exact: true }).fill('Sam Okoye');
    await page.getByLabel('Email address').fill('commissioning@camden.example');
    await page.getByLabel('Phone number').fill('020 7974 4444');
    await button(page, 'Save details').click();
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth)).body.contactName).toBe('Sam Okoye');

    // The scoring deadline: none yet on the progress page; refused in words; then set and shown.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/progress`);
    expect(await page.locator('#scoring-deadline').innerText()).toContain('No scoring deadline set.');
    await axe.check(page);
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/details`);
    const scoringBoxes = page.getByRole('group', { name: 'When the panel must finish scoring (optional)' });
    const fillScoring = async (day: string, month: string, year: string, time: string) => {
      await scoringBoxes.getByLabel('Day').fill(day);
      await scoringBoxes.getByLabel('Month').fill(month);
      await scoringBoxes.getByLabel('Year').fill(year);
      await page.getByLabel('Scoring deadline time').fill(time);
      await button(page, 'Save details').click();
    };
    await fillScoring('31', '2', '2027', '17:00');
    expect(await errorSummary(page)).toContain('Enter a real date and time for the scoring deadline');
    await axe.check(page);
    await fillScoring('30', '1', '2027', '12:00');
    expect(await errorSummary(page)).toContain('The scoring deadline must be after the bid deadline, 31 January 2027, 12:00');
    await axe.check(page);
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth)).body.scoringDeadline).toBeNull();
    await fillScoring('28', '2', '2027', '17:00');
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth)).body.scoringDeadline).toBe(
      '2027-02-28T17:00:00.000Z',
    );
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/progress`);
    expect(await page.locator('#scoring-deadline').innerText()).toMatch(
      /^Scoring closes on 28 February 2027, 17:00 \(\d+ days left\)\. Change/,
    );
    await axe.check(page);
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/details`);
    expect(await scoringBoxes.getByLabel('Day').inputValue()).toBe('28');
    expect(await page.getByLabel('Scoring deadline time').inputValue()).toBe('17:00');

    // Team and panel: the quorum in words, members added, a link shown once.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/panel`);
    expect(await heading(page)).toBe('Team and panel');
    expect(await page.getByText('Each criterion needs scores from at least 3 panel members on every bid.').count()).toBe(1);
    expect(await page.getByText('Not met', { exact: true }).count()).toBe(1);
    await axe.check(page);
    await button(page, 'Add to the panel').click();
    const panelProblems = await errorSummary(page);
    expect(panelProblems).toContain('Enter the person’s name');
    expect(panelProblems).toContain('Choose lived experience or professional');
    await axe.check(page);
    for (const [name, group] of [
      ['Jordan Reid', 'Lived experience'],
      ['Priya Shah', 'Lived experience'],
      ['Dr Tom Hale', 'Professional'],
    ]) {
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Email address', { exact: true }).fill(`${name.toLowerCase().replace(/[^a-z]/g, '.')}@example.org`);
      await page.getByLabel(group, { exact: true }).check();
      await button(page, 'Add to the panel').click();
      expect(await page.getByText('The panel member is added.').count()).toBe(1);
    }
    expect(await page.getByText('Met', { exact: true }).count()).toBe(1);
    expect(await page.getByText('(Lived experience 1 on the record)').count()).toBe(1);
    const panel = (await t.http().get(`/api/tenders/${tenderId}/panel`).set(commissioner.auth)).body as {
      name: string;
      id: string;
    }[];
    expect(panel.map((m) => m.name)).toEqual(['Jordan Reid', 'Priya Shah', 'Dr Tom Hale']);

    await page.getByRole('button', { name: 'Send a link to Jordan Reid' }).click();
    expect(await heading(page)).toBe('Invitation for Jordan Reid');
    const link = await page.locator('#invitation-url').inputValue();
    const code = await page.locator('#invitation-code').innerText();
    expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}$/);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
    expect(await button(page, 'Copy link').isVisible()).toBe(true);
    // "Copy link" puts the link on the clipboard and says so in the status line.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.baseUrl });
    expect(await page.locator('#copy-status').innerText()).toBe('');
    await button(page, 'Copy link').click();
    await page.locator('#copy-status', { hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link);
    await axe.check(page);
    await screenshot(page, 'team-invitation');
    // The link works: the start page of the panel's journey.
    const start = await browser.newContext();
    const startPage = await start.newPage();
    await startPage.goto(link.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    expect(await startPage.getByRole('button', { name: 'Start now' }).count()).toBe(1);
    await start.close();

    await page.getByRole('link', { name: 'Back to team and panel' }).click();
    expect(await page.getByText('Link sent, not used yet').count()).toBe(1);
    await page.getByRole('button', { name: 'Cancel the link of Jordan Reid' }).click();
    expect(await page.getByText('The link is cancelled.').count()).toBe(1);
    expect(await page.getByText('Link cancelled').count()).toBe(1);
    const after = (await t.http().get(`/api/tenders/${tenderId}/panel`).set(commissioner.auth)).body as {
      invitation: { status: string } | null;
    }[];
    expect(after[0].invitation?.status).toBe('revoked');
    await axe.check(page);
    await screenshot(page, 'team-panel');

    // A new link after the cancelled one: it opens the start page; the cancelled one does not.
    // (A minute later: the panel shows the latest link by its time of issue.)
    t.clock.advance(60_000);
    await page.getByRole('button', { name: 'Send a new link to Jordan Reid' }).click();
    expect(await heading(page)).toBe('Invitation for Jordan Reid');
    const newLink = await page.locator('#invitation-url').inputValue();
    expect(newLink).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}$/);
    expect(newLink).not.toBe(link);
    await axe.check(page);
    const reissued = await browser.newContext();
    const reissuedPage = await reissued.newPage();
    await reissuedPage.goto(newLink.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    expect(await reissuedPage.getByRole('button', { name: 'Start now' }).count()).toBe(1);
    await reissuedPage.goto(link.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    expect(await reissuedPage.getByRole('button', { name: 'Start now' }).count()).toBe(0);
    await reissued.close();
    const reissuedPanel = (await t.http().get(`/api/tenders/${tenderId}/panel`).set(commissioner.auth)).body as {
      invitation: { status: string } | null;
    }[];
    expect(reissuedPanel[0].invitation?.status).toBe('pending');
    await page.getByRole('link', { name: 'Back to team and panel' }).click();
    expect(await page.getByText('Link sent, not used yet').count()).toBe(1);

    // Another team member, by the email address of their account.
    const officer = await t.user('procurement', { name: 'Lee Carter' });
    await page.getByLabel('Add a team member by email address').fill('nobody@example.org');
    await button(page, 'Add to the team').click();
    expect(await errorSummary(page)).toContain(
      'No active commissioner or procurement officer has an account with this email address',
    );
    await axe.check(page);
    await page.getByLabel('Add a team member by email address').fill(officer.email);
    await button(page, 'Add to the team').click();
    expect(await page.getByText('Lee Carter – Procurement officer').count()).toBe(1);

    // Publishing: the template's criteria are fine; the tender is published.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}`);
    await button(page, 'Publish tender').click();
    expect(await page.getByText('The tender is published.').count()).toBe(1);
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth)).body.status).toBe('published');

    // "Your tenders": the status, the deadline and time left, and the next thing to do.
    await page.goto(`${t.baseUrl}/tenders`);
    expect(await page.getByText('Open for bids').count()).toBe(1);
    expect(await page.getByText('31 January 2027, 12:00 (69 days left)').count()).toBe(1);
    expect(await page.getByText('0 bids in so far. Bids stay sealed until the deadline.').count()).toBe(1);
    await axe.check(page);
    await screenshot(page, 'team-tenders');
    await context.close();
  });

  it('publishing a tender with problems lists each one, linking to the criteria', async () => {
    const commissioner = await t.user('commissioner');
    const { context, page } = await phone(browser);
    await signIn(page, commissioner.email);
    await page.goto(`${t.baseUrl}/tenders/new/blank`);
    expect(await heading(page)).toBe('A blank tender');
    await page.getByLabel('Reference').fill('BLANK-1');
    await page.getByLabel('Title').fill('An empty tender');
    await page.getByLabel('Day').fill('1');
    await page.getByLabel('Month').fill('7');
    await page.getByLabel('Year').fill('2027');
    await page.getByLabel('Bid deadline time').fill('17:00');
    await button(page, 'Create tender').click();
    const tenderId = new URL(page.url()).pathname.split('/')[2];
    // 17:00 in July is British Summer Time: 16:00 UTC.
    expect((await t.http().get(`/api/tenders/${tenderId}`).set(commissioner.auth)).body.bidDeadline).toBe(
      '2027-07-01T16:00:00.000Z',
    );
    await button(page, 'Publish tender').click();
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator('.govuk-error-summary');
    expect(await summary.getByRole('link', { name: /The tender has no criteria/ }).getAttribute('href')).toBe(
      `/tenders/${tenderId}/criteria`,
    );
    await axe.check(page);

    // The criteria tree: add a section and a question; the section shows its sum as you go.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/criteria`);
    expect(await page.getByText('There are no criteria yet.').count()).toBe(1);
    await axe.check(page);
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    expect(await heading(page)).toBe('Add a criterion');
    await button(page, 'Save criterion').click();
    const criterionProblems = await errorSummary(page);
    expect(criterionProblems).toContain('Enter a code of 1 to 30 letters or digits');
    expect(criterionProblems).toContain('Enter a weight from 0 to 100');
    await axe.check(page);
    await page.getByLabel('Code').fill('Q');
    await page.getByLabel('Title').fill('Quality');
    await page.getByLabel('Section (holds other criteria)').check();
    await page.getByLabel('Weight (%)').fill('60');
    await button(page, 'Save criterion').click();
    expect(await page.getByText('The criterion is added.').count()).toBe(1);
    await page.getByRole('link', { name: /Add a criterion.*to Q/ }).click();
    await page.getByLabel('Code').fill('Q1');
    await page.getByLabel('Title').fill('How will people shape the service?');
    await page.getByLabel('Scored question').check();
    await page.getByLabel('Weight (%)').fill('50');
    await page
      .getByLabel('Plain guidance for lived-experience members (optional)')
      .fill('Tell us how people who use the service will have a say.');
    await button(page, 'Save criterion').click();
    expect(await errorSummary(page)).toContain('Choose a category for a scored question');
    await axe.check(page);
    await page.getByLabel('Category').selectOption('co_production');
    await button(page, 'Save criterion').click();
    expect(await page.getByText('Its criteria add up to 50% of its 60%').count()).toBe(1);
    expect(await page.getByText('Does not add up').count()).toBe(1);
    expect(
      await page
        .getByText('Social value is 0% of the total. Government guidance (PPN 002) asks for at least 10%.', { exact: false })
        .count(),
    ).toBe(1);
    await axe.check(page);
    await screenshot(page, 'team-criteria');
    const tree = (await t.http().get(`/api/tenders/${tenderId}/criteria`).set(commissioner.auth)).body as {
      code: string;
      children: { code: string; weight: number }[];
    }[];
    expect(tree.map((node) => [node.code, node.children.map((child) => [child.code, child.weight])])).toEqual([
      ['Q', [['Q1', 50]]],
    ]);

    // Both groups score Q1: their shares of its score, refused in words unless they make 100.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/criteria/Q1`);
    const professionalShare = page.getByLabel('Professional members’ share');
    const livedShare = page.getByLabel('Lived-experience members’ share');
    await professionalShare.fill('70');
    await livedShare.fill('40');
    await button(page, 'Save criterion').click();
    expect(await errorSummary(page)).toContain('The two shares must add up to 100%. They add up to 110%');
    expect(await page.locator('#groupWeights-error').innerText()).toContain('They add up to 110%');
    await axe.check(page);
    await livedShare.fill('');
    await button(page, 'Save criterion').click();
    expect(await errorSummary(page)).toContain('Enter both shares, or leave both empty');
    await axe.check(page);
    await professionalShare.fill('60.5');
    await livedShare.fill('39.5');
    await button(page, 'Save criterion').click();
    expect(await errorSummary(page)).toContain('Enter each group’s share as a whole number of percent');
    await professionalShare.fill('60');
    await livedShare.fill('40');
    await button(page, 'Save criterion').click();
    expect(await page.getByText('Score split: Professional 60%, lived experience 40%.').count()).toBe(1);
    const split = (await t.http().get(`/api/tenders/${tenderId}/criteria`).set(commissioner.auth)).body as {
      children: { code: string; groupWeights: unknown }[];
    }[];
    expect(split[0].children[0].groupWeights).toEqual({ professional: 60, lived_experience: 40 });
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/criteria/Q1`);
    expect(await professionalShare.inputValue()).toBe('60');
    expect(await livedShare.inputValue()).toBe('40');
    await axe.check(page);
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/criteria`);

    // Preview as a panelist: the panel's own page, in plain words, saving nothing.
    await page.getByRole('link', { name: /Preview as a panelist.*Q1/ }).click();
    expect(await heading(page)).toBe('How will people shape the service?');
    expect(await page.getByText('Tell us how people who use the service will have a say.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save and continue' }).count()).toBe(0);
    await axe.check(page);

    // Publishing lists every problem, each linking to the criterion to fix.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}`);
    await button(page, 'Publish tender').click();
    const links = await Promise.all(
      (await page.locator('.govuk-error-summary a').all()).map((link) => link.getAttribute('href')),
    );
    expect(links).toContain(`/tenders/${tenderId}/criteria#criterion-Q`);
    await axe.check(page);

    // Fixed: Q1 weighs 60, a price criterion of 40; published (the Social Value warning does not block).
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/criteria/Q1`);
    await page.getByLabel('Weight (%)').fill('60');
    await button(page, 'Save criterion').click();
    expect(await page.getByText('Adds up', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByLabel('Code').fill('P1');
    await page.getByLabel('Title').fill('Price');
    await page.getByLabel('Price', { exact: true }).check();
    await page.getByLabel('Weight (%)').fill('40');
    await button(page, 'Save criterion').click();

    // Reorder within a section (here the top level): Move up / Move down, the API's order.
    const topLevel = async () =>
      ((await t.http().get(`/api/tenders/${tenderId}/criteria`).set(commissioner.auth)).body as { code: string }[]).map(
        (node) => node.code,
      );
    expect(await topLevel()).toEqual(['Q', 'P1']);
    // Q1 is alone in Q: nothing to move it past.
    // (The visually hidden code is read as "Move up: P1"; GOV.UK's class pads it with spaces.)
    const moveButton = (direction: string, code: string) =>
      page.getByRole('button', { name: new RegExp(`^Move ${direction}\\W+${code}$`) });
    expect(await moveButton('(up|down)', 'Q1').count()).toBe(0);
    expect(await moveButton('up', 'Q').count()).toBe(0);
    expect(await moveButton('down', 'Q').count()).toBe(1);
    await moveButton('up', 'P1').click();
    expect(await page.getByText('The criterion is moved.').count()).toBe(1);
    expect(await topLevel()).toEqual(['P1', 'Q']);
    const headings = await page.locator('.app-criterion h2').allInnerTexts();
    expect(headings.map((text) => text.split(' ')[0])).toEqual(['P1', 'Q', 'Q1']);
    await axe.check(page);
    await moveButton('down', 'P1').click();
    expect(await topLevel()).toEqual(['Q', 'P1']);
    await axe.check(page);
    await page.goto(`${t.baseUrl}/tenders/${tenderId}`);
    await button(page, 'Publish tender').click();
    expect(await page.getByText('The tender is published.').count()).toBe(1);
    // Published: the order is fixed, as every other part of the criteria.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/criteria`);
    expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const refusedMove = await page.request.post(`${t.baseUrl}/tenders/${tenderId}/criteria/P1/move`, {
      form: { _csrf: csrf, direction: 'up' },
    });
    expect(refusedMove.status()).toBe(409);
    expect(await topLevel()).toEqual(['Q', 'P1']);

    // Another commissioner's tender does not exist for this one.
    const other = await t.user('commissioner');
    const { context: otherContext, page: otherPage } = await phone(browser);
    await signIn(otherPage, other.email);
    const refused = await otherPage.goto(`${t.baseUrl}/tenders/${tenderId}/settings`);
    expect(refused?.status()).toBe(404);
    await otherPage.goto(`${t.baseUrl}/tenders`);
    const otherMove = await otherPage.request.post(`${t.baseUrl}/tenders/${tenderId}/criteria/P1/move`, {
      form: { _csrf: await otherPage.locator('input[name="_csrf"]').first().inputValue(), direction: 'up' },
    });
    expect(otherMove.status()).toBe(404);
    await otherContext.close();
    await context.close();
  });

  it('the progress grid shows each panelist on each bid, lay members by pseudonym, in a constant number of statements', async () => {
    const world = await scoringWorld(t, { tender: { minScorers: 1 } });
    const professional = await addPanelist(t, world, 'professional');
    const lay = await addLayPanelist(t, world, 'lived_experience');
    await declare(t, world.tenderId, professional, world.bidIds);
    await declare(t, world.tenderId, lay, world.bidIds, [world.bidIds[1]]);
    await scoreAndSubmit(t, world.tenderId, professional, world.bidIds[0], 3);
    const saved = await saveScore(t, world.tenderId, professional, world.bidIds[1], 'Q1', 2);
    expect(saved.status).toBe(200);

    const { context, page } = await phone(browser);
    await signIn(page, world.commissioner.email);
    await page.goto(`${t.baseUrl}/tenders`);
    expect(await page.getByRole('link', { name: '1 panelist has not started' }).count()).toBe(1);

    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/progress`);
    expect(await heading(page)).toBe('Progress');
    expect(await page.getByText('2 of 2 panel members have declared their interests on every bid.').count()).toBe(1);
    const rows = page.locator('tbody tr');
    const text = (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    expect(text).toEqual([
      `${professional.name} Professional Yes 1 of 2 Submitted In progress`,
      'Lived experience 1 Lived experience Yes 0 of 1 Not started Conflict',
    ]);
    // The lay member's name is not shown on the grid.
    expect(await page.getByText(lay.name).count()).toBe(0);
    await axe.check(page);
    await screenshot(page, 'team-progress');

    // Filter with a plain GET form.
    await page.getByLabel('Has a bid that is').selectOption('conflict');
    await button(page, 'Show').click();
    expect(page.url()).toContain('progress=conflict');
    expect(await rows.count()).toBe(1);
    await axe.check(page);

    // The cost of the list pages does not grow with the panel and the bids.
    const dataSource = t.app.get(DataSource);
    const cost = async (path: string) =>
      (await countStatements(dataSource, () => page.request.get(`${t.baseUrl}${path}`))).statements;
    // The grid's counts are reused while the tender's audit head stands still (TenderStateCache):
    // a first view after a write reads them, the next reuses them. Both are measured.
    const progressCost = async () => {
      t.app.get(TenderStateCache).clear();
      const fresh = await cost(`/tenders/${world.tenderId}/progress`);
      return { fresh, reused: await cost(`/tenders/${world.tenderId}/progress`) };
    };
    const before = {
      progress: await progressCost(),
      panel: await cost(`/tenders/${world.tenderId}/panel`),
      tenders: await cost('/tenders'),
    };
    for (let i = 0; i < 3; i++) {
      const more = await addPanelist(t, world, i % 2 ? 'professional' : 'lived_experience');
      await declare(t, world.tenderId, more, world.bidIds);
      await saveScore(t, world.tenderId, more, world.bidIds[0], 'Q1', 4);
    }
    const afterCost = {
      progress: await progressCost(),
      panel: await cost(`/tenders/${world.tenderId}/panel`),
      tenders: await cost('/tenders'),
    };
    expect(afterCost).toEqual(before);
    expect(before.progress.reused).toBeLessThan(before.progress.fresh);
    await context.close();
  });

  it('an admin manages accounts: filter, create, send a reset link, change role, deactivate', async () => {
    const { context, page } = await phone(browser);
    await signIn(page, ADMIN.email, ADMIN.password);
    expect(await heading(page)).toBe('Accounts');
    await axe.check(page);
    await page.getByLabel('Role').selectOption('admin');
    await button(page, 'Show accounts').click();
    expect(await page.getByRole('heading', { name: '1 account' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Create an account' }).click();
    await button(page, 'Create account').click();
    expect(await errorSummary(page)).toContain('Enter the person’s full name');
    expect(await errorSummary(page)).toContain('Choose what the person does');
    await axe.check(page);
    await page.getByLabel('Full name').fill('Nia Brooks');
    await page.getByLabel('Email address').fill('nia.brooks@camden.example');
    await page.getByLabel('Commissioner', { exact: true }).check();
    await button(page, 'Create account').click();
    // Anyone but a panel member needs a first password (the person may change it, or get a reset link).
    expect(await errorSummary(page)).toContain('Enter a first password of at least 12 characters');
    await axe.check(page);
    await page.getByLabel('First password').fill('first password for nia');
    await button(page, 'Create account').click();
    expect(await heading(page)).toBe('Nia Brooks');
    expect(await page.getByText('The account is created.').count()).toBe(1);
    await axe.check(page);

    await button(page, 'Send a reset link').click();
    const resetUrl = await page.locator('#reset-url').inputValue();
    expect(resetUrl).toMatch(/\/reset-password\/[A-Za-z0-9_-]{20,}$/);
    await axe.check(page);
    await page.getByRole('link', { name: 'Back to the account' }).click();

    await page.getByRole('group', { name: 'Change role' }).getByLabel('Procurement officer').check();
    await button(page, 'Change role').click();
    expect(await page.getByText('The role is changed.').count()).toBe(1);

    // The person opens the link and chooses a password, then signs in on their tenders.
    const person = await phone(browser);
    await person.page.goto(resetUrl.replace(/^https?:\/\/[^/]+/, t.baseUrl));
    expect(await heading(person.page)).toBe('Choose a new password');
    await button(person.page, 'Set password').click();
    expect(await errorSummary(person.page)).toContain('must be 12 to 200 characters');
    await axe.check(person.page);
    await person.page.getByLabel('New password').fill('a brand new passphrase');
    await button(person.page, 'Set password').click();
    expect(await heading(person.page)).toBe('Your password is set');
    await signIn(person.page, 'nia.brooks@camden.example', 'a brand new passphrase');
    expect(await heading(person.page)).toBe('Your tenders');

    // Change password: a wrong current one is said plainly.
    // (At phone width the header's links sit behind its menu button.)
    await person.page.goto(`${t.baseUrl}/account/password`);
    expect(await heading(person.page)).toBe('Change your password');
    await person.page.getByLabel('Current password').fill('not my password at all');
    await person.page.getByLabel('New password').fill('another long passphrase');
    await button(person.page, 'Change password').click();
    expect(await errorSummary(person.page)).toContain('Your current password is not right');
    await axe.check(person.page);
    await person.page.getByLabel('Current password').fill('a brand new passphrase');
    await person.page.getByLabel('New password').fill('another long passphrase');
    await button(person.page, 'Change password').click();
    expect(await person.page.getByText('Your password is changed.').count()).toBe(1);

    // Deactivated: their session ends at once.
    await button(page, 'Deactivate account').click();
    expect(await page.getByText('The account is deactivated.').count()).toBe(1);
    await axe.check(page);
    await person.page.goto(`${t.baseUrl}/tenders`);
    expect(await heading(person.page)).toBe('Sign in');
    await button(page, 'Reactivate account').click();
    expect(await page.getByText('The account is active again.').count()).toBe(1);

    // A team member cannot reach the admin's pages.
    const commissioner = await t.user('commissioner');
    const other = await phone(browser);
    await signIn(other.page, commissioner.email);
    expect((await other.page.goto(`${t.baseUrl}/accounts`))?.status()).toBe(404);
    await other.context.close();
    await person.context.close();
    await context.close();
  });

  it('works without JavaScript at 320 px: add a panel member, send a link, filter accounts', async () => {
    const world = await scoringWorld(t);
    const { context, page } = await phone(browser, { javaScriptEnabled: false, width: 320 });
    await signIn(page, world.commissioner.email);
    expect(await heading(page)).toBe('Your tenders');
    expect(await scrollsSideways(page)).toBe(false);
    for (const path of [
      '',
      '/settings',
      '/details',
      '/scale',
      '/criteria',
      '/criteria/new',
      '/criteria/Q1',
      '/criteria/Q1/preview',
      '/panel',
      '/progress',
    ]) {
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}${path}`);
      expect({ path, sideways: await scrollsSideways(page) }).toEqual({ path, sideways: false });
    }
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/panel`);
    await page.getByLabel('Name', { exact: true }).fill('Casey Morgan');
    await page.getByLabel('Email address', { exact: true }).fill('casey.morgan@example.org');
    await page.getByLabel('Lived experience', { exact: true }).check();
    await button(page, 'Add to the panel').click();
    await page.getByRole('button', { name: 'Send a link to Casey Morgan' }).click();
    expect(await heading(page)).toBe('Invitation for Casey Morgan');
    // Without the script the link is there to copy by hand; the button stays hidden.
    expect(await page.locator('#invitation-url').inputValue()).toContain('/invitation/');
    expect(await button(page, 'Copy link').isVisible()).toBe(false);
    expect(await scrollsSideways(page)).toBe(false);
    await page.goto(`${t.baseUrl}/tenders/new/social-value-model`);
    expect(await scrollsSideways(page)).toBe(false);
    await context.close();

    const admin = await phone(browser, { javaScriptEnabled: false, width: 320 });
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.getByLabel('Role').selectOption('commissioner');
    await button(admin.page, 'Show accounts').click();
    expect(admin.page.url()).toContain('role=commissioner');
    expect(await scrollsSideways(admin.page)).toBe(false);
    await admin.context.close();
  });

  it('every page checked had no accessibility violations and no CSP refusals', () => {
    expect(axe.pages.length).toBeGreaterThan(25);
    expect(axe.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
