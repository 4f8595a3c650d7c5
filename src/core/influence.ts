/**
 * What a power's influence settles toward: its base influence, the ties that hold (trade,
 * memberships, bases) and the routes through its territory, plus the warmth of its relation.
 * The engine sums the ties of the turn from its agenda (agenda.ts); the player's view and
 * the policies read the same sums, with the ties named when asked.
 */
import type { Scenario } from '../scenario/types.ts';
import { agendaForTurn, type PowerAgenda, type TieRule } from './agenda.ts';
import { entryHolds, flagsOf, type Test, testsOf } from './conditions.ts';
import type { GameState } from './state.ts';
import type { PowerId } from './vocabulary.ts';

/** influenceTies of the ties open in the agenda's turn, from its rules. */
export function tiesNow(scenario: Scenario, s: GameState, agenda: PowerAgenda): number {
  let value = agenda.def.baseInfluence;
  const ties = agenda.tieRules;
  for (let i = 0; i < ties.length; i++) {
    const tie = ties[i] as TieRule;
    if (entryHolds(scenario, s, tie.flag, tie.test)) value += tie.amount;
  }
  const transit = agenda.transit;
  for (let i = 0; i < transit.length; i++) {
    const route = transit[i] as (typeof transit)[number];
    const rs = s.routes[route.id];
    const leverage = rs?.leverage ?? route.leverage;
    if (leverage > 0 && rs?.status === 'operating') value += leverage;
  }
  return value;
}

export interface InfluenceTarget {
  value: number;
  parts: { label: string; amount: number }[];
}

/** What a power's influence settles toward, and the ties that make it so. */
export function influenceTarget(scenario: Scenario, s: GameState, id: PowerId): InfluenceTarget {
  const parts: { label: string; amount: number }[] = [];
  // The ties that can apply this turn (a tie dated to another period never holds).
  const value = influenceTargetValue(scenario, s, id, parts, agendaForTurn(scenario, s.turn)[id]?.sources);
  return { value, parts };
}

/** The value alone, from the ties that can apply this turn: what a policy weighing many
 *  moves needs, without the labels. */
export function influenceTargetNow(scenario: Scenario, s: GameState, id: PowerId): number {
  return withWarmth(influenceTiesNow(scenario, s, id), s.powers[id].relation);
}

/** The value alone (the engine's per-turn need); `parts`, when given, collects the ties. */
export function influenceTargetValue(
  scenario: Scenario,
  s: GameState,
  id: PowerId,
  parts?: { label: string; amount: number }[],
  sources = scenario.powers[id].influenceSources,
  tests = testsOf(sources),
  flags = flagsOf(sources),
): number {
  return withWarmth(influenceTies(scenario, s, id, parts, sources, tests, flags), s.powers[id].relation, parts);
}

/** What a power's ties come to before warmth: its base influence, the ties that hold and
 *  the routes through its territory (a policy keeps it across moves that change only
 *  relations: see policies/readings.ts). */
export function influenceTies(
  scenario: Scenario,
  s: GameState,
  id: PowerId,
  parts?: { label: string; amount: number }[],
  sources = scenario.powers[id].influenceSources,
  tests = testsOf(sources),
  flags = flagsOf(sources),
): number {
  const def = scenario.powers[id];
  let value = def.baseInfluence;
  for (let i = 0; i < sources.length; i++) {
    if (entryHolds(scenario, s, flags[i] as string | null, tests[i] as Test)) {
      const src = sources[i] as (typeof sources)[number];
      value += src.amount;
      parts?.push({ label: src.label, amount: src.amount });
    }
  }
  for (const route of transitRoutes(scenario, id)) {
    const rs = s.routes[route.id];
    const leverage = rs?.leverage ?? route.leverage;
    if (leverage > 0 && rs?.status === 'operating') {
      value += leverage;
      parts?.push({ label: route.name, amount: leverage });
    }
  }
  return value;
}

/** influenceTies of the ties that can apply this turn. */
export function influenceTiesNow(scenario: Scenario, s: GameState, id: PowerId): number {
  const agenda = agendaForTurn(scenario, s.turn)[id];
  return agenda ? tiesNow(scenario, s, agenda) : influenceTies(scenario, s, id);
}

/** The influence target from what the ties come to and the relation. */
export function withWarmth(ties: number, relation: number, parts?: { label: string; amount: number }[]): number {
  let value = ties;
  // A friendly power trades, visits and invests more, and its hold grows with it: a
  // quarter of a positive relation (up to +25). This is what makes balance a choice —
  // courting Moscow buys calm at the price of its grip, courting everyone spreads it.
  const warmth = Math.floor(Math.max(0, relation) / 4);
  if (warmth > 0) {
    value += warmth;
    parts?.push({ label: 'Close relations (trade, visits, investment)', amount: warmth });
  }
  return Math.min(100, Math.max(0, value));
}

const transitCache = new WeakMap<Scenario, Map<PowerId, Scenario['energy']['routes']>>();

/** The routes through a power's territory, in scenario order (asked for every turn). */
function transitRoutes(scenario: Scenario, id: PowerId): Scenario['energy']['routes'] {
  let byPower = transitCache.get(scenario);
  if (!byPower) {
    byPower = new Map();
    transitCache.set(scenario, byPower);
  }
  let routes = byPower.get(id);
  if (!routes) {
    routes = scenario.energy.routes.filter((r) => r.transit.includes(id));
    byPower.set(id, routes);
  }
  return routes;
}
