/**
 * The audio tests' howler, recording every Howl made and every read of `Howler`. A module of
 * its own, apart from harness.ts: a test's `vi.mock('howler', …)` imports it while the game's
 * audio module (which imports howler) is still loading, so it must not import that module.
 */
import { vi } from 'vitest';

// A recording stand-in for howler. `Howler` is a Proxy so the tests can prove that
// nothing was even read from it before unlock().
export const fake = (() => {
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
})();
