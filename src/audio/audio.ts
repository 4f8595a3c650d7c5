/**
 * Runtime audio for Caspian Balance: howler playing sounds that synth.ts renders.
 *
 * Browsers refuse audio before a user gesture, so nothing here touches howler (not
 * even reading a property) until unlock() is called from the first gesture. Only
 * then are the sounds rendered, wrapped as WAV blobs and handed to howler. Audio is
 * never essential to the game: every failure is swallowed, and no method throws.
 * (Importing howler 2.2.4 creates no AudioContext; its first Howl does.)
 */
import { Howl, Howler } from 'howler';
import { EFFECT_NAMES, type EffectName, encodeWav, renderSound, SAMPLE_RATE, SOUND_NAMES, type SoundName } from './synth.ts';

export type { EffectName, SoundName };
export { EFFECT_NAMES, SOUND_NAMES };

export const STORAGE_KEYS = {
  muted: 'caspian.audio.muted',
  volume: 'caspian.audio.volume',
} as const;

export const DEFAULT_VOLUME = 0.6;

/** Music sits well under the effects: background for a classroom, not a soundtrack. */
export const MUSIC_GAIN = 0.35;

/**
 * Minimum time between two plays of the same effect. Several meters can enter
 * danger on one turn: that should be one restrained alert, not a volley.
 */
export const MIN_GAP_MS: Readonly<Record<EffectName, number>> = {
  click: 40,
  event: 150,
  endTurn: 300,
  warning: 2000,
  ending: 1000,
  positive: 120,
  negative: 120,
};

/**
 * The loop takes the longest to render; doing it a moment after the unlocking
 * gesture keeps that gesture's own click and repaint snappy.
 */
export const MUSIC_RENDER_DELAY_MS = 250;

export interface GameAudio {
  /** Play a one-shot. Silent no-op before unlock(), while muted or after dispose(). play('music') = startMusic(). */
  play(name: SoundName): void;
  /** Ask for the music loop. Remembered if locked or muted: it starts once both allow. */
  startMusic(): void;
  stopMusic(): void;
  setMuted(muted: boolean): void;
  isMuted(): boolean;
  /** 0..1, clamped; non-numbers are ignored. Persisted. */
  setVolume(volume: number): void;
  getVolume(): number;
  /** Call from the first user gesture. Idempotent. */
  unlock(): void;
  isUnlocked(): boolean;
  /** Stop and free everything; the object stays safe to call but is silent. */
  dispose(): void;
}

export interface AudioOptions {
  /** Where mute and volume persist; defaults to localStorage when the page may use it. */
  storage?: Storage;
  /** Milliseconds clock for MIN_GAP_MS (tests pass a fake one). */
  now?: () => number;
}

export function createAudio(options: AudioOptions = {}): GameAudio {
  const storage = options.storage ?? defaultStorage();
  const now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));

  let muted = readMuted(storage);
  let volume = readVolume(storage);
  let unlocked = false;
  let disposed = false;
  let musicWanted = false;
  let musicId: number | null = null; // howler's id of the one loop instance
  let musicPaused = false;
  let musicTimer: ReturnType<typeof setTimeout> | null = null;
  let music: Howl | null = null;
  const effects = new Map<EffectName, Howl>();
  const urls: string[] = [];
  const lastPlayed = new Map<EffectName, number>();

  const makeHowl = (samples: Float32Array, rate: number, loop: boolean, gain: number): Howl => {
    const url = URL.createObjectURL(new Blob([encodeWav(samples, rate)], { type: 'audio/wav' }));
    urls.push(url);
    // Web Audio (html5: false) loops sample-accurately; an <audio> element would gap.
    return new Howl({ src: [url], format: ['wav'], loop, volume: volume * gain, mute: muted, html5: false });
  };

  const syncMusic = (): void => {
    if (!music) return;
    const m = music;
    safely(() => {
      if (musicWanted && !muted) {
        if (musicId === null) musicId = m.play();
        else if (musicPaused) m.play(musicId); // resume where it paused
        musicPaused = false;
      } else if (musicId !== null) {
        if (musicWanted) {
          if (!musicPaused) m.pause(musicId); // muted: keep the place for unmute
          musicPaused = true;
        } else {
          m.stop(musicId);
          musicId = null;
          musicPaused = false;
        }
      }
    });
  };

  const renderMusic = (): void => {
    musicTimer = null;
    if (disposed) return;
    safely(() => {
      // Render at the AudioContext's own rate: decodeAudioData resamples anything else, and
      // the resampler treats the loop's ends as edges. Measured in Chromium at 44.1 kHz, a
      // 22.05 kHz loop came back with a jump at the seam ~100x the loop's usual curvature
      // (a click every 27 s); rendered at 44.1 kHz the seam is as smooth as the rest.
      const ctxRate = (Howler.ctx as AudioContext | null | undefined)?.sampleRate;
      const rate = pickMusicRate(ctxRate);
      music = makeHowl(renderSound('music', rate), rate, true, MUSIC_GAIN);
    });
    syncMusic();
  };

  const startMusic = (): void => {
    if (disposed) return;
    musicWanted = true;
    syncMusic();
  };

  // Methods close over state rather than using `this`, so they survive destructuring.
  return {
    play(name) {
      if (name === 'music') {
        startMusic();
        return;
      }
      if (!unlocked || disposed || muted) return;
      const howl = effects.get(name);
      if (!howl) return;
      const t = now();
      const last = lastPlayed.get(name);
      if (last !== undefined && t - last < MIN_GAP_MS[name]) return;
      lastPlayed.set(name, t);
      safely(() => howl.play());
    },

    startMusic,

    stopMusic() {
      musicWanted = false;
      syncMusic();
    },

    setMuted(value) {
      if (disposed) return;
      muted = value === true;
      write(storage, STORAGE_KEYS.muted, String(muted));
      for (const howl of allHowls()) safely(() => howl.mute(muted));
      syncMusic();
    },

    isMuted: () => muted,

    setVolume(value) {
      if (disposed || typeof value !== 'number' || !Number.isFinite(value)) return;
      volume = Math.min(1, Math.max(0, value));
      write(storage, STORAGE_KEYS.volume, String(volume));
      for (const howl of effects.values()) safely(() => howl.volume(volume));
      const m = music;
      if (m) safely(() => m.volume(volume * MUSIC_GAIN));
    },

    getVolume: () => volume,

    unlock() {
      if (unlocked || disposed) return;
      unlocked = true;
      // Effects first, synchronously: creating the first Howl creates the AudioContext,
      // and that has to happen inside the gesture for the browser to let it run.
      safely(() => {
        for (const name of EFFECT_NAMES) effects.set(name, makeHowl(renderSound(name), SAMPLE_RATE, false, 1));
      });
      musicTimer = setTimeout(renderMusic, MUSIC_RENDER_DELAY_MS);
    },

    isUnlocked: () => unlocked,

    dispose() {
      if (disposed) return;
      disposed = true;
      musicWanted = false;
      if (musicTimer !== null) clearTimeout(musicTimer);
      musicTimer = null;
      for (const howl of allHowls()) safely(() => howl.unload());
      effects.clear();
      music = null;
      musicId = null;
      for (const url of urls.splice(0)) safely(() => URL.revokeObjectURL(url));
    },
  };

  function allHowls(): Howl[] {
    return music ? [...effects.values(), music] : [...effects.values()];
  }
}

/**
 * Wire unlock() to the first user gesture on `target` (usually window). Returns a
 * function that removes the listeners (they also remove themselves after firing).
 */
export function unlockOnFirstGesture(audio: GameAudio, target: EventTarget): () => void {
  // Events that grant "user activation" (HTML spec), which autoplay policies require.
  // pointerdown is not among them for touch, so it is left out. Should a gesture not
  // count after all, howler resumes the context itself on the next tap or key.
  const events = ['keydown', 'mousedown', 'pointerup', 'touchend', 'click'] as const;
  // Options as an object: Node's EventTarget ignores a bare `true` on remove.
  const opts = { capture: true };
  const remove = (): void => {
    for (const e of events) target.removeEventListener(e, onGesture, opts);
  };
  function onGesture(): void {
    remove();
    audio.unlock();
  }
  for (const e of events) target.addEventListener(e, onGesture, opts);
  return remove;
}

/**
 * The context's rate if it is a whole number of Hz in [8000, 96000] (headsets run at
 * 16 or 24 kHz, studio interfaces at 96 kHz), else the default.
 */
export function pickMusicRate(ctxRate: number | undefined): number {
  return typeof ctxRate === 'number' && Number.isInteger(ctxRate) && ctxRate >= 8000 && ctxRate <= 96000 ? ctxRate : SAMPLE_RATE;
}

/** Anything but the exact string 'true' (missing, corrupt) means the default: unmuted. */
export function readMuted(storage: Storage | undefined): boolean {
  return read(storage, STORAGE_KEYS.muted) === 'true';
}

/** A number in [0, 1] or the default; blank, non-numeric or out-of-range text is corrupt. */
export function readVolume(storage: Storage | undefined): number {
  const raw = read(storage, STORAGE_KEYS.volume);
  if (raw === null || raw.trim() === '') return DEFAULT_VOLUME;
  const v = Number(raw);
  return Number.isFinite(v) && v >= 0 && v <= 1 ? v : DEFAULT_VOLUME;
}

function defaultStorage(): Storage | undefined {
  try {
    // Reading localStorage itself throws in some privacy modes and sandboxed iframes.
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function read(storage: Storage | undefined, key: string): string | null {
  try {
    const v = storage?.getItem(key);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or forbidden storage only costs persistence.
  }
}

function safely(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // Sound is a nicety: a failing audio stack must never break the game.
  }
}
