/**
 * The game answers the player, in Chromium: a turn report after End turn that lists the
 * powers' answers, a result after every decision, Enter that never answers an event
 * nobody has read, Undo of an action, a confirmation before a choice that ends the game,
 * and the whole action list visible at 1366×768.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { atSizes, byTestId, OUT, openPage, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

interface Hooks {
  store: { getState(): { game: { pending: string[]; turn: number; outcome: unknown } | null; commands: unknown[] } };
  stateHash(s: unknown): string;
}

const app = (page: Page) =>
  page.evaluate(() => {
    const hooks = (window as unknown as { __caspian: Hooks }).__caspian;
    const { game, commands } = hooks.store.getState();
    return { pending: game?.pending ?? [], turn: game?.turn ?? -1, over: Boolean(game?.outcome), commands, hash: game ? hooks.stateHash(game) : '' };
  });

async function firstTurnAnswered(page: Page, seed: number) {
  await page.goto(`${site.url}?play=independence-1991&seed=${seed}`);
  await page.click(byTestId('guide-skip'));
  await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
  while ((await app(page)).pending.length > 0) {
    await page
      .locator(`${byTestId('event-dialog')} button.choice`)
      .first()
      .click();
  }
}

describe('the game answers the player', () => {
  it('shows a turn report after End turn, before the next event, with every power’s answer', async () => {
    const { page, errors } = await openPage(site.browser);
    await firstTurnAnswered(page, 11);
    await page.click(byTestId('end-turn'));
    await page.waitForSelector(`${byTestId('turn-report')}:visible`);
    // The next quarter's event waits behind the report.
    expect((await app(page)).pending.length).toBeGreaterThan(0);
    expect(await page.isVisible(byTestId('event-dialog'))).toBe(false);
    const report = await page.textContent(byTestId('turn-report'));
    expect(report).toContain('Oct–Dec 1991: what happened');
    for (const power of ['russia', 'turkey', 'iran', 'west']) {
      const line = await page.textContent(byTestId(`report-power-${power}`));
      expect(line).toMatch(/Held back|Against you|For you/);
    }
    expect(report).toMatch(/Treasury \$\d+m → \$\d+m/);
    expect(await page.textContent(byTestId('report-next'))).toBe('A decision waits for you in the new quarter.');
    writeFileSync(join(OUT, 'answers-report.png'), await page.screenshot());
    // However long the quarter, Continue is in view and takes a click where it is drawn:
    // the report's body scrolls, its button row does not.
    await atSizes(page, async (w) => {
      const where = await page.evaluate(() => {
        const b = document.querySelector('[data-testid="turn-report-close"]')?.getBoundingClientRect();
        const hit = b && document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        return hit?.closest('[data-testid="turn-report-close"]') ? 'button' : (hit?.className ?? 'nothing');
      });
      expect(where, `at ${w} px wide`).toBe('button');
      writeFileSync(join(OUT, `answers-report-${w}.png`), await page.screenshot());
    });
    await page.click(byTestId('turn-report-close'));
    await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
    // Any past report opens again from the turn history.
    await page.keyboard.press('Escape');
    await page.click(byTestId('open-history'));
    await page.click(byTestId('history-open-0'));
    await page.waitForSelector(`${byTestId('turn-report')}:visible`);
    expect(await page.textContent(byTestId('turn-report'))).toContain('Oct–Dec 1991');
    expect(errors).toEqual([]);
  });

  it('ends a report with no decision waiting on a sentence: "The new quarter begins."', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=1`);
    await page.click(byTestId('guide-skip'));
    // History's first answers through the store (the clicking is tested above) to the turn
    // whose end raises no event (seed 1: Jul–Sep 1992), then End turn by the button.
    await page.evaluate(() => {
      type St = {
        game: { pending: string[]; turn: number };
        scenario: { events: { id: string; choices: { id: string }[] }[] };
        choose(e: string, c: string): boolean;
        endTurn(): boolean;
      };
      const store = (window as unknown as { __caspian: { store: { getState(): St } } }).__caspian.store;
      for (let guard = 0; guard < 100; guard++) {
        const st = store.getState();
        const pending = st.game.pending[0];
        if (pending) {
          for (const c of st.scenario.events.find((e) => e.id === pending)?.choices ?? []) if (store.getState().choose(pending, c.id)) break;
        } else if (st.game.turn < 3) st.endTurn();
        else return;
      }
    });
    if (await page.isVisible(byTestId('turn-report-close'))) await page.click(byTestId('turn-report-close'));
    await page.click(byTestId('end-turn'));
    await page.waitForSelector(`${byTestId('turn-report')}:visible`);
    expect((await app(page)).pending).toEqual([]);
    expect(await page.textContent(byTestId('turn-report'))).toContain('Jul–Sep 1992: what happened');
    expect(await page.textContent(byTestId('report-next'))).toBe('The new quarter begins.');
    expect(errors).toEqual([]);
  });

  it('never answers a fresh event with Enter, and shows the result of a choice', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=12`);
    await page.click(byTestId('guide-skip'));
    await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
    const before = await app(page);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    expect((await app(page)).commands).toEqual(before.commands);
    expect(await page.isVisible(byTestId('event-dialog'))).toBe(true);
    const title = await page.textContent(`${byTestId('event-dialog')} h2`);
    const label = await page.textContent(`${byTestId('event-dialog')} button.choice .choice-label`);
    await page.keyboard.press('1');
    await page.waitForSelector(`${byTestId('decision-result')}:visible`);
    // The answer names the decision and shows each number it moved (or says nothing moved yet).
    const result = (await page.textContent(byTestId('decision-result'))) ?? '';
    expect(result).toContain(`${title}: ${label}`);
    expect(result).toMatch(/[▲▼]|[+−]\d|Nothing changed at once/);
    expect(errors).toEqual([]);
  });

  it('takes back the last action with Undo, to the exact state', async () => {
    const { page, errors } = await openPage(site.browser);
    await firstTurnAnswered(page, 13);
    const before = await app(page);
    expect(await page.isDisabled(byTestId('undo-action'))).toBe(true);
    await page.click(byTestId('action-visit-ankara'));
    expect((await app(page)).commands.length).toBe(before.commands.length + 1);
    await page.click(byTestId('undo-action'));
    const after = await app(page);
    expect(after.hash).toBe(before.hash);
    expect(after.commands).toEqual(before.commands);
    expect(await page.isEnabled(byTestId('action-visit-ankara'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('asks before a choice that ends the game', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=14`);
    await page.waitForSelector(byTestId('guide'));
    // The first event of a copy of the scenario gets a choice that loses the game.
    await page.evaluate(() => {
      const st = (
        window as unknown as {
          __caspian: { store: { getState(): { scenario: { events: { choices: unknown[] }[] }; start: (...a: unknown[]) => void } } };
        }
      ).__caspian.store.getState();
      const scenario = structuredClone(st.scenario);
      scenario.events[0]?.choices.push({ id: 'surrender', label: 'Hand power to the rebels', effects: [{ op: 'lose', outcome: 'coup' }] });
      st.start(scenario, '14', 'normal');
    });
    await page.click(byTestId('guide-skip'));
    await page.click(byTestId('event-choice-surrender'));
    expect(await page.textContent(byTestId('confirm-text'))).toContain('ends your game');
    await page.click(byTestId('confirm-no'));
    expect((await app(page)).over).toBe(false);
    await page.click(byTestId('event-choice-surrender'));
    await page.click(byTestId('confirm-yes'));
    await expect.poll(async () => (await app(page)).over).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the whole action list at 1366×768 without an inner scroll', async () => {
    const { page, errors } = await openPage(site.browser, 1366, 768);
    await firstTurnAnswered(page, 15);
    const fit = await page.evaluate(() => {
      const box = document.querySelector('.action-groups') as HTMLElement;
      const outer = box.getBoundingClientRect();
      const buttons = [...box.querySelectorAll('button.action')].map((b) => b.getBoundingClientRect());
      return {
        count: buttons.length,
        scrolls: box.scrollHeight > box.clientHeight + 1,
        inside: buttons.every((r) => r.top >= outer.top - 1 && r.bottom <= outer.bottom + 1),
      };
    });
    expect(fit.count).toBeGreaterThanOrEqual(15);
    expect(fit.scrolls).toBe(false);
    expect(fit.inside).toBe(true);
    writeFileSync(join(OUT, 'answers-actions-1366.png'), await page.screenshot());
    expect(errors).toEqual([]);
  });
});
