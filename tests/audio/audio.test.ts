// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A recording stand-in for howler. `Howler` is a Proxy so the tests can prove that
// nothing was even read from it before unlock().
const fake = vi.hoisted(() => {
  interface FakeHowl {
    options: Record<string, unknown>;
    play: ReturnType<typeof vi.fn>;
    pause: ReturnType<typeof vi.fn>;
    stop: ReturnType<typeof vi.fn>;
    mute: ReturnType<typeof vi.fn>;
    volume: ReturnType<typeof vi.fn>;
    unload: ReturnType<typeof vi.fn>;
    playing: ReturnType<typeof vi.fn>;
  }
  const state = {
    howls: [] as FakeHowl[],
    howlerReads: [] as PropertyKey[],
    ctx: undefined as { sampleRate: number } | undefined,
    throwOnCreate: false,
    nextId: 1,
  };
  const Howl = vi.fn(function (this: FakeHowl, options: Record<string, unknown>) {
    if (state.throwOnCreate) throw new Error('no audio here');
    this.options = options;
    this.play = vi.fn((id?: number) => id ?? state.nextId++);
    this.pause = vi.fn();
    this.stop = vi.fn();
    this.mute = vi.fn();
    this.volume = vi.fn();
    this.unload = vi.fn();
    this.playing = vi.fn(() => false);
    state.howls.push(this);
  });
  const Howler = new Proxy(
    {},
    {
      get(_target, key) {
        state.howlerReads.push(key);
        return key === 'ctx' ? state.ctx : vi.fn();
      },
    },
  );
  return { state, Howl, Howler };
});

vi.mock('howler', () => ({ Howl: fake.Howl, Howler: fake.Howler }));

import {
  createAudio,
  DEFAULT_VOLUME,
  EFFECT_NAMES,
  type GameAudio,
  MIN_GAP_MS,
  MUSIC_GAIN,
  MUSIC_RENDER_DELAY_MS,
  pickMusicRate,
  SOUND_NAMES,
  STORAGE_KEYS,
  unlockOnFirstGesture,
} from '../../src/audio/audio.ts';
import { musicLoopSamples, renderSound } from '../../src/audio/synth.ts';

/** In-memory Storage; can be made to throw like a locked-down browser. */
class FakeStorage implements Storage {
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

let blobs: Map<string, Blob>;
let clock: number;
let audio: GameAudio;

function make(storage: Storage = new FakeStorage()): GameAudio {
  audio = createAudio({ storage, now: () => clock });
  return audio;
}

/** The Howl made for a sound: effects are created in EFFECT_NAMES order, then music. */
function howlFor(name: (typeof SOUND_NAMES)[number]) {
  const index = name === 'music' ? EFFECT_NAMES.length : EFFECT_NAMES.indexOf(name);
  const howl = fake.state.howls[index];
  if (!howl) throw new Error(`no howl for ${name}`);
  return howl;
}

beforeEach(() => {
  vi.useFakeTimers();
  fake.state.howls.length = 0;
  fake.state.howlerReads.length = 0;
  fake.state.ctx = undefined;
  fake.state.throwOnCreate = false;
  fake.Howl.mockClear();
  clock = 10_000;
  blobs = new Map();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
});

afterEach(() => {
  audio?.dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('before unlock (browsers block autoplay)', () => {
  it('touches neither howler nor the AudioContext, whatever the UI calls', () => {
    const a = make();
    expect(() => {
      a.play('click');
      a.play('warning');
      a.play('music');
      a.startMusic();
      a.setVolume(0.3);
      a.setMuted(true);
      a.setMuted(false);
      a.stopMusic();
    }).not.toThrow();
    vi.advanceTimersByTime(60_000);
    expect(fake.Howl).not.toHaveBeenCalled();
    expect(fake.state.howlerReads).toEqual([]);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
    expect(a.isUnlocked()).toBe(false);
  });
});

describe('unlock', () => {
  it('creates one WAV Howl per effect at once, and the music loop a moment later', () => {
    const a = make();
    a.unlock();
    expect(a.isUnlocked()).toBe(true);
    expect(fake.Howl).toHaveBeenCalledTimes(EFFECT_NAMES.length);
    for (const [i, name] of EFFECT_NAMES.entries()) {
      const { options } = fake.state.howls[i] as { options: Record<string, unknown> };
      expect(options.format, name).toEqual(['wav']);
      expect(options.loop, name).toBe(false);
      expect(options.html5, name).toBe(false);
      expect(options.volume, name).toBe(DEFAULT_VOLUME);
      const url = (options.src as string[])[0] as string;
      expect(url.startsWith('blob:'), name).toBe(true);
      expect(blobs.get(url)?.type, name).toBe('audio/wav');
      expect(blobs.get(url)?.size, name).toBe(44 + 2 * renderSound(name).length);
    }

    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    expect(fake.Howl).toHaveBeenCalledTimes(SOUND_NAMES.length);
    const music = howlFor('music');
    expect(music.options.loop).toBe(true);
    expect(music.options.volume).toBeCloseTo(DEFAULT_VOLUME * MUSIC_GAIN, 12);
    expect(music.options.volume as number).toBeLessThan(DEFAULT_VOLUME);
    expect(music.play).not.toHaveBeenCalled(); // music only when asked for
  });

  it('is idempotent', () => {
    const a = make();
    a.unlock();
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    a.unlock();
    expect(fake.Howl).toHaveBeenCalledTimes(SOUND_NAMES.length);
  });

  it('renders the loop at the AudioContext rate, so it is not resampled at the seam', () => {
    fake.state.ctx = { sampleRate: 48000 };
    make().unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    const url = (howlFor('music').options.src as string[])[0] as string;
    expect(blobs.get(url)?.size).toBe(44 + 2 * musicLoopSamples(48000));
    expect(musicLoopSamples(48000)).toBe(1_280_000);
  });

  it('falls back to 22050 Hz without Web Audio', () => {
    make().unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    const url = (howlFor('music').options.src as string[])[0] as string;
    expect(blobs.get(url)?.size).toBe(44 + 2 * 588000);
  });

  it('survives an audio stack that throws: no exception reaches the game', () => {
    fake.state.throwOnCreate = true;
    const a = make();
    expect(() => {
      a.unlock();
      vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
      a.play('click');
      a.startMusic();
      a.setVolume(0.2);
      a.setMuted(true);
      a.dispose();
    }).not.toThrow();
  });
});

describe('play', () => {
  it('plays the named effect once per call', () => {
    const a = make();
    a.unlock();
    a.play('click');
    a.play('endTurn');
    expect(howlFor('click').play).toHaveBeenCalledTimes(1);
    expect(howlFor('endTurn').play).toHaveBeenCalledTimes(1);
    expect(howlFor('event').play).not.toHaveBeenCalled();
  });

  it('collapses a burst of warnings into one restrained alert', () => {
    const a = make();
    a.unlock();
    a.play('warning');
    a.play('warning');
    clock += MIN_GAP_MS.warning - 1;
    a.play('warning');
    expect(howlFor('warning').play).toHaveBeenCalledTimes(1);
    clock += 1;
    a.play('warning');
    expect(howlFor('warning').play).toHaveBeenCalledTimes(2);
  });

  it('lets quick clicks through but not doubled ones', () => {
    const a = make();
    a.unlock();
    a.play('click');
    a.play('click');
    clock += MIN_GAP_MS.click;
    a.play('click');
    expect(howlFor('click').play).toHaveBeenCalledTimes(2);
  });

  it('is silent while muted', () => {
    const a = make();
    a.unlock();
    a.setMuted(true);
    for (const name of EFFECT_NAMES) a.play(name);
    for (const name of EFFECT_NAMES) expect(howlFor(name).play, name).not.toHaveBeenCalled();
  });

  it('works when methods are passed around detached from the object', () => {
    const { unlock, play, startMusic } = make();
    unlock();
    play('event');
    startMusic();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    expect(howlFor('event').play).toHaveBeenCalledTimes(1);
    expect(howlFor('music').play).toHaveBeenCalledTimes(1);
  });
});

describe('music', () => {
  it('remembers startMusic() from before unlock and starts once the loop is ready', () => {
    const a = make();
    a.startMusic();
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    expect(howlFor('music').play).toHaveBeenCalledTimes(1);
  });

  it('play("music") is startMusic(), and asking twice does not layer two loops', () => {
    const a = make();
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    a.play('music');
    a.startMusic();
    expect(howlFor('music').play).toHaveBeenCalledTimes(1);
  });

  it('stops on stopMusic() and starts afresh later', () => {
    const a = make();
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    a.startMusic();
    const music = howlFor('music');
    const id = music.play.mock.results[0]?.value as number;
    a.stopMusic();
    expect(music.stop).toHaveBeenCalledWith(id);
    a.startMusic();
    expect(music.play).toHaveBeenCalledTimes(2);
    expect(music.play.mock.calls[1]).toEqual([]);
  });

  it('pauses while muted and resumes the same loop where it was on unmute', () => {
    const a = make();
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    a.startMusic();
    const music = howlFor('music');
    const id = music.play.mock.results[0]?.value as number;
    a.setMuted(true);
    expect(music.pause).toHaveBeenCalledWith(id);
    expect(music.mute).toHaveBeenCalledWith(true);
    a.setMuted(false);
    expect(music.play).toHaveBeenLastCalledWith(id);
    expect(music.play).toHaveBeenCalledTimes(2);
  });

  it('does not start when muted, and starts on unmute', () => {
    const a = make(new FakeStorage({ [STORAGE_KEYS.muted]: 'true' }));
    a.unlock();
    a.startMusic();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    const music = howlFor('music');
    expect(music.options.mute).toBe(true);
    expect(music.play).not.toHaveBeenCalled();
    a.setMuted(false);
    expect(music.play).toHaveBeenCalledTimes(1);
  });
});

describe('volume', () => {
  it('sets effects at the volume and music under it', () => {
    const a = make();
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    a.setVolume(0.5);
    expect(a.getVolume()).toBe(0.5);
    for (const name of EFFECT_NAMES) expect(howlFor(name).volume, name).toHaveBeenLastCalledWith(0.5);
    expect(howlFor('music').volume).toHaveBeenLastCalledWith(0.5 * MUSIC_GAIN);
  });

  it('clamps to 0..1 and ignores values that are not numbers', () => {
    const a = make();
    a.setVolume(2);
    expect(a.getVolume()).toBe(1);
    a.setVolume(-0.5);
    expect(a.getVolume()).toBe(0);
    a.setVolume(0.25);
    a.setVolume(Number.NaN);
    a.setVolume(Number.POSITIVE_INFINITY);
    a.setVolume('0.9' as unknown as number);
    expect(a.getVolume()).toBe(0.25);
  });

  it('applies a volume chosen before unlock to the sounds it creates', () => {
    const a = make();
    a.setVolume(0.2);
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    expect(howlFor('click').options.volume).toBe(0.2);
    expect(howlFor('music').options.volume).toBeCloseTo(0.2 * MUSIC_GAIN, 12);
  });
});

describe('persistence', () => {
  it('starts unmuted at 0.6 with nothing stored', () => {
    const a = make();
    expect(a.isMuted()).toBe(false);
    expect(a.getVolume()).toBe(0.6);
  });

  it('stores mute and volume under the agreed keys and reads them back', () => {
    const storage = new FakeStorage();
    const a = make(storage);
    a.setMuted(true);
    a.setVolume(0.35);
    expect(storage.map.get('caspian.audio.muted')).toBe('true');
    expect(storage.map.get('caspian.audio.volume')).toBe('0.35');
    a.dispose();
    const b = make(storage);
    expect(b.isMuted()).toBe(true);
    expect(b.getVolume()).toBe(0.35);
    b.setMuted(false);
    expect(storage.map.get('caspian.audio.muted')).toBe('false');
    expect(make(storage).isMuted()).toBe(false);
  });

  it('keeps an edge value such as silence (0) rather than resetting it', () => {
    const storage = new FakeStorage();
    make(storage).setVolume(0);
    expect(make(storage).getVolume()).toBe(0);
  });

  it.each([
    ['banana', false],
    ['TRUE', false],
    ['1', false],
    ['', false],
  ])('reads muted=%j as %s', (raw, expected) => {
    expect(make(new FakeStorage({ [STORAGE_KEYS.muted]: raw })).isMuted()).toBe(expected);
  });

  it.each(['loud', '', '  ', 'NaN', 'Infinity', '-0.1', '1.5', '{"v":1}', '0.5abc'])('falls back to 0.6 for a corrupt volume %j', (raw) => {
    expect(make(new FakeStorage({ [STORAGE_KEYS.volume]: raw })).getVolume()).toBe(0.6);
  });

  it('survives storage that throws on every access', () => {
    const storage = new FakeStorage({ [STORAGE_KEYS.volume]: '0.2' });
    storage.failing = true;
    const a = make(storage);
    expect(a.getVolume()).toBe(0.6);
    expect(() => {
      a.setMuted(true);
      a.setVolume(0.4);
    }).not.toThrow();
    expect(a.isMuted()).toBe(true);
    expect(a.getVolume()).toBe(0.4);
  });

  it('works with no storage at all (Node has no localStorage)', () => {
    const a = createAudio();
    expect(a.getVolume()).toBe(0.6);
    expect(() => a.setMuted(true)).not.toThrow();
    a.dispose();
  });
});

describe('dispose', () => {
  it('unloads every sound, frees the blobs and goes quiet for good', () => {
    const a = make();
    a.unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    a.startMusic();
    const howls = [...fake.state.howls];
    a.dispose();
    for (const h of howls) expect(h.unload).toHaveBeenCalledTimes(1);
    expect(URL.revokeObjectURL).toHaveBeenCalledTimes(SOUND_NAMES.length);
    a.play('click');
    a.startMusic();
    a.unlock();
    expect(howlFor('click').play).not.toHaveBeenCalled();
    expect(fake.Howl).toHaveBeenCalledTimes(SOUND_NAMES.length);
  });

  it('cancels a music render that has not happened yet', () => {
    const a = make();
    a.unlock();
    a.dispose();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS * 10);
    expect(fake.Howl).toHaveBeenCalledTimes(EFFECT_NAMES.length);
  });
});

describe('unlockOnFirstGesture', () => {
  it('unlocks on the first key or pointer press, then stops listening', () => {
    const a = make();
    const spy = vi.spyOn(a, 'unlock');
    const target = new EventTarget();
    unlockOnFirstGesture(a, target);
    expect(a.isUnlocked()).toBe(false);
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('mousedown'));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(a.isUnlocked()).toBe(true);
  });

  it('can be cancelled before any gesture', () => {
    const a = make();
    const target = new EventTarget();
    unlockOnFirstGesture(a, target)();
    target.dispatchEvent(new Event('click'));
    expect(a.isUnlocked()).toBe(false);
  });
});

describe('pickMusicRate', () => {
  it('follows the AudioContext rate within 8-96 kHz, otherwise 22050 Hz', () => {
    expect(pickMusicRate(48000)).toBe(48000);
    expect(pickMusicRate(44100)).toBe(44100);
    expect(pickMusicRate(16000)).toBe(16000);
    expect(pickMusicRate(96000)).toBe(96000);
    expect(pickMusicRate(192000)).toBe(22050);
    expect(pickMusicRate(4000)).toBe(22050);
    expect(pickMusicRate(Number.NaN)).toBe(22050);
    expect(pickMusicRate(44100.5)).toBe(22050);
    expect(pickMusicRate(undefined)).toBe(22050);
  });
});
