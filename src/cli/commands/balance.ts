import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Scenario } from '../../scenario/types.ts';
import { type LeanResult, type PolicyGames, type PolicyStats, summarise } from '../../policies/balance.ts';
import { labReportOf } from '../../policies/lab.ts';
import { labHtml } from '../../policies/labHtml.ts';
import { formatLab } from './balanceText.ts';
import { POLICY_NAMES, policyByName } from '../../policies/policies.ts';
import { intFlag, type ParsedArgs, stringFlag, UsageError } from '../args.ts';
import { jobCount, openPool, type PlanEntry, runBalance, runPlan } from '../balancePool.ts';
import { requireScenario } from '../files.ts';
import { type Io, printFindings } from '../output.ts';
import { difficultyFlag } from './play.ts';

/**
 * balance --scenario <id|file> --runs <n> [--policies a,b] [--first-seed n] [--json]
 *         [--html report.html] [--no-sweep] [--sweep-runs n]
 * Plays n seeds per policy and every single action spammed on the first seeds (the
 * sweep), all in one pool of workers on all cores (balancePool.ts), with a progress bar
 * on stderr; reports per policy, event and action, and flags
 * dominant strategies, events that never fire and actions never taken (policies/lab.ts).
 */
export async function balanceCommand(args: ParsedArgs, io: Io): Promise<number> {
  const scenarioArg = stringFlag(args, 'scenario');
  if (!scenarioArg) throw new UsageError('balance needs --scenario <id|file>');
  const runs = intFlag(args, 'runs', 100, 1, 1_000_000);
  const firstSeed = intFlag(args, 'first-seed', 1, 0, 1_000_000_000);
  const policies = (stringFlag(args, 'policies') ?? POLICY_NAMES.join(',')).split(',').filter(Boolean);
  for (const p of policies) if (!policyByName(p)) throw new UsageError(`unknown policy "${p}"; use one of ${POLICY_NAMES.join(', ')} or spam:<action id>`);
  const difficulty = difficultyFlag(args);
  const html = stringFlag(args, 'html');
  if (html !== undefined) checkOutputPath('--html', html);
  const sweepRuns = args.flags.has('no-sweep') ? 0 : intFlag(args, 'sweep-runs', Math.min(runs, 30), 1, 1_000_000);
  // The workers load their script while this process reads and validates the scenario;
  // a scenario refused stops them (live workers would keep the process running).
  const pool = openPool(jobCount(policies.length, runs));
  let scenario: Scenario | null;
  try {
    scenario = requireScenario(scenarioArg, (f) => printFindings(io, f));
    for (const p of policies)
      if (scenario && p.startsWith('spam:') && !scenario.actions.some((a) => a.id === p.slice(5)))
        throw new UsageError(`scenario ${scenario.id} has no action "${p.slice(5)}"`);
  } catch (e) {
    pool.close();
    throw e;
  }
  if (!scenario) {
    pool.close();
    return 1;
  }
  const seeds = Array.from({ length: runs }, (_, i) => firstSeed + i);
  const sweepSeeds = seeds.slice(0, sweepRuns);
  const total = runs * policies.length + sweepSeeds.length * scenario.actions.length;
  let done = 0;
  const started = performance.now();
  const progress = (n: number) => {
    done += n;
    if (!io.isTTY) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} games`);
  };
  // One pool for the policies and the sweep (every action spammed on the first seeds).
  const plan: PlanEntry[] = [
    ...policies.map((policy) => ({ policy, seeds })),
    ...(sweepSeeds.length > 0 ? scenario.actions : []).map((a) => ({ policy: `spam:${a.id}`, seeds: sweepSeeds })),
  ];
  const played = await runPlan(scenario, plan, difficulty, progress, pool);
  const main = new Map<string, PolicyGames>(policies.map((p, i) => [p, played[i] as PolicyGames]));
  const spam = new Map<string, PolicyGames>();
  for (let i = policies.length; i < plan.length; i++) spam.set((plan[i] as PlanEntry).policy.slice(5), played[i] as PolicyGames);
  if (io.isTTY) process.stderr.write('\n');
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const report = labReportOf(scenario, main, spam);
  if (html !== undefined) writeOutput('--html', html, labHtml(report));
  if (args.flags.has('json')) {
    // `policies` keeps the shape scripts have read since the first version.
    const stats: PolicyStats[] = [...main.entries()].map(([p, g]) => summarise(p, g.results));
    io.out(JSON.stringify({ scenario: scenario.id, runs, firstSeed, difficulty, seconds, policies: stats, lab: report }));
    return 0;
  }
  io.out(`${scenario.title} (${scenario.id}), ${runs} seeds from ${firstSeed}, ${difficulty}: ${done} games in ${seconds.toFixed(1)} s`);
  io.out(formatLab(report));
  if (html !== undefined) io.out(`report written to ${html}`);
  return 0;
}

/** Refuses an output path that cannot be written before any game is played (exit 2). */
function checkOutputPath(flag: string, path: string): void {
  const usage = (why: string) => new UsageError(`${flag} ${path}: ${why}; give a file name in a folder that exists`);
  if (path === '') throw usage('the path is empty');
  try {
    if (statSync(path).isDirectory()) throw usage('it is a folder');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    try {
      if (!statSync(dirname(path)).isDirectory()) throw usage(`${dirname(path)} is not a folder`);
    } catch (inner) {
      if (inner instanceof UsageError) throw inner;
      throw usage(`the folder ${dirname(path)} does not exist`);
    }
  }
}

function writeOutput(flag: string, path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`${flag} ${path}: it cannot be written (${String((e as { code?: unknown }).code)})`);
  }
}

/** One policy's seeds on all cores (see runPlan for a whole run). */
export async function runParallel(
  scenario: Scenario,
  policy: string,
  seeds: number[],
  difficulty: string,
  onProgress: (n: number) => void,
): Promise<LeanResult[]> {
  return (await runBalance(scenario, [policy], seeds, difficulty, onProgress)).get(policy)?.results ?? [];
}
