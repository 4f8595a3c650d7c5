import { describe, expect, it } from 'vitest';
import { newGame, scenarioHash, stateHash } from '../../src/core/index.ts';
import { DEFAULT_SCENARIO } from '../../src/defaultScenario.ts';
import { shippedScenario } from '../helpers.ts';
import { byTestId, openPage, skipGuideToFirstEvent, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

const SCENARIO_CHUNK = /\/assets\/(independence-1991|balanced-1994|after-georgia-2008|bridge-2004-2008|campaign-1991-2012)-[\w-]+\.js$/;

interface Hooks {
  store: { getState(): { game: { scenarioHash: string; seed: string } | null } };
  stateHash(s: unknown): string;
}

describe('scenario loading', () => {
  it('fetches only the default scenario on the title screen, and only the chapters and the bridge for the campaign', async () => {
    const { page, errors } = await openPage(site.browser);
    const fetched: string[] = [];
    page.on('request', (r) => {
      const m = SCENARIO_CHUNK.exec(r.url());
      if (m?.[1]) fetched.push(m[1]);
    });
    await page.goto(site.url);
    await page.click(byTestId('new-game'));
    await page.waitForSelector(byTestId('scenario-option-campaign-1991-2012'));
    // The default chapter is preloaded with the entry (index.html; vite.config.ts preloadMapChunks).
    expect(fetched).toEqual([DEFAULT_SCENARIO]);

    await page.click(byTestId('scenario-option-campaign-1991-2012'));
    await page.fill(byTestId('seed-input'), '3');
    await page.click(byTestId('start-game'));
    await skipGuideToFirstEvent(page);
    expect([...fetched].sort()).toEqual(['after-georgia-2008', 'balanced-1994', 'bridge-2004-2008', 'campaign-1991-2012', 'independence-1991']);

    const campaign = shippedScenario('campaign-1991-2012');
    const inBrowser = await page.evaluate(() => {
      const hooks = (window as unknown as { __caspian: Hooks }).__caspian;
      const game = hooks.store.getState().game;
      return game ? { scenarioHash: game.scenarioHash, stateHash: hooks.stateHash(game) } : null;
    });
    expect(inBrowser?.scenarioHash).toBe(scenarioHash(campaign));
    expect(inBrowser?.stateHash).toBe(stateHash(newGame(campaign, '3')));
    expect(errors).toEqual([]);
  });
});
