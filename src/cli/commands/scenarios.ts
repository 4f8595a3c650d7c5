import type { ParsedArgs } from '../args.ts';
import { loadScenarioArg, shippedScenarioIds } from '../files.ts';
import { type Io, table } from '../output.ts';

/** scenarios: lists the shipped scenario ids with period and title (--json for machines). */
export function scenariosCommand(args: ParsedArgs, io: Io): number {
  const rows = shippedScenarioIds().map((id) => {
    const { scenario } = loadScenarioArg(id);
    return { id, period: scenario?.period ?? '?', title: scenario?.title ?? '(invalid: run validate)', turns: scenario?.calendar.turns ?? 0 };
  });
  if (args.flags.has('json')) io.out(JSON.stringify(rows, null, 2));
  else io.out(table([['id', 'period', 'turns', 'title'], ...rows.map((r) => [r.id, r.period, r.turns, r.title])]));
  return 0;
}
