/**
 * Pure, deterministic sound synthesis for Caspian Balance.
 *
 * Every sound is rendered from code at runtime so the game ships no audio files.
 * Nothing here touches the DOM or howler, so it runs (and is tested) in Node.
 * Noise comes from a tiny seeded PRNG, so the same name always gives the same
 * samples and tests can pin checksums.
 */

export const SOUND_NAMES = ['click', 'event', 'endTurn', 'warning', 'ending', 'positive', 'negative', 'music'] as const;

export type SoundName = (typeof SOUND_NAMES)[number];

/** Everything except the music loop: short one-shots the UI fires. */
export type EffectName = Exclude<SoundName, 'music'>;

export const EFFECT_NAMES = ['click', 'event', 'endTurn', 'warning', 'ending', 'positive', 'negative'] as const satisfies readonly EffectName[];

/** Default rate: plenty for these timbres and half the bytes of 44.1 kHz. */
export const SAMPLE_RATE = 22050;

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

const TAU = 2 * Math.PI;

const midiHz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

/** [frequency ratio, relative amplitude, decay time constant in seconds] */
type Partial = readonly [number, number, number];

/** Plucked long-necked lute (tar/saz-like): bright attack, upper partials die first. */
const PLUCK: readonly Partial[] = [
  [1, 1, 0.55],
  [2, 0.5, 0.32],
  [3, 0.3, 0.2],
  [4, 0.16, 0.14],
  [5, 0.1, 0.1],
  [6, 0.05, 0.08],
];

/** Soft bell: one slightly inharmonic partial gives the chime its shimmer. */
const BELL: readonly Partial[] = [
  [1, 1, 0.6],
  [2, 0.25, 0.3],
  [3, 0.1, 0.15],
  [4.16, 0.08, 0.08],
];

/** Darker pluck for bad news: fewer, quicker upper partials. */
const DULL: readonly Partial[] = [
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
function toneLength(sr: number, partials: readonly Partial[], decayScale: number, attack: number): number {
  let len = 0;
  for (const [, rel, decay] of partials) len = Math.max(len, partialLength(sr, rel, decay * decayScale, attack));
  return len;
}

/** Add a struck/plucked tone: a sum of exponentially decaying partials. */
function addTone(out: Float32Array, sr: number, o: ToneOptions): void {
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
function finish(buf: Float32Array, peak: number): Float32Array {
  const fade = Math.round(buf.length * 0.3);
  const from = buf.length - fade;
  for (let i = 0; i < fade; i++) {
    const g = Math.sin(((fade - 1 - i) / fade) * (Math.PI / 2)); // exactly 0 on the last sample
    buf[from + i] = (buf[from + i] as number) * g * g;
  }
  return normalise(buf, peak);
}

/** Scale in place to an exact peak. */
function normalise(buf: Float32Array, peak: number): Float32Array {
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
const samples = (seconds: number, sr: number): Float32Array => new Float32Array(Math.round(seconds * sr));

function renderClick(sr: number): Float32Array {
  const buf = samples(0.04, sr);
  addTone(buf, sr, {
    start: 0,
    freq: 1760,
    amp: 1,
    attack: 0.0005,
    partials: [
      [1, 1, 0.005],
      [2.3, 0.35, 0.0025],
    ],
  });
  // A breath of differentiated noise gives the tick its "touch", not a beep.
  const rnd = mulberry32(0xc11c);
  const len = Math.round(0.003 * sr);
  let last = 0;
  for (let i = 0; i < len; i++) {
    const x = rnd() * 2 - 1;
    buf[i] = (buf[i] as number) + 0.35 * (x - last) * Math.exp(-i / (0.0008 * sr)) * Math.min(1, i / 4);
    last = x;
  }
  return finish(buf, 0.45);
}

function renderEvent(sr: number): Float32Array {
  const buf = samples(1.4, sr);
  // D5 then A5: an open fifth, friendly rather than urgent.
  addTone(buf, sr, { start: 0, freq: midiHz(74), amp: 1, attack: 0.005, partials: BELL, decayScale: 0.6 });
  addTone(buf, sr, {
    start: Math.round(0.13 * sr),
    freq: midiHz(81),
    amp: 0.85,
    attack: 0.005,
    partials: BELL,
    decayScale: 0.6,
  });
  return finish(buf, 0.5);
}

function renderEndTurn(sr: number): Float32Array {
  const buf = samples(0.7, sr);
  // Thud: a sine whose pitch drops fast (140 -> 50 Hz), like a soft drum, under
  // a whoosh: noise through a low-pass whose cutoff falls from 2.5 kHz to 300 Hz,
  // swelling for 60 ms then fading. Exponentials are stepped by multiplication.
  const rnd = mulberry32(0xe2d7);
  const att = Math.round(0.003 * sr);
  const swellIn = Math.round(0.06 * sr);
  const glide = Math.exp(-1 / (0.06 * sr));
  const thudDecay = Math.exp(-1 / (0.16 * sr));
  const sweep = Math.exp(-1 / (0.12 * sr));
  let bend = 1;
  let thudEnv = 1;
  let sweepEnv = 1;
  let fadeEnv = 1;
  let phase = 0;
  let y = 0;
  for (let i = 0; i < buf.length; i++) {
    phase += (TAU * (50 + 90 * bend)) / sr;
    const thud = Math.min(1, i / att) * thudEnv * (Math.sin(phase) + 0.3 * Math.sin(2 * phase));
    const wc = (TAU * (300 + 2200 * sweepEnv)) / sr;
    y += (wc / (1 + wc)) * (rnd() * 2 - 1 - y); // one-pole low-pass
    let swell: number;
    if (i < swellIn) swell = Math.sin((i / swellIn) * (Math.PI / 2)) ** 2;
    else {
      swell = fadeEnv;
      fadeEnv *= sweep;
    }
    buf[i] = thud + 0.35 * swell * y;
    bend *= glide;
    thudEnv *= thudDecay;
    sweepEnv *= sweep;
  }
  return finish(buf, 0.7);
}

function renderWarning(sr: number): Float32Array {
  const buf = samples(1.0, sr);
  // Two low, soft-edged pulses falling a major third (A3 -> F3): noticeable, never shrill.
  const tone: readonly Partial[] = [
    [1, 1, 0.16],
    [2, 0.25, 0.1],
    [3, 0.18, 0.07],
  ];
  addTone(buf, sr, { start: 0, freq: midiHz(57), amp: 1, attack: 0.02, partials: tone });
  addTone(buf, sr, { start: Math.round(0.3 * sr), freq: midiHz(53), amp: 1, attack: 0.02, partials: tone });
  return finish(buf, 0.45);
}

function renderEnding(sr: number): Float32Array {
  const buf = samples(3.4, sr);
  // Phrygian-dominant cadence in D: Gm -> Eb/G -> D (Bb->A, G->F#, Eb->D resolve by step).
  const chords: readonly (readonly number[])[] = [
    [55, 62, 67, 70],
    [55, 63, 67, 70],
    [38, 50, 62, 66, 69, 74],
  ];
  chords.forEach((chord, ci) => {
    const last = ci === chords.length - 1;
    chord.forEach((m, ni) => {
      addTone(buf, sr, {
        start: Math.round((ci * 0.55 + ni * 0.03) * sr), // strummed, not block chords
        freq: midiHz(m),
        amp: last ? 0.8 : 0.6,
        attack: 0.004,
        partials: PLUCK,
        decayScale: last ? 1 : 0.7,
      });
    });
  });
  return finish(buf, 0.6);
}

function renderMotif(sr: number, notes: readonly number[], gap: number, seconds: number, partials: readonly Partial[], peak: number): Float32Array {
  const buf = samples(seconds, sr);
  notes.forEach((m, i) => {
    addTone(buf, sr, {
      start: Math.round(i * gap * sr),
      freq: midiHz(m),
      amp: i === notes.length - 1 ? 1 : 0.75,
      attack: 0.003,
      partials,
      decayScale: 0.4,
    });
  });
  return finish(buf, peak);
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
function renderMusic(sr: number): Float32Array {
  const n = musicLoopSamples(sr);
  const out = new Float32Array(n);
  addMelody(out, sr);
  // Dotted-eighth echo on the melody only (added before the drone) for a sense of space.
  addLoopEcho(out, Math.round((0.75 * n) / MUSIC_BEATS), 0.3);
  addDrone(out, sr);
  return normalise(out, 0.4);
}

/**
 * Render one named sound as mono PCM in [-1, 1]. Pure and deterministic.
 * sampleRate is a whole number of Hz in [8000, 192000].
 */
export function renderSound(name: SoundName, sampleRate: number = SAMPLE_RATE): Float32Array {
  const sr = sampleRate;
  if (!Number.isInteger(sr) || sr < 8000 || sr > 192000) throw new RangeError(`unsupported sample rate ${sr}`);
  switch (name) {
    case 'click':
      return renderClick(sr);
    case 'event':
      return renderEvent(sr);
    case 'endTurn':
      return renderEndTurn(sr);
    case 'warning':
      return renderWarning(sr);
    case 'ending':
      return renderEnding(sr);
    case 'positive':
      // D5 F#5 A5: a rising major arpeggio.
      return renderMotif(sr, [74, 78, 81], 0.08, 1.0, BELL, 0.5);
    case 'negative':
      // A4 F4 D4: a falling minor arpeggio, darker and a little quieter.
      return renderMotif(sr, [69, 65, 62], 0.1, 1.0, DULL, 0.45);
    case 'music':
      return renderMusic(sr);
    default:
      // Only reachable from untyped callers.
      throw new RangeError(`unknown sound ${String(name)}`);
  }
}

/** Encode mono samples as a 16-bit PCM WAV file. Out-of-range values clip; NaN becomes silence. */
export function encodeWav(samples: Float32Array, sampleRate: number = SAMPLE_RATE): ArrayBuffer {
  const dataBytes = samples.length * 2;
  const buf = new ArrayBuffer(44 + dataBytes);
  const v = new DataView(buf);
  const ascii = (off: number, s: string): void => {
    for (let i = 0; i < s.length; i++) v.setUint8(off + i, s.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true); // PCM fmt chunk size
  v.setUint16(20, 1, true); // format 1 = integer PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true); // byte rate
  v.setUint16(32, 2, true); // block align
  v.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  v.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i] as number;
    const c = Number.isNaN(x) ? 0 : Math.max(-1, Math.min(1, x));
    v.setInt16(44 + 2 * i, Math.round(c * 32767), true); // WAV is little-endian whatever the host is
  }
  return buf;
}
