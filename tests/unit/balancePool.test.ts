/**
 * The balance run's pool: its workers run the bundled script (balanceBundle.ts), not the
 * TypeScript modules, so a worker's games are checked against the same games played in
 * this process, result for result and their facts counted, whichever worker played which job.
 */
import { describe, expect, it } from 'vitest';
import { balanceWorkerScript } from '../../src/cli/balanceBundle.ts';
import { runPlan } from '../../src/cli/balancePool.ts';
import { gamesOf, playSeeds } from '../../src/policies/balance.ts';
import { shippedScenario } from '../helpers.ts';

describe('the balance pool', () => {
  it('plays in its workers exactly the games this process plays, in seed order', async () => {
    const scenario = shippedScenario('independence-1991');
    // More than one job per policy (jobs hold 20 seeds), so the workers share them out.
    const seeds = Array.from({ length: 45 }, (_, i) => 7 + i);
    let reported = 0;
    const played = await runPlan(
      scenario,
      [
        { policy: 'balancer', seeds },
        { policy: 'random', seeds: seeds.slice(0, 5) },
      ],
      'normal',
      (n) => {
        reported += n;
      },
    );
    expect(reported).toBe(50);
    expect(played).toEqual([gamesOf(scenario, playSeeds(scenario, 'balancer', seeds)), gamesOf(scenario, playSeeds(scenario, 'random', seeds.slice(0, 5)))]);
  }, 60_000);

  it('bundles the worker once: one script, no import left for a loader to resolve', () => {
    const { script: code, eval: isCode } = balanceWorkerScript();
    expect(isCode).toBe(true);
    expect(balanceWorkerScript().script).toBe(code);
    expect(code).toContain('parentPort');
    expect(code).not.toMatch(/require\(["']\.\.?\//);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('reports a policy a worker does not know as the run failing', async () => {
    await expect(runPlan(shippedScenario('independence-1991'), [{ policy: 'nobody', seeds: [1] }], 'normal', () => {})).rejects.toThrow(
      'unknown policy nobody',
    );
  });
});
