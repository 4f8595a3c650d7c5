import { describe, expect, it } from 'vitest';
import { advance, availableActions, influenceTargetNow, newGame, POWER_IDS, seedRng, whatIf } from '../../src/core/index.ts';
import { agendaDrift } from '../../src/policies/evaluate.ts';
import { balancer } from '../../src/policies/policies.ts';
import { Readings } from '../../src/policies/readings.ts';
import { shippedScenario } from '../helpers.ts';

describe('readings a policy keeps across a move (policies/readings.ts)', () => {
  it('are what reading the position after the move afresh gives, for every action along a balancer game', () => {
    for (const id of ['balanced-1994', 'after-georgia-2008']) {
      const scenario = shippedScenario(id);
      const s = newGame(scenario, 2);
      const ctx = { scenario, rng: seedRng('readings'), work: { simulated: 0 } };
      let kept = 0;
      while (!s.outcome) {
        if (s.pending.length === 0) {
          const readings = new Readings(scenario, s);
          for (const a of availableActions(scenario, s)) {
            whatIf(scenario, s, { type: 'act', action: a.id }, s.rng, (after, written) => {
              const known = readings.after(after, written);
              for (const p of POWER_IDS) {
                if (known.drift[p] !== undefined) {
                  kept++;
                  expect(known.drift[p], `${id} turn ${s.turn} ${a.id} ${p} drift`).toBe(agendaDrift(scenario, after, p));
                }
                if (known.target[p] !== undefined) {
                  kept++;
                  expect(known.target[p], `${id} turn ${s.turn} ${a.id} ${p} target`).toBe(influenceTargetNow(scenario, after, p));
                }
              }
            });
          }
        }
        expect(advance(scenario, s, balancer.next(ctx, s)).ok).toBe(true);
      }
      // Most readings survive a move: that is the point of keeping them.
      expect(kept, id).toBeGreaterThan(1000);
    }
  });
});
