/**
 * The one seeded generator: Alea (Johannes Baagøe), bit-identical to seedrandom's
 * `alea` (a test checks this against the package). It is written out here because
 * src/core imports nothing outside itself. Its whole state is four numbers kept in
 * GameState, so a saved game resumes the identical sequence.
 *
 * Alea uses only + - * and 32-bit integer truncation, which every JavaScript engine
 * computes identically; that is why it is safe for cross-engine determinism.
 */

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** seedrandom's Mash: a string hash whose running value carries between calls. */
function createMash(): (data: string) => number {
  let n = 0xefc8249d;
  return (data: string) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * TWO_POW_MINUS_32;
  };
}

/** The generator state for a seed, as seedrandom's `alea(seed)` starts. */
export function seedRng(seed: string): RngState {
  const mash = createMash();
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  s1 -= mash(seed);
  if (s1 < 0) s1 += 1;
  s2 -= mash(seed);
  if (s2 < 0) s2 += 1;
  return { c: 1, s0, s1, s2 };
}

/** Draws a number in [0, 1) and advances `rng` in place (callers own a draft copy). */
export function nextFloat(rng: RngState): number {
  const t = 2091639 * rng.s0 + rng.c * TWO_POW_MINUS_32;
  rng.s0 = rng.s1;
  rng.s1 = rng.s2;
  rng.c = t | 0;
  rng.s2 = t - rng.c;
  return rng.s2;
}

/** A whole number in [0, n). */
export function nextInt(rng: RngState, n: number): number {
  return Math.floor(nextFloat(rng) * n);
}

/** Picks an index with probability proportional to its weight; -1 for no positive weight. */
export function pickWeighted(rng: RngState, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += Math.max(w, 0);
  if (total <= 0) return -1;
  let r = nextFloat(rng) * total;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] ?? 0;
    if (w <= 0) continue;
    if (r < w) return i;
    r -= w;
  }
  return weights.length - 1;
}
