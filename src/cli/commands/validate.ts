import { hasErrors } from '../../scenario/findings.ts';
import type { ParsedArgs } from '../args.ts';
import { UsageError } from '../args.ts';
import { loadScenarioArg } from '../files.ts';
import { type Io, printFindings } from '../output.ts';

/** validate <files…>: exit 1 if any file has an error. */
export function validateCommand(args: ParsedArgs, io: Io): number {
  if (args.positionals.length === 0) throw new UsageError('validate needs at least one scenario file or id');
  let failed = false;
  for (const arg of args.positionals) {
    const result = loadScenarioArg(arg);
    printFindings(io, result.findings);
    if (hasErrors(result.findings)) {
      failed = true;
      const n = result.findings.filter((f) => f.severity === 'error').length;
      io.err(`${result.file}: invalid (${n} ${n === 1 ? 'error' : 'errors'})`);
    } else {
      io.out(`${result.file}: valid`);
    }
  }
  return failed ? 1 : 0;
}
