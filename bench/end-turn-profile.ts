/**
 * `npx tsx bench/end-turn-profile.ts [--turns N] [--width W --height H] [--interval µs]`: where the end-turn
 * frame's main-thread time goes. Builds the game into a temporary directory, plays the
 * default scenario in headless Chromium and, for each of N end turns, traces the click's
 * task and the tasks up to the frame that shows the new turn: CPU time by trace event
 * (script, style, layout, paint…) and, from a sampling CPU profile, the functions with the
 * most self time. A tool for finding work to cut; bench:browser gives the figures.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { CONFIG, configWithoutWorker } from './config.ts';
import { cpuMs, mainThread, type TraceEvent } from './trace.ts';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TURNS = arg('turns', 6);
const DIST = join(tmpdir(), `caspian-profile-${process.pid}`);
await build({ ...(await configWithoutWorker(ROOT, { outDir: DIST, emptyOutDir: true, minify: false })), logLevel: 'warn' });
const server = await preview({ root: ROOT, configFile: CONFIG, build: { outDir: DIST }, preview: { port: 0, open: false }, logLevel: 'warn' });
const address = server.httpServer.address();
const url = `http://localhost:${typeof address === 'object' && address ? address.port : 4173}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: arg('width', 1366), height: arg('height', 768) } });
const page = await context.newPage();
await page.addInitScript('window.__name = (f) => f;');
await page.goto(`${url}?play=independence-1991&seed=1`);
await page.waitForFunction(() => performance.getEntriesByName('caspian:map-first-frame').length > 0, null, { timeout: 60_000 });

type Store = { getState(): { game: { pending: string[]; outcome: unknown } | null; choose(e: string, c: string): boolean } };
const answer = () =>
  page.evaluate(() => {
    const st = () => (window as unknown as { __caspian: { store: Store } }).__caspian.store.getState();
    const skip = document.querySelector<HTMLButtonElement>('[data-testid="guide-skip"]');
    if (skip && skip.getClientRects().length > 0) skip.click();
    for (let guard = 0; (st().game?.pending.length ?? 0) > 0 && guard < 20; guard++) {
      const choice = document.querySelector<HTMLButtonElement>('[data-testid^="event-choice-"]:not([disabled])');
      if (choice) choice.click();
      else st().choose(st().game?.pending[0] ?? '', '');
    }
    // A fresh turn report waits before the next event: close it as a player would.
    const close = document.querySelector<HTMLButtonElement>('[data-testid="turn-report-close"]');
    if (close && close.getClientRects().length > 0) close.click();
  });

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const byEvent = new Map<string, number>();
const byFunction = new Map<string, number>();
const totals: number[] = [];
for (let turn = 0; turn < TURNS; turn++) {
  await answer();
  await page.waitForTimeout(600);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: arg('interval', 100) });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack,cc',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        document.querySelector<HTMLButtonElement>('[data-testid="end-turn"]')?.click();
        requestAnimationFrame(() => setTimeout(resolve, 50));
      }),
  );
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
  };
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();

  const { main, tasks } = mainThread(events);
  const within = (t: TraceEvent) => main.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
  const click = tasks.findIndex((t) => within(t).some((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click'));
  if (click < 0) {
    console.log('no click task found');
    continue;
  }
  let total = 0;
  const frame: TraceEvent[] = [];
  for (const t of tasks.slice(click)) {
    frame.push(t);
    total += cpuMs(t);
    if (within(t).some((e) => e.name === 'ProxyMain::BeginMainFrame')) break;
  }
  totals.push(total);
  if (process.env.PROFILE_TASKS) {
    for (const t of frame) {
      const cpu = cpuMs(t);
      if (cpu < 0.5) continue;
      const kids = within(t)
        .filter((e) => (e.tdur ?? e.dur ?? 0) > 300)
        .map((e) => `${e.name}${e.args?.data?.type ? `:${e.args.data.type}` : ''} ${cpuMs(e).toFixed(1)}`);
      console.log(`   task ${cpu.toFixed(1)} ms: ${kids.join(' | ')}`);
      for (const e of within(t)) {
        const stack = e.args?.beginData?.stackTrace;
        if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && stack?.length)
          console.log(
            `      forced ${e.name} ${cpuMs(e).toFixed(1)} ms (${e.args?.beginData?.dirtyObjects ?? e.args?.elementCount ?? ''}/${e.args?.beginData?.totalObjects ?? ''}) by ${stack
              .slice(0, 4)
              .map((f) => `${f.functionName}:${f.lineNumber + 1}`)
              .join(' < ')}`,
          );
      }
    }
  }
  const turnEvents = new Map<string, number>();
  for (const t of frame) {
    for (const e of within(t)) {
      if (
        [
          'FunctionCall',
          'EventDispatch',
          'UpdateLayoutTree',
          'Layout',
          'Paint',
          'PrePaint',
          'Layerize',
          'Commit',
          'TimerFire',
          'FireAnimationFrame',
          'RunMicrotasks',
          'HitTest',
          'ScheduleStyleRecalculation',
          'PaintImage',
          'Decode Image',
          'UpdateLayer',
          'ParseAuthorStyleSheet',
          'v8.callFunction',
          'GCEvent',
          'MinorGC',
          'MajorGC',
          'V8.GC_SCAVENGER',
          'BlinkGC.AtomicPhase',
        ].includes(e.name)
      ) {
        const k = e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type}` : e.name;
        turnEvents.set(k, (turnEvents.get(k) ?? 0) + cpuMs(e));
      }
    }
  }
  for (const [k, v] of turnEvents) byEvent.set(k, (byEvent.get(k) ?? 0) + v);
  console.log(`turn ${turn + 1}: ${total.toFixed(1)} ms CPU in ${frame.length} tasks;`, [...turnEvents].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));

  // Inclusive time of each function over the samples inside the turn frame's tasks.
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const inFrame = (ts: number) => frame.some((t) => ts >= t.ts && ts <= t.ts + (t.dur ?? 0));
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    ts += dt;
    if (!inFrame(ts)) return;
    const seen = new Set<string>();
    for (let n = nodes.get(id); n; n = nodes.get(parent.get(n.id) ?? -1)) {
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      byFunction.set(k, (byFunction.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? dt) / 1000);
    }
  });
}
await browser.close();
await server.close();
const avg = (m: Map<string, number>) => [...m].map(([k, v]) => [k, v / TURNS] as const).sort((a, b) => b[1] - a[1]);
console.log(
  `\nmean end-turn frame CPU: ${(totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length)).toFixed(1)} ms (${totals.map((t) => t.toFixed(1)).join(', ')})`,
);
console.log('\nby trace event (mean ms per turn; nested events overlap):');
for (const [k, v] of avg(byEvent)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
console.log('\ninclusive time by function inside the turn frame (mean ms per turn, top 60):');
for (const [k, v] of avg(byFunction).slice(0, 60)) console.log(`  ${v.toFixed(2).padStart(7)}  ${k}`);
