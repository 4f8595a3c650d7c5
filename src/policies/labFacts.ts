/**
 * What the balance lab needs to know of one finished game, beyond its score: which
 * events fired, which choices were made, how often each action was taken, and whether a
 * loss came from a lose rule's condition or from a `lose` effect. Kept as numbers
 * (indexes into the scenario's lists) so thousands of games cross between worker threads
 * cheaply.
 */
import type { GameState } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';

export interface GameFacts {
  /** Indexes of the events that fired. */
  fired: number[];
  /** Pairs: event index, index of the choice made. */
  chosen: number[];
  /** Pairs: action index, times taken. */
  uses: number[];
  /** For a lost game: a lose rule whose condition held, or an effect that named it. */
  lostBy?: 'rule' | 'effect';
  /** The turn the game ended in (0 is the first). */
  endTurn: number;
}

const indexes = new WeakMap<Scenario, { events: Map<string, number>; actions: Map<string, number> }>();

function indexOf(scenario: Scenario) {
  let ix = indexes.get(scenario);
  if (!ix) {
    ix = { events: new Map(scenario.events.map((e, i) => [e.id, i])), actions: new Map(scenario.actions.map((a, i) => [a.id, i])) };
    indexes.set(scenario, ix);
  }
  return ix;
}

export function gameFacts(scenario: Scenario, s: GameState): GameFacts {
  const ix = indexOf(scenario);
  const fired: number[] = [];
  for (const id of Object.keys(s.fired)) {
    const i = ix.events.get(id);
    if (i !== undefined) fired.push(i);
  }
  const chosen: number[] = [];
  for (const [id, choice] of Object.entries(s.chosen)) {
    const i = ix.events.get(id);
    if (i === undefined) continue;
    const j = scenario.events[i]?.choices.findIndex((c) => c.id === choice) ?? -1;
    if (j >= 0) chosen.push(i, j);
  }
  const uses: number[] = [];
  for (const [id, n] of Object.entries(s.uses)) {
    const i = ix.actions.get(id);
    if (i !== undefined && n > 0) uses.push(i, n);
  }
  const facts: GameFacts = { fired, chosen, uses, endTurn: s.turn };
  if (s.outcome?.status === 'lost') facts.lostBy = s.flags[`lost-${s.outcome.reason}`] === true ? 'effect' : 'rule';
  return facts;
}
