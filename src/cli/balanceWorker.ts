/**
 * A worker thread of `caspian balance`: given the run's scenario first (the pool starts
 * its workers before the scenario is validated: balancePool.ts), then plays the jobs it
 * is given and posts each job's results.
 */
import { parentPort } from 'node:worker_threads';
import { type Difficulty, rememberScenarioHash } from '../core/index.ts';
import { gamesOf, playSeeds } from '../policies/balance.ts';
import type { Scenario } from '../scenario/types.ts';

/** The run's rules: the scenario, its fingerprint (core scenarioHash, worked out once by
 *  the command) and the difficulty. */
interface Rules {
  scenario: Scenario;
  fingerprint: string;
  difficulty: Difficulty;
}

let rules: Rules | undefined;
parentPort?.on('message', (m: Rules | { id: number; policy: string; seeds: number[] }) => {
  if ('scenario' in m) {
    rememberScenarioHash(m.scenario, m.fingerprint);
    rules = m;
    return;
  }
  try {
    if (!rules) throw new Error('a balance job came before its scenario');
    // The games' facts counted here (a few hundred numbers a job), not posted game by game.
    const { results, tally } = gamesOf(rules.scenario, playSeeds(rules.scenario, m.policy, m.seeds, rules.difficulty));
    parentPort?.postMessage({ job: m.id, results, tally });
  } catch (e) {
    parentPort?.postMessage({ job: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
