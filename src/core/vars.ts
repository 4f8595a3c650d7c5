/**
 * Reading and changing the state variables scenarios name. Every change goes through
 * `change`, which clamps to the variable's range and records the applied delta with its
 * cause, so the player can always ask "why did this move?".
 */
import type { Scenario } from '../scenario/types.ts';
import { calendarYear } from './time.ts';
import { balanceOf, production, worstRelation } from './derived.ts';
import { own, ownPower, ownTurnList } from './clone.ts';
import type { GameState } from './state.ts';
import { type PowerId, type ReadableVar, type WritableVar, rangeOf } from './vocabulary.ts';

export function fieldKinds(scenario: Scenario): Record<string, 'oil' | 'gas'> {
  const kinds: Record<string, 'oil' | 'gas'> = {};
  for (const f of scenario.energy.fields) kinds[f.id] = f.kind;
  return kinds;
}

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
      return production(s, v, fieldKinds(scenario));
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
      return power.stance;
    }
  }
}

/**
 * Adds `delta` (rounded to a whole number) to a writable variable, clamped to its range,
 * and records the change that actually happened. Returns the applied delta.
 */
export function change(s: GameState, v: WritableVar, delta: number, cause: string): number {
  const d = Math.round(delta);
  if (d === 0) return 0;
  const { min, max } = rangeOf(v);
  const before = peek(s, v);
  let after = before + d;
  if (after < min) after = min;
  if (after > max) after = max;
  const applied = after - before;
  if (applied === 0) return 0;
  poke(s, v, after);
  ownTurnList(s, 'changes').push({ var: v, delta: applied, cause });
  return applied;
}

export function setVar(s: GameState, v: WritableVar, value: number, cause: string): number {
  return change(s, v, value - peek(s, v), cause);
}

function peek(s: GameState, v: WritableVar): number {
  if (v === 'treasury') return s.treasury;
  if (v === 'capital') return s.capital;
  const dot = v.indexOf('.');
  if (dot < 0) return s.meters[v as keyof GameState['meters']];
  const power = s.powers[v.slice(0, dot) as PowerId];
  return v.endsWith('.relation') ? power.relation : power.influence;
}

function poke(s: GameState, v: WritableVar, value: number): void {
  if (v === 'treasury') s.treasury = value;
  else if (v === 'capital') s.capital = value;
  else {
    const dot = v.indexOf('.');
    if (dot < 0) own(s, 'meters')[v as keyof GameState['meters']] = value;
    else if (v.endsWith('.relation')) ownPower(s, v.slice(0, dot) as PowerId).relation = value;
    else ownPower(s, v.slice(0, dot) as PowerId).influence = value;
  }
}
