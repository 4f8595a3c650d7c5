/**
 * An effect list as a quick look (quickLook.ts) runs it: each effect read once into a step
 * of one shape, its variable's slot found and its flag's value worked out, the lists under
 * an `if` or `chance` as steps too. A balancer game makes ~2,400 quick looks; reading the
 * scenario's effects themselves, objects of a dozen shapes, took V8's slow generic lookup
 * for every field and a map lookup for every variable's slot on every look.
 *
 * A step holds what its effect says, nothing of a game: running the steps is running the
 * effects, in the same order with the same draws.
 */
import { type GameState, MAX_DEPTH, nextInt, type Test, testOf } from '../core/index.ts';
import type { Amount, Effect } from '../scenario/types.ts';
import { SLOTS, type Slot } from './quickDraft.ts';

/** What a step does (its effect's `op`, the schedule's two as one, the engine's own as OTHER). */
export const STEP = {
  add: 0,
  set: 1,
  flag: 2,
  counter: 3,
  route: 4,
  if: 5,
  chance: 6,
  schedule: 7,
  leader: 8,
  other: 9,
} as const;

export interface QuickStep {
  kind: number;
  /** The effect itself (a counter's and a route's change read it as the engine does). */
  effect: Effect;
  /** add, set: the variable's slot (undefined: a variable no draft keeps). */
  slot: Slot | undefined;
  /** add: the delta when fixed; set: the value; chance: the percent. */
  amount: number;
  /** add: the range the delta is drawn from, or null when it is fixed. */
  range: { min: number; max: number } | null;
  /** flag: the flag; leader: the name. */
  key: string;
  /** flag: the value written (undefined clears it). */
  value: boolean | number | undefined;
  /** if: the condition's test (null: none, it holds). */
  test: Test | null;
  /** if, chance: the lists run when it holds and when it does not. */
  holds: QuickStep[];
  otherwise: QuickStep[];
}

const NONE: QuickStep[] = [];
const cache = new WeakMap<readonly Effect[], QuickStep[]>();

/** The steps of an effect list, made once per list. */
export function stepsOf(effects: readonly Effect[]): QuickStep[] {
  let steps = cache.get(effects);
  if (steps === undefined) {
    steps = compile(effects, 0);
    cache.set(effects, steps);
  }
  return steps;
}

/** A look runs no list deeper than MAX_DEPTH (quickLook.ts run): deeper lists are left empty. */
function compile(effects: readonly Effect[], depth: number): QuickStep[] {
  if (depth > MAX_DEPTH) return NONE;
  return effects.map((e) => step(e, depth));
}

function step(e: Effect, depth: number): QuickStep {
  const s: QuickStep = {
    kind: STEP.other,
    effect: e,
    slot: undefined,
    amount: 0,
    range: null,
    key: '',
    value: undefined,
    test: null,
    holds: NONE,
    otherwise: NONE,
  };
  switch (e.op) {
    case 'add':
      s.kind = STEP.add;
      s.slot = SLOTS.get(e.var);
      setAmount(s, e.delta);
      break;
    case 'set':
      s.kind = STEP.set;
      s.slot = SLOTS.get(e.var);
      s.amount = e.value;
      break;
    case 'flag': {
      s.kind = STEP.flag;
      s.key = e.flag;
      const value = e.value ?? true;
      s.value = value === false || value === 0 ? undefined : value;
      break;
    }
    case 'inc':
    case 'dec':
      s.kind = STEP.counter;
      break;
    case 'route':
      s.kind = STEP.route;
      break;
    case 'if':
      s.kind = STEP.if;
      s.test = e.when === undefined ? null : testOf(e.when);
      s.holds = compile(e.then, depth + 1);
      s.otherwise = compile(e.else ?? NONE_EFFECTS, depth + 1);
      break;
    case 'chance':
      s.kind = STEP.chance;
      s.amount = e.percent;
      s.holds = compile(e.then, depth + 1);
      s.otherwise = compile(e.else ?? NONE_EFFECTS, depth + 1);
      break;
    case 'event':
    case 'cancel':
      s.kind = STEP.schedule;
      break;
    case 'leader':
      s.kind = STEP.leader;
      s.key = e.name;
      break;
  }
  return s;
}

const NONE_EFFECTS: readonly Effect[] = [];

function setAmount(s: QuickStep, a: Amount): void {
  if (typeof a === 'number') s.amount = a;
  else s.range = { min: a.min, max: a.max };
}

/** effects.ts `draw` of an add step's delta: the same draw from the game's generator. */
export function deltaOf(s: GameState, step: QuickStep): number {
  const r = step.range;
  return r === null ? step.amount : r.min + nextInt(s.rng, r.max - r.min + 1);
}
