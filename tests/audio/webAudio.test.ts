// @vitest-environment node
/**
 * src/audio/webAudio.ts: howler's API as the game uses it, on the Web Audio API. Driven here
 * with a recording AudioContext: what plays, from where in the sound, through what gain.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface FakeSource {
  buffer: unknown;
  loop: boolean;
  startedWith: number[] | null;
  stopped: boolean;
  onended: (() => void) | null;
  connect: ReturnType<typeof vi.fn>;
  disconnect: ReturnType<typeof vi.fn>;
  start(when: number, offset: number): void;
  stop(): void;
}

class FakeContext {
  static made = 0;
  currentTime = 0;
  state = 'running';
  destination = { name: 'speakers' };
  sources: FakeSource[] = [];
  gains: { gain: { value: number }; connect: ReturnType<typeof vi.fn>; disconnect: ReturnType<typeof vi.fn> }[] = [];
  resume = vi.fn(async () => {
    this.state = 'running';
  });
  constructor() {
    FakeContext.made++;
  }
  createGain() {
    const g = { gain: { value: 1 }, connect: vi.fn(), disconnect: vi.fn() };
    this.gains.push(g);
    return g;
  }
  createBufferSource() {
    const s: FakeSource = {
      buffer: null,
      loop: false,
      startedWith: null,
      stopped: false,
      onended: null,
      connect: vi.fn(),
      disconnect: vi.fn(),
      start(when, offset) {
        s.startedWith = [when, offset];
      },
      stop() {
        s.stopped = true;
      },
    };
    this.sources.push(s);
    return s;
  }
  async decodeAudioData() {
    return { duration: 10 };
  }
}

type Module = typeof import('../../src/audio/webAudio.ts');
let audio: Module;
const ctx = () => audio.Howler.ctx as unknown as FakeContext;
/** Lets the fetch and decode of a Howl's sound finish. */
const decoded = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  vi.resetModules();
  FakeContext.made = 0;
  vi.stubGlobal('AudioContext', FakeContext);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => ({ arrayBuffer: async () => new ArrayBuffer(8) })),
  );
  audio = await import('../../src/audio/webAudio.ts');
});
afterEach(() => vi.unstubAllGlobals());

describe('howler’s API on Web Audio', () => {
  it('makes no AudioContext until the first Howl, then shares one', () => {
    expect(audio.Howler.ctx).toBeNull();
    new audio.Howl({ src: ['blob:a'] });
    new audio.Howl({ src: ['blob:b'] });
    expect(FakeContext.made).toBe(1);
    expect(ctx()).toBeInstanceOf(FakeContext);
  });

  it('plays each play() as a new instance through the sound’s gain, once decoded', async () => {
    const howl = new audio.Howl({ src: ['blob:click'], volume: 0.6 });
    const first = howl.play(); // asked before the sound is decoded
    expect(ctx().sources).toEqual([]);
    await decoded();
    const second = howl.play();
    expect(second).not.toBe(first);
    expect(ctx().sources.map((s) => s.startedWith)).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const gain = ctx().gains[0];
    expect(gain?.connect).toHaveBeenCalledWith(ctx().destination);
    for (const s of ctx().sources) expect(s.connect).toHaveBeenCalledWith(gain);
    expect(gain?.gain.value).toBe(0.6);
  });

  it('mutes and sets the volume through the gain', () => {
    const howl = new audio.Howl({ src: ['blob:x'], volume: 0.5, mute: true });
    const gain = ctx().gains[0];
    expect(gain?.gain.value).toBe(0);
    howl.mute(false);
    expect(gain?.gain.value).toBe(0.5);
    howl.volume(0.2);
    expect(gain?.gain.value).toBe(0.2);
  });

  it('resumes a paused loop where it paused', async () => {
    const music = new audio.Howl({ src: ['blob:music'], loop: true });
    await decoded();
    ctx().currentTime = 3;
    const id = music.play();
    expect(ctx().sources[0]?.loop).toBe(true);
    ctx().currentTime = 26; // 23 s later: twice round the 10-s loop and 3 s in
    music.pause(id);
    expect(ctx().sources[0]?.stopped).toBe(true);
    ctx().currentTime = 40;
    expect(music.play(id)).toBe(id);
    expect(ctx().sources[1]?.startedWith).toEqual([0, 3]);
    // Paused again 2 s later: 5 s into the loop.
    ctx().currentTime = 42;
    music.pause(id);
    music.play(id);
    expect(ctx().sources[2]?.startedWith).toEqual([0, 5]);
  });

  it('stop() forgets an instance; unload() stops everything and lets go of the gain', async () => {
    const music = new audio.Howl({ src: ['blob:music'], loop: true });
    await decoded();
    const a = music.play();
    music.play();
    music.stop(a);
    expect(ctx().sources[0]?.stopped).toBe(true);
    music.play(a); // forgotten: nothing restarts
    expect(ctx().sources).toHaveLength(2);
    music.unload();
    expect(ctx().sources[1]?.stopped).toBe(true);
    expect(ctx().gains[0]?.disconnect).toHaveBeenCalled();
    music.play();
    expect(ctx().sources).toHaveLength(2);
  });

  it('wakes a context the browser held back when a sound plays', async () => {
    const howl = new audio.Howl({ src: ['blob:x'] });
    await decoded();
    ctx().state = 'suspended';
    howl.play();
    expect(ctx().resume).toHaveBeenCalledTimes(1);
  });

  it('is silent, and does not throw, without Web Audio', () => {
    vi.stubGlobal('AudioContext', undefined);
    const howl = new audio.Howl({ src: ['blob:x'] });
    expect(() => howl.pause(howl.play())).not.toThrow();
    expect(audio.Howler.ctx).toBeNull();
  });
});
