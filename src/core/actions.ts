/**
 * The player's actions: which are on offer, why one is not, what it costs, and what
 * the player can expect before committing.
 */
import type { Effect, Scenario, ScenarioAction } from '../scenario/types.ts';
import { monthIndex } from './calendar.ts';
import { holds } from './conditions.ts';
import { describeCondition } from './describe.ts';
import type { GameState } from './state.ts';
import { turnMonth } from './time.ts';
import type { Domain, WritableVar } from './vocabulary.ts';

export interface LegalAction {
  id: string;
  label: string;
  domain: Domain;
  text: string;
  cost: { capital: number; treasury: number };
  available: boolean;
  /** Why it is not available, in the player's words; absent when available. */
  reason?: string;
  /** Turns until it can be taken again, when only a cooldown stands in the way. */
  wait?: number;
  /** It has been taken as many times as it ever can be. */
  spent?: boolean;
  /** Immediate changes it would make; `chance` marks those that only may happen. */
  preview: PreviewItem[];
}

export interface PreviewItem {
  var: WritableVar;
  /** The change; for a random amount, the middle of its range (rounded toward zero). */
  delta: number;
  chance?: number;
  /** A random amount's range, [min, max]. */
  range?: [number, number];
}

const eraMonths = new WeakMap<NonNullable<ScenarioAction['era']>, { from: number; to: number }>();

/** Whether the current turn falls inside the action's era (the period it belongs to). */
export function inEra(scenario: Scenario, s: GameState, a: ScenarioAction): boolean {
  return inEraOfTurn(scenario, s.turn, a);
}

function inEraOfTurn(scenario: Scenario, turn: number, a: ScenarioAction): boolean {
  if (!a.era) return true;
  // The era's months, read once (scripted players ask every action, every move).
  let months = eraMonths.get(a.era);
  if (!months) {
    months = {
      from: a.era.from === undefined ? Number.NEGATIVE_INFINITY : monthIndex(a.era.from),
      to: a.era.to === undefined ? Number.POSITIVE_INFINITY : monthIndex(a.era.to),
    };
    eraMonths.set(a.era, months);
  }
  const first = turnMonth(scenario, turn);
  const last = first + scenario.calendar.monthsPerTurn - 1;
  return last >= months.from && first <= months.to;
}

/** Why an action cannot be taken now, or null when it can. */
export function unavailableReason(scenario: Scenario, s: GameState, a: ScenarioAction): string | null {
  return turnReason(scenario, s, a) ?? stateReason(scenario, s, a);
}

/**
 * The part of the reason bound to the turn and the action's own use — the game's end,
 * the period, a waiting event, this turn's use, the limit, the cooldown — which no other
 * action taken this turn can lift. Null when none applies.
 */
export function turnReason(scenario: Scenario, s: GameState, a: ScenarioAction): string | null {
  if (s.outcome) return 'The game is over.';
  if (s.awaiting) return 'The powers are answering.';
  if (!inEra(scenario, s, a)) return 'Not open in this period.';
  if (s.locked?.includes(a.id)) return 'Locked by your teacher for this exercise.';
  if (s.pending.length > 0) return 'Answer the event first.';
  if (s.lastTaken[a.id] === s.turn) return 'Already done this turn.';
  const uses = s.uses[a.id] ?? 0;
  if (a.limit !== undefined && uses >= a.limit) return a.limit === 1 ? 'Already done.' : `Already done ${uses} times, the most allowed.`;
  const last = s.lastTaken[a.id];
  if (a.cooldown > 0 && last !== undefined && s.turn - last <= a.cooldown) {
    const wait = a.cooldown - (s.turn - last) + 1;
    return `Available again in ${wait} turn${wait === 1 ? '' : 's'}.`;
  }
  return null;
}

/** Whether `turnReason` is null, without putting the reason into words. */
export function turnOpen(scenario: Scenario, s: GameState, a: ScenarioAction): boolean {
  return inEra(scenario, s, a) && turnOpenInEra(s, a);
}

/** `turnOpen` of an action of `actionsInEra(scenario, s.turn)`, whose era is known to admit
 *  the turn: the policies ask it of every action at every decision. */
export function turnOpenInEra(s: GameState, a: ScenarioAction): boolean {
  if (s.outcome || s.awaiting || s.locked?.includes(a.id) || s.pending.length > 0) return false;
  const last = s.lastTaken[a.id];
  if (last === s.turn) return false;
  if (a.limit !== undefined && (s.uses[a.id] ?? 0) >= a.limit) return false;
  return !(a.cooldown > 0 && last !== undefined && s.turn - last <= a.cooldown);
}

/** Whether `stateReason` is null, without putting the reason into words. */
export function stateOpen(scenario: Scenario, s: GameState, a: ScenarioAction): boolean {
  return holds(scenario, s, a.when) && s.capital >= a.cost.capital && !(a.cost.treasury > 0 && s.treasury < a.cost.treasury);
}

/** Whether an action can be taken now (`unavailableReason` is null), without the reason's words. */
export function canTake(scenario: Scenario, s: GameState, a: ScenarioAction): boolean {
  return turnOpen(scenario, s, a) && stateOpen(scenario, s, a);
}

/** The part of the reason another move can change: the action's conditions and its cost. */
export function stateReason(scenario: Scenario, s: GameState, a: ScenarioAction): string | null {
  if (!holds(scenario, s, a.when)) return a.whenText ?? `Needs: ${a.when ? describeCondition(scenario, a.when) : ''}.`;
  if (s.capital < a.cost.capital) return `Needs ${a.cost.capital} political capital; you have ${s.capital}.`;
  if (a.cost.treasury > 0 && s.treasury < a.cost.treasury) return `Needs $${a.cost.treasury}m; the treasury holds $${s.treasury}m.`;
  return null;
}

/** The actions that can be taken now, without previews: what scripted players need. */
export function availableActions(scenario: Scenario, s: GameState): ScenarioAction[] {
  return actionsInEra(scenario, s.turn).filter((a) => turnOpenInEra(s, a) && stateOpen(scenario, s, a));
}

/** Kept by the scenario's list of actions (a scenario is never changed once loaded). */
const eraActions = new WeakMap<readonly ScenarioAction[], Map<number, ScenarioAction[]>>();

/** The actions whose era admits the turn, in scenario order: the only ones `turnOpen`
 *  can pass (scripted players ask for them every move, and most actions belong to
 *  another period of a campaign). */
export function actionsInEra(scenario: Scenario, turn: number): ScenarioAction[] {
  let byTurn = eraActions.get(scenario.actions);
  if (!byTurn) {
    byTurn = new Map();
    eraActions.set(scenario.actions, byTurn);
  }
  let list = byTurn.get(turn);
  if (!list) {
    list = scenario.actions.filter((a) => inEraOfTurn(scenario, turn, a));
    byTurn.set(turn, list);
  }
  return list;
}

/** The actions of the current period, each with its cost, availability and preview. */
export function legalActions(scenario: Scenario, s: GameState): LegalAction[] {
  return scenario.actions
    .filter((a) => inEra(scenario, s, a))
    .map((a) => {
      const reason = unavailableReason(scenario, s, a);
      const item: LegalAction = {
        id: a.id,
        label: a.label,
        domain: a.domain,
        text: a.text,
        cost: { capital: a.cost.capital, treasury: a.cost.treasury },
        available: reason === null,
        preview: previewEffects(scenario, s, a.effects),
      };
      if (reason !== null) item.reason = reason;
      const uses = s.uses[a.id] ?? 0;
      if (a.limit !== undefined && uses >= a.limit) item.spent = true;
      const last = s.lastTaken[a.id];
      if (reason !== null && a.cooldown > 0 && last !== undefined && s.turn - last <= a.cooldown && last !== s.turn) {
        item.wait = a.cooldown - (s.turn - last) + 1;
      }
      return item;
    });
}

/**
 * The changes a list of effects would make, read without running them: `if` branches
 * are decided on the current state, `chance` branches are listed with their odds. No
 * random draw is made, so a preview never reveals or disturbs what will happen.
 */
export function previewEffects(scenario: Scenario, s: GameState, effects: readonly Effect[], chance = 100, depth = 0): PreviewItem[] {
  const out: PreviewItem[] = [];
  if (depth > 8) return out;
  for (const e of effects) {
    if (e.op === 'add') {
      const item: PreviewItem =
        typeof e.delta === 'number'
          ? { var: e.var, delta: e.delta }
          : { var: e.var, delta: Math.trunc((e.delta.min + e.delta.max) / 2), range: [e.delta.min, e.delta.max] };
      if (chance < 100) item.chance = chance;
      out.push(item);
    } else if (e.op === 'if') {
      out.push(...previewEffects(scenario, s, holds(scenario, s, e.when) ? e.then : (e.else ?? []), chance, depth + 1));
    } else if (e.op === 'chance') {
      out.push(...previewEffects(scenario, s, e.then, Math.round((chance * e.percent) / 100), depth + 1));
      if (e.else) out.push(...previewEffects(scenario, s, e.else, Math.round((chance * (100 - e.percent)) / 100), depth + 1));
    }
  }
  return out;
}
