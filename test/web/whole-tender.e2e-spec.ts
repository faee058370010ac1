import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { PASSWORD, type SignedIn } from '../app';
import { bidAnswering, expectStatus, submittedBid } from '../steps';
import {
  AccessibilityLog,
  createWebTestApp,
  cspViolations,
  launchBrowser,
  phone,
  scrollsSideways,
  type WebTestApp,
} from './browser';
import { scoringWorld } from './panel-world';

/**
 * Issue 14's bar: one whole tender through the pages only — from a template to the award and
 * the downloads — with JavaScript off on a 320 px phone for the team. Bids come in through the
 * API, scores through the panel's pages; after each step the API (the same person's token)
 * says what the page said. Every page is checked with axe; a keyboard-only team task too.
 */
jest.setTimeout(240_000);

const SHOTS = '/tmp/whole-shots';
const TEMPLATE = 'childrens-services-co-production';
const SCORED = ['CC1', 'CC2', 'CD1', 'CD2', 'CL1', 'CL2', 'CA1', 'CA2'];
const BIDDERS = [
  { name: 'Young Minds Together', price: 95_000 },
  { name: 'Kentish Town Youth Trust', price: 110_000 },
];

describe('A whole tender through the pages', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** A page with JavaScript, where axe runs on the HTML a page without JavaScript was given. */
  let auditor: Page;
  const axe = new AccessibilityLog();
  /** The pages checked that ran without JavaScript (the team's). */
  const withoutScripts: string[] = [];
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
    auditor = (await phone(browser, { width: 320 })).page;
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const navigation = (page: Page) => page.getByRole('navigation', { name: 'Tender pages' });
  /** Clicks what leads to another page (a link, or a form's button) and waits for that page to load. */
  async function press(page: Page, target: Locator): Promise<void> {
    const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
    await target.click();
    await navigated;
    await page.waitForLoadState();
  }
  const banner = (page: Page, text: string) => page.locator('.govuk-notification-banner', { hasText: text }).waitFor();
  const api = async (who: SignedIn, path: string) => (await t.http().get(`/api${path}`).set(who.auth).expect(200)).body;

  /**
   * No sideways scrolling, then axe. axe needs scripts to run (its timers stop without them),
   * so a page without JavaScript is checked by giving its own HTML, scripts and refreshes
   * removed and <noscript> opened, to a page with JavaScript at the same address.
   */
  async function check(page: Page, shot?: string): Promise<void> {
    expect({ url: page.url(), sideways: await scrollsSideways(page) }).toEqual({ url: page.url(), sideways: false });
    if (shot) await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
    if (await page.evaluate<boolean>("document.body.classList.contains('govuk-frontend-supported')")) return axe.check(page);
    withoutScripts.push(new URL(page.url()).pathname);
    const url = page.url().split('#')[0];
    const html = (await page.content())
      .replace(/<script\b[\s\S]*?<\/script>/gi, '')
      .replace(/<meta http-equiv="refresh"[^>]*>/gi, '')
      .replace(/<\/?noscript>/gi, '');
    const thisPage = (address: URL) => address.href === url;
    await auditor.route(thisPage, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await auditor.goto(url);
    await auditor.unroute(thisPage);
    expect(auditor.url()).toBe(url);
    await axe.check(auditor);
  }

  /** Signs in at /sign-in on a phone: the team without JavaScript at 320 px. */
  async function signIn(who: SignedIn, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
    const session = await phone(browser, { javaScriptEnabled: false, width: 320, ...options });
    session.page.setDefaultTimeout(15_000);
    await session.page.goto(`${t.baseUrl}/sign-in`);
    await session.page.getByLabel('Email address').fill(who.email);
    await session.page.getByLabel('Password').fill(PASSWORD);
    await button(session.page, 'Sign in').click();
    await session.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return session;
  }

  it('from a template to the award and the downloads, the API agreeing at every step', async () => {
    const commissioner = await t.user('commissioner', {
      name: 'Amara Okafor',
      organisationName: 'London Borough of Camden',
      organisationType: 'public',
    });
    const procurement = await t.user('procurement', { name: 'Ben Ward' });

    // 1. The commissioner signs in and starts a tender from a template.
    let team = await signIn(commissioner);
    let page = team.page;
    expect(await heading(page)).toBe('Your tenders');
    await check(page);
    await press(page, button(page, 'Start a new tender'));
    await check(page);
    await press(page, page.getByRole('link', { name: /^Children.s and young people.s service/ }));
    expect(await page.getByText('What it is for').count()).toBe(1);
    await check(page, '01-template');
    await page.getByLabel('Reference').fill('LBC-2026-CYP-07');
    await page.getByLabel('Title').fill('Young people’s wellbeing service');
    await page.getByLabel('Day').fill('26');
    await page.getByLabel('Month').fill('11');
    await page.getByLabel('Year').fill('2026');
    await page.getByLabel('Bid deadline time').fill('12:00');
    await press(page, button(page, 'Create tender'));
    expect(await heading(page)).toBe('Young people’s wellbeing service');
    const tenderId = new URL(page.url()).pathname.split('/')[2];
    const tenderPath = `/tenders/${tenderId}`;
    expect(await api(commissioner, tenderPath)).toMatchObject({
      reference: 'LBC-2026-CYP-07',
      status: 'draft',
      template: TEMPLATE,
      bidDeadline: '2026-11-26T12:00:00.000Z',
      openingApprovals: 2,
    });
    await check(page, '02-overview');

    // Settings: a smaller divergence threshold; the page's values are the API's.
    await press(page, navigation(page).getByRole('link', { name: 'Settings', exact: true }));
    const tenderNow = await api(commissioner, tenderPath);
    expect(await page.getByLabel('Fewest scores per criterion').inputValue()).toBe(String(tenderNow.minScorers));
    await check(page);
    await page.getByLabel('Divergence threshold (points)').fill('1.5');
    // Only the flagged scores go to the moderation meeting (the template moderates every one).
    await page.getByRole('group', { name: 'Moderate every score' }).getByLabel('No').check();
    await press(page, button(page, 'Save settings'));
    await banner(page, 'Your changes are saved.');
    expect(await api(commissioner, tenderPath)).toMatchObject({
      divergenceThreshold: 1.5,
      moderationRequired: false,
      minScorers: 2,
      openingApprovals: 2,
    });
    await check(page);

    // Details: the scoring deadline and the contact the panel sees.
    await page.goto(`${t.baseUrl}${tenderPath}/details`);
    await check(page);
    const scoring = page.getByRole('group', { name: 'When the panel must finish scoring (optional)' });
    await scoring.getByLabel('Day').fill('14');
    await scoring.getByLabel('Month').fill('12');
    await scoring.getByLabel('Year').fill('2026');
    await page.getByLabel('Scoring deadline time').fill('17:00');
    await page.getByLabel('Name', { exact: true }).fill('Sam Okoye');
    await page.getByLabel('Email address').fill('commissioning@camden.example');
    await page.getByLabel('Phone number').fill('020 7974 4444');
    await press(page, button(page, 'Save details'));
    await banner(page, 'Your changes are saved.');
    expect(await api(commissioner, tenderPath)).toMatchObject({
      scoringDeadline: '2026-12-14T17:00:00.000Z',
      contactName: 'Sam Okoye',
      contactEmail: 'commissioning@camden.example',
    });
    await check(page, '03-details');

    // Criteria: two weights moved within their section, and a gate added.
    await page.goto(`${t.baseUrl}${tenderPath}/criteria`);
    await check(page);
    for (const [code, weight] of [
      ['CC1', '9'],
      ['CC2', '6'],
    ]) {
      await press(page, page.getByRole('link', { name: `Change ${code}`, exact: true }));
      expect(await page.getByLabel('Code').inputValue()).toBe(code);
      await page.getByLabel('Weight (%)').fill(weight);
      await press(page, button(page, 'Save criterion'));
      await banner(page, 'The criterion is changed.');
    }
    await press(page, page.getByRole('link', { name: 'Add a criterion to G', exact: true }));
    await check(page);
    await page.getByLabel('Code').fill('G4');
    await page.getByLabel('Title').fill('Safeguarding training for every worker');
    await page.getByLabel('Pass or fail gate').check();
    await page.getByLabel('Weight (%)').fill('0');
    await press(page, button(page, 'Save criterion'));
    await banner(page, 'The criterion is added.');
    expect(await page.locator('#criterion-CC').innerText()).toContain('Adds up');
    await check(page, '04-criteria');
    const tree = (await api(commissioner, `${tenderPath}/criteria`)) as {
      code: string;
      weight: number;
      children: { code: string; weight: number; kind: string }[];
    }[];
    const section = (code: string) => tree.find((node) => node.code === code)!;
    expect(section('CC').children.map((child) => [child.code, child.weight])).toEqual([
      ['CC1', 9],
      ['CC2', 6],
    ]);
    expect(section('G').children.map((child) => [child.code, child.kind])).toEqual([
      ['G1', 'pass_fail'],
      ['G2', 'pass_fail'],
      ['G3', 'pass_fail'],
      ['G4', 'pass_fail'],
    ]);
    const criteriaText = await page.locator('main').innerText();
    for (const node of tree) expect(criteriaText).toContain(`${node.code} `);

    await press(page, navigation(page).getByRole('link', { name: 'Overview', exact: true }));
    await press(page, button(page, 'Publish tender'));
    await banner(page, 'The tender is published.');
    expect((await api(commissioner, tenderPath)).status).toBe('published');
    await check(page);

    // 2. The team and the panel: a procurement officer, a lived-experience and a professional member, their links.
    await page.goto(`${t.baseUrl}${tenderPath}/panel`);
    await page.getByLabel('Add a team member by email address').fill(procurement.email);
    await press(page, button(page, 'Add to the team'));
    expect(await page.getByText('Ben Ward – Procurement officer').count()).toBe(1);
    const members = [
      { name: 'Jordan Reid', group: 'Lived experience', api: 'lived_experience' },
      { name: 'Dr Tom Hale', group: 'Professional', api: 'professional' },
    ];
    for (const member of members) {
      await page.getByLabel('Name', { exact: true }).fill(member.name);
      await page
        .getByLabel('Email address', { exact: true })
        .fill(`${member.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`);
      await page.getByLabel(member.group, { exact: true }).check();
      await press(page, button(page, 'Add to the panel'));
      await banner(page, 'The panel member is added.');
    }
    await check(page, '05-panel');
    const panel = (await api(commissioner, `${tenderPath}/panel`)) as { name: string; group: string }[];
    expect(panel.map((member) => [member.name, member.group])).toEqual(members.map((member) => [member.name, member.api]));
    const links: string[] = [];
    for (const member of members) {
      await press(page, page.getByRole('button', { name: `Send a link to ${member.name}` }));
      expect(await heading(page)).toBe(`Invitation for ${member.name}`);
      const link = await page.locator('#invitation-url').inputValue();
      expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{20,}$/);
      expect(await page.locator('#invitation-code').innerText()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
      links.push(link.replace(/^https?:\/\/[^/]+/, t.baseUrl));
      await check(page, member.api === 'professional' ? undefined : '06-invitation');
      await press(page, page.getByRole('link', { name: 'Back to team and panel' }));
    }
    expect(await page.getByText('Link sent, not used yet').count()).toBe(2);
    const invited = (await api(commissioner, `${tenderPath}/panel`)) as { invitation: { status: string } | null }[];
    expect(invited.map((member) => member.invitation?.status)).toEqual(['pending', 'pending']);
    await team.context.close();

    // 3. Two bids through the API; the sealed box shows the count only.
    const bidIds: string[] = [];
    for (const bidder of BIDDERS) {
      t.clock.advance(60_000);
      const account = await t.user('bidder', { organisationName: bidder.name });
      bidIds.push(await submittedBid(t, account, tenderId, bidAnswering(bidder.name, bidder.price, SCORED)));
    }
    team = await signIn(commissioner);
    page = team.page;
    await page.goto(`${t.baseUrl}${tenderPath}/bids`);
    await page.getByText('The bids are sealed until the team opens them.').waitFor();
    const sealed = await api(commissioner, tenderPath);
    expect(sealed.submittedBidCount).toBe(2);
    expect(await page.locator('.govuk-summary-list').innerText()).toContain(`Bids received\n${sealed.submittedBidCount}`);
    await check(page);
    await team.context.close();

    // The deadline passes (the sessions have long timed out); two people approve opening.
    t.clock.set(new Date(Date.parse('2026-11-26T12:00:00.000Z') + 1000));
    team = await signIn(commissioner);
    page = team.page;
    await page.goto(`${t.baseUrl}${tenderPath}/bids`);
    await press(page, button(page, 'Approve opening the bids'));
    await page.getByText('Your approval is saved.').waitFor();
    expect((await api(commissioner, tenderPath)).status).toBe('published');
    await check(page);
    const second = await signIn(procurement);
    await second.page.goto(`${t.baseUrl}${tenderPath}/bids`);
    await press(second.page, button(second.page, 'Approve opening the bids'));
    await second.page.getByRole('link', { name: BIDDERS[0].name }).waitFor();
    expect((await api(procurement, tenderPath)).status).toBe('evaluation');
    await check(second.page, '07-bids');
    const listed = (await api(procurement, `${tenderPath}/bids`)) as { bidderName: string }[];
    const bidsTable = await second.page.getByRole('table').first().innerText();
    for (const bid of listed) expect(bidsTable).toContain(bid.bidderName);
    await second.context.close();

    // The gates, bid by bid, on the bid's page.
    const gates = section('G').children.map((gate) => gate.code);
    for (const bidId of bidIds) {
      await page.goto(`${t.baseUrl}${tenderPath}/bids/${bidId}`);
      for (const code of gates) {
        const form = page.locator(`form[action$="/gates/${code}"]`);
        await form.getByLabel('Pass').check();
        await form.getByLabel('Note').fill(`Seen: ${code}.`);
        await press(page, form.getByRole('button', { name: 'Save gate result' }));
        await page.getByText('The gate result is saved.').waitFor();
      }
      const detail = (await api(commissioner, `${tenderPath}/bids/${bidId}`)) as {
        bidderName: string;
        organisationType: string;
        compliance: { passed: boolean }[];
      };
      expect(detail.organisationType).toBe('vcse');
      const facts = await page.locator('.govuk-summary-list').first().innerText();
      expect(facts).toContain('Voluntary, community or social enterprise');
      expect(await heading(page)).toBe(detail.bidderName);
      expect(detail.compliance.map((gate) => gate.passed)).toEqual(gates.map(() => true));
    }
    await check(page, '08-bid');

    // Moderation cannot start before the lived-experience member has scored: refused in words, nothing changed.
    await press(page, navigation(page).getByRole('link', { name: 'Moderation', exact: true }));
    await press(page, button(page, 'Start moderation'));
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      `No lived-experience member has submitted scores yet for: ${BIDDERS[0].name} (${SCORED.join(', ')})`,
    );
    expect((await api(commissioner, tenderPath)).status).toBe('evaluation');
    await check(page);

    // 4. The panel: each member opens their link, declares, scores every criterion of each bid and submits.
    const given: Record<string, number[]> = { lived_experience: [4, 1], professional: [1, 3] };
    for (const [index, member] of members.entries()) {
      const panelist = await phone(browser, { width: 360 });
      const p = panelist.page;
      p.setDefaultTimeout(15_000);
      await p.goto(links[index]);
      await check(p);
      await press(p, button(p, 'Start now'));
      while ((await heading(p)).startsWith('Do you know anyone at')) {
        await check(p);
        await p.getByLabel('No', { exact: true }).check();
        await press(p, button(p, 'Save and continue'));
      }
      expect(await heading(p)).toBe('Your scoring');
      await check(p, index === 0 ? '09-panel-task-list' : undefined);
      for (const [bidIndex, bidder] of BIDDERS.entries()) {
        await p.goto(`${t.baseUrl}/panel/${tenderId}`);
        await press(p, p.getByRole('link', { name: bidder.name }).first());
        let pages = 0;
        while (!(await heading(p)).startsWith('Check your scores')) {
          if (pages === 0 && bidIndex === 0) await check(p, index === 0 ? '10-panel-criterion' : undefined);
          await p.getByRole('radio').nth(given[member.api][bidIndex]).check();
          await p.getByLabel('Why did you give this score?').fill(`${member.name} on ${bidder.name}: my reason.`);
          await press(p, button(p, 'Save and continue'));
          await p.getByRole('heading', { level: 1 }).waitFor();
          pages += 1;
        }
        expect(pages).toBe(SCORED.length);
        await check(p);
        await press(p, button(p, 'Submit scores for this bid'));
        await p.getByText('Scores submitted').first().waitFor();
      }
      await check(p);
      await panelist.context.close();
    }
    const progress = (await api(commissioner, `${tenderPath}/panel`)) as { invitation: { status: string } | null }[];
    expect(progress.map((member) => member.invitation?.status)).toEqual(['used', 'used']);

    // 5. Moderation: "Your tenders" leads to its start page; started there, one agreed score recorded.
    await page.goto(`${t.baseUrl}/tenders`);
    await press(page, page.getByRole('link', { name: 'Start moderation once the panel has scored' }));
    expect(await heading(page)).toBe('Start moderation');
    await check(page, '11-start-moderation');
    await press(page, button(page, 'Start moderation'));
    expect(await heading(page)).toBe('Moderation');
    expect((await api(commissioner, tenderPath)).status).toBe('moderation');
    const moderation = (await api(commissioner, `${tenderPath}/moderation`)) as {
      items: { bidId: string; code: string; flags: unknown[]; moderated: { score: number } | null }[];
    };
    const flagged = moderation.items.filter((item) => item.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: 'Agenda' }).locator('tbody tr').count()).toBe(flagged.length);
    await check(page, '12-moderation');
    const cell = flagged[0];
    await page.goto(`${t.baseUrl}${tenderPath}/moderation/${cell.bidId}/${cell.code}`);
    await check(page);
    await page.getByRole('radio', { name: /^3 –/ }).check();
    await page.getByLabel('Why the panel agreed this score').fill('Agreed 3 after reading the answer together.');
    await press(page, button(page, 'Save agreed score'));
    await page.getByText('The agreed score is saved.').waitFor();
    const agreed = ((await api(commissioner, `${tenderPath}/moderation`)) as typeof moderation).items.find(
      (item) => item.bidId === cell.bidId && item.code === cell.code,
    );
    expect(agreed?.moderated).toMatchObject({ score: 3, rationale: 'Agreed 3 after reading the answer together.' });
    await check(page);

    // Results: the page's ranking is the API's.
    const results = (await api(commissioner, `${tenderPath}/results`)) as {
      bids: { bidderName: string; total: number; rank: number | null }[];
    };
    await page.goto(`${t.baseUrl}${tenderPath}/results`);
    const rows = (await page.getByRole('table', { name: 'Ranking' }).locator('tbody tr').allInnerTexts()).map((row) =>
      row.replace(/\s+/g, ' '),
    );
    const ranked = results.bids.filter((bid) => bid.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(ranked).toHaveLength(2);
    expect(rows).toHaveLength(ranked.length);
    ranked.forEach((bid, index) => {
      expect(rows[index]).toContain(bid.bidderName);
      expect(rows[index]).toContain(bid.total.toFixed(2));
    });
    await check(page, '13-results');

    // The award, after the page saying what becomes final.
    await press(page, button(page, 'Award the tender'));
    expect(await heading(page)).toBe('Award the tender');
    expect(await page.locator('main').innerText()).toContain(`You are awarding the contract to ${ranked[0].bidderName}`);
    await check(page, '14-award');
    await press(page, button(page, 'Award the tender'));
    await page.getByText('The tender is awarded. The results are now final.').waitFor();
    expect((await api(commissioner, tenderPath)).status).toBe('awarded');
    expect(await page.getByText(`Awarded to ${ranked[0].bidderName} on`).count()).toBe(1);
    await check(page);

    // Downloads: each file arrives, and each is on the audit trail.
    await page.goto(`${t.baseUrl}${tenderPath}/downloads`);
    await check(page, '15-downloads');
    const files: string[] = [];
    for (const [link, name] of [
      [/^Evaluation matrix/, /evaluation-matrix\.xlsx$/],
      [/^Every panel score/, /scores\.csv$/],
      [/^The whole evaluation/, /evaluation\.json$/],
    ] as const) {
      await page.goto(`${t.baseUrl}${tenderPath}/downloads`);
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: link }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(name);
      expect(await file.failure()).toBeNull();
      files.push(file.suggestedFilename());
    }
    expect(files).toHaveLength(3);
    const downloads = ((await api(commissioner, `${tenderPath}/audit`)) as { action: string }[]).filter(
      (event) => event.action === 'export.downloaded',
    );
    expect(downloads).toHaveLength(3);
    await page.goto(`${t.baseUrl}${tenderPath}/audit`);
    await page.getByLabel('Show').selectOption({ label: 'Downloads' });
    await press(page, button(page, 'Show events'));
    await page.getByText(/^Showing 3 of \d+ events/).waitFor();
    const trail = await page.getByRole('region', { name: 'Events' }).innerText();
    for (const file of [
      'the evaluation matrix (Excel workbook)',
      'every panel score (CSV file)',
      'the whole evaluation (JSON file)',
    ])
      expect(trail).toContain(`Amara Okafor downloaded ${file}`);
    await check(page, '16-audit');
    await team.context.close();
  });

  it('a team member adds a panel member with the keyboard only', async () => {
    const world = await scoringWorld(t);
    const { context, page } = await phone(browser);
    /** Tabs forward until the focused control is the one named (its text, or its label's). */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate<string>(
          "(() => { const e = document.activeElement; const l = e && e.labels && e.labels[0]; return ((l ? l.innerText : e.innerText) || e.value || '').trim(); })()",
        );
        if (focused.startsWith(name)) return;
      }
      throw new Error(`could not reach "${name}" with Tab`);
    };
    await page.goto(`${t.baseUrl}/sign-in`);
    await tabTo('Email address');
    await page.keyboard.type(world.commissioner.email);
    await tabTo('Password');
    await page.keyboard.type(PASSWORD);
    await tabTo('Sign in');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your tenders' }).waitFor();
    await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/panel`);
    await tabTo('Name');
    await page.keyboard.type('Casey Morgan');
    await tabTo('Email address');
    await page.keyboard.type('casey.morgan@example.org');
    // Tab reaches the group's first radio; Space chooses it.
    await tabTo('Lived experience');
    await page.keyboard.press('Space');
    await tabTo('Add to the panel');
    await page.keyboard.press('Enter');
    await page.getByText('The panel member is added.').waitFor();
    await axe.check(page);
    const panel = (await t.http().get(`/api/tenders/${world.tenderId}/panel`).set(world.commissioner.auth)).body as {
      name: string;
      group: string;
    }[];
    expect(panel.map((member) => [member.name, member.group])).toContainEqual(['Casey Morgan', 'lived_experience']);
    expectStatus(await t.http().get(`/api/tenders/${world.tenderId}`).set(world.commissioner.auth), 200, 'tender');
    await context.close();
  });

  it('every page checked had no accessibility violations and no CSP refusals', () => {
    expect(axe.pages.length).toBeGreaterThan(40);
    expect(withoutScripts.length).toBeGreaterThan(25);
    expect(axe.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
