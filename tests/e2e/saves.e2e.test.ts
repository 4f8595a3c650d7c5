/**
 * Saves in Chromium: export a game to a file and import it back (file picker and drag
 * and drop); a damaged file is refused with a clear message and the game and saves are
 * untouched; slots; two games keep two autosaves; refused or full storage never stops the
 * game and offers the export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, OUT, openPage, skipGuideToFirstEvent, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

interface Hooks {
  store: { getState(): { game: { turn: number; seed: string } | null; commands: unknown[]; screen: string } };
  stateHash(s: unknown): string;
}

const snapshot = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __caspian: Hooks }).__caspian;
    const { game, commands, screen } = h.store.getState();
    return { turn: game?.turn ?? -1, seed: game?.seed ?? '', commands: commands.length, hash: game ? h.stateHash(game) : '', screen };
  });

/** Starts a game by URL and plays two turns with the first choices, reading each turn report. */
async function playTwoTurns(page: Page, seed: string) {
  await page.goto(`${site.url}?play=independence-1991&seed=${seed}`);
  await skipGuideToFirstEvent(page);
  // Events can follow one another (a follow-up opens after a choice), and a turn report
  // comes after End turn: act on whatever is showing until two turns are done.
  while ((await snapshot(page)).turn < 2) {
    if (await page.isVisible(byTestId('turn-report-close'))) await page.click(byTestId('turn-report-close'));
    else if (await page.isVisible(byTestId('event-dialog')))
      await page
        .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
        .first()
        .click();
    else if (await page.isEnabled(byTestId('end-turn'))) await page.click(byTestId('end-turn'));
    else await page.waitForTimeout(50);
  }
}

async function openMenu(page: Page) {
  if (await page.isVisible(byTestId('turn-report-close'))) await page.click(byTestId('turn-report-close'));
  while (await page.isVisible(byTestId('event-dialog'))) await page.keyboard.press('Escape');
  await page.click(byTestId('menu'));
}

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `saves-${name}.png`), await page.screenshot());

describe('saves in the browser', () => {
  it('exports a save to a file and imports it back with the file picker and by drag and drop', async () => {
    const { page, errors } = await openPage(site.browser);
    await playTwoTurns(page, '314');
    const played = await snapshot(page);
    await openMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-save'))]);
    const file = join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('independence-1991-seed-314-turn-2-save.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect([saved.format, saved.version, saved.seed, saved.turn]).toEqual(['caspian-balance/replay', 2, '314', 2]);

    // A fresh browser (no storage) imports it from the title screen with the picker.
    const fresh = await openPage(site.browser);
    await fresh.page.goto(site.url);
    await fresh.page.click(byTestId('load-game'));
    await fresh.page.setInputFiles(byTestId('import-save-input'), file);
    await fresh.page.waitForSelector(byTestId('turn-label'));
    expect(await snapshot(fresh.page)).toEqual({ ...played, screen: 'game' });

    // And by dropping the file on the title screen.
    const third = await openPage(site.browser);
    await third.page.goto(site.url);
    await third.page.waitForSelector('.title-screen');
    const text = readFileSync(file, 'utf8');
    const transfer = await third.page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'dropped-save.json', { type: 'application/json' }));
      return dt;
    }, text);
    await third.page.dispatchEvent('.title-screen', 'dragenter', { dataTransfer: transfer });
    await third.page.dispatchEvent('.title-screen', 'drop', { dataTransfer: transfer });
    await third.page.waitForSelector(byTestId('turn-label'));
    expect((await snapshot(third.page)).hash).toBe(played.hash);
    expect([...errors, ...fresh.errors, ...third.errors]).toEqual([]);
  });

  it('refuses a damaged or foreign file with a clear message and leaves the game and the saves as they were', async () => {
    const { page, errors } = await openPage(site.browser);
    await playTwoTurns(page, '2718');
    const before = await snapshot(page);
    await openMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-save'))]);
    const good = readFileSync(await download.path(), 'utf8');
    await page.click(byTestId('menu-close'));
    const damaged = join(OUT, 'damaged-save.json');
    const tampered = join(OUT, 'tampered-save.json');
    const foreign = join(OUT, 'foreign.json');
    writeFileSync(damaged, good.slice(0, Math.floor(good.length / 2)));
    writeFileSync(tampered, good.replace('"seed":"2718"', '"seed":"2719"'));
    writeFileSync(foreign, '{"name":"my-project","version":"1.0.0"}');
    // A byte that is not UTF-8 in the seed: refused as such, not read as U+FFFD.
    const badBytes = join(OUT, 'bad-bytes-save.json');
    const bytes = Buffer.from(good);
    bytes[bytes.indexOf('"seed":"2718"') + 9] = 0xff;
    writeFileSync(badBytes, bytes);
    const expected = [
      [damaged, '“damaged-save.json” was not opened: the file is cut short or damaged: it is not valid JSON (line 1, column'],
      [tampered, '“tampered-save.json” was not opened: the file was damaged or edited after it was saved (checksum)'],
      [foreign, '“foreign.json” was not opened: format: this is not a Caspian Balance save'],
      [badBytes, '“bad-bytes-save.json” was not opened: the file is not valid UTF-8: byte 0xFF at line 1, column'],
    ] as const;
    for (const [path, message] of expected) {
      await openMenu(page);
      await page.click(byTestId('load-game'));
      await page.setInputFiles(byTestId('import-save-input'), path);
      await expect.poll(() => page.textContent(byTestId('saves-message'))).toContain(message);
      expect(await page.textContent(byTestId('saves-message'))).toContain('Your current game and your saves are unchanged.');
      if (path === damaged) await shot(page, 'damaged-import');
      await page.click(byTestId('saves-dialog-close'));
    }
    expect(await snapshot(page)).toEqual(before);
    // The autosave is still the game as played: Continue after a reload reaches the same state.
    await page.goto(site.url);
    await page.click(byTestId('continue'));
    await page.waitForSelector(byTestId('turn-label'));
    expect((await snapshot(page)).hash).toBe(before.hash);
    expect(errors).toEqual([]);
  });

  it('keeps the turn just ended when the page is reloaded at once (the autosave waits for an idle moment)', async () => {
    const { page, errors } = await openPage(site.browser);
    await playTwoTurns(page, '4242');
    if (await page.isVisible(byTestId('turn-report-close'))) await page.click(byTestId('turn-report-close'));
    while (await page.isVisible(byTestId('event-dialog')))
      await page
        .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
        .first()
        .click();
    // End the turn and leave the page (for the title screen) in the same task: no idle
    // moment comes between them, so the save is written as the page is left (pagehide).
    const ended = await page.evaluate((title) => {
      const h = (window as unknown as { __caspian: Hooks }).__caspian;
      document.querySelector<HTMLButtonElement>('[data-testid="end-turn"]')?.click();
      const { game } = h.store.getState();
      const out = { turn: game?.turn ?? -1, hash: game ? h.stateHash(game) : '' };
      location.assign(title);
      return out;
    }, site.url);
    expect(ended.turn).toBe(3);
    await page.waitForSelector(byTestId('continue'));
    expect(await page.textContent(byTestId('continue'))).toContain('turn 4 of 13 · seed 4242');
    await page.click(byTestId('continue'));
    await page.waitForSelector(byTestId('turn-label'));
    expect((await snapshot(page)).hash).toBe(ended.hash);
    expect(errors).toEqual([]);
  });

  it('keeps one autosave per game, saves to a slot and loads it', async () => {
    const { page, errors } = await openPage(site.browser);
    await playTwoTurns(page, '11');
    const first = await snapshot(page);
    await openMenu(page);
    await page.click(byTestId('save-game'));
    await page.click(byTestId('save-slot-2'));
    await expect.poll(() => page.textContent(byTestId('saves-message'))).toBe('Saved to slot 2.');
    await shot(page, 'slots');
    // A new game does not overwrite the first game's autosave.
    await playTwoTurns(page, '12');
    await page.goto(site.url);
    await shot(page, 'title');
    expect(await page.textContent(byTestId('continue'))).toContain('seed 12');
    await page.click(byTestId('load-game'));
    const rows = await page.locator(`${byTestId('save-list')} > li`).allTextContents();
    expect(rows.filter((r) => r.startsWith('Autosave')).map((r) => r.match(/seed (\d+)/)?.[1])).toEqual(['12', '11']);
    expect(rows.some((r) => r.startsWith('Slot 2: Independence · turn 3 of 13 · seed 11'))).toBe(true);
    await shot(page, 'load-dialog');
    await page
      .locator(`${byTestId('save-list')} > li`, { hasText: 'Slot 2' })
      .locator(byTestId('open-save'))
      .click();
    await page.waitForSelector(byTestId('turn-label'));
    expect((await snapshot(page)).hash).toBe(first.hash);
    expect(errors).toEqual([]);
  });

  it('plays on when storage is refused or full, says so, and offers the export', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.context().addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The user denied storage', 'SecurityError');
        },
      });
    });
    await playTwoTurns(page, '5');
    expect(await page.textContent(byTestId('save-status'))).toContain('Saving is off');
    await shot(page, 'storage-off');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-save-banner'))]);
    expect(download.suggestedFilename()).toBe('independence-1991-seed-5-turn-2-save.json');

    const full = await openPage(site.browser);
    await full.page.goto(`${site.url}?play=independence-1991&seed=6`);
    await skipGuideToFirstEvent(full.page);
    await full.page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await full.page.keyboard.press('1');
    await expect
      .poll(() => full.page.textContent(byTestId('save-status')))
      .toContain('Your game could not be saved: the browser’s storage for this site is full');
    const turnBefore = (await snapshot(full.page)).commands;
    await full.page.keyboard.press('1');
    expect((await snapshot(full.page)).commands).toBe(turnBefore + 1);
    expect([...errors, ...full.errors]).toEqual([]);
  });
});
