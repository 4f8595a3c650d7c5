/** Shared test helpers: loading scenarios from disk and playing commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agendaForTurn, apply, type Command, type GameState, holds, type PowerId } from '../src/core/index.ts';
import { formatFinding } from '../src/scenario/findings.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';

export const ROOT = join(import.meta.dirname, '..');

export function loadFile(path: string): Scenario {
  const r = loadScenarioText(readFileSync(join(ROOT, path), 'utf8'), path);
  if (!r.scenario) throw new Error(`${path} does not load:\n${r.findings.map(formatFinding).join('\n')}`);
  return r.scenario;
}

export const goldenScenario = () => loadFile('tests/fixtures/golden-scenario.json');
export const shippedScenario = (id: string) => loadFile(`scenarios/${id}.json`);

export function run(scenario: Scenario, state: GameState, commands: readonly Command[]): GameState {
  let s = state;
  for (const c of commands) {
    const r = apply(scenario, s, c);
    if (!r.ok) throw new Error(`${JSON.stringify(c)} refused: ${r.message}`);
    s = r.state;
  }
  return s;
}

/** Freezes a value and everything inside it, so any later write throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A power's agenda drift read the plain way — each concern of the turn's agenda tested
 *  with `holds` — for tests that check the policies' faster readings against it. */
export function plainDrift(scenario: Scenario, s: GameState, id: PowerId): number {
  let drift = 0;
  const concerns = agendaForTurn(scenario, s.turn)[id]?.concerns ?? scenario.powers[id].concerns;
  for (const c of concerns) if (holds(scenario, s, c.when)) drift += c.delta;
  return drift;
}
