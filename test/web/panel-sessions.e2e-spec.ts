import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  createWebTestApp,
  cspViolations,
  launchBrowser,
  outOfReach,
  ownText,
  phone,
  screenshot,
  scrollsSideways,
  zoomedDesktop,
  type WebTestApp,
} from './browser';
import { fleschKincaidGrade } from './readability';
import { addPanelist } from '../steps';
import { PASSWORD } from '../app';
import { invite, reissue, scoringWorld } from './panel-world';
import type { TenderWorld } from '../steps';

/**
 * Issue 13: the seat a link opens is the only thing its sessions reach; a panelist can stop
 * and come back another day on the same phone; the timeout warns first and says the scores
 * are saved; the journey works without JavaScript and at 320 px.
 */
describe('Panel sessions in a real browser', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
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

  async function arrive(page: Page, link: string, conflicts: string[] = []): Promise<void> {
    if (page.url() !== link) {
      await page.goto(link);
      await button(page, 'Start now').click();
    }
    while ((await heading(page)).startsWith('Do you know anyone at')) {
      const bidder = (await heading(page)).replace('Do you know anyone at ', '').replace('?', '');
      if (conflicts.includes(bidder)) {
        await page.getByLabel('Yes', { exact: true }).check();
        await page.getByLabel('If yes, how do you know them?').fill('A friend works there.');
      } else {
        await page.getByLabel('No', { exact: true }).check();
      }
      await button(page, 'Save and continue').click();
    }
  }

  async function scoreCriterion(page: Page, nth: number, reason: string, action = 'Save and continue'): Promise<void> {
    await page.getByRole('radio').nth(nth).check();
    await page.getByLabel('Why did you give this score?').fill(reason);
    await button(page, action).click();
  }

  it('a second panelist’s session reaches neither the first one’s scores nor another tender', async () => {
    const world = await scoringWorld(t);
    const other = await scoringWorld(t);
    const first = await invite(t, world);
    const second = await invite(t, world);
    await invite(t, other);

    const a = await phone(browser);
    await arrive(a.page, first.link);
    await a.page.getByRole('link', { name: 'Mind in Camden' }).click();
    await scoreCriterion(a.page, 0, 'The first panelist’s private reason.', 'Save and come back later');

    const b = await phone(browser);
    await arrive(b.page, second.link);
    await b.page.goto(`${t.baseUrl}/panel/${world.tenderId}/bids/${world.bidIds[0]}/check`);
    expect(await heading(b.page)).toBe('Check your scores for Mind in Camden');
    expect(await b.page.getByText('The first panelist’s private reason.').count()).toBe(0);
    expect(await b.page.getByText('Not scored yet').count()).toBe(2);

    // Another tender does not exist for this session: the same page as any unknown address.
    const elsewhere = await b.page.goto(`${t.baseUrl}/panel/${other.tenderId}`);
    expect(elsewhere?.status()).toBe(404);
    expect(await heading(b.page)).toBe('Page not found');
    await a.context.close();
    await b.context.close();
  });

  it('comes back another day on the same phone without a new link, until the team re-issues one', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);
    const { context, page } = await phone(browser);
    await arrive(page, member.link);
    await page.getByRole('link', { name: 'Mind in Camden' }).click();
    await scoreCriterion(page, 1, 'Saved before a day off.', 'Save and come back later');

    // The phone is put away: the browser session ends; the next day she opens the link again.
    await context.clearCookies({ name: 'ts_session' });
    t.clock.advance(26 * 60 * 60 * 1000);
    await page.goto(member.link);
    expect(await heading(page)).toBe('This link does not work');
    await button(page, 'Carry on scoring').click();
    expect(await heading(page)).toBe('Your scoring');
    await page.getByText('In progress').first().waitFor();

    // A new link (say, for a new phone) retires this one's way back.
    await context.clearCookies({ name: 'ts_session' });
    await reissue(t, world, member.memberId, member.userId);
    await page.goto(`${t.baseUrl}/`);
    await button(page, 'Carry on scoring').click();
    expect(await heading(page)).toBe('You need a new link');
    await context.close();
  });

  it('warns two minutes before the session times out, can stay signed in, and after a timeout says the scores are saved', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);
    const { context, page } = await phone(browser);
    await page.clock.install();
    await arrive(page, member.link);
    const warning = page.getByRole('alert').filter({ hasText: 'You will be signed out soon' });
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward('28:01');
    await warning.waitFor({ state: 'visible' });
    await button(page, 'Stay signed in').click();
    await warning.waitFor({ state: 'hidden' });

    // Nothing for 31 minutes on the server's clock: the session is over.
    t.clock.advance(31 * 60 * 1000);
    await page.goto(`${t.baseUrl}/panel/${world.tenderId}`);
    expect(await heading(page)).toBe('You have been signed out');
    await page.getByText('Your saved scores are safe.').waitFor();
    await button(page, 'Carry on scoring').click();
    expect(await heading(page)).toBe('Your scoring');
    await context.close();
  });

  it('completes a bid with JavaScript off, at 320 px wide without sideways scrolling', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);
    const { context, page } = await phone(browser, { javaScriptEnabled: false, width: 320 });
    await arrive(page, member.link, ['Certitude']);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('link', { name: 'Mind in Camden' }).click();
    expect(await scrollsSideways(page)).toBe(false);
    await scoreCriterion(page, 2, 'Fine.');
    await scoreCriterion(page, 3, 'Some good ideas.');
    expect(await heading(page)).toBe('Check your scores for Mind in Camden');
    expect(await scrollsSideways(page)).toBe(false);
    await button(page, 'Submit scores for this bid').click();
    expect(await heading(page)).toBe('Scores submitted');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('says the scoring deadline in plain words, and after it (a moved clock) says it has passed and who to contact', async () => {
    const world = await scoringWorld(t);
    // The bid deadline was 12 noon on Sunday 31 January 2027; the team gives the panel ten minutes more.
    const set = await t
      .http()
      .patch(`/api/tenders/${world.tenderId}`)
      .set(world.commissioner.auth)
      .send({ scoringDeadline: '2027-01-31T12:10:00.000Z' });
    expect(set.status).toBe(200);
    const member = await invite(t, world);
    const { context, page } = await phone(browser);
    await page.goto(member.link);
    await page.getByText('Please finish by 12:10pm on Sunday 31 January 2027.').waitFor();
    await button(page, 'Start now').click();
    await arrive(page, page.url());
    expect(await heading(page)).toBe('Your scoring');
    await page.getByText('Please finish by 12:10pm on Sunday 31 January 2027.').waitFor();
    await page.getByRole('link', { name: 'Mind in Camden' }).click();
    await scoreCriterion(page, 1, 'Saved in time.');
    expect(await heading(page)).toBe('Co-production');

    t.clock.set('2027-01-31T12:10:00.000Z');
    await scoreCriterion(page, 2, 'Too late.');
    expect(await heading(page)).toBe('The scoring deadline has passed');
    await page.getByText('Scoring closed at 12:10pm on Sunday 31 January 2027. You cannot change scores now.').waitFor();
    await page
      .getByText('If you need more time, contact Sam Okoye on 020 7974 4444 or at commissioning@camden.example.')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(fleschKincaidGrade(await ownText(page))).toBeLessThanOrEqual(8);
    await screenshot(page, 'deadline-passed');

    await page.getByRole('link', { name: 'Go to your scoring' }).click();
    expect(await heading(page)).toBe('Your scoring');
    await page.getByText('The scoring deadline has passed. You can still see the bids, but you cannot change scores.').waitFor();
    expect(await page.getByText('Please finish by').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The score saved in time is kept; the late one was not saved.
    const mine = await t
      .http()
      .get(`/api/tenders/${world.tenderId}/scores/mine`)
      .set({ Authorization: `Bearer ${await seatToken(member.memberId)}` });
    expect(mine.status).toBe(200);
    expect(mine.body.map((score: { code: string; rationale: string }) => [score.code, score.rationale])).toEqual([
      ['Q1', 'Saved in time.'],
    ]);
    await context.close();

    async function seatToken(memberId: string): Promise<string> {
      const issued = await t
        .http()
        .post(`/api/tenders/${world.tenderId}/panel/${memberId}/invitation`)
        .set(world.commissioner.auth);
      const session = await t.http().post('/api/auth/invitation').send({ token: issued.body.token });
      return session.body.accessToken as string;
    }
  });

  it('completes a bid at 200 % zoom (a 1280 px window: 640 CSS px) without sideways scrolling, every action in reach', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);
    const { context, page } = await zoomedDesktop(browser, 2);
    const pages: string[] = [];
    /** Each page on the way: nothing wider than the window, no link, button or field out of reach. */
    const reflows = async () => {
      await page.waitForLoadState();
      pages.push(await heading(page));
      expect({ page: await heading(page), sideways: await scrollsSideways(page), outOfReach: await outOfReach(page) }).toEqual({
        page: await heading(page),
        sideways: false,
        outOfReach: [],
      });
    };
    await page.goto(member.link);
    await reflows();
    await button(page, 'Start now').click();
    await reflows();
    await page.getByLabel('No', { exact: true }).check();
    await button(page, 'Save and continue').click();
    await reflows();
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('If yes, how do you know them?').fill('A friend works there.');
    await button(page, 'Save and continue').click();
    await reflows();
    await page.getByRole('link', { name: 'Mind in Camden' }).click();
    await reflows();
    await screenshot(page, 'zoom-200-criterion');
    await scoreCriterion(page, 1, 'Good peer support, clearly explained.');
    await reflows();
    await scoreCriterion(page, 2, 'People help run it.', 'Save and come back later');
    await reflows();
    await page.getByRole('link', { name: 'Mind in Camden' }).click();
    await reflows();
    await page.getByRole('link', { name: 'Change Service model' }).click();
    await reflows();
    await button(page, 'Save and continue').click();
    await reflows();
    await button(page, 'Submit scores for this bid').click();
    await reflows();
    await page.getByRole('link', { name: 'Go to your scoring' }).click();
    await reflows();
    expect(pages).toEqual([
      'Help choose who runs a service',
      'Do you know anyone at Mind in Camden?',
      'Do you know anyone at Certitude?',
      'Your scoring',
      'Service model',
      'Co-production',
      'Your scoring',
      'Check your scores for Mind in Camden',
      'Service model',
      'Check your scores for Mind in Camden',
      'Scores submitted',
      'Your scoring',
    ]);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('a lay member types the code from a letter; a professional signs in with a password and sees their own group’s questions', async () => {
    const world = await scoringWorld(t);
    const lay = await invite(t, world);
    const letter = await t
      .http()
      .post(`/api/tenders/${world.tenderId}/panel/${lay.memberId}/invitation`)
      .set(world.commissioner.auth);
    const a = await phone(browser);
    await a.page.goto(`${t.baseUrl}/invitation`);
    await a.page.getByLabel('Enter your code').fill('WRONG-CODE');
    await button(a.page, 'Continue').click();
    expect(await a.page.title()).toMatch(/^Error: Enter your code/);
    await a.page.getByLabel('Enter your code').fill(String(letter.body.code).toLowerCase());
    await button(a.page, 'Continue').click();
    expect(await heading(a.page)).toBe('Do you know anyone at Mind in Camden?');

    const professional = await addPanelist(t, world, 'professional');
    const b = await phone(browser);
    await b.page.goto(`${t.baseUrl}/sign-in`);
    await b.page.getByLabel('Email address').fill(professional.email);
    await b.page.getByLabel('Password').fill(PASSWORD);
    await button(b.page, 'Sign in').click();
    await arrive(b.page, b.page.url());
    expect(await heading(b.page)).toBe('Your scoring');
    await b.page.getByRole('link', { name: 'Mind in Camden' }).click();
    expect(await heading(b.page)).toBe('Service model');
    await b.page.getByText('Evidence of a recovery-focused model with outcome measures.').waitFor();
    await scoreCriterion(b.page, 1, 'Strong model.');
    expect(await heading(b.page)).toBe('Clinical governance');
    await a.context.close();
    await b.context.close();
  });

  it('a panelist reads the published questions and answers, never a private answer, a waiting question or who asked', async () => {
    const published: string[] = [];
    /** While the tender takes bids: two bidders ask three questions; the team answers one to all, one privately, and sends a note. */
    const clarifications = async (world: TenderWorld) => {
      const url = `/api/tenders/${world.tenderId}`;
      const team = world.commissioner.auth;
      const asker = await t.user('bidder', { organisationName: 'Kentish Town Carers' });
      const rival = await t.user('bidder', { organisationName: 'Big Care plc' });
      const ask = async (who: typeof asker, question: string) =>
        (await t.http().post(`${url}/questions`).set(who.auth).send({ question }).expect(201)).body.id as string;
      const open = await ask(asker, 'Can we run the service from two sites?\nBoth are in the borough.');
      const secret = await ask(rival, 'Our price list is attached. Is our day rate of £412 too high?');
      await ask(asker, 'Who marks the bids? This one is not answered yet.');
      const answered = await t
        .http()
        .post(`${url}/clarifications/${open}/answer`)
        .set(team)
        .send({ answer: 'Yes, two sites are fine.\nBoth must open the same hours. <b>Not bold</b>' })
        .expect(200);
      await t
        .http()
        .post(`${url}/clarifications/${secret}/answer`)
        .set(team)
        .send({ answer: 'We cannot comment on your day rate.', private: true, privateReason: 'It names their day rate.' })
        .expect(200);
      t.clock.advance(24 * 60 * 60 * 1000);
      const note = await t
        .http()
        .post(`${url}/clarifications`)
        .set(team)
        .send({ text: 'The service starts in April, not March.' })
        .expect(201);
      published.push(answered.body.publishedAt as string, note.body.publishedAt as string);
    };
    const world = await scoringWorld(t, { beforeClose: clarifications });
    const other = await scoringWorld(t);
    const member = await invite(t, world);
    const elsewhere = await invite(t, other);
    const day = (iso: string) =>
      new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

    const { context, page } = await phone(browser);
    await arrive(page, member.link);
    await page.getByText('The team sent two answers to every bidder.').waitFor();
    await page.getByRole('link', { name: 'Questions bidders asked' }).click();
    expect(await heading(page)).toBe('Questions bidders asked');
    expect(await axeViolations(page)).toEqual([]);
    expect(fleschKincaidGrade(await ownText(page))).toBeLessThanOrEqual(6);
    expect(await scrollsSideways(page)).toBe(false);
    // Oldest first, by the log's numbers: question 2 is private and question 3 waits for an answer.
    const main = page.getByRole('main');
    expect(await main.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Question 1', 'Note 4 from the team']);
    // As text, line breaks kept: the tag in the answer is shown, not obeyed.
    expect(await main.locator('.app-answer').allInnerTexts()).toEqual([
      'Can we run the service from two sites?\nBoth are in the borough.',
      'Yes, two sites are fine.\nBoth must open the same hours. <b>Not bold</b>',
      'The service starts in April, not March.',
    ]);
    expect(await main.locator('b').count()).toBe(0);
    expect(await main.getByText(`Sent to every bidder on ${day(published[0])}.`).count()).toBe(1);
    expect(await main.getByText(`Sent to every bidder on ${day(published[1])}.`).count()).toBe(1);
    const text = await main.innerText();
    for (const hidden of [
      'day rate',
      '£412',
      'Who marks the bids',
      'Kentish Town Carers',
      'Big Care plc',
      'It names their day rate',
    ]) {
      expect(text).not.toContain(hidden);
    }
    await screenshot(page, 'panel-questions');

    // The criterion page offers the same log in a new tab, so a half-written reason stays put.
    await page.getByRole('link', { name: 'Go to your scoring' }).click();
    await page.getByRole('link', { name: 'Mind in Camden' }).click();
    const fromCriterion = page.getByRole('link', { name: 'Read the questions bidders asked (opens in new tab)' });
    expect(await fromCriterion.getAttribute('target')).toBe('_blank');
    expect(await fromCriterion.getAttribute('href')).toBe(`/panel/${world.tenderId}/questions`);
    expect(await axeViolations(page)).toEqual([]);

    // A panelist of another tender: no link on their task list, an empty log of their own, and this tender not found.
    const b = await phone(browser);
    await arrive(b.page, elsewhere.link);
    expect(await b.page.getByRole('link', { name: 'Questions bidders asked' }).count()).toBe(0);
    await b.page.goto(`${t.baseUrl}/panel/${other.tenderId}/questions`);
    await b.page.getByText('There is nothing to read here yet. The team has not sent any answers to bidders.').waitFor();
    expect(await axeViolations(b.page)).toEqual([]);
    const notTheirs = await b.page.goto(`${t.baseUrl}/panel/${world.tenderId}/questions`);
    expect(notTheirs?.status()).toBe(404);
    expect(await heading(b.page)).toBe('Page not found');
    expect(await b.page.getByText('Yes, two sites are fine.').count()).toBe(0);
    await context.close();
    await b.context.close();
  });

  it('completes the journey with the keyboard only', async () => {
    const world = await scoringWorld(t);
    const member = await invite(t, world);
    const { context, page } = await phone(browser);
    /** Tabs forward until the focused control is the one named (its text, or its label's). */
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate<string>(
          "(() => { const e = document.activeElement; const l = e && e.labels && e.labels[0]; return ((l ? l.innerText : e.innerText) || e.value || '').trim(); })()",
        );
        if (focused.startsWith(name)) return;
      }
      throw new Error(`could not reach "${name}" with Tab`);
    };
    await page.goto(member.link);
    await tabTo('Start now');
    await page.keyboard.press('Enter');
    for (let bid = 0; bid < 2; bid++) {
      await page.getByRole('heading', { level: 1, name: /Do you know anyone at/ }).waitFor();
      // Tab reaches a radio group once (its first radio); the arrow keys choose within it.
      await tabTo('Yes');
      await page.keyboard.press('ArrowDown');
      expect(await page.getByLabel('No', { exact: true }).isChecked()).toBe(true);
      await tabTo('Save and continue');
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { level: 1, name: 'Your scoring' }).waitFor();
    await tabTo('Mind in Camden');
    await page.keyboard.press('Enter');
    for (const reason of ['Clear and kind.', 'People help run it.']) {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await tabTo('5 –');
      await page.keyboard.press('Space');
      await tabTo('Why did you give this score?');
      await page.keyboard.type(reason);
      await tabTo('Save and continue');
      await page.keyboard.press('Enter');
      await page.waitForLoadState();
    }
    await page.getByRole('heading', { level: 1, name: 'Check your scores for Mind in Camden' }).waitFor();
    await tabTo('Submit scores for this bid');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Scores submitted' }).waitFor();
    await context.close();
  });
});
