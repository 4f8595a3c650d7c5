/**
 * The map key on screen: painted by legend.ts into a canvas shown top-right, scaled a
 * little with the map; in a small map it starts folded (its header stays, a click on the
 * header opens or folds it). No Phaser: the poster shows the canvas before Phaser has
 * loaded; the scene shows the same canvas as an image (`show`).
 */
import { DEFAULT_NAMES } from './content.ts';
import { LEGEND_FULL_H, LEGEND_W, legendHeader, onLegendPanel, paintLegend } from './legend.ts';
import { CanvasPen } from './pen.ts';
import { type Surface, surface } from './surfaces.ts';
import type { MapViewModel } from './types.ts';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export class LegendImage {
  collapsed = false;
  /** Screen px of its top-left corner. */
  x = 0;
  y = 12;
  /** The canvas (null before the first paint). */
  tex: Surface | null = null;
  /** Shows the canvas at (x, y) after each paint: set by whoever puts it on screen. */
  show: (key: LegendImage) => void = () => {};
  /** The player folded or opened it: the map's size no longer decides. */
  private touched = false;
  private scale = 1;

  /** Places and paints the key for a map of w × h screen px. */
  layout(w: number, h: number, vm: MapViewModel): void {
    this.scale = clamp(Math.min(w / 1366, h / 768), 0.72, 1.25);
    if (!this.touched) this.collapsed = w < 900 || h < 560;
    this.x = Math.round(w - LEGEND_W * this.scale - 12);
    this.paint(vm);
  }

  paint(vm: MapViewModel): void {
    const s = this.scale;
    this.tex = surface((LEGEND_W + 4) * s, (LEGEND_FULL_H + 4) * s, this.tex);
    const ctx = this.tex.ctx;
    ctx.setTransform(s, 0, 0, s, 0, 0);
    const names = { ...DEFAULT_NAMES };
    for (const p of vm.powers) names[p.id] = p.name;
    paintLegend(new CanvasPen(ctx), names, this.collapsed);
    this.show(this);
  }

  /** The point in the key's own px when screen point (sx, sy) is on it, else null. */
  at(sx: number, sy: number): { lx: number; ly: number } | null {
    const k = this.scale;
    const lx = (sx - this.x) / k;
    const ly = (sy - this.y) / k;
    return onLegendPanel(lx, ly, this.collapsed) ? { lx, ly } : null;
  }

  /** Whether a point of the key (from `at`) is on its header, the part that folds it. */
  onHeader(p: { lx: number; ly: number }): boolean {
    return legendHeader(p.lx, p.ly, this.collapsed);
  }

  /** Folds or opens the key (the player clicked its header). */
  toggle(vm: MapViewModel): void {
    this.collapsed = !this.collapsed;
    this.touched = true;
    this.paint(vm);
  }
}
