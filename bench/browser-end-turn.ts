/**
 * The end-turn frame for `npm run bench:browser`: main-thread time of the frame that shows
 * the new turn (the click's handler, the engine, the panels, the browser's style, layout,
 * paint and commit) and the longest frame in the second after it, measured on the wall
 * clock from the page and as CPU time from a Chromium trace.
 */
import type { Page } from 'playwright-core';
import { cpuMs, mainThread, type TraceEvent } from './trace.ts';

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

export type Frames = { turnFrame: number; worstAfter: number }[];

/** Answers the pending events (as a player would, by clicking the first choice). */
export const answerEvents = (page: Page) =>
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

/** Ends the turn without measuring (to walk a game forward). */
export const endTurnNow = (page: Page) => page.evaluate(() => (window as unknown as { __caspian: Hooks }).__caspian.store.getState().endTurn());

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

function framesCpu(events: TraceEvent[]): number[] {
  const { main, tasks } = mainThread(events);
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
    cpu += cpuMs(t);
    if (inside(t, 'ProxyMain::BeginMainFrame')) {
      frames.push(cpu);
      cpu = 0;
    }
  }
  return frames;
}

/** One end turn timed on the wall clock, then another traced for CPU time. */
export async function oneEndTurn(p: Page, into: { wall: Frames; cpu: Frames }): Promise<void> {
  if ((await answerEvents(p)) === 'restarted') await answerEvents(p);
  await p.waitForTimeout(400); // let the previous turn's pulses settle a little
  into.wall.push(await timeEndTurn(p));
  if ((await answerEvents(p)) === 'restarted') await answerEvents(p);
  await p.waitForTimeout(400);
  const [first = 0, ...rest] = await traceEndTurn(p);
  into.cpu.push({ turnFrame: first, worstAfter: Math.max(0, ...rest) });
}
