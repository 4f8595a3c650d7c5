/**
 * Lint by playing: runs the historical policy and reports the history it could not
 * follow — a historical action that was never available at its date, or a dated event
 * whose conditions kept it from firing. Static lint cannot see these; designers need
 * them to keep a scenario true to its sources.
 */
import { turnOfMonth } from '../core/index.ts';
import { type Finding, formatPath } from '../scenario/findings.ts';
import type { Scenario } from '../scenario/types.ts';
import { historical } from './policies.ts';
import { playGame } from './run.ts';

export function playtestFindings(scenario: Scenario, file: string, seeds: readonly number[] = [1, 2, 3, 4, 5]): Finding[] {
  const out: Finding[] = [];
  const ignore = new Set(scenario.lint?.ignore ?? []);
  const missedActions = new Map<string, number>();
  const missedEvents = new Map<string, number>();
  let losses = 0;
  for (const seed of seeds) {
    const { state } = playGame(scenario, seed, historical);
    if (state.outcome?.status === 'lost') losses++;
    const lastTurn = state.turn;
    scenario.actions.forEach((a) => {
      const due = (a.historical ?? []).filter((m) => turnOfMonth(scenario.calendar, m) <= lastTurn).length;
      if ((state.uses[a.id] ?? 0) < due) missedActions.set(a.id, (missedActions.get(a.id) ?? 0) + 1);
    });
    scenario.events.forEach((e) => {
      if (e.date && turnOfMonth(scenario.calendar, e.date) <= lastTurn && state.fired[e.id] === undefined) {
        missedEvents.set(e.id, (missedEvents.get(e.id) ?? 0) + 1);
      }
    });
  }
  const warn = (rule: string, path: (string | number)[], message: string, subject: string) => {
    if (ignore.has(rule) || ignore.has(`${rule}:${subject}`)) return;
    out.push({ severity: 'warning', file, path: formatPath(path), rule, message: `${message} [${subject}]` });
  };
  scenario.actions.forEach((a, i) => {
    const n = missedActions.get(a.id);
    if (n)
      warn(
        'historical-action-missed',
        ['actions', i, 'historical'],
        `the historical policy could not take "${a.id}" at its historical date in ${n} of ${seeds.length} games`,
        a.id,
      );
  });
  scenario.events.forEach((e, i) => {
    const n = missedEvents.get(e.id);
    if (n)
      warn(
        'historical-event-missed',
        ['events', i, 'conditions'],
        `dated event "${e.id}" did not fire on the historical path in ${n} of ${seeds.length} games`,
        e.id,
      );
  });
  if (losses > 0) {
    warn('historical-path-loses', [], `the historical path lost ${losses} of ${seeds.length} games`, scenario.id);
  }
  return out;
}
