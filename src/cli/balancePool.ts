/**
 * The balance runner: one pool of worker threads (one per core) for the whole run, every
 * policy's seeds cut into small jobs handed out as workers free up. Starting a worker
 * costs more than many games (it loads and compiles the engine), so the pool starts once
 * rather than once per policy, and the cores stay busy to the end instead of waiting for
 * one policy's slowest share. Results are gathered per policy in seed order, so they do
 * not depend on which worker played what.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GameResult } from '../policies/balance.ts';
import type { Scenario } from '../scenario/types.ts';

/** Seeds per job: small enough to share the last jobs out evenly, large enough that
 *  messages cost nothing beside the games. */
const JOB_SEEDS = 20;

interface Job {
  id: number;
  policy: string;
  seeds: number[];
}

export async function runBalance(
  scenario: Scenario,
  policies: readonly string[],
  seeds: readonly number[],
  difficulty: string,
  onProgress: (games: number) => void,
): Promise<Map<string, GameResult[]>> {
  const jobs: Job[] = [];
  // Policy by policy within each block of seeds, so slow and fast policies mix all along.
  for (let i = 0; i < seeds.length; i += JOB_SEEDS) {
    for (const policy of policies) jobs.push({ id: jobs.length, policy, seeds: seeds.slice(i, i + JOB_SEEDS) });
  }
  const results = new Map<string, GameResult[]>(policies.map((p) => [p, []]));
  const size = Math.max(1, Math.min(availableParallelism(), jobs.length));
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let running = size;
    let failed = false;
    for (let w = 0; w < size; w++) {
      const worker = new Worker(new URL('./balanceWorker.mjs', import.meta.url), { workerData: { scenario, difficulty } });
      const give = () => {
        const job = jobs[next++];
        if (job) {
          worker.postMessage(job);
          return;
        }
        void worker.terminate();
        if (--running === 0 && !failed) resolve();
      };
      worker.on('message', (m: { job: number; results: GameResult[] }) => {
        const job = jobs[m.job];
        if (job) results.get(job.policy)?.push(...m.results);
        onProgress(m.results.length);
        give();
      });
      worker.on('error', (e) => {
        failed = true;
        reject(e);
      });
      give();
    }
  });
  for (const list of results.values()) list.sort((a, b) => a.seed - b.seed);
  return results;
}
