import { describe, expect, it } from 'vitest';
import { type GameState, influenceTargetNow, newGame, POWER_IDS, type Touched, whatIf } from '../../src/core/index.ts';
import { knownOf } from '../../src/policies/known.ts';
import { trendOf } from '../../src/policies/projection.ts';
import type { Readings } from '../../src/policies/readings.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { plainDrift, shippedScenario } from '../helpers.ts';
import { alongBalancerGame } from './balancerGame.ts';

/** Checks every reading `readings` keeps for `after` against reading it afresh; returns how many were kept. */
function checkKept(scenario: Scenario, readings: Readings, after: GameState, written: Touched, what: string): number {
  const known = readings.after(after, written);
  let kept = 0;
  for (const p of POWER_IDS) {
    const drift = knownOf(known.drift, p);
    if (drift !== undefined) {
      kept++;
      expect(drift, `${what} ${p} drift`).toBe(plainDrift(scenario, after, p));
    }
    const target = knownOf(known.target, p);
    if (target !== undefined) {
      kept++;
      expect(target, `${what} ${p} target`).toBe(influenceTargetNow(scenario, after, p));
    }
  }
  if (known.trend) {
    kept++;
    const fresh = new Float64Array(known.trend.length);
    trendOf(scenario, after, fresh);
    expect([...known.trend], `${what} trends`).toEqual([...fresh]);
  }
  return kept;
}

describe('readings a policy keeps across a move (policies/readings.ts)', () => {
  it('are what reading the position after the move afresh gives, for every action along a balancer game', () => {
    for (const id of ['balanced-1994', 'after-georgia-2008']) {
      const scenario = shippedScenario(id);
      const s = newGame(scenario, 2);
      let kept = 0;
      alongBalancerGame(scenario, s, 'readings', {
        action: (a, readings) =>
          whatIf(scenario, s, { type: 'act', action: a.id }, s.rng, (after, written) => {
            kept += checkKept(scenario, readings, after, written, `${id} turn ${s.turn} ${a.id}`);
          }),
      });
      // Most readings survive a move: that is the point of keeping them.
      expect(kept, id).toBeGreaterThan(1000);
    }
  });

  it('are what reading afresh gives after every quick look, which says which variables it wrote (written.ts)', () => {
    for (const id of ['campaign-1991-2012', 'balanced-1994']) {
      const scenario = shippedScenario(id);
      const s = newGame(scenario, 3);
      let kept = 0;
      let looks = 0;
      alongBalancerGame(
        scenario,
        s,
        'readings',
        {
          action: (a, readings, quick) =>
            quick.look(a, { ...s.rng }, (after, written) => {
              looks++;
              kept += checkKept(scenario, readings, after, written, `${id} turn ${s.turn} ${a.id}`);
            }),
        },
        (x) => x.turn >= 40,
      );
      expect(looks, id).toBeGreaterThan(200);
      // Every reading of a power whose agenda reads no variable the move wrote is kept.
      expect(kept / looks, id).toBeGreaterThan(7);
    }
  });
});
