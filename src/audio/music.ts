/**
 * The ambient music loop: a plucked melody in D Phrygian dominant with its echo over a
 * breathing drone, seamless by construction (see renderMusic). Pure and deterministic.
 */
import { addTone, midiHz, normalise, PLUCK, SAMPLE_RATE, TAU, toneLength } from './tone.ts';

/**
 * The loop is 8 bars of 4/4 at 72 BPM = 26.67 s. 72 BPM makes one beat a whole
 * number of samples at 22050, 44100 and 48000 Hz, so the loop can be rendered at
 * the AudioContext's own rate (no resampling at the seam) and still be exact bars.
 */
export const MUSIC_BPM = 72;
export const MUSIC_BEATS_PER_BAR = 4;
export const MUSIC_BARS = 8;
const MUSIC_BEATS = MUSIC_BARS * MUSIC_BEATS_PER_BAR;

export function musicLoopSamples(sampleRate: number = SAMPLE_RATE): number {
  return Math.round(((MUSIC_BEATS * 60) / MUSIC_BPM) * sampleRate);
}

/**
 * The melody in semitones above D4, on D Phrygian dominant (Hijaz: D Eb F# G A Bb C):
 * [beat, semitone]. Phrase 1 descends to the tonic; phrase 2 climbs to Bb-C and
 * falls back through the augmented second (Eb-F#) that gives the mode its colour.
 */
// biome-ignore format: one line per bar reads like a score
const MELODY: readonly (readonly [number, number])[] = [
  [0, 7], [1.5, 8], [2, 7], [3, 5],
  [4, 4], [5.5, 5], [6, 4], [7, 1],
  [8, 0],
  [12, 1], [13, 4], [14, 5], [15, 7],
  [16, 8], [17.5, 10], [18, 8], [19, 7],
  [20, 5], [21, 4], [22, 5], [23, 4],
  [24, 1], [26, 4], [27, 1],
  [28, 0],
];

/**
 * Feedback echo y[i] = x[i] + g*y[i - delay] in its periodic steady state, in place.
 * One forward pass gives the response to a single period heard from silence; its
 * last `delay` samples are already steady (the missing start-up part has decayed by
 * g^(n/delay)). The start of the loop also hears the previous period's echoes: add
 * that decaying chain g^k * tail until it is below 1e-9.
 */
function addLoopEcho(buf: Float32Array, delay: number, g: number): void {
  const n = buf.length;
  for (let i = delay; i < n; i++) buf[i] = (buf[i] as number) + g * (buf[i - delay] as number);
  const tail = buf.slice(n - delay);
  let gain = g;
  for (let off = 0; gain > 1e-9 && off + delay <= n - delay; off += delay) {
    for (let j = 0; j < delay; j++) buf[off + j] = (buf[off + j] as number) + gain * (tail[j] as number);
    gain *= g;
  }
}

/**
 * Plucked melody. Each of its 7 pitches is rendered once into a scratch buffer and
 * added at every onset of that pitch (25 notes). A tail running past the end of the
 * loop wraps into the start, so the final long D rings over the seam into bar 1.
 */
function addMelody(out: Float32Array, sr: number): void {
  const n = out.length;
  const note = new Float32Array(toneLength(sr, PLUCK, 1.1, 0.004));
  for (const semi of new Set(MELODY.map(([, s]) => s))) {
    note.fill(0);
    addTone(note, sr, { start: 0, freq: midiHz(62 + semi), amp: 0.3, attack: 0.004, partials: PLUCK, decayScale: 1.1 });
    for (const [beat, s] of MELODY) {
      if (s === semi) addWrapped(out, note, Math.round((beat * n) / MUSIC_BEATS));
    }
  }
}

/** out[(start + i) mod n] += src[i], for src no longer than out. */
function addWrapped(out: Float32Array, src: Float32Array, start: number): void {
  const first = Math.min(src.length, out.length - start);
  for (let i = 0; i < first; i++) out[start + i] = (out[start + i] as number) + (src[i] as number);
  for (let i = first; i < src.length; i++) out[i - first] = (out[i - first] as number) + (src[i] as number);
}

/**
 * Drone on D2 with its fifth A2, plus a faint voice one cycle per loop sharp so the
 * drone slowly swells like a bowed/blown instrument rather than an organ.
 *
 * Each voice makes a whole number of cycles per loop, so it ends exactly where it
 * began. Harmonic h of a voice is cos(h*theta) = T_h(cos theta) (Chebyshev), so one
 * cosine recurrence per voice yields all its overtones with a multiply-add each. The
 * overtones breathe with an LFO of two cycles per loop; the fundamentals stay steady.
 * All three voices share one pass so their state stays in registers.
 */
function addDrone(out: Float32Array, sr: number): void {
  const n = out.length;
  const rotation = (cycles: number): number => 2 * Math.cos((TAU * cycles) / n);
  const d = Math.round((midiHz(38) * n) / sr);
  const ca = rotation(d); // D2
  const cb = rotation(d + 1); // D2 again, one cycle per loop sharp: a slow swell
  const cc = rotation(Math.round((midiHz(45) * n) / sr)); // A2
  const cl = rotation(2); // LFO
  // cos() of each voice at sample -1 and 0; the LFO is a sine starting at 0.
  let pa = ca / 2;
  let pb = cb / 2;
  let pc = cc / 2;
  let xa = 1;
  let xb = 1;
  let xc = 1;
  let pl = -Math.sin((TAU * 2) / n);
  let l = 0;
  for (let i = 0; i < n; i++) {
    const a2 = 2 * xa * xa - 1;
    const a3 = 2 * xa * a2 - xa;
    const a4 = 2 * xa * a3 - a2;
    const a5 = 2 * xa * a4 - a3;
    const b2 = 2 * xb * xb - 1;
    const b3 = 2 * xb * b2 - xb;
    const c2 = 2 * xc * xc - 1;
    const c3 = 2 * xc * c2 - xc;
    const steady = xa + 0.35 * xb + 0.45 * xc;
    const over = 0.55 * a2 + 0.3 * a3 + 0.18 * a4 + 0.1 * a5 + 0.2 * b2 + 0.1 * b3 + 0.2 * c2 + 0.1 * c3;
    out[i] = (out[i] as number) + 0.16 * (steady + (1 + 0.45 * l) * over);
    let t = ca * xa - pa;
    pa = xa;
    xa = t;
    t = cb * xb - pb;
    pb = xb;
    xb = t;
    t = cc * xc - pc;
    pc = xc;
    xc = t;
    t = cl * l - pl;
    pl = l;
    l = t;
  }
}

/**
 * Ambient loop. Seamless by construction: every continuous oscillator completes a
 * whole number of cycles in the loop, and note tails and echoes wrap around the end
 * into the start. So sample[last] is followed by sample[0] exactly as by the next
 * sample of an endless performance; nothing is faded.
 */
export function renderMusic(sr: number): Float32Array {
  const n = musicLoopSamples(sr);
  const out = new Float32Array(n);
  addMelody(out, sr);
  // Dotted-eighth echo on the melody only (added before the drone) for a sense of space.
  addLoopEcho(out, Math.round((0.75 * n) / MUSIC_BEATS), 0.3);
  addDrone(out, sr);
  return normalise(out, 0.4);
}
