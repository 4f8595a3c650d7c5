/**
 * Where the offline notice (src/ui/classroom/offline.ts) stands. On a narrow window it spans
 * the window's foot, on the title screen too: top right, it covered the game's name on a
 * phone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, OUT, openPage, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

type Box = { top: number; bottom: number; left: number; right: number };
const box = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
  }, selector);
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the offline notice', () => {
  it('on a narrow title screen stands clear of the game’s name, whole and in the window', async () => {
    const { page, errors } = await openPage(site.browser, 390, 844, { serviceWorkers: 'allow' });
    await page.goto(site.url);
    await page.waitForSelector(`${byTestId('offline-notice')}:visible`, { timeout: 60_000 });
    for (const [w, h] of [
      [390, 844],
      [360, 640],
      [768, 1024],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      const title = await box(page, '.title-screen h1');
      const notice = await box(page, byTestId('offline-notice'));
      expect(title && notice && overlap(title, notice), `at ${w}×${h}`).toBe(false);
      // Readable: inside the window, no line of it cut off.
      expect(notice && notice.left >= 0 && notice.right <= w && notice.top >= 0 && notice.bottom <= h, `at ${w}×${h}`).toBe(true);
      expect(await page.$eval(byTestId('offline-notice'), (n) => n.scrollHeight <= n.clientHeight)).toBe(true);
      writeFileSync(join(OUT, `offline-notice-title-${w}.png`), await page.screenshot());
    }
    expect(await page.textContent(byTestId('offline-notice'))).toContain('without a network');
    expect(errors).toEqual([]);
  });
});
