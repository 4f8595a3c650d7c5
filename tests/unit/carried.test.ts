/**
 * Readings carried from one decision to the next of a turn (policies/carried.ts): after
 * the engine made the move a decision chose, the carried readings are the position's
 * own, reading for reading, whatever the engine drew; and they are read afresh when the
 * engine made any other move.
 */
import { describe, expect, it } from 'vitest';
import { actionsInEra, advance, type GameState, holds, newGame, PART, seedRng, stateOpen, turnOpen } from '../../src/core/index.ts';
import { actionWrites, carriedScore, carryReadings, drawsNothing, readingsFor } from '../../src/policies/carried.ts';
import { balancer, historical } from '../../src/policies/policies.ts';
import { PROJECTION_TURNS, projectedScore } from '../../src/policies/projection.ts';
import { Readings } from '../../src/policies/readings.ts';
import { varBit } from '../../src/policies/written.ts';
import type { Scenario, ScenarioAction } from '../../src/scenario/types.ts';
import { shippedScenario } from '../helpers.ts';

/** The actions held back by their conditions or cost, as bestAction notes them. */
function closedActions(scenario: Scenario, s: GameState): ScenarioAction[] {
  return actionsInEra(scenario, s.turn).filter((b) => turnOpen(scenario, s, b) && !stateOpen(scenario, s, b));
}

describe('readings carried within a turn (policies/carried.ts)', () => {
  it('are the readings of the position the engine reached, along balancer games', () => {
    let carried = 0;
    for (const [id, seed] of [
      ['campaign-1991-2012', 4],
      ['after-georgia-2008', 9],
    ] as const) {
      const scenario = shippedScenario(id);
      const s = newGame(scenario, seed);
      // The balancer plays with its own context; this one only carries readings.
      const play = { scenario, rng: seedRng('carried'), work: { simulated: 0 } };
      const ctx = { scenario, rng: seedRng('unused') };
      let last: Readings | null = null;
      while (!s.outcome && s.turn < 40) {
        const command = balancer.next(play, s);
        if (s.pending.length === 0) {
          const readings = readingsFor(ctx, scenario, s);
          if (readings === last) carried++;
          const fresh = new Readings(scenario, s);
          const what = `${id} turn ${s.turn}`;
          expect([...readings.all().drift], `${what} drift`).toEqual([...fresh.all().drift]);
          expect([...readings.all().target], `${what} targets`).toEqual([...fresh.all().target]);
          expect([...(readings.all().trend ?? [])], `${what} trends`).toEqual([...(fresh.all().trend ?? [])]);
          const closed = closedActions(scenario, s);
          readings.noteConditions(s, closed);
          const nothing = { bits: 0, flags: [], fired: [], chosen: [], uses: [], vars: 0 };
          for (const b of closed) expect(readings.mayHold(b, nothing), `${what} ${b.id}`).toBe(holds(scenario, s, b.when));
          const action = command.type === 'act' ? (scenario.actions.find((a) => a.id === command.action) ?? null) : null;
          carryReadings(ctx, s, readings, action);
          last = readings;
        }
        expect(advance(scenario, s, command).ok).toBe(true);
      }
    }
    // Most of a turn's decisions follow an action of the same turn.
    expect(carried).toBeGreaterThan(60);
  });

  it("carry the balancer's score of the position the engine reached, to the last bit", () => {
    let kept = 0;
    let fresh = 0;
    for (const [id, seed] of [
      ['campaign-1991-2012', 4],
      ['after-georgia-2008', 9],
    ] as const) {
      const scenario = shippedScenario(id);
      const s = newGame(scenario, seed);
      const play = { scenario, rng: seedRng('carried'), work: { simulated: 0 } };
      while (!s.outcome && s.turn < 40) {
        const command = balancer.next(play, s);
        expect(advance(scenario, s, command).ok).toBe(true);
        if (s.pending.length > 0 || s.outcome) continue;
        // Taking the carry here leaves the balancer's next decision to read afresh: the
        // same decision, as the carried score is the score.
        const score = carriedScore(readingsFor(play, scenario, s));
        if (score === undefined) {
          fresh++;
          continue;
        }
        kept++;
        const known = new Readings(scenario, s).all();
        expect(score, `${id} turn ${s.turn}`).toBe(projectedScore(scenario, s, PROJECTION_TURNS, known) * 13);
      }
    }
    expect([kept, fresh]).toEqual([124, 74]);
  });

  it('know which actions draw nothing from the generator', () => {
    const action = (effects: string) => JSON.parse(`{"id":"x","cost":{"capital":2,"treasury":0},"effects":${effects}}`) as ScenarioAction;
    expect(
      drawsNothing(
        action('[{"op":"add","var":"stability","delta":3},{"op":"flag","flag":"f"},{"op":"if","when":{"flag":"f"},"then":[{"op":"inc","counter":"n"}]}]'),
      ),
    ).toBe(true);
    expect(drawsNothing(action('[{"op":"add","var":"stability","delta":{"min":1,"max":3}}]'))).toBe(false);
    expect(drawsNothing(action('[{"op":"if","when":{"flag":"f"},"then":[],"else":[{"op":"chance","percent":50,"then":[]}]}]'))).toBe(false);
    expect(drawsNothing(action('[{"op":"inc","counter":"n","by":{"min":1,"max":2}}]'))).toBe(false);
    expect(drawsNothing(action('[{"op":"event","event":"crisis"}]'))).toBe(false);
  });

  it('are read afresh when the engine did not make the move the decision chose', () => {
    const scenario = shippedScenario('balanced-1994');
    const s = newGame(scenario, 1);
    const ctx = { scenario, rng: seedRng('x') };
    // The opening events answered as history did.
    while (s.pending.length > 0) expect(advance(scenario, s, historical.next(ctx, s)).ok).toBe(true);
    const readings = readingsFor(ctx, scenario, s);
    const a = actionsInEra(scenario, s.turn).find((b) => stateOpen(scenario, s, b)) as ScenarioAction;
    carryReadings(ctx, s, readings, a);
    // No move made: the position is the same, but the carried readings are not reused.
    expect(readingsFor(ctx, scenario, s)).not.toBe(readings);
    carryReadings(ctx, s, readings, a);
    expect(advance(scenario, s, { type: 'act', action: a.id }).ok).toBe(true);
    expect(readingsFor(ctx, scenario, s)).toBe(readings);
    // A carry is used once.
    expect(readingsFor(ctx, scenario, s)).not.toBe(readings);
  });

  it("counts every branch of an action's effects, and gives up on the schedule and the engine's own effects", () => {
    // Effects as a scenario file has them (an object literal may not name a `then`).
    const action = (effects: string) => JSON.parse(`{"id":"x","cost":{"capital":2,"treasury":50},"effects":${effects}}`) as ScenarioAction;
    const w = actionWrites(
      action('[{"op":"chance","percent":30,"then":[{"op":"add","var":"russia.relation","delta":5}],"else":[{"op":"flag","flag":"snub"}]}]'),
    );
    expect(w).toEqual({
      bits: PART.lastTaken | PART.capital | PART.treasury | PART.powers,
      flags: ['snub'],
      fired: [],
      chosen: [],
      uses: ['x'],
      vars: varBit('capital') | varBit('treasury') | varBit('russia.relation'),
    });
    expect(actionWrites(action('[{"op":"event","event":"crisis"}]'))).toBeNull();
    expect(actionWrites(action('[{"op":"if","when":{"var":"stability","gte":1},"then":[{"op":"lose","reason":"coup"}]}]'))).toBeNull();
  });
});
