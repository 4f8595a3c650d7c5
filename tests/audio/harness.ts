/**
 * The audio tests' stand-ins: a recording howler, a Storage that can fail like a locked-down
 * browser, fake timers and a clock, and object URLs kept so a test can read the WAV it made.
 * Each test file mocks `howler` with fakeHowler.ts's `fake` (vi.mock is per file) and calls
 * `useAudioHarness()`.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { createAudio, EFFECT_NAMES, type GameAudio, type SOUND_NAMES } from '../../src/audio/audio.ts';
import { fake } from './fakeHowler.ts';

/** In-memory Storage; can be made to throw like a locked-down browser. */
export class FakeStorage implements Storage {
  readonly map = new Map<string, string>();
  failing = false;
  constructor(init: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(init)) this.map.set(k, v);
  }
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    if (this.failing) throw new Error('SecurityError');
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failing) throw new Error('QuotaExceededError');
    this.map.set(key, value);
  }
}

/** What a test reads and moves: the clock `now()` returns, the blobs behind object URLs. */
export interface AudioHarness {
  clock: number;
  readonly blobs: Map<string, Blob>;
  /** A GameAudio on `storage` (a fresh FakeStorage by default), disposed after the test. */
  make(storage?: Storage): GameAudio;
  /** The Howl made for a sound: effects are created in EFFECT_NAMES order, then music. */
  howlFor(name: (typeof SOUND_NAMES)[number]): ReturnType<typeof makeHowlFor>;
}

function makeHowlFor(name: (typeof SOUND_NAMES)[number]) {
  const index = name === 'music' ? EFFECT_NAMES.length : EFFECT_NAMES.indexOf(name);
  const howl = fake.state.howls[index];
  if (!howl) throw new Error(`no howl for ${name}`);
  return howl;
}

/** Resets the fakes before each test of the calling file and cleans up after it. */
export function useAudioHarness(): AudioHarness {
  let audio: GameAudio | undefined;
  const h: AudioHarness = {
    clock: 0,
    blobs: new Map(),
    make(storage: Storage = new FakeStorage()) {
      audio = createAudio({ storage, now: () => h.clock });
      return audio;
    },
    howlFor: makeHowlFor,
  };
  beforeEach(() => {
    vi.useFakeTimers();
    fake.state.howls.length = 0;
    fake.state.howlerReads.length = 0;
    fake.state.ctx = undefined;
    fake.state.throwOnCreate = false;
    fake.Howl.mockClear();
    h.clock = 10_000;
    h.blobs.clear();
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${n++}`;
      h.blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  });
  afterEach(() => {
    audio?.dispose();
    audio = undefined;
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  return h;
}
