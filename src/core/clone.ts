/**
 * Copying a state before changing it. Every public operation returns a new state and
 * leaves its input untouched; this copies the parts a step may change and shares the
 * rest. Past turn records are never changed after they are written, so the history
 * array is shared and copied only when a record is appended.
 */
import type { GameState, PowerState, TurnRecord } from './state.ts';

function copyRecord<T>(rec: Record<string, T>, copyValue: (v: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k in rec) out[k] = copyValue(rec[k] as T);
  return out;
}

const copyPower = (p: PowerState): PowerState => ({ ...p, cooldowns: { ...p.cooldowns } });

export function copyTurnRecord(r: TurnRecord): TurnRecord {
  return {
    ...r,
    actions: [...r.actions],
    choices: [...r.choices],
    events: [...r.events],
    responses: [...r.responses],
    changes: [...r.changes],
  };
}

export function cloneState(s: GameState): GameState {
  return {
    ...s,
    meters: { ...s.meters },
    powers: {
      russia: copyPower(s.powers.russia),
      turkey: copyPower(s.powers.turkey),
      iran: copyPower(s.powers.iran),
      west: copyPower(s.powers.west),
    },
    routes: copyRecord(s.routes, (r) => ({ ...r })),
    fields: copyRecord(s.fields, (f) => ({ ...f })),
    flags: { ...s.flags },
    fired: { ...s.fired },
    chosen: { ...s.chosen },
    uses: { ...s.uses },
    lastTaken: { ...s.lastTaken },
    pending: [...s.pending],
    scheduled: [...s.scheduled],
    current: copyTurnRecord(s.current),
    rng: { ...s.rng },
  };
}
