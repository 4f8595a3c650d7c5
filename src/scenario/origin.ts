/**
 * Which scenarios came from a file the player loaded (src/ui/customScenario) rather than
 * with the game: a save made under one can only be opened while that very file (the same
 * rules fingerprint) is loaded, and the messages about such saves say so. A mark on the
 * object itself, never part of the scenario's content or its fingerprint.
 */
import type { Scenario } from './types.ts';

const loaded = new WeakSet<Scenario>();

/** Marks a scenario as loaded from a file; returns it. */
export function markLoadedFromFile(scenario: Scenario): Scenario {
  loaded.add(scenario);
  return scenario;
}

export function isLoadedFromFile(scenario: Scenario): boolean {
  return loaded.has(scenario);
}
