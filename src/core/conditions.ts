/**
 * The condition evaluator: a closed set of operators over the state. Each condition is
 * compiled once into a small closure (cached by the condition object, which a loaded
 * scenario never changes), because long scenarios evaluate hundreds of conditions a
 * turn and walking the JSON each time dominated the engine's cost. Compilation stops at
 * a depth limit, so no scenario can make it run away; validation rejects deeper ones.
 */
import type { Condition, Happening, Scenario } from '../scenario/types.ts';
import { monthIndex } from './calendar.ts';
import type { GameState } from './state.ts';
import { turnMonth } from './time.ts';
import { varReader } from './vars.ts';
import { counterValue } from './counters.ts';

export const MAX_DEPTH = 24;
/** Effects stop after this many steps in one application (a second line of defence). */
export const MAX_STEPS = 5000;

export type Test = (scenario: Scenario, s: GameState) => boolean;

const compiled = new WeakMap<Condition, Test>();
const never: Test = () => false;

export function holds(scenario: Scenario, s: GameState, cond: Condition | undefined): boolean {
  return cond === undefined || compile(cond, 0)(scenario, s);
}

/** A condition's compiled test, for a caller that keeps it (`holds` finds it on every call). */
export function testOf(cond: Condition): Test {
  return compile(cond, 0);
}

const always: Test = () => true;
const listTests = new WeakMap<readonly { when?: Condition }[], Test[]>();

/**
 * The tests of a list's conditions (`when`), in list order, compiled once and cached by
 * the list: `tests[i](scenario, s)` is `holds(scenario, s, list[i].when)`. A loop over a
 * power's concerns or ties then finds its tests once, not once per entry.
 */
export function testsOf(list: readonly { when?: Condition }[]): Test[] {
  let tests = listTests.get(list);
  if (tests === undefined) {
    tests = list.map((x) => (x.when === undefined ? always : compile(x.when, 0)));
    listTests.set(list, tests);
  }
  return tests;
}

const listFlags = new WeakMap<readonly { when?: Condition }[], (string | null)[]>();

/**
 * For each entry of a list (as `testsOf`), the flag its condition is when the condition is
 * just a flag being set (`{"flag": "cis-member"}`), else null. Once a chapter's dates are
 * cut (rules.ts openInTurn), many concerns and ties are that; a loop over them looks the
 * flag up itself (`flagSet`) instead of calling its test, the same answer without a call
 * through a closure for each entry (driftOf, influenceTies, a power's turn).
 */
export function flagsOf(list: readonly { when?: Condition }[]): (string | null)[] {
  let flags = listFlags.get(list);
  if (flags === undefined) {
    const tests = testsOf(list);
    flags = list.map((x, i) => (tests[i] !== never && x.when !== undefined && isFlagOnly(x.when) ? (x.when as { flag: string }).flag : null));
    listFlags.set(list, flags);
  }
  return flags;
}

/** Whether `c` compiles to the test of one flag being set (build's `flag` case, `is` not given). */
function isFlagOnly(c: Condition): boolean {
  for (const k of ['all', 'any', 'not', 'var', 'counter', 'turnsSince', 'before']) if (k in c) return false;
  return 'flag' in c && c.is === undefined;
}

/** The test of a one-flag condition (`flagsOf`): whether the flag is set in `s`. */
export function flagSet(s: GameState, flag: string): boolean {
  return isSet(s.flags[flag]);
}

/** Whether a list entry's condition holds, from its `flagsOf` flag and its `testsOf` test:
 *  a one-flag condition is looked up here, without a call through its test's closure. */
export function entryHolds(scenario: Scenario, s: GameState, flag: string | null, test: Test): boolean {
  return flag !== null ? flagSet(s, flag) : test(scenario, s);
}

function compile(c: Condition, depth: number): Test {
  let test = compiled.get(c);
  if (test === undefined) {
    test = depth > MAX_DEPTH ? never : build(c, depth);
    compiled.set(c, test);
  }
  return test;
}

function build(c: Condition, depth: number): Test {
  if ('all' in c) return allOf(c.all, depth);
  if ('any' in c) {
    const parts = c.any.map((x) => compile(x, depth + 1));
    return (sc, s) => {
      for (const p of parts) if (p(sc, s)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compile(c.not, depth + 1);
    return (sc, s) => !inner(sc, s);
  }
  if ('var' in c) return compare(varReader(c.var), c.op, c.value);
  if ('counter' in c) {
    const name = c.counter;
    return compare((_, s) => counterValue(s.flags[name]), c.op, c.value);
  }
  if ('turnsSince' in c) {
    // Never before it has happened: "4 turns since the coup" says nothing without a coup.
    const when = happenedAt(c.turnsSince);
    const test = compare((_, s) => s.turn - (when(s) as number), c.op, c.value);
    return (sc, s) => when(s) !== undefined && test(sc, s);
  }
  if ('before' in c) {
    const first = happenedAt(c.before[0]);
    const second = happenedAt(c.before[1]);
    return (_, s) => {
      const a = first(s);
      if (a === undefined) return false;
      const b = second(s);
      return b === undefined || a < b;
    };
  }
  if ('flag' in c) {
    const { flag, is } = c;
    if (is === undefined) return (_, s) => isSet(s.flags[flag]);
    if (is === false) return (_, s) => !isSet(s.flags[flag]);
    return (_, s) => (s.flags[flag] ?? false) === is;
  }
  // A turn "is since" a month when it ends on or after it, "is until" one when it starts
  // on or before it: a quarterly turn holding the month counts for both.
  if ('since' in c) {
    const m = monthIndex(c.since);
    return (sc, s) => turnMonth(sc, s.turn) + sc.calendar.monthsPerTurn - 1 >= m;
  }
  if ('until' in c) {
    const m = monthIndex(c.until);
    return (sc, s) => turnMonth(sc, s.turn) <= m;
  }
  if ('route' in c) {
    const { route, status } = c;
    if (typeof status === 'string') return (_, s) => s.routes[route]?.status === status;
    return statusIs((s) => s.routes[route]?.status, status);
  }
  if ('field' in c) {
    const { field, status } = c;
    if (typeof status === 'string') return (_, s) => s.fields[field]?.status === status;
    return statusIs((s) => s.fields[field]?.status, status);
  }
  if ('fired' in c) {
    const { fired } = c;
    return (_, s) => s.fired[fired] !== undefined;
  }
  if ('chose' in c) {
    const { event, choice } = c.chose;
    return (_, s) => s.chosen[event] === choice;
  }
  if ('took' in c) {
    const { took } = c;
    return (_, s) => (s.uses[took] ?? 0) > 0;
  }
  if ('leader' in c) {
    const names: readonly string[] = typeof c.leader === 'string' ? [c.leader] : c.leader;
    return (_, s) => names.includes(s.leader);
  }
  if ('active' in c) {
    const { power, response } = c.active;
    // A loop, not `some`: its callback would be a new closure on every test (~40 bytes).
    return (_, s) => {
      const active = s.active;
      for (let i = 0; i < active.length; i++) {
        const a = active[i] as GameState['active'][number];
        if (a.power === power && a.response === response) return true;
      }
      return false;
    };
  }
  return never;
}

type FlagCondition = Extract<Condition, { flag: string }>;

/**
 * An `all`: its flag tests, those in `all`s inside it included, as one test that reads
 * the flags record once and looks each flag up in turn; then its other parts. A
 * campaign's concerns and ties are mostly two or three flags (`{"all": [{"flag":
 * "russian-troops"}, {"flag": "troops-asked-out", "is": false}]}`), tested on every turn
 * and every look a policy takes: a closure called per flag cost more than the lookup.
 * Every part is a pure test, so testing the flags first gives the same answer.
 */
function allOf(list: readonly Condition[], depth: number): Test {
  const flags: FlagCondition[] = [];
  const parts: Test[] = [];
  collect(list, depth, flags, parts);
  if (flags.length > 0) parts.unshift(flagsTest(flags));
  if (parts.length === 1) return parts[0] as Test;
  if (parts.length === 2) {
    const [a, b] = parts as [Test, Test];
    return (sc, s) => a(sc, s) && b(sc, s);
  }
  return (sc, s) => {
    for (const p of parts) if (!p(sc, s)) return false;
    return true;
  };
}

/** The flag tests of an `all` (and of the `all`s inside it, within the depth limit) and its other parts' tests. */
function collect(list: readonly Condition[], depth: number, flags: FlagCondition[], parts: Test[]): void {
  for (const x of list) {
    // Past the limit a part compiles to `never` (compile): left to it.
    if ('flag' in x && depth + 1 <= MAX_DEPTH) flags.push(x);
    else if ('all' in x && depth + 1 <= MAX_DEPTH) collect(x.all, depth + 1, flags, parts);
    else parts.push(compile(x, depth + 1));
  }
}

/** What a flag test asks of the flag's value. */
const SET = 0;
const UNSET = 1;
const EQUALS = 2;

/** The flag conditions' tests as one: each holds, in order (conditions.ts `flag`). */
function flagsTest(list: readonly FlagCondition[]): Test {
  const keys = list.map((x) => x.flag);
  const kinds = list.map((x) => (x.is === undefined ? SET : x.is === false ? UNSET : EQUALS));
  const values = list.map((x) => x.is ?? false);
  return (_, s) => {
    const flags = s.flags;
    for (let i = 0; i < keys.length; i++) {
      const v = flags[keys[i] as string];
      const kind = kinds[i];
      if (kind === SET ? !isSet(v) : kind === UNSET ? isSet(v) : (v ?? false) !== values[i]) return false;
    }
    return true;
  };
}

function compare(read: (sc: Scenario, s: GameState) => number, op: string, value: number): Test {
  switch (op) {
    case '<':
      return (sc, s) => read(sc, s) < value;
    case '<=':
      return (sc, s) => read(sc, s) <= value;
    case '>':
      return (sc, s) => read(sc, s) > value;
    case '>=':
      return (sc, s) => read(sc, s) >= value;
    case '==':
      return (sc, s) => read(sc, s) === value;
    default:
      return (sc, s) => read(sc, s) !== value;
  }
}

/** The turn an event last fired or an action was last taken, or undefined. */
function happenedAt(h: Happening): (s: GameState) => number | undefined {
  if ('event' in h) {
    const id = h.event;
    return (s) => s.fired[id];
  }
  const id = h.action;
  return (s) => s.lastTaken[id];
}

/** A test that an entry's status is one of the wanted ones (missing entries never are). */
function statusIs(statusOf: (s: GameState) => string | undefined, status: string | readonly string[]): Test {
  const wanted: readonly string[] = typeof status === 'string' ? [status] : status;
  return (_, s) => {
    const current = statusOf(s);
    return current !== undefined && wanted.includes(current);
  };
}

function isSet(value: boolean | number | undefined): boolean {
  return value !== undefined && value !== false && value !== 0;
}
