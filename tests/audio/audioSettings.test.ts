// @vitest-environment node
// The sound settings and lifetime: volume, stored preferences, dispose, the first gesture.
import { describe, expect, it, vi } from 'vitest';

vi.mock('howler', async () => {
  const { fake } = await import('./fakeHowler.ts');
  return { Howl: fake.Howl, Howler: fake.Howler };
});

import {
  createAudio,
  EFFECT_NAMES,
  MUSIC_GAIN,
  MUSIC_RENDER_DELAY_MS,
  pickMusicRate,
  SOUND_NAMES,
  STORAGE_KEYS,
  unlockOnFirstGesture,
} from '../../src/audio/audio.ts';
import { fake } from './fakeHowler.ts';
import { FakeStorage, useAudioHarness } from './harness.ts';

const h = useAudioHarness();
const { make, howlFor } = h;

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
