/**
 * Starts the map's Phaser game in an element: the scene (MapScene.ts) on the canvas
 * renderer, filling the element and following its size. Phaser comes in as an argument
 * (poster.ts's loadScene fetches it), so that this module, in the poster's chunk, does not
 * import it. With a poster (poster.ts: the
 * first frame, already on screen), Phaser shows the layers painted for the poster's view and
 * the poster is taken off the page after Phaser's first frame, which shows the same picture.
 */
import { defineMapScene, type MapScene, type PhaserLean } from './MapScene.ts';
import { cssColor, MAP } from './palette.ts';
import BLANK_PNG from './phaser/blank.png?no-inline';
import type { Poster } from './poster.ts';
import type { MapController, MapHandlers, MapViewModel } from './types.ts';

export type { MapScene, PhaserLean };

export interface StartOptions {
  /** The first frame, painted before Phaser loaded: adopted, then removed. */
  poster?: Poster;
  /** Phaser has drawn its first frame: the map answers the pointer from now on. */
  onInteractive?: () => void;
}

let sceneClass: ReturnType<typeof defineMapScene> | null = null;

/** Mounts the map into `parent` (it fills the element and follows its size), on `phaser`. */
export function startMap(phaser: PhaserLean, parent: HTMLElement, initial: MapViewModel, handlers: MapHandlers, opts: StartOptions = {}): MapController {
  const { CANVAS, Game, ScaleModes } = phaser;
  sceneClass ??= defineMapScene(phaser);
  performance.mark('caspian:phaser-start'); // for bench:browser
  const { poster } = opts;
  // Phaser's first frame is drawn: it replaces the poster (in the same task, so no frame
  // shows neither). For bench:browser, the marks of the map on screen and interactive.
  const onFirstFrame = () => {
    if (!poster) performance.mark('caspian:map-first-frame');
    performance.mark('caspian:map-interactive');
    poster?.remove();
    opts.onInteractive?.();
  };
  const scene = new sceneClass({ initial, handlers, poster, onFirstFrame });
  const game = new Game({
    // The canvas renderer: the map is a few pre-painted textures, which Canvas 2D draws
    // at 60 fps even without a GPU (school machines, headless tests), where software
    // WebGL spends ~30 ms a frame on compositing alone (measured with bench:browser).
    type: CANVAS,
    parent,
    backgroundColor: cssColor(MAP.seaDeep),
    banner: false,
    audio: { noAudio: true },
    scale: {
      mode: ScaleModes.RESIZE,
      width: parent.clientWidth || 1366,
      height: parent.clientHeight || 768,
    },
    render: { antialias: true, antialiasGL: true },
    // Phaser's built-in placeholder textures are `data:` URLs, which a strict CSP refuses:
    // a one-pixel file of our own instead (the map never shows them).
    images: { default: BLANK_PNG, missing: BLANK_PNG, white: BLANK_PNG },
    scene: [scene],
  });
  // Test hook: the end-to-end tests find the badges, routes and sites through this.
  (window as unknown as { __mapScene?: () => MapScene | null }).__mapScene = () => (scene.isReady() ? scene : null);
  let destroyed = false;
  return {
    game,
    update(vm: MapViewModel) {
      if (!destroyed) scene.setViewModel(vm);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      poster?.remove();
      game.destroy(true);
    },
  };
}
