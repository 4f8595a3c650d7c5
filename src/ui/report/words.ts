/** Small readings shared by the report and the turn history. */
import { type GameState, resolveEventText } from '../../core/index.ts';
import type { Scenario, ScenarioEvent } from '../../scenario/types.ts';

/** An event's title as the player's path words it. */
export function eventTitle(scenario: Scenario, state: GameState, e: ScenarioEvent): string {
  return resolveEventText(scenario, state, e).title;
}
