/**
 * Cold loads for `npm run bench:browser`: navigation → the game's first playable turn, and
 * → the bare pages' first frame, with the steps on the way (performance marks the pages
 * set). The game's first playable turn is the first moment the turn can be played: an
 * event's choice (or the first-turn guide's button) clickable and the map's first frame on
 * screen (the poster, painted before Phaser: src/ui/map/poster.ts). When Phaser has taken
 * the map over (hover and clicks on the map) is measured too, as its own figure.
 */
import type { Browser, Page } from 'playwright-core';

/** tsx compiles page.evaluate's functions with esbuild's name-keeping helper: define it in the page. */
export const NAME_HELPER = 'window.__name = (f) => f;';

/**
 * Marks the first moment the turn can be played (in the page, no polling delay): an event
 * choice can be clicked, or the first-turn guide's button (a new game shows the guide
 * before its first event).
 */
export const MARK_FIRST_CHOICE = `(() => {
  const seen = () => {
    const b = document.querySelector('[data-testid^="event-choice-"]:not([disabled]), [data-testid="guide-next"]');
    if (b && b.getClientRects().length > 0) { performance.mark('caspian:first-choice'); return true; }
    return false;
  };
  new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** The steps on the way (marks set by the pages; an older baseline lacks some). */
export const STEPS = {
  game: [
    'caspian:scenario-ready',
    'caspian:game-started',
    'caspian:panels-shown',
    'caspian:first-choice',
    'caspian:map-start',
    'caspian:poster-painted',
    'caspian:map-first-frame',
    'caspian:phaser-start',
    'caspian:map-create',
    'caspian:map-interactive',
  ],
  bare: ['bare:create', 'bare:first-frame'],
};

export type Steps = Record<string, number>;

/** One cold load's times (ms from navigation). */
export interface Load {
  /** The game: first playable turn; a bare page: its first frame. */
  ready: number;
  /** The game: the turn playable and the map answering the pointer (Phaser's first frame). */
  interactive: number;
  steps: Steps;
}

const markTime = (page: Page, name: string) =>
  page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime ?? false, name, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>);

const readSteps = (page: Page, names: string[]) =>
  page.evaluate((ns) => {
    const out: Record<string, number> = {};
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) {
      out['html received'] = nav.responseEnd;
      out.DOMContentLoaded = nav.domContentLoadedEventEnd;
    }
    for (const n of ns) {
      const m = performance.getEntriesByName(n)[0];
      if (m) out[n] = m.startTime;
    }
    return out;
  }, names);

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(NAME_HELPER);
  return page;
}

/** One cold load in a fresh context: the game (`?play=…`) or a bare page. */
export async function coldLoad(browser: Browser, url: string, game: boolean): Promise<Load> {
  const page = await newPage(browser);
  try {
    if (!game) {
      await page.goto(url);
      const t = await markTime(page, 'bare:first-frame');
      return { ready: t, interactive: t, steps: await readSteps(page, STEPS.bare) };
    }
    await page.addInitScript(MARK_FIRST_CHOICE);
    await page.goto(`${url}?play=independence-1991&seed=1`);
    const choice = await markTime(page, 'caspian:first-choice');
    const frame = await markTime(page, 'caspian:map-first-frame');
    // A tree without the poster: the map's first frame is Phaser's, interactive at once.
    const poster = (await readSteps(page, ['caspian:poster-painted']))['caspian:poster-painted'] !== undefined;
    const phaser = poster ? await markTime(page, 'caspian:map-interactive') : frame;
    const steps = await readSteps(page, STEPS.game);
    steps['caspian:map-interactive'] = phaser;
    return { ready: Math.max(choice, frame), interactive: Math.max(choice, phaser), steps };
  } finally {
    await page.context().close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? 0 : n % 2 ? (s[(n - 1) / 2] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
};

/** The median time of each step over `loads`. */
export function stepMedians(loads: Load[]): Steps {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l.steps)))];
  return Object.fromEntries(names.map((n) => [n, Math.round(median(loads.map((l) => l.steps[n]).filter((v): v is number => v !== undefined)))]));
}

/** Steps side by side (median ms from navigation), in the order the first column reaches them. */
export function stepTable(columns: Record<string, Steps>): Record<string, number | string>[] {
  const names = [...new Set(Object.values(columns).flatMap((c) => Object.keys(c)))];
  const at = (n: string) => Math.min(...Object.values(columns).map((c) => c[n] ?? Number.POSITIVE_INFINITY));
  return names.sort((a, b) => at(a) - at(b)).map((n) => ({ step: n, ...Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, c[n] ?? ''])) }));
}

export { median };
