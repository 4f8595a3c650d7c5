/**
 * The pointer on the map: what it hovers (a tooltip, a highlight, the cursor), a click
 * that selects a country or a power (a drag of more than a few px is no click), and the
 * key's header, which folds and opens the key. Positions are canvas px; the handlers
 * get viewport px. The scene supplies hit-testing, drawing and waking (PointerHost).
 */
import type { Target, TipText } from './describe.ts';
import type { XY } from './geometry.ts';
import type { LegendImage } from './legendImage.ts';
import type { MapHandlers } from './types.ts';

export interface PointerHost {
  readonly legend: LegendImage;
  /** What is under canvas point (x, y), the key excepted. */
  targetAt(x: number, y: number): Target | null;
  describe(t: Target): TipText | null;
  handlers(): MapHandlers;
  /** Canvas px → viewport px. */
  toClient(p: XY): XY;
  setCursor(cursor: 'pointer' | 'default'): void;
  /** Draws the hover highlight of `t` (none for null). */
  drawHover(t: Target | null): void;
  /** The key was folded or opened: repaint it. */
  legendToggled(): void;
  wakeFor(ms: number): void;
}

const same = (a: Target | null, b: Target | null) => a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
const selectable = (t: Target | null) => t !== null && (t.kind === 'country' || t.kind === 'power');

export class MapPointer {
  hovered: Target | null = null;
  private last: XY | null = null;
  private downAt: XY | null = null;

  constructor(private readonly host: PointerHost) {}

  move(p: XY): void {
    this.last = { x: p.x, y: p.y };
    const l = this.host.legend.at(p.x, p.y);
    if (l) {
      this.set(null, this.last);
      this.host.setCursor(this.host.legend.onHeader(l) ? 'pointer' : 'default');
      return;
    }
    this.set(this.host.targetAt(p.x, p.y), this.last);
  }

  down(p: XY): void {
    this.downAt = { x: p.x, y: p.y };
  }

  up(p: XY): void {
    const down = this.downAt;
    this.downAt = null;
    if (down && Math.hypot(p.x - down.x, p.y - down.y) > 6) return;
    const l = this.host.legend.at(p.x, p.y);
    if (l) {
      if (this.host.legend.onHeader(l)) {
        this.host.legendToggled();
        this.host.wakeFor(200);
      }
      return;
    }
    const t = this.host.targetAt(p.x, p.y);
    if (t && selectable(t)) this.host.handlers().onSelectCountry(t.id);
  }

  /** The pointer left the map. */
  out(): void {
    this.last = null;
    this.set(null, { x: 0, y: 0 });
  }

  /** Whether the pointer is over the map. */
  get over(): boolean {
    return this.last !== null;
  }

  /** After an update or a new view: re-describe what is under the pointer. */
  refresh(): void {
    if (!this.last) {
      this.host.drawHover(this.hovered);
      return;
    }
    const t = this.host.targetAt(this.last.x, this.last.y);
    this.hovered = null;
    this.set(t, this.last);
  }

  private set(t: Target | null, at: XY): void {
    const unchanged = same(t, this.hovered);
    this.hovered = t;
    const info = t ? this.host.describe(t) : null;
    if (!unchanged) {
      this.host.wakeFor(200);
      this.host.drawHover(t);
      this.host.setCursor(selectable(t) ? 'pointer' : 'default');
    }
    if (info || !unchanged) this.host.handlers().onHover(info, this.host.toClient(at));
  }
}
