/**
 * The map's first frame, before Phaser (src/ui/map/poster.ts), in the built game: the
 * whole map is on screen while Phaser's chunk is still held back by the test, the turn can
 * be played, and when Phaser arrives it shows the same picture, removes the poster and
 * answers the pointer. Screenshots go to test-results/map-poster-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/defaultScenario.ts';
import { FONT, MAP_FONTS } from '../../src/ui/map/pen.ts';
import { byTestId, OUT, openPage, skipGuideToFirstEvent, useBuiltGame, waitForMap } from '../e2e/browser.ts';

const site = useBuiltGame();

type XY = { x: number; y: number };
const POSTER = byTestId('map-poster');
/** Phaser's canvas: the map's canvas that is not the poster. */
const PHASER = `${byTestId('map')} canvas:not(${POSTER})`;

/** Opens a new game with Phaser's chunk held back until the returned function is called. */
async function openWithPhaserHeld(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route(/\/assets\/phaser-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.url}?play=independence-1991&seed=4`);
  await page.waitForSelector(POSTER, { state: 'visible', timeout: 30_000 });
  return release;
}

/** Each canvas matching `selector`: its size and its pixels, kept in the page under `name`. */
function keepPixels(page: Page, selector: string, name: string) {
  return page.evaluate(
    ([sel, key]) => {
      const c = document.querySelector<HTMLCanvasElement>(sel as string);
      if (!c) return null;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      (window as unknown as Record<string, unknown>)[key as string] = data;
      // Distinct colours in a sample of pixels: a blank or single-colour canvas has a handful.
      const colours = new Set<number>();
      for (let i = 0; data && i < data.length; i += 4 * 97) colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
      const host = document.querySelector(`[data-testid="map"]`)?.getBoundingClientRect();
      return { width: c.width, height: c.height, hostWidth: Math.floor(host?.width ?? 0), hostHeight: Math.floor(host?.height ?? 0), colours: colours.size };
    },
    [selector, name],
  );
}

/**
 * How two kept pixel arrays differ: the largest difference of a colour channel, and how
 * many channels differ by more than rounding (2 of 255).
 */
function differing(page: Page, a: string, b: string) {
  return page.evaluate(
    ([ka, kb]) => {
      const w = window as unknown as Record<string, Uint8ClampedArray | undefined>;
      const x = w[ka as string];
      const y = w[kb as string];
      if (!x || !y || x.length !== y.length) return { lengthsDiffer: true, largest: -1, beyondRounding: -1, channels: 0 };
      let largest = 0;
      let beyondRounding = 0;
      for (let i = 0; i < x.length; i++) {
        const d = Math.abs((x[i] ?? 0) - (y[i] ?? 0));
        if (d > largest) largest = d;
        if (d > 2) beyondRounding++;
      }
      return { lengthsDiffer: false, largest, beyondRounding, channels: x.length };
    },
    [a, b] as const,
  );
}

/**
 * Phaser's first frame shows the poster's picture. The poster paints the map straight onto
 * its canvas and Phaser copies two textures painted apart (poster.ts), so the blending of
 * the overlay over the geography rounds differently and a gradient's dither moves with the
 * textures' place: up to ~13 of 255 in a few hundred channels at 2560×1440, measured. A
 * moved, missing or stale layer differs in tens of thousands of channels by far more.
 */
async function expectSamePicture(page: Page, a: string, b: string) {
  const d = await differing(page, a, b);
  expect(d.lengthsDiffer).toBe(false);
  expect(d.largest).toBeLessThanOrEqual(16);
  expect(d.beyondRounding).toBeLessThanOrEqual(d.channels / 10_000);
}

describe('the map before Phaser (the poster)', () => {
  it('shows the whole map before Phaser has loaded; Phaser then shows the same picture, removes it and answers the pointer', async () => {
    const { page, errors } = await openPage(site.browser);
    const release = await openWithPhaserHeld(page);
    // Only the poster: Phaser has not started, and the turn can already be played.
    expect(await page.locator(`${byTestId('map')} canvas`).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __mapScene?: unknown }).__mapScene)).toBeUndefined();
    await expect.poll(() => page.isVisible(byTestId('guide-next'))).toBe(true);
    const poster = await keepPixels(page, POSTER, '__posterPixels');
    expect(poster).not.toBeNull();
    // It fills the map's element (Phaser's RESIZE canvas: the element's size in whole pixels).
    expect(poster?.width).toBe(poster?.hostWidth);
    expect(poster?.height).toBe(poster?.hostHeight);
    expect(poster?.colours).toBeGreaterThan(40);
    await page.screenshot({ path: join(OUT, 'map-poster-before-phaser.png') });

    release();
    await waitForMap(page);
    // Phaser's first frame is on screen: the poster is gone and Phaser's canvas has its pixels.
    expect(await page.locator(POSTER).count()).toBe(0);
    expect(await page.locator(`${byTestId('map')} canvas`).count()).toBe(1);
    const phaser = await keepPixels(page, PHASER, '__phaserPixels');
    expect(phaser?.width).toBe(poster?.width);
    expect(phaser?.height).toBe(poster?.height);
    await expectSamePicture(page, '__posterPixels', '__phaserPixels');
    await page.screenshot({ path: join(OUT, 'map-poster-after-handover.png') });

    // Hover and click come with Phaser: a route's tooltip, a country's panel.
    await skipGuideToFirstEvent(page);
    await page.keyboard.press('Escape'); // the event folded away, as a player would to look at the map
    const pt = (await page.evaluate(`window.__mapScene().routeScreenPoint('baku-novorossiysk', 0.45)`)) as XY;
    await page.mouse.move(pt.x - 20, pt.y - 20);
    await page.mouse.move(pt.x, pt.y, { steps: 4 });
    await expect.poll(() => page.locator('#tooltip').textContent()).toContain('Oil pipeline');
    expect(errors).toEqual([]);
  });

  it('gets the default scenario from the page’s preload, and paints the panels and the poster in one task', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=${DEFAULT_SCENARIO}&seed=2`);
    await page.waitForFunction(() => performance.getEntriesByName('caspian:poster-painted').length > 0, null, { timeout: 30_000 });
    const fetched = await page.evaluate((id) => {
      const all = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const entry = all.find((e) => /\/assets\/index-[^/]*\.js$/.test(new URL(e.name).pathname));
      const scenario = all.filter((e) => new URL(e.name).pathname.includes(`/assets/${id}-`));
      return { count: scenario.length, beforeEntryDone: (scenario[0]?.startTime ?? 1e9) <= (entry?.responseEnd ?? 0) };
    }, DEFAULT_SCENARIO);
    // One request (index.html's <link rel="modulepreload">), started before the entry had even
    // arrived: without the preload the entry asks for it once it runs.
    expect(fetched).toEqual({ count: 1, beforeEntryDone: true });
    // The game screen mounts once the poster's code has run (src/main.ts start): the poster is
    // painted inside it, before the panels' mark, not in a later task after a frame of panels alone.
    const order = await page.evaluate(() => {
      const at = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN;
      return { started: at('caspian:game-started'), poster: at('caspian:poster-painted'), panels: at('caspian:panels-shown') };
    });
    expect(order.poster).toBeGreaterThan(order.started);
    expect(order.poster).toBeLessThanOrEqual(order.panels);
    expect(errors).toEqual([]);
  });

  it('sets the map’s first frame in exactly its four fonts, MAP_FONTS', async () => {
    const { page, errors } = await openPage(site.browser);
    // Every font text is drawn in on any 2D canvas until the poster is painted.
    await page.addInitScript(() => {
      const drawn = new Set<string>();
      (window as unknown as { __fonts: Set<string> }).__fonts = drawn;
      const proto = CanvasRenderingContext2D.prototype;
      for (const name of ['fillText', 'strokeText'] as const) {
        const draw = proto[name];
        proto[name] = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof draw>) {
          if (!performance.getEntriesByName('caspian:poster-painted').length) drawn.add(this.font);
          return draw.apply(this, args);
        };
      }
    });
    await page.goto(`${site.url}?play=${DEFAULT_SCENARIO}&seed=2`);
    await page.waitForFunction(() => performance.getEntriesByName('caspian:poster-painted').length > 0, null, { timeout: 30_000 });
    const fonts = await page.evaluate((warmed) => {
      // As the canvas writes them back (it leaves out "normal").
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      const written = warmed.map((f) => {
        ctx.font = f;
        return ctx.font;
      });
      return { warmed: written.sort(), drawn: [...(window as unknown as { __fonts: Set<string> }).__fonts].sort() };
    }, MAP_FONTS);
    // A font drawn but not resolved while the page loaded (index.html's hidden line, checked
    // against MAP_FONTS below) costs the first paint a synchronous call to the browser; one
    // resolved but never drawn costs the page one for nothing.
    expect(fonts.drawn).toEqual(fonts.warmed);
    expect(fonts.drawn).toHaveLength(4);
    expect(errors).toEqual([]);
  });

  it('sets the first screen’s text in the type scale’s six fonts: three sizes, normal or bold', async () => {
    const { page, errors } = await openPage(site.browser, 1366, 768);
    await page.goto(`${site.url}?play=${DEFAULT_SCENARIO}&seed=2`);
    await page.waitForFunction(() => performance.getEntriesByName('caspian:map-first-frame').length > 0, null, { timeout: 30_000 });
    // Each size and weight on screen is a font the browser resolves while it lays the first
    // screen out, a synchronous call each (base.css --text-xs/sm/md): 11 before the scale.
    const fonts = await page.evaluate(() => {
      const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
      const seen = new Set<string>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
        const s = getComputedStyle(el);
        seen.add(`${(Number.parseFloat(s.fontSize) / root).toFixed(2)}rem ${s.fontWeight} ${s.fontStyle}`);
      }
      return [...seen].sort();
    });
    expect(fonts).toEqual(['0.75rem 400 normal', '0.75rem 700 normal', '0.85rem 400 normal', '0.85rem 700 normal', '1.00rem 400 normal', '1.00rem 700 normal']);
    expect(errors).toEqual([]);
  });

  it('resolves the first screen’s ten fonts while the page waits for its code (index.html’s hidden line)', async () => {
    const { page } = await openPage(site.browser, 1366, 768);
    // The page as it stands before its code runs: the entry never arrives.
    await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${site.url}?play=${DEFAULT_SCENARIO}&seed=2`);
    const fonts = await page.evaluate(() => {
      const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
      const seen = new Set<string>();
      // The loading line and the hidden one.
      const walker = document.createTreeWalker(document.getElementById('app') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim()) continue;
        const s = getComputedStyle(n.parentElement as Element);
        const size = s.fontFamily.startsWith('system-ui') ? `${(Number.parseFloat(s.fontSize) / root).toFixed(2)}rem` : s.fontSize;
        seen.add(`${size} ${s.fontWeight} ${s.fontStyle} ${s.fontFamily.startsWith('system-ui') ? 'panels' : s.fontFamily}`);
      }
      return [...seen].sort();
    });
    // The panels' six (the test above) and the map's four, in the map's own family list.
    const map = FONT.replaceAll("'", '"');
    expect(fonts).toEqual(
      [
        ...['0.75rem', '0.85rem', '1.00rem'].flatMap((size) => ['400', '700'].map((w) => `${size} ${w} normal panels`)),
        ...['400', '700'].flatMap((w) => ['normal', 'italic'].map((style) => `13px ${w} ${style} ${map}`)),
      ].sort(),
    );
    // The map's four are the fonts it draws in (the test of its first frame above).
    expect(MAP_FONTS.map((f) => f.replace(/^(italic )?(normal|bold) 13px /, ''))).toEqual(Array(4).fill(FONT));
  });

  it('follows the map element’s size until Phaser takes over, in a small window too', async () => {
    const { page, errors } = await openPage(site.browser, 1366, 768);
    const release = await openWithPhaserHeld(page);
    const large = await keepPixels(page, POSTER, '__large');
    await page.setViewportSize({ width: 1024, height: 640 });
    await expect.poll(async () => (await keepPixels(page, POSTER, '__small'))?.width).toBeLessThan(large?.width ?? 0);
    const small = await keepPixels(page, POSTER, '__small');
    expect(small?.width).toBe(small?.hostWidth);
    expect(small?.height).toBe(small?.hostHeight);
    expect(small?.colours).toBeGreaterThan(40);
    await page.screenshot({ path: join(OUT, 'map-poster-resized.png') });

    release();
    await waitForMap(page);
    expect(await page.locator(POSTER).count()).toBe(0);
    const phaser = await keepPixels(page, PHASER, '__phaserSmall');
    expect(phaser?.width).toBe(small?.width);
    await expectSamePicture(page, '__small', '__phaserSmall');
    expect(errors).toEqual([]);
  });
});
