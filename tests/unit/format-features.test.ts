/**
 * The format's version 2 features, each played through the engine with exact values:
 * counters, turnsSince / before, a power's base relation and aggression, a route's
 * price / capacity / leverage, cancelling and waiting schedules, random amounts, wins
 * and endings. The scenario is the lint base fixture with a field and a route added.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { act, endTurn, type GameState, legalActions, newGame, recordChanges, responseOdds, stateHash } from '../../src/core/index.ts';
import { influenceTarget } from '../../src/core/powers.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { ROOT } from '../helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as raw JSON
type Json = any;
const SRC = [{ doc: '000_e8ef7e9fb16e62fa.txt', section: 'Test passage' }];
const BASE = readFileSync(join(ROOT, 'tests/fixtures/lint/base.json'), 'utf8');

function scenarioWith(patch: (s: Json) => void): Scenario {
  const s = JSON.parse(BASE);
  s.formatVersion = 2;
  s.events = [];
  s.energy = {
    fields: [{ id: 'acg', name: 'ACG', kind: 'oil', at: [50.5, 40], status: 'producing', output: 20 }],
    routes: [{ id: 'supsa', name: 'Baku–Supsa', kind: 'oil', transit: ['turkey'], status: 'operating', capacity: 10, price: 2, leverage: 4 }],
  };
  patch(s);
  const r = validateScenario(s, 'features.json');
  if (!r.scenario) throw new Error(r.findings.map((f) => `${f.path}: ${f.message}`).join('\n'));
  return r.scenario;
}

const action = (id: string, effects: Json[], over: Json = {}) => ({
  id,
  label: id,
  domain: 'diplomacy',
  text: 'A test lever.',
  cost: { capital: 0 },
  effects,
  ...over,
});
const news = (id: string, over: Json) => ({ id, title: `News ${id}`, text: 'Something happens.', sources: SRC, ...over });

function ok(r: ReturnType<typeof act>): GameState {
  if (!r.ok) throw new Error(r.message);
  return r.state;
}
const turn = (sc: Scenario, s: GameState) => ok(endTurn(sc, s));

describe('counters', () => {
  const sc = scenarioWith((s) => {
    s.actions = [action('rally', [{ op: 'inc', counter: 'rallies' }]), action('calm', [{ op: 'dec', counter: 'rallies', by: 2 }])];
    s.events = [news('unrest', { conditions: { counter: 'rallies', op: '>=', value: 2 } })];
  });

  it('inc raises, dec lowers, a counter at 0 leaves the flags, and a comparison reads it', () => {
    let s = newGame(sc, 1);
    s = ok(act(sc, s, 'rally'));
    expect(s.flags.rallies).toBe(1);
    s = ok(act(sc, turn(sc, s), 'rally'));
    expect(s.flags.rallies).toBe(2);
    expect(s.fired.unrest).toBeUndefined();
    s = turn(sc, s);
    expect(s.fired.unrest).toBe(2);
    s = ok(act(sc, s, 'calm'));
    expect('rallies' in s.flags).toBe(false);
    s = ok(act(sc, turn(sc, s), 'calm'));
    expect(s.flags.rallies).toBe(-2);
  });
});

describe('turnsSince and before', () => {
  const sc = scenarioWith((s) => {
    s.actions = [action('a', []), action('b', [])];
    s.events = [
      news('first', { date: '1992-04' }),
      news('echo', { conditions: { turnsSince: { event: 'first' }, op: '>=', value: 2 } }),
      news('a-then-b', { conditions: { before: [{ action: 'a' }, { action: 'b' }] } }),
    ];
  });

  it('counts turns from the event, and never holds before it', () => {
    let s = newGame(sc, 1);
    const fired: Record<string, number | undefined>[] = [];
    for (let i = 0; i < 4; i++) {
      fired.push({ first: s.fired.first, echo: s.fired.echo });
      s = turn(sc, s);
    }
    expect(fired).toEqual([
      { first: undefined, echo: undefined },
      { first: 1, echo: undefined },
      { first: 1, echo: undefined },
      { first: 1, echo: 3 },
    ]);
  });

  it('"before" holds when the first came in an earlier turn and the second not yet or later', () => {
    let s = newGame(sc, 1);
    s = ok(act(sc, s, 'a'));
    s = turn(sc, s);
    expect(s.fired['a-then-b']).toBe(1);
    let t = newGame(sc, 1);
    t = ok(act(sc, ok(act(sc, t, 'b')), 'a'));
    t = turn(sc, turn(sc, t));
    expect(t.fired['a-then-b']).toBeUndefined();
  });
});

describe("a power's base relation and aggression", () => {
  const sc = scenarioWith((s) => {
    s.actions = [
      action('insult', [
        { op: 'add', var: 'russia.baseRelation', delta: -40 },
        { op: 'set', var: 'russia.aggression', value: 200 },
      ]),
    ];
  });

  it('the relation settles toward the new base, and the stick odds scale by the new aggression', () => {
    let s = ok(act(sc, newGame(sc, 1), 'insult'));
    expect(s.powers.russia.baseRelation).toBe(-40);
    expect(s.powers.russia.aggression).toBe(200);
    expect(recordChanges(s, s.current)).toEqual([
      { var: 'russia.baseRelation', delta: -40, cause: 'insult' },
      { var: 'russia.aggression', delta: 100, cause: 'insult' },
    ]);
    s = turn(sc, s);
    // relation 0 settles 10% of the way to -40
    expect(s.powers.russia.relation).toBe(-4);
    s = { ...s, powers: { ...s.powers, russia: { ...s.powers.russia, stance: -5 } } };
    // 35 + 2 × (2.5 − −5) × 200% aggression = 65% (50% at the scenario's 100%)
    expect(responseOdds(sc, s, 'russia').stick).toBe(65);
  });

  it('a game that never changes them keeps the same state shape', () => {
    const s = newGame(sc, 1);
    expect(Object.keys(s.powers.russia).sort()).toEqual(['cooldowns', 'influence', 'relation', 'stance']);
  });
});

describe("a route's price, capacity and leverage", () => {
  const sc = scenarioWith((s) => {
    s.actions = [
      action('expand', [{ op: 'route', route: 'supsa', add: { capacity: 5, price: 0.5, leverage: 6 } }]),
      action('reprice', [{ op: 'route', route: 'supsa', price: 3, leverage: 0 }]),
    ];
  });

  it('earns by the new capacity and price, and gives the new leverage', () => {
    let s = ok(act(sc, newGame(sc, 1), 'expand'));
    expect(s.routes.supsa).toEqual({ status: 'operating', capacity: 15, flow: 0, revenue: 0, price: 2.5, leverage: 10 });
    expect(influenceTarget(sc, s, 'turkey').parts).toContainEqual({ label: 'Baku–Supsa', amount: 10 });
    s = turn(sc, s);
    expect(s.routes.supsa?.flow).toBe(15);
    expect(s.routes.supsa?.revenue).toBe(38); // 15 × 2.5 = 37.5, rounded
    s = ok(act(sc, s, 'reprice'));
    s = turn(sc, s);
    expect(s.routes.supsa?.revenue).toBe(45);
    expect(influenceTarget(sc, s, 'turkey').parts.some((p) => p.label === 'Baku–Supsa')).toBe(false);
  });
});

describe('scheduling: cancel and wait', () => {
  const sc = scenarioWith((s) => {
    s.actions = [
      action('plan', [{ op: 'event', event: 'opening', delay: 1, wait: 2 }]),
      action('scrap', [{ op: 'cancel', event: 'opening' }]),
      action('ready', [{ op: 'flag', flag: 'ready' }]),
    ];
    s.events = [news('opening', { conditions: { flag: 'ready' } })];
  });

  it('a cancelled event is unscheduled and never fires', () => {
    let s = ok(act(sc, ok(act(sc, newGame(sc, 1), 'plan')), 'ready'));
    expect(s.scheduled).toEqual([{ turn: 1, event: 'opening', wait: 2 }]);
    s = ok(act(sc, s, 'scrap'));
    expect(s.scheduled).toEqual([]);
    s = turn(sc, turn(sc, s));
    expect(s.fired.opening).toBeUndefined();
  });

  it('a waiting event stays scheduled until its conditions hold, for at most `wait` turns past its due turn', () => {
    let s = ok(act(sc, newGame(sc, 1), 'plan'));
    s = turn(sc, s); // due at turn 1, not ready: waits
    expect(s.scheduled).toEqual([{ turn: 1, event: 'opening', wait: 2 }]);
    s = ok(act(sc, s, 'ready'));
    s = turn(sc, s);
    expect(s.fired.opening).toBe(2);
    expect(s.scheduled).toEqual([]);
    let late = ok(act(sc, newGame(sc, 1), 'plan'));
    for (let i = 0; i < 3; i++) late = turn(sc, late);
    expect(late.scheduled).toEqual([]); // turn 3 is past 1 + 2: dropped
    late = turn(sc, ok(act(sc, late, 'ready')));
    expect(late.fired.opening).toBeUndefined();
  });
});

describe('random amounts', () => {
  const sc = scenarioWith((s) => {
    s.actions = [action('gamble', [{ op: 'add', var: 'economy', delta: { min: -5, max: 5 } }], { cooldown: 0 })];
  });

  it('draw a whole number in the range from the game generator: the same seed draws the same', () => {
    const draws = (seed: number) => {
      let s = newGame(sc, seed);
      const out: number[] = [];
      for (let i = 0; i < 6; i++) {
        const before = s.meters.economy;
        s = ok(act(sc, s, 'gamble'));
        out.push(s.meters.economy - before);
        s = turn(sc, s);
      }
      return out;
    };
    const a = draws(7);
    expect(a).toEqual(draws(7));
    expect(a).toEqual(PINNED_DRAWS);
    for (const d of a) expect(d >= -5 && d <= 5).toBe(true);
  });

  it('the preview shows the range without drawing', () => {
    const s = newGame(sc, 7);
    expect(legalActions(sc, s)[0]?.preview).toEqual([{ var: 'economy', delta: 0, range: [-5, 5] }]);
    expect(stateHash(s)).toBe(stateHash(newGame(sc, 7)));
  });
});

describe('wins and endings', () => {
  const sc = scenarioWith((s) => {
    s.calendar.turns = 2;
    s.actions = [action('treaty', [{ op: 'win', outcome: 'peace' }]), action('boost', [{ op: 'add', var: 'sovereignty', delta: 30 }])];
    s.outcomes.win = [
      { id: 'peace', title: 'Peace signed', text: 'A treaty ends the war.' },
      { id: 'strong', when: { var: 'sovereignty', op: '>=', value: 75 }, title: 'Truly sovereign', text: 'No power can bend Baku.' },
    ];
    s.outcomes.endings = [
      { id: 'client', when: { var: 'sovereignty', op: '<', value: 40 }, title: 'A client state', text: 'Baku answers to others.' },
      { id: 'muddle', title: 'Muddling through', text: 'Azerbaijan survives, unbalanced.' },
    ];
  });

  it('a win effect ends the game at once with the full score', () => {
    const s = ok(act(sc, newGame(sc, 1), 'treaty'));
    expect(s.outcome).toMatchObject({ status: 'won', reason: 'peace', title: 'Peace signed', text: 'A treaty ends the war.' });
    expect(act(sc, s, 'boost')).toMatchObject({ ok: false, error: 'game/over' });
  });

  it('a win rule ends the game when its condition holds', () => {
    const s = ok(act(sc, newGame(sc, 1), 'boost'));
    expect(s.outcome).toMatchObject({ status: 'won', reason: 'strong', title: 'Truly sovereign' });
  });

  it('at the last turn the first ending that holds tells the story', () => {
    const s = turn(sc, turn(sc, newGame(sc, 1)));
    expect(s.outcome).toMatchObject({ status: 'completed', reason: 'muddle', title: 'Muddling through', text: 'Azerbaijan survives, unbalanced.' });
  });
});

describe('format versions', () => {
  it('in version 1 an event with conditions that an effect schedules is also raised on its own, as it always was', () => {
    const v1 = (version: number) =>
      scenarioWith((s) => {
        s.formatVersion = version;
        s.actions = [action('plan', [{ op: 'event', event: 'opening', delay: 3 }]), action('ready', [{ op: 'flag', flag: 'ready' }])];
        s.events = [news('opening', { conditions: { flag: 'ready' } })];
      });
    for (const [version, firedAt] of [
      [1, 1],
      [2, 3],
    ] as const) {
      const sc = v1(version);
      let s = ok(act(sc, ok(act(sc, newGame(sc, 1), 'plan')), 'ready'));
      for (let i = 0; i < 3; i++) s = turn(sc, s);
      expect(s.fired.opening, `formatVersion ${version}`).toBe(firedAt);
    }
  });

  it('a version 1 file that uses a version 2 feature is told to say formatVersion 2', () => {
    const s = JSON.parse(BASE);
    s.actions[0].effects.push({ op: 'inc', counter: 'visits' });
    const r = validateScenario(s, 'v1.json');
    expect(r.scenario).toBeNull();
    expect(r.findings.map((f) => `${f.path}: ${f.message}`)).toEqual([
      'actions[0].effects[2].op: the "inc" effect came with formatVersion 2, and the file says "formatVersion": 1: set "formatVersion": 2 (nothing else in the file changes meaning)',
    ]);
  });
});

// Repinned with the model of issue 7 §6: the powers answer more often, so more draws come between the gambles.
const PINNED_DRAWS = [2, 3, 1, 1, -1, -1];
