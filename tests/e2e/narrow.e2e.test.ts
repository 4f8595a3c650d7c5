/**
 * The game on a narrow window — a tablet held upright, a phone: the screen stacks and
 * scrolls (src/ui/styles/responsive.css) instead of squeezing three columns. The map keeps
 * a real share of the window, nothing runs off its right edge, the guide brings the panel
 * it talks about into view without covering it, and a turn can be played by clicking.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, OUT, openPage, useBuiltGame, waitForMap } from './browser.ts';

const site = useBuiltGame();

const box = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right) } : null;
  }, selector);

describe('on a narrow window', () => {
  it.each([
    [390, 844],
    [768, 1024],
  ])('at %i×%i px the screen stacks: map, actions, panels; a turn plays by clicking', async (w, h) => {
    const { page, errors } = await openPage(site.browser, w, h);
    await page.goto(`${site.url}?play=balanced-1994&seed=1`);
    await waitForMap(page, 60_000);
    // Nothing wider than the window: no sideways scrolling, no cut-off column.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    const map = await box(page, byTestId('map'));
    const actions = await box(page, '.right-column');
    const meters = await box(page, '.left-column');
    expect(map && map.left === 0 && map.right === w && map.bottom - map.top >= Math.min(0.6 * h, 1.1 * w) - 2).toBe(true);
    expect(actions && map && actions.top >= map.bottom && actions.right <= w).toBe(true);
    expect(meters && actions && meters.top >= actions.bottom).toBe(true);
    // The guide's first step is about Azerbaijan's meters, below the fold: it scrolls
    // them into view and stands clear of them.
    await page.waitForSelector(`${byTestId('guide-next')}:visible`);
    const guide = await box(page, '.guide');
    const target = await box(page, '.guide-target');
    expect(target && target.top >= 0 && target.bottom <= h).toBe(true);
    expect(guide && target && (guide.top >= target.bottom || guide.bottom <= target.top)).toBe(true);
    writeFileSync(join(OUT, `narrow-${w}-guide.png`), await page.screenshot());
    await page.click(byTestId('guide-skip'));
    // The quarter's event, then an action and End turn, each scrolled to and clicked.
    await page.waitForSelector(byTestId('event-dialog'));
    await page
      .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
      .first()
      .click();
    await page.waitForSelector(byTestId('event-dialog'), { state: 'hidden' });
    await page.locator('[data-testid^="action-"]:not([disabled])').first().click();
    await page.click(byTestId('end-turn'));
    await page.waitForSelector(`${byTestId('turn-report-close')}:visible`);
    writeFileSync(join(OUT, `narrow-${w}-report.png`), await page.screenshot());
    expect(
      await page.evaluate(
        () => (window as unknown as { __caspian: { store: { getState(): { game: { turn: number } } } } }).__caspian.store.getState().game.turn,
      ),
    ).toBe(1);
    expect(errors).toEqual([]);
  });
});
