/**
 * The map inside the built game (headless Chromium): one colour per power in the panels
 * and on the map (sampled pixels), route tooltips in words and units, a power's answer in
 * force marked on the map, and the map usable at 1024×640, 1366×768 and 1920×1080.
 * Screenshots go to test-results/game-map-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, OUT, openPage, skipGuideToFirstEvent, useBuiltGame } from '../e2e/browser.ts';

const site = useBuiltGame();

type XY = { x: number; y: number };
const POWERS = ['russia', 'turkey', 'iran', 'west'] as const;

async function openGame(page: Page, query = 'play=independence-1991&seed=4'): Promise<void> {
  await page.goto(`${site.url}?${query}`);
  await skipGuideToFirstEvent(page);
  await page.waitForFunction(() => (window as unknown as { __mapScene?: () => unknown }).__mapScene?.() != null, null, { timeout: 30_000 });
  // Fold the event away to look at the map, and let the first frames settle.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(400);
}

/**
 * The colour of one screen pixel, from a screenshot. The PNG is decoded in a blank page of
 * its own: the game's Content Security Policy refuses `data:` images.
 */
async function pixel(page: Page, p: XY): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(p.x) - 1, y: Math.round(p.y) - 1, width: 3, height: 3 } });
  const blank = await page.context().newPage();
  try {
    return await decodeCentre(blank, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

function decodeCentre(blank: Page, png: string): Promise<[number, number, number]> {
  return blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx?.drawImage(img, 0, 0);
    const d = ctx?.getImageData(1, 1, 1, 1).data;
    return [d?.[0] ?? -1, d?.[1] ?? -1, d?.[2] ?? -1] as [number, number, number];
  }, png);
}

describe('the map in the game', () => {
  it('shows each power in the same colour as the panels do', async () => {
    const { page, errors } = await openPage(site.browser);
    await openGame(page);
    for (const id of POWERS) {
      // The panel: the power's name carries a bar of its colour on its left edge.
      const bar = await page.locator(`${byTestId(`relation-${id}`)} .power-name`).boundingBox();
      expect(bar).not.toBeNull();
      const panel = await pixel(page, { x: (bar?.x ?? 0) + 2, y: (bar?.y ?? 0) + (bar?.height ?? 0) / 2 });
      // The map: the badge's disc, above the signed number written on it.
      const at = (await page.evaluate(`window.__mapScene().badgeScreenPoint(${JSON.stringify(id)})`)) as XY;
      const r = (await page.evaluate('window.__mapScene().debugState().badgeRadius')) as number;
      const map = await pixel(page, { x: at.x, y: at.y - r * 0.65 });
      for (let c = 0; c < 3; c++) expect(Math.abs((map[c] ?? 0) - (panel[c] ?? 0)), `${id}: map ${map} vs panel ${panel}`).toBeLessThanOrEqual(2);
    }
    // And every power's colour is its own.
    const css = await page.evaluate(() =>
      ['russia', 'turkey', 'iran', 'west'].map((p) => getComputedStyle(document.documentElement).getPropertyValue(`--${p}`).trim()),
    );
    expect(new Set(css).size).toBe(4);
    expect(errors).toEqual([]);
  });

  it('describes a route in words and units, and a power in the panels’ words', async () => {
    const { page, errors } = await openPage(site.browser);
    await openGame(page);
    const pt = (await page.evaluate(`window.__mapScene().routeScreenPoint('baku-novorossiysk', 0.45)`)) as XY;
    await page.mouse.move(pt.x - 20, pt.y - 20);
    await page.mouse.move(pt.x, pt.y, { steps: 4 });
    const tip = page.locator('#tooltip');
    await expect.poll(() => tip.textContent()).toContain('Oil pipeline');
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('Transit: Russia');
    expect(text).toMatch(/Capacity: \d+ export units a quarter/);
    expect(text).toMatch(/Revenue: \$\d+ million last quarter/);
    await page.screenshot({ path: join(OUT, 'game-map-route-tip.png') });
    const badge = (await page.evaluate(`window.__mapScene().badgeScreenPoint('russia')`)) as XY;
    await page.mouse.move(badge.x, badge.y, { steps: 3 });
    await expect.poll(() => tip.textContent()).toContain('Relation');
    const word = await page.locator(`${byTestId('relation-russia')} .rel-word`).textContent();
    expect(await tip.textContent()).toContain(`(${word})`);
    expect(errors).toEqual([]);
  });

  it('marks a power’s answer in force on its badge and on the route it closes', async () => {
    const { page, errors } = await openPage(site.browser);
    await openGame(page);
    // Give Russia an embargo in force for three quarters, as the engine records one.
    await page.evaluate(() => {
      const store = (window as unknown as { __caspian: { store: { getState(): Record<string, unknown>; setState(p: object): void } } }).__caspian.store;
      const { scenario, game } = store.getState() as {
        scenario: Record<string, unknown>;
        game: Record<string, unknown> & { turn: number; routes: Record<string, object> };
      };
      const sc = structuredClone(scenario) as { powers: { russia: { responses: object[] } } };
      sc.powers.russia.responses.push({
        id: 'oil-embargo',
        kind: 'stick',
        label: 'Oil embargo',
        text: 'Moscow shuts the northern pipeline.',
        weight: 1,
        cooldown: 4,
        duration: 2,
        effects: [{ op: 'route', route: 'baku-novorossiysk', status: 'disrupted' }],
        endEffects: [],
      });
      const routes = { ...game.routes, 'baku-novorossiysk': { ...game.routes['baku-novorossiysk'], status: 'disrupted' } };
      store.setState({ scenario: sc, game: { ...game, routes, active: [{ power: 'russia', response: 'oil-embargo', until: game.turn + 2 }] } });
    });
    // A new state opens the waiting event again: fold it away to look at the map.
    await page.keyboard.press('Escape');
    await page.waitForTimeout(600);
    const badge = (await page.evaluate(`window.__mapScene().badgeScreenPoint('russia')`)) as XY;
    await page.mouse.move(badge.x, badge.y, { steps: 3 });
    const tip = page.locator('#tooltip');
    await expect.poll(() => tip.textContent()).toContain('Pressure: Oil embargo (in force until');
    const pt = (await page.evaluate(`window.__mapScene().routeScreenPoint('baku-novorossiysk', 0.3)`)) as XY;
    await page.mouse.move(pt.x, pt.y, { steps: 3 });
    await expect.poll(() => tip.textContent()).toContain('Russia: Oil embargo (in force until');
    expect(await tip.textContent()).toContain('disrupted');
    await page.mouse.move(5, 400);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, 'game-map-pressure.png') });
    expect(errors).toEqual([]);
  });

  for (const [w, h] of [
    [1024, 640],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    it(`keeps the badges, Baku and the routes in view at ${w}×${h}`, async () => {
      const { page, errors } = await openPage(site.browser, w, h);
      await openGame(page);
      const canvas = await page.locator(`${byTestId('map')} canvas`).boundingBox();
      expect(canvas).not.toBeNull();
      const inside = (p: XY | null) =>
        p !== null && canvas !== null && p.x > canvas.x + 8 && p.x < canvas.x + canvas.width - 8 && p.y > canvas.y + 8 && p.y < canvas.y + canvas.height - 8;
      for (const id of POWERS) expect(inside((await page.evaluate(`window.__mapScene().badgeScreenPoint('${id}')`)) as XY), id).toBe(true);
      for (const end of [0, 1]) expect(inside((await page.evaluate(`window.__mapScene().routeScreenPoint('baku-novorossiysk', ${end})`)) as XY)).toBe(true);
      // The key folds to its header where the map is small, and opens where it is not.
      const folded = (await page.evaluate(`window.__mapScene().debugState().legendCollapsed`)) as boolean;
      expect(folded).toBe((canvas?.width ?? 0) < 900 || (canvas?.height ?? 0) < 560);
      await page.screenshot({ path: join(OUT, `game-map-${w}x${h}.png`) });
      expect(errors).toEqual([]);
    });
  }

  // Where the map is too narrow or tall for the whole essential area (three columns in a
  // 1024 px window): Azerbaijan and Baku stay, and the badges move in to show whole (the
  // West's was off the map at 1024×768; Turkey's and Iran's too at 1024×1366).
  for (const [w, h] of [
    [1024, 768],
    [1024, 1366],
  ] as const) {
    it(`keeps Baku and every badge whole in view at ${w}×${h}`, async () => {
      const { page, errors } = await openPage(site.browser, w, h);
      await openGame(page);
      const canvas = await page.locator(`${byTestId('map')} canvas`).boundingBox();
      const r = (await page.evaluate(`window.__mapScene().debugState().badgeRadius`)) as number;
      const inside = (p: XY | null, m: number) =>
        p !== null && canvas !== null && p.x > canvas.x + m && p.x < canvas.x + canvas.width - m && p.y > canvas.y + m && p.y < canvas.y + canvas.height - m;
      expect(r).toBeGreaterThan(10);
      for (const id of POWERS) expect(inside((await page.evaluate(`window.__mapScene().badgeScreenPoint('${id}')`)) as XY, r), id).toBe(true);
      // The pipeline's Baku end (its path starts there).
      expect(inside((await page.evaluate(`window.__mapScene().routeScreenPoint('baku-novorossiysk', 0)`)) as XY, 8)).toBe(true);
      await page.screenshot({ path: join(OUT, `game-map-${w}x${h}.png`) });
      expect(errors).toEqual([]);
    });
  }
});
