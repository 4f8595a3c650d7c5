/**
 * `npx tsx bench/load-timeline.ts [--loads N]`: where a cold load of the game's first
 * playable turn spends its time (?play=independence-1991), next to the bare Phaser page:
 * each file's request start and end, the main thread's long tasks, and the marks (the
 * first choice or guide button clickable, the map's first frame). A tool for finding
 * what to cut; `npm run bench:browser` gives the figures.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.ts';
import { MARK_FIRST_CHOICE, NAME_HELPER, STEPS } from './browser-first-turn.ts';
import { CONFIG, configWithoutWorker } from './config.ts';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LOADS = arg('loads', 3);
/** --profile: also a sampling CPU profile of the game's load, by function (unminified build). */
const PROFILE = process.argv.includes('--profile');
const out = (name: string) => join(tmpdir(), `caspian-timeline-${process.pid}`, name);
const pages = {
  game: { root: ROOT, dist: out('game') },
  bare: { root: join(ROOT, 'bench/bare'), dist: out('bare') },
};
for (const p of Object.values(pages)) {
  const options = {
    outDir: p.dist,
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    minify: !PROFILE,
  };
  // The game with its offline worker, as shipped, unless profiling (bench/config.ts).
  if (p === pages.game && !PROFILE)
    await build({
      root: p.root,
      configFile: CONFIG,
      logLevel: 'error',
      build: options,
    });
  else
    await build({
      ...(await configWithoutWorker(p.root, options)),
      logLevel: 'error',
    });
}
const serve = async (p: { root: string; dist: string }) => {
  const server = await preview({
    root: p.root,
    configFile: CONFIG,
    build: { outDir: p.dist },
    preview: { port: 0, open: false },
    logLevel: 'warn',
  });
  const a = server.httpServer.address();
  return {
    server,
    url: `http://localhost:${typeof a === 'object' && a ? a.port : 4173}/`,
  };
};
const servers = {
  game: await serve(pages.game),
  bare: await serve(pages.bare),
};
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});

/** Also records the long tasks, which the timeline lists. */
const RECORD_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
})();`;

for (let i = 0; i < LOADS; i++) {
  for (const kind of ['bare', 'game'] as const) {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    await page.addInitScript(NAME_HELPER);
    await page.addInitScript(MARK_FIRST_CHOICE);
    await page.addInitScript(RECORD_LONG_TASKS);
    const cdp = PROFILE && kind === 'game' ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(kind === 'game' ? `${servers.game.url}?play=independence-1991&seed=1` : servers.bare.url);
    const marks = kind === 'game' ? STEPS.game : ['bare:first-frame'];
    for (const m of marks) await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, m, { timeout: 60_000 });
    const t = await page.evaluate((names) => {
      const r = (n: number) => Math.round(n);
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        nav: `html ${r(nav.requestStart)}–${r(nav.responseEnd)}, DOMContentLoaded ${r(nav.domContentLoadedEventEnd)}`,
        files: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
          (e) => `${e.name.split('/').pop()} ${r(e.startTime)}–${r(e.responseEnd)}`,
        ),
        marks: names.map((n) => `${n} ${r(performance.getEntriesByName(n)[0]?.startTime ?? -1)}`),
        long: (window as unknown as { __longTasks: number[][] }).__longTasks.map(([s, d]) => `${s}+${d}`).join(' '),
      };
    }, marks);
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: {
          nodes: {
            id: number;
            children?: number[];
            callFrame: {
              functionName: string;
              url: string;
              lineNumber: number;
            };
          }[];
          samples: number[];
          timeDeltas: number[];
        };
      };
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const self = new Map<string, number>();
      const incl = new Map<string, number>();
      profile.samples.forEach((id, j) => {
        const dt = (profile.timeDeltas[j + 1] ?? 0) / 1000;
        const seen = new Set<string>();
        for (let n = nodes.get(id), first = true; n; n = nodes.get(parent.get(n.id) ?? -1), first = false) {
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
          if (first) self.set(k, (self.get(k) ?? 0) + dt);
          if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
          seen.add(k);
        }
      });
      const top = (m: Map<string, number>, n: number) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([k, v]) => `    ${v.toFixed(0).padStart(6)}  ${k}`)
          .join('\n');
      console.log(`  self:\n${top(self, 25)}\n  inclusive:\n${top(incl, 45)}`);
    }
    console.log(`${kind}: ${t.marks.join(', ')}\n  ${t.nav}\n  ${t.files.join('\n  ')}\n  long tasks: ${t.long}`);
    await context.close();
  }
}
await browser.close();
for (const s of Object.values(servers)) await s.server.close();
