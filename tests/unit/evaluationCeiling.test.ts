/**
 * The partisans skip evaluating a move whose score could not win even with the
 * evaluation's ceiling (evaluate.ts evaluationCeiling, policies.ts Score): the ceiling
 * must never be below the evaluation, and the partisans must choose exactly as when they
 * evaluate every move.
 */
import { describe, expect, it } from 'vitest';
import { type GameState, newGame, POWER_IDS } from '../../src/core/index.ts';
import { evaluatePosition, evaluationCeiling } from '../../src/policies/evaluate.ts';
import { partisan, proRussia, proWest } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { shippedScenario } from '../helpers.ts';
import { alongBalancerGame } from './balancerGame.ts';

describe('the evaluation ceiling', () => {
  const scenario = shippedScenario('campaign-1991-2012');

  it('is never below the evaluation, at every position of a game and after every move weighed there', () => {
    let checked = 0;
    const check = (s: GameState) => {
      expect(evaluationCeiling(scenario, s)).toBeGreaterThanOrEqual(evaluatePosition(scenario, s));
      checked++;
    };
    let at: GameState | undefined;
    alongBalancerGame(scenario, newGame(scenario, 4), 'ceiling', {
      position(s) {
        at = s;
        check(s);
      },
      action(a, readings, quick) {
        quick.look(a, { ...(at as GameState).rng }, (after, w) => {
          check(after);
          // With the readings a partisan keeps, too (the score it bounds).
          expect(evaluationCeiling(scenario, after)).toBeGreaterThanOrEqual(evaluatePosition(scenario, after, readings.after(after, w)));
          return 0;
        });
      },
    });
    expect(checked).toBeGreaterThan(500);
  });

  it('holds near where it is tightest: influence even and every relation warm', () => {
    const s = newGame(scenario, 1);
    for (const id of POWER_IDS) {
      s.powers[id].influence = 25;
      s.powers[id].relation = 80;
    }
    const gap = evaluationCeiling(scenario, s) - evaluatePosition(scenario, s);
    expect(gap).toBeGreaterThanOrEqual(0);
    // At most the balance and relation terms' room (1.5 × 100 + 4 × 0.8 × 30) and the margin.
    expect(gap).toBeLessThan(246.001);
  });

  it('leaves every choice of the partisans as evaluating every move does', () => {
    for (const [shipped, full] of [
      [proWest, partisan('pro-west', 'west', false)],
      [proRussia, partisan('pro-russia', 'russia', false)],
    ] as const) {
      for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) expect(playGame(scenario, seed, shipped).commands).toEqual(playGame(scenario, seed, full).commands);
    }
  });
});
