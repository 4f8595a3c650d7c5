/**
 * A closed turn's changes packed into a short string. While a turn is played its changes
 * are a list of numbers, three a change (variable, applied delta, cause: TurnRecord.changes);
 * when it closes, the list is written as text: each number in base 46, most significant
 * digit first, the last digit from one half of the alphabet and any before it from the
 * other, so a number ends where its "last digit" character is. A campaign's 8,000
 * numbers take ~4 characters a change instead of ~9 as JSON numbers. The state hash
 * reads the list (engine.ts: stateHash), so packing changes no hash.
 *
 * The alphabet is printable ASCII without `"` and `\`: JSON writes the text as it is.
 */

const BASE = 46;
const ALPHABET = (() => {
  const chars: string[] = [];
  for (let code = 33; code <= 126; code++) if (code !== 34 && code !== 92) chars.push(String.fromCharCode(code));
  return chars.join('');
})();
/** A character's digit: 0..45 for a last digit, 46..91 for an earlier one; -1 if not in the alphabet. */
const DIGIT = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** A delta folded onto 0, 1, 2…: 0, -1, 1, -2, 2… (indices are never negative). */
const fold = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);
const unfold = (n: number) => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);

/** Character codes of the alphabet, by digit. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** The character codes of a text being packed. A plain array, not a typed one: handing a
 *  typed array to String.fromCharCode.apply costs more than writing the codes. */
const codes: number[] = [];

/** Writes `n` at `at` (most significant digit first) and returns where the next number goes. */
function write(n: number, at: number): number {
  // Most numbers take one or two digits: those without the general loop.
  if (n < BASE) {
    codes[at] = CODES[n] as number;
    return at + 1;
  }
  if (n < BASE * BASE) {
    const low = n % BASE;
    codes[at] = CODES[(n - low) / BASE + BASE] as number;
    codes[at + 1] = CODES[low] as number;
    return at + 2;
  }
  let width = 1;
  for (let rest = (n - (n % BASE)) / BASE; rest > 0; rest = (rest - (rest % BASE)) / BASE) width++;
  let rest = n;
  for (let i = at + width - 1; i >= at; i--) {
    const digit = rest % BASE;
    rest = (rest - digit) / BASE;
    codes[i] = CODES[i === at + width - 1 ? digit : digit + BASE] as number;
  }
  return at + width;
}

/** The packed text of a change list (three whole numbers a change; indices ≥ 0). */
export function packChanges(list: readonly number[]): string {
  let at = 0;
  for (let i = 0; i < list.length; i++) at = write(i % 3 === 1 ? fold(list[i] as number) : (list[i] as number), at);
  codes.length = at;
  // In slices: a call's arguments are limited in number.
  if (at <= 4096) return String.fromCharCode.apply(null, codes);
  let text = '';
  for (let from = 0; from < at; from += 4096) text += String.fromCharCode.apply(null, codes.slice(from, from + 4096));
  return text;
}

/** The change list a packed text holds (a text that is not packed changes gives what it can read). */
export function unpackChanges(text: string): number[] {
  const list: number[] = [];
  let acc = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = code < 128 ? (DIGIT[code] as number) : -1;
    if (d < 0) continue;
    if (d >= BASE) {
      acc = acc * BASE + (d - BASE);
      continue;
    }
    const n = acc * BASE + d;
    acc = 0;
    list.push(list.length % 3 === 1 ? unfold(n) : n);
  }
  return list;
}

/** How many numbers a packed text holds (each ends with one "last digit" character). */
export function packedCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const d = code < 128 ? (DIGIT[code] as number) : -1;
    if (d >= 0 && d < BASE) count++;
  }
  return count;
}
