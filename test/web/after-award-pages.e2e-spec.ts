import type { Browser, Page } from 'playwright-core';
import { PASSWORD, type SignedIn } from '../app';
import { award } from '../steps';
import { workedExampleTender } from '../steps/worked-example.world';
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
 * Issue 16, parts 2 and 5 in the browser: a tender team after the award records the contract
 * award notice (Scotland's bank holidays, over Easter and the clock change), sees when the standstill ends, is
 * refused entering into the contract too early and while a challenge is open, lifts it, enters
 * into the contract, and finds the tender on the records to keep (s.98). A cancelled published
 * tender gets its termination notice (s.55). Every page and error state: axe, 360 px, no
 * sideways scrolling; the page says what the API says.
 */
jest.setTimeout(120_000);

describe('After-award pages in a real browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const a11y = new AccessibilityLog();
  beforeAll(async () => {
    // The journey moves the clock by days: a day-long session, signed in again after a longer jump.
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

  async function check(page: Page, name?: string): Promise<void> {
    await a11y.check(page);
    expect(await scrollsSideways(page)).toBe(false);
    if (name) await screenshot(page, name);
  }

  async function when(page: Page, legend: string, day: string, month: string, year: string, time: string) {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
    await page.getByLabel('Time').fill(time);
  }

  async function signIn(page: Page, who: SignedIn): Promise<void> {
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(who.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await button(page, 'Sign in').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  it('notice, standstill, refused early entry, a challenge lifted, the contract, the records', async () => {
    const commissioner: SignedIn = await t.user('commissioner', { name: 'Amara Okafor' });
    const { tenderId } = await workedExampleTender(t, commissioner);
    expect((await award(t, tenderId, commissioner)).status).toBe(200);
    const api = async () => (await t.http().get(`/api/tenders/${tenderId}/standstill`).set(commissioner.auth).expect(200)).body;

    t.clock.set('2027-03-23T10:00:00.000Z');
    const { page } = await phone(browser);
    page.setDefaultTimeout(8000);
    await signIn(page, commissioner);

    // The tender navigation shows the page once the tender is awarded.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/results`);
    await page.getByRole('navigation', { name: 'Tender pages' }).getByRole('link', { name: 'After the award' }).click();
    expect(await heading(page)).toBe('After the award');
    expect(await main(page)).toContain('Not recorded yet');
    await check(page);

    // A notice without a date: the error summary, nothing recorded.
    await button(page, 'Record the notice').click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.getByRole('alert').innerText()).toContain('Enter the date and time the notice was published');
    await check(page);

    await page.getByLabel('Scotland').check();
    await button(page, 'Save settings').click();
    expect(await main(page)).toContain('The standstill settings are saved.');
    t.clock.set('2027-03-23T16:00:00.000Z');
    await when(page, 'Date the notice was published', '23', '3', '2027', '15:00');
    await button(page, 'Record the notice').click();
    expect(await main(page)).toContain('The contract award notice is recorded.');
    const state = await api();
    expect(state).toMatchObject({ nation: 'scotland', standstillEndsAt: '2027-04-02T23:00:00.000Z' });
    const text = await main(page);
    // Scotland keeps Good Friday but not Easter Monday; the clocks go forward on 28 March (BST).
    expect(text).toContain('ends at midnight at the end of Friday 2 April 2027');
    expect(text).toContain('from Tuesday 23 March 2027 to Friday 2 April 2027');
    expect(text).toContain('Weekends and bank holidays in Scotland do not count.');
    await page.getByText('Days that did not count').click();
    expect(await main(page)).toContain('Friday 26 March 2027: Good Friday');
    expect(await main(page)).not.toContain('Easter Monday');
    expect(await main(page)).toContain(state.notYet as string);
    await check(page, 'after-award-standstill');

    // Too early: the confirmation page says why, in the rule's own words, and offers no button.
    t.clock.set('2027-04-02T12:00:00.000Z');
    await signIn(page, commissioner);
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/after-award/contract`);
    expect(await main(page)).toContain(
      'The standstill period ends at midnight at the end of 2 April 2027: the contract can be entered into from then.',
    );
    expect(await page.getByRole('button', { name: /Confirm/ }).count()).toBe(0);
    await check(page);

    // A challenge holds it back; lifting it needs a reason.
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/after-award`);
    await when(page, 'Date the challenge was received', '1', '4', '2027', '10:00');
    await page.getByLabel('What the challenge is').fill('Bidder B has started proceedings about the price score.');
    await button(page, 'Record the challenge').click();
    expect(await main(page)).toContain('The challenge is recorded.');
    t.clock.set('2027-04-03T08:00:00.000Z');
    await page.reload();
    expect(await main(page)).toContain('A challenge received on 1 April 2027 is still open');
    await page.getByRole('link', { name: /^Lift/ }).click();
    await button(page, 'Lift the challenge').click();
    expect(await page.getByRole('alert').innerText()).toContain('Say why the challenge no longer holds the contract back');
    await check(page);
    await page.getByLabel('Why can the contract now go ahead?').fill('The court lifted the suspension on 2 April.');
    await button(page, 'Lift the challenge').click();
    expect(await main(page)).toContain('The challenge is recorded as lifted.');

    // The confirmation page; a challenge arriving meanwhile refuses the confirmation in plain words.
    await page.getByRole('button', { name: 'Enter into the contract' }).click();
    expect(await heading(page)).toBe('Enter into the contract');
    await check(page, 'after-award-contract');
    const late = await t
      .http()
      .post(`/api/tenders/${tenderId}/standstill/challenges`)
      .set(commissioner.auth)
      .send({ receivedAt: '2027-04-03T07:30:00.000Z', summary: 'Bidder A wrote to challenge the award.' })
      .expect(200);
    await button(page, 'Confirm: the contract is entered into').click();
    expect(await page.getByRole('alert').innerText()).toContain(
      'A challenge received on 3 April 2027 is still open: the contract cannot be entered into until it is lifted.',
    );
    expect((await api()).contractEnteredAt).toBeNull();
    await check(page);
    const open = (late.body.challenges as { id: string; liftedAt: string | null }[]).find((c) => !c.liftedAt)!;
    await t
      .http()
      .post(`/api/tenders/${tenderId}/standstill/challenges/${open.id}/lift`)
      .set(commissioner.auth)
      .send({ reason: 'Withdrawn by Bidder A.' })
      .expect(200);
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/after-award/contract`);
    await button(page, 'Confirm: the contract is entered into').click();
    expect(await main(page)).toContain('The contract is recorded as entered into.');
    expect(await main(page)).toContain('must be kept until Wednesday 3 April 2030');
    expect((await api()).contractEnteredAt).toBe('2027-04-03T08:00:00.000Z');

    // The open data: the link gives the API's release package, the contract release in it.
    const openData = page.getByRole('link', { name: 'Download the open data (OCDS, JSON)' });
    const file = await page.request.get(`${t.baseUrl}${await openData.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    const body = (await file.json()) as { releases: { tag: string[] }[] };
    expect(body.releases.map((release) => release.tag[0])).toEqual(['tender', 'award', 'contract']);
    expect(body).toEqual((await t.http().get(`/api/tenders/${tenderId}/ocds`).set(commissioner.auth).expect(200)).body);

    // The records to keep: what the API's report says, and the refusal a delete would get.
    await page.getByRole('link', { name: 'records to keep', exact: true }).click();
    expect(await heading(page)).toBe('Records to keep');
    const [entry] = (await t.http().get('/api/retention').set(commissioner.auth).expect(200)).body;
    expect(entry).toMatchObject({ tenderId, due: false, retainUntil: '2030-04-03T08:00:00.000Z' });
    const records = await main(page);
    expect(records).toContain('Wednesday 3 April 2030');
    expect(records).toContain('must be kept until 3 April 2030');
    await check(page, 'after-award-records');

    expect(cspViolations).toEqual([]);
    expect(a11y.failures).toEqual([]);
  });

  it('a published tender cancelled instead of awarded: the termination notice', async () => {
    const commissioner = await t.user('commissioner');
    const { tenderId } = await workedExampleTender(t, commissioner);
    await t
      .http()
      .post(`/api/tenders/${tenderId}/cancel`)
      .set(commissioner.auth)
      .send({ reason: 'Service redesigned with users' })
      .expect(200);
    t.clock.set('2027-04-03T09:00:00.000Z');
    const { page } = await phone(browser);
    page.setDefaultTimeout(8000);
    await signIn(page, commissioner);
    await page.goto(`${t.baseUrl}/tenders/${tenderId}/after-award`);
    expect(await main(page)).toContain('Service redesigned with users');
    await when(page, 'Date the termination notice was published', '31', '12', '2030', '09:00');
    await button(page, 'Record the termination notice').click();
    expect(await page.getByRole('alert').innerText()).toContain('cannot be dated in the future');
    await check(page);
    await when(page, 'Date the termination notice was published', '3', '4', '2027', '08:00');
    await button(page, 'Record the termination notice').click();
    expect(await main(page)).toContain('The procurement termination notice is recorded.');
    expect(await main(page)).toContain('The notice was published 3 April 2027, 08:00.');
    expect(cspViolations).toEqual([]);
    expect(a11y.failures).toEqual([]);
  });
});
