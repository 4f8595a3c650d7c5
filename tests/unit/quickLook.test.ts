import { describe, expect, it } from 'vitest';
import {
  actionsInEra,
  advance,
  availableActions,
  type GameState,
  newGame,
  nextFloat,
  POWER_IDS,
  type RngState,
  rulesOf,
  seedRng,
  stateHash,
  stateOpen,
  turnOpen,
  whatIf,
} from '../../src/core/index.ts';
import { evaluatePosition } from '../../src/policies/evaluate.ts';
import { balancer, historical } from '../../src/policies/policies.ts';
import { projectedScore } from '../../src/policies/projection.ts';
import { keyedReads, QuickLooks } from '../../src/policies/quickLook.ts';
import type { Scenario, ScenarioAction } from '../../src/scenario/types.ts';
import { shippedScenario } from '../helpers.ts';

/** Everything a policy's score or a condition can read of a position after one action. */
function reading(scenario: Scenario, s: GameState, a: { id: string }) {
  return {
    meters: { ...s.meters },
    powers: POWER_IDS.map((id) => {
      const p = s.powers[id];
      return [p.relation, p.influence, p.stance, p.baseRelation, p.aggression];
    }),
    capital: s.capital,
    treasury: s.treasury,
    leader: s.leader,
    flags: { ...s.flags },
    chosen: { ...s.chosen },
    pending: [...s.pending],
    // A quick look writes an action's use and turn taken only when a condition reads them.
    uses: keyedReads(scenario).uses.has(a.id) ? s.uses[a.id] : 'read by no condition',
    lastTaken: keyedReads(scenario).lastTaken.has(a.id) ? s.lastTaken[a.id] : 'read by no condition',
    routes: JSON.stringify(s.routes),
    outcome: s.outcome,
    projected: projectedScore(scenario, s),
    evaluated: evaluatePosition(scenario, s),
  };
}

/** The objects a quick look writes into, and what is in them. A record keyed by id may
 *  come back with a deleted key put back last (as the engine's journal does): the hash
 *  reads records in key order, so only their entries are compared. */
function partsOf(s: GameState) {
  const objects: Record<string, unknown> = {
    rng: s.rng,
    meters: s.meters,
    routes: s.routes,
    pending: s.pending,
    flags: s.flags,
    uses: s.uses,
    lastTaken: s.lastTaken,
  };
  for (const id of POWER_IDS) objects[id] = s.powers[id];
  for (const [id, r] of Object.entries(s.routes)) objects[`route ${id}`] = r;
  const keyed = new Set(['routes', 'flags', 'uses', 'lastTaken']);
  const entries = Object.fromEntries(
    Object.entries(objects).map(([k, o]) => {
      const list = Object.entries(o as object);
      return [k, JSON.stringify(keyed.has(k) ? list.sort(([a], [b]) => (a < b ? -1 : 1)) : list)];
    }),
  );
  const top = Object.entries(s).map(([k, v]) => [k, typeof v === 'object' ? '' : v]);
  return { objects, entries, top };
}

/** Plays history's game; at every position where actions are weighed, looks at each
 *  available action both ways. Returns how many looks the quick way took. */
function compareAlongHistory(scenario: Scenario, seed: number): { quick: number; all: number } {
  const s = newGame(scenario, seed);
  const ctx = { scenario, rng: seedRng(`test:${seed}`) };
  let quick = 0;
  let all = 0;
  while (!s.outcome) {
    const before = stateHash(s);
    const parts = partsOf(s);
    const looks = new QuickLooks(scenario, s, []);
    const event = s.pending[0] === undefined ? undefined : rulesOf(scenario).eventById.get(s.pending[0]);
    const moves = event
      ? event.choices.map((c) => ({
          id: c.id,
          quick: looks.lookChoice.bind(looks, event, c),
          command: { type: 'choose', event: event.id, choice: c.id } as const,
        }))
      : availableActions(scenario, s).map((a) => ({ id: a.id, quick: looks.look.bind(looks, a), command: { type: 'act', action: a.id } as const }));
    for (const move of moves) {
      nextFloat(ctx.rng);
      const dice: RngState = { ...ctx.rng };
      const fast = move.quick(dice, (after) => reading(scenario, after, move));
      const slow = whatIf(scenario, s, move.command, dice, (after) => reading(scenario, after, move));
      all++;
      if (fast === undefined) continue;
      quick++;
      expect(fast, `${scenario.id} turn ${s.turn}: ${move.id}`).toEqual(slow);
    }
    // A quick look puts back what it wrote in place: the same values, the same objects,
    // the same keys in the same order (quickDraft.ts).
    expect(stateHash(s)).toBe(before);
    expect(partsOf(s)).toEqual(parts);
    for (const [k, v] of Object.entries(parts.objects)) expect((partsOf(s).objects as Record<string, unknown>)[k], k).toBe(v);
    const r = advance(scenario, s, historical.next(ctx, s));
    expect(r.ok).toBe(true);
  }
  return { quick, all };
}

describe('quick looks (policies/quickLook.ts)', () => {
  it('lead to the position the engine reaches, score for score, for every action and answer history passes by', () => {
    for (const id of ['independence-1991', 'balanced-1994', 'after-georgia-2008']) {
      const { quick, all } = compareAlongHistory(shippedScenario(id), 3);
      // Nearly every action is plain enough to be looked at without the engine.
      expect(quick / all, id).toBeGreaterThan(0.9);
    }
  });

  it('leave a field change, a loss or a win to the engine', () => {
    const scenario = shippedScenario('independence-1991');
    // The first turn's events answered, an action is open.
    const s: GameState = { ...newGame(scenario, 1), pending: [] };
    const [a] = availableActions(scenario, s);
    if (!a) throw new Error('independence-1991 offers an action on turn 1');
    const looks = new QuickLooks(scenario, s, []);
    const rng = seedRng('x');
    const plain = looks.look(a, rng, (after) => after.capital);
    expect(plain).toBe(s.capital - a.cost.capital);
    for (const effect of [
      { op: 'field', field: 'x', status: 'operating' },
      { op: 'lose', outcome: 'coup' },
      { op: 'win', outcome: 'peace' },
    ] as const) {
      const odd = { ...a, effects: [...a.effects, effect] } as typeof a;
      expect(
        looks.look(odd, rng, () => 1),
        effect.op,
      ).toBeUndefined();
    }
  });

  it('write the use and the turn taken when a condition reads them', () => {
    const shipped = shippedScenario('independence-1991');
    const s: GameState = { ...newGame(shipped, 1), pending: [] };
    const [a] = availableActions(shipped, s);
    if (!a) throw new Error('independence-1991 offers an action on turn 1');
    // The action's own effects test its use and the turn it was taken: the engine counts
    // both before the effects, so both branches are taken.
    const tested = {
      ...a,
      effects: [
        ...a.effects,
        // As scenario JSON (an object literal with a `then` key reads as a promise to the linter).
        ...JSON.parse(
          JSON.stringify([
            { op: 'if', when: { took: a.id }, THEN: [{ op: 'add', var: 'stability', delta: 5 }] },
            { op: 'if', when: { turnsSince: { action: a.id }, op: '==', value: 0 }, THEN: [{ op: 'add', var: 'economy', delta: 3 }] },
          ]).replaceAll('"THEN"', '"then"'),
        ),
      ],
    } as ScenarioAction;
    const scenario: Scenario = { ...shipped, actions: shipped.actions.map((x) => (x.id === a.id ? tested : x)) };
    expect(keyedReads(scenario).uses.has(a.id)).toBe(true);
    expect(keyedReads(scenario).lastTaken.has(a.id)).toBe(true);
    const dice = seedRng('keyed');
    const fast = new QuickLooks(scenario, s, []).look(tested, dice, (after) => [
      after.meters.stability,
      after.meters.economy,
      after.uses[a.id],
      after.lastTaken[a.id],
    ]);
    const slow = whatIf(scenario, s, { type: 'act', action: a.id }, dice, (after) => [
      after.meters.stability,
      after.meters.economy,
      after.uses[a.id],
      after.lastTaken[a.id],
    ]);
    expect(fast).toEqual(slow);
    expect(slow).toEqual([s.meters.stability + 5, s.meters.economy + 3, 1, 0]);
  });

  it('nest: a second look from a quick position is the engine’s second look, for every action a balancer game opens', () => {
    for (const id of ['campaign-1991-2012', 'balanced-1994']) {
      const scenario = shippedScenario(id);
      let nested = 0;
      for (const seed of [4, 5, 6]) {
        const s = newGame(scenario, seed);
        const ctx = { scenario, rng: seedRng('nested'), work: { simulated: 0 } };
        while (!s.outcome) {
          if (s.pending.length === 0) {
            const closed = actionsInEra(scenario, s.turn).filter((b) => turnOpen(scenario, s, b) && !stateOpen(scenario, s, b));
            const looks = new QuickLooks(scenario, s, closed);
            for (const a of availableActions(scenario, s)) {
              const dice: RngState = { ...ctx.rng };
              // The position is the look's while it runs: the engine's looks come after.
              const fast: [ScenarioAction, ReturnType<typeof reading>][] = [];
              looks.look(a, dice, (after) => {
                for (const b of closed) {
                  if (!stateOpen(scenario, after, b)) continue;
                  const v = new QuickLooks(scenario, after, []).look(b, after.rng, (after2) => reading(scenario, after2, b));
                  if (v !== undefined) fast.push([b, v]);
                }
              });
              for (const [b, v] of fast) {
                nested++;
                const slow = whatIf(scenario, s, { type: 'act', action: a.id }, dice, (afterA) =>
                  whatIf(scenario, afterA, { type: 'act', action: b.id }, afterA.rng, (after2) => reading(scenario, after2, b)),
                );
                expect(v, `${id} turn ${s.turn}: ${a.id} then ${b.id}`).toEqual(slow);
              }
            }
          }
          expect(advance(scenario, s, balancer.next(ctx, s)).ok).toBe(true);
        }
      }
      expect(nested, id).toBeGreaterThan(id === 'campaign-1991-2012' ? 20 : 3);
    }
  });
});
