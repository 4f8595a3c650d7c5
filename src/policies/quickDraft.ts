/**
 * The position a quick look (quickLook.ts) builds: the position being weighed itself,
 * written in place and put back when the look is over, as the engine's journaled looks
 * do with keyed records (clone.ts). A policy makes thousands of looks a game; copying
 * the state, its meters and the powers it touches for each cost more than the effects.
 * The position is the policy's to read during its call (policy.ts), and every write is
 * logged with the value it replaced, so `undo` leaves it as it was, value for value.
 */
import { type GameState, PART, type RngState, type RouteState, WRITABLE_VARS, type WritableVar } from '../core/index.ts';
import { type Slot as CoreSlot, peek as peekSlot, powerAt, setMeterAt, slotOf } from '../core/slots.ts';
import type { Scenario } from '../scenario/types.ts';
import { varBit, type Written } from './written.ts';

/** A writable variable: the engine's slot (core/slots.ts: where it lives, its range, read
 *  by name), the variable's bit (written.ts) and the part of the state it is in. */
export interface Slot {
  core: CoreSlot;
  bit: number;
  part: number;
  kind: 'meter' | 'treasury' | 'capital' | 'relation' | 'influence' | 'baseRelation' | 'aggression';
  /** The meter's place in METER_IDS, or the power's in POWER_IDS. */
  index: number;
  min: number;
  max: number;
}

/** Each writable variable's slot, by name. */
export const SLOTS = new Map<string, Slot>();
for (const v of WRITABLE_VARS) {
  const core = slotOf(v as WritableVar) as CoreSlot;
  const dot = v.indexOf('.');
  const part = v.slice(dot + 1);
  const kind: Slot['kind'] =
    v === 'treasury' || v === 'capital' ? v : dot < 0 ? 'meter' : part === 'relation' || part === 'baseRelation' || part === 'aggression' ? part : 'influence';
  const parts = { meter: PART.meters, treasury: PART.treasury, capital: PART.capital };
  SLOTS.set(v, {
    core,
    bit: varBit(v),
    part: kind in parts ? parts[kind as keyof typeof parts] : PART.powers,
    kind,
    index: core.index,
    min: core.min,
    max: core.max,
  });
}

export interface Draft {
  /** The position, as the move leaves it while the look runs. */
  s: GameState;
  /** What the move wrote (the same object each look, emptied by `begin`). */
  written: Written;
  /** What the move wrote that the draft leaves out: the schedule (PART.other). */
  unmodeled: number;
  /** What was written in place, to put back: four slots an entry (the object, the key,
   *  whether it had the key, the value replaced); `top` slots in use. */
  log: unknown[];
  top: number;
  /** The variables written, and the values they replaced (`vars` in use): numbers that
   *  are always there, put back by name rather than by a key that varies. */
  varSlots: Slot[];
  varBefore: number[];
  vars: number;
  /** The game's generator during the look (the draft's own, refilled by `begin`), and
   *  the position's, put back by `undo`: written by name, not through the keyed log. */
  rng: RngState;
  rngBefore: RngState;
  /** The routes this look copied into the position's record. */
  routes: RouteState[];
  steps: number;
  ok: boolean;
}

export function newDraft(): Draft {
  return {
    s: undefined as unknown as GameState,
    written: { bits: 0, flags: [], fired: [], chosen: [], uses: [], vars: 0 },
    unmodeled: 0,
    log: [],
    top: 0,
    varSlots: [],
    varBefore: [],
    vars: 0,
    rng: { c: 0, s0: 0, s1: 0, s2: 0 },
    rngBefore: { c: 0, s0: 0, s1: 0, s2: 0 },
    routes: [],
    steps: 0,
    ok: true,
  };
}

/** Drafts no look is using. A look takes one when it starts and gives it back when it is
 *  over (a look inside another takes a second): a policy made a QuickLooks, and with it a
 *  draft of a dozen objects, for every decision and for every look that opens a closed
 *  action. */
const spare: Draft[] = [];

/** A draft for a look to begin. */
export function takeDraft(): Draft {
  return spare.pop() ?? newDraft();
}

/** Hands back a draft whose look is over (undone). */
export function giveBack(d: Draft): void {
  spare.push(d);
}

/** Starts a look at `s` with `rng` as the game's generator; `bits`: the parts the move
 *  writes whatever its effects. What the last look wrote is forgotten: a look's position
 *  and what it wrote are valid only while it runs. */
export function begin(d: Draft, s: GameState, rng: RngState, bits: number): void {
  d.s = s;
  const w = d.written;
  w.bits = bits;
  w.vars = 0;
  // Emptied by popping, not by setting the length (a call into V8's runtime from optimized
  // code: ~1 % of a balance worker's time, as a look always writes `uses`) nor by a new
  // array (an array and its store a look, ~15 % of what a balance worker allocated): a
  // pop is compiled inline and keeps the store for the next look. The lists hold a few
  // ids at most.
  empty(w.flags);
  empty(w.fired);
  empty(w.chosen);
  empty(w.uses);
  d.unmodeled = 0;
  d.top = 0;
  d.vars = 0;
  if (d.routes.length > 0) d.routes = [];
  d.steps = 0;
  d.ok = true;
  // A copy: the look draws from it, and `rng` (the policy's, or a look's) stays as it was.
  const own = d.rng;
  own.c = rng.c;
  own.s0 = rng.s0;
  own.s1 = rng.s1;
  own.s2 = rng.s2;
  d.rngBefore = s.rng;
  s.rng = own;
}

function empty(list: string[]): void {
  while (list.length > 0) list.pop();
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
  const s = d.s;
  for (let i = d.vars - 1; i >= 0; i--) poke(s, d.varSlots[i] as Slot, d.varBefore[i] as number);
  d.vars = 0;
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
  s.rng = d.rngBefore;
}

/** A variable's value in the draft. */
export function peek(d: Draft, slot: Slot, scenario: Scenario): number {
  return peekSlot(d.s, slot.core, scenario);
}

/** Writes a variable that is always in the state (not a base relation or aggression,
 *  which a state may leave to the scenario), by name. */
function poke(s: GameState, slot: Slot, value: number): void {
  switch (slot.kind) {
    case 'meter':
      setMeterAt(s.meters, slot.index, value);
      return;
    case 'treasury':
      s.treasury = value;
      return;
    case 'capital':
      s.capital = value;
      return;
    case 'relation':
      powerAt(s.powers, slot.index).relation = value;
      return;
    default:
      powerAt(s.powers, slot.index).influence = value;
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
  const w = d.written;
  w.vars = (w.vars as number) | slot.bit;
  w.bits |= slot.part;
  if (slot.kind === 'baseRelation' || slot.kind === 'aggression') {
    // May be absent from the state (the scenario's then): logged as a keyed write.
    put(d, powerAt(d.s.powers, slot.index), slot.kind, after);
    return;
  }
  const at = d.vars;
  d.varSlots[at] = slot;
  d.varBefore[at] = before;
  d.vars = at + 1;
  poke(d.s, slot, after);
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
