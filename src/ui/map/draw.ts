/**
 * Vector drawing for the dynamic overlays (routes, power bands, feature
 * icons) on a Pen (Canvas 2D or Phaser Graphics). Shared by the map and its
 * legend so the key always matches what is on the map.
 */
import type { MapFeature, MapRoute, Stance } from './types.ts';
import { type XY, bandOutline, dashes, pointAlong, polylineLength, slicePolyline, zigzag } from './geometry.ts';
import type { Pen } from './pen.ts';
import { MAP, OKABE_ITO, ROUTE_CLOSED, ROUTE_DISRUPTED, ROUTE_KIND, stanceDash } from './palette.ts';

type G = Pen;

const CASING = 0x08121b;

/** Begins a path through the points (the caller strokes or fills it). */
function tracePath(g: G, pts: XY[]): void {
  const p0 = pts[0] as XY;
  g.beginPath();
  g.moveTo(p0.x, p0.y);
  for (let i = 1; i < pts.length; i++) {
    const p = pts[i] as XY;
    g.lineTo(p.x, p.y);
  }
}

export function pathStroke(g: G, pts: XY[]): void {
  if (pts.length < 2) return;
  tracePath(g, pts);
  g.strokePath();
}

export function polyFill(g: G, pts: XY[]): void {
  if (pts.length < 3) return;
  tracePath(g, pts);
  g.closePath();
  g.fillPath();
}

export function polyStroke(g: G, pts: XY[]): void {
  if (pts.length < 2) return;
  tracePath(g, pts);
  g.closePath();
  g.strokePath();
}

/** A thick line as a filled band (clean joins at any width). */
function bandLine(g: G, pts: XY[], width: number, color: number, alpha: number): void {
  if (pts.length < 2) return;
  g.fillStyle(color, alpha);
  polyFill(g, bandOutline(pts, width, width));
}

export const ROUTE_WIDTH: Record<MapRoute['kind'], number> = { oil: 5.5, gas: 5, rail: 3.4 };

export function routeColor(kind: MapRoute['kind'], status: MapRoute['status']): number {
  if (status === 'disrupted') return ROUTE_DISRUPTED;
  if (status === 'closed') return ROUTE_CLOSED;
  return ROUTE_KIND[kind];
}

/**
 * Draw a route. `pts` are world (or legend) coordinates; `k` scales widths
 * (1 on the map).
 */
export function drawRoute(g: G, pts: XY[], kind: MapRoute['kind'], status: MapRoute['status'], k = 1, ends = true): void {
  if (pts.length < 2) return;
  const w = ROUTE_WIDTH[kind] * k;
  const color = routeColor(kind, status);
  const total = polylineLength(pts);

  // Pieces that carry the line (everything but the break of a disrupted route).
  let pieces: XY[][] = [pts];
  let breakAt: { x: number; y: number; angle: number } | null = null;
  if (status === 'disrupted') {
    const mid = total / 2;
    const gap = 9 * k;
    pieces = [slicePolyline(pts, 0, mid - gap), slicePolyline(pts, mid + gap, total)];
    breakAt = pointAlong(pts, mid);
  }

  if (status === 'planned') {
    // Dotted and faint: dark-rimmed dots.
    const step = 10 * k;
    const r = Math.max(1.6, w * 0.42);
    for (let d = 0; d <= total; d += step) {
      const p = pointAlong(pts, d);
      g.fillStyle(CASING, 0.7);
      g.fillCircle(p.x, p.y, r + 1.2 * k);
      g.fillStyle(color, 0.72);
      g.fillCircle(p.x, p.y, r);
    }
  } else {
    const alpha = status === 'closed' ? 0.75 : 1;
    const core = status === 'closed' ? w * 0.75 : w;
    const dashed = status === 'building';
    for (const piece of pieces) {
      if (piece.length < 2) continue;
      const segs = dashed ? dashes(piece, 15 * k, 8 * k) : [piece];
      if (status === 'operating') bandLine(g, piece, core + 9 * k, color, 0.16);
      for (const s of segs) bandLine(g, s, core + 3.4 * k, CASING, 0.9 * alpha);
      for (const s of segs) bandLine(g, s, core, color, alpha);
      if (kind === 'gas') {
        // Gas: hollow look, a dark centre line.
        for (const s of segs) bandLine(g, s, Math.max(1, core * 0.32), CASING, 0.85 * alpha);
      }
      if (kind === 'rail') {
        // Rail: cross ties.
        g.lineStyle(1.6 * k, color, alpha);
        const len = polylineLength(piece);
        for (let d = 4 * k; d < len; d += 10 * k) {
          const p = pointAlong(piece, d);
          const nx = -Math.sin(p.angle) * (core + 5 * k) * 0.5;
          const ny = Math.cos(p.angle) * (core + 5 * k) * 0.5;
          g.lineBetween(p.x - nx, p.y - ny, p.x + nx, p.y + ny);
        }
      }
    }
    if (status === 'operating' && kind !== 'rail' && total > 60 * k) {
      // Flow chevrons.
      g.lineStyle(1.5 * k, CASING, 0.75);
      for (let d = 40 * k; d < total - 20 * k; d += 70 * k) {
        const p = pointAlong(pts, d);
        const a = p.angle;
        const s = core * 0.55 + 1.5 * k;
        const bx = p.x - Math.cos(a) * s;
        const by = p.y - Math.sin(a) * s;
        g.beginPath();
        g.moveTo(bx - Math.sin(a) * s, by + Math.cos(a) * s);
        g.lineTo(p.x, p.y);
        g.lineTo(bx + Math.sin(a) * s, by - Math.cos(a) * s);
        g.strokePath();
      }
    }
  }

  if (breakAt) {
    // Break marker: two bars across the gap and a bright "x".
    const a = breakAt.angle;
    const nx = -Math.sin(a);
    const ny = Math.cos(a);
    const tx = Math.cos(a);
    const ty = Math.sin(a);
    const h = w + 6 * k;
    g.lineStyle(2.4 * k, ROUTE_DISRUPTED, 1);
    for (const side of [-1, 1]) {
      const cx = breakAt.x + tx * 9 * k * side;
      const cy = breakAt.y + ty * 9 * k * side;
      g.lineBetween(cx - nx * h * 0.5, cy - ny * h * 0.5, cx + nx * h * 0.5, cy + ny * h * 0.5);
    }
    const s = 4.5 * k;
    g.lineStyle(3.6 * k, CASING, 0.9);
    g.lineBetween(breakAt.x - s, breakAt.y - s, breakAt.x + s, breakAt.y + s);
    g.lineBetween(breakAt.x - s, breakAt.y + s, breakAt.x + s, breakAt.y - s);
    g.lineStyle(2 * k, 0xffffff, 1);
    g.lineBetween(breakAt.x - s, breakAt.y - s, breakAt.x + s, breakAt.y + s);
    g.lineBetween(breakAt.x - s, breakAt.y + s, breakAt.x + s, breakAt.y - s);
  }

  if (ends) {
    const alpha = status === 'planned' ? 0.7 : 1;
    for (const p of [pts[0] as XY, pts[pts.length - 1] as XY]) {
      g.fillStyle(CASING, 0.9 * alpha);
      g.fillCircle(p.x, p.y, w * 0.5 + 4 * k);
      g.fillStyle(color, alpha);
      g.fillCircle(p.x, p.y, w * 0.5 + 2.2 * k);
    }
  }
}

/** A soft highlight along a route (hover, pulse). */
export function drawRouteGlow(g: G, pts: XY[], width: number, color: number, alpha: number): void {
  bandLine(g, pts, width + 14, color, alpha * 0.35);
  bandLine(g, pts, width + 6, 0xffffff, alpha * 0.5);
}

/**
 * A power's arrow toward Baku, in the power's own colour: tapered, its thickness the
 * power's influence. Friend or foe is its form, never its colour: solid with a full
 * arrowhead when friendly, long-dashed when wary, short-dashed ending in a hollow,
 * barbed head when cold or hostile.
 */
export function drawPowerBand(g: G, pts: XY[], width: number, color: number, stance: Stance, alpha = 0.85): void {
  const total = polylineLength(pts);
  if (total < 4) return;
  const head = Math.min(total * 0.45, 12 + width * 1.1);
  const bodyLen = total - head * 0.85;
  const w0 = width * 0.45;
  const w1 = width;
  const wAt = (d: number) => w0 + (w1 - w0) * Math.min(1, d / bodyLen);
  const dash = stanceDash(stance);
  const scale = 1 + width / 18;
  const spans: Array<[number, number]> = [];
  if (!dash) spans.push([0, bodyLen]);
  else {
    const on = dash[0] * scale;
    const off = dash[1] * scale;
    // Phase so that a dash always ends at the arrowhead.
    let start = bodyLen - on;
    while (start > -on) {
      spans.unshift([Math.max(0, start), start + on]);
      start -= on + off;
    }
  }
  const shapes: XY[][] = [];
  for (const [a, b] of spans) {
    if (b - a < 1) continue;
    const sub = slicePolyline(pts, a, b);
    if (sub.length >= 2) shapes.push(bandOutline(sub, wAt(a), wAt(b)));
  }
  const tip = pointAlong(pts, total);
  const baseP = pointAlong(pts, total - head);
  const ang = Math.atan2(tip.y - baseP.y, tip.x - baseP.x);
  const hw = width * 0.5 + 6 + width * 0.25;
  const ux = Math.cos(ang);
  const uy = Math.sin(ang);
  const nx = -uy;
  const ny = ux;
  const hostile = stance === 'hostile';
  // Dark rim under everything, then the fill.
  g.lineStyle(3.5, CASING, 0.55 * alpha);
  for (const s of shapes) polyStroke(g, s);
  g.fillStyle(color, alpha);
  for (const s of shapes) polyFill(g, s);
  g.lineStyle(1, 0xffffff, 0.25 * alpha);
  for (const s of shapes) polyStroke(g, s);
  if (!hostile) {
    const arrow = [
      { x: tip.x, y: tip.y },
      { x: baseP.x + nx * hw, y: baseP.y + ny * hw },
      { x: baseP.x + ux * head * 0.18, y: baseP.y + uy * head * 0.18 },
      { x: baseP.x - nx * hw, y: baseP.y - ny * hw },
    ];
    g.lineStyle(3.5, CASING, 0.55 * alpha);
    polyStroke(g, arrow);
    g.fillStyle(color, alpha);
    polyFill(g, arrow);
    g.lineStyle(1, 0xffffff, 0.25 * alpha);
    polyStroke(g, arrow);
    return;
  }
  // Hostile: a hollow head with barbs swept back, like a spearhead.
  const barbs = [
    { x: baseP.x + nx * hw - ux * head * 0.35, y: baseP.y + ny * hw - uy * head * 0.35 },
    { x: tip.x, y: tip.y },
    { x: baseP.x - nx * hw - ux * head * 0.35, y: baseP.y - ny * hw - uy * head * 0.35 },
  ];
  const stroke = Math.max(2.5, width * 0.32);
  g.lineStyle(stroke + 3, CASING, 0.6 * alpha);
  pathStroke(g, barbs);
  g.lineStyle(stroke, color, alpha);
  pathStroke(g, barbs);
}

function star(g: G, x: number, y: number, r: number, inner: number, n = 5): XY[] {
  const pts: XY[] = [];
  for (let i = 0; i < n * 2; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / n;
    const rr = i % 2 === 0 ? r : inner;
    pts.push({ x: x + Math.cos(a) * rr, y: y + Math.sin(a) * rr });
  }
  void g;
  return pts;
}

export const FEATURE_INK = 0xf4f1e8;
export const FRONT_COLOR = OKABE_ITO.vermillion;

/** Feature icon centred on (x, y); `s` is the icon's half-size. */
export function drawFeatureIcon(g: G, kind: MapFeature['kind'], x: number, y: number, s: number, active: boolean): void {
  const ink = active ? FEATURE_INK : 0x9aa1a9;
  const a = active ? 1 : 0.7;
  // Plate
  g.fillStyle(CASING, 0.82 * a);
  g.fillCircle(x, y, s + 3);
  g.lineStyle(1.4, ink, 0.55 * a);
  g.strokeCircle(x, y, s + 3);
  switch (kind) {
    case 'radar': {
      // Dish on a mast, facing up-right, with two emitted waves.
      const cx = x - s * 0.18;
      const cy = y + s * 0.12;
      const ang = -Math.PI / 4;
      g.fillStyle(ink, a);
      g.beginPath();
      g.arc(cx, cy, s * 0.62, ang + Math.PI / 2, ang + Math.PI * 1.5, false);
      g.closePath();
      g.fillPath();
      g.lineStyle(1.6, ink, a);
      g.lineBetween(cx, cy, cx + Math.cos(ang) * s * 0.55, cy + Math.sin(ang) * s * 0.55);
      g.fillTriangle(cx - s * 0.12, cy + s * 0.1, cx - s * 0.5, cy + s * 0.82, cx + s * 0.26, cy + s * 0.82);
      g.lineStyle(1.5, ink, a);
      for (const r of [0.5, 0.85]) {
        g.beginPath();
        g.arc(cx + Math.cos(ang) * s * 0.55, cy + Math.sin(ang) * s * 0.55, s * r, ang - 0.6, ang + 0.6, false);
        g.strokePath();
      }
      break;
    }
    case 'base': {
      g.fillStyle(ink, a);
      polyFill(g, star(g, x, y + s * 0.05, s * 0.92, s * 0.4));
      break;
    }
    case 'troops': {
      // Two stacked chevrons (a unit insignia).
      g.fillStyle(ink, a);
      for (const dy of [-0.42, 0.22]) {
        const ty = y + dy * s;
        g.beginPath();
        g.moveTo(x - s * 0.78, ty + s * 0.42);
        g.lineTo(x, ty - s * 0.12);
        g.lineTo(x + s * 0.78, ty + s * 0.42);
        g.lineTo(x + s * 0.78, ty + s * 0.72);
        g.lineTo(x, ty + s * 0.18);
        g.lineTo(x - s * 0.78, ty + s * 0.72);
        g.closePath();
        g.fillPath();
      }
      break;
    }
    case 'front': {
      const zz = zigzag(
        [
          { x: x - s * 0.85, y },
          { x: x + s * 0.85, y },
        ],
        s * 0.35,
        s * 0.55,
      );
      g.lineStyle(2.4, active ? FRONT_COLOR : ink, a);
      pathStroke(g, zz);
      break;
    }
    case 'field': {
      // Field: a well-head dot with a drop.
      g.fillStyle(ink, a);
      g.fillCircle(x, y + s * 0.22, s * 0.45);
      g.fillTriangle(x - s * 0.39, y + s * 0.02, x + s * 0.39, y + s * 0.02, x, y - s * 0.75);
      break;
    }
  }
}

/** A front line drawn along a path: dark rim, vermillion zigzag, teeth. */
export function drawFrontLine(g: G, pts: XY[], active: boolean, k = 1): void {
  const zz = zigzag(pts, 3.2 * k, 9 * k);
  g.lineStyle(6 * k, CASING, active ? 0.8 : 0.5);
  pathStroke(g, zz);
  g.lineStyle(2.6 * k, active ? FRONT_COLOR : 0x9aa1a9, active ? 1 : 0.75);
  pathStroke(g, zz);
}

export { MAP };
