/**
 * The part of howler's API the game's audio uses (src/audio/audio.ts), on the Web Audio
 * API: a `Howl` per sound (a WAV blob URL, decoded once, played through its own gain for
 * volume and mute; `play()` starts a new instance and returns its id, `pause(id)` keeps
 * its place for `play(id)`, loops are sample-accurate) and `Howler.ctx`, the one
 * AudioContext, created by the first Howl. Written for the game rather than shipped as
 * howler (9.5 KB gzipped, most of it HTML5-audio fallbacks, sprites, spatial sound and
 * codec sniffing the game never uses): the game must weigh no more than bare Phaser
 * (issue 12). Without Web Audio the game is silent, as it is when anything here fails.
 */

export interface HowlOptions {
  src: string[];
  format?: string[];
  loop?: boolean;
  volume?: number;
  mute?: boolean;
  /** Accepted for howler's signature; sounds always play through Web Audio. */
  html5?: boolean;
}

interface Sound {
  source: AudioBufferSourceNode | null;
  /** Seconds into the buffer where it (re)starts. */
  offset: number;
  /** Context time that corresponds to offset 0 while it plays. */
  startedAt: number;
  playing: boolean;
}

type ContextClass = new () => AudioContext;
let context: AudioContext | null = null;
let nextId = 1000;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Context =
    (globalThis as unknown as { AudioContext?: ContextClass; webkitAudioContext?: ContextClass }).AudioContext ??
    (globalThis as unknown as { webkitAudioContext?: ContextClass }).webkitAudioContext;
  if (!Context) return null;
  context = new Context();
  return context;
}

/** A context the browser held back (no gesture yet) starts on the next play. */
function wake(ctx: AudioContext): void {
  if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
}

export const Howler = {
  /** The AudioContext, once the first Howl has made it. */
  get ctx(): AudioContext | null {
    return context;
  },
};

export class Howl {
  private readonly ctx: AudioContext | null;
  private readonly gain: GainNode | null = null;
  private readonly loop: boolean;
  private buffer: AudioBuffer | null = null;
  private vol: number;
  private muted: boolean;
  private unloaded = false;
  private readonly sounds = new Map<number, Sound>();

  constructor(options: HowlOptions) {
    this.loop = options.loop === true;
    this.vol = options.volume ?? 1;
    this.muted = options.mute === true;
    this.ctx = audioContext();
    const ctx = this.ctx;
    const url = options.src[0];
    if (!ctx || url === undefined) return;
    this.gain = ctx.createGain();
    this.gain.connect(ctx.destination);
    this.applyGain();
    void fetch(url)
      .then((r) => r.arrayBuffer())
      .then((bytes) => ctx.decodeAudioData(bytes))
      .then((buffer) => {
        if (this.unloaded) return;
        this.buffer = buffer;
        // Plays asked for while it was decoding start now.
        for (const sound of this.sounds.values()) if (sound.playing) this.start(sound);
      })
      .catch(() => {});
  }

  /** A new instance of the sound (returns its id), or the paused instance `id` again. */
  play(id?: number): number {
    if (this.unloaded) return id ?? 0;
    if (id !== undefined) {
      const sound = this.sounds.get(id);
      if (sound && !sound.playing) {
        sound.playing = true;
        this.start(sound);
      }
      return id;
    }
    const sid = nextId++;
    const sound: Sound = { source: null, offset: 0, startedAt: 0, playing: true };
    this.sounds.set(sid, sound);
    this.start(sound);
    return sid;
  }

  /** Stops instance `id`, keeping its place for play(id). */
  pause(id: number): void {
    const sound = this.sounds.get(id);
    if (!sound?.playing) return;
    sound.playing = false;
    if (sound.source && this.ctx && this.buffer) {
      const played = this.ctx.currentTime - sound.startedAt;
      sound.offset = this.loop ? played % this.buffer.duration : Math.min(played, this.buffer.duration);
    }
    this.halt(sound);
  }

  /** Stops instance `id` and forgets it. */
  stop(id: number): void {
    const sound = this.sounds.get(id);
    if (!sound) return;
    this.halt(sound);
    this.sounds.delete(id);
  }

  mute(muted: boolean): void {
    this.muted = muted;
    this.applyGain();
  }

  volume(volume: number): void {
    this.vol = volume;
    this.applyGain();
  }

  /** Stops every instance and lets the sound go. */
  unload(): void {
    this.unloaded = true;
    for (const sound of this.sounds.values()) this.halt(sound);
    this.sounds.clear();
    this.gain?.disconnect();
    this.buffer = null;
  }

  private start(sound: Sound): void {
    const ctx = this.ctx;
    if (!ctx || !this.gain || !this.buffer) return; // starts once decoded
    wake(ctx);
    const source = ctx.createBufferSource();
    source.buffer = this.buffer;
    source.loop = this.loop;
    source.connect(this.gain);
    source.start(0, sound.offset);
    sound.source = source;
    sound.startedAt = ctx.currentTime - sound.offset;
    if (!this.loop) {
      source.onended = () => {
        if (sound.source !== source) return;
        for (const [id, s] of this.sounds) if (s === sound) this.sounds.delete(id);
      };
    }
  }

  private halt(sound: Sound): void {
    const source = sound.source;
    sound.source = null;
    if (!source) return;
    source.onended = null;
    try {
      source.stop();
    } catch {
      // Already stopped.
    }
    source.disconnect();
  }

  private applyGain(): void {
    if (this.gain) this.gain.gain.value = this.muted ? 0 : this.vol;
  }
}
