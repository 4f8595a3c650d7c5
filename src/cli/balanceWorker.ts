/** A worker thread of `caspian balance`: plays its share of seeds and posts the results. */
import { parentPort, workerData } from 'node:worker_threads';
import { playSeeds } from '../policies/balance.ts';
import type { Scenario } from '../scenario/types.ts';

const { scenario, policy, seeds, difficulty } = workerData as { scenario: Scenario; policy: string; seeds: number[]; difficulty: 'easy' | 'normal' | 'hard' };
const CHUNK = 25;
for (let i = 0; i < seeds.length; i += CHUNK) {
  parentPort?.postMessage({ results: playSeeds(scenario, policy, seeds.slice(i, i + CHUNK), difficulty) });
}
parentPort?.postMessage({ done: true });
