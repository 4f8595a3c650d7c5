/**
 * `npm run bench:browser`: builds the game and measures it in headless Chromium:
 *  - time from navigation to the first interactive turn (the first event's choices
 *    clickable) and to the map's first frame;
 *  - frame times while the map animates after a turn (median and 95th percentile);
 *  - the JavaScript heap after 50 turns (after a forced garbage collection);
 *  - the gzipped size of the game's own code and assets beside Phaser's own chunk.
 * Prints a table and one JSON line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';

const ROOT = join(import.meta.dirname, '..');
// --expose-gc: the heap is measured after a forced collection.
const ARGS = [...CHROMIUM_ARGS, '--js-flags=--expose-gc'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

await build({ root: ROOT, logLevel: 'warn' });

// Sizes: every file in dist/, gzipped; Phaser's chunk apart.
const files: { file: string; raw: number; gzip: number }[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const data = readFileSync(path);
      files.push({ file: path.slice(join(ROOT, 'dist').length + 1), raw: data.length, gzip: gzipSync(data, { level: 9 }).length });
    }
  }
};
walk(join(ROOT, 'dist'));
const phaser = files.filter((f) => /phaser/.test(f.file));
const scenarios = files.filter((f) => /assets\/(?!index|MapScene|phaser)[a-z0-9-]+-[\w-]+\.js$/.test(f.file) && !/phaser/.test(f.file));
const own = files.filter((f) => !phaser.includes(f) && !scenarios.includes(f));
const sum = (xs: typeof files) => xs.reduce((t, f) => t + f.gzip, 0);

const server = await preview({ root: ROOT, preview: { port: 0, open: false }, logLevel: 'warn' });
const address = server.httpServer.address();
const url = `http://localhost:${typeof address === 'object' && address ? address.port : 4173}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
// tsx compiles the functions handed to page.evaluate with esbuild's name-keeping helper;
// define it in the page so they run there unchanged.
const NAME_HELPER = 'window.__name = (f) => f;';

// 1. Time to the first interactive turn, median of 5 cold loads.
const interactive: number[] = [];
const mapFirstFrame: number[] = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(NAME_HELPER);
  await page.goto(`${url}?play=independence-1991&seed=1`);
  await page.waitForSelector('[data-testid^="event-choice-"]:not([disabled])', { state: 'visible' });
  interactive.push(await page.evaluate(() => performance.now()));
  await page.waitForFunction(() => (window as unknown as { __caspianMapReady?: boolean }).__caspianMapReady === true);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  mapFirstFrame.push(await page.evaluate(() => performance.now()));
  await context.close();
}

// 2. Frame times while the map animates after a turn, and 3. the heap after 50 turns.
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
await page.addInitScript(NAME_HELPER);
await page.goto(`${url}?play=independence-1991&seed=1`);
await page.waitForFunction(() => (window as unknown as { __caspianMapReady?: boolean }).__caspianMapReady === true);
type Hooks = {
  store: {
    getState(): {
      game: { pending: string[]; outcome: unknown; turn: number } | null;
      scenario: { id: string } | null;
      choose(e: string, c: string): boolean;
      endTurn(): boolean;
      act(a: string): boolean;
      start(s: unknown, seed: string, d: string): void;
    };
  };
};
const playTurn = () =>
  page.evaluate(() => {
    const hooks = (window as unknown as { __caspian: Hooks }).__caspian;
    const st = () => hooks.store.getState();
    let guard = 0;
    while ((st().game?.pending.length ?? 0) > 0 && guard++ < 20) {
      const g = st().game;
      const id = g?.pending[0] ?? '';
      const choice = document.querySelector<HTMLButtonElement>('[data-testid^="event-choice-"]:not([disabled])');
      if (choice) choice.click();
      else st().choose(id, '');
    }
    if (st().game?.outcome) {
      const sc = st().scenario;
      st().start(sc, '1', 'normal');
      return 'restarted';
    }
    st().endTurn();
    return 'ended';
  });
await playTurn();
// End a turn (relations, routes and meters pulse), then sample frame intervals for 3 s.
// The frame that carries the turn itself (the engine, the panels, the map repaint) is
// reported apart as the turn's cost; the rest are the animation frames.
const { frames, turnFrameMs } = await page.evaluate(
  () =>
    new Promise<{ frames: number[]; turnFrameMs: number }>((resolve) => {
      const hooks = (window as unknown as { __caspian: Hooks }).__caspian;
      document.querySelector<HTMLButtonElement>('[data-testid^="event-choice-"]:not([disabled])')?.click();
      const t0 = performance.now();
      hooks.store.getState().endTurn();
      requestAnimationFrame((t1) => {
        // The callback's own clock: the frame timestamp can predate a long synchronous turn.
        const turnFrameMs = performance.now() - t0;
        const out: number[] = [];
        let last = t1;
        const tick = (t: number) => {
          out.push(t - last);
          last = t;
          if (t - t1 < 3000) requestAnimationFrame(tick);
          else resolve({ frames: out, turnFrameMs });
        };
        requestAnimationFrame(tick);
      });
    }),
);
let turns = 2;
while (turns < 50) {
  await playTurn();
  turns++;
}
await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
await page.waitForTimeout(300);
await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
const heap = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
await browser.close();
await server.close();

const results = {
  interactiveMs: round(pct(interactive, 50), 0),
  mapFirstFrameMs: round(pct(mapFirstFrame, 50), 0),
  frameMedianMs: round(pct(frames, 50)),
  frameP95Ms: round(pct(frames, 95)),
  framesSampled: frames.length,
  framesOver20Ms: frames.filter((f) => f > 20).length,
  turnFrameMs: round(turnFrameMs),
  heapAfter50TurnsMB: round(heap / 1048576, 2),
  phaserGzipKB: round(sum(phaser) / 1024),
  ownGzipKB: round(sum(own) / 1024),
  ownShareOfPhaser: round(sum(own) / sum(phaser), 3),
  scenarioChunksGzipKB: round(sum(scenarios) / 1024),
  files: files.map((f) => ({ ...f, kind: phaser.includes(f) ? 'phaser' : scenarios.includes(f) ? 'scenario' : 'own' })),
};
console.table([
  { measure: 'navigation → first interactive turn (ms, median of 5)', value: results.interactiveMs, target: '< 1500' },
  { measure: 'navigation → map drawn (ms, median of 5)', value: results.mapFirstFrameMs, target: '' },
  { measure: 'frame time while animating, median (ms)', value: results.frameMedianMs, target: '' },
  { measure: 'frame time while animating, p95 (ms)', value: results.frameP95Ms, target: '< 16.7' },
  { measure: 'frames over 20 ms while animating', value: `${results.framesOver20Ms} of ${results.framesSampled}`, target: '' },
  { measure: 'the turn itself: end turn → next frame (ms)', value: results.turnFrameMs, target: '' },
  { measure: 'JS heap after 50 turns (MB)', value: results.heapAfter50TurnsMB, target: '< 15' },
  { measure: "Phaser's chunk (KB gzip)", value: results.phaserGzipKB, target: '' },
  { measure: 'own code + assets, initial load (KB gzip)', value: results.ownGzipKB, target: `< ${round(results.phaserGzipKB / 4)}` },
  { measure: 'scenario chunks, loaded on demand (KB gzip)', value: results.scenarioChunksGzipKB, target: '' },
]);
console.table(results.files);
console.log(JSON.stringify(results));
