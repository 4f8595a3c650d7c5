import { replay, scenarioHash, stateHash } from '../../core/index.ts';
import { hasErrors } from '../../scenario/findings.ts';
import { readReplay } from '../../persistence/replayFile.ts';
import { checksumOf } from '../../persistence/replayFormat.ts';
import { type ParsedArgs, stringFlag, UsageError } from '../args.ts';
import { isShippedId, loadScenarioArg, loadShippedScenario, readTextFile, shippedScenarioIds } from '../files.ts';
import { type Io, printFindings } from '../output.ts';
import { gameSummary } from './play.ts';

/** What a verified replay proves, and what it does not: printed with every verification. */
export const PROVES =
  'this command log, played under these rules (the scenario fingerprint), gives this result; the result was recomputed here, not read from the file';
export const DOES_NOT_PROVE = 'who played it, or when: anyone can write a command log and the hash it leads to';

/**
 * replay <file> [--scenario <id|file>] [--json]: re-runs a save or replay and checks it.
 * The scenario is a shipped id named in the save, or a file named on the command line:
 * never a path taken from the save, which is a stranger's text.
 */
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
  const named = stringFlag(args, 'scenario');
  if (named === undefined && !(isShippedId(r.scenario) && shippedScenarioIds().includes(r.scenario))) {
    io.err(
      `${file}: error at scenario: the save names ${JSON.stringify(r.scenario)}, which is not a shipped scenario (${shippedScenarioIds().join(', ')}); ` +
        `if it was played on a scenario file of your own, name that file: replay ${file} --scenario <file>`,
    );
    return 1;
  }
  const loaded = named === undefined ? loadShippedScenario(r.scenario) : loadScenarioArg(named);
  if (!loaded.scenario || hasErrors(loaded.findings)) {
    printFindings(io, loaded.findings);
    return 1;
  }
  const scenario = loaded.scenario;
  if (scenario.id !== r.scenario) {
    io.err(`${file}: error at scenario: the replay is for ${JSON.stringify(r.scenario)}, not "${scenario.id}"`);
    return 1;
  }
  const rules = scenarioHash(scenario);
  if (r.scenarioHash !== rules) {
    io.err(
      `${file}: error at scenarioHash: the save was made under the rules of "${r.scenario}" with fingerprint ${r.scenarioHash}, ` +
        `but ${loaded.file} has fingerprint ${rules}: different rules, so the log cannot be checked against them. ` +
        `Replay it with the scenario file it was played on: replay ${file} --scenario <file>`,
    );
    return 1;
  }
  if (checksumOf(r) !== r.checksum) {
    io.err(
      `${file}: error at checksum: the file was changed after it was saved (its checksum does not match); ` +
        'a checksum catches damage, not forgery: anyone can recompute it',
    );
    return 1;
  }
  const result = replay(scenario, r.seed, { difficulty: r.difficulty }, r.commands);
  if (result.failed) {
    io.err(`${file}: error at commands[${result.failed.index}]: the engine refused this command (${result.failed.error}: ${result.failed.message})`);
    return 1;
  }
  const hash = stateHash(result.state);
  const verified = hash === r.stateHash;
  const meta = r.meta ?? {};
  if (args.flags.has('json')) {
    // Everything here is recomputed from the log; only `unverifiedMeta` is copied from the file.
    const summary = gameSummary(scenario, { state: result.state, commands: r.commands }, 'replay');
    io.out(JSON.stringify({ ...summary, verified, scenarioHash: rules, proves: verified ? PROVES : null, doesNotProve: DOES_NOT_PROVE, unverifiedMeta: meta }));
  }
  if (!verified) {
    io.err(`${file}: error at stateHash: the replay ends in state ${hash}, not the recorded ${r.stateHash}`);
    return 1;
  }
  if (!args.flags.has('json')) {
    const s = result.state;
    const outcome = s.outcome
      ? `${s.outcome.status === 'lost' ? `lost after ${s.history.length} turns (${s.outcome.title})` : `completed ${s.history.length} turns`}, score ${s.outcome.score} (${s.outcome.rating})`
      : `unfinished after ${s.history.length} turns`;
    io.out(`${file}: verified — ${r.commands.length} commands, turn ${s.turn + 1}, state hash ${hash}`);
    io.out(`  result: ${outcome}`);
    io.out(`  proves: ${PROVES} (scenario "${scenario.id}", fingerprint ${rules}, seed ${JSON.stringify(r.seed)}, ${r.difficulty})`);
    io.out(`  does not prove: ${DOES_NOT_PROVE}`);
    const labels = Object.entries(meta).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    io.out(`  meta (unverified labels, copied from the file as they are): ${labels.length > 0 ? labels.join(', ') : 'none'}`);
  }
  return 0;
}
