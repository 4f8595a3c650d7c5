/**
 * What the browser benches read from a Chromium trace: the event shape and the renderer's
 * main thread. Shared by browser-end-turn.ts (the bench's end-turn CPU) and
 * end-turn-profile.ts (a script that runs when imported, so it cannot be imported from).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, which a busy machine does not inflate the way it inflates `dur`. */
  tdur?: number;
  args?: {
    name?: string;
    data?: { type?: string };
    beginData?: { stackTrace?: { functionName: string; lineNumber: number }[]; dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
    elementCount?: number;
  };
}

/** The renderer main thread's complete events in time order, and among them its tasks. */
export function mainThread(events: TraceEvent[]): { main: TraceEvent[]; tasks: TraceEvent[] } {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = events.filter((e) => e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  return { main, tasks };
}

/** A task's CPU time in milliseconds (thread time where the trace has it). */
export const cpuMs = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000;
