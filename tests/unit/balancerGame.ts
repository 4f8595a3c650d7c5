/** A balancer game walked position by position, for tests that check what a policy keeps or works out quickly against the engine. */
import { advance, availableActions, type GameState, seedRng } from '../../src/core/index.ts';
import { balancer } from '../../src/policies/policies.ts';
import { QuickLooks } from '../../src/policies/quickLook.ts';
import { Readings } from '../../src/policies/readings.ts';
import type { Scenario, ScenarioAction } from '../../src/scenario/types.ts';
import { expect } from 'vitest';

export interface Visit {
  /** Every position, before the balancer moves. */
  position?(s: GameState): void;
  /** Every action available at a position where no event waits, with the position's readings and quick looks. */
  action(a: ScenarioAction, readings: Readings, quick: QuickLooks): void;
}

/**
 * Plays the balancer (its generator seeded with `policySeed`) on `s`, in place, until the
 * game ends or `stop(s)` says so, visiting each position on the way.
 */
export function alongBalancerGame(scenario: Scenario, s: GameState, policySeed: string, visit: Visit, stop: (s: GameState) => boolean = () => false): void {
  const ctx = { scenario, rng: seedRng(policySeed), work: { simulated: 0 } };
  while (!s.outcome && !stop(s)) {
    visit.position?.(s);
    if (s.pending.length === 0) {
      const readings = new Readings(scenario, s);
      const quick = new QuickLooks(scenario, s, []);
      for (const a of availableActions(scenario, s)) visit.action(a, readings, quick);
    }
    expect(advance(scenario, s, balancer.next(ctx, s)).ok).toBe(true);
  }
}
