// @vitest-environment node
// The game's sound: nothing before unlock (autoplay rules), unlock, effects and music.
import { describe, expect, it, vi } from 'vitest';

vi.mock('howler', async () => {
  const { fake } = await import('./fakeHowler.ts');
  return { Howl: fake.Howl, Howler: fake.Howler };
});

import { DEFAULT_VOLUME, EFFECT_NAMES, MIN_GAP_MS, MUSIC_GAIN, MUSIC_RENDER_DELAY_MS, SOUND_NAMES, STORAGE_KEYS } from '../../src/audio/audio.ts';
import { musicLoopSamples, renderSound } from '../../src/audio/synth.ts';
import { fake } from './fakeHowler.ts';
import { FakeStorage, useAudioHarness } from './harness.ts';

const h = useAudioHarness();
const { make, howlFor } = h;

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
      expect(h.blobs.get(url)?.type, name).toBe('audio/wav');
      expect(h.blobs.get(url)?.size, name).toBe(44 + 2 * renderSound(name).length);
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
    expect(h.blobs.get(url)?.size).toBe(44 + 2 * musicLoopSamples(48000));
    expect(musicLoopSamples(48000)).toBe(1_280_000);
  });

  it('falls back to 22050 Hz without Web Audio', () => {
    make().unlock();
    vi.advanceTimersByTime(MUSIC_RENDER_DELAY_MS);
    const url = (howlFor('music').options.src as string[])[0] as string;
    expect(h.blobs.get(url)?.size).toBe(44 + 2 * 588000);
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
    h.clock += MIN_GAP_MS.warning - 1;
    a.play('warning');
    expect(howlFor('warning').play).toHaveBeenCalledTimes(1);
    h.clock += 1;
    a.play('warning');
    expect(howlFor('warning').play).toHaveBeenCalledTimes(2);
  });

  it('lets quick clicks through but not doubled ones', () => {
    const a = make();
    a.unlock();
    a.play('click');
    a.play('click');
    h.clock += MIN_GAP_MS.click;
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
