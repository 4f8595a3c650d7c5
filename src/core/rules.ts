/**
 * Lookups derived once per scenario object (ids to definitions, events by the turn
 * they are dated to). The cache is keyed by the scenario object itself, so it holds no
 * game state and changes no result: it only saves repeated scans.
 */
import type { Condition, Effect, Scenario, ScenarioAction, ScenarioEvent } from '../scenario/types.ts';
import { monthIndex, turnOfMonth } from './calendar.ts';

export interface Rules {
  actionById: Map<string, ScenarioAction>;
  eventById: Map<string, ScenarioEvent>;
  /** Turn → events dated to it, in scenario order. */
  datedByTurn: Map<number, ScenarioEvent[]>;
  /** Events with a window, as [first turn, last turn] in calendar turns. */
  windowed: { event: ScenarioEvent; from: number; to: number }[];
  /** Events with conditions but neither date nor window: raised whenever the conditions
   *  hold. An event with none of the three is raised only when an effect schedules it;
   *  from formatVersion 2, so is one that an effect schedules, conditions or not (they
   *  are checked when it is due). */
  conditional: ScenarioEvent[];
  /** The month a dated event is dated to, or a windowed event's window opens. */
  monthOf: Map<ScenarioEvent, number>;
}

/**
 * The months a condition is limited to by `since`/`until` at its top level (alone or in
 * an `all`), or null. A campaign limits each chapter's concerns to the chapter's years;
 * knowing this lets a turn skip the others without evaluating them.
 */
export function dateGate(c: Condition | undefined): { from: number; to: number } | null {
  if (!c) return null;
  const parts = 'all' in c ? c.all : [c];
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.POSITIVE_INFINITY;
  for (const p of parts) {
    if ('since' in p) from = Math.max(from, monthIndex(p.since));
    if ('until' in p) to = Math.min(to, monthIndex(p.until));
  }
  return from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY ? null : { from, to };
}

/**
 * What is left of a condition to test in a turn its date gate admits: the `since`/`until`
 * parts at its top level hold for the whole turn, so only the rest needs testing every
 * time (undefined: nothing left, it holds). Holds exactly when the condition does.
 */
function residual(c: Condition | undefined, first: number, last: number): Condition | undefined {
  if (!c) return undefined;
  if ('since' in c || 'until' in c) return undefined;
  if (!('all' in c)) return c;
  const rest = c.all.filter((p) => !(('since' in p && last >= monthIndex(p.since)) || ('until' in p && first <= monthIndex(p.until))));
  if (rest.length === c.all.length) return c;
  return rest.length === 0 ? undefined : rest.length === 1 ? rest[0] : { all: rest };
}

const openCache = new WeakMap<readonly object[], Map<number, object[]>>();

/**
 * The entries of a scenario list (concerns, ties, trends, responses) whose condition can
 * hold in a turn, in list order, each with its condition cut down to what the turn's
 * dates leave open (see `residual`): a long campaign dates most of them to one chapter.
 * Cached by the list and the turn.
 */
export function openInTurn<T extends { when?: Condition }>(scenario: Scenario, turn: number, list: readonly T[]): T[] {
  let byTurn = openCache.get(list);
  if (!byTurn) {
    byTurn = new Map();
    openCache.set(list, byTurn);
  }
  let open = byTurn.get(turn) as T[] | undefined;
  if (!open) {
    const first = monthIndex(scenario.calendar.start) + turn * scenario.calendar.monthsPerTurn;
    const last = first + scenario.calendar.monthsPerTurn - 1;
    const out: T[] = [];
    for (const x of list) {
      const gate = dateGate(x.when);
      if (gate !== null && (last < gate.from || first > gate.to)) continue;
      const when = residual(x.when, first, last);
      if (when === x.when) out.push(x);
      else if (when === undefined) {
        // Left out rather than deleted: deleting a property turns an object into a slow
        // hash table, and these are read on every turn.
        const { when: _, ...rest } = x;
        out.push(rest as T);
      } else out.push({ ...x, when });
    }
    open = out;
    byTurn.set(turn, open);
  }
  return open;
}

/** The events some effect schedules. */
function scheduleTargets(scenario: Scenario): Set<string> {
  const out = new Set<string>();
  const scan = (list: readonly Effect[], depth: number) => {
    if (depth > 32) return;
    for (const e of list) {
      if (e.op === 'event') out.add(e.event);
      else if (e.op === 'if' || e.op === 'chance') {
        scan(e.then, depth + 1);
        scan(e.else ?? [], depth + 1);
      }
    }
  };
  for (const a of scenario.actions) scan(a.effects, 0);
  for (const e of scenario.events) {
    scan(e.effects, 0);
    for (const c of e.choices) scan(c.effects, 0);
  }
  for (const t of scenario.trends) scan(t.effects, 0);
  for (const p of Object.values(scenario.powers)) {
    for (const r of p.responses) {
      scan(r.effects, 0);
      scan(r.endEffects, 0);
    }
  }
  return out;
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
  const monthOf = new Map<ScenarioEvent, number>();
  const scheduledOnly = scenario.formatVersion >= 2 ? scheduleTargets(scenario) : new Set<string>();
  for (const e of scenario.events) {
    if (e.date) monthOf.set(e, monthIndex(e.date));
    else if (e.window) monthOf.set(e, monthIndex(e.window.from));
    if (e.date) {
      const turn = turnOfMonth(cal, e.date);
      if (turn < 0) continue;
      const list = datedByTurn.get(turn) ?? [];
      list.push(e);
      datedByTurn.set(turn, list);
    } else if (e.window) {
      const span = e.window;
      const from = Math.max(0, Math.floor((monthIndex(span.from) - start) / cal.monthsPerTurn));
      const to = Math.min(cal.turns - 1, Math.floor((monthIndex(span.to) - start) / cal.monthsPerTurn));
      if (to >= from) windowed.push({ event: e, from, to });
    } else if (e.conditions && !scheduledOnly.has(e.id)) {
      conditional.push(e);
    }
  }
  return { actionById, eventById, datedByTurn, windowed, conditional, monthOf };
}
