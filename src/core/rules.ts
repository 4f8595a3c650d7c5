/**
 * Lookups derived once per scenario object (ids to definitions, events by the turn
 * they are dated to). The cache is keyed by the scenario object itself, so it holds no
 * game state and changes no result: it only saves repeated scans.
 */
import type { Scenario, ScenarioAction, ScenarioEvent } from '../scenario/types.ts';
import { monthIndex, turnOfMonth } from './calendar.ts';

export interface Rules {
  actionById: Map<string, ScenarioAction>;
  eventById: Map<string, ScenarioEvent>;
  /** Turn → events dated to it, in scenario order. */
  datedByTurn: Map<number, ScenarioEvent[]>;
  /** Events with a window, as [first turn, last turn] in calendar turns. */
  windowed: { event: ScenarioEvent; from: number; to: number }[];
  /** Events with conditions but neither date nor window: raised whenever the conditions
   *  hold. An event with none of the three is raised only when an effect schedules it. */
  conditional: ScenarioEvent[];
}

const cache = new WeakMap<Scenario, Rules>();

export function rulesOf(scenario: Scenario): Rules {
  let rules = cache.get(scenario);
  if (!rules) {
    rules = buildRules(scenario);
    cache.set(scenario, rules);
  }
  return rules;
}

function buildRules(scenario: Scenario): Rules {
  const cal = scenario.calendar;
  const start = monthIndex(cal.start);
  const actionById = new Map(scenario.actions.map((a) => [a.id, a]));
  const eventById = new Map(scenario.events.map((e) => [e.id, e]));
  const datedByTurn = new Map<number, ScenarioEvent[]>();
  const windowed: Rules['windowed'] = [];
  const conditional: ScenarioEvent[] = [];
  for (const e of scenario.events) {
    if (e.date) {
      const turn = turnOfMonth(cal, e.date);
      if (turn < 0) continue;
      const list = datedByTurn.get(turn) ?? [];
      list.push(e);
      datedByTurn.set(turn, list);
    } else if (e.window) {
      const from = Math.max(0, Math.floor((monthIndex(e.window.from) - start) / cal.monthsPerTurn));
      const to = Math.min(cal.turns - 1, Math.floor((monthIndex(e.window.to) - start) / cal.monthsPerTurn));
      if (to >= from) windowed.push({ event: e, from, to });
    } else if (e.conditions) {
      conditional.push(e);
    }
  }
  return { actionById, eventById, datedByTurn, windowed, conditional };
}
