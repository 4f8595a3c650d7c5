import { replay, stateHash } from '../../core/index.ts';
import { hasErrors } from '../../scenario/findings.ts';
import { readReplay } from '../../persistence/replayFile.ts';
import { type ParsedArgs, stringFlag, UsageError } from '../args.ts';
import { loadScenarioArg, readTextFile } from '../files.ts';
import { type Io, printFindings } from '../output.ts';
import { gameSummary } from './play.ts';

/** replay <file> [--scenario <id|file>] [--json]: re-runs a save or replay and checks its hash. */
export function replayCommand(args: ParsedArgs, io: Io): number {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) throw new UsageError('replay takes one replay or save file');
  const read = readTextFile(file);
  if (!read.ok) {
    printFindings(io, [read.finding]);
    return 1;
  }
  const parsed = readReplay(read.text, file);
  if (!parsed.ok) {
    printFindings(io, parsed.findings);
    return 1;
  }
  const r = parsed.replay;
  const loaded = loadScenarioArg(stringFlag(args, 'scenario') ?? r.scenario);
  if (!loaded.scenario || hasErrors(loaded.findings)) {
    printFindings(io, loaded.findings);
    return 1;
  }
  const scenario = loaded.scenario;
  if (scenario.id !== r.scenario) {
    io.err(`${file}: error at scenario: the replay is for "${r.scenario}", not "${scenario.id}"`);
    return 1;
  }
  const result = replay(scenario, r.seed, { difficulty: r.difficulty }, r.commands);
  if (result.failed) {
    io.err(`${file}: error at commands[${result.failed.index}]: the engine refused this command (${result.failed.error}: ${result.failed.message})`);
    return 1;
  }
  const hash = stateHash(result.state);
  const sameRules = result.state.scenarioHash === r.scenarioHash;
  const summary = {
    ...gameSummary(scenario, { state: result.state, commands: r.commands }, r.meta?.policy ?? 'replay'),
    verified: hash === r.stateHash,
  };
  if (args.flags.has('json')) io.out(JSON.stringify(summary));
  if (hash !== r.stateHash) {
    io.err(
      `${file}: error at stateHash: the replay ends in state ${hash}, not the recorded ${r.stateHash}` +
        (sameRules ? '' : ` (it was recorded against a different version of ${scenario.id})`),
    );
    return 1;
  }
  if (!args.flags.has('json')) io.out(`${file}: verified — ${r.commands.length} commands, turn ${result.state.turn + 1}, state hash ${hash}`);
  return 0;
}
