import { statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DIFFICULTIES, type Difficulty, POWER_IDS, stateHash, turnDate } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { policyByName, POLICY_NAMES } from '../../policies/policies.ts';
import { type PlayedGame, playGame } from '../../policies/run.ts';
import { traceGame } from '../../policies/trace.ts';
import { formatTrace } from '../../policies/traceText.ts';
import { makeReplay } from '../../persistence/replayFormat.ts';
import { type ParsedArgs, stringFlag, UsageError } from '../args.ts';
import { requireScenario } from '../files.ts';
import { type Io, printFindings, table } from '../output.ts';

export function difficultyFlag(args: ParsedArgs): Difficulty {
  const d = stringFlag(args, 'difficulty') ?? 'normal';
  if (!(DIFFICULTIES as readonly string[]).includes(d)) throw new UsageError(`--difficulty must be one of ${DIFFICULTIES.join(', ')}`);
  return d as Difficulty;
}

export function seedFlag(args: ParsedArgs): string {
  const seed = stringFlag(args, 'seed');
  if (seed === undefined) throw new UsageError('play needs --seed <n>');
  if (seed.length === 0 || seed.length > 100) throw new UsageError('--seed must be 1 to 100 characters');
  return seed;
}

/** The result of a game as one JSON object: the shape scripts and tests rely on. */
export function gameSummary(scenario: Scenario, game: PlayedGame, policy: string) {
  const s = game.state;
  const relations: Record<string, number> = {};
  const influence: Record<string, number> = {};
  for (const p of POWER_IDS) {
    relations[p] = s.powers[p].relation;
    influence[p] = s.powers[p].influence;
  }
  return {
    scenario: scenario.id,
    seed: s.seed,
    policy,
    difficulty: s.difficulty,
    turnsPlayed: s.history.length,
    finalDate: turnDate(scenario, s.turn),
    leader: s.leader,
    outcome: { status: s.outcome?.status ?? 'unfinished', reason: s.outcome?.reason ?? null, title: s.outcome?.title ?? null },
    score: s.outcome?.score ?? null,
    rating: s.outcome?.rating ?? null,
    stateHash: stateHash(s),
    meters: { ...s.meters },
    treasury: s.treasury,
    relations,
    influence,
    eventsFired: Object.keys(s.fired).length,
    commands: game.commands.length,
  };
}

/** Refuses a --save path that cannot be written, before the game is played: a folder, a
 *  folder that does not exist, a path through a file. These are usage errors (exit 2). */
export function checkSavePath(path: string): void {
  const usage = (why: string) => new UsageError(`--save ${path}: ${why}; give a file name such as game.json in a folder that exists`);
  if (path === '') throw usage('the path is empty');
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ELOOP') throw usage('the path is a loop of symbolic links');
    if (code === 'ENOTDIR') throw usage('a part of the path is a file, not a folder');
    if (code !== 'ENOENT') throw usage(`it cannot be written (${String(code)})`);
  }
  if (st?.isDirectory()) throw usage('it is a folder');
  if (st && !st.isFile()) throw usage('it is not a regular file');
  if (!st) {
    let parent: ReturnType<typeof statSync> | undefined;
    try {
      parent = statSync(dirname(path));
    } catch {
      throw usage(`the folder ${dirname(path)} does not exist`);
    }
    if (!parent.isDirectory()) throw usage(`${dirname(path)} is not a folder`);
  }
}

function writeSave(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'the disk is full' : `it cannot be written (${String(code)})`;
    throw new UsageError(`--save ${path}: ${why}`);
  }
}

/** play --scenario <id|file> --seed <n> --policy <name> [--json] [--save <file>] */
export function playCommand(args: ParsedArgs, io: Io): number {
  const scenarioArg = stringFlag(args, 'scenario');
  if (!scenarioArg) throw new UsageError('play needs --scenario <id|file>');
  const seed = seedFlag(args);
  const policyName = stringFlag(args, 'policy') ?? 'historical';
  const policy = policyByName(policyName);
  if (!policy) throw new UsageError(`unknown policy "${policyName}"; use one of ${POLICY_NAMES.join(', ')} or spam:<action id>`);
  const difficulty = difficultyFlag(args);
  const save = stringFlag(args, 'save');
  if (save !== undefined) checkSavePath(save);
  const scenario = requireScenario(scenarioArg, (f) => printFindings(io, f));
  if (!scenario) return 1;
  if (policyName.startsWith('spam:') && !scenario.actions.some((a) => a.id === policyName.slice(5))) {
    throw new UsageError(`scenario ${scenario.id} has no action "${policyName.slice(5)}"`);
  }
  const traced = args.flags.has('trace') ? traceGame(scenario, seed, policy, difficulty) : null;
  const game = traced ?? playGame(scenario, seed, policy, difficulty);
  if (game.refused) {
    io.err(`the ${policyName} policy made a move the engine refused: ${game.refused.message}`);
    return 1;
  }
  if (save) writeSave(save, `${JSON.stringify(makeReplay(game.state, game.commands, { policy: policyName }), null, 1)}\n`);
  const summary = gameSummary(scenario, game, policyName);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(traced ? { ...summary, trace: traced.turns } : summary));
    return 0;
  }
  io.out(`${scenario.title} (${scenario.period}), seed ${seed}, ${policyName} policy, ${difficulty}`);
  if (traced) io.out(`\n${formatTrace(traced)}\n`);
  const status = summary.outcome.status;
  io.out(
    status === 'lost'
      ? `LOST after ${summary.turnsPlayed} turns: ${summary.outcome.title}`
      : status === 'won'
        ? `WON after ${summary.turnsPlayed} turns: ${summary.outcome.title}`
        : `Completed ${summary.turnsPlayed} turns${summary.outcome.title ? `: ${summary.outcome.title}` : ''}`,
  );
  io.out(`Score ${summary.score} — ${summary.rating}; leader ${summary.leader}; treasury $${summary.treasury}m`);
  io.out(table([['meter', 'value'], ...Object.entries(summary.meters)]));
  io.out(table([['power', 'relation', 'influence'], ...POWER_IDS.map((p) => [p, summary.relations[p] ?? 0, summary.influence[p] ?? 0])]));
  io.out(`state hash ${summary.stateHash}`);
  return 0;
}
