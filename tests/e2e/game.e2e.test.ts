/**
 * The built game in headless Chromium, from the title screen to the debrief: start
 * independence-1991 with a fixed seed, answer events, take actions, end turns until the
 * debrief, with zero console errors. Also: the map draws, keyboard play works, scenario
 * text containing HTML shows as text, mute persists, and the browser reaches the same
 * state hash as Node for the same commands.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Command, newGame, stateHash } from '../../src/core/index.ts';
import { run, shippedScenario } from '../helpers.ts';
import { byTestId, OUT, openPage, useBuiltGame, waitForMap } from './browser.ts';

const site = useBuiltGame();

interface Hooks {
  store: { getState(): { game: { pending: string[]; turn: number; outcome: unknown } | null; commands: Command[] } };
  stateHash(s: unknown): string;
}

async function appState(page: Page) {
  return page.evaluate(() => {
    const { game, commands } = (window as unknown as { __caspian: Hooks }).__caspian.store.getState();
    return {
      pending: game?.pending ?? [],
      turn: game?.turn ?? -1,
      over: Boolean(game?.outcome),
      commands,
      hash: game ? (window as unknown as { __caspian: Hooks }).__caspian.stateHash(game) : '',
    };
  });
}

/** Skips the first-turn guide and closes a turn report, whichever is showing. */
async function clearOverlays(page: Page) {
  if (await page.isVisible(byTestId('guide-skip'))) await page.click(byTestId('guide-skip'));
  if (await page.isVisible(byTestId('turn-report-close'))) await page.click(byTestId('turn-report-close'));
}

async function shot(page: Page, name: string) {
  writeFileSync(join(OUT, `game-${name}.png`), await page.screenshot());
}

describe('the game in the browser', () => {
  it('plays independence-1991 from the title screen to the debrief with no console errors', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.click(byTestId('new-game'));
    await page.click(byTestId('scenario-option-independence-1991'));
    await page.fill(byTestId('seed-input'), '42');
    await shot(page, 'title');
    await page.click(byTestId('start-game'));
    // The guide comes first; the first event waits behind it.
    await page.waitForSelector(`${byTestId('guide')}:visible`);
    expect(await page.isVisible(byTestId('event-dialog'))).toBe(false);
    await expect.poll(() => page.textContent(byTestId('turn-label'))).toBe('Turn 1 of 13 · Oct–Dec 1991');

    // The map draws: a canvas fills the map area with many colours, not a blank rectangle.
    await waitForMap(page);
    await page.waitForTimeout(500);
    const box = await page.locator(`${byTestId('map')} canvas`).boundingBox();
    expect(box?.width).toBeGreaterThan(500);
    expect(box?.height).toBeGreaterThan(500);

    let turns = 0;
    let state0Guide = true;
    while (!(await appState(page)).over) {
      if (state0Guide && (await page.isVisible(byTestId('guide-skip')))) {
        await shot(page, 'guide');
        state0Guide = false;
      }
      await clearOverlays(page);
      const state = await appState(page);
      if (state.pending.length > 0) {
        // Answer with the first open choice.
        await page
          .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
          .first()
          .click();
        continue;
      }
      if (state.turn === 1) {
        await page.click(byTestId('action-visit-ankara'));
        await page.click(byTestId('action-ask-troops-leave'));
        expect(await page.isDisabled(byTestId('action-visit-ankara'))).toBe(true);
        await shot(page, 'turn2');
      }
      if (state.turn === 3) await page.click(byTestId('action-visit-moscow'));
      await page.click(byTestId('end-turn'));
      turns++;
      expect(turns).toBeLessThan(20);
    }
    await page.waitForSelector(`${byTestId('debrief')}:visible`);
    await shot(page, 'debrief');
    const debrief = await page.textContent(byTestId('debrief'));
    expect(debrief).toMatch(/Chapter complete|Game over/);
    expect(debrief).toContain('Your decisions against history’s');
    expect(await page.textContent(byTestId('rating'))).toMatch(/Master of balance|Steady hand|Survivor|Precarious|Fallen/);
    // The whole turn history stays readable after the end.
    await page.click(byTestId('debrief-close')).catch(() => undefined);
    await page.evaluate(() => (document.querySelector('[data-testid="open-history"]') as HTMLElement | null)?.click());
    await page.waitForSelector(`${byTestId('turn-history')}:visible`);
    expect(await page.textContent(byTestId('turn-history'))).toContain('Khodzhaly');
    expect(errors).toEqual([]);
  });

  it('reaches the same state hash in the browser as in Node for the same commands', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=7`);
    await page.click(byTestId('guide-skip'));
    await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
    for (let i = 0; i < 4; i++) await page.keyboard.press('1');
    await page.click(byTestId('action-turkish-training'));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).turn).toBe(1);
    await page.waitForSelector(`${byTestId('turn-report')}:visible`);
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
    await page.keyboard.press('2');
    const browserState = await appState(page);
    const scenario = shippedScenario('independence-1991');
    const node = run(scenario, newGame(scenario, '7'), browserState.commands);
    expect(browserState.commands.length).toBe(7);
    expect(browserState.hash).toBe(stateHash(node));
    expect(errors).toEqual([]);
  });

  it('is playable from the keyboard: Esc folds an event away, E brings it back, number keys choose, Enter ends the turn', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=9`);
    await page.waitForSelector(`${byTestId('guide')}:visible`);
    await page.keyboard.press('Escape'); // closes the guide; the first event follows
    expect(await page.isVisible(byTestId('guide'))).toBe(false);
    await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
    await page.keyboard.press('Escape');
    expect(await page.isVisible(byTestId('event-dialog'))).toBe(false);
    expect(await page.isVisible(byTestId('event-waiting'))).toBe(true);
    await page.keyboard.press('e');
    expect(await page.isVisible(byTestId('event-dialog'))).toBe(true);
    for (let i = 0; i < 4; i++) await page.keyboard.press('1');
    // Tab reaches an action, Enter on it takes it (not the end of the turn).
    await page.focus(byTestId('action-visit-tehran'));
    await page.keyboard.press('Enter');
    expect((await appState(page)).commands.at(-1)).toEqual({ type: 'act', action: 'visit-tehran' });
    await page.focus('body');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).turn).toBe(1);
    expect(errors).toEqual([]);
  });

  it('fades the foot of an action list longer than its column until it is scrolled to the end', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=after-georgia-2008&seed=3`);
    await page.waitForSelector(byTestId('action-visit-tehran'));
    // The fade's depth in rem (2.2 at the top of the list, 0 at its end) and whether the list scrolls.
    const foot = () =>
      page.evaluate(() => {
        const list = document.querySelector('.action-groups') as HTMLElement;
        const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
        const fade = Number.parseFloat(getComputedStyle(list).getPropertyValue('--more-below'));
        return { fadeRem: Math.round((fade / rem) * 100) / 100, scrolls: list.scrollHeight > list.clientHeight };
      });
    expect(await foot()).toEqual({ fadeRem: 2.2, scrolls: true });
    await shot(page, 'actions-more-below');
    await page.evaluate(() => {
      const list = document.querySelector('.action-groups') as HTMLElement;
      list.scrollTop = list.scrollHeight;
    });
    await expect.poll(foot).toEqual({ fadeRem: 0, scrolls: true });
    // A list that fits its column (the first chapter's, at the same size) is not faded at all.
    await page.goto(`${site.url}?play=independence-1991&seed=3`);
    await page.waitForSelector(byTestId('action-visit-tehran'));
    expect(await foot()).toEqual({ fadeRem: 0, scrolls: false });
    expect(errors).toEqual([]);
  });

  it('shows scenario text containing HTML as text, never as markup', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=1`);
    await page.waitForSelector(byTestId('guide'));
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await page.evaluate((text) => {
      const hooks = (
        window as unknown as {
          __caspian: {
            store: { getState(): { scenario: { events: { title: string; text: string; choices: { label: string }[] }[] }; start: (...a: unknown[]) => void } };
          };
        }
      ).__caspian;
      const st = hooks.store.getState();
      const scenario = structuredClone(st.scenario);
      const first = scenario.events[0] as { title: string; text: string; choices: { label: string }[] };
      first.title = text;
      first.text = text;
      (first.choices[0] as { label: string }).label = text;
      st.start(scenario, '1', 'normal');
    }, evil);
    await page.click(byTestId('guide-skip'));
    const dialog = page.locator(byTestId('event-dialog'));
    await expect.poll(() => dialog.locator('h2').textContent()).toBe(evil);
    expect(await dialog.locator('img').count()).toBe(0);
    expect(await dialog.locator('b').count()).toBe(0);
    expect(await dialog.locator('.event-text').textContent()).toBe(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('keeps mute across a reload, and resumes the autosave with Continue', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=5`);
    await page.click(byTestId('guide-skip'));
    await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
    for (let i = 0; i < 4; i++) await page.keyboard.press('1');
    await page.click(byTestId('mute'));
    expect(await page.getAttribute(byTestId('mute'), 'aria-pressed')).toBe('true');
    const before = await appState(page);
    await page.goto(site.url);
    await page.click(byTestId('continue'));
    await page.waitForSelector(byTestId('turn-label'));
    expect(await page.getAttribute(byTestId('mute'), 'aria-pressed')).toBe('true');
    const after = await appState(page);
    expect(after.hash).toBe(before.hash);
    expect(after.commands).toEqual(before.commands);
    expect(errors).toEqual([]);
  });
});
