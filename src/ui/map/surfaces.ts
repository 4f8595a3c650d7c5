/**
 * Plain canvases the map paints with Canvas 2D. No Phaser: the poster (poster.ts) paints
 * before Phaser has loaded, and the scene then registers the layers' canvases as its
 * textures (textures.ts).
 */

export interface Surface {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
}

/** A cleared canvas of (at least 1×1 and) this size: `current` while its size holds. */
export function surface(width: number, height: number, current: Surface | null): Surface {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  if (current && current.canvas.width === w && current.canvas.height === h) {
    current.ctx.setTransform(1, 0, 0, 1, 0, 0);
    current.ctx.clearRect(0, 0, w, h);
    return current;
  }
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  return { canvas, ctx };
}
