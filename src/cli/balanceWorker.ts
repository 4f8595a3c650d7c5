/** A worker thread of `caspian balance`: plays the jobs it is given and posts each job's results. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Difficulty } from '../core/index.ts';
import { playSeeds } from '../policies/balance.ts';
import type { Scenario } from '../scenario/types.ts';

const { scenario, difficulty } = workerData as { scenario: Scenario; difficulty: Difficulty };
parentPort?.on('message', (job: { id: number; policy: string; seeds: number[] }) => {
  try {
    parentPort?.postMessage({ job: job.id, results: playSeeds(scenario, job.policy, job.seeds, difficulty) });
  } catch (e) {
    parentPort?.postMessage({ job: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
