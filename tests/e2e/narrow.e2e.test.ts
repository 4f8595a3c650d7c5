/**
 * The game on a narrow window — a tablet held upright, a phone: the screen stacks and
 * scrolls (src/ui/styles/responsive.css) instead of squeezing three columns. The map keeps
 * a real share of the window, nothing runs off its right edge, the guide brings the panel
 * it talks about into view without covering it, Tab meets the panels in the order they are
 * seen, and a turn can be played by clicking.
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

/** The screen's regions: the bar, the map, the actions, Azerbaijan and the powers. */
const REGIONS = ['.topbar', '.game-main', '.right-column', '.left-column'] as const;

/** The regions in the order Tab reaches their controls, from the top of the page. */
async function tabOrder(page: Page): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const order: string[] = [];
  for (let press = 0; press < 100; press++) {
    await page.keyboard.press('Tab');
    const region = await page.evaluate(
      (all) => {
        const at = document.activeElement;
        return all.find((r) => at?.closest(r)) ?? null;
      },
      REGIONS as readonly string[],
    );
    // Controls outside the screen (the journal's prompt) are passed over; leaving it ends the walk.
    if (region === null && order.length > 0) break;
    if (region !== null && order.at(-1) !== region) order.push(region);
  }
  return order;
}

/** The same regions in the order they are read: top to bottom, then left to right. */
const readingOrder = (page: Page, regions: string[]) =>
  page.evaluate(
    (rs) =>
      rs
        .map((r) => ({ r, box: (document.querySelector(r) as HTMLElement).getBoundingClientRect() }))
        .sort((a, b) => Math.round(a.box.top) - Math.round(b.box.top) || a.box.left - b.box.left)
        .map(({ r }) => r),
    regions,
  );

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
    // Tab meets the regions in the order they are seen: the bar, then (the map holding no
    // control) the actions, then Azerbaijan and the powers; and on a window widened past
    // 900 px, Azerbaijan's column again first, as it stands left of the map and actions.
    const order = await tabOrder(page);
    expect(order).toEqual(['.topbar', '.right-column', '.left-column']);
    expect(order).toEqual(await readingOrder(page, order));
    await page.setViewportSize({ width: 1024, height: 640 });
    const wide = await tabOrder(page);
    expect(wide).toEqual(['.topbar', '.left-column', '.right-column']);
    expect(wide).toEqual(await readingOrder(page, wide));
    await page.setViewportSize({ width: w, height: h });
    expect(await tabOrder(page)).toEqual(order);
    // Every control is big enough for a finger: 24px each way (the actions' rows and the
    // small buttons were 20–23px).
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.game-screen :is(button, summary, [tabindex="0"])')]
        .filter((c) => c.getClientRects().length > 0)
        .filter((c) => c.offsetHeight < 24 || c.offsetWidth < 24)
        .map((c) => c.dataset.testid ?? c.className),
    );
    expect(small).toEqual([]);
    // At the page's end the last of the powers stands above the journal's prompt, then above
    // its pill (the prompt covered the last two powers, and no scrolling helped).
    for (const [cover, close] of [
      ['journal', 'journal-hide'],
      ['journal-open', ''],
    ] as const) {
      await page.waitForSelector(`${byTestId(cover)}:visible`);
      await page.evaluate(() => document.querySelector('.game-screen')?.scrollTo(0, 1e6));
      const panels = await box(page, '.left-column');
      const over = await box(page, byTestId(cover));
      expect(panels && over && panels.bottom <= over.top, cover).toBe(true);
      if (close) await page.click(byTestId(close));
    }
    await page.locator('[data-testid^="action-"]:not([disabled])').first().click();
    await page.click(byTestId('end-turn'));
    await page.waitForSelector(`${byTestId('turn-report-close')}:visible`);
    // On a phone a power's answer in the report takes most of the row, its numbers under its
    // name (in three columns the answer ran ~8 words a line); a tablet keeps the columns.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.report-power')].map((row) => {
        const at = (part: string) => (row.querySelector(part) as HTMLElement).getBoundingClientRect();
        const [name, act, numbers] = [at('.report-power-name'), at('.report-power-act'), at('.report-power-numbers')];
        return { share: act.width / row.getBoundingClientRect().width, under: numbers.top >= name.bottom && numbers.left === name.left };
      }),
    );
    expect(rows).toHaveLength(4);
    expect(rows.map((row) => row.under)).toEqual(rows.map(() => w <= 600));
    if (w <= 600) expect(Math.min(...rows.map((row) => row.share))).toBeGreaterThan(0.6);
    writeFileSync(join(OUT, `narrow-${w}-report.png`), await page.screenshot());
    expect(
      await page.evaluate(
        () => (window as unknown as { __caspian: { store: { getState(): { game: { turn: number } } } } }).__caspian.store.getState().game.turn,
      ),
    ).toBe(1);
    expect(errors).toEqual([]);
  });
  it('on a touch screen a tap on a meter shows what moved it, as the guide says', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${site.url}?play=balanced-1994&seed=1`);
    await page.waitForSelector(`${byTestId('guide-next')}:visible`);
    expect(await page.textContent('.guide')).toContain('Hover over or tap any meter');
    await page.tap(byTestId('guide-skip'));
    while (await page.isVisible(byTestId('event-dialog'))) await page.keyboard.press('1');
    const meter = page.locator('.meter').first();
    await meter.scrollIntoViewIfNeeded();
    await meter.tap();
    await page.waitForSelector('.tooltip.visible');
    expect(await page.textContent('.tooltip')).toMatch(/^Sovereignty \d+/);
    await context.close();
  });
});
