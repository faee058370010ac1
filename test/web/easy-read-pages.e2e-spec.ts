import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from '../app';
import { addPanelist, declare, panelTenderInEvaluation, type PanelWorld, type Panelist } from '../steps';
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

const HARD = 'The organisation will deliver comprehensive commissioning arrangements with considerable collaboration.';
const EASY = 'They will run a café. You can drop in any day. You do not need to book.';

/**
 * Issue 17, part 5: the team writes an easy-read summary of a bid from the one template, is
 * warned that a part is not easy read, sends it; the bidder comments; the team revises and
 * sends again; the bidder approves; a panel member reads it beside the full answer, marked
 * as a summary checked by the bidder. A rival bidder sees none of it. axe-core on every page,
 * at 360px, without sideways scrolling.
 */
describe('Easy-read summaries through the pages', () => {
  let t: WebTestApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let world: PanelWorld;
  let panelist: Panelist;
  const axe = new AccessibilityLog();
  jest.setTimeout(240_000);

  beforeAll(async () => {
    t = await createWebTestApp();
    ({ browser, close: closeBrowser } = await launchBrowser());
    world = await panelTenderInEvaluation(t, { buyer: 'Camden Council' });
    panelist = await addPanelist(t, world, 'lived_experience');
  });
  afterAll(async () => {
    await closeBrowser();
    await t.close();
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const look = async (page: Page, name: string) => {
    await axe.check(page);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, name);
  };
  const signedIn = async (email: string): Promise<Page> => {
    const { page } = await phone(browser);
    await page.goto(`${t.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await button(page, 'Sign in').click();
    return page;
  };

  it('team writes and sends, bidder comments, team revises, bidder approves, the panel reads it', async () => {
    const team = await signedIn(world.commissioner.email);
    await team.goto(`${t.baseUrl}/tenders/${world.tenderId}/easy-read`);
    expect(await team.getByRole('heading', { level: 1 }).innerText()).toBe('Easy-read summaries');
    await team.getByLabel('Most words under each heading').fill('5');
    await button(team, 'Save the template').click();
    expect(await team.title()).toMatch(/^Error: Easy-read summaries/);
    await team.getByRole('link', { name: 'Enter a whole number of words from 20 to 300' }).waitFor();
    await look(team, 'easy-read-1-template-error');
    await team.getByLabel('Most words under each heading').fill('60');
    await button(team, 'Save the template').click();
    await team.getByText('The template is saved.').waitFor();
    await look(team, 'easy-read-2-overview');

    await team.getByRole('link', { name: 'Mind in Camden' }).click();
    await team.getByLabel('What they will do').fill(HARD);
    await team.getByLabel('Who will do it', { exact: true }).fill('Two support workers and a peer worker.');
    await team.getByLabel('How people who use the service take part').fill('People who use the café plan it.');
    await team.getByLabel('What will change for people').fill('You will feel less alone.');
    await button(team, 'Save as a new version').click();
    await team.getByText(/This may not be easy read/).waitFor();
    await look(team, 'easy-read-3-warning');
    await team.getByLabel('Working days the bidder has to check it').fill('3');
    await button(team, 'Send version 1 to the bidder').click();
    await team.getByText('The summary is sent to the bidder to check.').waitFor();

    const bidder = await signedIn(world.bidders[0].email);
    // From their bid's page, where a bidder looks after the deadline.
    await bidder.goto(`${t.baseUrl}/bids/${world.tenderId}`);
    await bidder.getByRole('link', { name: 'Check the easy-read summary of your bid', exact: true }).click();
    await bidder.getByText(HARD).waitFor();
    await look(bidder, 'easy-read-4-bidder');
    await button(bidder, 'Send your answer').click();
    await bidder.getByRole('link', { name: 'Choose whether the summary is right' }).waitFor();
    await bidder.getByLabel('No, something is wrong').check();
    await button(bidder, 'Send your answer').click();
    await bidder.getByRole('link', { name: /Say what is wrong in the summary/ }).waitFor();
    await look(bidder, 'easy-read-5-bidder-error');
    await bidder.getByLabel('If something is wrong, what should it say?').fill('We run a café, not arrangements.');
    await button(bidder, 'Send your answer').click();
    await bidder.getByText('Thank you. The commissioning team has your answer.').waitFor();

    const rival = await signedIn(world.bidders[1].email);
    await rival.goto(`${t.baseUrl}/bids/${world.tenderId}/easy-read`);
    await rival.getByText('The commissioning team has not sent you a summary to check yet.').waitFor();
    expect(await rival.content()).not.toContain('arrangements');

    await team.goto(`${t.baseUrl}/tenders/${world.tenderId}/easy-read/${world.bidIds[0]}`);
    await team.getByText('We run a café, not arrangements.').waitFor();
    await team.getByLabel('What they will do').fill(EASY);
    await button(team, 'Save as a new version').click();
    await button(team, 'Send version 2 to the bidder').click();
    await team.getByText('The summary is sent to the bidder to check.').waitFor();
    await look(team, 'easy-read-6-sent');

    await bidder.goto(`${t.baseUrl}/bids/${world.tenderId}/easy-read`);
    await bidder.getByLabel('Yes, it is right').check();
    await button(bidder, 'Send your answer').click();
    await bidder.getByText('Approved by the bidder').waitFor();

    await declare(t, world.tenderId, panelist, world.bidIds);
    const panel = await signedIn(panelist.email);
    await panel.goto(`${t.baseUrl}/panel/${world.tenderId}/bids/${world.bidIds[0]}/criteria/Q1`);
    await panel.getByText('Easy-read summary of this bid').click();
    await panel.getByText('Written by the commissioning team. The bidder checked it and said it is right.').waitFor();
    await panel.getByText(EASY).waitFor();
    expect(await panel.content()).not.toContain('arrangements');
    await look(panel, 'easy-read-7-panel');
    await panel.goto(`${t.baseUrl}/panel/${world.tenderId}/bids/${world.bidIds[1]}/criteria/Q1`);
    expect(await panel.getByText('Easy-read summary of this bid').count()).toBe(0);

    expect(axe.failures).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
