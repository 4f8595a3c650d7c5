/**
 * Canvases the map paints with Canvas 2D and Phaser shows as images. Each is a plain
 * <canvas> registered as an image texture: Phaser's canvas renderer draws the live
 * canvas, so repainting needs no upload and no copy, and registering it reads no pixels
 * (Phaser's own CanvasTexture copies every pixel of a new canvas for APIs the map never
 * uses).
 */
import type Phaser from 'phaser';

export interface Painted {
  key: string;
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
}

function newCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(width));
  canvas.height = Math.max(1, Math.ceil(height));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  return { canvas, ctx };
}

/** A canvas of (at least 1×1 and) this size under `key`; the same one while its size holds. */
export function canvasTexture(textures: Phaser.Textures.TextureManager, key: string, width: number, height: number, current: Painted | null): Painted {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  if (current && current.canvas.width === w && current.canvas.height === h) {
    current.ctx.setTransform(1, 0, 0, 1, 0, 0);
    current.ctx.clearRect(0, 0, w, h);
    return current;
  }
  if (textures.exists(key)) textures.remove(key);
  const { canvas, ctx } = newCanvas(w, h);
  textures.addImage(key, canvas as unknown as HTMLImageElement);
  return { key, canvas, ctx };
}

/** An offscreen canvas for caching a layer (never shown by itself). */
export function offscreen(width: number, height: number, current: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } | null) {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  if (current && current.canvas.width === w && current.canvas.height === h) {
    current.ctx.setTransform(1, 0, 0, 1, 0, 0);
    current.ctx.clearRect(0, 0, w, h);
    return current;
  }
  return newCanvas(w, h);
}

/** Points `img` at `key`'s canvas, sized to it, at world (x, y), `s` texels per world px. */
export function showTexture(img: Phaser.GameObjects.Image, key: string, x: number, y: number, s: number): void {
  // Re-point at the frame and take its size: the canvas renderer draws with the game
  // object's own size, which would otherwise keep an earlier texture's.
  img.setTexture(key, '__BASE');
  img.setSizeToFrame();
  img.setScale(1 / s);
  img.setPosition(x, y);
}
