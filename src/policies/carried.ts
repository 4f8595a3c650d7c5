/**
 * Readings carried from one decision to the next of the same turn. The balancer and the
 * partisans decide a turn's moves one at a time (~3.4 decisions a turn for the
 * balancer), and each decision used to read the position afresh: every power's agenda,
 * its ties, the trends and the closed actions' conditions. Between two decisions the
 * engine has made just the move the policy chose, and what that move can write is known
 * from the action alone (`actionWrites`): the readings it cannot have changed are kept
 * (readings.ts `moveOn`), whatever the engine drew for it.
 */
import { type GameState, PART } from '../core/index.ts';
import type { Effect, Scenario, ScenarioAction } from '../scenario/types.ts';
import type { PolicyContext } from './policy.ts';
import { SLOTS } from './quickDraft.ts';
import { Readings } from './readings.ts';
import type { Written } from './written.ts';

const writes = new WeakMap<ScenarioAction, Written | null>();

/**
 * Everything taking `a` can write, every branch of its `if` and `chance` effects
 * included, in the terms of a quick look (quickLook.ts: act's cost, use and turn taken,
 * then the effects): a superset of what the engine writes, whatever it draws. Null when
 * an effect is one a quick look leaves to the engine (a field, a loss, a win), and for
 * the schedule (`event`, `cancel`): an event the move makes due at once may fire before
 * the next decision and write what its own effects write.
 */
export function actionWrites(a: ScenarioAction): Written | null {
  let w = writes.get(a);
  if (w === undefined) {
    const all: Written = { bits: PART.lastTaken, flags: [], fired: [], chosen: [], uses: [a.id], vars: 0 };
    w = addVar(all, 'capital') && (a.cost.treasury <= 0 || addVar(all, 'treasury')) && addEffects(all, a.effects, 0) ? all : null;
    writes.set(a, w);
  }
  return w;
}

function addVar(w: Written, v: string): boolean {
  const slot = SLOTS.get(v);
  // A variable the draft has no place for is left unchanged by a quick look; the engine
  // may differ, so nothing is carried.
  if (!slot) return false;
  w.vars = (w.vars as number) | slot.bit;
  w.bits |= slot.part;
  return true;
}

function addEffects(w: Written, effects: readonly Effect[], depth: number): boolean {
  if (depth > 32) return false;
  for (const e of effects) {
    switch (e.op) {
      case 'add':
      case 'set':
        if (!addVar(w, e.var)) return false;
        break;
      case 'flag':
        w.flags.push(e.flag);
        break;
      case 'inc':
      case 'dec':
        w.flags.push(e.counter);
        break;
      case 'route':
        w.bits |= PART.routes;
        break;
      case 'if':
      case 'chance':
        if (!addEffects(w, e.then, depth + 1) || !addEffects(w, e.else ?? [], depth + 1)) return false;
        break;
      case 'leader':
        w.bits |= PART.leader;
        break;
      default:
        return false;
    }
  }
  return true;
}

const drawless = new WeakMap<ScenarioAction, boolean>();

/** Whether taking `a` draws nothing from the game's generator (no `chance`, no range), so
 *  that the position it leads to is the same whatever generator the move is made with. */
export function drawsNothing(a: ScenarioAction): boolean {
  let d = drawless.get(a);
  if (d === undefined) {
    d = effectsDrawNothing(a.effects, 0);
    drawless.set(a, d);
  }
  return d;
}

function effectsDrawNothing(effects: readonly Effect[], depth: number): boolean {
  if (depth > 32) return false;
  for (const e of effects) {
    switch (e.op) {
      case 'add':
        if (typeof e.delta !== 'number') return false;
        break;
      case 'inc':
      case 'dec':
        if (e.by !== undefined && typeof e.by !== 'number') return false;
        break;
      case 'route':
        if (e.add?.capacity !== undefined && typeof e.add.capacity !== 'number') return false;
        break;
      case 'if':
        if (!effectsDrawNothing(e.then, depth + 1) || !effectsDrawNothing(e.else ?? [], depth + 1)) return false;
        break;
      case 'set':
      case 'flag':
      case 'leader':
        break;
      default:
        // `chance` draws; the schedule and the engine's own effects are never carried.
        return false;
    }
  }
  return true;
}

/** What a decision left for the next: its readings, the action it chose and how the
 *  turn's record stood, to tell that the engine made that move and nothing else; and the
 *  score of the position after that action as the decision worked it out (NaN if not exact). */
interface Carry {
  s: GameState;
  turn: number;
  readings: Readings;
  action: ScenarioAction;
  actions: number;
  choices: number;
  score: number;
}

/** The score carried with a decision's readings (see `carriedScore`). */
const scores = new WeakMap<Readings, number>();

/**
 * The policy's score of the position `readings` are of, as the last decision worked it out
 * when it weighed the move the engine then made: that decision's look at the move reached
 * the engine's position in everything a score reads (quickLook.ts; the move draws nothing,
 * so the generators do not matter), with the same readings (readings.ts). Undefined when
 * not known: the score is worked out afresh.
 */
export function carriedScore(readings: Readings): number | undefined {
  return scores.get(readings);
}

const carried = new WeakMap<PolicyContext, Carry>();

/** The readings of `s` for a decision: the last decision's, moved on by the move it chose
 *  when the engine has made exactly that move since, or read afresh. */
export function readingsFor(ctx: PolicyContext, scenario: Scenario, s: GameState): Readings {
  const c = carried.get(ctx);
  if (c === undefined) return new Readings(scenario, s);
  carried.delete(ctx);
  const record = s.current;
  if (
    c.s === s &&
    c.turn === s.turn &&
    s.outcome === null &&
    record.actions.length === c.actions + 1 &&
    record.actions[c.actions] === c.action.id &&
    record.choices.length === c.choices
  ) {
    const w = actionWrites(c.action);
    if (w) {
      c.readings.moveOn(s, w);
      if (!Number.isNaN(c.score) && drawsNothing(c.action)) scores.set(c.readings, c.score);
      else scores.delete(c.readings);
      return c.readings;
    }
  }
  return new Readings(scenario, s);
}

/** Keeps a decision's readings for the next decision of the game, when it chose `action`;
 *  `score`: the policy's exact score of the position after `action` (NaN if not known). */
export function carryReadings(ctx: PolicyContext, s: GameState, readings: Readings | null, action: ScenarioAction | null, score = Number.NaN): void {
  if (readings === null || action === null) {
    carried.delete(ctx);
    return;
  }
  carried.set(ctx, { s, turn: s.turn, readings, action, actions: s.current.actions.length, choices: s.current.choices.length, score });
}
