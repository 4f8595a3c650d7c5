/**
 * The map's first frame, before Phaser: the same layers the scene shows (geography,
 * overlay, key), painted with Canvas 2D by the same code onto a plain <canvas> laid over
 * the map's element, where Phaser's canvas renderer puts them. This module and what it
 * imports carry no Phaser, so the game screen shows the whole map as soon as it mounts
 * while Phaser's chunk loads and boots. The scene then shows the layers' canvases as its
 * textures (`ensureLayers` paints them, after the poster's frame) and the poster is
 * removed after Phaser's first frame, which shows the same picture. Until then the map does
 * not answer the pointer (the poster lets it through to Phaser's canvas beneath).
 */
import { MapContent } from './content.ts';
import { GEO } from './geography.ts';
import { bakeFor, WorldLayers } from './layers.ts';
import { LegendImage } from './legendImage.ts';
import { cssColor, MAP } from './palette.ts';
import type { MapViewModel } from './types.ts';
import { fitView, onScreen, type ViewFit, worldView } from './view.ts';
import { startMap } from './start.ts';

/**
 * Phaser (its own chunk, fetched and run here) and the map's scene on it: resolves to
 * `startMap` without its first argument. The scene's code is in this chunk; only Phaser's
 * is not, so the poster paints without waiting for it.
 */
export const loadScene = () =>
  import('./phaser/lean.ts').then(
    (phaser) =>
      (...args: StartArgs) =>
        startMap(phaser, ...args),
  );
type StartArgs = Parameters<typeof startMap> extends [unknown, ...infer Rest] ? Rest : never;

export interface Poster {
  readonly canvas: HTMLCanvasElement;
  /** The element's size it shows (CSS px, as Phaser's RESIZE mode reads it: unrounded). */
  readonly width: number;
  readonly height: number;
  readonly fit: ViewFit;
  readonly layers: WorldLayers;
  readonly legend: LegendImage;
  readonly content: MapContent;
  readonly vm: MapViewModel;
  /** Paints `layers` for the poster's view, unless they are painted for it already. */
  ensureLayers(): void;
  /** Takes the poster off the page (Phaser shows the same picture by then). */
  remove(): void;
}

/**
 * The transform Phaser's canvas renderer sets for a world image placed at `at`
 * (view.ts's onScreen, as the scene places it): Phaser's TransformMatrix keeps it in a
 * Float32Array. Computed the same way, the poster's copy is Phaser's, whatever the
 * browser's filtering makes of the transform. Returns the scale and the offsets.
 */
function phaserMatrix(at: { x: number; y: number; scale: number }): [number, number, number] {
  const f = Math.fround;
  return [f(at.scale), f(at.x), f(at.y)];
}

/** Paints `vm` onto a canvas laid over `host`, following the host's size until removed. */
export function paintPoster(host: HTMLElement, vm: MapViewModel): Poster {
  performance.mark('caspian:map-start'); // for bench:browser
  const layers = new WorldLayers(GEO);
  const legend = new LegendImage();
  const content = new MapContent(GEO);
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'map-poster';
  // Above Phaser's canvas until that has drawn its first frame; the pointer goes through.
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', zIndex: '1', pointerEvents: 'none' });
  // Opaque, as Phaser makes its own canvas (not `transparent`): blending rounds alike.
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('Canvas 2D is not available');
  let size = { width: 0, height: 0 };
  let fit: ViewFit = fitView(1, 1, GEO.box);
  let bake = bakeFor(fit);
  const ensureLayers = () => {
    if (layers.bake !== bake || !layers.geo) layers.paintAll(bake, content.of(vm));
  };
  const paint = () => {
    const r = host.getBoundingClientRect();
    size = { width: r.width, height: r.height };
    fit = fitView(r.width, r.height, GEO.box);
    content.fitTo(fit);
    bake = bakeFor(fit);
    legend.layout(r.width, r.height, vm);
    // Phaser's RESIZE canvas: as many texels as the element's width, cut to an integer.
    canvas.width = r.width;
    canvas.height = r.height;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = cssColor(MAP.seaDeep);
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const [k, e, f] = phaserMatrix(onScreen(worldView(fit, r.width, r.height), bake.region[0], bake.region[1], bake.scale));
    // One texel a pixel at a whole-pixel place (the usual case): Phaser's copy of the
    // textures moves no pixel, so the map is painted straight onto the poster and the
    // textures later (ensureLayers). Otherwise (even a place off by a rounding error) Phaser
    // filters them as it copies: the poster copies them the way it does.
    if (k === 1 && Number.isInteger(e) && Number.isInteger(f)) layers.paintOnto(ctx, bake, content.of(vm), e, f);
    else {
      ensureLayers();
      for (const layer of [layers.geo, layers.overlay]) {
        if (!layer) continue;
        const { width, height } = layer.canvas;
        ctx.setTransform(k, 0, 0, k, e, f);
        ctx.drawImage(layer.canvas, 0, 0, width, height, 0, 0, width, height);
      }
    }
    const key = legend.tex?.canvas;
    if (key) {
      ctx.setTransform(1, 0, 0, 1, legend.x, legend.y);
      ctx.drawImage(key, 0, 0, key.width, key.height, 0, 0, key.width, key.height);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  };
  paint();
  host.append(canvas);
  performance.mark('caspian:poster-painted');
  // For bench:browser: the frame after the paint puts the map on screen.
  requestAnimationFrame(() => performance.mark('caspian:map-first-frame'));
  // A resize before Phaser takes over: paint again for the new size, before that frame.
  const resized = new ResizeObserver(() => {
    const r = host.getBoundingClientRect();
    if (r.width !== size.width || r.height !== size.height) paint();
  });
  resized.observe(host);
  return {
    canvas,
    get width() {
      return size.width;
    },
    get height() {
      return size.height;
    },
    get fit() {
      return fit;
    },
    layers,
    legend,
    content,
    vm,
    ensureLayers,
    remove() {
      resized.disconnect();
      canvas.remove();
    },
  };
}
