/**
 * The balance runner: one pool of worker threads (one per core) for the whole run, every
 * policy's seeds cut into small jobs handed out as workers free up. Starting a worker
 * costs more than many games (it loads and compiles the engine), so the pool starts once
 * rather than once per policy, and the cores stay busy to the end instead of waiting for
 * one policy's slowest share. Results come back per entry of the plan in seed order, so
 * they do not depend on which worker played what.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GameResult } from '../policies/balance.ts';
import type { Scenario } from '../scenario/types.ts';
import { balanceWorkerCode } from './balanceBundle.ts';

/** Seeds per job: small enough to share the last jobs out evenly, large enough that
 *  messages cost nothing beside the games. */
const JOB_SEEDS = 20;

/** One line of a run: a policy (a name `policyByName` knows) and the seeds it plays. */
export interface PlanEntry {
  policy: string;
  seeds: readonly number[];
}

interface Job {
  id: number;
  entry: number;
  policy: string;
  seeds: number[];
}

/** Plays every entry of `plan` on all cores; the results of `plan[i]` are at index i. */
export async function runPlan(
  scenario: Scenario,
  plan: readonly PlanEntry[],
  difficulty: string,
  onProgress: (games: number) => void,
): Promise<GameResult[][]> {
  const jobs: Job[] = [];
  // Entry by entry within each block of seeds, so slow and fast policies mix all along.
  const longest = Math.max(0, ...plan.map((e) => e.seeds.length));
  for (let i = 0; i < longest; i += JOB_SEEDS) {
    plan.forEach((e, entry) => {
      const seeds = e.seeds.slice(i, i + JOB_SEEDS);
      if (seeds.length > 0) jobs.push({ id: jobs.length, entry, policy: e.policy, seeds });
    });
  }
  const results: GameResult[][] = plan.map(() => []);
  const size = Math.max(1, Math.min(availableParallelism(), jobs.length));
  let next = 0;
  const code = jobs.length > 0 ? balanceWorkerCode() : '';
  if (jobs.length > 0)
    await new Promise<void>((resolve, reject) => {
      let running = size;
      let failed = false;
      const workers: Worker[] = [];
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        for (const w of workers) void w.terminate();
        reject(e);
      };
      for (let w = 0; w < size; w++) {
        const worker = new Worker(code, { eval: true, workerData: { scenario, difficulty } });
        workers.push(worker);
        const give = () => {
          const job = jobs[next++];
          if (job) {
            worker.postMessage({ id: job.id, policy: job.policy, seeds: job.seeds });
            return;
          }
          void worker.terminate();
          if (--running === 0 && !failed) resolve();
        };
        worker.on('message', (m: { job: number; results?: GameResult[]; error?: string }) => {
          if (failed) return;
          if (m.error !== undefined) return fail(new Error(m.error));
          const job = jobs[m.job];
          if (job && m.results) {
            results[job.entry]?.push(...m.results);
            onProgress(m.results.length);
          }
          give();
        });
        worker.on('error', fail);
        give();
      }
    });
  for (const list of results) list.sort((a, b) => a.seed - b.seed);
  return results;
}

/** Every policy plays the same seeds: results by policy name. */
export async function runBalance(
  scenario: Scenario,
  policies: readonly string[],
  seeds: readonly number[],
  difficulty: string,
  onProgress: (games: number) => void,
): Promise<Map<string, GameResult[]>> {
  const out = await runPlan(
    scenario,
    policies.map((policy) => ({ policy, seeds })),
    difficulty,
    onProgress,
  );
  return new Map(policies.map((p, i) => [p, out[i] ?? []]));
}
