import type { Browser, Page } from 'playwright-core';
import { PASSWORD, type SignedIn } from '../app';
import { evaluationWorld, type ExportWorld } from '../exports/evaluation-world';
import { createPublishedTender, FUTURE_DEADLINE, WORKED_EXAMPLE_CRITERIA } from '../steps';
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
 * Issue 14, pages 7–11: a tender team's evaluation in the browser — bids before and after the
 * box opens, gates and disqualification, the moderation agenda and a consensus score (with a
 * colleague's change in between), results with charts and the award, the downloads and the
 * audit trail. Every page: axe 0 violations, no sideways scrolling at 320 px; the forms work
 * without JavaScript; what the page says agrees with the API.
 */
jest.setTimeout(120_000);

describe('Evaluation pages in a real browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const a11y = new AccessibilityLog();
  const noScript = new WeakSet<Page>();
  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });
  afterEach(() => {
    expect(cspViolations).toEqual([]);
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const api = (who: SignedIn, path: string) => t.http().get(`/api${path}`).set(who.auth);

  /** Axe (with JavaScript: it runs in the page), and no sideways scrolling at the context's width. */
  async function check(page: Page, name?: string): Promise<void> {
    if (!noScript.has(page)) await a11y.check(page);
    expect(await scrollsSideways(page)).toBe(false);
    if (name) await screenshot(page, name);
  }

  async function signIn(who: SignedIn, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
    const session = await phone(browser, options);
    if (options.javaScriptEnabled === false) noScript.add(session.page);
    await session.page.goto(`${t.baseUrl}/sign-in`);
    await session.page.getByLabel('Email address').fill(who.email);
    await session.page.getByLabel('Password').fill(PASSWORD);
    session.page.setDefaultTimeout(8000);
    await button(session.page, 'Sign in').click();
    await session.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return session;
  }

  it('before the box opens: the count only, and two different people approve opening', async () => {
    t.clock.set('2026-11-23T09:00:00.000Z');
    const commissioner = await t.user('commissioner', { name: 'Amara Okafor' });
    const procurement = await t.user('procurement', { name: 'Ben Ward' });
    const tenderId = await createPublishedTender(t, commissioner.token, {
      criteria: WORKED_EXAMPLE_CRITERIA,
      tender: { reference: `SEAL-${Date.now() % 100000}`, bidDeadline: FUTURE_DEADLINE, openingApprovals: 2 },
    });
    await t
      .http()
      .post(`/api/tenders/${tenderId}/team`)
      .set(commissioner.auth)
      .send({ userId: procurement.id, role: 'procurement' });
    const bidder = await t.user('bidder');
    const bid = await t
      .http()
      .post(`/api/tenders/${tenderId}/bids`)
      .set(bidder.auth)
      .send({
        bidderName: 'Sealed Trust',
        price: 1000,
        responses: [
          { criterion: 'Q1', text: 'Sealed answer.' },
          { criterion: 'C1', text: 'Sealed answer.' },
        ],
      });
    if (bid.status !== 201) throw new Error(JSON.stringify(bid.body));
    await t.http().post(`/api/tenders/${tenderId}/bids/${bid.body.id}/submit`).set(bidder.auth).expect(200);

    let first = await signIn(commissioner, { width: 320 });
    await first.page.goto(`${t.baseUrl}/tenders/${tenderId}/bids`);
    expect(await heading(first.page)).toBe('Bids');
    await first.page.getByText('The bids are sealed until the team opens them.').waitFor();
    expect(await first.page.locator('.govuk-summary-list').innerText()).toContain('Bids received\n1');
    await check(first.page, 'evaluation-bids-sealed');

    // Before the deadline the service refuses, and the page says why.
    await button(first.page, 'Approve opening the bids').click();
    // In the error summary and beside the button.
    expect(await first.page.getByText('You cannot open the bids before the deadline').count()).toBe(2);
    expect(await first.page.title()).toMatch(/^Error: /);
    await check(first.page);

    // After the deadline (two months on: the session has long timed out, so sign in again).
    await first.context.close();
    t.clock.set(new Date(new Date(FUTURE_DEADLINE).getTime() + 1000));
    first = await signIn(commissioner, { width: 320 });
    await first.page.goto(`${t.baseUrl}/tenders/${tenderId}/bids`);
    await button(first.page, 'Approve opening the bids').click();
    await first.page.getByText('Your approval is saved.').waitFor();
    expect(await first.page.getByText(/Amara Okafor approved on/).count()).toBe(1);
    // The same person twice: refused, in words.
    await button(first.page, 'Approve opening the bids').click();
    await first.page.getByText('You have already approved opening the bids.').first().waitFor();
    expect((await api(commissioner, `/tenders/${tenderId}`).expect(200)).body.status).toBe('published');
    await check(first.page);

    const second = await signIn(procurement, { javaScriptEnabled: false, width: 320 });
    await second.page.goto(`${t.baseUrl}/tenders/${tenderId}/bids`);
    await button(second.page, 'Approve opening the bids').click();
    await second.page.getByRole('link', { name: 'Sealed Trust' }).waitFor();
    expect((await api(procurement, `/tenders/${tenderId}`).expect(200)).body.status).toBe('evaluation');
    await check(second.page);
    await first.context.close();
    await second.context.close();
  });

  describe('a tender in moderation', () => {
    let world: ExportWorld;
    beforeAll(async () => {
      world = await evaluationWorld(t);
    });

    it('bids: the list, a bid’s answers, price, commitments and versions; gates and disqualification with their errors (no JavaScript, 320 px)', async () => {
      const { page, context } = await signIn(world.commissioner, { width: 320 });
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/bids`);
      const table = await page.getByRole('table').innerText();
      for (const name of ['Camden Mind Partnership', 'Riverside Care Ltd', 'Peer Power CIC']) expect(table).toContain(name);
      expect(table).toContain('£99,999.99');
      expect(table).toContain('1 failed');
      await check(page, 'evaluation-bids');

      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/bids/${world.bidIds.hostile}`);
      await page.getByText('Version 1 counts.').waitFor();
      // Hostile text is shown as text, never run.
      expect(await heading(page)).toBe('=HYPERLINK("http://x","click")');
      expect(await page.getByRole('table', { name: 'What the bidder commits to' }).innerText()).toContain("+cmd|' /C calc'!A0");
      await page.getByText('=HYPERLINK("http://x","click") answers Q1.').waitFor();
      await check(page, 'evaluation-bid');

      // A fail needs a reason: the API's own rule, worded.
      await page.getByLabel('Fail').check();
      await page.getByLabel('Note').fill('');
      await button(page, 'Save gate result').click();
      expect(await page.title()).toMatch(/^Error: /);
      await page.getByRole('link', { name: 'Say why the bid fails' }).waitFor();
      await check(page);
      await page.getByLabel('Fail').check();
      await page.getByLabel('Note').fill('Safeguarding policy out of date.');
      await button(page, 'Save gate result').click();
      await page.getByText('The gate result is saved.').waitFor();
      const detail = (await api(world.commissioner, `/tenders/${world.tenderId}/bids/${world.bidIds.hostile}`).expect(200)).body;
      expect(detail.compliance[0]).toMatchObject({ passed: false, note: 'Safeguarding policy out of date.' });
      await page.getByLabel('Pass').check();
      await page.getByLabel('Note').fill('Policy seen again.');
      await button(page, 'Save gate result').click();
      await page.getByText('The gate result is saved.').waitFor();

      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/bids/${world.bidIds.failsGate}`);
      await button(page, 'Disqualify bid').click();
      await page.getByRole('link', { name: 'Say why the bid is disqualified, in 5000 characters or fewer' }).waitFor();
      await check(page);
      await page.getByLabel('Why is the bid disqualified?').fill('Failed the safeguarding gate (ITT 4.2).');
      await button(page, 'Disqualify bid').click();
      await page.getByText('This bid is disqualified: Failed the safeguarding gate (ITT 4.2).').waitFor();
      const failed = (await api(world.commissioner, `/tenders/${world.tenderId}/bids/${world.bidIds.failsGate}`).expect(200))
        .body;
      expect(failed).toMatchObject({ disqualified: true, disqualificationReason: 'Failed the safeguarding gate (ITT 4.2).' });
      await check(page);
      await context.close();
    });

    it('moderation: the agenda by spread with group divergence marked; scores side by side; a consensus score; a colleague’s change shown, not overwritten', async () => {
      const view = (await api(world.commissioner, `/tenders/${world.tenderId}/moderation`).expect(200)).body as {
        items: { bidId: string; code: string; spread: number | null; flags: unknown[]; bidderName: string }[];
      };
      const flagged = view.items.filter((item) => item.flags.length > 0);
      const spreads = [...flagged].map((item) => item.spread ?? -1).sort((a, b) => b - a);

      const { page, context } = await signIn(world.commissioner, { width: 320 });
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/moderation`);
      expect(await heading(page)).toBe('Moderation');
      const agenda = page.getByRole('table', { name: 'Agenda' });
      const rows = agenda.locator('tbody tr');
      expect(await rows.count()).toBe(flagged.length);
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => Number(tr.querySelectorAll('td')[1]?.textContent?.trim() ?? tr.children[1].textContent)),
      );
      expect(shown).toEqual(spreads);
      // At 320 px the score to agree and its spread are both on screen, without scrolling the table.
      const spreadHeader = await agenda.getByRole('columnheader', { name: 'Spread' }).boundingBox();
      expect(spreadHeader!.x + spreadHeader!.width).toBeLessThanOrEqual(320);
      if (flagged.some((item) => (item.flags as { type: string }[]).some((flag) => flag.type === 'group_divergence'))) {
        expect(await agenda.getByText('Groups differ').count()).toBeGreaterThan(0);
      }
      await check(page, 'evaluation-moderation');
      // Calibration (issue 18): the names and figures of /results, lay members by pseudonym.
      const calibration = (
        (await api(world.commissioner, `/tenders/${world.tenderId}/results`).expect(200)).body as {
          calibration: { name: string; group: string; leniency: number | null }[];
        }
      ).calibration;
      await page.getByRole('link', { name: 'How each panel member marks' }).click();
      await page.getByText('For reflection only; it never changes a score.').waitFor();
      const members = await page.getByRole('table', { name: 'How each panel member marks' }).innerText();
      for (const member of calibration) {
        expect(members).toContain(member.name);
        if (member.leniency !== null) expect(members).toContain(member.leniency.toFixed(2));
        if (member.group === 'lived_experience') expect(member.name).toMatch(/^Lived experience \d+$/);
      }
      await check(page, 'evaluation-calibration');
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/moderation`);
      // Every cell of one bid, flagged or not, from the list of bids.
      await page.getByRole('table', { name: 'Every bid' }).getByRole('link', { name: 'Peer Power CIC' }).click();
      expect(await heading(page)).toBe('Moderation: Peer Power CIC');
      expect(await page.getByRole('table', { name: 'Scores for Peer Power CIC' }).locator('tbody tr').count()).toBe(
        view.items.filter((item) => item.bidderName === 'Peer Power CIC').length,
      );
      await check(page);

      // The steady bid's Q1 has two agreed versions already: both stay visible.
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/moderation/${world.bidIds.steady}/Q1`);
      const scores = await page.getByRole('table', { name: 'The panel’s scores' }).innerText();
      expect(scores).toContain('Lived experience 1');
      expect(scores).toContain('Panelist 2 gave 3 on Q1.');
      expect(scores).not.toContain('Private Name');
      expect(await page.getByRole('table', { name: 'Every agreed score, newest first' }).innerText()).toContain(
        '@Revised to 4: evidence on page 12.',
      );
      await check(page, 'evaluation-moderation-cell');

      // Errors first.
      await button(page, 'Save agreed score').click();
      await page.getByRole('link', { name: 'Choose the agreed score' }).waitFor();
      await page.getByRole('link', { name: 'Write why the panel agreed this score' }).waitFor();
      await check(page);

      // A colleague opens the same cell, and saves first.
      const colleague = await signIn(world.procurement);
      await colleague.page.goto(`${t.baseUrl}/tenders/${world.tenderId}/moderation/${world.bidIds.steady}/Q1`);
      await colleague.page.getByRole('radio', { name: /^3 –/ }).check();
      await colleague.page.getByLabel('Why the panel agreed this score').fill('Back to 3 after reading page 14.');
      await button(colleague.page, 'Save agreed score').click();
      await colleague.page.getByText('The agreed score is saved.').waitFor();

      await page.getByRole('radio', { name: /^5 –/ }).check();
      await page.getByLabel('Why the panel agreed this score').fill('5: outstanding on every point.');
      const stale = page.waitForResponse((response) => response.request().method() === 'POST');
      await button(page, 'Save agreed score').click();
      expect((await stale).status()).toBe(409);
      await page.getByText('Someone else changed the agreed score while you were on this page.').first().waitFor();
      const both = await page.locator('.govuk-summary-list').last().innerText();
      expect(both).toContain('Back to 3 after reading page 14.');
      expect(both).toContain('5: outstanding on every point.');
      await check(page, 'evaluation-moderation-stale');
      let latest = (await api(world.commissioner, `/tenders/${world.tenderId}/moderation`).expect(200)).body.items.find(
        (item: { bidId: string; code: string }) => item.bidId === world.bidIds.steady && item.code === 'Q1',
      );
      expect(latest.moderated).toMatchObject({ version: 3, score: 3 });
      // Having seen theirs, saving again replaces it knowingly (the form now carries version 3).
      await page.getByRole('radio', { name: /^5 –/ }).check();
      await button(page, 'Save agreed score').click();
      await page.getByText('The agreed score is saved.').waitFor();
      latest = (await api(world.commissioner, `/tenders/${world.tenderId}/moderation`).expect(200)).body.items.find(
        (item: { bidId: string; code: string }) => item.bidId === world.bidIds.steady && item.code === 'Q1',
      );
      expect(latest.moderated).toMatchObject({ version: 4, score: 5, rationale: '5: outstanding on every point.' });
      expect(latest.history).toHaveLength(4);
      await colleague.context.close();
      await context.close();
    });

    it('the forms work without JavaScript at 320 px: a gate, an agreed score, the audit filter', async () => {
      const { page, context } = await signIn(world.commissioner, { javaScriptEnabled: false, width: 320 });
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/bids/${world.bidIds.cheap}`);
      await page.getByLabel('Pass').check();
      await page.getByLabel('Note').fill('Policy seen, no script.');
      await button(page, 'Save gate result').click();
      await page.getByText('The gate result is saved.').waitFor();
      await check(page);
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/moderation/${world.bidIds.cheap}/C1`);
      await check(page);
      await page.getByRole('radio', { name: /^2 –/ }).check();
      await page.getByLabel('Why the panel agreed this score').fill('Agreed 2 without a script.');
      await button(page, 'Save agreed score').click();
      await page.getByText('The agreed score is saved.').waitFor();
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/audit`);
      await page.getByLabel('Show').selectOption({ label: 'Bids' });
      await button(page, 'Show events').click();
      await page.getByText('recorded a pass or fail on a gate').first().waitFor();
      await check(page);
      await context.close();
    });

    it('are the team’s only: a panelist and a bidder get a plain refusal on every page, an unknown tender “Page not found”', async () => {
      const pages = [
        'bids',
        `bids/${world.bidIds.steady}`,
        'moderation',
        `moderation/${world.bidIds.steady}/Q1`,
        'results',
        'award',
        'downloads',
        'audit',
      ];
      for (const who of [world.panelists[3], world.bidder]) {
        const { page, context } = await signIn(who);
        for (const path of pages) {
          const response = await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/${path}`);
          expect([path, [403, 404].includes(response?.status() ?? 0)]).toEqual([path, true]);
          expect(['You cannot see this page', 'Page not found']).toContain(await heading(page));
          expect(await page.locator('main').innerText()).not.toContain('Camden Mind Partnership');
        }
        const download = await t.http().get(`/tenders/${world.tenderId}/downloads/scores.csv`);
        expect(download.status).toBe(303); // no session: to sign in, never the file
        await context.close();
      }
      const { page, context } = await signIn(world.commissioner);
      const unknown = await page.goto(`${t.baseUrl}/tenders/00000000-0000-4000-8000-000000000000/results`);
      expect(unknown?.status()).toBe(404);
      expect(await heading(page)).toBe('Page not found');
      await check(page);
      await context.close();
    });

    it('results: tables first, charts of the same numbers, then the award after a page saying what becomes final', async () => {
      const results = (await api(world.commissioner, `/tenders/${world.tenderId}/results`).expect(200)).body as {
        complete: boolean;
        bids: { bidderName: string; total: number; rank: number | null }[];
        closeCall: { sentence: string; recheck: { bidId: string; code: string }[] } | null;
        robustness: { runnersUp: { margin: number; totalChange: number | null }[] } | null;
        groupInfluence: { sentence: string; scenarios: { sentence: string }[] } | null;
      };
      const { page, context } = await signIn(world.commissioner, { width: 320 });
      const response = await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/results`);
      expect(response?.status()).toBe(200);
      const ranking = await page.getByRole('table', { name: 'Ranking' }).innerText();
      for (const bid of results.bids) {
        expect(ranking).toContain(bid.bidderName);
        expect(ranking).toContain(bid.total.toFixed(2));
      }
      expect(await page.getByRole('table', { name: 'Points by category' }).innerText()).toContain('Co-production');
      // Every bid, a page at a time (the results page shows the leading RESULTS_BIDS_SHOWN): the same order and totals.
      const every = await context.newPage();
      expect((await every.goto(`${t.baseUrl}/tenders/${world.tenderId}/results/bids`))?.status()).toBe(200);
      const rows = await every.getByRole('table', { name: 'Ranking' }).locator('tbody tr').allInnerTexts();
      expect(rows.map((row) => row.split('\t')[0].trim())).toEqual(results.bids.map((bid) => bid.bidderName));
      results.bids.forEach((bid, index) => expect(rows[index]).toContain(bid.total.toFixed(2)));
      await check(every, 'evaluation-results-every-bid');
      await every.close();
      const charts = page.locator('.app-chart img');
      expect(await charts.count()).toBe(2);
      for (const src of await charts.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src') ?? ''))) {
        const svg = Buffer.from(src.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8');
        expect(svg).toMatch(/^<svg/);
        expect(svg).toContain('<pattern'); // each series has its own pattern: readable without colour
      }
      expect(
        await page.getByRole('table', { name: 'Bids not ranked, and why' }).getByText('Riverside Care Ltd').count(),
      ).toBeGreaterThan(0);
      // Issue 18: the close call, the marks to change the winner and the group influence, as /results says them.
      await page.getByText(results.closeCall!.sentence).waitFor();
      for (const cell of results.closeCall!.recheck) {
        expect(await page.locator(`a[href="/tenders/${world.tenderId}/moderation/${cell.bidId}/${cell.code}"]`).count()).toBe(1);
      }
      const marks = await page.getByRole('table', { name: 'Marks that would change the winner' }).innerText();
      for (const entry of results.robustness!.runnersUp) {
        expect(marks).toContain(entry.margin.toFixed(2));
        if (entry.totalChange !== null) expect(marks).toContain(entry.totalChange.toFixed(2));
      }
      if (results.groupInfluence) {
        await page.getByText(results.groupInfluence.sentence).waitFor();
        for (const scenario of results.groupInfluence.scenarios) await page.getByText(scenario.sentence).first().waitFor();
      }
      await check(page, 'evaluation-results');
      await page.setViewportSize({ width: 360, height: 800 });
      await page.locator('#close-call').scrollIntoViewIfNeeded();
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        await page.screenshot({ path: 'docs/screenshots/evaluation-results-close-call.png' });
      }

      await page.getByRole('button', { name: 'Award the tender' }).click();
      expect(await heading(page)).toBe('Award the tender');
      await page.getByText('Nobody can change a score, an agreed score, a gate or a bid after this.').waitFor();
      await check(page, 'evaluation-award');
      await button(page, 'Award the tender').click();
      await page.getByText('The tender is awarded. The results are now final.').waitFor();
      const tender = (await api(world.commissioner, `/tenders/${world.tenderId}`).expect(200)).body;
      expect(tender.status).toBe('awarded');
      const winner = results.bids.find((bid) => bid.rank === 1)!;
      expect(await page.getByText(`Awarded to ${winner.bidderName} on`).count()).toBe(1);
      await check(page);
      await context.close();
    });

    it('downloads: what each file is for, a preparing page for the workbook, each download audited', async () => {
      const { page, context } = await signIn(world.procurement, { width: 320 });
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/downloads`);
      await page.getByText('For the tender file and the award report.').waitFor();
      await check(page, 'evaluation-downloads');
      const before = (await api(world.commissioner, `/tenders/${world.tenderId}/audit`).expect(200)).body.filter(
        (event: { action: string }) => event.action === 'export.downloaded',
      ).length;
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: /Evaluation matrix/ }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/evaluation-matrix\.xlsx$/);
      expect(await heading(page)).toBe('Preparing the evaluation matrix');
      await check(page, 'evaluation-downloads-preparing');
      const csv = page.waitForEvent('download');
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/downloads`);
      await page.getByRole('link', { name: /Every panel score/ }).click();
      expect((await csv).suggestedFilename()).toMatch(/scores\.csv$/);
      await (await csv).path();
      await file.path();
      const after = (await api(world.commissioner, `/tenders/${world.tenderId}/audit`).expect(200)).body.filter(
        (event: { action: string }) => event.action === 'export.downloaded',
      ).length;
      expect(after).toBe(before + 2);
      await context.close();
    });

    it('the audit trail: plain words with names, filtered by kind, and the chain check', async () => {
      const events = (await api(world.commissioner, `/tenders/${world.tenderId}/audit`).expect(200)).body as { action: string }[];
      // the page checks the tender's own chain and the service chain's anchors of it, as the team's API route does
      const verified = (await api(world.commissioner, `/tenders/${world.tenderId}/audit/verify`).expect(200)).body;
      const { page, context } = await signIn(world.commissioner, { width: 320 });
      await page.goto(`${t.baseUrl}/tenders/${world.tenderId}/audit`);
      await page.getByText(`All ${verified.checked} entries intact`).waitFor();
      expect(await page.getByText(`Showing ${events.length} of ${events.length} events`).count()).toBe(1);
      expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await check(page, 'evaluation-audit');
      await page.getByLabel('Show').selectOption({ label: 'Moderation' });
      await button(page, 'Show events').click();
      const moderated = events.filter((event) => event.action.startsWith('moderated_score.')).length;
      await page.getByText(`Showing ${moderated} of ${events.length} events`).waitFor();
      expect(await page.getByText('recorded an agreed score').count()).toBe(moderated);
      await check(page);
      await page.getByLabel('Show').selectOption({ label: 'The tender' });
      await button(page, 'Show events').click();
      await page.getByText(`${world.commissioner.name} published the tender`).waitFor();
      await page.getByText(`${world.commissioner.name} started moderation`).waitFor();
      // Lived-experience members by pseudonym, as everywhere the record is read; professionals by name.
      await page.getByLabel('Show').selectOption({ label: 'Scores' });
      await button(page, 'Show events').click();
      await page.getByText('Lived experience 1 submitted scores').first().waitFor();
      await page.getByText('Dr Professional 3 submitted scores').first().waitFor();
      expect(await page.locator('main').innerText()).not.toContain('Private Name');
      await context.close();
    });
  });

  it('every page had 0 axe violations', () => {
    expect(a11y.failures).toEqual([]);
    expect(a11y.pages.length).toBeGreaterThan(15);
  });
});
