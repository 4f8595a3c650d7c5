/**
 * A class around one projector, in Chromium: a team plays Russia (its answer chosen on
 * screen when the turn closes), and the teacher's panel locks an action, pauses the class
 * on a prompt and raises an event; every intervention is in the exported save's log.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, OUT, openPage, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

interface Hooks {
  store: {
    getState(): {
      game: {
        pending: string[];
        turn: number;
        awaiting?: string[];
        humans?: string[];
        locked?: string[];
        history: { responses: { power: string; response: string }[] }[];
      } | null;
      commands: { type: string }[];
    };
  };
}

const app = (page: Page) =>
  page.evaluate(() => {
    const { game, commands } = (window as unknown as { __caspian: Hooks }).__caspian.store.getState();
    return {
      pending: game?.pending ?? [],
      turn: game?.turn ?? -1,
      awaiting: game?.awaiting ?? null,
      humans: game?.humans ?? null,
      locked: game?.locked ?? null,
      lastCommand: commands[commands.length - 1] ?? null,
      commands: commands.map((c) => c.type),
    };
  });

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `hotseat-${name}.png`), await page.screenshot());

async function answerEvents(page: Page) {
  while ((await app(page)).pending.length > 0) {
    await page
      .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
      .first()
      .click();
  }
}

/** A new game (seed 77) past the guide and its first events, with the teacher's panel open. */
async function openTeacherPanel(page: Page) {
  await page.goto(`${site.url}?play=independence-1991&seed=77`);
  await page.waitForSelector(`${byTestId('guide-skip')}:visible`);
  await page.click(byTestId('guide-skip'));
  await answerEvents(page);
  await page.click(byTestId('menu'));
  await page.click(byTestId('teacher-switch'));
  await page.waitForSelector(`${byTestId('teacher-panel')}:visible`);
}

describe('hot-seat and teacher mode', () => {
  it('lets a team play Russia: its answer is chosen on screen, Enter answers nothing, and the report shows it', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.click(byTestId('new-game'));
    await page.click(byTestId('scenario-option-independence-1991'));
    await page.fill(byTestId('seed-input'), '2024');
    await page.check(byTestId('seat-russia'));
    await shot(page, 'title');
    await page.click(byTestId('start-game'));
    await page.waitForSelector(`${byTestId('guide-skip')}:visible`);
    await page.click(byTestId('guide-skip'));
    expect((await app(page)).humans).toEqual(['russia']);
    expect((await app(page)).commands).toEqual(['seat']);

    await answerEvents(page);
    await page.click(byTestId('end-turn'));
    await page.waitForSelector(`${byTestId('power-turn')}:visible`);
    expect(await page.textContent(`${byTestId('power-turn')} h2`)).toBe('Russia: your answer');
    expect((await app(page)).awaiting).toEqual(['russia']);
    await shot(page, 'power-turn');

    // A held Enter neither answers for Russia nor ends anything.
    await page.keyboard.press('Enter');
    expect((await app(page)).awaiting).toEqual(['russia']);
    // The answers listed are buttons with their numbers; pick the first.
    const first = page.locator(`${byTestId('power-turn')} button.choice`).first();
    const testid = (await first.getAttribute('data-testid')) ?? '';
    const label = ((await first.locator('.choice-label').textContent()) ?? '').replace(/\s*(stick|carrot)$/, '').trim();
    await first.click();
    await page.waitForSelector(`${byTestId('turn-report')}:visible`);
    const after = await app(page);
    expect(after.awaiting).toBeNull();
    expect(after.turn).toBe(1);
    expect(after.lastCommand).toEqual({ type: 'respond', power: 'russia', response: testid.replace('power-response-', '') });
    expect(await page.textContent(byTestId('report-power-russia'))).toContain(label);
    expect(await page.textContent(byTestId('report-power-russia'))).toContain("Why: Russia's team chose it.");
    expect(await page.isVisible(byTestId('power-turn'))).toBe(false);
    await shot(page, 'report');
    expect(errors).toEqual([]);
  });

  it('on a phone, lets the page’s end scroll clear of the teacher’s panel', async () => {
    const { page, errors } = await openPage(site.browser, 390, 844);
    await openTeacherPanel(page);
    // The stacked screen scrolls as a whole; at its end, its last row (the last power) shows above the panel.
    const atEnd = () =>
      page.evaluate(() => {
        const screen = document.querySelector('.game-screen') as HTMLElement;
        screen.scrollTop = screen.scrollHeight;
        const rows = document.querySelectorAll('.panel.powers button.power');
        const last = rows[rows.length - 1]?.getBoundingClientRect();
        const panel = document.querySelector('[data-testid="teacher-panel"]')?.getBoundingClientRect();
        return last && panel ? { rows: rows.length, lastAbovePanel: last.bottom <= panel.top } : null;
      });
    await expect.poll(async () => (await atEnd())?.lastAbovePanel).toBe(true);
    expect((await atEnd())?.rows).toBe(4);
    // The journal's prompt (the answered events asked for a why) stands above the panel, not over it.
    const prompt = await page.locator(byTestId('journal')).boundingBox();
    const panel = await page.locator(byTestId('teacher-panel')).boundingBox();
    expect(prompt && panel && prompt.y + prompt.height <= panel.y).toBe(true);
    await page.mouse.move(0, 0);
    await shot(page, 'teacher-panel-phone');
    expect(errors).toEqual([]);
  });

  it('gives the teacher a panel: lock an action, pause on a prompt, raise an event — all in the log', async () => {
    const { page, errors } = await openPage(site.browser);
    await openTeacherPanel(page);
    // The panel stands at the actions column's foot: End turn and the list of actions end
    // above it, and stay above it as its sections open.
    const clearOfPanel = () =>
      page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
        const panel = box('[data-testid="teacher-panel"]');
        const endTurn = box('[data-testid="end-turn"]');
        const list = box('.action-groups');
        if (!panel || !endTurn || !list) return null;
        return { endTurnAbove: endTurn.bottom <= panel.top, listAbove: list.bottom <= panel.top, endTurnShown: endTurn.height > 0 };
      });
    const clear = { endTurnAbove: true, listAbove: true, endTurnShown: true };
    await expect.poll(clearOfPanel).toEqual(clear);

    // Lock the first open action: its button closes, with the teacher's reason.
    const action = page.locator('button.action:not([disabled])').first();
    const actionId = ((await action.getAttribute('data-testid')) ?? '').replace('action-', '');
    await page.click(`${byTestId('teacher-panel')} summary:has-text("Lock an action")`);
    await page.check(byTestId(`teacher-lock-${actionId}`));
    expect((await app(page)).locked).toEqual([actionId]);
    expect(await page.isDisabled(byTestId(`action-${actionId}`))).toBe(true);
    await expect.poll(clearOfPanel).toEqual(clear);
    await shot(page, 'teacher-panel');

    // A prompt pauses the class; typing it never reaches the game's keys.
    await page.click(`${byTestId('teacher-panel')} summary:has-text("Discussion prompt")`);
    await page.fill(byTestId('teacher-prompt-input'), 'Why would Baku keep <b>Moscow</b> close?');
    await page.press(byTestId('teacher-prompt-input'), 'Enter');
    expect((await app(page)).turn).toBe(0);
    await page.click(byTestId('teacher-prompt-show'));
    await page.waitForSelector(`${byTestId('pause-curtain')}:visible`);
    // Shown as text, never as markup.
    expect(await page.textContent(byTestId('pause-prompt'))).toBe('Why would Baku keep <b>Moscow</b> close?');
    await shot(page, 'pause');
    await page.keyboard.press('Enter');
    expect((await app(page)).turn).toBe(0);
    await page.click(byTestId('resume-play'));
    expect(await page.isVisible(byTestId('pause-curtain'))).toBe(false);

    // Raise an event now: it opens for the class.
    await page.click(`${byTestId('teacher-panel')} summary:has-text("Raise an event now")`);
    const eventId = await page.inputValue(byTestId('teacher-inject-select'));
    expect(eventId).not.toBe('');
    await page.click(byTestId('teacher-inject'));
    const state = await app(page);
    expect(state.commands.slice(-3)).toEqual(['lock', 'prompt', 'inject']);

    // The exported save carries every intervention.
    await page.click(byTestId('teacher-close'));
    while (await page.isVisible(byTestId('event-dialog'))) await page.keyboard.press('Escape');
    await page.click(byTestId('menu'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-save'))]);
    const file = join(OUT, 'hotseat-teacher-save.json');
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { commands: Record<string, unknown>[] };
    expect(saved.commands.slice(-3)).toEqual([
      { type: 'lock', action: actionId },
      { type: 'prompt', text: 'Why would Baku keep <b>Moscow</b> close?' },
      { type: 'inject', event: eventId },
    ]);
    expect(errors).toEqual([]);
  });
});
