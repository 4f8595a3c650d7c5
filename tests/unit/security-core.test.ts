/**
 * Issue 11.4, the core's half: an id that is a name every JavaScript object has
 * (`constructor`, `toString`, `__proto__`…) must never resolve to `Object.prototype`.
 * The loader refuses such ids (security-input.test.ts); the core must not depend on that:
 * a command from a save may name anything, and code may build a scenario without the
 * loader. Before the fix, an action named `constructor` wrote "function Object() {
 * [native code] }1" into `uses`, `{"fired": "constructor"}` held from turn 0, and an event
 * named so never fired.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { act, apply, type Command, type GameState, holds, newGame, stateHash } from '../../src/core/index.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import type { Condition, Scenario } from '../../src/scenario/types.ts';
import { ROOT } from '../helpers.ts';

const loaded = loadScenarioText(readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8'), 'golden');
if (!loaded.scenario) throw new Error('the fixture does not load');
const base: Scenario = loaded.scenario;
const NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Answers every pending event with its first choice. */
function answerAll(sc: Scenario, s: GameState): GameState {
  let state = s;
  for (let guard = 0; state.pending.length > 0 && guard < 50; guard++) {
    const id = state.pending[0] as string;
    const event = sc.events.find((e) => e.id === id);
    const r = apply(sc, state, { type: 'choose', event: id, choice: event?.choices[0]?.id ?? '' });
    if (!r.ok) throw new Error(r.message);
    state = r.state;
  }
  return state;
}

/** The fixture with its first action, first event and a flag renamed `name`, built without the loader. */
function renamed(name: string): Scenario {
  const sc = structuredClone(base);
  (sc.actions[0] as { id: string }).id = name; // visit-moscow: free of conditions, 1 capital
  (sc.events[0] as { id: string }).id = name; // turkey-recognises: dated in the first turn
  (sc.events[0]?.choices[0]?.effects ?? []).push({ op: 'flag', flag: name });
  return sc;
}

describe('ids that are names every object has (issue 11.4, the core)', () => {
  it.each(NAMES)('commands naming %s are refused by name, and change nothing', (name) => {
    const s0 = newGame(base, 1);
    const before = stateHash(s0);
    const commands: Command[] = [
      { type: 'act', action: name },
      { type: 'choose', event: name, choice: name },
      { type: 'choose', event: s0.pending[0] as string, choice: name },
    ];
    expect(commands.map((c) => apply(base, s0, c)).map((r) => (r.ok ? 'ok' : r.error))).toEqual(['action/unknown', 'event/not-pending', 'choice/unknown']);
    expect(stateHash(s0)).toBe(before);
  });

  it.each(NAMES)('a game that has no event, action, flag, route or field %s never finds one', (name) => {
    const sc = base;
    const s0 = answerAll(sc, newGame(sc, 1));
    const conditions: [Condition, boolean][] = [
      [{ fired: name }, false],
      [{ flag: name }, false],
      [{ flag: name, is: false }, true],
      [{ flag: name, is: true }, false],
      [{ counter: name, op: '==', value: 0 }, true],
      [{ took: name }, false],
      [{ chose: { event: name, choice: 'embrace' } }, false],
      [{ route: name, status: 'operating' }, false],
      [{ field: name, status: 'producing' }, false],
      [{ turnsSince: { event: name }, op: '>=', value: 0 }, false],
      [{ turnsSince: { action: name }, op: '>=', value: 0 }, false],
    ];
    expect(conditions.map(([c]) => holds(sc, s0, c))).toEqual(conditions.map(([, want]) => want));
  });

  it.each(NAMES)('an event and an action named %s fire, are answered and are taken like any other', (name) => {
    const sc = renamed(name);
    const s0 = newGame(sc, 1);
    expect(s0.pending[0]).toBe(name);
    const r = apply(sc, s0, { type: 'choose', event: name, choice: 'embrace' });
    if (!r.ok) throw new Error(r.message);
    expect([r.state.fired[name], r.state.chosen[name], r.state.flags[name]]).toEqual([0, 'embrace', true]);
    expect([
      holds(sc, r.state, { fired: name }),
      holds(sc, r.state, { flag: name }),
      holds(sc, r.state, { chose: { event: name, choice: 'embrace' } }),
    ]).toEqual([true, true, true]);
    const ready = answerAll(sc, r.state);
    const taken = act(sc, ready, name);
    if (!taken.ok) throw new Error(taken.message);
    expect([taken.state.uses[name], taken.state.lastTaken[name], holds(sc, taken.state, { took: name })]).toEqual([1, 0, true]);
    expect(Object.keys(taken.state.uses)).toEqual([name]);
    const again = act(sc, taken.state, name);
    expect(again.ok ? 'ok' : again.error).toBe('action/unavailable');
  });
});
