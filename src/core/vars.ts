/**
 * Reading and changing the state variables scenarios name. Every change goes through
 * `change`, which clamps to the variable's range and records the applied delta with its
 * cause, so the player can always ask "why did this move?".
 */
import type { Scenario } from '../scenario/types.ts';
import { calendarYear } from './time.ts';
import { balanceOf, production, worstRelation } from './derived.ts';
import { internString, own, ownPower, ownTurnList } from './clone.ts';
import type { GameState } from './state.ts';
import { POWER_IDS, type PowerId, type ReadableVar, rangeOf, WRITABLE_VARS, type WritableVar } from './vocabulary.ts';

export function readVar(scenario: Scenario, s: GameState, v: ReadableVar): number {
  switch (v) {
    case 'sovereignty':
    case 'stability':
    case 'economy':
    case 'security':
    case 'karabakh':
      return s.meters[v];
    case 'treasury':
      return s.treasury;
    case 'capital':
      return s.capital;
    case 'balance':
      return balanceOf(s);
    case 'worstRelation':
      return worstRelation(s);
    case 'revenue':
      return s.revenue;
    case 'oil':
    case 'gas':
      return production(s, v, scenario.energy.fields);
    case 'turn':
      return s.turn;
    case 'year':
      return calendarYear(scenario, s.turn);
    default: {
      const dot = v.indexOf('.');
      const power = s.powers[v.slice(0, dot) as PowerId];
      const part = v.slice(dot + 1);
      if (part === 'relation') return power.relation;
      if (part === 'influence') return power.influence;
      if (part === 'baseRelation' || part === 'aggression') return power[part] ?? scenario.powers[v.slice(0, dot) as PowerId][part];
      return power.stance;
    }
  }
}

/**
 * A reader of one variable, decided once (a compiled condition reads its variable on
 * every test): the same value `readVar` gives, without comparing and cutting the name
 * each time.
 */
export function varReader(v: ReadableVar): (scenario: Scenario, s: GameState) => number {
  switch (v) {
    case 'sovereignty':
    case 'stability':
    case 'economy':
    case 'security':
    case 'karabakh':
      return (_, s) => s.meters[v];
    case 'treasury':
      return (_, s) => s.treasury;
    case 'capital':
      return (_, s) => s.capital;
    case 'revenue':
      return (_, s) => s.revenue;
    case 'turn':
      return (_, s) => s.turn;
  }
  const dot = v.indexOf('.');
  const id = v.slice(0, dot) as PowerId;
  const part = v.slice(dot + 1);
  if (dot > 0 && (POWER_IDS as readonly string[]).includes(id)) {
    if (part === 'relation') return (_, s) => s.powers[id].relation;
    if (part === 'influence') return (_, s) => s.powers[id].influence;
    if (part === 'stance') return (_, s) => s.powers[id].stance;
  }
  return (scenario, s) => readVar(scenario, s, v);
}

/** Where each writable variable lives, decided once rather than by parsing its name on
 *  every change (a long game makes thousands of changes). */
type Slot =
  | { kind: 'meter'; meter: keyof GameState['meters'] }
  | { kind: 'treasury' }
  | { kind: 'capital' }
  | { kind: 'relation' | 'influence'; power: PowerId }
  | { kind: 'baseRelation' | 'aggression'; power: PowerId };

/** A slot also remembers where its name sits in the last string table it was recorded in
 *  (checked before use: tables differ between games, and a look's entries are undone). */
type SlotInfo = Slot & { name: WritableVar; min: number; max: number; table: string[] | null; at: number };

const SLOTS = new Map<WritableVar, SlotInfo>();
for (const v of WRITABLE_VARS) {
  const dot = v.indexOf('.');
  const range = rangeOf(v);
  let slot: Slot;
  if (v === 'treasury') slot = { kind: 'treasury' };
  else if (v === 'capital') slot = { kind: 'capital' };
  else if (dot < 0) slot = { kind: 'meter', meter: v as keyof GameState['meters'] };
  else {
    const part = v.slice(dot + 1);
    const kind = part === 'relation' || part === 'baseRelation' || part === 'aggression' ? part : 'influence';
    slot = { kind, power: v.slice(0, dot) as PowerId };
  }
  SLOTS.set(v, { ...slot, ...range, name: v, table: null, at: -1 });
}

/**
 * Adds `delta` (rounded to a whole number) to a writable variable, clamped to its range,
 * and records the change that actually happened (packed: see TurnRecord.changes).
 * Returns the applied delta. A power's base relation and aggression start at the
 * scenario's values, so changing them needs it.
 */
export function change(s: GameState, v: WritableVar, delta: number, cause: string, scenario?: Scenario): number {
  const d = Math.round(delta);
  if (d === 0) return 0;
  const slot = SLOTS.get(v);
  if (!slot) return 0;
  const before = peek(s, slot, scenario);
  let after = before + d;
  if (after < slot.min) after = slot.min;
  if (after > slot.max) after = slot.max;
  const applied = after - before;
  if (applied === 0) return 0;
  poke(s, slot, after);
  let varIndex = slot.at;
  if (slot.table !== s.strings || s.strings[varIndex] !== slot.name) {
    varIndex = internString(s, slot.name);
    slot.table = s.strings;
    slot.at = varIndex;
  }
  // An effect list changes several variables for one cause: its index is still good if
  // the table is the same and still holds it there (a look's entries are undone).
  let causeIndex = lastCauseAt;
  if (cause !== lastCause || lastCauseTable !== s.strings || s.strings[causeIndex] !== lastCauseEntry) {
    causeIndex = internString(s, cause);
    lastCause = cause;
    lastCauseTable = s.strings;
    lastCauseAt = causeIndex;
    lastCauseEntry = s.strings[causeIndex] as string;
  }
  ownTurnList(s, 'changes').push(varIndex, applied, causeIndex);
  return applied;
}

/** The cause `change` recorded last, its table, its index there and the entry the table
 *  holds for it (the cause itself, or its code: causes.ts). */
let lastCause = '';
let lastCauseTable: string[] | null = null;
let lastCauseAt = -1;
let lastCauseEntry = '';

export function setVar(s: GameState, v: WritableVar, value: number, cause: string, scenario?: Scenario): number {
  const slot = SLOTS.get(v);
  return slot ? change(s, v, value - peek(s, slot, scenario), cause, scenario) : 0;
}

function peek(s: GameState, slot: Slot, scenario?: Scenario): number {
  switch (slot.kind) {
    case 'meter':
      return s.meters[slot.meter];
    case 'treasury':
      return s.treasury;
    case 'capital':
      return s.capital;
    case 'relation':
      return s.powers[slot.power].relation;
    case 'baseRelation':
    case 'aggression':
      return s.powers[slot.power][slot.kind] ?? scenario?.powers[slot.power][slot.kind] ?? 0;
    default:
      return s.powers[slot.power].influence;
  }
}

function poke(s: GameState, slot: Slot, value: number): void {
  switch (slot.kind) {
    case 'meter':
      own(s, 'meters')[slot.meter] = value;
      return;
    case 'treasury':
      s.treasury = value;
      return;
    case 'capital':
      s.capital = value;
      return;
    case 'relation':
      ownPower(s, slot.power).relation = value;
      return;
    case 'baseRelation':
    case 'aggression':
      ownPower(s, slot.power)[slot.kind] = value;
      return;
    default:
      ownPower(s, slot.power).influence = value;
  }
}
