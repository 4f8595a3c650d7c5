// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EFFECT_NAMES,
  encodeWav,
  MUSIC_BARS,
  MUSIC_BEATS_PER_BAR,
  MUSIC_BPM,
  mulberry32,
  musicLoopSamples,
  renderSound,
  SAMPLE_RATE,
  SOUND_NAMES,
  type SoundName,
} from '../../src/audio/synth.ts';

const SR = SAMPLE_RATE;
const at = (seconds: number): number => Math.round(seconds * SR);
const midiHz = (m: number): number => 440 * 2 ** ((m - 69) / 12);

/** Power of one frequency in s[from, to) (Goertzel), normalised by window length. */
function power(s: Float32Array, hz: number, from = 0, to = s.length, sr = SR): number {
  const c = 2 * Math.cos((2 * Math.PI * hz) / sr);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s0 = (s[i] as number) + c * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return (s1 * s1 + s2 * s2 - c * s1 * s2) / (to - from) ** 2;
}

function rms(s: Float32Array, from = 0, to = s.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (s[i] as number) ** 2;
  return Math.sqrt(sum / (to - from));
}

function peak(s: Float32Array): number {
  let m = 0;
  for (const x of s) m = Math.max(m, Math.abs(x));
  return m;
}

/** Share of the energy a one-pole low-pass at fc lets through: near 1 means a low, dark sound. */
function lowShare(s: Float32Array, fc: number): number {
  const a = 1 - Math.exp((-2 * Math.PI * fc) / SR);
  let y = 0;
  let low = 0;
  let all = 0;
  for (const x of s) {
    y += a * (x - y);
    low += y * y;
    all += x * x;
  }
  return low / all;
}

/** FNV-1a over bytes: a compact fingerprint to pin the exact rendered audio. */
function fnv1a(buf: ArrayBuffer): string {
  let h = 0x811c9dc5;
  for (const b of new Uint8Array(buf)) {
    h ^= b;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function quantile(values: Float64Array, q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

const rendered = new Map<SoundName, Float32Array>(SOUND_NAMES.map((n) => [n, renderSound(n)]));
const get = (n: SoundName): Float32Array => rendered.get(n) as Float32Array;

describe('names', () => {
  it('exposes the agreed sound names, music last and effects without it', () => {
    expect(SOUND_NAMES).toEqual(['click', 'event', 'endTurn', 'warning', 'ending', 'positive', 'negative', 'music']);
    expect(EFFECT_NAMES).toEqual(SOUND_NAMES.filter((n) => n !== 'music'));
  });
});

describe('encodeWav', () => {
  it('writes a canonical 44-byte RIFF/WAVE header for 16-bit mono PCM', () => {
    const wav = encodeWav(new Float32Array(3), 22050);
    const v = new DataView(wav);
    const text = (off: number): string => String.fromCharCode(...new Uint8Array(wav, off, 4));
    expect(wav.byteLength).toBe(44 + 6);
    expect(text(0)).toBe('RIFF');
    expect(v.getUint32(4, true)).toBe(36 + 6);
    expect(text(8)).toBe('WAVE');
    expect(text(12)).toBe('fmt ');
    expect(v.getUint32(16, true)).toBe(16);
    expect(v.getUint16(20, true)).toBe(1); // integer PCM
    expect(v.getUint16(22, true)).toBe(1); // mono
    expect(v.getUint32(24, true)).toBe(22050);
    expect(v.getUint32(28, true)).toBe(44100); // byte rate
    expect(v.getUint16(32, true)).toBe(2); // block align
    expect(v.getUint16(34, true)).toBe(16);
    expect(text(36)).toBe('data');
    expect(v.getUint32(40, true)).toBe(6);
  });

  it('stores the sample rate it is given', () => {
    const v = new DataView(encodeWav(new Float32Array(1), 48000));
    expect(v.getUint32(24, true)).toBe(48000);
    expect(v.getUint32(28, true)).toBe(96000);
  });

  it('quantises to little-endian int16, clipping overs and silencing NaN', () => {
    const wav = encodeWav(Float32Array.from([0, 0.5, -0.5, 1, -1, 2, -3, Number.NaN]), SR);
    const v = new DataView(wav);
    const pcm = Array.from({ length: 8 }, (_, i) => v.getInt16(44 + 2 * i, true));
    expect(pcm).toEqual([0, 16384, -16383, 32767, -32767, 32767, -32767, 0]);
  });

  it('encodes every rendered sound with a data chunk of exactly 2 bytes per sample', () => {
    for (const name of SOUND_NAMES) {
      const s = get(name);
      const v = new DataView(encodeWav(s, SR));
      expect(v.getUint32(40, true), name).toBe(s.length * 2);
      expect(v.getUint32(4, true), name).toBe(36 + s.length * 2);
    }
  });
});

describe('every sound', () => {
  const expectedPeak: Record<SoundName, number> = {
    click: 0.45,
    event: 0.5,
    endTurn: 0.7,
    warning: 0.45,
    ending: 0.6,
    positive: 0.5,
    negative: 0.45,
    music: 0.4,
  };

  it.each(SOUND_NAMES)('%s is audible, finite and never clips', (name) => {
    const s = get(name);
    expect(s.every(Number.isFinite)).toBe(true);
    expect(peak(s)).toBeCloseTo(expectedPeak[name], 6);
    expect(peak(s)).toBeLessThanOrEqual(1);
    expect(rms(s)).toBeGreaterThan(0.05);
  });

  it('has the intended lengths', () => {
    const seconds = Object.fromEntries(SOUND_NAMES.map((n) => [n, get(n).length / SR]));
    expect(seconds).toEqual({
      click: 0.04,
      event: 1.4,
      endTurn: 0.7,
      warning: 1,
      ending: 3.4,
      positive: 1,
      negative: 1,
      music: 588000 / SR,
    });
    // A UI click must not outlast the press; the cadence must stay short.
    expect(seconds.click).toBeLessThanOrEqual(0.05);
    expect(seconds.ending).toBeLessThanOrEqual(5);
  });

  it.each(EFFECT_NAMES)('%s starts and ends on silence (no click at either edge)', (name) => {
    const s = get(name);
    expect(Math.abs(s[0] as number)).toBe(0);
    expect(Math.abs(s[s.length - 1] as number)).toBe(0);
    // The tail has died away before the end instead of being chopped off.
    expect(rms(s, s.length - at(0.01))).toBeLessThan(0.002);
  });
});

describe('what each sound says', () => {
  it('click is a short high tick, its energy in the first 10 ms', () => {
    const s = get('click');
    expect(rms(s, 0, at(0.01)) ** 2 * at(0.01)).toBeGreaterThan(0.9 * rms(s) ** 2 * s.length);
    expect(lowShare(s, 500)).toBeLessThan(0.2);
  });

  it('event is a two-note chime: D5, then A5 joins', () => {
    const s = get('event');
    const [d5, a5] = [midiHz(74), midiHz(81)];
    expect(power(s, d5, 0, at(0.12))).toBeGreaterThan(1000 * power(s, a5, 0, at(0.12)));
    expect(power(s, a5, at(0.15), at(0.5))).toBeGreaterThan(power(s, d5, at(0.15), at(0.5)));
  });

  it('endTurn is low: a thud, most energy under 200 Hz', () => {
    expect(lowShare(get('endTurn'), 200)).toBeGreaterThan(0.7);
  });

  it('warning is low and restrained: two pulses, A3 then F3, nothing shrill', () => {
    const s = get('warning');
    const [a3, f3] = [midiHz(57), midiHz(53)];
    expect(power(s, a3, 0, at(0.28))).toBeGreaterThan(1000 * power(s, f3, 0, at(0.28)));
    expect(power(s, f3, at(0.35), at(0.7))).toBeGreaterThan(10 * power(s, a3, at(0.35), at(0.7)));
    expect(lowShare(s, 500)).toBeGreaterThan(0.8);
    expect(peak(s)).toBeLessThan(peak(get('endTurn')));
  });

  it('positive rises (D5 to A5) and negative falls (A4 to D4)', () => {
    const p = get('positive');
    expect(power(p, midiHz(74), 0, at(0.08))).toBeGreaterThan(100 * power(p, midiHz(81), 0, at(0.08)));
    expect(power(p, midiHz(81), at(0.2), at(0.5))).toBeGreaterThan(power(p, midiHz(74), at(0.2), at(0.5)));
    const n = get('negative');
    expect(power(n, midiHz(69), 0, at(0.1))).toBeGreaterThan(100 * power(n, midiHz(62), 0, at(0.1)));
    expect(power(n, midiHz(62), at(0.25), at(0.6))).toBeGreaterThan(10 * power(n, midiHz(69), at(0.25), at(0.6)));
    // Bad news is darker than good news.
    expect(lowShare(n, 500)).toBeGreaterThan(lowShare(p, 500));
  });

  it('ending is a Phrygian cadence: Gm, then Eb major, resolving to D major', () => {
    const s = get('ending');
    const inChord1 = (m: number): number => power(s, midiHz(m), at(0.1), at(0.5));
    const inChord2 = (m: number): number => power(s, midiHz(m), at(0.6), at(1.05));
    const inFinal = (m: number): number => power(s, midiHz(m), at(1.3), at(2.5));
    expect(inChord1(62)).toBeGreaterThan(100 * inChord1(63)); // D in G minor...
    expect(inChord2(63)).toBeGreaterThan(100 * inChord1(63)); // ...steps up to Eb
    expect(inFinal(66)).toBeGreaterThan(100 * inFinal(65)); // F# (major), not F
    expect(inFinal(62)).toBeGreaterThan(10 * inFinal(63)); // Eb has resolved to D
    expect(inFinal(69)).toBeGreaterThan(10 * inFinal(70)); // Bb has fallen to A
  });
});

describe('music loop', () => {
  const m = get('music');

  it('is exactly 8 bars of 4/4 at 72 BPM, between 16 and 32 seconds', () => {
    expect([MUSIC_BARS, MUSIC_BEATS_PER_BAR, MUSIC_BPM]).toEqual([8, 4, 72]);
    expect(m.length).toBe(musicLoopSamples(SR));
    expect(m.length).toBe(8 * 4 * (60 / 72) * SR);
    expect(m.length / SR).toBeGreaterThanOrEqual(16);
    expect(m.length / SR).toBeLessThanOrEqual(32);
  });

  function steps(s: Float32Array): { d1: Float64Array; d2: Float64Array } {
    const d1 = new Float64Array(s.length - 1);
    const d2 = new Float64Array(s.length - 2);
    for (let i = 1; i < s.length; i++) d1[i - 1] = Math.abs((s[i] as number) - (s[i - 1] as number));
    for (let i = 2; i < s.length; i++) {
      d2[i - 2] = Math.abs((s[i] as number) - 2 * (s[i - 1] as number) + (s[i - 2] as number));
    }
    return { d1, d2 };
  }

  it.each([22050, 48000, 16000])('flows from its last sample into its first without a click (%i Hz)', (sr) => {
    const s = sr === SR ? m : renderSound('music', sr);
    const n = s.length;
    const { d1, d2 } = steps(s);
    const last = s[n - 1] as number;
    const first = s[0] as number;
    // The jump across the seam is smaller than a typical step inside the loop...
    const mean = d1.reduce((a, b) => a + b, 0) / d1.length;
    expect(Math.abs(first - last)).toBeLessThan(mean);
    // ...and the curvature there is ordinary too (a click is a spike in the 2nd difference).
    const seamCurvature = Math.max(Math.abs(first - 2 * last + (s[n - 2] as number)), Math.abs((s[1] as number) - 2 * first + last));
    expect(seamCurvature).toBeLessThan(quantile(d2, 0.9));
  });

  it('is quiet, steady background: quieter than the effects and no silent holes', () => {
    expect(peak(m)).toBeLessThan(Math.min(...EFFECT_NAMES.map((n) => peak(get(n)))));
    const perSecond: number[] = [];
    for (let s = 0; s + SR <= m.length; s += SR) perSecond.push(rms(m, s, s + SR));
    expect(Math.min(...perSecond)).toBeGreaterThan(0.03);
    expect(Math.max(...perSecond)).toBeLessThan(0.15);
    expect(Math.max(...perSecond) / Math.min(...perSecond)).toBeLessThan(3);
  });

  it('sounds modal: its melody uses Eb and F# (Hijaz colour), not E, F, Ab, B or C#', () => {
    const inScale = [63, 66, 67, 69, 70, 72].map((n) => power(m, midiHz(n)));
    const outside = [64, 65, 68, 71, 73].map((n) => power(m, midiHz(n)));
    expect(Math.min(...inScale)).toBeGreaterThan(50 * Math.max(...outside));
  });

  it('has a drone on D: the D2 fundamental is present throughout', () => {
    for (let s = 0; s + SR <= m.length; s += 4 * SR) {
      expect(power(m, midiHz(38), s, s + SR)).toBeGreaterThan(1e-4);
    }
  });

  it('scales to other sample rates with the same musical length', () => {
    expect(renderSound('music', 44100).length).toBe(2 * m.length);
    expect(renderSound('music', 48000).length).toBe(1280000);
  });
});

describe('determinism', () => {
  it('renders identical audio every time', () => {
    for (const name of SOUND_NAMES) {
      const again = Buffer.from(renderSound(name).buffer);
      expect(again.equals(Buffer.from(get(name).buffer)), name).toBe(true);
    }
  });

  it('pins the exact WAV bytes of each sound', () => {
    const prints = Object.fromEntries(SOUND_NAMES.map((n) => [n, fnv1a(encodeWav(get(n), SR))]));
    expect(prints).toEqual({
      click: '5570db44',
      event: 'ff881292',
      endTurn: '52b00578',
      warning: '4d134461',
      ending: '10bda9b0',
      positive: 'fe21fd36',
      negative: 'ef405e53',
      music: 'aeb3993b',
    });
  });

  it('mulberry32 is a fixed sequence in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.slice(0, 3)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });
});

describe('input checks', () => {
  it('rejects unusable sample rates and unknown names', () => {
    expect(() => renderSound('click', 0)).toThrow(RangeError);
    expect(() => renderSound('click', 22050.5)).toThrow(RangeError);
    expect(() => renderSound('nope' as SoundName)).toThrow(RangeError);
  });
});

describe('speed', () => {
  it('renders and encodes everything fast enough to do on the first click', () => {
    const t0 = performance.now();
    for (const name of SOUND_NAMES) encodeWav(renderSound(name), SR);
    const ms = performance.now() - t0;
    // Typically ~50 ms warm in Node; the bound only catches gross regressions on slow CI.
    expect(ms).toBeLessThan(500);
  });
});
