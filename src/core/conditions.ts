/**
 * The condition evaluator: a closed set of operators over the state, with a depth and
 * step limit so no scenario can make it run away. Scenarios are validated before they
 * reach the engine; the limits are a second line of defence.
 */
import type { Condition, Scenario } from '../scenario/types.ts';
import { monthIndex } from './calendar.ts';
import type { GameState } from './state.ts';
import { turnMonth } from './time.ts';
import { readVar } from './vars.ts';

export const MAX_DEPTH = 24;
export const MAX_STEPS = 5000;

interface Budget {
  steps: number;
}

export function holds(scenario: Scenario, s: GameState, cond: Condition | undefined): boolean {
  if (cond === undefined) return true;
  return evaluate(scenario, s, cond, 0, { steps: 0 });
}

function evaluate(scenario: Scenario, s: GameState, c: Condition, depth: number, budget: Budget): boolean {
  budget.steps++;
  if (depth > MAX_DEPTH || budget.steps > MAX_STEPS) return false;
  if ('all' in c) {
    for (const sub of c.all) if (!evaluate(scenario, s, sub, depth + 1, budget)) return false;
    return true;
  }
  if ('any' in c) {
    for (const sub of c.any) if (evaluate(scenario, s, sub, depth + 1, budget)) return true;
    return false;
  }
  if ('not' in c) return !evaluate(scenario, s, c.not, depth + 1, budget);
  if ('var' in c) return compare(readVar(scenario, s, c.var), c.op, c.value);
  if ('flag' in c) {
    const value = s.flags[c.flag];
    if (c.is === undefined) return value !== undefined && value !== false && value !== 0;
    if (c.is === false) return value === undefined || value === false || value === 0;
    return (value ?? false) === c.is;
  }
  if ('since' in c) return turnMonth(scenario, s.turn) + scenario.calendar.monthsPerTurn - 1 >= monthIndex(c.since);
  if ('until' in c) return turnMonth(scenario, s.turn) <= monthIndex(c.until);
  if ('route' in c) {
    const status = s.routes[c.route]?.status;
    return status !== undefined && (typeof c.status === 'string' ? status === c.status : c.status.includes(status));
  }
  if ('field' in c) {
    const status = s.fields[c.field]?.status;
    return status !== undefined && (typeof c.status === 'string' ? status === c.status : c.status.includes(status));
  }
  if ('fired' in c) return s.fired[c.fired] !== undefined;
  if ('chose' in c) return s.chosen[c.chose.event] === c.chose.choice;
  if ('took' in c) return (s.uses[c.took] ?? 0) > 0;
  return false;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    default:
      return a !== b;
  }
}
