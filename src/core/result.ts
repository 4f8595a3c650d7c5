/** The engine's refusals: a closed code for callers to switch on, and words for the player. */
import type { ErrorCode, GameState, Result } from './state.ts';

export function fail(error: ErrorCode, message: string): Result {
  return { ok: false, error, message };
}

/** The refusal of a move made while the game is over, or while the people's powers are
 *  still answering (hot-seat); `whileAnswering` says what to wait for. Null when neither. */
export function refuseWhileClosing(state: GameState, whileAnswering: string): Result | null {
  if (state.outcome) return fail('game/over', 'The game is over.');
  if (state.awaiting) return fail('powers/awaiting', whileAnswering);
  return null;
}
