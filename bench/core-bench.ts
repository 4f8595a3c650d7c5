/**
 * `npm run bench`: milliseconds per full headless game of each shipped scenario (median
 * of many), turns per second, and the size of a serialised GameState, as a table and as
 * JSON. The game is played from a recorded command log (the historical policy's), so the
 * figure is the engine's cost, not the policy's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, type Command, newGame } from '../src/core/index.ts';
import { historical } from '../src/policies/policies.ts';
import { playGame } from '../src/policies/run.ts';
import { loadScenarioText } from '../src/scenario/load.ts';

const dir = join(import.meta.dirname, '..', 'scenarios');
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => f.slice(0, -5))
  .sort();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const rows = [];
for (const id of ids) {
  const { scenario } = loadScenarioText(readFileSync(join(dir, `${id}.json`), 'utf8'), id);
  if (!scenario) throw new Error(`${id} does not validate`);
  const recorded = playGame(scenario, 1, historical);
  const commands: Command[] = recorded.commands;
  const turns = recorded.state.history.length;
  const run = () => {
    let s = newGame(scenario, 1);
    for (const c of commands) {
      const r = apply(scenario, s, c);
      if (!r.ok) throw new Error(r.message);
      s = r.state;
    }
    return s;
  };
  for (let i = 0; i < 200; i++) run(); // warm up the JIT
  const samples: number[] = [];
  const deadline = performance.now() + 1500;
  while (samples.length < 200 || performance.now() < deadline) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  const ms = median(samples);
  const policyStart = performance.now();
  const policyRuns = 20;
  for (let i = 0; i < policyRuns; i++) playGame(scenario, i, historical);
  const policyMs = (performance.now() - policyStart) / policyRuns;
  const finalState = run();
  rows.push({
    scenario: id,
    turns,
    commands: commands.length,
    msPerGame: Math.round(ms * 1000) / 1000,
    turnsPerSecond: Math.round((turns / ms) * 1000),
    stateBytes: JSON.stringify(finalState).length,
    initialStateBytes: JSON.stringify(newGame(scenario, 1)).length,
    historicalPolicyMsPerGame: Math.round(policyMs * 100) / 100,
    samples: samples.length,
  });
}

console.table(rows);
console.log(JSON.stringify({ node: process.version, results: rows }));
