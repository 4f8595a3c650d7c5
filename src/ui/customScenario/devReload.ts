/**
 * In development (`npm run dev`), saving a scenario file under scenarios/ reloads it in
 * the running game: the build's scenario plugin checks the file and sends it here, and
 * the game in play is replayed, move for move, under the new rules. Moves the new file no
 * longer allows are dropped from the first one that fails, and the notice says so. A
 * file that fails the check changes nothing; the notice gives its first finding.
 */
import { replay } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { AppStore } from '../../store/gameStore.ts';

export const SCENARIO_EVENT = 'caspian:scenario';

export interface ScenarioUpdate {
  id: string;
  scenario?: Scenario;
  problem?: string;
}

/** Applies an update to the game in play; returns what the notice says, or null if it is not the scenario in play. */
export function applyScenarioUpdate(store: AppStore, update: ScenarioUpdate): string | null {
  const { scenario, game, commands } = store.getState();
  if (!scenario || !game || scenario.id !== update.id) return null;
  if (!update.scenario)
    return `scenarios/${update.id}.json changed but does not pass the check, so the game goes on with the old rules: ${update.problem ?? 'see the terminal'}`;
  const result = replay(update.scenario, game.seed, { difficulty: game.difficulty }, commands);
  const kept = result.failed ? commands.slice(0, result.failed.index) : commands;
  // Undo's snapshots and the last decision's changes belong to the old rules; a report of a
  // turn the new replay may not reach is closed.
  store.setState({
    scenario: update.scenario,
    game: result.state,
    commands: kept,
    undoStack: [],
    lastDecision: null,
    ...(result.failed ? { report: null } : {}),
  });
  return result.failed
    ? `scenarios/${update.id}.json reloaded: ${kept.length} of ${commands.length} moves replayed (move ${result.failed.index + 1} is no longer allowed: ${result.failed.message})`
    : `scenarios/${update.id}.json reloaded: your ${commands.length} moves replayed under the new rules`;
}

export function watchScenarioFiles(store: AppStore, onScenario: (s: Scenario) => void): void {
  const hot = import.meta.hot;
  if (!hot) return;
  hot.on(SCENARIO_EVENT, (update: ScenarioUpdate) => {
    if (update.scenario) onScenario(update.scenario);
    const said = applyScenarioUpdate(store, update);
    if (said) store.getState().notify(update.scenario ? 'info' : 'error', said);
  });
}
