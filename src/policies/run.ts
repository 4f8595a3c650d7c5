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

/** More commands than any real game needs: a guard against a policy that never ends turns. */
const MAX_COMMANDS_PER_TURN = 60;

export function playGame(scenario: Scenario, seed: string | number, policy: Policy, difficulty: Difficulty = 'normal'): PlayedGame {
  const state = newGame(scenario, seed, { difficulty });
  const ctx = { scenario, rng: seedRng(`policy:${policy.name}:${seed}`) };
  const commands: Command[] = [];
  let inTurn = 0;
  while (!state.outcome) {
    let command = policy.next(ctx, state);
    if (++inTurn > MAX_COMMANDS_PER_TURN && command.type === 'act') command = { type: 'endTurn' };
    // The game's state is this runner's alone: each command changes it in place.
    const r = advance(scenario, state, command);
    if (!r.ok) return { state, commands, refused: { command, message: r.message } };
    commands.push(command);
    if (command.type === 'endTurn') inTurn = 0;
  }
  return { state, commands };
}
