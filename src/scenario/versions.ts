/**
 * Format versions. A file says which version of the format it is written in
 * (`formatVersion`); every version this code has ever written is still read, so an
 * author's file never stops working.
 *
 *  1  the first format (to 2026): everything but what version 2 added.
 *  2  counters (`inc`, `dec`, `counter`), `turnsSince` and `before` conditions, random
 *     amounts ({"min", "max"}), a power's `baseRelation` and `aggression` as variables,
 *     a route's `price`, `leverage` and `add`, `cancel`, an event effect's `wait`, wins
 *     (`outcomes.win`, the `win` effect) and `outcomes.endings`.
 *
 * Version 1 files mean the same under version 2, so they load unchanged. A file that
 * uses a version 2 feature must say `"formatVersion": 2`: an older game would not
 * understand it, and the error says so plainly instead of failing on the feature.
 * Should a later version change what something means, its upgrade goes here, rewriting
 * the older file's data in memory and returning a notice of what changed.
 */
import { type Finding, formatPath, type PathPart } from './findings.ts';
import { FORMAT_VERSION } from './schema.ts';
import type { Scenario } from './types.ts';
import { walkScenario } from './walk.ts';

/** The version 2 features a scenario uses, each with its JSON path. */
export function featuresAfterV1(s: Scenario): { path: PathPart[]; feature: string }[] {
  const out: { path: PathPart[]; feature: string }[] = [];
  const note = (path: PathPart[], feature: string) => out.push({ path, feature });
  walkScenario(s, {
    condition(c, path) {
      if ('counter' in c) note(path, 'counter conditions');
      else if ('turnsSince' in c) note(path, 'turnsSince conditions');
      else if ('before' in c) note(path, 'before conditions');
      else if ('var' in c && (c.var.endsWith('.baseRelation') || c.var.endsWith('.aggression'))) note([...path, 'var'], `the variable ${c.var}`);
    },
    effect(e, path) {
      if (e.op === 'inc' || e.op === 'dec' || e.op === 'cancel' || e.op === 'win') note([...path, 'op'], `the "${e.op}" effect`);
      else if (e.op === 'add' && typeof e.delta !== 'number') note([...path, 'delta'], 'random amounts');
      else if ((e.op === 'add' || e.op === 'set') && (e.var.endsWith('.baseRelation') || e.var.endsWith('.aggression')))
        note([...path, 'var'], `the variable ${e.var}`);
      else if (e.op === 'route' && (e.price !== undefined || e.leverage !== undefined || e.add !== undefined)) note(path, 'route price, leverage and add');
      else if (e.op === 'event' && e.wait !== undefined) note([...path, 'wait'], 'an event effect’s wait');
    },
  });
  if (s.outcomes.win) note(['outcomes', 'win'], 'outcomes.win');
  if (s.outcomes.endings) note(['outcomes', 'endings'], 'outcomes.endings');
  return out;
}

/** Errors for version 2 features in a file that says it is version 1. */
export function versionFindings(s: Scenario, file: string, lines: Map<string, number>): Finding[] {
  if (s.formatVersion >= 2) return [];
  return featuresAfterV1(s).map(({ path, feature }) => {
    const p = formatPath(path);
    const f: Finding = {
      severity: 'error',
      file,
      path: p,
      message: `${feature} came with formatVersion 2, and the file says "formatVersion": ${s.formatVersion}: set "formatVersion": ${FORMAT_VERSION} (nothing else in the file changes meaning)`,
    };
    const line = lines.get(p);
    if (line !== undefined) f.line = line;
    return f;
  });
}
