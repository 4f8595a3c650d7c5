/**
 * Which variables a move wrote, and which a condition reads, one bit per writable
 * variable: finer than core/reads.ts, where any relation or meter is one part of the
 * state (PART.powers, PART.meters). Nearly every action moves some relation, so with
 * parts alone a policy would read every power's agenda again after every move it weighs;
 * with variables, only the agendas that read a relation the move changed.
 *
 * A quick look (quickLook.ts) knows each variable it changes and reports them in `vars`;
 * a look through the engine reports parts only (no `vars`), and is then taken to have
 * written every variable of the parts it changed.
 */
import { type Footprint, PART, readsOf, readsOfAll, type Touched, WRITABLE_VARS } from '../core/index.ts';
import type { Condition } from '../scenario/types.ts';

/** What a move wrote: the parts, the keyed entries and, from a quick look, the variables. */
export interface Written extends Touched {
  vars?: number;
}

const BITS = new Map<string, number>(WRITABLE_VARS.map((v, i) => [v, 2 ** i]));
/** Every writable variable (23 of them: the bits fit in a small integer). */
export const ALL_VARS = 2 ** WRITABLE_VARS.length - 1;
/** The parts that `vars` tells apart. */
const VAR_PARTS = PART.meters | PART.powers;

/** The bit of a writable variable. */
export function varBit(v: string): number {
  return BITS.get(v) ?? ALL_VARS;
}

/** What conditions read, with the variables among it. */
export interface Reads {
  footprint: Footprint;
  /** The footprint's parts, less those `vars` tells apart. */
  otherBits: number;
  /** The variables read; every one for a variable no effect writes (a stance, the
   *  balance, the worst relation), which only the engine's looks can move. */
  vars: number;
}

function addVars(c: Condition, depth: number): number {
  if (depth > 32) return ALL_VARS;
  if ('all' in c) return c.all.reduce((n, x) => n | addVars(x, depth + 1), 0);
  if ('any' in c) return c.any.reduce((n, x) => n | addVars(x, depth + 1), 0);
  if ('not' in c) return addVars(c.not, depth + 1);
  if ('var' in c) return varBit(c.var);
  // The kinds core/reads.ts reads as other parts or keyed entries; any other kind reads
  // everything there, and every variable here.
  for (const k of NO_VARS) if (k in c) return 0;
  return ALL_VARS;
}

const NO_VARS = ['counter', 'flag', 'since', 'until', 'route', 'field', 'fired', 'chose', 'took', 'leader', 'active'];

const cache = new WeakMap<object, Reads>();

function readsFrom(footprint: Footprint, vars: number): Reads {
  return { footprint, otherBits: footprint.bits & ~VAR_PARTS, vars: (footprint.bits & VAR_PARTS) === 0 ? 0 : vars };
}

/** What the conditions of a list of entries read (cached by the list). */
export function readsOfList(list: readonly { when?: Condition }[]): Reads {
  let r = cache.get(list);
  if (!r) {
    let vars = 0;
    for (const x of list) if (x.when) vars |= addVars(x.when, 0);
    r = readsFrom(readsOfAll(list), vars);
    cache.set(list, r);
  }
  return r;
}

/** What one condition reads (cached by the condition). */
export function readsOfCondition(c: Condition | undefined): Reads {
  if (!c) return readsFrom(readsOf(c), 0);
  let r = cache.get(c);
  if (!r) {
    r = readsFrom(readsOf(c), addVars(c, 0));
    cache.set(c, r);
  }
  return r;
}

/** Conditions' reads together, with flags a rule reads besides its condition. */
export function joinReads(all: readonly Reads[], flags: readonly string[] = []): Reads {
  const footprint: Footprint = { bits: 0, flags: new Set(flags), fired: new Set(), chosen: new Set(), uses: new Set() };
  let vars = 0;
  for (const r of all) {
    footprint.bits |= r.footprint.bits;
    for (const key of ['flags', 'fired', 'chosen', 'uses'] as const) for (const x of r.footprint[key]) footprint[key].add(x);
    vars |= r.vars;
  }
  return readsFrom(footprint, vars);
}

/** Whether a move that wrote `w` can have changed anything `r` reads. */
export function wroteRead(w: Written, r: Reads): boolean {
  const f = r.footprint;
  if (w.vars === undefined) {
    if ((w.bits & f.bits) !== 0) return true;
  } else if ((w.bits & r.otherBits) !== 0 || (w.vars & r.vars) !== 0) return true;
  return hit(w.flags, f.flags) || hit(w.fired, f.fired) || hit(w.chosen, f.chosen) || hit(w.uses, f.uses);
}

function hit(written: readonly string[], read: ReadonlySet<string>): boolean {
  if (written.length === 0 || read.size === 0) return false;
  for (const id of written) if (read.has(id)) return true;
  return false;
}
