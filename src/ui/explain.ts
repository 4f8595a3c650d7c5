/**
 * Reading the recorded causes back: how much a variable moved over the last turn and
 * this one, and why. Nothing is computed here that the engine did not record.
 */
import { eachChange, type GameState, recordSnapshot, type Snapshot } from '../core/index.ts';

export interface Explained {
  delta: number;
  causes: { cause: string; delta: number }[];
}

/** Change over the last completed turn and the current one so far, with causes summed by label. */
export function explainVar(state: GameState, v: string): Explained {
  const records = [state.history[state.history.length - 1], state.current].filter((r) => r !== undefined);
  const totals = new Map<string, number>();
  let delta = 0;
  for (const r of records) {
    eachChange(state, r, (name, d, cause) => {
      if (name !== v) return;
      delta += d;
      totals.set(cause, (totals.get(cause) ?? 0) + d);
    });
  }
  const causes = [...totals.entries()]
    .filter(([, d]) => d !== 0)
    .map(([cause, d]) => ({ cause, delta: d }))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  return { delta, causes };
}

/** Values of a variable over the completed turns, for charts. */
export function series(state: GameState, pick: (s: Snapshot) => number): number[] {
  const out: number[] = [];
  for (const r of state.history) {
    const snap = recordSnapshot(r);
    if (snap) out.push(pick(snap));
  }
  return out;
}
