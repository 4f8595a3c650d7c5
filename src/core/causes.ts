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

/** At most this many texts per cache (a runaway scenario only loses the speed-up). */
const LIMIT = 10_000;

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

/** A cause built from one or two numbers: `build(a, b)`, cached by the numbers. */
export function numbered(build: (a: number, b: number) => string): (a: number, b?: number) => string {
  // Small whole numbers: arrays by a, then by b; anything else: maps.
  const small: (string[] | undefined)[] = [];
  const other = new Map<number, Map<number, string>>();
  let size = 0;
  return (a, b = 0) => {
    if (isSmall(a) && isSmall(b)) {
      let byB = small[a];
      if (byB === undefined) {
        byB = [];
        small[a] = byB;
      }
      let text = byB[b];
      if (text === undefined) {
        text = build(a, b);
        byB[b] = text;
      }
      return text;
    }
    let byB = other.get(a);
    if (byB === undefined) {
      byB = new Map();
      other.set(a, byB);
    }
    let text = byB.get(b);
    if (text === undefined) {
      text = build(a, b);
      if (size < LIMIT) {
        byB.set(b, text);
        size++;
      }
    }
    return text;
  };
}

/** A cause built from an object of the scenario (a route), cached by the object. */
export function keyed<T extends object>(build: (x: T) => string): (x: T) => string {
  const texts = new WeakMap<T, string>();
  return (x) => {
    let text = texts.get(x);
    if (text === undefined) {
      text = build(x);
      texts.set(x, text);
    }
    return text;
  };
}
