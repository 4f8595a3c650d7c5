/**
 * Checks across the scenario, after each object has passed the schema alone: ids are
 * unique, everything referenced exists, flags read somewhere are set somewhere, dates
 * fall inside the calendar, nesting stays within what the engine evaluates.
 */
import { calendarEnd, monthIndex, monthString } from '../core/calendar.ts';
import { MAX_DEPTH } from '../core/conditions.ts';
import { POWER_IDS } from '../core/vocabulary.ts';
import { type Finding, formatPath, type PathPart } from './findings.ts';
import type { Happening, Scenario } from './types.ts';
import { versionFindings } from './versions.ts';
import { suggest } from './suggest.ts';
import { walkScenario } from './walk.ts';

export { suggest };

export const RESERVED_FLAG_PREFIX = 'lost-';

export function crossCheck(s: Scenario, file: string, lines: Map<string, number>): Finding[] {
  const out: Finding[] = [];
  const err = (path: PathPart[], message: string) => {
    const p = formatPath(path);
    const f: Finding = { severity: 'error', file, path: p, message };
    const line = lines.get(p);
    if (line !== undefined) f.line = line;
    out.push(f);
  };

  const unique = (items: readonly { id: string }[], base: PathPart[], what: string) => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const prev = first.get(item.id);
      if (prev !== undefined) err([...base, i, 'id'], `duplicate ${what} id "${item.id}" (first used at ${formatPath([...base, prev])}); ids must be unique`);
      else first.set(item.id, i);
    });
  };
  unique(s.actions, ['actions'], 'action');
  unique(s.events, ['events'], 'event');
  unique(s.energy.routes, ['energy', 'routes'], 'route');
  unique(s.energy.fields, ['energy', 'fields'], 'field');
  unique(s.trends, ['trends'], 'trend');
  unique(s.features, ['features'], 'feature');
  // Lose rules, wins and endings share one set of ids: the end screen names the outcome.
  unique([...s.outcomes.lose, ...(s.outcomes.win ?? []), ...(s.outcomes.endings ?? [])], ['outcomes'], 'outcome');
  s.events.forEach((e, i) => {
    unique(e.choices, ['events', i, 'choices'], 'choice');
    const historical = e.choices.filter((c) => c.historical).length;
    if (historical > 1) err(['events', i, 'choices'], `${historical} choices are marked historical; mark only the one history took`);
    if (historical > 0 && e.whatIf) err(['events', i, 'whatIf'], `event "${e.id}" is marked as a what-if but one of its choices is marked historical`);
    if (e.choices.length > 0 && e.choices.every((c) => c.when !== undefined))
      err(['events', i, 'choices'], `every choice of "${e.id}" has a "when": give at least one choice no condition, so the player always has an answer`);
  });
  for (const id of POWER_IDS) {
    const p = s.powers[id];
    unique(p.responses, ['powers', id, 'responses'], 'response');
    unique(p.concerns, ['powers', id, 'concerns'], 'concern');
    unique(p.influenceSources, ['powers', id, 'influenceSources'], 'influence source');
  }

  // Dates.
  const cal = s.calendar;
  const start = monthIndex(cal.start);
  const end = calendarEnd(cal);
  const span = `${cal.start} to ${monthString(end)}`;
  const inCalendar = (m: string) => monthIndex(m) >= start && monthIndex(m) <= end;
  s.events.forEach((e, i) => {
    if (e.date && e.window) err(['events', i], 'an event has either a date or a window, not both');
    if (e.date && !inCalendar(e.date)) err(['events', i, 'date'], `${e.date} is outside the scenario's calendar (${span})`);
    if (e.window) {
      if (monthIndex(e.window.from) > monthIndex(e.window.to))
        err(['events', i, 'window'], `the window starts (${e.window.from}) after it ends (${e.window.to})`);
      else if (monthIndex(e.window.to) < start || monthIndex(e.window.from) > end)
        err(['events', i, 'window'], `the window ${e.window.from}..${e.window.to} lies outside the scenario's calendar (${span})`);
    }
  });
  s.actions.forEach((a, i) => {
    if (a.era?.from && a.era.to && monthIndex(a.era.from) > monthIndex(a.era.to))
      err(['actions', i, 'era'], `the era starts (${a.era.from}) after it ends (${a.era.to})`);
    a.historical?.forEach((m, j) => {
      if (!inCalendar(m)) err(['actions', i, 'historical', j], `${m} is outside the scenario's calendar (${span})`);
    });
  });

  // References, flags and nesting.
  const actionIds = new Set(s.actions.map((a) => a.id));
  const eventById = new Map(s.events.map((e) => [e.id, e]));
  const routeIds = new Set(s.energy.routes.map((r) => r.id));
  const fieldIds = new Set(s.energy.fields.map((f) => f.id));
  const loseIds = new Set(s.outcomes.lose.map((r) => r.id));
  const winIds = new Set((s.outcomes.win ?? []).map((r) => r.id));
  const eventIds = new Set(eventById.keys());
  const happening = (h: Happening, path: PathPart[]) => {
    if ('event' in h) known(eventIds, h.event, [...path, 'event'], 'event');
    else known(actionIds, h.action, [...path, 'action'], 'action');
  };
  const flagsSet = new Set(Object.keys(s.initial.flags));
  const flagsRead: { flag: string; path: PathPart[]; counter?: boolean }[] = [];
  const leaders = new Set([s.initial.leader]);
  const leadersRead: { name: string; path: PathPart[] }[] = [];
  // "Did you mean" compares a name with every known one: it is offered for the first 50
  // unknown names only (no more findings are printed), so thousands stay fast (issue 11).
  let hints = 0;
  const hint = (word: string, options: Iterable<string>) => (hints++ < 50 ? suggest(word, options) : '');
  const known = (set: Set<string>, id: string, path: PathPart[], what: string) => {
    if (!set.has(id)) err(path, `no ${what} has the id "${id}"${hint(id, set)}`);
  };
  walkScenario(s, {
    condition(c, path, depth) {
      if (depth > MAX_DEPTH) err(path, `conditions nest more than ${MAX_DEPTH} levels deep; simplify`);
      if ('flag' in c) flagsRead.push({ flag: c.flag, path: [...path, 'flag'] });
      else if ('counter' in c) flagsRead.push({ flag: c.counter, path: [...path, 'counter'], counter: true });
      else if ('turnsSince' in c) happening(c.turnsSince, [...path, 'turnsSince']);
      else if ('before' in c) {
        happening(c.before[0], [...path, 'before', 0]);
        happening(c.before[1], [...path, 'before', 1]);
      } else if ('route' in c) known(routeIds, c.route, [...path, 'route'], 'route');
      else if ('field' in c) known(fieldIds, c.field, [...path, 'field'], 'field');
      else if ('fired' in c) known(new Set(eventById.keys()), c.fired, [...path, 'fired'], 'event');
      else if ('took' in c) known(actionIds, c.took, [...path, 'took'], 'action');
      else if ('leader' in c) {
        const names = typeof c.leader === 'string' ? [c.leader] : c.leader;
        names.forEach((name, i) => {
          leadersRead.push({ name, path: typeof c.leader === 'string' ? [...path, 'leader'] : [...path, 'leader', i] });
        });
      } else if ('active' in c) {
        const ids = new Set(s.powers[c.active.power].responses.filter((r) => r.duration > 0).map((r) => r.id));
        known(ids, c.active.response, [...path, 'active', 'response'], `response of ${c.active.power} with a duration`);
      } else if ('chose' in c) {
        const event = eventById.get(c.chose.event);
        if (!event) known(new Set(eventById.keys()), c.chose.event, [...path, 'chose', 'event'], 'event');
        else known(new Set(event.choices.map((x) => x.id)), c.chose.choice, [...path, 'chose', 'choice'], `choice of event "${event.id}"`);
      }
    },
    effect(e, path, depth) {
      if (depth > MAX_DEPTH) err(path, `effects nest more than ${MAX_DEPTH} levels deep; simplify`);
      if (e.op === 'flag') {
        flagsSet.add(e.flag);
        if (e.flag.startsWith(RESERVED_FLAG_PREFIX))
          err([...path, 'flag'], `flag names starting "${RESERVED_FLAG_PREFIX}" are reserved for the engine; use a "lose" effect to end the game`);
      } else if (e.op === 'leader') leaders.add(e.name);
      else if (e.op === 'route') known(routeIds, e.route, [...path, 'route'], 'route');
      else if (e.op === 'field') known(fieldIds, e.field, [...path, 'field'], 'field');
      else if (e.op === 'inc' || e.op === 'dec') flagsSet.add(e.counter);
      else if (e.op === 'event' || e.op === 'cancel') known(eventIds, e.event, [...path, 'event'], 'event');
      else if (e.op === 'lose') known(loseIds, e.outcome, [...path, 'outcome'], 'outcome in outcomes.lose');
      else if (e.op === 'win') known(winIds, e.outcome, [...path, 'outcome'], 'outcome in outcomes.win');
    },
  });
  for (const read of leadersRead) {
    if (!leaders.has(read.name))
      err(read.path, `no one called "${read.name}" ever leads: name the initial leader or one a {"op": "leader"} effect installs${hint(read.name, leaders)}`);
  }
  for (const read of flagsRead) {
    if (flagsSet.has(read.flag)) continue;
    if (read.counter)
      err(
        read.path,
        `the counter "${read.flag}" is never counted: raise it with {"op": "inc"} or give it a start in initial.flags${hint(read.flag, flagsSet)}`,
      );
    else err(read.path, `the flag "${read.flag}" is never set: set it in initial.flags or with a {"op": "flag"} effect${hint(read.flag, flagsSet)}`);
  }
  out.push(...versionFindings(s, file, lines));
  return out;
}
