/**
 * Canvases the map paints with Canvas 2D (surfaces.ts) and Phaser shows as images. Each
 * is a plain <canvas> registered as an image texture: Phaser's canvas renderer draws the
 * live canvas, so repainting needs no upload and no copy, and registering it reads no
 * pixels (Phaser's own CanvasTexture copies every pixel of a new canvas for APIs the map
 * never uses).
 */
import type Phaser from 'phaser';
import type { WorldLayers } from './layers.ts';
import type { LegendImage } from './legendImage.ts';
import { type Surface, surface } from './surfaces.ts';
import { onScreen, type WorldView } from './view.ts';

const GEO_KEY = 'caspian-map-geography';
const OVERLAY_KEY = 'caspian-map-overlay';
const LEGEND_KEY = 'caspian-map-legend';

export interface Painted extends Surface {
  key: string;
}

/** `canvas` under `key`: registered again only when it is another canvas than the one there. */
export function adoptTexture(textures: Phaser.Textures.TextureManager, key: string, canvas: HTMLCanvasElement): void {
  if (textures.exists(key)) {
    if (textures.get(key).getSourceImage() === canvas) return;
    textures.remove(key);
  }
  textures.addImage(key, canvas as unknown as HTMLImageElement);
}

/** A cleared canvas of (at least 1×1 and) this size under `key`; the same one while its size holds. */
export function canvasTexture(textures: Phaser.Textures.TextureManager, key: string, width: number, height: number, current: Painted | null): Painted {
  const s = surface(width, height, current);
  if (s === current) return current;
  adoptTexture(textures, key, s.canvas);
  return { key, ...s };
}

/** Points `img` at `key`'s canvas, sized to it, at world (x, y), `s` texels per world px. */
export function showTexture(img: Phaser.GameObjects.Image, key: string, x: number, y: number, s: number, view: WorldView): void {
  // Re-point at the frame and take its size: the canvas renderer draws with the game
  // object's own size, which would otherwise keep an earlier texture's.
  img.setTexture(key, '__BASE');
  img.setSizeToFrame();
  place(img, x, y, s, view);
}

/** Puts `img` (painted at `s` texels per world px, its corner at world (x, y)) where `view` shows it. */
export function place(img: Phaser.GameObjects.Image, x: number, y: number, s: number, view: WorldView): void {
  const at = onScreen(view, x, y, s);
  img.setScale(at.scale);
  img.setPosition(at.x, at.y);
}

/** Points the world images at the layers' canvases (registered again only when new canvases). */
export function showLayers(
  textures: Phaser.Textures.TextureManager,
  geoImage: Phaser.GameObjects.Image,
  overlayImage: Phaser.GameObjects.Image,
  layers: WorldLayers,
  view: WorldView,
): void {
  const { geo, overlay, bake } = layers;
  if (!geo || !overlay || !bake) return;
  adoptTexture(textures, GEO_KEY, geo.canvas);
  adoptTexture(textures, OVERLAY_KEY, overlay.canvas);
  showTexture(geoImage, GEO_KEY, bake.region[0], bake.region[1], bake.scale, view);
  showTexture(overlayImage, OVERLAY_KEY, bake.region[0], bake.region[1], bake.scale, view);
}

/** Shows the map key's canvas at its place on screen. */
export function showKey(textures: Phaser.Textures.TextureManager, image: Phaser.GameObjects.Image, key: LegendImage): void {
  if (!key.tex) return;
  adoptTexture(textures, LEGEND_KEY, key.tex.canvas);
  image.setTexture(LEGEND_KEY, '__BASE');
  image.setSizeToFrame();
  image.setPosition(key.x, key.y);
}
