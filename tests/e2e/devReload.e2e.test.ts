/**
 * The development reload, through Vite's own dev server and its HMR socket: when a
 * scenario file under scenarios/ is saved, the running game gets it, checked, and
 * replays the game in play under it without a page reload. The test signals a save of
 * the shipped file through the server's file watcher (it does not edit the file: other
 * tests read it), so the rules are the same and every move replays; what a changed file
 * does to the moves is in tests/unit/customScenario.test.ts.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { byTestId, launchBrowser, openPage, skipGuideToFirstEvent } from './browser.ts';

let server: ViteDevServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({ root: ROOT, logLevel: 'warn', server: { port: 0, strictPort: false, open: false } });
  await server.listen();
  const address = server.httpServer?.address();
  url = `http://localhost:${typeof address === 'object' && address ? address.port : 5173}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Hooks {
  store: { getState(): { commands: unknown[]; notice: { text: string } | null; game: { turn: number } | null } };
  stateHash(state: unknown): string;
}

describe('dev reload of a scenario file', () => {
  it('replays the game in play when its scenario file is saved, without reloading the page', async () => {
    const { page, errors } = await openPage(browser);
    // The dev server compiles module by module on first load: slow on a loaded machine.
    await page.goto(`${url}?play=balanced-1994&seed=4`, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForSelector(byTestId('end-turn'), { timeout: 180_000 });
    await skipGuideToFirstEvent(page);
    await page
      .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
      .first()
      .click();
    const read = () =>
      page.evaluate(() => {
        const c = (window as unknown as { __caspian: Hooks }).__caspian;
        const s = c.store.getState();
        return { moves: s.commands.length, notice: s.notice?.text ?? '', hash: s.game ? c.stateHash(s.game) : '' };
      });
    const before = await read();
    expect(before.moves).toBe(1);
    // A marker on the page: a full reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
    });

    server.watcher.emit('change', join(ROOT, 'scenarios/balanced-1994.json'));
    await expect
      .poll(async () => (await read()).notice, { timeout: 30_000 })
      .toBe('scenarios/balanced-1994.json reloaded: your 1 moves replayed under the new rules');
    const after = await read();
    expect(after.moves).toBe(1);
    expect(after.hash).toBe(before.hash);
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);

    // A file of another scenario leaves this game alone.
    server.watcher.emit('change', join(ROOT, 'scenarios/independence-1991.json'));
    await page.waitForTimeout(1500);
    expect((await read()).notice).toBe('scenarios/balanced-1994.json reloaded: your 1 moves replayed under the new rules');
    expect(errors).toEqual([]);
  }, 300_000);
});
