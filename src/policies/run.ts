/** Playing a whole game with a policy, headless. */
import { advance, type Command, type Difficulty, type GameState, newGame, seedRng } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Policy } from './policy.ts';

export interface PlayedGame {
  state: GameState;
  commands: Command[];
  /** Set when the policy produced a command the engine refused (a bug in the policy). */
  refused?: { command: Command; message: string };
}

/** More actions in one turn than any real game takes (the shipped chapters: 6 at most): a
 *  guard against a policy that never ends turns, and a bound on a game's cost when a
 *  scenario makes actions free (issue 11). */
export const MAX_ACTS_PER_TURN = 12;

/** `explain: false` plays the game without recording its changes' causes (a balance run:
 *  GameState.unexplained); the game, its draws and its end are the same. */
export function playGame(scenario: Scenario, seed: string | number, policy: Policy, difficulty: Difficulty = 'normal', { explain = true } = {}): PlayedGame {
  const state = newGame(scenario, seed, { difficulty, explain });
  const ctx = { scenario, rng: seedRng(`policy:${policy.name}:${seed}`), work: { simulated: 0 } };
  const commands: Command[] = [];
  let inTurn = 0;
  while (!state.outcome) {
    let command = policy.next(ctx, state);
    if (command.type === 'act' && ++inTurn > MAX_ACTS_PER_TURN) command = { type: 'endTurn' };
    // The game's state is this runner's alone: each command changes it in place.
    const r = advance(scenario, state, command);
    if (!r.ok) return { state, commands, refused: { command, message: r.message } };
    commands.push(command);
    if (command.type === 'endTurn') inTurn = 0;
  }
  return { state, commands };
}
