/**
 * Where the offline notice (src/ui/classroom/offline.ts) stands. On a narrow window it spans
 * the window's foot, on the title screen too: top right, it covered the game's name on a
 * phone. And the journal's prompt stands on it by the height the notice publishes, which
 * must follow the notice when its words change while it shows ("stored" becoming "a newer
 * version is ready", taller): a height read before that change left the prompt under it.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { byTestId, OUT, openPage, useBuiltGame, answerOpenEvents } from './browser.ts';

const site = useBuiltGame();

type Box = { top: number; bottom: number; left: number; right: number };
const box = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
  }, selector);
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The root font size, px: it grows with the window (base.css), and the journal's place is in rem. */
const rem = (page: Page) => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

/**
 * How far the gap between the journal's prompt and the notice under it is from the 0.5rem the
 * CSS asks for, px (a gap in the hundreds, or an overlap, when the notice's height is stale).
 * Less than half a pixel when right: the notice publishes its height in whole pixels.
 */
const gapError = async (page: Page) => {
  const journal = await box(page, byTestId('journal'));
  const notice = await box(page, byTestId('offline-notice'));
  if (!journal || !notice) throw new Error('journal or notice not shown');
  return Math.abs(notice.top - journal.bottom - 0.5 * (await rem(page)));
};

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

  it('lifts the journal’s prompt to stand half a rem above it when its words change while it shows', async () => {
    const { page, errors } = await openPage(site.browser, 1366, 768, { serviceWorkers: 'allow' });
    await page.goto(`${site.url}?play=balanced-1994&seed=1`);
    await page.waitForSelector(`${byTestId('guide-skip')}:visible`, { timeout: 60_000 });
    await page.click(byTestId('guide-skip'));
    await answerOpenEvents(page);
    await page.waitForSelector(`${byTestId('journal-input')}:visible`);
    // "Stored on this computer": the first visit's notice.
    await page.waitForSelector(`${byTestId('offline-notice')}:visible`, { timeout: 60_000 });
    expect(await page.textContent(byTestId('offline-notice'))).toContain('without a network');
    const stored = await box(page, byTestId('offline-notice'));
    expect(await gapError(page)).toBeLessThanOrEqual(0.5);
    // Counts the times the notice is hidden, so the change below is known to happen in place.
    await page.evaluate(() => {
      const n = document.querySelector('[data-testid="offline-notice"]') as HTMLElement;
      const w = window as unknown as { noticeHidden: number };
      w.noticeHidden = 0;
      new MutationObserver(() => {
        if (n.classList.contains('hidden')) w.noticeHidden++;
      }).observe(n, { attributes: true, attributeFilter: ['class'] });
    });
    // A new release while it shows (the stored notice fades after 8 s; this takes ~1 s).
    const sw = join(ROOT, 'dist', 'sw.js');
    const original = readFileSync(sw, 'utf8');
    try {
      appendFileSync(sw, '\n// the next release\n');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await page.waitForSelector(`${byTestId('offline-update')}:visible`, { timeout: 60_000 });
    } finally {
      writeFileSync(sw, original);
    }
    expect(await page.evaluate(() => (window as unknown as { noticeHidden: number }).noticeHidden)).toBe(0);
    const update = await box(page, byTestId('offline-notice'));
    // Taller now (a second line, its buttons), so a height read before the change is wrong.
    expect(stored && update && update.bottom - update.top > stored.bottom - stored.top + 10).toBe(true);
    expect(await gapError(page)).toBeLessThanOrEqual(0.5);
    writeFileSync(join(OUT, 'offline-notice-journal-1366.png'), await page.screenshot());
    // On a phone the two span the window and the words wrap anew: still half a rem apart.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await gapError(page)).toBeLessThanOrEqual(0.5);
    writeFileSync(join(OUT, 'offline-notice-journal-390.png'), await page.screenshot());
    // Dismissed with a tap on a button big enough for a finger, and the prompt comes down.
    const later = await box(page, `${byTestId('offline-notice')} button.ghost`);
    expect(later && later.bottom - later.top >= 24 && later.right - later.left >= 24).toBe(true);
    await page.click(`${byTestId('offline-notice')} button.ghost`);
    await page.waitForSelector(byTestId('offline-notice'), { state: 'hidden' });
    const journal = await box(page, byTestId('journal'));
    expect(journal && Math.abs(844 - journal.bottom - 2.4 * (await rem(page)))).toBeLessThan(0.5); // its own 2.4rem
    expect(errors).toEqual([]);
  });
});
