import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../../scenario/types.ts';
import { type GameResult, type PolicyStats, summarise } from '../../policies/balance.ts';
import { POLICY_NAMES, policyByName } from '../../policies/policies.ts';
import { intFlag, type ParsedArgs, stringFlag, UsageError } from '../args.ts';
import { requireScenario } from '../files.ts';
import { type Io, printFindings, table } from '../output.ts';
import { difficultyFlag } from './play.ts';

/** balance --scenario <id|file> --runs <n> [--policies a,b] [--first-seed n] [--json]
 *  Plays n seeds per policy on all cores, with a progress bar on stderr. */
export async function balanceCommand(args: ParsedArgs, io: Io): Promise<number> {
  const scenarioArg = stringFlag(args, 'scenario');
  if (!scenarioArg) throw new UsageError('balance needs --scenario <id|file>');
  const runs = intFlag(args, 'runs', 100, 1, 1_000_000);
  const firstSeed = intFlag(args, 'first-seed', 1, 0, 1_000_000_000);
  const policies = (stringFlag(args, 'policies') ?? POLICY_NAMES.join(',')).split(',').filter(Boolean);
  for (const p of policies) if (!policyByName(p)) throw new UsageError(`unknown policy "${p}"`);
  const difficulty = difficultyFlag(args);
  const scenario = requireScenario(scenarioArg, (f) => printFindings(io, f));
  if (!scenario) return 1;
  const seeds = Array.from({ length: runs }, (_, i) => firstSeed + i);
  const total = runs * policies.length;
  let done = 0;
  const started = performance.now();
  const progress = () => {
    if (!io.isTTY) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games`);
  };
  const stats: PolicyStats[] = [];
  for (const policy of policies) {
    const results = await runParallel(scenario, policy, seeds, difficulty, (n) => {
      done += n;
      progress();
    });
    stats.push(summarise(policy, results));
  }
  if (io.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ scenario: scenario.id, runs, firstSeed, difficulty, seconds: Math.round(seconds * 100) / 100, policies: stats }));
    return 0;
  }
  io.out(`${scenario.title} (${scenario.id}), ${runs} seeds from ${firstSeed}, ${difficulty}: ${total} games in ${seconds.toFixed(1)} s`);
  io.out(
    table([
      ['policy', 'runs', 'survival %', 'mean score', 'min', 'max', 'losses'],
      ...stats.map((s) => [
        s.policy,
        s.runs,
        s.survivalRate,
        s.meanScore,
        s.minScore,
        s.maxScore,
        Object.entries(s.losses)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || '-',
      ]),
    ]),
  );
  return 0;
}

export function runParallel(scenario: Scenario, policy: string, seeds: number[], difficulty: string, onProgress: (n: number) => void): Promise<GameResult[]> {
  const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(seeds.length / 50)));
  const shares: number[][] = Array.from({ length: workers }, () => []);
  seeds.forEach((seed, i) => {
    shares[i % workers]?.push(seed);
  });
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<GameResult[]>((resolve, reject) => {
          const results: GameResult[] = [];
          const worker = new Worker(new URL('../balanceWorker.mjs', import.meta.url), { workerData: { scenario, policy, seeds: share, difficulty } });
          worker.on('message', (m: { results?: GameResult[]; done?: boolean }) => {
            if (m.results) {
              results.push(...m.results);
              onProgress(m.results.length);
            }
            if (m.done) {
              void worker.terminate();
              resolve(results);
            }
          });
          worker.on('error', reject);
        }),
    ),
  ).then((parts) => parts.flat().sort((a, b) => a.seed - b.seed));
}
