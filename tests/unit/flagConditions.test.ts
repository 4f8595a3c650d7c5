/**
 * The flag tests of an `all` run as one test (conditions.ts allOf): each kind of flag test,
 * nested `all`s, flags mixed with other parts and the depth limit give the answers each
 * test gives alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagSet, flagsOf, type GameState, holds, newGame } from '../../src/core/index.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import type { Condition, Scenario } from '../../src/scenario/types.ts';
import { ROOT } from '../helpers.ts';

const loaded = loadScenarioText(readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8'), 'golden');
if (!loaded.scenario) throw new Error('the fixture does not load');
const sc: Scenario = loaded.scenario;

/** A new game of the fixture with these flags (and sovereignty) set. */
function withFlags(flags: Record<string, boolean | number>): GameState {
  const s = newGame(sc, 1);
  for (const [k, v] of Object.entries(flags)) s.flags[k] = v;
  s.meters.sovereignty = 40;
  return s;
}

/** `c` inside `levels` nested `all`s. */
function nested(c: Condition, levels: number): Condition {
  let out = c;
  for (let i = 0; i < levels; i++) out = { all: [out] };
  return out;
}

describe('an all of flag tests', () => {
  const s = withFlags({ up: true, count: 2, one: 1, off: false, zero: 0 });

  it('holds exactly when every flag test in it holds, whatever their kinds', () => {
    const cases: [Condition, boolean][] = [
      [{ all: [{ flag: 'up' }, { flag: 'count' }] }, true],
      [{ all: [{ flag: 'up' }, { flag: 'off' }] }, false],
      [{ all: [{ flag: 'up' }, { flag: 'zero' }] }, false],
      [{ all: [{ flag: 'up' }, { flag: 'missing' }] }, false],
      [
        {
          all: [
            { flag: 'off', is: false },
            { flag: 'zero', is: false },
            { flag: 'missing', is: false },
          ],
        },
        true,
      ],
      [
        {
          all: [
            { flag: 'up', is: false },
            { flag: 'missing', is: false },
          ],
        },
        false,
      ],
      [
        {
          all: [
            { flag: 'count', is: 2 },
            { flag: 'up', is: true },
          ],
        },
        true,
      ],
      [
        {
          all: [
            { flag: 'count', is: 3 },
            { flag: 'up', is: true },
          ],
        },
        false,
      ],
      // `is: true` asks for true itself, not a count of 1.
      [{ all: [{ flag: 'one', is: true }, { flag: 'up' }] }, false],
      [{ all: [{ flag: 'one', is: 1 }, { flag: 'up' }] }, true],
      [{ all: [{ flag: 'missing', is: 0 }, { flag: 'up' }] }, false],
      [{ all: [{ flag: 'off', is: 0 }] }, false],
      [{ all: [] }, true],
    ];
    expect(cases.map(([c]) => holds(sc, s, c))).toEqual(cases.map(([, want]) => want));
  });

  it('takes in the flags of the alls inside it and keeps its other parts', () => {
    const cases: [Condition, boolean][] = [
      [
        {
          all: [
            { flag: 'up' },
            {
              all: [
                { flag: 'count', is: 2 },
                { flag: 'off', is: false },
              ],
            },
          ],
        },
        true,
      ],
      [{ all: [{ flag: 'up' }, { all: [{ flag: 'count', is: 2 }, { flag: 'off' }] }] }, false],
      [{ all: [{ flag: 'up' }, { var: 'sovereignty', op: '>=', value: 40 }] }, true],
      [{ all: [{ flag: 'up' }, { var: 'sovereignty', op: '>', value: 40 }] }, false],
      [{ all: [{ var: 'sovereignty', op: '<', value: 50 }, { all: [{ flag: 'missing' }, { flag: 'up' }] }] }, false],
      [{ all: [{ flag: 'up' }, { any: [{ flag: 'missing' }, { flag: 'count' }] }, { not: { flag: 'off' } }] }, true],
      [{ all: [{ flag: 'up' }, { any: [{ flag: 'missing' }, { flag: 'zero' }] }, { not: { flag: 'off' } }] }, false],
    ];
    expect(cases.map(([c]) => holds(sc, s, c))).toEqual(cases.map(([, want]) => want));
  });

  it('keeps the depth limit: a flag 24 alls deep is tested, one 25 deep never holds', () => {
    expect([holds(sc, s, nested({ flag: 'up' }, 24)), holds(sc, s, nested({ flag: 'up' }, 25))]).toEqual([true, false]);
    expect([holds(sc, s, nested({ flag: 'up', is: false }, 24)), holds(sc, s, nested({ flag: 'up', is: false }, 25))]).toEqual([false, false]);
  });
});

describe('a list of one-flag conditions', () => {
  it('names the flag of each entry whose condition is one flag set, and flagSet answers as its test', () => {
    const list: { when?: Condition }[] = [
      { when: { flag: 'up' } },
      { when: { flag: 'missing' } },
      { when: { flag: 'up', is: false } },
      { when: { flag: 'count', is: 2 } },
      { when: { all: [{ flag: 'up' }] } },
      {},
      { when: { var: 'sovereignty', op: '>=', value: 40 } },
    ];
    expect(flagsOf(list)).toEqual(['up', 'missing', null, null, null, null, null]);
    const s = withFlags({ up: true, off: false, zero: 0 });
    for (const flag of ['up', 'missing', 'off', 'zero']) expect(flagSet(s, flag)).toBe(holds(sc, s, { flag }));
    expect(['up', 'missing', 'off', 'zero'].map((flag) => flagSet(s, flag))).toEqual([true, false, false, false]);
  });
});
