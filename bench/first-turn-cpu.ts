/**
 * `npx tsx bench/first-turn-cpu.ts [--loads N]` (`npm run bench:first-turn-cpu`): how much of a
 * cold load's way to the first playable turn the renderer's main thread spends working, and
 * where it waits, beside the bare Phaser page's way to its first frame. The wall clock of a
 * load moves with everything else on the machine; the main thread's CPU (a trace's thread
 * time) much less, so this tells "the game does more work" from "the game waits for more".
 *
 * For each page, medians over N alternating cold loads: for every step, the time from
 * navigation (wall) and the main thread's CPU up to it; then, between DOMContentLoaded and
 * the first frame, the main thread's waits (wall time without CPU) by the innermost trace
 * event that waited, e.g. a synchronous call to the browser for a font. A tool for finding
 * what to cut, like bench/load-timeline.ts; `npm run bench:browser` gives the figures.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { MARK_FIRST_CHOICE, median, NAME_HELPER, STEPS } from './browser-first-turn.ts';
import { CONFIG, configWithoutWorker } from './config.ts';
import type { TraceEvent } from './trace.ts';

const ROOT = join(import.meta.dirname, '..');
const i = process.argv.indexOf('--loads');
const LOADS = i > 0 ? Number(process.argv[i + 1]) : 5;
const out = (name: string) => join(tmpdir(), `caspian-first-turn-cpu-${process.pid}`, name);

const pages = {
  // Up to the first playable turn (the choices and the poster on screen), not Phaser's take-over.
  game: {
    root: ROOT,
    dist: out('game'),
    path: '?play=independence-1991&seed=1',
    steps: STEPS.game.slice(0, STEPS.game.indexOf('caspian:map-first-frame') + 1),
  },
  bare: { root: join(ROOT, 'bench/bare'), dist: out('bare'), path: '', steps: STEPS.bare },
};
// As shipped (the game with its offline worker), as bench:browser builds them.
await build({ root: ROOT, configFile: CONFIG, logLevel: 'error', build: { outDir: pages.game.dist, emptyOutDir: true } });
await build({
  ...(await configWithoutWorker(pages.bare.root, { outDir: pages.bare.dist, emptyOutDir: true, chunkSizeWarningLimit: 5000 })),
  logLevel: 'error',
});

const servers = await Promise.all(
  Object.values(pages).map(async (p) => {
    const server = await preview({ root: p.root, configFile: CONFIG, build: { outDir: p.dist }, preview: { port: 0, open: false }, logLevel: 'warn' });
    const a = server.httpServer.address();
    return { server, url: `http://localhost:${typeof a === 'object' && a ? a.port : 4173}/${p.path}` };
  }),
);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const CATEGORIES = ['blink.user_timing', 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'fonts', 'mojom', 'v8', 'loading'];

type Sample = { steps: Record<string, { wall: number; cpu: number }>; waits: Map<string, { n: number; ms: number }> };
const samples: Record<keyof typeof pages, Sample[]> = { game: [], bare: [] };

/** The events of the renderer's main thread that carry thread time, and navigation's start. */
function mainThreadOf(events: TraceEvent[]) {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = events.find((e) => e.name === 'navigationStart' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  if (!nav) throw new Error('no navigationStart on a renderer main thread in the trace');
  const own = events.filter((e) => e.ph === 'X' && e.pid === nav.pid && e.tid === nav.tid && e.tdur !== undefined && e.dur !== undefined);
  return { t0: nav.ts, own, tasks: own.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') };
}

/** Thread time of the tasks before `ts` (a task running across it counts in proportion). */
const cpuBefore = (tasks: TraceEvent[], ts: number) =>
  tasks.reduce((sum, t) => {
    if (t.ts >= ts) return sum;
    const dur = t.dur ?? 0;
    const part = dur > 0 ? Math.min(1, (ts - t.ts) / dur) : 1;
    return sum + ((t.tdur ?? 0) * part) / 1000;
  }, 0);

for (let load = 0; load < LOADS; load++) {
  for (const [k, p] of Object.entries(pages) as [keyof typeof pages, (typeof pages)[keyof typeof pages]][]) {
    const url = servers[k === 'game' ? 0 : 1]?.url ?? '';
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.addInitScript(NAME_HELPER);
    await page.addInitScript(MARK_FIRST_CHOICE);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url);
    const last = p.steps[p.steps.length - 1] as string;
    await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, last, { timeout: 60_000 });
    const at = await page.evaluate((names) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        DOMContentLoaded: nav.domContentLoadedEventStart,
        ...Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? -1])),
      };
    }, p.steps as string[]);
    const { t0, own, tasks } = mainThreadOf(JSON.parse((await browser.stopTracing()).toString()).traceEvents as TraceEvent[]);
    const steps: Sample['steps'] = {};
    for (const [name, ms] of Object.entries(at)) if (ms >= 0) steps[name] = { wall: ms, cpu: cpuBefore(tasks, t0 + ms * 1000) };
    // Waits between DOMContentLoaded and the first frame, each given to the innermost event that waited.
    const from = t0 + at.DOMContentLoaded * 1000;
    const to = t0 + (at[last as keyof typeof at] ?? 0) * 1000;
    const inWindow = own.filter((e) => e.ts >= from && e.ts < to);
    const waits: Sample['waits'] = new Map();
    for (const e of inWindow) {
      const wait = ((e.dur ?? 0) - (e.tdur ?? 0)) / 1000;
      if (wait < 0.5) continue;
      const inner = inWindow.some(
        (c) => c !== e && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + (e.dur ?? 0) && ((c.dur ?? 0) - (c.tdur ?? 0)) / 1000 > wait / 2,
      );
      if (inner) continue;
      const w = waits.get(e.name) ?? { n: 0, ms: 0 };
      waits.set(e.name, { n: w.n + 1, ms: w.ms + wait });
    }
    samples[k].push({ steps, waits });
    await context.close();
  }
}

for (const [k, list] of Object.entries(samples)) {
  console.log(`\n${k} (${list.length} cold loads, medians; ms from navigation)`);
  const names = [...new Set(list.flatMap((s) => Object.keys(s.steps)))].sort(
    (a, b) => median(list.map((s) => s.steps[a]?.wall ?? 0)) - median(list.map((s) => s.steps[b]?.wall ?? 0)),
  );
  console.table(
    names.map((n) => ({
      step: n,
      wall: Math.round(median(list.map((s) => s.steps[n]?.wall ?? 0))),
      'main thread CPU': Math.round(median(list.map((s) => s.steps[n]?.cpu ?? 0))),
    })),
  );
  const kinds = new Map<string, { n: number; ms: number }>();
  for (const s of list) for (const [name, w] of s.waits) kinds.set(name, { n: (kinds.get(name)?.n ?? 0) + w.n, ms: (kinds.get(name)?.ms ?? 0) + w.ms });
  console.log('main-thread waits from DOMContentLoaded to the first frame, per load (mean):');
  console.table(
    [...kinds]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 8)
      .map(([name, w]) => ({ waiting: name, times: +(w.n / list.length).toFixed(1), ms: +(w.ms / list.length).toFixed(1) })),
  );
}
await browser.close();
for (const s of servers) await s.server.close();
