import type { Scenario } from '../../scenario/types.ts';
import { type GameResult, type PolicyStats, summarise } from '../../policies/balance.ts';
import { POLICY_NAMES, policyByName } from '../../policies/policies.ts';
import { intFlag, type ParsedArgs, stringFlag, UsageError } from '../args.ts';
import { runBalance } from '../balancePool.ts';
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
  const byPolicy = await runBalance(scenario, policies, seeds, difficulty, (n) => {
    done += n;
    progress();
  });
  const stats: PolicyStats[] = policies.map((policy) => summarise(policy, byPolicy.get(policy) ?? []));
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

/** One policy's seeds on all cores (see runBalance for the whole run). */
export async function runParallel(
  scenario: Scenario,
  policy: string,
  seeds: number[],
  difficulty: string,
  onProgress: (n: number) => void,
): Promise<GameResult[]> {
  return (await runBalance(scenario, [policy], seeds, difficulty, onProgress)).get(policy) ?? [];
}
