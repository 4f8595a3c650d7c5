/**
 * Pointer hit-testing against the same geometry that is drawn, and the highlight of what
 * is under the pointer (painted once per change into a small canvas, not every frame).
 */
import type Phaser from 'phaser';
import type { Target } from './describe.ts';
import { drawRoute, drawRouteGlow, routeColor } from './draw.ts';
import type { GeoData } from './geoData.ts';
import { type BBox, distToPolyline, paddedBox, pointInRing, ringArea, ringBBox, type XY } from './geometry.ts';
import type { BandGeom, FeatureGeom, RouteGeom } from './overlay.ts';
import { CanvasPen } from './pen.ts';
import { canvasTexture, type Painted, showTexture } from './textures.ts';
import type { WorldView } from './view.ts';
import type { PowerId } from './types.ts';

const HOVER_KEY = 'caspian-map-hover';
const POWER_IDS: PowerId[] = ['russia', 'turkey', 'iran', 'west'];

interface CountryHit {
  id: string;
  ring: number[];
  bbox: BBox;
}

export interface HitGeoms {
  routes: RouteGeom[];
  bands: BandGeom[];
  features: FeatureGeom[];
  badges: Map<PowerId, XY>;
  /** Powers the view model has (a badge without a power is not a target). */
  powers: Set<PowerId>;
  /** The badges' radius (world px). */
  badgeR: number;
}

export class HitTester {
  private countries: CountryHit[] = [];

  constructor(private readonly geo: GeoData) {
    // Smallest first: enclaves win.
    for (const c of geo.countries) for (const ring of c.polys) this.countries.push({ id: c.id, ring, bbox: ringBBox(ring) });
    this.countries.sort((a, b) => ringArea(a.ring) - ringArea(b.ring));
  }

  /** What is at world (x, y); `tol` is the extra reach in world px (a few screen px). */
  at(x: number, y: number, tol: number, g: HitGeoms): Target | null {
    for (const id of POWER_IDS) {
      const a = g.badges.get(id);
      if (a && g.powers.has(id) && Math.hypot(x - a.x, y - a.y) < g.badgeR + 10) return { kind: 'power', id };
    }
    for (const f of g.features) {
      if (f.line) {
        if (distToPolyline(x, y, f.line) < 6 + tol) return { kind: 'feature', id: f.feature.id };
      } else if (Math.hypot(x - f.x, y - f.y) < 12 + tol) return { kind: 'feature', id: f.feature.id };
    }
    let best: RouteGeom | null = null;
    let bestD = Infinity;
    for (const r of g.routes) {
      const d = distToPolyline(x, y, r.pts);
      if (d < r.width / 2 + tol && d < bestD) {
        best = r;
        bestD = d;
      }
    }
    if (best) return { kind: 'route', id: best.route.id };
    for (const b of g.bands) if (distToPolyline(x, y, b.pts) < b.width / 2 + 2) return { kind: 'power', id: b.power.id };
    if (this.geo.karabakh.length >= 6 && pointInRing(x, y, this.geo.karabakh)) return { kind: 'country', id: 'karabakh' };
    for (const c of this.countries) {
      const b = c.bbox;
      if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) continue;
      if (pointInRing(x, y, c.ring)) return { kind: 'country', id: c.id };
    }
    return null;
  }
}

/** The highlight of the hovered target: an image of a canvas the size of the target. */
export class HoverHighlight {
  private tex: Painted | null = null;

  constructor(
    private readonly textures: Phaser.Textures.TextureManager,
    private readonly image: Phaser.GameObjects.Image,
    private readonly geo: GeoData,
  ) {
    image.setVisible(false);
  }

  /** Highlights `t` (or nothing), painted at `scale` texels per world px within `clip`, placed by `view`. */
  show(t: Target | null, g: HitGeoms, scale: number, clip: [number, number, number, number], view: WorldView): void {
    const shape = t ? this.shapeOf(t, g) : null;
    const x0 = Math.max(shape?.box[0] ?? 0, clip[0]);
    const y0 = Math.max(shape?.box[1] ?? 0, clip[1]);
    const x1 = Math.min(shape?.box[2] ?? 0, clip[2]);
    const y1 = Math.min(shape?.box[3] ?? 0, clip[3]);
    if (!shape || x1 <= x0 || y1 <= y0) {
      this.image.setVisible(false);
      return;
    }
    this.tex = canvasTexture(this.textures, HOVER_KEY, (x1 - x0) * scale, (y1 - y0) * scale, this.tex);
    this.tex.ctx.setTransform(scale, 0, 0, scale, -x0 * scale, -y0 * scale);
    shape.paint(new CanvasPen(this.tex.ctx));
    showTexture(this.image, HOVER_KEY, x0, y0, scale, view);
    this.image.setVisible(true);
  }

  private shapeOf(t: Target, g: HitGeoms): { box: [number, number, number, number]; paint: (pen: CanvasPen) => void } | null {
    const circle = (c: XY, r: number) => ({
      box: [c.x - r - 4, c.y - r - 4, c.x + r + 4, c.y + r + 4] as [number, number, number, number],
      paint: (pen: CanvasPen) => {
        pen.lineStyle(2.5, 0xffffff, 0.9);
        pen.strokeCircle(c.x, c.y, r);
      },
    });
    if (t.kind === 'route') {
      const r = g.routes.find((q) => q.route.id === t.id);
      if (!r) return null;
      return {
        box: paddedBox(r.pts, r.width + 14),
        paint: (pen) => {
          drawRouteGlow(pen, r.pts, r.width, routeColor(r.route.kind, r.route.status), 0.9);
          drawRoute(pen, r.pts, r.route.kind, r.route.status);
        },
      };
    }
    if (t.kind === 'feature') {
      const f = g.features.find((q) => q.feature.id === t.id);
      if (!f) return null;
      const line = f.line;
      if (line) return { box: paddedBox(line, 16), paint: (pen) => drawRouteGlow(pen, line, 4, 0xffffff, 0.7) };
      return circle({ x: f.x, y: f.y }, 16);
    }
    if (t.kind === 'power') {
      const a = g.badges.get(t.id);
      return a ? circle(a, g.badgeR + 13) : null;
    }
    const rings = t.id === 'karabakh' ? [this.geo.karabakh] : (this.geo.countries.find((c) => c.id === t.id)?.polys ?? []);
    if (rings.length === 0) return null;
    const pts: XY[] = [];
    for (const r of rings) for (let i = 0; i + 1 < r.length; i += 2) pts.push({ x: r[i] as number, y: r[i + 1] as number });
    return {
      box: paddedBox(pts, 6),
      paint: (pen) => {
        for (const [width, alpha] of [
          [5, 0.18],
          [2, 0.85],
        ] as const) {
          pen.lineStyle(width, 0xffffff, alpha);
          for (const r of rings) {
            if (r.length < 6) continue;
            pen.beginPath();
            pen.moveTo(r[0] as number, r[1] as number);
            for (let i = 2; i + 1 < r.length; i += 2) pen.lineTo(r[i] as number, r[i + 1] as number);
            pen.closePath();
            pen.strokePath();
          }
        }
      },
    };
  }
}
