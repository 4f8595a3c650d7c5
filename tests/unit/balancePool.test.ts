/**
 * The balance run's pool: its workers run the bundled script (balanceBundle.ts), not the
 * TypeScript modules, so a worker's games are checked against the same games played in
 * this process, result for result and their facts counted, whichever worker played which job.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { balanceWorkerScript } from '../../src/cli/balanceBundle.ts';
import { jobCount, jobsOf, openPool, runPlan, type StartedWorker, useStartedWorkers } from '../../src/cli/balancePool.ts';
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

  it('hands out the first ten seeds of every policy one a job, policy by policy, then blocks of 20 and the last 100 seeds in fours', () => {
    const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const jobs = jobsOf([
      { policy: 'historical', seeds: seeds(130) },
      { policy: 'random', seeds: seeds(3) },
    ]);
    const layout = jobs.map((j) => `${j.policy[0]}${j.seeds[0]}-${j.seeds[j.seeds.length - 1]}`);
    expect(layout.slice(0, 14)).toEqual(['h1-1', 'r1-1', 'h2-2', 'r2-2', 'h3-3', 'r3-3', 'h4-4', 'h5-5', 'h6-6', 'h7-7', 'h8-8', 'h9-9', 'h10-10', 'h11-30']);
    expect(layout.slice(14, 16)).toEqual(['h31-34', 'h35-38']);
    expect(layout.at(-1)).toBe('h127-130');
    expect(jobs.length).toBe(39);
    expect(jobs.map((j) => j.id)).toEqual(jobs.map((_, i) => i));
    // Enough workers for every job of the run (the pool starts no more than that).
    expect(jobCount(2, 130)).toBeGreaterThanOrEqual(39);
    expect(jobCount(5, 1)).toBe(5);
  });

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

  it('takes the workers started before the command line loaded, and stops those it does not need', async () => {
    const scenario = shippedScenario('independence-1991');
    const { script } = balanceWorkerScript();
    const started: StartedWorker[] = [1, 2, 3].map(() => ({ worker: new Worker(script, { eval: true }) }));
    for (const s of started) s.worker.unref();
    useStartedWorkers(started);
    const pool = openPool(2);
    expect(pool.workers.length).toBe(2);
    expect(pool.workers[0]).toBe(started[0]?.worker);
    expect(pool.workers[1]).toBe(started[1]?.worker);
    await once(started[2]?.worker as Worker, 'exit');
    const played = await runPlan(scenario, [{ policy: 'historical', seeds: [1, 2, 3] }], 'normal', () => {}, pool);
    expect(played).toEqual([gamesOf(scenario, playSeeds(scenario, 'historical', [1, 2, 3]))]);
    // Taken once: the next pool starts its own.
    const next = openPool(1);
    expect(next.workers[0]).not.toBe(started[0]?.worker);
    next.close();
  }, 60_000);

  it('fails the run with the error a started worker met before a pool took it', async () => {
    const s: StartedWorker = { worker: new Worker('throw new Error("the script would not load")', { eval: true }) };
    s.worker.on('error', (e) => {
      s.error ??= e;
    });
    // Not events.once: it would reject on the 'error' event this waits past.
    await new Promise((done) => s.worker.on('exit', done));
    useStartedWorkers([s]);
    await expect(runPlan(shippedScenario('independence-1991'), [{ policy: 'historical', seeds: [1] }], 'normal', () => {}, openPool(1))).rejects.toThrow(
      'the script would not load',
    );
  });

  it('fails the run with the error a started worker met after the pool took it, before the run began', async () => {
    // The command opens its pool, then reads the scenario: a worker's error in between must
    // not be lost (the run would wait for it for ever).
    const s: StartedWorker = { worker: new Worker('throw new Error("the script failed late")', { eval: true }) };
    s.worker.on('error', (e) => {
      s.error ??= e;
    });
    useStartedWorkers([s]);
    const pool = openPool(1);
    await new Promise((done) => s.worker.on('exit', done));
    await expect(runPlan(shippedScenario('independence-1991'), [{ policy: 'historical', seeds: [1] }], 'normal', () => {}, pool)).rejects.toThrow(
      'the script failed late',
    );
  }, 10_000);
});
