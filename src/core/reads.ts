/**
 * What a condition reads and what a move wrote, so a policy weighing many moves from one
 * position can tell which of its readings a move cannot have changed and keep them,
 * instead of testing every condition again after every move. Both sides are coarse where
 * that is cheap (any meter, any power) and exact for keyed records (this flag, this
 * action's uses). A condition of a kind not known here reads everything: a new kind is
 * always safe, only slower.
 */
import type { Condition } from '../scenario/types.ts';
import type { GameState } from './state.ts';

/** Parts of the state, one bit each. */
export const PART = {
  meters: 1,
  treasury: 2,
  capital: 4,
  revenue: 8,
  powers: 16,
  routes: 32,
  fields: 64,
  leader: 128,
  active: 256,
  turn: 512,
  flags: 1024,
  fired: 2048,
  chosen: 4096,
  uses: 8192,
  lastTaken: 16384,
  other: 32768,
} as const;
export const EVERYTHING = 65535;

/** What a condition (or a list of them) reads: whole parts, and single entries of keyed records. */
export interface Footprint {
  bits: number;
  flags: Set<string>;
  fired: Set<string>;
  chosen: Set<string>;
  uses: Set<string>;
}

/** What a move wrote: whole parts, and the entries of keyed records it set. */
export interface Touched {
  bits: number;
  flags: string[];
  fired: string[];
  chosen: string[];
  uses: string[];
}

export function emptyTouched(): Touched {
  return { bits: 0, flags: [], fired: [], chosen: [], uses: [] };
}

function emptyFootprint(): Footprint {
  return { bits: 0, flags: new Set(), fired: new Set(), chosen: new Set(), uses: new Set() };
}

/** Whether a move that wrote `t` can have changed anything read by `f`. */
export function touches(t: Touched, f: Footprint): boolean {
  // Asked for every reading after every move a policy weighs: the four records spelled out.
  return (t.bits & f.bits) !== 0 || hit(t.flags, f.flags) || hit(t.fired, f.fired) || hit(t.chosen, f.chosen) || hit(t.uses, f.uses);
}

function hit(written: readonly string[], read: ReadonlySet<string>): boolean {
  if (written.length === 0 || read.size === 0) return false;
  for (const id of written) if (read.has(id)) return true;
  return false;
}

const METERS = new Set(['sovereignty', 'stability', 'economy', 'security', 'karabakh']);

function varBits(v: string): number {
  if (METERS.has(v)) return PART.meters;
  switch (v) {
    case 'treasury':
      return PART.treasury;
    case 'capital':
      return PART.capital;
    case 'revenue':
      return PART.revenue;
    case 'balance':
    case 'worstRelation':
      return PART.powers;
    case 'oil':
    case 'gas':
      return PART.fields;
    case 'turn':
    case 'year':
      return PART.turn;
  }
  return v.includes('.') ? PART.powers : EVERYTHING;
}

function add(c: Condition, f: Footprint, depth: number): void {
  if (depth > 32) {
    f.bits |= EVERYTHING;
    return;
  }
  if ('all' in c) for (const x of c.all) add(x, f, depth + 1);
  else if ('any' in c) for (const x of c.any) add(x, f, depth + 1);
  else if ('not' in c) add(c.not, f, depth + 1);
  else if ('var' in c) f.bits |= varBits(c.var);
  else if ('counter' in c) f.flags.add(c.counter);
  else if ('flag' in c) f.flags.add(c.flag);
  else if ('since' in c || 'until' in c) f.bits |= PART.turn;
  else if ('route' in c) f.bits |= PART.routes;
  else if ('field' in c) f.bits |= PART.fields;
  else if ('fired' in c) f.fired.add(c.fired);
  else if ('chose' in c) f.chosen.add(c.chose.event);
  else if ('took' in c) f.uses.add(c.took);
  else if ('leader' in c) f.bits |= PART.leader;
  else if ('active' in c) f.bits |= PART.active;
  else f.bits |= EVERYTHING;
}

const cache = new WeakMap<object, Footprint>();

/** What the conditions of a list of entries read (cached by the list). */
export function readsOfAll(list: readonly { when?: Condition }[]): Footprint {
  let f = cache.get(list);
  if (!f) {
    f = emptyFootprint();
    for (const x of list) if (x.when) add(x.when, f, 0);
    cache.set(list, f);
  }
  return f;
}

/** What one condition reads (cached by the condition). */
export function readsOf(c: Condition | undefined): Footprint {
  if (!c) return emptyFootprint();
  let f = cache.get(c);
  if (!f) {
    f = emptyFootprint();
    add(c, f, 0);
    cache.set(c, f);
  }
  return f;
}

/** The parts a move changed, from the state before and after it (keyed records changed in
 *  place are reported entry by entry as they are written; see clone.ts). */
export function changedParts(before: GameState, after: GameState): number {
  let bits = 0;
  if (after.meters !== before.meters) bits |= PART.meters;
  if (after.treasury !== before.treasury) bits |= PART.treasury;
  if (after.capital !== before.capital) bits |= PART.capital;
  if (after.revenue !== before.revenue) bits |= PART.revenue;
  if (after.powers !== before.powers) bits |= PART.powers;
  if (after.routes !== before.routes) bits |= PART.routes;
  if (after.fields !== before.fields) bits |= PART.fields;
  if (after.leader !== before.leader) bits |= PART.leader;
  if (after.active !== before.active) bits |= PART.active;
  if (after.turn !== before.turn) bits |= PART.turn;
  if (after.flags !== before.flags) bits |= PART.flags;
  if (after.fired !== before.fired) bits |= PART.fired;
  if (after.chosen !== before.chosen) bits |= PART.chosen;
  if (after.uses !== before.uses) bits |= PART.uses;
  if (after.lastTaken !== before.lastTaken) bits |= PART.lastTaken;
  if (after.outcome !== before.outcome || after.won !== before.won || after.scheduled !== before.scheduled || after.pending !== before.pending)
    bits |= PART.other;
  return bits;
}
