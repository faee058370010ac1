import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp, type TestAppOptions } from '../app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 360, height: 740 };
const SCREENSHOTS = resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** The real app on a real port (127.0.0.1, any free one), for a real browser. */
export interface WebTestApp extends TestApp {
  baseUrl: string;
}

export async function createWebTestApp(options: TestAppOptions = {}): Promise<WebTestApp> {
  const t = await createTestApp(options);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}

/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work
 * here). The flags keep it off the closed network and allow running as root (docs/WEB.md).
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** Messages of CSP refusals seen by any page (tests expect none). */
export const cspViolations: string[] = [];

export async function phone(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? PHONE.width, height: PHONE.height },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  // Any script or style the CSP blocks is a bug in a page: fail loudly.
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return { context, page };
}

/**
 * A 1280×800 desktop window zoomed to `zoom` (2: 200 %). Browser zoom lays the page out in
 * 1280 / zoom CSS pixels, each drawn with `zoom` device pixels: a 640×400 viewport at a
 * device scale factor of 2 is the same layout, text size and reflow (WCAG 1.4.4 and 1.4.10).
 */
export async function zoomedDesktop(browser: Browser, zoom: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: Math.round(1280 / zoom), height: Math.round(800 / zoom) },
    deviceScaleFactor: zoom,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  return { context, page };
}

/** Links, buttons and form controls that stick out of the page's width (cannot be reached without sideways scrolling). */
export async function outOfReach(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('a, button, input:not([type=hidden]), textarea, select, label')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.left < 0 || box.right > width + 0.5);
      })
      .map((element) => element.tagName + ': ' + (element.innerText || element.name || '').trim().slice(0, 40));
  })()`);
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core on the page as it is now (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // A form post or redirect may still be landing: check the page it lands on, not the one
  // it leaves (a navigation mid-check destroys the evaluation context).
  for (let attempt = 1; ; attempt++) {
    await page.waitForLoadState('load');
    try {
      return await runAxe(page);
    } catch (error) {
      if (attempt >= 3 || !/Execution context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Strings, not functions: this project compiles without the DOM library.
  const loaded = await page.evaluate<boolean>("typeof window.axe !== 'undefined'");
  // Evaluated through the DevTools protocol rather than added as a <script>: the page's CSP
  // (nonces only) stays on in the tests and would rightly block an injected tag.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate<{ violations: AxeViolation[] }>(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } })",
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
  }));
}

/** Every page the journey visits is checked, and its title, axe result and header recorded. */
export class AccessibilityLog {
  readonly pages: { title: string; path: string; violations: AxeViolation[]; text: string; header: string }[] = [];

  async check(page: Page): Promise<void> {
    const violations = await axeViolations(page);
    this.pages.push({
      title: await page.title(),
      path: new URL(page.url()).pathname,
      violations,
      text: await ownText(page),
      header: await headerText(page),
    });
  }

  get failures(): { title: string; violations: AxeViolation[] }[] {
    return this.pages.filter((p) => p.violations.length > 0);
  }
}

/**
 * The words the service itself puts in front of a panelist on this page: the main content,
 * without the bidder's answers (.app-answer) or the tender's own names.
 */
export async function ownText(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('.app-answer, .govuk-caption-l').forEach((element) => element.remove());
    document.body.appendChild(main);
    const text = main.innerText;
    main.remove();
    return text;
  })()`);
}

/** What the page's banner says: the service name, then the buying organisation and navigation. */
export async function headerText(page: Page): Promise<string> {
  return (await page.getByRole('banner').innerText()).replace(/\s+/g, ' ').trim();
}

/** PNGs of the main pages for the README, at phone width; written only with UPDATE_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The page has no horizontal scrolling at its current width. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}
