/**
 * The balance runner: one pool of worker threads (one per core) for the whole run, every
 * policy's seeds cut into small jobs handed out as workers free up. Starting a worker
 * costs more than many games (it loads and compiles the engine), so the pool starts once
 * rather than once per policy, and the cores stay busy to the end instead of waiting for
 * one policy's slowest share. Results come back per entry of the plan in seed order, so
 * they do not depend on which worker played what.
 *
 * A pool can be opened before the scenario is known (`openPool`): the command starts its
 * workers, which load their script, while this process reads and validates the scenario
 * on the other core (~0.5 s of a run otherwise spent one thing after the other).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { scenarioHash } from '../core/index.ts';
import type { LeanResult, PolicyGames } from '../policies/balance.ts';
import { addTally, emptyTally, type FactTally } from '../policies/labFacts.ts';
import type { Scenario } from '../scenario/types.ts';
import { balanceWorkerScript } from './balanceBundle.ts';

/** Seeds per job: small enough to share the last jobs out evenly, large enough that
 *  messages cost nothing beside the games. */
const JOB_SEEDS = 20;
/** The last seeds of a run go out in jobs of TAIL_JOB_SEEDS: a worker that takes a job of
 *  20 games of the balancer (~0.3 s) last would leave the other core idle that long, and
 *  the run ends when the last job does. Smaller jobs at the end share that out. */
const TAIL_SEEDS = 100;
const TAIL_JOB_SEEDS = 4;
/** The first HEAD_SEEDS seeds of every entry go out one seed a job, entry by entry. V8
 *  optimizes a function with the type feedback it has seen when it gets hot: a worker whose
 *  first job is 20 games of one policy had the engine optimized for that policy's games,
 *  and the other policies' first games threw that code away and compiled it again. Games
 *  of every policy before any is hot: a third fewer deoptimizations, a seventh fewer
 *  compiles (`balance --runs 200` of the five policies, both workers: 124–133 → 76–88,
 *  666–697 → 579–590). */
const HEAD_SEEDS = 10;

/** One line of a run: a policy (a name `policyByName` knows) and the seeds it plays. */
export interface PlanEntry {
  policy: string;
  seeds: readonly number[];
}

export interface Job {
  id: number;
  entry: number;
  policy: string;
  seeds: number[];
}

/** What a worker posts: a job's results and their facts counted (balanceWorker.ts), or its error. */
interface Reply {
  job: number;
  results?: LeanResult[];
  tally?: FactTally;
  error?: string;
}

/** Workers started ahead of their run; each is given the scenario when the run begins. */
export interface Pool {
  readonly workers: readonly Worker[];
  /** An error one of them met before the pool took it (see StartedWorker): the run fails with it. */
  readonly error?: unknown;
  /** Stops every worker (a pool whose run failed, or that was never run). */
  close(): void;
}

/** A worker started before the command line loaded, unref'd, with the first error it met
 *  (its 'error' event) while no pool had it. */
export interface StartedWorker {
  worker: Worker;
  error?: unknown;
}

let started: StartedWorker[] = [];

/**
 * Workers the built command line (scripts/caspian.mjs) started for `balance` before it
 * loaded itself: each loads its script while the command line loads (~0.1 s of the main
 * thread), so they wait for the scenario instead of the scenario waiting for them. The
 * next pool takes them and stops those it does not need; until then they are unref'd, so
 * a command that ends before opening a pool (a usage error) does not wait for them.
 */
export function useStartedWorkers(workers: readonly StartedWorker[]): void {
  started = [...workers];
}

/** Starts `size` workers (at most one per core), or takes those already started, that
 *  wait for `runPlan` to give them work. */
export function openPool(size = availableParallelism()): Pool {
  const n = Math.max(1, Math.min(size, availableParallelism()));
  const early = started.splice(0, n);
  for (const s of started) void s.worker.terminate();
  started = [];
  const workers = early.map((s) => {
    s.worker.ref();
    return s.worker;
  });
  if (workers.length < n) {
    const { script, eval: isCode } = balanceWorkerScript();
    while (workers.length < n) workers.push(new Worker(script, { eval: isCode }));
  }
  return {
    workers,
    // Read when the run starts, not when the pool opens: the scenario is read in between,
    // and an error a worker meets then reaches only its early listener (scripts/caspian.mjs).
    get error() {
      return early.find((s) => s.error !== undefined)?.error;
    },
    close() {
      for (const w of workers) void w.terminate();
    },
  };
}

/** The jobs of a plan: entry by entry within each block of seeds, so slow and fast
 *  policies mix all along; the blocks of the first and last seeds are small. */
export function jobsOf(plan: readonly PlanEntry[]): Job[] {
  const jobs: Job[] = [];
  const longest = Math.max(0, ...plan.map((e) => e.seeds.length));
  for (let i = 0; i < longest; ) {
    const size = i < HEAD_SEEDS ? 1 : longest - i > TAIL_SEEDS ? JOB_SEEDS : TAIL_JOB_SEEDS;
    plan.forEach((e, entry) => {
      const seeds = e.seeds.slice(i, i + size);
      if (seeds.length > 0) jobs.push({ id: jobs.length, entry, policy: e.policy, seeds });
    });
    i += size;
  }
  return jobs;
}

/** At least as many jobs as a run of `policies` policies over `runs` seeds makes (a pool
 *  needs no more workers than that). */
export function jobCount(policies: number, runs: number): number {
  return policies * (Math.min(runs, HEAD_SEEDS) + Math.ceil(Math.max(0, runs - HEAD_SEEDS) / TAIL_JOB_SEEDS));
}

/**
 * Plays every entry of `plan` on all cores; the games of `plan[i]` are at index i, in seed
 * order, their facts counted (by the workers, job by job, added up here in seed order).
 * `pool`: workers opened for this run (closed when it ends); one is opened when not given.
 */
export async function runPlan(
  scenario: Scenario,
  plan: readonly PlanEntry[],
  difficulty: string,
  onProgress: (games: number) => void,
  pool?: Pool,
): Promise<PolicyGames[]> {
  const jobs = jobsOf(plan);
  const results: LeanResult[][] = plan.map(() => []);
  const tallies: (FactTally | undefined)[] = [];
  const games = () => {
    const t = plan.map(() => emptyTally(scenario));
    // Jobs are listed entry by entry in seed order: adding their tallies in that order
    // gives the counts, and the order of first choices, of counting game by game.
    jobs.forEach((job, i) => {
      const tally = tallies[i];
      if (tally) addTally(scenario, t[job.entry] as FactTally, tally);
    });
    return results.map((list, i) => ({ results: list.sort((a, b) => a.seed - b.seed), tally: t[i] as FactTally }));
  };
  if (jobs.length === 0) {
    pool?.close();
    return games();
  }
  const { workers, close, error } = pool ?? openPool(jobs.length);
  // The scenario's fingerprint goes with it, so no worker hashes the rules (~45 ms each for
  // the campaign): kept with a cached scenario (scenarioCache.ts), else worked out here once.
  const rules = { scenario, difficulty, fingerprint: scenarioHash(scenario) };
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    let running = workers.length;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      close();
      reject(e);
    };
    if (error !== undefined) return fail(error);
    for (const worker of workers) {
      const give = () => {
        const job = jobs[next++];
        if (job) {
          worker.postMessage({ id: job.id, policy: job.policy, seeds: job.seeds });
          return;
        }
        void worker.terminate();
        if (--running === 0 && !failed) resolve();
      };
      worker.on('message', (m: Reply) => {
        if (failed) return;
        if (m.error !== undefined) return fail(new Error(m.error));
        const job = jobs[m.job];
        if (job && m.results) {
          results[job.entry]?.push(...m.results);
          tallies[m.job] = m.tally;
          onProgress(m.results.length);
        }
        give();
      });
      worker.on('error', fail);
      // The rules first (once per worker), then its first job.
      worker.postMessage(rules);
      give();
    }
  });
  return games();
}

/** Every policy plays the same seeds: games by policy name. */
export async function runBalance(
  scenario: Scenario,
  policies: readonly string[],
  seeds: readonly number[],
  difficulty: string,
  onProgress: (games: number) => void,
): Promise<Map<string, PolicyGames>> {
  const out = await runPlan(
    scenario,
    policies.map((policy) => ({ policy, seeds })),
    difficulty,
    onProgress,
  );
  return new Map(policies.map((p, i) => [p, out[i] as PolicyGames]));
}
