/**
 * Bounded cost for every scenario file. The size cap (5 MB) alone does not bound the
 * work: 200,000 conditions in one `all` fit in it and took half a minute to validate, and
 * a few thousand effects on free actions made one headless game take minutes. So before
 * the schema looks at anything, one pass over the parsed JSON counts what drives the cost
 * of validating and of playing, and refuses a file past any limit with a finding that
 * names the JSON path where the count ran over.
 *
 * The limits sit far above what the shipped scenarios use (the 85-turn campaign has about
 * 10,000 JSON values, 700 condition nodes and 1,000 effect nodes) and low enough that any
 * file within them validates in well under 2 s and plays a game in under 1 s
 * (`npm run bench:limits` measures both on the worst files it can build).
 */
import { type Finding, formatPath, type PathPart } from './findings.ts';
import type { Scenario } from './types.ts';

export const LIMITS = {
  /** JSON values (objects, lists, texts, numbers…) in one file. */
  values: 100_000,
  /** Items in any one list. */
  listItems: 1_000,
  /** Characters in any one text; the schema allows at most 2,000 in any field. */
  textChars: 4_000,
  /** Characters in any key (ids are at most 64). */
  keyChars: 64,
  /** Condition nodes (each test and each all / any / not) in the whole scenario. */
  conditionNodes: 3_000,
  /** Effects, nested ones included, in the whole scenario. */
  effectNodes: 3_000,
  /** Times events can fire in one game: one each, or turns ÷ repeat for a repeating one. */
  eventFirings: 600,
  /** Effects trends can apply in one game: each trend's effects (nested ones included)
   *  every turn. The shipped campaign: 12 effects for 85 turns, 1,020. */
  trendEffects: 50_000,
} as const;

/** Keys whose value is one condition, and keys whose value is a list of conditions. */
const CONDITION_KEYS = new Set(['when', 'conditions', 'not']);
const CONDITION_LISTS = new Set(['all', 'any']);
/** Keys whose value is a list of effects. */
const EFFECT_LISTS = new Set(['effects', 'endEffects', 'then', 'else']);

const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * Counts the file's values, conditions and effects without recursion and without
 * building paths until a limit is crossed; returns one finding per limit crossed (the
 * first place it happened). Stops early once the value count runs over, so a hostile file
 * costs one bounded walk.
 */
export function checkLimits(root: unknown, file: string, lines: Map<string, number> = new Map()): Finding[] {
  return countValues(root, file, lines).findings;
}

/** What a scenario holds, as the limits count it: for benchmarks and reports. */
export interface Counts {
  values: number;
  conditions: number;
  effects: number;
  findings: Finding[];
}

interface Entry {
  v: unknown;
  /** The entry holding this one, and this one's key in it: a path is built only for a finding. */
  up: Entry | null;
  key: PathPart;
  role: 'condition' | 'effect' | null;
}

function pathOf(e: Entry): PathPart[] {
  const parts: PathPart[] = [];
  for (let x: Entry | null = e; x?.up; x = x.up) parts.push(x.key);
  return parts.reverse();
}

export function countValues(root: unknown, file = '', lines: Map<string, number> = new Map()): Counts {
  const out: Finding[] = [];
  const reported = new Set<string>();
  const report = (kind: string, path: readonly PathPart[], message: string) => {
    const p = formatPath(path);
    const once = kind === 'values' || kind === 'conditions' || kind === 'effects' ? kind : `${kind}:${p}`;
    if (reported.has(once)) return;
    reported.add(once);
    const f: Finding = { severity: 'error', file, path: p, message };
    const line = lines.get(p);
    if (line !== undefined) f.line = line;
    out.push(f);
  };
  let values = 0;
  let conditions = 0;
  let effects = 0;
  const stack: Entry[] = [{ v: root, up: null, key: '', role: null }];
  while (stack.length > 0) {
    const e = stack.pop() as Entry;
    const v = e.v;
    if (++values > LIMITS.values) {
      report(
        'values',
        pathOf(e),
        `the file holds more than ${thousands(LIMITS.values)} JSON values (objects, lists, texts, numbers); the limit keeps validation and play fast — split the scenario`,
      );
      break;
    }
    if (e.role === 'condition' && ++conditions === LIMITS.conditionNodes + 1)
      report(
        'conditions',
        pathOf(e),
        `the scenario has more than ${thousands(LIMITS.conditionNodes)} condition nodes; this is where the count ran over — simplify the conditions`,
      );
    if (e.role === 'effect' && ++effects === LIMITS.effectNodes + 1)
      report(
        'effects',
        pathOf(e),
        `the scenario has more than ${thousands(LIMITS.effectNodes)} effects (nested ones included); this is where the count ran over — simplify the effects`,
      );
    if (typeof v === 'string') {
      if (v.length > LIMITS.textChars) report('text', pathOf(e), `a text of ${thousands(v.length)} characters; the limit is ${thousands(LIMITS.textChars)}`);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (v.length > LIMITS.listItems) {
        report('list', pathOf(e), `a list of ${thousands(v.length)} items; the limit is ${thousands(LIMITS.listItems)} in any one list`);
        continue;
      }
      const last = e.key;
      const itemRole =
        typeof last === 'string' && CONDITION_LISTS.has(last) ? 'condition' : typeof last === 'string' && EFFECT_LISTS.has(last) ? 'effect' : null;
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], up: e, key: i, role: itemRole });
      continue;
    }
    const keys = Object.keys(v);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      if (key.length > LIMITS.keyChars) {
        report('key', [...pathOf(e), key], `a key of ${thousands(key.length)} characters; keys and ids are at most ${LIMITS.keyChars}`);
        continue;
      }
      stack.push({ v: (v as Record<string, unknown>)[key], up: e, key, role: CONDITION_KEYS.has(key) ? 'condition' : null });
    }
  }
  return { values, conditions, effects, findings: out };
}

/**
 * The most times the scenario's events can fire in one game: each event once, a
 * repeating one once every `repeat` turns. Each firing costs the engine a look at every
 * event after the answer, and a scripted player a look at every choice, so a thousand
 * events repeating every turn for 200 turns would take minutes to play.
 */
export function checkEventFirings(s: Scenario, file: string, lines: Map<string, number>): Finding[] {
  let firings = 0;
  for (let i = 0; i < s.events.length; i++) {
    const e = s.events[i] as Scenario['events'][number];
    firings += e.repeat === undefined ? 1 : Math.ceil(s.calendar.turns / e.repeat);
    if (firings > LIMITS.eventFirings) {
      const p = formatPath(['events', i, 'repeat']);
      const f: Finding = {
        severity: 'error',
        file,
        path: p,
        message: `events could fire more than ${thousands(LIMITS.eventFirings)} times in one game (each once, a repeating one every "repeat" turns for ${s.calendar.turns} turns); this is where the count ran over — repeat less often, or fewer events`,
      };
      const line = lines.get(p);
      if (line !== undefined) f.line = line;
      return [f];
    }
  }
  return [];
}

/** The last year a calendar may reach: months are written with four-digit years. */
export const LAST_YEAR = 9999;

/** Effects in a list, nested ones (`then`, `else`) included. */
function effectCount(effects: readonly unknown[]): number {
  let n = 0;
  for (const e of effects) {
    n++;
    if (e && typeof e === 'object') {
      const { then, else: otherwise } = e as { then?: unknown; else?: unknown };
      if (Array.isArray(then)) n += effectCount(then);
      if (Array.isArray(otherwise)) n += effectCount(otherwise);
    }
  }
  return n;
}

/**
 * Trends apply their effects every turn, so their cost is effects × turns: 1,000 trends of
 * three effects over 200 turns made the engine alone apply 600,000 effects in a game. After
 * the schema (the calendar's length is known), like the event firings.
 */
export function checkTrendEffects(s: Scenario, file: string, lines: Map<string, number>): Finding[] {
  let applied = 0;
  for (let i = 0; i < s.trends.length; i++) {
    applied += effectCount((s.trends[i] as Scenario['trends'][number]).effects) * s.calendar.turns;
    if (applied > LIMITS.trendEffects) {
      const p = formatPath(['trends', i, 'effects']);
      const f: Finding = {
        severity: 'error',
        file,
        path: p,
        message: `trends could apply more than ${thousands(LIMITS.trendEffects)} effects in one game (each trend's effects every turn, for ${s.calendar.turns} turns); this is where the count ran over — fewer trends or fewer effects`,
      };
      const line = lines.get(p);
      if (line !== undefined) f.line = line;
      return [f];
    }
  }
  return [];
}

/**
 * A calendar must end by December 9999: months are "YYYY-MM" with four digits, and a
 * later one would be written with five and read back wrong. (Years before 1000 are
 * refused by the schema's month pattern.)
 */
export function checkCalendarRange(s: Scenario, file: string, lines: Map<string, number>): Finding[] {
  const cal = s.calendar;
  const [year, month] = cal.start.split('-').map(Number) as [number, number];
  const lastMonth = year * 12 + (month - 1) + cal.turns * cal.monthsPerTurn - 1;
  if (Math.floor(lastMonth / 12) <= LAST_YEAR) return [];
  const f: Finding = {
    severity: 'error',
    file,
    path: 'calendar.turns',
    message: `the calendar runs past the year ${LAST_YEAR} (${cal.turns} turns of ${cal.monthsPerTurn} months from ${cal.start}); shorten it`,
  };
  const line = lines.get('calendar.turns');
  if (line !== undefined) f.line = line;
  return [f];
}
