/**
 * Scripted players. A policy looks at the state and returns the next command; the
 * runner folds those commands into the game. Policies use only the core's public
 * operations, so they can never do what a player could not.
 */
import type { Command, GameState, RngState } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';

export interface PolicyContext {
  scenario: Scenario;
  /** The policy's own generator, separate from the game's, so a policy's coin flips
   *  never shift the game's draws. */
  rng: RngState;
  /** Moves simulated so far in this game, for policies that think within a budget. */
  work?: { simulated: number };
}

export interface Policy {
  name: string;
  /** The next command. The state is the runner's, changed in place by the next command:
   *  read it during the call, keep nothing of it. */
  next(ctx: PolicyContext, state: GameState): Command;
}
