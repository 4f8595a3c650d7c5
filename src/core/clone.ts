/**
 * How an operation writes. Every public operation returns a new state and leaves its
 * input untouched, but copying the whole state for every click would dominate the
 * engine's cost. So an operation works on a draft, in one of three ways:
 *
 *  - copy-on-write (the default, what `act`, `choose`, `endTurn` and `apply` do): the
 *    draft is a shallow copy of the top level whose nested parts are copied the first
 *    time the operation writes to them (`own*`); parts no one writes stay shared with
 *    the input — safe, because nothing ever writes to them again;
 *  - in place (`advance`, which `replay` and the headless runner use): the caller owns
 *    the state outright and nobody else holds it, so nothing is copied at all;
 *  - journaled (`whatIf`, a policy's look at a move it may not make): the keyed records
 *    (flags, fired, chosen, uses, lastTaken) and the string table are written in place
 *    and every write is journaled, then undone when the look is over. Copying a record
 *    with a hundred keys costs far more than the move itself, and a policy looks at
 *    every move it might make.
 *
 * Which parts the draft owns is tracked here, for the one operation running (operations
 * are synchronous and never nested), and forgotten when it finishes; the journal lives
 * only while a look lasts. No game data lives here, so nothing here changes a result.
 * A state that is not the running draft (one newGame is building, one owned in place)
 * owns everything.
 */
import { copyMeters, copyPower, copyPowers, copyRecord, copyRoute, copyField, shallow } from './copies.ts';
import { emptyTouched, PART, type Touched } from './reads.ts';
import { addString, findString, keepNumbering, type Numbered, numberFor, withString } from './strings.ts';
import type { FieldState, GameState, PowerState, RouteState, TurnRecord } from './state.ts';
import type { PowerId } from './vocabulary.ts';

let activeDraft: GameState | null = null;
const owned = new Set<object>();
/** The part claimed last: most claims in a row ask for the same list or record again. */
let lastOwned: object | null = null;
/** The state the running operation may change in place, if any. */
let inPlace: GameState | null = null;

export function beginDraft(s: GameState): GameState {
  if (s === inPlace) {
    activeDraft = null;
    return s;
  }
  // Listed field by field: one object shape for every draft keeps the copy fast.
  const d: GameState = {
    version: s.version,
    scenarioId: s.scenarioId,
    scenarioHash: s.scenarioHash,
    seed: s.seed,
    difficulty: s.difficulty,
    turn: s.turn,
    leader: s.leader,
    meters: s.meters,
    treasury: s.treasury,
    capital: s.capital,
    revenue: s.revenue,
    powers: s.powers,
    routes: s.routes,
    fields: s.fields,
    flags: s.flags,
    fired: s.fired,
    chosen: s.chosen,
    uses: s.uses,
    lastTaken: s.lastTaken,
    pending: s.pending,
    scheduled: s.scheduled,
    active: s.active,
    strings: s.strings,
    current: s.current,
    history: s.history,
    outcome: s.outcome,
    // The generator state is four numbers and nearly every operation draws: copy it now.
    rng: { c: s.rng.c, s0: s.rng.s0, s1: s.rng.s1, s2: s.rng.s2 },
  };
  if (s.won !== undefined) d.won = s.won;
  if (s.humans !== undefined) d.humans = s.humans;
  if (s.awaiting !== undefined) d.awaiting = s.awaiting;
  if (s.locked !== undefined) d.locked = s.locked;
  activeDraft = d;
  // Emptied rather than replaced: a policy's looks begin thousands of drafts a game.
  owned.clear();
  lastOwned = null;
  return d;
}

export function finishDraft(d: GameState): GameState {
  if (activeDraft === d) {
    activeDraft = null;
    owned.clear();
    lastOwned = null;
  }
  return d;
}

/** Whether `s` is the draft of the running operation (copied on write), not a state owned in place. */
export function drafting(s: GameState): boolean {
  return s === activeDraft;
}

/** Runs `op` with `s` as a state it may change in place (the caller owns it outright). */
export function inPlaceOn<T>(s: GameState, op: () => T): T {
  const outer = inPlace;
  inPlace = s;
  try {
    return op();
  } finally {
    inPlace = outer;
  }
}

function claim<T extends object>(d: GameState, current: T, copy: (x: T) => T): T {
  if (d !== activeDraft || current === lastOwned) return current;
  if (owned.has(current)) {
    lastOwned = current;
    return current;
  }
  const fresh = copy(current);
  owned.add(fresh);
  lastOwned = fresh;
  return fresh;
}

type OwnableKey = 'meters' | 'powers' | 'routes' | 'fields' | 'flags' | 'fired' | 'chosen' | 'uses' | 'lastTaken' | 'pending' | 'scheduled' | 'active';

/** The draft's own copy of one top-level part, safe to change. */
export function own<K extends OwnableKey>(d: GameState, key: K): GameState[K] {
  // A state no operation is drafting owns everything (replay and the runners play in
  // place): hand the part over without the claim and the write back.
  if (d !== activeDraft) return d[key];
  const copy = key === 'meters' ? copyMeters : key === 'powers' ? copyPowers : shallow;
  const mine = claim(d, d[key] as GameState[K] & object, copy as unknown as (x: GameState[K] & object) => GameState[K] & object);
  d[key] = mine;
  return mine;
}

export function ownPower(d: GameState, id: PowerId): PowerState {
  if (d !== activeDraft) return d.powers[id];
  const powers = own(d, 'powers');
  const mine = claim(d, powers[id], copyPower);
  powers[id] = mine;
  return mine;
}

export function ownCooldowns(d: GameState, id: PowerId): Record<string, number> {
  if (d !== activeDraft) return d.powers[id].cooldowns;
  const power = ownPower(d, id);
  const mine = claim(d, power.cooldowns, shallow);
  power.cooldowns = mine;
  return mine;
}

/** The draft's own copy of one entry of a keyed part (a route, a field), or undefined. */
function ownEntry<T extends object>(d: GameState, key: 'routes' | 'fields', id: string, copy: (x: T) => T): T | undefined {
  const current = (d[key] as unknown as Record<string, T>)[id];
  if (!current || d !== activeDraft) return current;
  const mine = claim(d, current, copy);
  (own(d, key) as unknown as Record<string, T>)[id] = mine;
  return mine;
}

export function ownRoute(d: GameState, id: string): RouteState | undefined {
  return ownEntry(d, 'routes', id, copyRoute);
}

export function ownField(d: GameState, id: string): FieldState | undefined {
  return ownEntry(d, 'fields', id, copyField);
}

type RecordList = 'actions' | 'choices' | 'events' | 'responses' | 'changes';
/** A list of the turn being played (its changes are packed only once it closes: turn.ts). */
type OpenList<K extends RecordList> = Exclude<TurnRecord[K], string>;

/** The draft's own copy of one list of the turn being played, safe to append to (and
 *  only to: during a look the list is the shared one, cut back to length afterwards). */
export function ownTurnList<K extends RecordList>(d: GameState, key: K): OpenList<K> {
  if (journal && d === activeDraft && !owned.has(d.current)) {
    const list = d.current[key] as OpenList<K>;
    if (list !== lastJournaled) {
      const length = list.length;
      journal.push(() => {
        list.length = length;
      });
      lastJournaled = list;
    }
    return list;
  }
  if (d !== activeDraft) return d.current[key] as OpenList<K>;
  const record = claim(d, d.current, copyRecord);
  d.current = record;
  const mine = claim(d, record[key] as OpenList<K> & object, shallow);
  record[key] = mine;
  return mine;
}

/** ownTurnList(d, 'changes'): the list every change goes to, read by name when the state is
 *  owned in place (the general path reads the record by a key that varies, V8's slow path). */
export function ownChanges(d: GameState): number[] {
  return d !== activeDraft ? (d.current.changes as number[]) : ownTurnList(d, 'changes');
}

// ---- Keyed records: written entry by entry, so a look can undo them ----

type KeyedPart = 'flags' | 'fired' | 'chosen' | 'uses' | 'lastTaken';
type Journal = (() => void)[];
/** Undo steps of the look in progress (each look keeps its own); null when none runs. */
let journal: Journal | null = null;
/** The turn list whose length the running look has noted last (noted once is enough). */
let lastJournaled: unknown[] | null = null;
/** What the running look has written to keyed records, entry by entry. */
let touched: Touched | null = null;

/** Sets one entry of a keyed record (`undefined` deletes it). */
export function setEntry<K extends KeyedPart>(d: GameState, key: K, id: string, value: GameState[K][string] | undefined): void {
  const dict = d[key] as Record<string, unknown>;
  let target = dict;
  if (d === activeDraft && !owned.has(dict)) {
    if (journal) {
      const had = Object.hasOwn(dict, id);
      const old = dict[id];
      journal.push(() => {
        if (had) dict[id] = old;
        else delete dict[id];
      });
      if (touched) {
        if (key === 'lastTaken') touched.bits |= PART.lastTaken;
        else touched[key as 'flags' | 'fired' | 'chosen' | 'uses'].push(id);
      }
    } else {
      target = claim(d, dict, shallow);
      (d as unknown as Record<string, unknown>)[key] = target;
    }
  }
  if (value === undefined) delete target[id];
  else target[id] = value;
}

// ---- The string table (strings.ts): every variable name and cause the history records, once ----

const journalStep = (step: () => void): void => {
  journal?.push(step);
};

/** The index of a string in the state's table, adding it at the end if it is new. A cause
 *  built from numbers is kept as its code (causes.ts): read entries back with causeText.
 *  A caller that keeps the string's number (a Cause) passes it with the string. */
export function internString(d: GameState, sentence: string | Numbered): number {
  const table = d.strings;
  keepNumbering(table);
  const text = typeof sentence === 'string' ? sentence : sentence.text;
  const n = typeof sentence === 'string' ? undefined : numberFor(sentence);
  // A look writes the shared table in place and undoes it afterwards (its positions too).
  const inLook = journal !== null && d === activeDraft && !owned.has(table);
  const found = findString(table, text, inLook ? journalStep : null, n, typeof sentence === 'string' ? undefined : sentence);
  if (found >= 0) return found;
  if (d !== activeDraft || owned.has(table)) return addString(table, text, null, n);
  if (inLook) return addString(table, text, journalStep, n);
  const mine = withString(table, text, n);
  owned.add(mine);
  d.strings = mine;
  return mine.length - 1;
}

/**
 * Runs `look` with a journal: keyed records and the string table written meanwhile are
 * restored when it returns (or throws). Looks nest. What the look works on shares those
 * records with the state it came from, so it is valid only until `look` returns. `look`
 * receives the entries of keyed records written in place meanwhile (filled in as they
 * are written).
 */
export function journaled<T>(look: (written: Touched) => T): T {
  const outer = journal;
  const outerTouched = touched;
  const steps: Journal = [];
  const mine = emptyTouched();
  journal = steps;
  touched = mine;
  lastJournaled = null;
  try {
    return look(mine);
  } finally {
    for (let i = steps.length - 1; i >= 0; i--) (steps[i] as () => void)();
    journal = outer;
    touched = outerTouched;
    lastJournaled = null;
  }
}
