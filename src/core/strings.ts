/**
 * The string table: every variable name and cause a game's history records, once, in the
 * order they were first recorded (`GameState.strings`); a change refers to them by position.
 *
 * Finding a string's position is asked ~3,000 times a campaign, and every game starts an
 * empty table that grows to ~400 strings. A map per table cost a hash lookup per change and
 * ~500 insertions (and the map's regrowth) per game. So each distinct string gets a number
 * once per process (`registry`), and each table keeps an array from that number to the
 * string's position: a game adds array entries, not map entries. Nothing here is game data:
 * the registry and the arrays are caches beside the tables, rebuilt from a table when
 * missing, and they change no position a table hands out.
 */
import { codesMade, storedForm } from './causes.ts';

/** A string's number, given the first time it is asked for (the sentence and its code each have one). */
const registry = new Map<string, number>();
/** Past this many strings the registry starts afresh (`keepNumbering`: a runaway source of
 *  strings only loses the speed-up; each table's positions are rebuilt from it when stale). */
const REGISTRY_LIMIT = 200_000;
/** Bumped when the registry starts afresh, so positions kept under old numbers are dropped. */
let generation = 0;

/** A string a caller asks for often (a Cause, causes.ts), with its number kept, and the
 *  form a table stores it in (`storedFormOf`) with that form's number. */
export interface Numbered {
  readonly text: string;
  n: number;
  generation: number;
  stored: string;
  /** How many codes had been made when `stored` was found (-1: not yet). */
  storedCodes: number;
  storedN: number;
  storedGeneration: number;
}

/** The number of `x.text`, looked up only the first time (and after the registry starts afresh). */
export function numberFor(x: Numbered): number {
  if (x.generation !== generation) {
    x.n = numberOf(x.text);
    x.generation = generation;
  }
  return x.n;
}

/**
 * `storedForm(x.text)`, kept on x: causes.ts only ever adds codes, so the answer stands
 * while no code has been made since (a code found would stand for good). A game's table
 * starts empty and a look's entries are undone, so a cause is not found in its table
 * ~600 times a game, and each time its stored form and that form's number were two
 * map lookups.
 */
function storedFormOf(x: Numbered): string {
  const made = codesMade();
  if (x.storedCodes !== made) {
    x.stored = storedForm(x.text);
    x.storedCodes = made;
    x.storedGeneration = -1;
  }
  return x.stored;
}

/** The number of x's stored form (`storedFormOf` first). */
function storedNumberOf(x: Numbered): number {
  if (x.storedGeneration !== generation) {
    x.storedN = numberOf(x.stored);
    x.storedGeneration = generation;
  }
  return x.storedN;
}

function numberOf(text: string): number {
  let n = registry.get(text);
  if (n === undefined) {
    n = registry.size;
    registry.set(text, n);
  }
  return n;
}

/**
 * Starts the numbering afresh when the registry has grown past its limit (and to twice
 * the table about to be read, which is numbered again at once). Called before a lookup,
 * never during one: a number handed out before the fresh start would name another string
 * after it.
 */
export function keepNumbering(table: string[]): void {
  if (registry.size >= REGISTRY_LIMIT && registry.size >= 2 * table.length) {
    registry.clear();
    generation++;
  }
}

/** A table's positions by string number: `at[numberOf(x)]` is where x (or the code x is
 *  kept as) first sits in the table; a hole (or -1) when it is not there (yet). Sized to
 *  the registry and never written past its end: a plain array written far past its end
 *  turns into a hash table. */
interface Positions {
  generation: number;
  at: (number | undefined)[];
}

/** Kept beside each table (by its identity), never in the state: a table read from JSON
 *  gets its positions on first use. */
const positions = new WeakMap<string[], Positions>();
let lastTable: string[] | null = null;
let lastPositions: Positions | null = null;

/**
 * An array of holes, not an Int32Array of -1s: a typed array keeps its numbers outside
 * V8's heap, and allocating that store (~3,700 numbers, once a game) took 25–50 µs inside
 * a balance worker, which allocates much else (~1.5 % of its time; 2 µs alone in a loop);
 * `new Array(n)` is one allocation in the young generation.
 */
function emptyPositions(size: number): (number | undefined)[] {
  return new Array(Math.max(64, size * 2));
}

function positionsOf(table: string[]): Positions {
  if (table === lastTable && lastPositions !== null && lastPositions.generation === generation) return lastPositions;
  let p = positions.get(table);
  if (p === undefined || p.generation !== generation) {
    p = { generation, at: emptyPositions(registry.size) };
    for (let i = 0; i < table.length; i++) {
      const n = numberOf(table[i] as string);
      if (positionAt(p, n) < 0) setPosition(p, n, i);
    }
    positions.set(table, p);
  }
  lastTable = table;
  lastPositions = p;
  return p;
}

/** Where string number `n` sits, or -1. */
function positionAt(p: Positions, n: number): number {
  if (n >= p.at.length) return -1;
  const at = p.at[n];
  return at === undefined ? -1 : at;
}

function setPosition(p: Positions, n: number, position: number): void {
  if (n >= p.at.length) {
    const grown = emptyPositions(n + 1);
    for (let i = 0; i < p.at.length; i++) grown[i] = p.at[i];
    p.at = grown;
  }
  p.at[n] = position;
}

/** Where a look's undo steps go; null outside a look (what is noted then stays). */
export type Undo = ((step: () => void) => void) | null;

/**
 * The position of `sentence` in `table`, or -1 when it is not there. The table may hold
 * the sentence as its code (causes.ts: a table read from JSON, or one that met the code
 * first): the sentence then finds the code's position from now on. `x`: the sentence as
 * a Numbered (its number `n`), which keeps its stored form.
 */
export function findString(table: string[], sentence: string, undo: Undo, n = numberOf(sentence), x?: Numbered): number {
  const p = positionsOf(table);
  const found = positionAt(p, n);
  if (found >= 0) return found;
  const text = x === undefined ? storedForm(sentence) : storedFormOf(x);
  missed = sentence;
  missedText = text;
  if (text === sentence) return -1;
  missedCode = x === undefined ? numberOf(text) : storedNumberOf(x);
  const coded = positionAt(p, missedCode);
  if (coded < 0) return -1;
  missed = null;
  note(p, n, coded, undo);
  return coded;
}

/** The sentence `findString` did not find last, its stored form and the form's number
 *  (when a code): `addString` follows at once (clone.ts internString) and reuses them,
 *  rather than two map lookups again (~600 misses a game, each table new). Forgotten by
 *  `addString`, so nothing older is ever reused. */
let missed: string | null = null;
let missedText = '';
let missedCode = -1;

/** Adds a sentence `findString` did not find at the end of `table`, as its stored form
 *  (a cause built from numbers is kept as its code), and returns its position. */
export function addString(table: string[], sentence: string, undo: Undo, n = numberOf(sentence)): number {
  const p = positionsOf(table);
  const known = missed === sentence;
  missed = null;
  const text = known ? missedText : storedForm(sentence);
  const position = table.length;
  table.push(text);
  undo?.(() => {
    table.length = position;
  });
  if (text !== sentence) note(p, known ? missedCode : numberOf(text), position, undo);
  note(p, n, position, undo);
  return position;
}

/** A copy of `table` with a sentence `findString` did not find added at its end (copy-on-write). */
export function withString(table: string[], sentence: string, n = numberOf(sentence)): string[] {
  const mine = table.slice();
  positions.set(mine, { generation, at: positionsOf(table).at.slice() });
  addString(mine, sentence, null, n);
  return mine;
}

/** Records a position; during a look, undone with it (the entry may be one the look added). */
function note(p: Positions, n: number, position: number, undo: Undo): void {
  if (undo !== null) {
    const before = positionAt(p, n);
    undo(() => {
      setPosition(p, n, before);
    });
  }
  setPosition(p, n, position);
}
