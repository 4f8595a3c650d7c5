/**
 * The command line: `npm run caspian -- <command>`. Exit codes: 0 success, 1 invalid
 * input (findings on stderr naming the file and JSON path), 2 usage errors and missing
 * files. A person's mistake never prints a stack trace.
 */
import { parseArgs, UsageError } from './args.ts';
import { balanceCommand } from './commands/balance.ts';
import { lintCommand } from './commands/lint.ts';
import { playCommand } from './commands/play.ts';
import { replayCommand } from './commands/replay.ts';
import { scenariosCommand } from './commands/scenarios.ts';
import { schemaCommand } from './commands/schema.ts';
import { validateCommand } from './commands/validate.ts';
import { type Io, processIo } from './output.ts';

const USAGE = `Caspian Balance — command line

usage: npm run caspian -- <command> [options]

  validate <file|id>…            check scenario files; findings name file and JSON path
  lint <file|id> [--strict] [--no-playtest]
                                 validate, then warn about likely mistakes and play the
                                 historical path to check it can be followed
  schema                         print the scenario JSON Schema (draft-07)
  scenarios [--json]             list the shipped scenarios
  play --scenario <id|file> --seed <n> --policy <name> [--difficulty easy|normal|hard]
       [--json] [--trace] [--save <replay.json>]
                                 play a whole game headless with a scripted policy:
                                 historical, balancer, pro-russia, pro-west, random,
                                 expert, or spam:<action id>; --trace tells it turn by
                                 turn (events, actions, the powers' answers and why,
                                 every change with its cause); with --json, as data
  replay <file> [--scenario <id|file>] [--json]
                                 re-run a save or replay file and verify its state hash;
                                 the save's scenario must be a shipped id, or name the
                                 file it was played on with --scenario
  balance --scenario <id|file> [--runs <n>] [--policies a,b] [--first-seed <n>]
          [--difficulty …] [--json] [--html <report.html>] [--no-sweep] [--sweep-runs <n>]
                                 the balance lab: Monte Carlo over policies and every
                                 single action spammed; survival, scores, losses and
                                 when, events fired and choices, actions taken, flags
                                 for dominant strategies; --html writes a report

exit codes: 0 success, 1 invalid input (or an internal error, said as such),
            2 usage error, missing or unreadable file`;

const OPTIONS = {
  json: 'switch',
  strict: 'switch',
  'no-playtest': 'switch',
  trace: 'switch',
  html: 'value',
  'no-sweep': 'switch',
  'sweep-runs': 'value',
  scenario: 'value',
  seed: 'value',
  policy: 'value',
  policies: 'value',
  difficulty: 'value',
  save: 'value',
  runs: 'value',
  'first-seed': 'value',
  help: 'switch',
} as const;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  try {
    const args = parseArgs(rest, OPTIONS);
    switch (command) {
      case 'validate':
        return validateCommand(args, io);
      case 'lint':
        return lintCommand(args, io);
      case 'schema':
        return schemaCommand(io);
      case 'scenarios':
        return scenariosCommand(args, io);
      case 'play':
        return playCommand(args, io);
      case 'replay':
        return replayCommand(args, io);
      case 'balance':
        return await balanceCommand(args, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`caspian: ${e.message}`);
      io.err('run `npm run caspian -- help` for usage');
      return 2;
    }
    // A bug of ours, not the user's mistake: say so plainly, without a stack trace. The
    // documented codes are 0, 1 and 2 only; an input we failed to handle is still input.
    io.err(`caspian: internal error: ${e instanceof Error ? e.message : String(e)}`);
    io.err('please report this with the command you ran');
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
  run(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
