/**
 * `npm run bench:browser`: the built game in headless Chromium, against a bare Phaser page
 * (bench/bare: `import Phaser from 'phaser'`, one scene, one shape) built by the same Vite
 * with the same config and loaded in the same run. Prints:
 *
 *  - size: every file the game ships (code, CSS, HTML, scenario chunks, map data), gzipped,
 *    as a ratio of everything the bare page ships;
 *  - first playable turn: navigation → the first event's choices (or the first-turn
 *    guide before them) clickable and the map's first frame drawn (default scenario), as a ratio of navigation → the bare page's
 *    first frame; median of interleaved cold loads;
 *  - the end-turn frame: main-thread time of the frame that shows the new turn (the click's
 *    handler, the engine, the panels, the map's update and the browser's style, layout,
 *    paint and commit), and the longest frame in the second after it (work split across
 *    frames must fit too): target 16.7 ms, no dropped frame. Measured twice: as CPU time
 *    from a Chromium trace (thread time: a machine shared with other work stretches the
 *    wall clock, not this) and on the wall clock from the page;
 *  - the floor: the same bare page on the lean Phaser the map uses (bench/bare-lean), the
 *    least Phaser a game with this map can ship;
 *  - frame times while the map animates, and the heap after 50 turns.
 *
 * Machines shared with other work are noisy: repeat a run before trusting a figure.
 * Options: --loads N (cold loads per page, default 7), --turns N (end-turn samples, default
 * 8), --baseline DIR (another checkout of the game, e.g. a `git archive` of an older commit
 * with a node_modules link: built with its own config and measured in the same run, its
 * loads interleaved with the others and its end turns alternating with this game's, so a
 * before/after comparison sees the same load on the machine).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { CONFIG, configWithoutWorker } from './config.ts';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LOADS = arg('loads', 7);
const BASELINE = (() => {
  const i = process.argv.indexOf('--baseline');
  return i > 0 ? resolve(process.argv[i + 1] ?? '') : null;
})();
const TURNS = arg('turns', 8);
// --expose-gc: the heap is measured after a forced collection.
const ARGS = [...CHROMIUM_ARGS, '--js-flags=--expose-gc'];
// tsx compiles the functions handed to page.evaluate with esbuild's name-keeping helper;
// define it in the page so they run there unchanged.
const NAME_HELPER = 'window.__name = (f) => f;';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? 0 : n % 2 ? (s[(n - 1) / 2] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
};
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

// ------------------------------------------------------------------ build

interface Shipped {
  files: { file: string; raw: number; gzip: number }[];
  gzip: number;
}

function sizes(dir: string): Shipped {
  const files: Shipped['files'] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const data = readFileSync(path);
        files.push({ file: path.slice(dir.length + 1), raw: data.length, gzip: gzipSync(data, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return { files, gzip: files.reduce((t, f) => t + f.gzip, 0) };
}

const out = (name: string) => join(tmpdir(), `caspian-bench-${process.pid}`, name);
await build({ root: ROOT, configFile: CONFIG, logLevel: 'warn' });
const pages = {
  game: { root: ROOT, dist: join(ROOT, 'dist'), config: CONFIG },
  bare: { root: join(ROOT, 'bench/bare'), dist: out('bare'), config: CONFIG },
  lean: { root: join(ROOT, 'bench/bare-lean'), dist: out('bare-lean'), config: CONFIG },
  baseline: BASELINE ? { root: BASELINE, dist: out('baseline'), config: join(BASELINE, 'vite.config.ts') } : null,
};
// The bare pages: the game's Vite config without its offline worker (bench/config.ts).
for (const p of [pages.bare, pages.lean]) {
  await build({ ...(await configWithoutWorker(p.root, { outDir: p.dist, emptyOutDir: true, chunkSizeWarningLimit: 5000 })), logLevel: 'error' });
}
if (pages.baseline) {
  await build({ root: pages.baseline.root, configFile: pages.baseline.config, logLevel: 'warn', build: { outDir: pages.baseline.dist, emptyOutDir: true } });
}
const game = sizes(pages.game.dist);
const bare = sizes(pages.bare.dist);
const lean = sizes(pages.lean.dist);
const baseline = pages.baseline ? sizes(pages.baseline.dist) : null;

// ------------------------------------------------------------------ serve

async function serve(p: { root: string; dist: string; config: string }): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({ root: p.root, configFile: p.config, build: { outDir: p.dist }, preview: { port: 0, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  return { server, url: `http://localhost:${typeof address === 'object' && address ? address.port : 4173}/` };
}
const servers = {
  game: await serve(pages.game),
  bare: await serve(pages.bare),
  lean: await serve(pages.lean),
  baseline: pages.baseline ? await serve(pages.baseline) : null,
};
type Kind = 'game' | 'bare' | 'lean' | 'baseline';
const urlOf = (kind: Kind) => {
  const s = servers[kind];
  if (!s) throw new Error(`no ${kind} page`);
  return s.url;
};
const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/**
 * Marks the first moment the turn can be played (in the page, no polling delay): an event
 * choice can be clicked, or the first-turn guide's button (a new game shows the guide
 * before its first event).
 */
const MARK_FIRST_CHOICE = `(() => {
  const seen = () => {
    const b = document.querySelector('[data-testid^="event-choice-"]:not([disabled]), [data-testid="guide-next"]');
    if (b && b.getClientRects().length > 0) { performance.mark('caspian:first-choice'); return true; }
    return false;
  };
  new MutationObserver((_, o) => { if (seen()) o.disconnect(); }).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(NAME_HELPER);
  return page;
}

const markTime = (page: Page, name: string) =>
  page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime ?? false, name, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>);

/** The steps on the way (marks set by the pages; absent in an older baseline). */
const STEPS = {
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
const steps: Record<Kind, Record<string, number>[]> = { game: [], bare: [], lean: [], baseline: [] };
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

/** One cold load: navigation → first frame (bare) or first playable turn (game). */
async function coldLoad(kind: Kind): Promise<number> {
  const page = await newPage();
  if (kind === 'game' || kind === 'baseline') {
    await page.addInitScript(MARK_FIRST_CHOICE);
    await page.goto(`${urlOf(kind)}?play=independence-1991&seed=1`);
    const t = Math.max(await markTime(page, 'caspian:first-choice'), await markTime(page, 'caspian:map-first-frame'));
    steps[kind].push(await readSteps(page, STEPS.game));
    await page.context().close();
    return t;
  }
  await page.goto(urlOf(kind));
  const t = await markTime(page, 'bare:first-frame');
  steps[kind].push(await readSteps(page, STEPS.bare));
  await page.context().close();
  return t;
}

// 1. Cold loads, interleaved so that load on the machine falls on all three alike.
const loads = { game: [] as number[], bare: [] as number[], lean: [] as number[], baseline: [] as number[] };
const kinds: Kind[] = BASELINE ? ['bare', 'game', 'baseline', 'lean'] : ['bare', 'game', 'lean'];
await coldLoad('bare'); // warm the disk cache and Chromium itself
for (let i = 0; i < LOADS; i++) {
  // The order rotates, so that no page always follows the same one.
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[(k + i) % kinds.length] as Kind;
    loads[kind].push(await coldLoad(kind));
  }
}

// 2. The end-turn frame.
type Hooks = {
  store: {
    getState(): {
      game: { pending: string[]; outcome: unknown; turn: number } | null;
      scenario: unknown;
      choose(e: string, c: string): boolean;
      endTurn(): boolean;
      start(s: unknown, seed: string, d: string): void;
    };
  };
};
async function gamePage(kind: 'game' | 'baseline'): Promise<Page> {
  const page = await newPage();
  await page.goto(`${urlOf(kind)}?play=independence-1991&seed=1`);
  await markTime(page, 'caspian:map-first-frame');
  return page;
}
/** Answers the pending events (as a player would, by clicking the first choice). */
const answerEvents = (page: Page) =>
  page.evaluate(() => {
    const st = () => (window as unknown as { __caspian: Hooks }).__caspian.store.getState();
    // The guide comes before the first event, the turn report before the next one: read,
    // then closed, as a player would; then the events are answered.
    const skip = document.querySelector<HTMLButtonElement>('[data-testid="guide-skip"]');
    if (skip && skip.getClientRects().length > 0) skip.click();
    const close = document.querySelector<HTMLButtonElement>('[data-testid="turn-report-close"]');
    if (close && close.getClientRects().length > 0) close.click();
    for (let guard = 0; (st().game?.pending.length ?? 0) > 0 && guard < 20; guard++) {
      const choice = document.querySelector<HTMLButtonElement>('[data-testid^="event-choice-"]:not([disabled])');
      if (choice) choice.click();
      else st().choose(st().game?.pending[0] ?? '', '');
    }
    if (st().game?.outcome) {
      st().start(st().scenario, '1', 'normal');
      return 'restarted';
    }
    return 'ready';
  });
/** Clicks End turn and times every frame for a second: main-thread work per frame. */
const timeEndTurn = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ turnFrame: number; worstAfter: number; frames: number }>((resolve) => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="end-turn"]');
        const frames: number[] = [];
        const t0 = performance.now();
        button?.click();
        const clickEnd = performance.now();
        const channel = new MessageChannel();
        let frameStart = 0;
        // A message posted from a frame callback arrives after that frame's style, layout
        // and paint: the frame's work is from its start (or the click) to then.
        channel.port1.onmessage = () => {
          frames.push(performance.now() - frameStart);
          if (performance.now() - t0 < 1000) requestAnimationFrame(onFrame);
          else {
            channel.port1.close();
            const [first = 0, ...rest] = frames;
            resolve({ turnFrame: first + (clickEnd - t0), worstAfter: Math.max(0, ...rest), frames: frames.length });
          }
        };
        const onFrame = (ts: number) => {
          frameStart = frames.length === 0 ? Math.max(ts, clickEnd) : ts;
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(onFrame);
      }),
  );
/**
 * The same end turn seen by a trace: main-thread CPU time (thread time, which a busy
 * machine does not inflate the way it inflates wall-clock time) of the click's task and
 * of every task up to and including each frame's BeginMainFrame, for a second. Frame 0
 * is the one that shows the new turn.
 */
async function traceEndTurn(page: Page): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc', transferMode: 'ReportEvents' });
  await timeEndTurn(page);
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return framesCpu(events);
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { type?: string } };
}

function framesCpu(events: TraceEvent[]): number[] {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = events.filter((e) => e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const inside = (t: TraceEvent, name: string, type?: string) =>
    main.some((e) => e.name === name && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0) && (type === undefined || e.args?.data?.type === type));
  const click = tasks.findIndex((t) => inside(t, 'EventDispatch', 'click'));
  if (click < 0) {
    if (process.env.BENCH_DEBUG) console.error(`no click among ${tasks.length} tasks of ${main.length} main-thread events, ${events.length} in all`);
    return [];
  }
  const frames: number[] = [];
  let cpu = 0;
  for (const t of tasks.slice(click)) {
    cpu += (t.tdur ?? t.dur ?? 0) / 1000;
    if (inside(t, 'ProxyMain::BeginMainFrame')) {
      frames.push(cpu);
      cpu = 0;
    }
  }
  return frames;
}

type Frames = { turnFrame: number; worstAfter: number }[];
const measured = { game: { wall: [] as Frames, cpu: [] as Frames }, baseline: { wall: [] as Frames, cpu: [] as Frames } };
const page = await gamePage('game');
const basePage = BASELINE ? await gamePage('baseline') : null;
async function oneEndTurn(p: Page, into: { wall: Frames; cpu: Frames }) {
  if ((await answerEvents(p)) === 'restarted') await answerEvents(p);
  await p.waitForTimeout(400); // let the previous turn's pulses settle a little
  into.wall.push(await timeEndTurn(p));
  if ((await answerEvents(p)) === 'restarted') await answerEvents(p);
  await p.waitForTimeout(400);
  const [first = 0, ...rest] = await traceEndTurn(p);
  into.cpu.push({ turnFrame: first, worstAfter: Math.max(0, ...rest) });
}
for (let i = 0; i < TURNS; i++) {
  await oneEndTurn(page, measured.game);
  if (basePage) await oneEndTurn(basePage, measured.baseline);
}
await basePage?.context().close();
const endTurns = measured.game.wall;
const endTurnsCpu = measured.game.cpu;

// 3. Frame times while the map animates after a turn (pulses, floating deltas).
await answerEvents(page);
const animation = await page.evaluate(
  () =>
    new Promise<number[]>((resolve) => {
      document.querySelector<HTMLButtonElement>('[data-testid="end-turn"]')?.click();
      const out: number[] = [];
      let last = -1;
      const tick = (t: number) => {
        if (last >= 0) out.push(t - last);
        last = t;
        if (out.length < 150) requestAnimationFrame(tick);
        else resolve(out);
      };
      requestAnimationFrame(tick);
    }),
);

// 4. The heap after 50 turns.
for (let turns = 0; turns < 50; turns++) {
  await answerEvents(page);
  await page.evaluate(() => (window as unknown as { __caspian: Hooks }).__caspian.store.getState().endTurn());
}
await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
await page.waitForTimeout(300);
await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
const heap = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
await browser.close();
for (const s of Object.values(servers)) await s?.server.close();

// ------------------------------------------------------------------ report

const kb = (b: number) => round(b / 1024);
const sortedAnim = [...animation].sort((a, b) => a - b);
const results = {
  sizeGameKB: kb(game.gzip),
  sizeBareKB: kb(bare.gzip),
  sizeLeanKB: kb(lean.gzip),
  sizeRatio: round(game.gzip / bare.gzip, 3),
  sizeRatioToFloor: round(game.gzip / lean.gzip, 3),
  firstTurnMs: round(median(loads.game), 0),
  bareFirstFrameMs: round(median(loads.bare), 0),
  leanFirstFrameMs: round(median(loads.lean), 0),
  firstTurnRatio: round(median(loads.game) / median(loads.bare), 3),
  firstTurnRatioToFloor: round(median(loads.game) / median(loads.lean), 3),
  endTurnFrameMs: round(median(endTurns.map((e) => e.turnFrame))),
  endTurnFrameWorstMs: round(Math.max(...endTurns.map((e) => e.turnFrame))),
  framesAfterTurnWorstMs: round(median(endTurns.map((e) => e.worstAfter))),
  endTurnFrameCpuMs: round(median(endTurnsCpu.map((e) => e.turnFrame))),
  framesAfterTurnWorstCpuMs: round(median(endTurnsCpu.map((e) => e.worstAfter))),
  animationFrameMedianMs: round(median(animation)),
  animationFrameP95Ms: round(sortedAnim[Math.floor(sortedAnim.length * 0.95)] ?? 0),
  heapAfter50TurnsMB: round(heap / 1048576, 2),
  loads,
  endTurns: endTurns.map((e) => ({ turnFrame: round(e.turnFrame), worstAfter: round(e.worstAfter) })),
  endTurnsCpu: endTurnsCpu.map((e) => ({ turnFrame: round(e.turnFrame), worstAfter: round(e.worstAfter) })),
  files: game.files,
  baseline:
    baseline && BASELINE
      ? {
          dir: BASELINE,
          sizeKB: kb(baseline.gzip),
          sizeRatio: round(baseline.gzip / bare.gzip, 3),
          firstTurnMs: round(median(loads.baseline), 0),
          firstTurnRatio: round(median(loads.baseline) / median(loads.bare), 3),
          endTurnFrameCpuMs: round(median(measured.baseline.cpu.map((e) => e.turnFrame))),
          framesAfterTurnWorstCpuMs: round(median(measured.baseline.cpu.map((e) => e.worstAfter))),
          endTurnFrameMs: round(median(measured.baseline.wall.map((e) => e.turnFrame))),
          framesAfterTurnWorstMs: round(median(measured.baseline.wall.map((e) => e.worstAfter))),
          endTurnsCpu: measured.baseline.cpu.map((e) => ({ turnFrame: round(e.turnFrame), worstAfter: round(e.worstAfter) })),
        }
      : null,
};
console.table([
  {
    measure: 'whole game shipped, gzipped (KB)',
    game: results.sizeGameKB,
    'bare Phaser': results.sizeBareKB,
    'ratio (target ≤ 1.0)': results.sizeRatio,
    floor: results.sizeLeanKB,
  },
  {
    measure: 'navigation → first playable turn / bare first frame (ms, median)',
    game: results.firstTurnMs,
    'bare Phaser': results.bareFirstFrameMs,
    'ratio (target ≤ 1.0)': results.firstTurnRatio,
    floor: results.leanFirstFrameMs,
  },
]);
console.table([
  { measure: `end-turn frame, main-thread CPU, median of ${TURNS} (ms)`, value: results.endTurnFrameCpuMs, target: '≤ 16.7' },
  { measure: 'longest frame in the second after, main-thread CPU (ms)', value: results.framesAfterTurnWorstCpuMs, target: '≤ 16.7' },
  { measure: `end-turn frame, wall clock, median of ${TURNS} (ms)`, value: results.endTurnFrameMs, target: '≤ 16.7' },
  { measure: 'end-turn frame, wall clock, worst (ms)', value: results.endTurnFrameWorstMs, target: '' },
  { measure: 'longest frame in the second after, wall clock (ms)', value: results.framesAfterTurnWorstMs, target: '≤ 16.7' },
  {
    measure: 'frame interval while the map animates, median / p95 (ms)',
    value: `${results.animationFrameMedianMs} / ${results.animationFrameP95Ms}`,
    target: '',
  },
  { measure: 'JS heap after 50 turns (MB)', value: results.heapAfter50TurnsMB, target: '< 15' },
]);
// Where the first playable turn's time goes: the median time of each step (ms from
// navigation), the game's beside bare Phaser's.
const stepTable = (kind: Kind) => {
  const names = [...new Set(steps[kind].flatMap((x) => Object.keys(x)))];
  return Object.fromEntries(names.map((n) => [n, round(median(steps[kind].map((x) => x[n]).filter((v): v is number => v !== undefined)), 0)]));
};
const gameSteps = stepTable('game');
const bareSteps = stepTable('bare');
const leanSteps = stepTable('lean');
console.log('first playable turn, step by step (median ms from navigation):');
console.table(
  [...new Set([...Object.keys(gameSteps), ...Object.keys(bareSteps)])]
    .map((n) => ({ step: n, game: gameSteps[n] ?? '', 'bare Phaser': bareSteps[n] ?? '', 'lean bare (floor)': leanSteps[n] ?? '' }))
    .sort((a, b) => Number(a.game || a['bare Phaser']) - Number(b.game || b['bare Phaser'])),
);
console.log(JSON.stringify({ steps: { game: gameSteps, bare: bareSteps, lean: leanSteps } }));
if (results.baseline) {
  const b = results.baseline;
  console.log(`baseline (same run): ${b.dir}`);
  console.table([
    { measure: 'size, gzipped (KB) / ratio to bare', baseline: `${b.sizeKB} / ${b.sizeRatio}`, game: `${results.sizeGameKB} / ${results.sizeRatio}` },
    {
      measure: 'first playable turn (ms) / ratio to bare',
      baseline: `${b.firstTurnMs} / ${b.firstTurnRatio}`,
      game: `${results.firstTurnMs} / ${results.firstTurnRatio}`,
    },
    { measure: 'end-turn frame, CPU, median (ms)', baseline: b.endTurnFrameCpuMs, game: results.endTurnFrameCpuMs },
    { measure: 'longest frame after, CPU, median (ms)', baseline: b.framesAfterTurnWorstCpuMs, game: results.framesAfterTurnWorstCpuMs },
    { measure: 'end-turn frame, wall clock, median (ms)', baseline: b.endTurnFrameMs, game: results.endTurnFrameMs },
    { measure: 'longest frame after, wall clock, median (ms)', baseline: b.framesAfterTurnWorstMs, game: results.framesAfterTurnWorstMs },
  ]);
}
console.table(game.files.map((f) => ({ file: f.file, raw: f.raw, gzip: f.gzip })));
console.log(JSON.stringify(results));
