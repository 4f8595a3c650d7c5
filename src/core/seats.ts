/**
 * Hot-seat role play: any of the four powers can be played by people on the same screen
 * (a class split into teams around one projector). A `seat` command hands a power to
 * people or back to the computer; it is in the command log like every move, so a replay
 * knows who played what.
 *
 * When the turn closes, every power updates as usual (agenda, relation, influence,
 * stance); then the people's powers answer one after another, in the fixed order of the
 * powers, each choosing a response its stance leaves open — or none. After the last
 * answer the computer's powers answer and the turn closes as it always does. People draw
 * nothing from the game's generator: the sequence of draws never depends on what they
 * choose.
 */
import type { Scenario } from '../scenario/types.ts';
import { beginDraft, finishDraft } from './clone.ts';
import { applyResponse, openResponses } from './powers.ts';
import { fail, refuseWhileClosing } from './result.ts';
import type { GameState, Result } from './state.ts';
import { closeTurn } from './turn.ts';
import { POWER_IDS, POWER_NAMES, type PowerId } from './vocabulary.ts';

const isPower = (id: string): id is PowerId => (POWER_IDS as readonly string[]).includes(id);

export function seat(state: GameState, power: string, player: 'people' | 'computer'): Result {
  if (!isPower(power)) return fail('power/unknown', `There is no power "${power}"; the powers are ${POWER_IDS.join(', ')}.`);
  const refused = refuseWhileClosing(state, 'Change who plays a power between turns, not while the powers answer.');
  if (refused) return refused;
  const humans = state.humans ?? [];
  if ((player === 'people') === humans.includes(power)) {
    return fail('command/invalid', `${POWER_NAMES[power]} is played by ${player === 'people' ? 'people' : 'the computer'} already.`);
  }
  const s = beginDraft(state);
  const next = POWER_IDS.filter((id) => (id === power ? player === 'people' : humans.includes(id)));
  s.humans = next.length > 0 ? next : undefined;
  return { ok: true, state: finishDraft(s) };
}

/** The power whose people answer next, and what they may choose; null when none is waiting. */
export function awaitedPower(scenario: Scenario, state: GameState): { power: PowerId; responses: ReturnType<typeof openResponses> } | null {
  const power = state.awaiting?.[0];
  return power ? { power, responses: openResponses(scenario, state, power) } : null;
}

export function respond(scenario: Scenario, state: GameState, power: string, responseId: string | undefined): Result {
  if (!isPower(power)) return fail('power/unknown', `There is no power "${power}"; the powers are ${POWER_IDS.join(', ')}.`);
  const next = state.awaiting?.[0];
  if (next !== power) {
    return fail('power/not-awaited', next ? `It is ${POWER_NAMES[next]}'s turn to answer.` : 'No power is waiting to answer.');
  }
  let chosen: ReturnType<typeof openResponses>[number] | undefined;
  if (responseId !== undefined) {
    chosen = openResponses(scenario, state, power).find((r) => r.id === responseId);
    if (!chosen) return fail('response/unavailable', `${POWER_NAMES[power]} cannot answer with "${responseId}" now.`);
  }
  const s = beginDraft(state);
  if (chosen) applyResponse(scenario, s, power, chosen, true);
  const rest = (s.awaiting ?? []).slice(1);
  s.awaiting = rest.length > 0 ? rest : undefined;
  if (!s.awaiting) closeTurn(scenario, s);
  return { ok: true, state: finishDraft(s) };
}
