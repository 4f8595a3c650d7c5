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
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const parts = [...(errors > 0 ? [count(errors, 'error')] : []), ...(warnings > 0 ? [count(warnings, 'warning')] : [])];
  io.out(`${result.file}: ${parts.length === 0 ? 'clean' : parts.join(', ')}`);
  return errors > 0 || (warnings > 0 && args.flags.has('strict')) ? 1 : 0;
}
