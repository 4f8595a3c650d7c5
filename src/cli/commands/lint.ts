import { hasErrors } from '../../scenario/findings.ts';
import { lintScenario } from '../../scenario/lint.ts';
import { playtestFindings } from '../../policies/playtest.ts';
import type { ParsedArgs } from '../args.ts';
import { UsageError } from '../args.ts';
import { loadScenarioArg } from '../files.ts';
import { type Io, printFindings } from '../output.ts';

/** lint <file>: validation, then static lint rules, then a playtest of the historical path.
 *  Exit 1 on errors, or on warnings with --strict. */
export function lintCommand(args: ParsedArgs, io: Io): number {
  if (args.positionals.length !== 1) throw new UsageError('lint takes one scenario file or id');
  const result = loadScenarioArg(args.positionals[0] as string);
  if (!result.scenario || hasErrors(result.findings)) {
    printFindings(io, result.findings);
    return 1;
  }
  const findings = [...result.findings, ...lintScenario(result.scenario, result.file)];
  if (!args.flags.has('no-playtest')) findings.push(...playtestFindings(result.scenario, result.file));
  printFindings(io, findings);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  io.out(`${result.file}: ${warnings === 0 ? 'clean' : `${warnings} warning${warnings === 1 ? '' : 's'}`}`);
  return warnings > 0 && args.flags.has('strict') ? 1 : 0;
}
