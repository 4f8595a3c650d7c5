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
  // Keys, then each value read (the same order as Object.entries, without a pair per entry).
  const chosen: number[] = [];
  for (const id of Object.keys(s.chosen)) {
    const choice = s.chosen[id];
    const i = ix.events.get(id);
    if (i === undefined) continue;
    const j = scenario.events[i]?.choices.findIndex((c) => c.id === choice) ?? -1;
    if (j >= 0) chosen.push(i, j);
  }
  const uses: number[] = [];
  for (const id of Object.keys(s.uses)) {
    const n = s.uses[id] as number;
    const i = ix.actions.get(id);
    if (i !== undefined && n > 0) uses.push(i, n);
  }
  const facts: GameFacts = { fired, chosen, uses, endTurn: s.turn };
  if (s.outcome?.status === 'lost') facts.lostBy = s.flags[`lost-${s.outcome.reason}`] === true ? 'effect' : 'rule';
  return facts;
}

/**
 * The lists of many games' facts counted, as the lab reads them: a balance worker counts
 * each job's games and hands back these few hundred numbers instead of every game's lists
 * (a 10,000-game run carried ~1.5 million facts to the main thread, which unpacked them,
 * kept them and counted them after the last game, with both cores otherwise idle).
 */
export interface FactTally {
  /** Games each event fired in, by index in scenario.events. */
  fired: Float64Array;
  /** Times each choice was made: each event's choices in turn (see `choiceStarts`). */
  chosen: Float64Array;
  /** Each (event, choice) made, in the order first made (game by game, each game's pairs
   *  in order), as pairs of indexes: the order of the report's keys. */
  firstMade: number[];
  /** Times each action was taken, by index in scenario.actions; `taken` 1 when any game took it. */
  uses: Float64Array;
  taken: Uint8Array;
}

const starts = new WeakMap<Scenario, number[]>();

/** Where each event's choices start in a tally's `chosen`; the last entry is the length. */
export function choiceStarts(scenario: Scenario): number[] {
  let at = starts.get(scenario);
  if (!at) {
    at = [0];
    for (const e of scenario.events) at.push((at[at.length - 1] as number) + e.choices.length);
    starts.set(scenario, at);
  }
  return at;
}

export function emptyTally(scenario: Scenario): FactTally {
  return {
    fired: new Float64Array(scenario.events.length),
    chosen: new Float64Array(choiceStarts(scenario)[scenario.events.length] as number),
    firstMade: [],
    uses: new Float64Array(scenario.actions.length),
    taken: new Uint8Array(scenario.actions.length),
  };
}

/** Counts one game's facts into `t` (after the games counted before it). */
export function tallyGame(scenario: Scenario, t: FactTally, facts: GameFacts): void {
  const at = choiceStarts(scenario);
  const f = facts.fired;
  for (let k = 0; k < f.length; k++) {
    const i = f[k] as number;
    t.fired[i] = (t.fired[i] as number) + 1;
  }
  const c = facts.chosen;
  for (let k = 0; k + 1 < c.length; k += 2) {
    const e = c[k] as number;
    const j = c[k + 1] as number;
    if (!scenario.events[e]?.choices[j]) continue;
    const place = (at[e] as number) + j;
    if (t.chosen[place] === 0) t.firstMade.push(e, j);
    t.chosen[place] = (t.chosen[place] as number) + 1;
  }
  const u = facts.uses;
  for (let k = 0; k + 1 < u.length; k += 2) {
    const i = u[k] as number;
    t.uses[i] = (t.uses[i] as number) + (u[k + 1] as number);
    t.taken[i] = 1;
  }
}

/** Adds the tally of later games, `later`, to `t`: the same counts, and the same order of
 *  first choices, as counting all their games one after the other. */
export function addTally(scenario: Scenario, t: FactTally, later: FactTally): void {
  const at = choiceStarts(scenario);
  for (let k = 0; k + 1 < later.firstMade.length; k += 2) {
    const e = later.firstMade[k] as number;
    const j = later.firstMade[k + 1] as number;
    if (t.chosen[(at[e] as number) + j] === 0) t.firstMade.push(e, j);
  }
  for (let i = 0; i < t.fired.length; i++) t.fired[i] = (t.fired[i] as number) + (later.fired[i] as number);
  for (let i = 0; i < t.chosen.length; i++) t.chosen[i] = (t.chosen[i] as number) + (later.chosen[i] as number);
  for (let i = 0; i < t.uses.length; i++) {
    t.uses[i] = (t.uses[i] as number) + (later.uses[i] as number);
    if (later.taken[i] === 1) t.taken[i] = 1;
  }
}
