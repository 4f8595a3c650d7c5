/**
 * Causes as the same string object each time they are built from the same parts.
 *
 * Every change is recorded with its cause's index in the game's string table (clone.ts:
 * internString), which looks the cause up by its text. A string built afresh ("Ties pull
 * toward 42") must be flattened and hashed for that lookup every time; the same string
 * object carries its hash. A campaign records thousands of changes and the policies
 * weigh many more, so the causes built from numbers and names are kept here, keyed by
 * what they are built from. The caches hold words, never game state: they change no
 * result, and each is bounded so no game can make them grow without end.
 */
import type { Numbered } from './strings.ts';

/** At most this many texts per cache (a runaway scenario only loses the speed-up). */
const LIMIT = 10_000;

/**
 * A cause recorded often (a concern, a tie's pull, a drift): its sentence, and where it sat
 * in the last string table it was recorded in. `change` (vars.ts) uses that place only if the
 * table it records into is that table and still holds the cause's entry there, so a stale
 * place is never used; otherwise it looks the sentence up and notes the new place. A game
 * records ~2,700 changes, two thirds with causes like these: they skip the lookup.
 */
export interface Cause extends Numbered {
  table: string[] | null;
  at: number;
  entry: string;
}

export const causeOf = (text: string): Cause => ({
  text,
  table: null,
  at: -1,
  entry: '',
  n: -1,
  generation: -1,
  stored: '',
  storedCodes: -1,
  storedN: -1,
  storedGeneration: -1,
});

const named = new Map<string, Cause>();

/** The one Cause of a text a scenario names (a concern's label), for lists built once per
 *  scenario and turn (rules.ts): one place noted per text, whichever list records it. */
export function namedCause(text: string): Cause {
  let c = named.get(text);
  if (c === undefined) {
    c = causeOf(text);
    if (named.size < LIMIT) named.set(text, c);
  }
  return c;
}

const joins = new Map<string, Map<string, string>>();

/** `head: tail` (an event's title and the choice's label, a power and its answer). */
export function joined(head: string, tail: string): string {
  let tails = joins.get(head);
  if (!tails) {
    tails = new Map();
    joins.set(head, tails);
  }
  let text = tails.get(tail);
  if (text === undefined) {
    text = `${head}: ${tail}`;
    if (tails.size < LIMIT) tails.set(tail, text);
  }
  return text;
}

/** Numbers from 0 up to this are kept in arrays (most causes show a meter or an influence). */
const SMALL = 1024;

const isSmall = (x: number) => (x | 0) === x && x >= 0 && x < SMALL;

/**
 * A cause built from numbers is kept in the state's string table as a short code — `§key a`
 * or `§key a b` — rather than its sentence: a campaign records ~160 of them ("Idle money
 * above $1640m (two years of income) lost to inflation and graft"), nearly 9 KB of words
 * the state can rebuild. `causeText` turns a code back into its sentence wherever a cause is
 * read, and the state hash reads the sentences (engine.ts: stateHash), so the codes change
 * no hash, no save and nothing on screen.
 */
const CODE_MARK = '§';
/** The sentence builders by key, each with its cache (so a decoded cause is the same string). */
const builders = new Map<string, (a: number, b: number) => string>();
/** The code of each sentence built so far (at most this many; past it, sentences stay whole). */
const codes = new Map<string, string>();
const CODES_LIMIT = 100_000;
/** Decoded codes, so a code read again costs one lookup. */
const decoded = new Map<string, string>();

/** How many codes have been made: codes are only ever added, so while this stays the
 *  same, storedForm gives each text the same answer (strings.ts keeps it on a Cause). */
export function codesMade(): number {
  return codes.size;
}

/** What the string table keeps for a cause: its code when it was built from numbers, else the text itself. */
export function storedForm(text: string): string {
  return codes.get(text) ?? text;
}

/** The sentence a string-table entry stands for: the entry itself unless it is a code. */
export function causeText(entry: string): string {
  if (entry.charCodeAt(0) !== 0xa7) return entry;
  let text = decoded.get(entry);
  if (text === undefined) {
    text = decode(entry);
    if (decoded.size < CODES_LIMIT) decoded.set(entry, text);
  }
  return text;
}

/** A code's sentence, or the entry unchanged when it is not exactly a code this game makes
 *  (a scenario's own text may begin with "§": it stays as written). */
function decode(entry: string): string {
  const parts = entry.slice(1).split(' ');
  if (parts.length < 2 || parts.length > 3) return entry;
  const build = builders.get(parts[0] as string);
  const a = Number(parts[1]);
  const b = parts.length === 3 ? Number(parts[2]) : 0;
  if (!build || codeFor(parts[0] as string, a, b) !== entry) return entry;
  return build(a, b);
}

function codeFor(key: string, a: number, b: number): string {
  return b === 0 ? `${CODE_MARK}${key} ${a}` : `${CODE_MARK}${key} ${a} ${b}`;
}

/** A cause built from one or two numbers: `build(a, b)`, cached by the numbers and stored
 *  in the state as `§key a b`. Each key names one builder. */
export function numbered(key: string, build: (a: number, b: number) => string): (a: number, b?: number) => Cause {
  // A key names one builder (tests/unit/causeCodes.test.ts decodes every recorded cause);
  // a module evaluated again (a dev reload) registers its builders again under the same keys.
  if (key.includes(' ')) throw new Error(`numbered cause key "${key}" has a space`);
  // Small whole numbers: arrays by a, then by b; anything else: maps.
  const small: (Cause[] | undefined)[] = [];
  const other = new Map<number, Map<number, Cause>>();
  let size = 0;
  const made = (a: number, b: number): Cause => {
    const text = build(a, b);
    if (codes.size < CODES_LIMIT && !codes.has(text)) codes.set(text, codeFor(key, a, b));
    return causeOf(text);
  };
  const cached = (a: number, b = 0): Cause => {
    if (isSmall(a) && isSmall(b)) {
      let byB = small[a];
      if (byB === undefined) {
        byB = [];
        small[a] = byB;
      }
      let cause = byB[b];
      if (cause === undefined) {
        cause = made(a, b);
        byB[b] = cause;
      }
      return cause;
    }
    let byB = other.get(a);
    if (byB === undefined) {
      byB = new Map();
      other.set(a, byB);
    }
    let cause = byB.get(b);
    if (cause === undefined) {
      cause = made(a, b);
      if (size < LIMIT) {
        byB.set(b, cause);
        size++;
      }
    }
    return cause;
  };
  builders.set(key, (a, b) => cached(a, b).text);
  return cached;
}

/** A cause built from an object of the scenario (a route), cached by the object. */
export function keyed<T extends object>(build: (x: T) => string): (x: T) => Cause {
  const causes = new WeakMap<T, Cause>();
  return (x) => {
    let cause = causes.get(x);
    if (cause === undefined) {
      cause = causeOf(build(x));
      causes.set(x, cause);
    }
    return cause;
  };
}
