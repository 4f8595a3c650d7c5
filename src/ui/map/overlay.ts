/**
 * The map's moving parts (powers' arrows, routes, sites, badges, the marks of answers in
 * force), painted in world coordinates. Geometry comes from geoms.ts; this file only draws.
 * The layer that shows them (overlayLayer.ts) keeps the slow parts cached.
 */
import { drawFeatureIcon, drawFrontLine, drawPowerBand, drawRoute } from './draw.ts';
import { type XY, pointAlong, polylineLength } from './geometry.ts';
import { POWER_HUE, signed } from './palette.ts';
import type { CanvasPen, TextBox, TextStyle } from './pen.ts';
import type { MapFeature, MapPower, MapPressure, MapRoute, PowerId } from './types.ts';

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
  /** Answers of this power in force now. */
  pressures: MapPressure[];
}

export const BADGE_R = 22;
/** A badge's radius in world px: badges grow with the labels when the map is shown small. */
export const badgeRadius = (textScale: number) => BADGE_R * Math.min(1.6, textScale);
/** How far a power's badge reaches from its centre, its dark disc and influence ring included (world px). */
export const badgeReach = (textScale: number) => badgeRadius(textScale) + 9 * Math.min(1.6, textScale);
/** The dark outline round the map's light text. */
export const DARK = '#0b1620';

const STATUS_ORDER: Record<MapRoute['status'], number> = { closed: 0, planned: 1, building: 2, disrupted: 3, operating: 4 };

/** The area two boxes share, each grown by `pad`. */
export function overlaps(a: TextBox, b: TextBox, pad = 2): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + pad;
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + pad;
  return w > 0 && h > 0 ? w * h : 0;
}

/** The powers' arrows, weakest first so strong ones sit on top. */
export function paintBands(pen: CanvasPen, bands: BandGeom[]): void {
  for (const b of [...bands].sort((x, y) => x.width - y.width)) drawPowerBand(pen, b.pts, b.width, POWER_HUE[b.power.id], b.power.stance, 0.82);
}

/** Routes (closed and planned under operating ones), then site icons and front lines. */
export function paintRoutesAndSites(pen: CanvasPen, routes: RouteGeom[], features: FeatureGeom[]): void {
  for (const r of [...routes].sort((a, b) => STATUS_ORDER[a.route.status] - STATUS_ORDER[b.route.status])) {
    drawRoute(pen, r.pts, r.route.kind, r.route.status);
  }
  for (const f of features) {
    if (f.line) drawFrontLine(pen, f.line, f.feature.active);
    else drawFeatureIcon(pen, f.feature.kind, f.x, f.y, 9, f.feature.active);
  }
}

/**
 * Where an answer in force leaves its mark on a route or a site: a disc in the power's
 * colour with a bar across it (something held back), at the route's middle or beside the site.
 */
export function pressureMarkAt(routes: RouteGeom[], features: FeatureGeom[], p: MapPressure): XY[] {
  const out: XY[] = [];
  for (const id of p.routes) {
    const r = routes.find((g) => g.route.id === id);
    if (r && r.pts.length > 1) out.push(pointAlong(r.pts, polylineLength(r.pts) * 0.62));
  }
  for (const id of p.features) {
    const f = features.find((g) => g.feature.id === id);
    if (f) out.push(f.line ? pointAlong(f.line, polylineLength(f.line) * 0.3) : { x: f.x + 13, y: f.y - 13 });
  }
  return out;
}

export function paintPressureMarks(pen: CanvasPen, routes: RouteGeom[], features: FeatureGeom[], pressures: MapPressure[]): void {
  for (const p of pressures) {
    for (const at of pressureMarkAt(routes, features, p)) {
      pen.fillStyle(0x0b1620, 0.9);
      pen.fillCircle(at.x, at.y, 10);
      pen.fillStyle(POWER_HUE[p.power], 1);
      pen.fillCircle(at.x, at.y, 7.5);
      pen.lineStyle(2.6, 0xffffff, 1);
      const k = p.kind === 'stick' ? 4.2 : 0;
      if (k) pen.lineBetween(at.x - k, at.y + k, at.x + k, at.y - k);
      else {
        pen.lineBetween(at.x - 4, at.y, at.x + 4, at.y);
        pen.lineBetween(at.x, at.y - 4, at.x, at.y + 4);
      }
    }
  }
}

/** Where a badge's name and the line under it go, and in what style. */
function badgeText(pen: CanvasPen, b: BadgeSpec, ts: number, view: [number, number, number, number] | undefined, word = b.power?.word) {
  const { x, y } = b.at;
  const R = badgeRadius(ts);
  const right = b.side === 'right';
  const ny = right ? y - 9 * ts : b.side === 'above' ? y - R - 30 * ts : y + R + 20 * ts;
  const ox = right ? 0 : 0.5;
  const nameStyle: TextStyle = {
    size: 17 * ts,
    weight: 'bold',
    color: '#ffffff',
    stroke: DARK,
    strokeWidth: 4,
    letterSpacing: 1,
    ox,
    oy: 0.5,
    alpha: b.power ? 1 : 0.6,
  };
  const sub = [word, b.hint].filter(Boolean).join(' \u00b7 ');
  const subStyle: TextStyle = { size: 12 * ts, italic: true, color: '#c9d3dd', stroke: DARK, strokeWidth: 3, ox, oy: 0.5 };
  // Beside or under the badge, moved in from the view's edge rather than cut by it (a
  // label beside the badge goes to its other side).
  let nx = right ? x + R + 14 : x;
  const w = Math.max(pen.measure(b.name, nameStyle).w, sub ? pen.measure(sub, subStyle).w : 0);
  if (view) {
    if (right && nx + w > view[2] - 6) {
      nx = x - R - 14;
      nameStyle.ox = 1;
      subStyle.ox = 1;
    } else if (!right) {
      const left = nx - w / 2;
      if (left < view[0] + 6) nx += view[0] + 6 - left;
      else if (left + w > view[2] - 6) nx -= left + w - (view[2] - 6);
    }
  }
  return { nx, ny, w, nameStyle, subStyle, sub };
}

/** The relation's words a badge can show (ui/format.ts), the widest first. */
const WIDEST_WORD = 'friendly';

/**
 * Where the badges sit, for the map's labels to keep clear of: each disc, and its name with
 * the line under it as wide as the widest relation word makes it, so a label placed clear of
 * it stays clear whatever the relation becomes (the labels are not repainted on a turn).
 * The pills of answers in force are left out: they come and go, and cover what they cross.
 */
export function badgeObstacles(pen: CanvasPen, badges: BadgeSpec[], ts: number, view?: [number, number, number, number]): TextBox[] {
  const boxes: TextBox[] = [];
  for (const b of badges) {
    const r = badgeRadius(ts) + 9 * Math.min(1.6, ts);
    boxes.push({ x: b.at.x - r, y: b.at.y - r, w: 2 * r, h: 2 * r });
    const t = badgeText(pen, b, ts, view, b.power ? WIDEST_WORD : undefined);
    const h = (t.sub ? 17 + 16 : 17) * ts + 4;
    const x = t.nx - t.w * (t.nameStyle.ox ?? 0);
    boxes.push({ x, y: t.ny - 11 * ts, w: t.w, h });
  }
  return boxes;
}

/**
 * A power's badge: a disc in its colour with the signed relation, the influence as a
 * ring, the name, and under it the relation's word (and what it has in force).
 */
export function paintBadge(pen: CanvasPen, b: BadgeSpec, ts: number, view?: [number, number, number, number]): void {
  const { x, y } = b.at;
  const p = b.power;
  const k = Math.min(1.6, ts);
  const R = badgeRadius(ts);
  if (p) {
    pen.fillStyle(0x000000, 0.35);
    pen.fillCircle(x + 2, y + 3, badgeReach(ts));
    pen.fillStyle(0x0b1620, 0.94);
    pen.fillCircle(x, y, badgeReach(ts));
    pen.lineStyle(4 * k, 0xffffff, 0.16);
    pen.strokeCircle(x, y, R + 5.5 * k);
    if (p.influence > 0) {
      pen.lineStyle(4 * k, 0xffffff, 0.95);
      pen.beginPath();
      const end = -Math.PI / 2 + (Math.PI * 2 * Math.min(100, p.influence)) / 100;
      pen.arc(x, y, R + 5.5 * k, -Math.PI / 2, end, false);
      pen.strokePath();
    }
    pen.fillStyle(POWER_HUE[b.id], 1);
    pen.fillCircle(x, y, R);
    pen.lineStyle(2, 0x0b1620, 0.6);
    pen.strokeCircle(x, y, R - 1);
    pen.text(signed(p.relation), x, y + 1, { size: 16 * k, weight: 'bold', color: '#ffffff', stroke: DARK, strokeWidth: 3, ox: 0.5, oy: 0.5 });
  } else {
    pen.fillStyle(POWER_HUE[b.id], 0.35);
    pen.fillCircle(x, y, R * 0.6);
  }
  const t = badgeText(pen, b, ts, view);
  pen.text(b.name, t.nx, t.ny, t.nameStyle);
  if (t.sub) pen.text(t.sub, t.nx, t.ny + 17 * ts, t.subStyle);
  for (const pill of pillsOf(pen, b, ts, view, t)) {
    pen.roundedRect(pill.x, pill.y, pill.w, pill.h, 9 * ts);
    pen.fillStyle(POWER_HUE[b.id], 0.95);
    pen.fillPath();
    pen.lineStyle(1.5, 0x0b1620, 0.9);
    pen.strokePath();
    pen.text(pill.text, pill.x + 6, pill.y + 9 * ts, { ...pillStyle(ts), stroke: DARK, strokeWidth: 2.5, ox: 0, oy: 0.5 });
  }
}

/** Whether a box covers part of a disc (the badge's, `reach` round `at`): its nearest point
 *  is inside the circle. A pill beside the name sits just off the disc's corner. */
export function coversDisc(box: TextBox, at: XY, reach: number): boolean {
  const dx = Math.max(box.x, Math.min(at.x, box.x + box.w)) - at.x;
  const dy = Math.max(box.y, Math.min(at.y, box.y + box.h)) - at.y;
  return dx * dx + dy * dy < reach * reach;
}

/** An answer a power has in force, as its badge shows it: a pill of its colour (world px). */
export interface Pill extends TextBox {
  text: string;
}

const pillStyle = (ts: number): TextStyle => ({ size: 12 * ts, weight: 'bold', color: '#ffffff' });

/**
 * Where a badge's pills go: under its name, lined up with it, one under another. A pill is
 * moved in from the view's edge rather than cut by it, and one that would then cover the
 * badge's disc goes under the disc, centred on it, with the pills after it: a long answer
 * beside a badge near the edge (Russia's show of force at 1024×768) ran off the map.
 */
export function badgePills(pen: CanvasPen, b: BadgeSpec, ts: number, view?: [number, number, number, number]): Pill[] {
  return pillsOf(pen, b, ts, view, badgeText(pen, b, ts, view));
}

function pillsOf(pen: CanvasPen, b: BadgeSpec, ts: number, view: [number, number, number, number] | undefined, t: ReturnType<typeof badgeText>): Pill[] {
  const reach = badgeReach(ts);
  const inView = (x: number, w: number) => (view ? Math.max(view[0] + 6, Math.min(x, view[2] - 6 - w)) : x);
  let line = t.ny + 17 * ts + (t.sub ? 16 * ts : 0);
  let under = false;
  const pills: Pill[] = [];
  for (const pr of b.pressures) {
    const text = `${pr.kind === 'stick' ? '\u26a0' : '+'} ${pr.label} \u00b7 ${pr.quartersLeft === 1 ? 'last quarter' : `${pr.quartersLeft} quarters`}`;
    const w = pen.measure(text, pillStyle(ts)).w + 12;
    const h = 18 * ts;
    // Lined up with the name (its left edge, or its middle for a name under the badge).
    const beside = inView(t.nx - (w - 12) * (t.nameStyle.ox ?? 0) - 6, w);
    if (!under && coversDisc({ x: beside, y: line - 9 * ts, w, h }, b.at, reach)) {
      under = true;
      line = Math.max(line, b.at.y + reach + 9 * ts + 2);
    }
    const x = under ? inView(b.at.x - w / 2, w) : beside;
    pills.push({ text, x, y: line - 9 * ts, w, h });
    line += 21 * ts;
  }
  return pills;
}
