/**
 * The expert: a search-based player that shows how well the game can be played, so the
 * balance report can measure the skill ceiling (issue 7 §7).
 *
 * At every decision it considers each legal move — each open choice of the pending
 * event, or each available action and "end the turn" — in two rounds:
 *  1. every move is played on a copy of the state and ranked by where the position is
 *     heading (projection.ts: a deterministic estimate of the final score);
 *  2. the best few go on to Monte Carlo rollouts: the turn is ended, the game is played
 *     forward a few turns (events answered by the same estimate, no further actions),
 *     and the estimate of the position reached is averaged over the rollouts.
 * The move with the best mean is taken. Taking actions one at a time this way builds the
 * turn greedily: an action is taken only while one beats ending the turn.
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
import { act, availableActions, choose, type Command, endTurn, type GameState, nextFloat, offeredChoices, type RngState, rulesOf } from '../core/index.ts';
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import type { Policy } from './policy.ts';
import { projectedScore } from './projection.ts';

export interface ExpertBudget {
  /** Rollouts per finalist (the same imagined futures for every finalist). */
  rollouts: number;
  /** Turns each rollout plays after the current one before the position is valued. */
  horizon: number;
  /** Moves that go on to the rollouts after the first, deterministic ranking. */
  keep: number;
}

export const DEFAULT_EXPERT_BUDGET: ExpertBudget = { rollouts: 6, horizon: 3, keep: 4 };

const END_TURN: Command = { type: 'endTurn' };

/** A copy of the state that draws from `rng` (a copy of it), never the game's generator. */
function onOwnDice(s: GameState, rng: RngState): GameState {
  return { ...s, rng: { c: rng.c, s0: rng.s0, s1: rng.s1, s2: rng.s2 } };
}

/** Plays one command on a copy; null when the engine refuses it. */
function tryCommand(scenario: Scenario, s: GameState, c: Command): GameState | null {
  const r = c.type === 'act' ? act(scenario, s, c.action) : c.type === 'choose' ? choose(scenario, s, c.event, c.choice) : endTurn(scenario, s);
  return r.ok ? r.state : null;
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

/** The open choice of the pending event whose result the projection likes best. */
function bestChoice(scenario: Scenario, s: GameState, event: ScenarioEvent): Command {
  let best: Command = { type: 'choose', event: event.id, choice: event.choices[0]?.id ?? '' };
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const c of offeredChoices(scenario, s, event)) {
    const r = choose(scenario, s, event.id, c.id);
    if (!r.ok) continue;
    const v = positionValue(scenario, r.state);
    if (v > bestValue) {
      bestValue = v;
      best = { type: 'choose', event: event.id, choice: c.id };
    }
  }
  return best;
}

/**
 * Plays `start` forward until `lastTurn` has ended (or the game has): events are answered
 * by the projection, no action is taken, turns are ended. Returns the value reached.
 */
function rollout(scenario: Scenario, start: GameState, lastTurn: number): number {
  let s = start;
  for (let guard = 0; guard < 200 && !s.outcome && s.turn <= lastTurn; guard++) {
    const eventId = s.pending[0];
    const event = eventId === undefined ? undefined : rulesOf(scenario).eventById.get(eventId);
    const next = tryCommand(scenario, s, event ? bestChoice(scenario, s, event) : END_TURN);
    if (!next) break;
    s = next;
  }
  return positionValue(scenario, s);
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
        const after = move.type === 'endTurn' ? state : tryCommand(scenario, onOwnDice(state, dice[0] as RngState), move);
        if (after) ranked.push({ move, index, value: positionValue(scenario, after) });
      });
      ranked.sort((a, b) => b.value - a.value || a.index - b.index);
      const finalists = ranked.slice(0, keep);
      if (finalists.length === 1) return (finalists[0] as (typeof finalists)[number]).move;
      // Round 2: rollouts. An event's choice is followed by the rest of the turn as it
      // stands; an action or "end the turn" ends the turn at once.
      const lastTurn = Math.min(scenario.calendar.turns - 1, state.turn + horizon);
      let best = finalists[0] as (typeof finalists)[number];
      let bestMean = Number.NEGATIVE_INFINITY;
      for (const f of finalists) {
        let total = 0;
        for (const d of dice) {
          const after = tryCommand(scenario, onOwnDice(state, d), f.move);
          total += after ? rollout(scenario, after, lastTurn) : Number.NEGATIVE_INFINITY;
        }
        const mean = total / dice.length;
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

/** `expert`, or `expert:<rollouts>x<horizon>[k<keep>]` (e.g. `expert:8x10k6`), or null. */
export function expertByName(name: string): Policy | null {
  if (name === 'expert') return expert;
  const m = /^expert:(\d{1,2})x(\d{1,3})(?:k(\d{1,2}))?$/.exec(name);
  if (!m) return null;
  const rollouts = Number(m[1]);
  const horizon = Number(m[2]);
  const keep = m[3] === undefined ? DEFAULT_EXPERT_BUDGET.keep : Number(m[3]);
  if (rollouts < 1 || keep < 1) return null;
  return makeExpert({ rollouts, horizon, keep }, name);
}
