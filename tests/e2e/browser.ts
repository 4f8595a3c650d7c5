/**
 * Shared set-up for the end-to-end tests: build the game once, serve dist/ with Vite's
 * preview server, and drive Debian's Chromium with playwright-core (browser downloads do
 * not work here). Console errors are collected so every test can assert there were none.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.ts';
import { ROOT } from '../helpers.ts';

export const OUT = join(ROOT, 'test-results');

let built = false;

/** Builds the game into dist/ (once per process) and serves it on a free port. */
export async function serveBuiltGame(): Promise<{ server: PreviewServer; url: string }> {
  if (!built) {
    await build({ root: ROOT, logLevel: 'warn' });
    built = true;
  }
  const server = await preview({ root: ROOT, preview: { port: 0, strictPort: false, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  return { server, url: `http://localhost:${port}/` };
}

/** The game built, served and opened in Chromium for one test file: registers the file's
 *  beforeAll/afterAll and returns the handles, filled in once beforeAll has run. A test that
 *  stops the server itself (offline play) calls `closeServer` so the teardown does not. */
export function useBuiltGame(): { readonly url: string; readonly browser: Browser; readonly server: PreviewServer; closeServer(): Promise<void> } {
  let closed = false;
  const site = {
    url: '',
    browser: undefined as unknown as Browser,
    server: undefined as unknown as PreviewServer,
    async closeServer() {
      closed = true;
      await site.server.close();
    },
  };
  beforeAll(async () => {
    const served = await serveBuiltGame();
    site.server = served.server;
    site.url = served.url;
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    if (!closed) await site.server?.close();
  });
  return site;
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(OUT, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A page that records console errors and uncaught exceptions. GPU driver performance
 *  notes from software WebGL are warnings, not errors, and are not collected. */
export async function openPage(
  browser: Browser,
  width = 1366,
  height = 768,
  opts: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ page: Page; errors: string[] }> {
  // The game's service worker (offline play) downloads the whole build on a first visit,
  // beside the page's own requests: on a loaded machine a test that navigates on quickly
  // can then abort a chunk still loading ("request failed"). Only the offline test needs
  // the worker (tests/e2e/offline.e2e.test.ts); the others run without it.
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: opts.serviceWorkers ?? 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    // The game's sounds are made in the page and loaded from blob: URLs; a test that
    // navigates while one loads aborts it, which no player sees (the page is gone).
    if (r.url().startsWith('blob:') && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${r.url()}`);
  });
  return { page, errors };
}

export const byTestId = (id: string) => `[data-testid="${id}"]`;

/**
 * A new game opens with the first-turn guide, and the first event waits behind it: skips the
 * guide and waits for that event (for tests where the guide is not under test).
 */
export async function skipGuideToFirstEvent(page: Page): Promise<void> {
  await page.waitForSelector(`${byTestId('guide-skip')}:visible`);
  await page.click(byTestId('guide-skip'));
  await page.waitForSelector(byTestId('event-dialog'));
}

/** Waits until Phaser has taken the map over from the poster and answers the pointer (game.ts sets the flag). */
/** Answers the quarter's events, each with its first open choice, until no event dialog is open. */
export async function answerOpenEvents(page: Page): Promise<void> {
  await page.waitForSelector(byTestId('event-dialog'));
  for (let guard = 0; guard < 10 && (await page.isVisible(byTestId('event-dialog'))); guard++) {
    await page
      .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
      .first()
      .click();
    await page.waitForTimeout(300);
  }
}

export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __caspianMapReady?: boolean }).__caspianMapReady === true, null, { timeout });
}

/** The three screen sizes every changed screen is looked at in. */
export const SCREEN_SIZES = [
  [1366, 768],
  [1920, 1080],
  [1024, 640],
] as const;

/** Resizes the page to each size and lets `take` record it (a screenshot named by width),
 *  then returns the page to 1366×768 for the rest of the test. */
export async function atSizes(page: Page, take: (width: number) => Promise<void>, sizes: readonly (readonly [number, number])[] = SCREEN_SIZES): Promise<void> {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await take(width);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
