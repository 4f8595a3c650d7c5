/**
 * Offline play in Chromium: after one visit the service worker has stored every file the
 * build emits (the page, the code, each scenario chunk, the map); then, with the network
 * off and the server gone, the game still opens — also from a class link — and plays a
 * turn of a scenario that was never opened online. A new release waits for the player.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { atSizes, byTestId, openPage, OUT, useBuiltGame, answerOpenEvents } from './browser.ts';

const site = useBuiltGame();

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `offline-${name}.png`), await page.screenshot());

/**
 * The shown elements matching `selector` that do not take a click where they are drawn
 * (something else is on top of their centre, or they are above the window's top), named by
 * test id or text. Ones wholly below the fold are left out: the page scrolls to them.
 */
const covered = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((b) => b.getClientRects().length > 0)
        .filter((b) => {
          const r = b.getBoundingClientRect();
          if (r.top >= innerHeight) return false;
          const top = document.elementFromPoint(r.left + r.width / 2, Math.min(r.top + r.height / 2, innerHeight - 1));
          return top === null || !b.contains(top);
        })
        .map((b) => b.dataset.testid ?? b.textContent),
    selector,
  );

/** Every file of the build a player needs (the worker itself is stored by the browser). */
function builtFiles(dir = join(ROOT, 'dist')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? builtFiles(join(dir, d.name)) : d.name === 'sw.js' ? [] : [relative(join(ROOT, 'dist'), join(dir, d.name))],
  );
}

type Hooks = { store: { getState(): { game: { turn: number; scenarioId: string; pending: string[] } | null; commands: unknown[] } } };
const game = (page: Page) =>
  page.evaluate(() => {
    const g = (window as unknown as { __caspian: Hooks }).__caspian.store.getState();
    return g.game ? { turn: g.game.turn, scenario: g.game.scenarioId, pending: g.game.pending.length, commands: g.commands.length } : null;
  });

describe('offline', () => {
  it('lets a new release wait: no reload under the player until they choose "Use it now"', async () => {
    const { page, errors } = await openPage(site.browser, 1366, 768, { serviceWorkers: 'allow' });
    await page.goto(site.url);
    await page.waitForSelector('html[data-offline="ready"]', { timeout: 60_000 });
    // The next visit is served by the worker.
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    // A new release: the worker file changes (as every build's manifest does).
    const sw = join(ROOT, 'dist', 'sw.js');
    const original = readFileSync(sw, 'utf8');
    try {
      appendFileSync(sw, '\n// the next release\n');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await page.waitForSelector(`${byTestId('offline-update')}:visible`, { timeout: 60_000 });
      expect(await page.textContent(byTestId('offline-notice'))).toContain('A newer version of the game is ready');
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
      // The notice stays until answered, so it must leave the game playable: a game started
      // under it still has its End turn button and the event's choices uncovered.
      await page.click(byTestId('new-game'));
      // On the title screen too: every button and field of the chooser takes a click where
      // it is drawn (bottom left, the notice covered Start).
      await atSizes(page, async (w) => {
        expect(await covered(page, '.title-screen button, .title-screen input, .title-screen select'), `at ${w} px wide`).toEqual([]);
        await shot(page, `title-${w}`);
      });
      await page.click(byTestId('start-game'));
      await page.waitForSelector(byTestId('end-turn'));
      await atSizes(page, async (w) => {
        expect(await covered(page, '[data-testid="end-turn"], [data-testid="guide-skip"], .choice'), `at ${w} px wide`).toEqual([]);
        await shot(page, `update-${w}`);
      });
      // The journal's prompt after a decision stands on the notice, not under it: its input
      // and the notice's own button both take a click where they are drawn.
      await page.click(byTestId('guide-skip'));
      // Every event of the turn answered, so no dialog is open.
      await answerOpenEvents(page);
      await page.waitForSelector(`${byTestId('journal-input')}:visible`);
      await atSizes(page, async (w) => {
        expect(await covered(page, '[data-testid="journal-input"], [data-testid="offline-update"]'), `at ${w} px wide`).toEqual([]);
        await shot(page, `journal-${w}`);
      });
      // A dialog owns the screen: the notice steps out of sight and never covers the
      // dialog's corner (it did cover the debrief's), then is there again when it closes.
      await page.click(byTestId('menu'));
      await page.waitForSelector('.overlay:not(.hidden) .dialog');
      const onTop = await page.evaluate(() => {
        const r = document.querySelector('[data-testid="offline-notice"]')?.getBoundingClientRect();
        const hit = r && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit ? (hit.closest('[data-testid="offline-notice"]') ? 'notice' : hit.closest('.overlay') ? 'dialog' : hit.className) : 'none';
      });
      expect(onTop).toBe('dialog');
      await page.keyboard.press('Escape');
      await page.waitForSelector('.overlay:not(.hidden)', { state: 'detached' });
      await page.waitForSelector(`${byTestId('offline-update')}:visible`);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
      await Promise.all([page.waitForEvent('load'), page.click(byTestId('offline-update'))]);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
      const state = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => [r?.waiting ?? null, r?.active?.state]));
      expect(state).toEqual([null, 'activated']);
    } finally {
      writeFileSync(sw, original);
    }
    // The reload "Use it now" asks for may cut short the page's own synthesised sounds (blob: URLs).
    expect(errors.filter((e) => !e.startsWith('request failed: blob:'))).toEqual([]);
  });

  it('stores the whole game on the first visit, then opens and plays with the network off', async () => {
    const { page, errors } = await openPage(site.browser, 1366, 768, { serviceWorkers: 'allow' });
    await page.goto(site.url);
    await page.waitForSelector(byTestId('new-game'));
    // The worker has stored every file when it says so.
    await page.waitForSelector(`${byTestId('offline-notice')}:visible`, { timeout: 60_000 });
    expect(await page.textContent(byTestId('offline-notice'))).toContain('without a network');
    await atSizes(page, (w) => shot(page, `ready-${w}`));
    const stored = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) urls.push(new URL(r.url).pathname.slice(1));
      return urls.sort();
    });
    const files = builtFiles().sort();
    expect(files.some((f) => f.includes('balanced-1994'))).toBe(true);
    expect(files.some((f) => f.includes('MapScene'))).toBe(true);
    expect(stored).toEqual(files);

    // No network at all: the browser is offline and the server is gone.
    await page.context().setOffline(true);
    await site.closeServer();
    await page.reload();
    await page.click(byTestId('new-game'));
    // A chapter never opened online: its chunk comes from the store.
    await page.click(byTestId('scenario-option-balanced-1994'));
    await page.fill(byTestId('seed-input'), '7');
    await page.click(byTestId('start-game'));
    await page.waitForSelector(byTestId('turn-label'));
    const startTurn = (await game(page))?.turn ?? -1;
    expect((await game(page))?.scenario).toBe('balanced-1994');
    // Play a turn: skip the guide, answer every event, end the turn.
    for (let guard = 0; guard < 20 && ((await game(page))?.turn ?? -1) === startTurn; guard++) {
      if (await page.isVisible(byTestId('guide-skip'))) await page.click(byTestId('guide-skip'));
      else if (await page.isVisible(byTestId('event-dialog')))
        await page
          .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
          .first()
          .click();
      else if ((await game(page))?.pending === 0) await page.click(byTestId('end-turn'));
      else await page.waitForTimeout(200);
    }
    expect((await game(page))?.turn).toBe(startTurn + 1);
    expect(await page.textContent(byTestId('turn-label'))).toMatch(/^Turn 2 of \d+/);
    await shot(page, 'played');

    // A class link opens offline too (navigations are answered with the stored page).
    await page.goto(`${site.url}?scenario=independence-1991&seed=4821&difficulty=hard&class=10B`);
    await page.waitForSelector(byTestId('class-setup'));
    expect(await page.textContent(byTestId('class-seed'))).toBe('seed 4821');
    expect(errors).toEqual([]);
  });
});
