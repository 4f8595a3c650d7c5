/**
 * What can ever be true in a scenario, worked out without playing it: the range each
 * variable and counter can take, the flags something can set or clear, the statuses
 * each route and field can reach, and which events can ever fire and which actions can
 * ever be taken. `judge` then says whether a condition can never hold, always holds, or
 * may. The estimates err on the side of "may": a finding means the condition truly
 * cannot hold (or cannot fail), never that it probably does not.
 */
import { calendarEnd, monthIndex } from '../../core/calendar.ts';
import { POWER_IDS, rangeOf, type WritableVar } from '../../core/vocabulary.ts';
import type { Condition, Effect, Happening, Scenario, ScenarioEvent } from '../types.ts';
import { conjuncts, forEachEffect } from './gates.ts';

export interface Range {
  min: number;
  max: number;
}

export interface Facts {
  s: Scenario;
  /** First and last month of the calendar. */
  start: number;
  end: number;
  /** Flags something sets to true or a number (initial.flags included), and flags something clears. */
  canSet: Set<string>;
  canClear: Set<string>;
  /** The range each counter can take. */
  counters: Map<string, Range>;
  routeStatuses: Map<string, Set<string>>;
  fieldStatuses: Map<string, Set<string>>;
  /** The most oil and gas that can be produced at once. */
  maxOutput: { oil: number; gas: number };
  maxRevenue: number;
  eventCanFire: Set<string>;
  actionCanBeTaken: Set<string>;
  /** Why an event can never fire, for those that cannot. */
  neverFires: Map<string, string>;
}

export type Verdict = { kind: 'never' | 'always'; why: string; path: (string | number)[] } | { kind: 'maybe' };
const MAYBE: Verdict = { kind: 'maybe' };

/** The months a condition is read in: the calendar, or an event's date or window. */
export interface Span {
  from: number;
  to: number;
}

export function buildFacts(s: Scenario): Facts {
  const start = monthIndex(s.calendar.start);
  const end = calendarEnd(s.calendar);
  const canSet = new Set<string>();
  const canClear = new Set<string>();
  const counters = new Map<string, Range>();
  const widen = (name: string, v: number) => {
    const r = counters.get(name) ?? { min: 0, max: 0 };
    counters.set(name, { min: Math.min(r.min, v), max: Math.max(r.max, v) });
  };
  for (const [name, v] of Object.entries(s.initial.flags)) {
    if (v === false || v === 0) canClear.add(name);
    else canSet.add(name);
    widen(name, typeof v === 'number' ? v : v ? 1 : 0);
  }
  const routeStatuses = new Map(s.energy.routes.map((r) => [r.id, new Set<string>([r.status])]));
  const fieldStatuses = new Map(s.energy.fields.map((f) => [f.id, new Set<string>([f.status])]));
  const outputs = new Map(s.energy.fields.map((f) => [f.id, f.output]));
  const routeMax = new Map(s.energy.routes.map((r) => [r.id, { capacity: r.capacity, price: r.price }]));
  const unbounded = { up: new Set<string>(), down: new Set<string>() };
  const visit = (e: Effect) => {
    if (e.op === 'flag') {
      if (e.value === false || e.value === 0) canClear.add(e.flag);
      else {
        canSet.add(e.flag);
        widen(e.flag, typeof e.value === 'number' ? e.value : 1);
      }
    } else if (e.op === 'inc' || e.op === 'dec') {
      canSet.add(e.counter);
      canClear.add(e.counter);
      (e.op === 'inc' ? unbounded.up : unbounded.down).add(e.counter);
    } else if (e.op === 'route') {
      if (e.status) routeStatuses.get(e.route)?.add(e.status);
      const r = routeMax.get(e.route);
      if (r) {
        if (e.capacity !== undefined) r.capacity = Math.max(r.capacity, e.capacity);
        if (e.price !== undefined) r.price = Math.max(r.price, e.price);
        if (e.add?.capacity !== undefined) r.capacity = 1000;
        if (e.add?.price !== undefined) r.price = 1000;
      }
    } else if (e.op === 'field') {
      if (e.status) fieldStatuses.get(e.field)?.add(e.status);
      if (e.output !== undefined) outputs.set(e.field, Math.max(outputs.get(e.field) ?? 0, e.output));
    }
  };
  forEachEffectIn(s, visit);
  for (const name of unbounded.up) counters.set(name, { min: counters.get(name)?.min ?? 0, max: Number.POSITIVE_INFINITY });
  for (const name of unbounded.down) counters.set(name, { min: Number.NEGATIVE_INFINITY, max: counters.get(name)?.max ?? 0 });
  const maxOutput = { oil: 0, gas: 0 };
  for (const f of s.energy.fields) maxOutput[f.kind] += outputs.get(f.id) ?? 0;
  let maxRevenue = 0;
  for (const r of s.energy.routes) {
    const m = routeMax.get(r.id);
    if (m && r.kind !== 'rail') maxRevenue += m.capacity * m.price;
  }

  const facts: Facts = {
    s,
    start,
    end,
    canSet,
    canClear,
    counters,
    routeStatuses,
    fieldStatuses,
    maxOutput,
    maxRevenue: Math.ceil(maxRevenue),
    eventCanFire: new Set(s.events.map((e) => e.id)),
    actionCanBeTaken: new Set(s.actions.map((a) => a.id)),
    neverFires: new Map(),
  };
  settleHappenings(facts);
  return facts;
}

function forEachEffectIn(s: Scenario, visit: (e: Effect) => void): void {
  for (const a of s.actions) forEachEffect(a.effects, visit);
  for (const e of s.events) {
    forEachEffect(e.effects, visit);
    for (const c of e.choices) forEachEffect(c.effects, visit);
  }
  for (const t of s.trends) forEachEffect(t.effects, visit);
  for (const id of POWER_IDS) {
    for (const r of s.powers[id].responses) {
      forEachEffect(r.effects, visit);
      forEachEffect(r.endEffects, visit);
    }
  }
}

/** The months an event can be raised in. */
export function eventSpan(f: Facts, e: ScenarioEvent): Span {
  if (e.date) return { from: monthIndex(e.date), to: monthIndex(e.date) };
  if (e.window) return { from: Math.max(f.start, monthIndex(e.window.from)), to: Math.min(f.end, monthIndex(e.window.to)) };
  return { from: f.start, to: f.end };
}

/** The months an action is listed in. */
export function actionSpan(f: Facts, a: Scenario['actions'][number]): Span {
  return {
    from: Math.max(f.start, a.era?.from ? monthIndex(a.era.from) : f.start),
    to: Math.min(f.end, a.era?.to ? monthIndex(a.era.to) : f.end),
  };
}

/**
 * Which events can fire and which actions can be taken, to a fixed point: an event whose
 * conditions need another event that can never fire cannot fire either. Starts from
 * "everything can" and only ever removes, so it ends.
 */
function settleHappenings(f: Facts): void {
  const { s } = f;
  const schedulers = new Map<string, Set<string>>();
  const note = (owner: string, list: readonly Effect[]) =>
    forEachEffect(list, (x) => {
      if (x.op !== 'event') return;
      const set = schedulers.get(x.event) ?? new Set<string>();
      set.add(owner);
      schedulers.set(x.event, set);
    });
  for (const a of s.actions) note(`action:${a.id}`, a.effects);
  for (const e of s.events) {
    note(`event:${e.id}`, e.effects);
    for (const c of e.choices) note(`event:${e.id}`, c.effects);
  }
  for (const t of s.trends) note('trend', t.effects);
  for (const id of POWER_IDS) for (const r of s.powers[id].responses) note('response', [...r.effects, ...r.endEffects]);
  const scheduledOnly = (e: ScenarioEvent) => !e.date && !e.window && (!e.conditions || (s.formatVersion >= 2 && schedulers.has(e.id)));
  const capitalMax = s.model.capitalMax;
  for (let round = 0; round < 50; round++) {
    let changed = false;
    for (const e of s.events) {
      if (!f.eventCanFire.has(e.id)) continue;
      let why: string | null = null;
      const span = eventSpan(f, e);
      if (span.from > span.to) why = 'its date or window lies outside the calendar';
      else {
        const v = judge(f, e.conditions, span);
        if (v.kind === 'never') why = `its conditions can never hold: ${v.why}`;
        else if (scheduledOnly(e)) {
          const by = [...(schedulers.get(e.id) ?? [])];
          const live = by.filter(
            (x) => x === 'trend' || x === 'response' || (x.startsWith('event:') ? f.eventCanFire.has(x.slice(6)) : f.actionCanBeTaken.has(x.slice(7))),
          );
          if (live.length === 0)
            why =
              by.length === 0
                ? 'it has no date, window or conditions, and no effect schedules it'
                : 'only events and actions that can never happen schedule it';
        }
      }
      if (why) {
        f.eventCanFire.delete(e.id);
        f.neverFires.set(e.id, why);
        changed = true;
      }
    }
    for (const a of s.actions) {
      if (!f.actionCanBeTaken.has(a.id)) continue;
      const span = actionSpan(f, a);
      if (a.cost.capital > capitalMax || span.from > span.to || judge(f, a.when, span).kind === 'never') {
        f.actionCanBeTaken.delete(a.id);
        changed = true;
      }
    }
    if (!changed) break;
  }
}

// ---------------------------------------------------------------- judging a condition

/** The range a variable can take. */
export function varRange(f: Facts, v: string): Range {
  switch (v) {
    case 'balance':
      return { min: 0, max: 100 };
    case 'worstRelation':
      return { min: -100, max: 100 };
    case 'revenue':
      return { min: 0, max: f.maxRevenue };
    case 'oil':
    case 'gas':
      return { min: 0, max: f.maxOutput[v] };
    case 'turn':
      return { min: 0, max: f.s.calendar.turns - 1 };
    case 'year':
      return { min: Math.floor(f.start / 12), max: Math.floor(f.end / 12) };
    default:
      if (v.endsWith('.stance')) return { min: -100, max: 100 };
      return rangeOf(v as WritableVar);
  }
}

function compare(r: Range, op: string, value: number, integral = true): 'never' | 'always' | 'maybe' {
  const { min, max } = r;
  switch (op) {
    case '<':
      return min >= value ? 'never' : max < value ? 'always' : 'maybe';
    case '<=':
      return min > value ? 'never' : max <= value ? 'always' : 'maybe';
    case '>':
      return max <= value ? 'never' : min > value ? 'always' : 'maybe';
    case '>=':
      return max < value ? 'never' : min >= value ? 'always' : 'maybe';
    case '==':
      return value < min || value > max || (integral && !Number.isInteger(value)) ? 'never' : min === max ? 'always' : 'maybe';
    default:
      return value < min || value > max || (integral && !Number.isInteger(value)) ? 'always' : min === max ? 'never' : 'maybe';
  }
}

const show = (r: Range) => `${Number.isFinite(r.min) ? r.min : '−∞'} to ${Number.isFinite(r.max) ? r.max : '∞'}`;

/**
 * Whether a condition, read in the months of `span`, can never hold, always holds, or
 * may; with the part of it responsible and why.
 */
export function judge(f: Facts, c: Condition | undefined, span: Span = { from: f.start, to: f.end }, path: (string | number)[] = []): Verdict {
  if (c === undefined) return MAYBE;
  if ('all' in c) {
    let always = true;
    for (let i = 0; i < c.all.length; i++) {
      const v = judge(f, c.all[i], span, [...path, 'all', i]);
      if (v.kind === 'never') return v;
      if (v.kind !== 'always') always = false;
    }
    const clash = contradictoryBounds(f, c.all, path);
    if (clash) return clash;
    return always ? { kind: 'always', why: 'every part always holds', path } : MAYBE;
  }
  if ('any' in c) {
    let never = true;
    for (let i = 0; i < c.any.length; i++) {
      const v = judge(f, c.any[i], span, [...path, 'any', i]);
      if (v.kind === 'always') return v;
      if (v.kind !== 'never') never = false;
    }
    return never ? { kind: 'never', why: 'no part can ever hold', path } : MAYBE;
  }
  if ('not' in c) {
    const v = judge(f, c.not, span, [...path, 'not']);
    if (v.kind === 'never') return { kind: 'always', why: `its inner condition never holds (${v.why})`, path };
    if (v.kind === 'always') return { kind: 'never', why: `its inner condition always holds (${v.why})`, path };
    return MAYBE;
  }
  if ('var' in c) {
    const r = varRange(f, c.var);
    const k = compare(r, c.op, c.value, c.var !== 'revenue');
    return k === 'maybe' ? MAYBE : { kind: k, why: `${c.var} ${c.op} ${c.value}, and ${c.var} is always ${show(r)}`, path };
  }
  if ('counter' in c) {
    const r = f.counters.get(c.counter) ?? { min: 0, max: 0 };
    const k = compare(r, c.op, c.value);
    return k === 'maybe' ? MAYBE : { kind: k, why: `counter ${c.counter} ${c.op} ${c.value}, and it can only be ${show(r)}`, path };
  }
  if ('flag' in c) {
    const wantsSet = c.is === undefined || c.is === true || (typeof c.is === 'number' && c.is !== 0);
    if (wantsSet && !f.canSet.has(c.flag)) return { kind: 'never', why: `nothing ever sets the flag "${c.flag}"`, path };
    if (!wantsSet && f.canSet.has(c.flag) && c.flag in f.s.initial.flags && !f.canClear.has(c.flag))
      return { kind: 'never', why: `the flag "${c.flag}" is set from the start and nothing clears it`, path };
    return MAYBE;
  }
  if ('since' in c) {
    const m = monthIndex(c.since);
    if (m > span.to) return { kind: 'never', why: `it is read until ${monthName(span.to)}, before ${c.since}`, path };
    return MAYBE;
  }
  if ('until' in c) {
    const m = monthIndex(c.until);
    if (m < span.from) return { kind: 'never', why: `it is read from ${monthName(span.from)}, after ${c.until}`, path };
    return MAYBE;
  }
  if ('route' in c || 'field' in c) {
    const [id, statuses, what] = 'route' in c ? [c.route, f.routeStatuses.get(c.route), 'route'] : [c.field, f.fieldStatuses.get(c.field), 'field'];
    const wanted = typeof c.status === 'string' ? [c.status] : c.status;
    if (statuses && !wanted.some((x) => statuses.has(x))) return { kind: 'never', why: `the ${what} "${id}" is only ever ${[...statuses].join(' or ')}`, path };
    return MAYBE;
  }
  if ('fired' in c) return happens(f, { event: c.fired }, path);
  if ('chose' in c) return happens(f, { event: c.chose.event }, path);
  if ('took' in c) return happens(f, { action: c.took }, path);
  if ('turnsSince' in c) {
    const v = happens(f, c.turnsSince, [...path, 'turnsSince']);
    if (v.kind === 'never') return v;
    const k = compare({ min: 0, max: f.s.calendar.turns - 1 }, c.op, c.value);
    return k === 'never'
      ? { kind: 'never', why: `a scenario of ${f.s.calendar.turns} turns has 0 to ${f.s.calendar.turns - 1} turns since anything`, path }
      : MAYBE;
  }
  if ('before' in c) return happens(f, c.before[0], [...path, 'before', 0]);
  return MAYBE;
}

function happens(f: Facts, h: Happening, path: (string | number)[]): Verdict {
  if ('event' in h) {
    if (!f.eventCanFire.has(h.event)) return { kind: 'never', why: `the event "${h.event}" can never fire`, path };
  } else if (!f.actionCanBeTaken.has(h.action)) return { kind: 'never', why: `the action "${h.action}" can never be taken`, path };
  return MAYBE;
}

/** `stability > 60` and `stability < 40` in one `all`: the bounds leave nothing. */
function contradictoryBounds(f: Facts, parts: readonly Condition[], path: (string | number)[]): Verdict | null {
  const bounds = new Map<string, Range>();
  for (const p of conjuncts({ all: [...parts] })) {
    if (!('var' in p) && !('counter' in p)) continue;
    const key = 'var' in p ? p.var : `counter ${p.counter}`;
    const r = bounds.get(key) ?? ('var' in p ? { ...varRange(f, p.var) } : { ...(f.counters.get(p.counter) ?? { min: 0, max: 0 }) });
    const v = p.value;
    if (p.op === '<') r.max = Math.min(r.max, Math.ceil(v) - 1);
    else if (p.op === '<=') r.max = Math.min(r.max, Math.floor(v));
    else if (p.op === '>') r.min = Math.max(r.min, Math.floor(v) + 1);
    else if (p.op === '>=') r.min = Math.max(r.min, Math.ceil(v));
    else if (p.op === '==') {
      r.min = Math.max(r.min, v);
      r.max = Math.min(r.max, v);
    }
    bounds.set(key, r);
    if (r.min > r.max) return { kind: 'never', why: `the tests on ${key} leave no value that passes them all`, path };
  }
  return null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthName(m: number): string {
  return `${MONTHS[m % 12]} ${Math.floor(m / 12)}`;
}
