/**
 * The historical policy: history's choice in every event, and the actions Azerbaijan took,
 * in the months it took them. A module of its own because the game ships it (the debrief
 * replays history's line beside the player's) and nothing else of the policies: importing
 * policies.ts would bring the balancer's and the expert's look-ahead too.
 */
import { type Command, canTake, type GameState, monthIndex, offeredChoices, rulesOf, turnDate } from '../core/index.ts';
import type { Scenario, ScenarioAction, ScenarioEvent } from '../scenario/types.ts';
import type { Policy } from './policy.ts';

export const END_TURN: Command = { type: 'endTurn' };

export function pendingEvent(scenario: Scenario, s: GameState): ScenarioEvent | undefined {
  const id = s.pending[0];
  return id === undefined ? undefined : rulesOf(scenario).eventById.get(id);
}

/** The choices open to the player for the pending event: those whose conditions hold
 *  (the only thing besides the game's end that refuses a choice of the pending event). */
export function openChoices(scenario: Scenario, s: GameState, event: ScenarioEvent) {
  return offeredChoices(scenario, s, event);
}

export function historicalChoice(scenario: Scenario, s: GameState, event: ScenarioEvent): Command {
  const open = openChoices(scenario, s, event);
  const pick = open.find((c) => c.historical) ?? open[0] ?? event.choices[0];
  return { type: 'choose', event: event.id, choice: pick?.id ?? '' };
}

const historicalCache = new WeakMap<Scenario, { action: ScenarioAction; months: number[] }[]>();

/** The actions history took, in scenario order, with the months it took them. */
function historicalActions(scenario: Scenario) {
  let list = historicalCache.get(scenario);
  if (!list) {
    list = scenario.actions.filter((a) => (a.historical ?? []).length > 0).map((action) => ({ action, months: (action.historical ?? []).map(monthIndex) }));
    historicalCache.set(scenario, list);
  }
  return list;
}

export const historical: Policy = {
  name: 'historical',
  next({ scenario }, s) {
    const event = pendingEvent(scenario, s);
    if (event) return historicalChoice(scenario, s, event);
    const turnEnd = monthIndex(turnDate(scenario, s.turn)) + scenario.calendar.monthsPerTurn - 1;
    for (const { action, months } of historicalActions(scenario)) {
      let due = 0;
      for (const m of months) if (m <= turnEnd) due++;
      // Catch up on a historical action blocked earlier (say, for want of capital).
      if (due > (s.uses[action.id] ?? 0) && canTake(scenario, s, action)) return { type: 'act', action: action.id };
    }
    return END_TURN;
  },
};
