/**
 * The instrument the game's sounds are played on: decaying sine partials (plucked lute,
 * bell), a seeded noise source, and the finishing touches every sound gets. Pure and
 * deterministic, like the rest of the synthesis (synth.ts).
 */

/** Default rate: plenty for these timbres and half the bytes of 44.1 kHz. */
export const SAMPLE_RATE = 22050;

/** mulberry32: a 32-bit seeded generator, plenty for noise bursts. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TAU = 2 * Math.PI;

export const midiHz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

/** [frequency ratio, relative amplitude, decay time constant in seconds] */
export type Partial = readonly [number, number, number];

/** Plucked long-necked lute (tar/saz-like): bright attack, upper partials die first. */
export const PLUCK: readonly Partial[] = [
  [1, 1, 0.55],
  [2, 0.5, 0.32],
  [3, 0.3, 0.2],
  [4, 0.16, 0.14],
  [5, 0.1, 0.1],
  [6, 0.05, 0.08],
];

/** Soft bell: one slightly inharmonic partial gives the chime its shimmer. */
export const BELL: readonly Partial[] = [
  [1, 1, 0.6],
  [2, 0.25, 0.3],
  [3, 0.1, 0.15],
  [4.16, 0.08, 0.08],
];

/** Darker pluck for bad news: fewer, quicker upper partials. */
export const DULL: readonly Partial[] = [
  [1, 1, 0.5],
  [2, 0.3, 0.22],
  [3, 0.12, 0.12],
];

interface ToneOptions {
  /** Onset in samples. */
  start: number;
  freq: number;
  amp: number;
  attack: number;
  partials: readonly Partial[];
  /** Multiplies every partial's decay time. */
  decayScale?: number;
}

/**
 * Samples until a partial has fallen 50 dB below the note's loudest partial, where
 * it is inaudible under the rest; stopping there (with a taper) saves most of the work.
 */
const FLOOR = 10 ** (-50 / 20);
function partialLength(sr: number, rel: number, decay: number, attack: number): number {
  return rel <= FLOOR ? 0 : Math.ceil(decay * Math.log(rel / FLOOR) * sr) + Math.max(1, Math.round(attack * sr));
}

/** Samples a whole tone needs (its longest partial). */
export function toneLength(sr: number, partials: readonly Partial[], decayScale: number, attack: number): number {
  let len = 0;
  for (const [, rel, decay] of partials) len = Math.max(len, partialLength(sr, rel, decay * decayScale, attack));
  return len;
}

/** Add a struck/plucked tone: a sum of exponentially decaying partials. */
export function addTone(out: Float32Array, sr: number, o: ToneOptions): void {
  const attack = Math.max(1, Math.round(o.attack * sr));
  const taper = Math.round(0.01 * sr);
  for (const [ratio, rel, decay0] of o.partials) {
    const f = o.freq * ratio;
    if (f >= sr * 0.45) continue; // above ~Nyquist it would alias into a wrong note
    const decay = decay0 * (o.decayScale ?? 1);
    const len = partialLength(sr, rel, decay, o.attack);
    const k = Math.exp(-1 / (decay * sr));
    addPartial(out, o.start, Math.min(len, out.length - o.start), (TAU * f) / sr, o.amp * rel, k, attack, len, taper);
  }
}

/**
 * One decaying sine partial of `len` samples, `end` of which fit in out from `at`.
 * The sine comes from a two-term recurrence (a multiply-add per sample instead of
 * Math.sin); the envelope is branch-free: attack ramp, decay, 10 ms taper to zero.
 * Kept as its own small leaf function so the JIT optimises it once, early.
 */
function addPartial(out: Float32Array, at: number, end: number, w: number, amp: number, k: number, attack: number, len: number, taper: number): void {
  const c = 2 * Math.cos(w);
  const invA = 1 / attack;
  const invT = 1 / taper;
  let prev = -Math.sin(w);
  let cur = 0;
  let env = amp;
  for (let i = 0, j = at; i < end; i++, j++) {
    const g = env * Math.min(1, i * invA) * Math.min(1, (len - i) * invT);
    out[j] = (out[j] as number) + g * cur;
    const next = c * cur - prev;
    prev = cur;
    cur = next;
    env *= k;
  }
}

/**
 * Scale to an exact peak and ease the last 30% out along a cosine, so a one-shot
 * ends at exactly zero and its tail dies away instead of being cut off.
 */
export function finish(buf: Float32Array, peak: number): Float32Array {
  const fade = Math.round(buf.length * 0.3);
  const from = buf.length - fade;
  for (let i = 0; i < fade; i++) {
    const g = Math.sin(((fade - 1 - i) / fade) * (Math.PI / 2)); // exactly 0 on the last sample
    buf[from + i] = (buf[from + i] as number) * g * g;
  }
  return normalise(buf, peak);
}

/** Scale in place to an exact peak. */
export function normalise(buf: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (let i = 0; i < buf.length; i++) {
    const a = Math.abs(buf[i] as number);
    if (a > max) max = a;
  }
  const s = max > 0 ? peak / max : 0;
  for (let i = 0; i < buf.length; i++) buf[i] = (buf[i] as number) * s;
  return buf;
}

// Float32 throughout: ample precision for 16-bit output, and half the memory to touch,
// which is most of the cost of rendering a 27 s loop.
export const samples = (seconds: number, sr: number): Float32Array => new Float32Array(Math.round(seconds * sr));
