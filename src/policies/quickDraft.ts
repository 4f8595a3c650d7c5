/**
 * The position a quick look (quickLook.ts) builds: the position being weighed itself,
 * written in place and put back when the look is over, as the engine's journaled looks
 * do with keyed records (clone.ts). A policy makes thousands of looks a game; copying
 * the state, its meters and the powers it touches for each cost more than the effects.
 * The position is the policy's to read during its call (policy.ts), and every write is
 * logged with the value it replaced, so `undo` leaves it as it was, value for value.
 */
import { type GameState, PART, type PowerId, type PowerState, type RngState, type RouteState, rangeOf, WRITABLE_VARS } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { varBit, type Written } from './written.ts';

export type Slot = { bit: number; min: number; max: number } & (
  | { kind: 'meter'; meter: keyof GameState['meters'] }
  | { kind: 'treasury' | 'capital' }
  | { kind: 'relation' | 'influence' | 'baseRelation' | 'aggression'; power: PowerId }
);

/** Where each writable variable lives and its range, as vars.ts decides it. */
export const SLOTS = new Map<string, Slot>();
for (const v of WRITABLE_VARS) {
  const { min, max } = rangeOf(v);
  const bit = varBit(v);
  const dot = v.indexOf('.');
  if (v === 'treasury' || v === 'capital') SLOTS.set(v, { kind: v, bit, min, max });
  else if (dot < 0) SLOTS.set(v, { kind: 'meter', meter: v as keyof GameState['meters'], bit, min, max });
  else {
    const part = v.slice(dot + 1);
    const kind = part === 'relation' || part === 'baseRelation' || part === 'aggression' ? part : 'influence';
    SLOTS.set(v, { kind, power: v.slice(0, dot) as PowerId, bit, min, max });
  }
}

export interface Draft {
  /** The position, as the move leaves it while the look runs. */
  s: GameState;
  written: Written;
  /** What the move wrote that the draft leaves out: the schedule (PART.other). */
  unmodeled: number;
  /** What was written in place, to put back: four slots an entry (the object, the key,
   *  whether it had the key, the value replaced); `top` slots in use. */
  log: unknown[];
  top: number;
  /** The routes this look copied into the position's record. */
  routes: RouteState[];
  steps: number;
  ok: boolean;
}

export function newDraft(): Draft {
  return { s: undefined as unknown as GameState, written: emptyWritten(0), unmodeled: 0, log: [], top: 0, routes: [], steps: 0, ok: true };
}

function emptyWritten(bits: number): Written {
  return { bits, flags: [], fired: [], chosen: [], uses: [], vars: 0 };
}

/** Starts a look at `s` with `rng` as the game's generator; `bits`: the parts the move writes whatever its effects. */
export function begin(d: Draft, s: GameState, rng: RngState, bits: number): void {
  d.s = s;
  d.written = emptyWritten(bits);
  d.unmodeled = 0;
  d.top = 0;
  if (d.routes.length > 0) d.routes = [];
  d.steps = 0;
  d.ok = true;
  put(d, s, 'rng', { c: rng.c, s0: rng.s0, s1: rng.s1, s2: rng.s2 });
}

/** Writes `value` at `key` of `o` in place, logging what it replaces. */
function put(d: Draft, o: object, key: string, value: unknown): void {
  const rec = o as Record<string, unknown>;
  const log = d.log;
  const at = d.top;
  log[at] = rec;
  log[at + 1] = key;
  log[at + 2] = Object.hasOwn(rec, key);
  log[at + 3] = rec[key];
  d.top = at + 4;
  if (value === undefined) delete rec[key];
  else rec[key] = value;
}

/** Puts the position back as it was before the look, last write first. */
export function undo(d: Draft): void {
  const log = d.log;
  for (let i = d.top - 4; i >= 0; i -= 4) {
    const rec = log[i] as Record<string, unknown>;
    const key = log[i + 1] as string;
    if (log[i + 2] === true) rec[key] = log[i + 3];
    else delete rec[key];
    log[i] = undefined;
    log[i + 3] = undefined;
  }
  d.top = 0;
}

/** A variable's value in the draft. */
export function peek(d: Draft, slot: Slot, scenario: Scenario): number {
  const s = d.s;
  switch (slot.kind) {
    case 'meter':
      return s.meters[slot.meter];
    case 'treasury':
      return s.treasury;
    case 'capital':
      return s.capital;
    case 'relation':
      return s.powers[slot.power].relation;
    case 'influence':
      return s.powers[slot.power].influence;
    default:
      return s.powers[slot.power][slot.kind] ?? scenario.powers[slot.power][slot.kind] ?? 0;
  }
}

/** vars.ts `change`, on the draft: `delta` rounded, the result clamped to the variable's range. */
export function change(d: Draft, slot: Slot, delta: number, scenario: Scenario): void {
  const n = Math.round(delta);
  if (n === 0) return;
  const before = peek(d, slot, scenario);
  let after = before + n;
  if (after < slot.min) after = slot.min;
  if (after > slot.max) after = slot.max;
  if (after === before) return;
  const s = d.s;
  const w = d.written;
  w.vars = (w.vars as number) | slot.bit;
  switch (slot.kind) {
    case 'meter':
      put(d, s.meters, slot.meter, after);
      w.bits |= PART.meters;
      return;
    case 'treasury':
      put(d, s, 'treasury', after);
      w.bits |= PART.treasury;
      return;
    case 'capital':
      put(d, s, 'capital', after);
      w.bits |= PART.capital;
      return;
    default:
      put(d, s.powers[slot.power] as PowerState, slot.kind, after);
      w.bits |= PART.powers;
  }
}

/** Sets a field of the state in place (the leader, the waiting list). */
export function setField(d: Draft, key: 'leader' | 'pending', value: unknown, bits: number): void {
  put(d, d.s, key, value);
  d.written.bits |= bits;
}

/** Sets one entry of a keyed record in place (`undefined` deletes it). */
export function setEntry(d: Draft, key: 'flags' | 'uses' | 'lastTaken' | 'chosen', id: string, value: unknown): void {
  const w = d.written;
  if (key === 'lastTaken') w.bits |= PART.lastTaken;
  else if (key === 'uses') {
    if (!w.uses.includes(id)) w.uses.push(id);
  } else w[key].push(id);
  put(d, d.s[key], id, value);
}

/** The route `id` of the draft, the look's own copy, to change; undefined when the position has none. */
export function ownRoute(d: Draft, id: string): RouteState | undefined {
  const routes = d.s.routes;
  const current = routes[id];
  if (!current) return undefined;
  d.written.bits |= PART.routes;
  if (d.routes.includes(current)) return current;
  const copy = { ...current };
  d.routes.push(copy);
  put(d, routes, id, copy);
  return copy;
}
