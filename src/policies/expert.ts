/**
 * The expert: a search-based player that shows how well the game can be played, so the
 * balance report can measure the skill ceiling (issue 7 §7).
 *
 * At every decision it considers each legal move — each open choice of the pending
 * event, or each available action and "end the turn" — in two rounds:
 *  1. every move is played on a copy of the state and ranked by where the position is
 *     heading (projection.ts: a deterministic estimate of the final score);
 *     An action is charged what it spends (capital and money are worth something later).
 *  2. the best few, and always the move the balancer would make, go on to Monte Carlo
 *     rollouts: the game is played forward to the end of a later turn by the balancer
 *     (a careful one-move-ahead player: policies.ts), and the estimate of the position
 *     reached is averaged over the rollouts.
 * The move with the best mean is taken. Taking actions one at a time this way builds the
 * turn greedily: an action is taken only while one beats ending the turn. Since the
 * balancer's own move is always weighed against the rest on the same futures, the search
 * improves on the balancer rather than replacing it.
 *
 * It sees only what a player sees. Every simulation runs on a copy whose generator is
 * the policy's own, never the game's, so the rollouts sample what the powers and chance
 * effects might do rather than reveal what they will do. Every finalist is rolled out
 * with the same generator states (common random numbers), so two moves are compared on
 * the same imagined futures and the noise between them cancels.
 *
 * Deterministic for a seed: its only randomness is the policy generator the runner
 * seeds from the game seed. Its cost is set by its budget (rollouts per finalist,
 * horizon in turns, finalists); `expert` uses the default, `expert:<r>x<h>k<k>` another.
 */
import {
  advance,
  availableActions,
  type Command,
  type GameState,
  nextFloat,
  offeredChoices,
  ownedCopy,
  type RngState,
  rulesOf,
  whatIf,
} from '../core/index.ts';
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import { balancer } from './policies.ts';
import type { Policy } from './policy.ts';
import { projectedScore } from './projection.ts';

export interface ExpertBudget {
  /** Rollouts per finalist (the same imagined futures for every finalist). */
  rollouts: number;
  /** Turns each rollout plays after the current one before the position is valued. */
  horizon: number;
  /** Moves that go on to the rollouts after the first, deterministic ranking. */
  keep: number;
  /** What a point of political capital is worth, in points of final score: capital spent
   *  now is capital missing for a better move later (the treasury counts $100m a point of it). */
  capitalValue?: number;
}

// Measured on independence-1991, seeds 1–8 (machine loaded): 6 rollouts × 3 turns of
// no-action play scored 52.5 (the balancer alone 54.9); balancer rollouts of 0/1/2 turns
// 56.4/55.8/58.8 at 0.6/1.2/1.4 s of CPU a game.
export const DEFAULT_EXPERT_BUDGET: ExpertBudget = { rollouts: 4, horizon: 2, keep: 3, capitalValue: 0.04 };

const END_TURN: Command = { type: 'endTurn' };

/** A copy of the state that draws from `rng` (a copy of it), never the game's generator. */
function onOwnDice(s: GameState, rng: RngState): GameState {
  return { ...s, rng: { c: rng.c, s0: rng.s0, s1: rng.s1, s2: rng.s2 } };
}

/**
 * The value of a position on the scale of the final score: a finished game is worth its
 * score (a lost one its halved score, less a margin so the search never gambles the
 * country for a point); an unfinished one what the projection expects.
 */
export function positionValue(scenario: Scenario, s: GameState): number {
  if (s.outcome) return s.outcome.status === 'lost' ? s.outcome.score - 25 : s.outcome.score;
  return projectedScore(scenario, s);
}

/**
 * Plays `start` forward until `lastTurn` has ended (or the game has), the way a careful
 * player would: the balancer (policies.ts) answers the events and takes the actions,
 * drawing from `rng`. Returns the value reached.
 */
function rollout(scenario: Scenario, s: GameState, lastTurn: number, rng: RngState): number {
  // `s` is the rollout's own (ownedCopy): played on in place, nothing is copied per move.
  const ctx = { scenario, rng };
  let inTurn = 0;
  for (let guard = 0; guard < 400 && !s.outcome && s.turn <= lastTurn; guard++) {
    let command = balancer.next(ctx, s);
    if (++inTurn > 12 && command.type === 'act') command = END_TURN;
    if (!advance(scenario, s, command).ok) break;
    if (command.type === 'endTurn') inTurn = 0;
  }
  return positionValue(scenario, s);
}

function sameCommand(a: Command, b: Command): boolean {
  if (a.type === 'act' && b.type === 'act') return a.action === b.action;
  if (a.type === 'choose' && b.type === 'choose') return a.event === b.event && a.choice === b.choice;
  return a.type === b.type;
}

function candidates(scenario: Scenario, s: GameState, event: ScenarioEvent | undefined): Command[] {
  if (event) return offeredChoices(scenario, s, event).map((c) => ({ type: 'choose', event: event.id, choice: c.id }));
  const out: Command[] = [END_TURN];
  for (const a of availableActions(scenario, s)) out.push({ type: 'act', action: a.id });
  return out;
}

export function makeExpert(budget: ExpertBudget = DEFAULT_EXPERT_BUDGET, name = 'expert'): Policy {
  const rollouts = Math.max(1, Math.floor(budget.rollouts));
  const horizon = Math.max(0, Math.floor(budget.horizon));
  const keep = Math.max(1, Math.floor(budget.keep));
  const capitalValue = Math.max(0, budget.capitalValue ?? 0);
  /** What a move spends, in points of final score. */
  const spend = (scenario: Scenario, move: Command): number => {
    if (move.type !== 'act' || capitalValue === 0) return 0;
    const a = rulesOf(scenario).actionById.get(move.action);
    return a ? capitalValue * (a.cost.capital + a.cost.treasury / 100) : 0;
  };
  return {
    name,
    next({ scenario, rng }, state) {
      const eventId = state.pending[0];
      const event = eventId === undefined ? undefined : rulesOf(scenario).eventById.get(eventId);
      const moves = candidates(scenario, state, event);
      if (moves.length === 0) return event ? { type: 'choose', event: event.id, choice: event.choices[0]?.id ?? '' } : END_TURN;
      if (moves.length === 1) return moves[0] as Command;
      // The imagined futures of this decision: one generator state per rollout, shared by
      // every finalist; the policy's generator moves on so the next decision differs.
      const dice: RngState[] = [];
      for (let i = 0; i < rollouts; i++) {
        nextFloat(rng);
        dice.push({ c: rng.c, s0: rng.s0, s1: rng.s1, s2: rng.s2 });
      }
      // Round 1: rank every move by the projection of the position it leaves (before the
      // turn ends, so an action and "end the turn" are compared on the same footing).
      const ranked: { move: Command; index: number; value: number }[] = [];
      moves.forEach((move, index) => {
        // A look (whatIf) on the first future's dice: nothing is copied, and the state is as it was after.
        const value =
          move.type === 'endTurn'
            ? positionValue(scenario, state)
            : whatIf(scenario, state, move, dice[0] as RngState, (after) => positionValue(scenario, after));
        if (value !== undefined) ranked.push({ move, index, value: value - spend(scenario, move) });
      });
      ranked.sort((a, b) => b.value - a.value || a.index - b.index);
      const finalists = ranked.slice(0, keep);
      // The careful player's own move is always a finalist: the search can only improve on it.
      const own = balancer.next({ scenario, rng: { ...(dice[0] as RngState) } }, state);
      const mine = ranked.find((r) => sameCommand(r.move, own));
      if (mine && !finalists.includes(mine)) finalists[finalists.length - 1] = mine;
      if (finalists.length === 1) return (finalists[0] as (typeof finalists)[number]).move;
      // Round 2: rollouts. An event's choice is followed by the rest of the turn as it
      // stands; an action or "end the turn" ends the turn at once.
      const lastTurn = Math.min(scenario.calendar.turns - 1, state.turn + horizon);
      let best = finalists[0] as (typeof finalists)[number];
      let bestMean = Number.NEGATIVE_INFINITY;
      for (const f of finalists) {
        let total = 0;
        for (const d of dice) {
          // Nobody asks a rollout why: its changes are not recorded (GameState.unexplained).
          const future = ownedCopy(onOwnDice(state, d), { explain: false });
          total += advance(scenario, future, f.move).ok
            ? rollout(scenario, future, lastTurn, { c: d.c, s0: d.s0, s1: d.s1, s2: d.s2 })
            : Number.NEGATIVE_INFINITY;
        }
        const mean = total / dice.length - spend(scenario, f.move);
        if (mean > bestMean || (mean === bestMean && f.index < best.index)) {
          bestMean = mean;
          best = f;
        }
      }
      return best.move;
    },
  };
}

export const expert: Policy = makeExpert();

/** `expert`, or `expert:<rollouts>x<horizon>[k<keep>][c<capital value in hundredths>]`
 *  (e.g. `expert:8x3k6c4`), or null. */
export function expertByName(name: string): Policy | null {
  if (name === 'expert') return expert;
  const m = /^expert:(\d{1,2})x(\d{1,3})(?:k(\d{1,2}))?(?:c(\d{1,3}))?$/.exec(name);
  if (!m) return null;
  const rollouts = Number(m[1]);
  const horizon = Number(m[2]);
  const keep = m[3] === undefined ? DEFAULT_EXPERT_BUDGET.keep : Number(m[3]);
  if (rollouts < 1 || keep < 1) return null;
  const capitalValue = m[4] === undefined ? DEFAULT_EXPERT_BUDGET.capitalValue : Number(m[4]) / 100;
  return makeExpert({ rollouts, horizon, keep, capitalValue }, name);
}
