/**
 * A worker thread of `caspian balance`: given the run's scenario first (the pool starts
 * its workers before the scenario is validated: balancePool.ts), then plays the jobs it
 * is given and posts each job's results.
 */
import { parentPort } from 'node:worker_threads';
import type { Difficulty } from '../core/index.ts';
import { playSeeds } from '../policies/balance.ts';
import type { Scenario } from '../scenario/types.ts';

let rules: { scenario: Scenario; difficulty: Difficulty } | undefined;
parentPort?.on('message', (m: { scenario: Scenario; difficulty: Difficulty } | { id: number; policy: string; seeds: number[] }) => {
  if ('scenario' in m) {
    rules = m;
    return;
  }
  try {
    if (!rules) throw new Error('a balance job came before its scenario');
    parentPort?.postMessage({ job: m.id, results: playSeeds(rules.scenario, m.policy, m.seeds, rules.difficulty) });
  } catch (e) {
    parentPort?.postMessage({ job: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
