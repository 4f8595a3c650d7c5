/** Reading a command log without replaying it. */
import type { Command } from './state.ts';

/**
 * Whether the command at `i` closes a turn: an End turn that no people's power answers
 * after, or the last of the people's answers that follow one (hot-seat). Answers are the
 * only commands the engine accepts between an End turn and the turn's close.
 */
export function closesTurn(commands: readonly Command[], i: number): boolean {
  const c = commands[i];
  if (!c || (c.type !== 'endTurn' && c.type !== 'respond')) return false;
  return commands[i + 1]?.type !== 'respond';
}
