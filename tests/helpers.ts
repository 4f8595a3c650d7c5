/** Shared test helpers: loading scenarios from disk and playing commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, type Command, type GameState } from '../src/core/index.ts';
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
