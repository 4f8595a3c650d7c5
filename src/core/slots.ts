/**
 * Where each writable variable lives in the state, decided once rather than by parsing its
 * name on every change (a campaign makes ~3,000 changes).
 *
 * A slot reads and writes its number by a switch on small integers with each property
 * named in the code (`s.meters.stability`, `s.powers.iran`). A property read by a key that
 * varies (`s.meters[name]`, `s.powers[id]`) goes through V8's generic keyed lookup every
 * time; that lookup was the single largest cost of a replay. Every slot has the same
 * shape, so reading one is a plain field load too.
 */
import type { Scenario } from '../scenario/types.ts';
import { drafting, own, ownPower } from './clone.ts';
import type { GameState, Meters, PowerState } from './state.ts';
import { METER_IDS, POWER_IDS, type PowerId, rangeOf, WRITABLE_VARS, type WritableVar } from './vocabulary.ts';

const METER = 0;
const TREASURY = 1;
const CAPITAL = 2;
const RELATION = 3;
const INFLUENCE = 4;
const BASE_RELATION = 5;
const AGGRESSION = 6;

export interface Slot {
  readonly name: WritableVar;
  /** METER … AGGRESSION. */
  readonly kind: number;
  /** The meter's place in METER_IDS, or the power's in POWER_IDS. */
  readonly index: number;
  readonly min: number;
  readonly max: number;
  /** Where the name sat in the last string table it was recorded in (checked before use:
   *  tables differ between games, and a look's entries are undone). */
  table: string[] | null;
  at: number;
}

const SLOTS = new Map<WritableVar, Slot>();
for (const v of WRITABLE_VARS) {
  const dot = v.indexOf('.');
  const { min, max } = rangeOf(v);
  let kind: number;
  let index = 0;
  if (v === 'treasury') kind = TREASURY;
  else if (v === 'capital') kind = CAPITAL;
  else if (dot < 0) {
    kind = METER;
    index = (METER_IDS as readonly string[]).indexOf(v);
  } else {
    const part = v.slice(dot + 1);
    kind = part === 'relation' ? RELATION : part === 'baseRelation' ? BASE_RELATION : part === 'aggression' ? AGGRESSION : INFLUENCE;
    index = (POWER_IDS as readonly string[]).indexOf(v.slice(0, dot));
  }
  SLOTS.set(v, { name: v, kind, index, min, max, table: null, at: -1 });
}

/** The slot of a writable variable (undefined for a name that is not one). */
export function slotOf(v: WritableVar): Slot | undefined {
  return SLOTS.get(v);
}

/** Each power's relation and influence slots, in POWER_IDS order. */
export const RELATION_SLOTS = POWER_IDS.map((id) => SLOTS.get(`${id}.relation`) as Slot);
export const INFLUENCE_SLOTS = POWER_IDS.map((id) => SLOTS.get(`${id}.influence`) as Slot);

/** A meter by its place in METER_IDS. */
function meterAt(m: Meters, i: number): number {
  switch (i) {
    case 0:
      return m.sovereignty;
    case 1:
      return m.stability;
    case 2:
      return m.economy;
    case 3:
      return m.security;
    default:
      return m.karabakh;
  }
}

/** Writes a meter by its place in METER_IDS, by name (the policies' quick looks too). */
export function setMeterAt(m: Meters, i: number, value: number): void {
  switch (i) {
    case 0:
      m.sovereignty = value;
      return;
    case 1:
      m.stability = value;
      return;
    case 2:
      m.economy = value;
      return;
    case 3:
      m.security = value;
      return;
    default:
      m.karabakh = value;
  }
}

/** A power's record by its place in POWER_IDS. */
export function powerAt(powers: GameState['powers'], i: number): PowerState {
  switch (i) {
    case 0:
      return powers.russia;
    case 1:
      return powers.turkey;
    case 2:
      return powers.iran;
    default:
      return powers.west;
  }
}

/** The slot's value. A power's base relation and aggression start at the scenario's. */
export function peek(s: GameState, slot: Slot, scenario?: Scenario): number {
  switch (slot.kind) {
    case METER:
      return meterAt(s.meters, slot.index);
    case TREASURY:
      return s.treasury;
    case CAPITAL:
      return s.capital;
    case RELATION:
      return powerAt(s.powers, slot.index).relation;
    case INFLUENCE:
      return powerAt(s.powers, slot.index).influence;
    default: {
      const part = slot.kind === BASE_RELATION ? 'baseRelation' : 'aggression';
      return powerAt(s.powers, slot.index)[part] ?? scenario?.powers[POWER_IDS[slot.index] as PowerId][part] ?? 0;
    }
  }
}

/** Writes the slot's value (into the draft's own copy of the part). */
export function poke(s: GameState, slot: Slot, value: number): void {
  switch (slot.kind) {
    case METER:
      setMeterAt(own(s, 'meters'), slot.index, value);
      return;
    case TREASURY:
      s.treasury = value;
      return;
    case CAPITAL:
      s.capital = value;
      return;
    case RELATION:
      ownPowerAt(s, slot.index).relation = value;
      return;
    case INFLUENCE:
      ownPowerAt(s, slot.index).influence = value;
      return;
    default:
      ownPowerAt(s, slot.index)[slot.kind === BASE_RELATION ? 'baseRelation' : 'aggression'] = value;
  }
}

/** The draft's own copy of a power's record, by its place in POWER_IDS. */
export function ownPowerAt(s: GameState, i: number): PowerState {
  return drafting(s) ? ownPower(s, POWER_IDS[i] as PowerId) : powerAt(s.powers, i);
}
