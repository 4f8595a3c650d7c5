/** A worker of `npm run check:story`: plays the games it is sent and posts what it found. */
import { parentPort } from 'node:worker_threads';
import { loadShippedScenario } from '../src/cli/files.ts';
import { policyByName } from '../src/policies/policies.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { checkGame, type LeaderFinding, nameMatcher } from './story-check.ts';

interface Job {
  scenario: string;
  policy: string;
  seeds: number[];
  universe: string[];
}

const scenarios = new Map<string, Scenario>();
parentPort?.on('message', (job: Job | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  let scenario = scenarios.get(job.scenario);
  if (!scenario) {
    const r = loadShippedScenario(job.scenario);
    if (!r.scenario) throw new Error(`${job.scenario} does not load`);
    scenario = r.scenario;
    scenarios.set(job.scenario, scenario);
  }
  const policy = policyByName(job.policy);
  if (!policy) throw new Error(`unknown policy ${job.policy}`);
  const match = nameMatcher(job.universe);
  const findings: LeaderFinding[] = [];
  for (const seed of job.seeds) findings.push(...checkGame(scenario, policy, seed, match));
  parentPort?.postMessage({ scenario: job.scenario, policy: job.policy, games: job.seeds.length, findings });
});
