/**
 * Reading and changing the state variables scenarios name. Every change goes through
 * `change`, which clamps to the variable's range and records the applied delta with its
 * cause, so the player can always ask "why did this move?" (unless the game was started
 * unexplained, for a balance run: GameState.unexplained).
 */
import type { Scenario } from '../scenario/types.ts';
import { type Cause, causeOf } from './causes.ts';
import { calendarYear } from './time.ts';
import { balanceOf, production, worstRelation } from './derived.ts';
import { internString, ownChanges } from './clone.ts';
import { peek, poke, type Slot, slotOf } from './slots.ts';
import type { GameState } from './state.ts';
import type { PowerId, ReadableVar, WritableVar } from './vocabulary.ts';

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
export function varReader(v: ReadableVar): Reader {
  return READERS[v] ?? ((scenario, s) => readVar(scenario, s, v));
}

type Reader = (scenario: Scenario, s: GameState) => number;

/** Each its own function: one reader shared by several names would read by a key that
 *  varies, which V8 answers by its slow generic lookup. */
const READERS: Partial<Record<ReadableVar, Reader>> = {
  sovereignty: (_, s) => s.meters.sovereignty,
  stability: (_, s) => s.meters.stability,
  economy: (_, s) => s.meters.economy,
  security: (_, s) => s.meters.security,
  karabakh: (_, s) => s.meters.karabakh,
  treasury: (_, s) => s.treasury,
  capital: (_, s) => s.capital,
  revenue: (_, s) => s.revenue,
  turn: (_, s) => s.turn,
  'russia.relation': (_, s) => s.powers.russia.relation,
  'turkey.relation': (_, s) => s.powers.turkey.relation,
  'iran.relation': (_, s) => s.powers.iran.relation,
  'west.relation': (_, s) => s.powers.west.relation,
  'russia.influence': (_, s) => s.powers.russia.influence,
  'turkey.influence': (_, s) => s.powers.turkey.influence,
  'iran.influence': (_, s) => s.powers.iran.influence,
  'west.influence': (_, s) => s.powers.west.influence,
  'russia.stance': (_, s) => s.powers.russia.stance,
  'turkey.stance': (_, s) => s.powers.turkey.stance,
  'iran.stance': (_, s) => s.powers.iran.stance,
  'west.stance': (_, s) => s.powers.west.stance,
};

/**
 * Adds `delta` (rounded to a whole number) to a writable variable, clamped to its range,
 * and records the change that actually happened (packed: see TurnRecord.changes).
 * Returns the applied delta. A power's base relation and aggression start at the
 * scenario's values, so changing them needs it.
 */
export function change(s: GameState, v: WritableVar | Slot, delta: number, cause: string | Cause, scenario?: Scenario): number {
  const d = Math.round(delta);
  if (d === 0) return 0;
  const slot = typeof v === 'string' ? slotOf(v) : v;
  if (!slot) return 0;
  const before = peek(s, slot, scenario);
  let after = before + d;
  if (after < slot.min) after = slot.min;
  if (after > slot.max) after = slot.max;
  const applied = after - before;
  if (applied === 0) return 0;
  poke(s, slot, after);
  if (s.unexplained === true) return applied;
  let varIndex = slot.at;
  if (slot.table !== s.strings || s.strings[varIndex] !== slot.name) {
    varIndex = internString(s, slot.name);
    slot.table = s.strings;
    slot.at = varIndex;
  }
  const causeIndex = typeof cause === 'string' ? causeAt(s, cause) : stringAt(s, cause);
  // One number a push: V8 compiles a one-argument push inline, a longer one calls the builtin.
  const list = ownChanges(s);
  list.push(varIndex);
  list.push(applied);
  list.push(causeIndex);
  return applied;
}

/** Where a cause given as a Cause sits in the state's table (causes.ts): the place it
 *  noted, if the table is the same and still holds its entry there (a look's entries are
 *  undone), else looked up and noted. Any string the table records often can be kept so. */
export function stringAt(s: GameState, cause: Cause): number {
  const table = s.strings;
  if (cause.table === table && table[cause.at] === cause.entry) return cause.at;
  const at = internString(s, cause);
  // Read after: interning may have given the draft its own copy of the table.
  cause.table = s.strings;
  cause.at = at;
  cause.entry = s.strings[at] as string;
  return at;
}

/** Where a cause given as text sits. An effect list changes several variables for one
 *  cause: the place of the text recorded last is kept like a Cause's. */
function causeAt(s: GameState, text: string): number {
  if (text !== lastCause.text) {
    lastCause.text = text;
    lastCause.table = null;
    lastCause.generation = -1;
    lastCause.storedCodes = -1;
  }
  return stringAt(s, lastCause);
}
const lastCause: { -readonly [K in keyof Cause]: Cause[K] } = causeOf('');

export function setVar(s: GameState, v: WritableVar, value: number, cause: string | Cause, scenario?: Scenario): number {
  const slot = slotOf(v);
  return slot ? change(s, slot, value - peek(s, slot, scenario), cause, scenario) : 0;
}
