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
  it('fetches no scenario on the title screen, and only the chapters and the bridge for the campaign', async () => {
    const { page, errors } = await openPage(site.browser);
    const fetched: string[] = [];
    page.on('request', (r) => {
      const m = SCENARIO_CHUNK.exec(r.url());
      if (m?.[1]) fetched.push(m[1]);
    });
    await page.goto(site.url);
    await page.click(byTestId('new-game'));
    await page.waitForSelector(byTestId('scenario-option-campaign-1991-2012'));
    // Nothing before the player chooses: the head's preloader acts on ?play links only.
    expect(fetched).toEqual([]);

    await page.click(byTestId('scenario-option-campaign-1991-2012'));
    await page.fill(byTestId('seed-input'), '3');
    await page.click(byTestId('start-game'));
    await skipGuideToFirstEvent(page);
    expect([...fetched].sort()).toEqual(['after-georgia-2008', 'balanced-1994', 'bridge-2004-2008', 'campaign-1991-2012', 'independence-1991']);

    // What the browser received: the campaign less its designers' notes, which the game
    // never shows (vite.config.ts withoutNotes); the rules, and so every hash, are the file's.
    const campaign = shippedScenario('campaign-1991-2012');
    type Parts = { actions: { note?: string }[]; events: { note?: string }[] };
    const notes = (sc: Parts) => [...sc.actions, ...sc.events].filter((x) => x.note !== undefined).length;
    expect(notes(campaign)).toBeGreaterThan(50);
    const received = await page.evaluate(() => {
      const sc = (window as unknown as { __caspian: { store: { getState(): { scenario: Parts } } } }).__caspian.store.getState().scenario;
      return { events: sc.events.length, notes: [...sc.actions, ...sc.events].filter((x) => x.note !== undefined).length };
    });
    expect(received).toEqual({ events: campaign.events.length, notes: 0 });
    const inBrowser = await page.evaluate(() => {
      const hooks = (window as unknown as { __caspian: Hooks }).__caspian;
      const game = hooks.store.getState().game;
      return game ? { scenarioHash: game.scenarioHash, stateHash: hooks.stateHash(game) } : null;
    });
    expect(inBrowser?.scenarioHash).toBe(scenarioHash(campaign));
    expect(inBrowser?.stateHash).toBe(stateHash(newGame(campaign, '3')));
    expect(errors).toEqual([]);
  });

  it('fetches a ?play link’s scenario with the entry, once, and that one alone, with its fingerprint', async () => {
    for (const [query, id] of [
      ['?play=balanced-1994&seed=2', 'balanced-1994'],
      ['?play=&seed=2', DEFAULT_SCENARIO],
    ] as const) {
      const { page, errors } = await openPage(site.browser);
      await page.goto(`${site.url}${query}`);
      await page.waitForSelector(byTestId('end-turn'));
      const requests = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
          path: new URL(e.name).pathname,
          start: e.startTime,
          end: e.responseEnd,
        })),
      );
      const entry = requests.find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.path));
      const scenarios = requests.filter((r) => SCENARIO_CHUNK.test(r.path));
      expect(
        scenarios.map((r) => SCENARIO_CHUNK.exec(r.path)?.[1]),
        query,
      ).toEqual([id]);
      // Asked for by the head's preloader, before the entry had even arrived.
      expect(scenarios[0]?.start ?? 1e9, query).toBeLessThanOrEqual(entry?.end ?? 0);
      // The chunk carries the build's fingerprint of the rules, which the game takes
      // instead of hashing them: it must be the one Node computes (saves replay there).
      const inBrowser = await page.evaluate(() => (window as unknown as { __caspian: Hooks }).__caspian.store.getState().game?.scenarioHash);
      expect(inBrowser, query).toBe(scenarioHash(shippedScenario(id)));
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
