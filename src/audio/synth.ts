/**
 * Pure, deterministic sound synthesis for Caspian Balance.
 *
 * Every sound is rendered from code at runtime so the game ships no audio files.
 * Nothing here touches the DOM or howler, so it runs (and is tested) in Node.
 * Noise comes from a tiny seeded PRNG, so the same name always gives the same
 * samples and tests can pin checksums.
 */
import { renderMusic } from './music.ts';
import { addTone, BELL, DULL, finish, midiHz, mulberry32, type Partial, PLUCK, SAMPLE_RATE, samples, TAU } from './tone.ts';

// What the rest of the game and the tests use, from one place: the loop's measures
// (music.ts), the instrument's rate and noise (tone.ts), the file format (wav.ts).
export { MUSIC_BARS, MUSIC_BEATS_PER_BAR, MUSIC_BPM, musicLoopSamples } from './music.ts';
export { mulberry32, SAMPLE_RATE } from './tone.ts';
export { encodeWav } from './wav.ts';

export const SOUND_NAMES = ['click', 'event', 'endTurn', 'warning', 'ending', 'positive', 'negative', 'music'] as const;

export type SoundName = (typeof SOUND_NAMES)[number];

/** Everything except the music loop: short one-shots the UI fires. */
export type EffectName = Exclude<SoundName, 'music'>;

export const EFFECT_NAMES = ['click', 'event', 'endTurn', 'warning', 'ending', 'positive', 'negative'] as const satisfies readonly EffectName[];

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
