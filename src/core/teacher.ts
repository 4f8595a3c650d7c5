/**
 * Teacher mode: a facilitator's interventions for a class exercise. Each is a command in
 * the log, like a player's move, so a replay and a debrief show the game exactly as the
 * class played it, interventions included.
 *  - inject: one of the scenario's events, raised now (it must be one the game could
 *    raise at this point: not waiting already, not spent, its conditions holding — so no
 *    text can contradict the class's own game);
 *  - lock / unlock: an action closed for the exercise, or opened again;
 *  - prompt: a discussion question shown to the class; it changes nothing in the game.
 */
import type { Scenario } from '../scenario/types.ts';
import { beginDraft, finishDraft } from './clone.ts';
import { injectable, raiseNow } from './events.ts';
import { checkLoss } from './outcome.ts';
import { fail, refuseWhileClosing } from './result.ts';
import { rulesOf } from './rules.ts';
import type { GameState, Result } from './state.ts';

/** The longest discussion prompt, in characters: a question, not an essay. */
export const PROMPT_MAX = 300;

export function inject(scenario: Scenario, state: GameState, eventId: string): Result {
  const refused = refuseWhileClosing(state, 'Wait until the powers have answered.');
  if (refused) return refused;
  const event = rulesOf(scenario).eventById.get(eventId);
  if (!event) return fail('event/unknown', `There is no event "${eventId}" in scenario ${scenario.id}.`);
  if (!injectable(scenario, state, event)) return fail('event/unavailable', 'That event cannot happen in this game now.');
  const s = beginDraft(state);
  raiseNow(scenario, s, event);
  s.outcome = checkLoss(scenario, s);
  return { ok: true, state: finishDraft(s) };
}

export function lock(scenario: Scenario, state: GameState, actionId: string, locked: boolean): Result {
  const refused = refuseWhileClosing(state, 'Wait until the powers have answered.');
  if (refused) return refused;
  if (!rulesOf(scenario).actionById.has(actionId)) return fail('action/unknown', `There is no action "${actionId}" in scenario ${scenario.id}.`);
  const list = state.locked ?? [];
  if (list.includes(actionId) === locked) return fail('command/invalid', locked ? 'That action is locked already.' : 'That action is not locked.');
  const s = beginDraft(state);
  const next = locked ? [...list, actionId] : list.filter((id) => id !== actionId);
  s.locked = next.length > 0 ? next : undefined;
  return { ok: true, state: finishDraft(s) };
}

export function prompt(state: GameState, text: string): Result {
  // Not while the people's powers answer: their answers follow the End turn unbroken,
  // which is how a log shows where each turn closed (log.ts).
  const refused = refuseWhileClosing(state, 'Wait until the powers have answered.');
  if (refused) return refused;
  const trimmed = text.trim();
  if (trimmed.length === 0 || text.length > PROMPT_MAX) return fail('prompt/invalid', `A prompt is 1 to ${PROMPT_MAX} characters.`);
  // Nothing in the game changes: the prompt lives in the command log.
  return { ok: true, state };
}

/** The events a teacher may inject now, in the scenario's order. */
export function injectableEvents(scenario: Scenario, state: GameState): Scenario['events'] {
  if (state.outcome || state.awaiting) return [];
  return scenario.events.filter((e) => injectable(scenario, state, e));
}
