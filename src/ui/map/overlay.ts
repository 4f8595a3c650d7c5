/**
 * The dynamic layer (power bands, routes, sites, badges), painted into one
 * texture per update(). Geometry comes from the scene; this file only draws.
 */
import { drawFeatureIcon, drawFrontLine, drawPowerBand, drawRoute } from './draw.ts';
import { type XY, pointAlong, polylineLength } from './geometry.ts';
import { POWER_HUE, relationBand, relationColor, signed } from './palette.ts';
import type { CanvasPen, TextBox, TextStyle } from './pen.ts';
import type { MapFeature, MapPower, MapRoute, PowerId } from './types.ts';

export interface RouteGeom {
  route: MapRoute;
  pts: XY[];
  width: number;
}

export interface BandGeom {
  power: MapPower;
  pts: XY[];
  width: number;
}

export interface FeatureGeom {
  feature: MapFeature;
  x: number;
  y: number;
  line: XY[] | null;
}

export interface BadgeSpec {
  id: PowerId;
  at: XY;
  name: string;
  hint: string;
  side: 'below' | 'right' | 'above';
  power: MapPower | undefined;
}

export const BADGE_R = 22;
const DARK = '#0b1620';

const STATUS_ORDER: Record<MapRoute['status'], number> = { closed: 0, planned: 1, building: 2, disrupted: 3, operating: 4 };

function overlaps(a: TextBox, b: TextBox, pad = 2): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + pad;
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + pad;
  return w > 0 && h > 0 ? w * h : 0;
}

/** Bands and routes (below the static labels). */
export function paintLines(pen: CanvasPen, routes: RouteGeom[], bands: BandGeom[]): void {
  // Power bands, weakest first so strong ones sit on top.
  for (const b of [...bands].sort((x, y) => x.width - y.width)) {
    drawPowerBand(pen, b.pts, b.width, relationColor(b.power.relation), relationBand(b.power.relation), 0.82);
  }
  // Routes: closed/planned under operating ones.
  for (const r of [...routes].sort((a, b) => STATUS_ORDER[a.route.status] - STATUS_ORDER[b.route.status])) {
    drawRoute(pen, r.pts, r.route.kind, r.route.status);
  }
}

/** Site icons and front lines (below the static labels). */
export function paintSites(pen: CanvasPen, features: FeatureGeom[]): void {
  for (const f of features) {
    if (f.line) drawFrontLine(pen, f.line, f.feature.active);
    else drawFeatureIcon(pen, f.feature.kind, f.x, f.y, 9, f.feature.active);
  }
}

/** Site labels (placed to avoid `avoid` and each other), then the power badges. */
export function paintTop(
  pen: CanvasPen,
  features: FeatureGeom[],
  badges: BadgeSpec[],
  avoid: TextBox[],
  textScale = 1,
  view?: [number, number, number, number],
): void {
  const placed: TextBox[] = [];
  const labelStyle = (active: boolean): TextStyle => ({
    size: 13 * textScale,
    color: '#f4f1e8',
    stroke: DARK,
    strokeWidth: 3,
    alpha: active ? 1 : 0.7,
  });
  for (const f of features) {
    const st = labelStyle(f.feature.active);
    const name = f.feature.name;
    // Long names may also be set on two lines, split at the space nearest the middle.
    const texts = [name];
    if (name.length > 16 && name.includes(' ')) {
      let cut = -1;
      for (let i = 0; i < name.length; i++) if (name[i] === ' ' && (cut < 0 || Math.abs(i - name.length / 2) < Math.abs(cut - name.length / 2))) cut = i;
      texts.push(`${name.slice(0, cut)}\n${name.slice(cut + 1)}`);
    }
    let ax = f.x;
    let ay = f.y;
    if (f.line) {
      const p = pointAlong(f.line, polylineLength(f.line) * 0.8);
      ax = p.x;
      ay = p.y;
    }
    const gap = f.line ? 10 : 15;
    const anchors: Array<[number, number, number, number]> = [
      [ax, ay + gap, 0.5, 0], // below
      [ax + gap, ay, 0, 0.5], // right
      [ax, ay - gap, 0.5, 1], // above
      [ax - gap, ay, 1, 0.5], // left
      [ax + 8, ay + gap, 1, 0], // below, to the left
      [ax + 8, ay - gap, 1, 1], // above, to the left
      [ax - 8, ay + gap, 0, 0], // below, to the right
      [ax - 8, ay - gap, 0, 1], // above, to the right
    ];
    // First candidate that (nearly) touches nothing, else the least overlapping.
    let best: { text: string; at: [number, number, number, number] } = { text: name, at: anchors[0] as [number, number, number, number] };
    let bestScore = Infinity;
    search: for (const [ti, text] of texts.entries()) {
      const size = pen.measure(text, st);
      for (const c of anchors) {
        const box = { x: c[0] - size.w * c[2], y: c[1] - size.h * c[3], w: size.w, h: size.h };
        let score = ti * 30; // one line is nicer
        for (const o of avoid) score += overlaps(box, o) * 2;
        for (const o of placed) score += overlaps(box, o) * 2;
        if (view) {
          // Whatever would fall outside the view counts as a (heavy) overlap.
          const inside = overlaps(box, { x: view[0] + 4, y: view[1] + 4, w: view[2] - view[0] - 8, h: view[3] - view[1] - 8 }, 0);
          score += (box.w * box.h - inside) * 4;
        }
        if (score < bestScore - 0.5) {
          best = { text, at: c };
          bestScore = score;
        }
        if (score <= 40 + ti * 30) break search;
      }
    }
    placed.push(pen.text(best.text, best.at[0], best.at[1], { ...st, ox: best.at[2], oy: best.at[3], lineHeight: st.size * 1.15 }));
  }
  for (const b of badges) paintBadge(pen, b, textScale);
}

function paintBadge(pen: CanvasPen, b: BadgeSpec, ts: number): void {
  const { x, y } = b.at;
  const p = b.power;
  const R = BADGE_R;
  if (p) {
    pen.fillStyle(0x000000, 0.35);
    pen.fillCircle(x + 2, y + 3, R + 9);
    pen.fillStyle(0x0b1620, 0.94);
    pen.fillCircle(x, y, R + 9);
    pen.lineStyle(4, 0xffffff, 0.16);
    pen.strokeCircle(x, y, R + 5.5);
    if (p.influence > 0) {
      pen.lineStyle(4, 0xffffff, 0.95);
      pen.beginPath();
      const end = -Math.PI / 2 + (Math.PI * 2 * Math.min(100, p.influence)) / 100;
      pen.arc(x, y, R + 5.5, -Math.PI / 2, end, false);
      pen.strokePath();
    }
    pen.fillStyle(POWER_HUE[b.id], 1);
    pen.fillCircle(x, y, R);
    pen.lineStyle(3.5, relationColor(p.relation), 1);
    pen.strokeCircle(x, y, R - 1.5);
    pen.text(signed(p.relation), x, y + 1, {
      size: 16,
      weight: 'bold',
      color: '#ffffff',
      stroke: DARK,
      strokeWidth: 3,
      ox: 0.5,
      oy: 0.5,
    });
  } else {
    pen.fillStyle(POWER_HUE[b.id], 0.35);
    pen.fillCircle(x, y, R * 0.6);
  }
  const right = b.side === 'right';
  const nx = right ? x + R + 14 : x;
  const ny = right ? y - 9 * ts : b.side === 'above' ? y - R - 30 * ts : y + R + 20 * ts;
  pen.text(b.name, nx, ny, {
    size: 17 * ts,
    weight: 'bold',
    color: '#ffffff',
    stroke: DARK,
    strokeWidth: 4,
    letterSpacing: 1,
    ox: right ? 0 : 0.5,
    oy: 0.5,
    alpha: p ? 1 : 0.6,
  });
  if (b.hint) {
    pen.text(b.hint, nx, ny + 17 * ts, {
      size: 12 * ts,
      italic: true,
      color: '#b9c4cf',
      stroke: DARK,
      strokeWidth: 3,
      ox: right ? 0 : 0.5,
      oy: 0.5,
    });
  }
}
