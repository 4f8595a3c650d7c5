/**
 * Geometry for scripts/build-map.ts, in world px: simplification (a radial-distance
 * filter, then Douglas-Peucker), clipping to the baked extent (Sutherland-Hodgman for
 * rings, Liang-Barsky for lines), areas, and the flat integer arrays the map ships.
 */
import { project } from '../src/ui/map/projection.ts';

/** Minimum distance between kept points (world px). */
export const MIN_DIST = 1.5;
/** Douglas-Peucker tolerance applied after the distance filter (world px). */
export const DP_TOL = 0.6;

export type Pt = [number, number];

export function dist2(a: Pt, b: Pt): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

/** Radial-distance filter, keeping both endpoints. */
export function radial(pts: Pt[], min: number): Pt[] {
  if (pts.length <= 2) return pts.slice();
  const out: Pt[] = [pts[0] as Pt];
  const m2 = min * min;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i] as Pt;
    if (dist2(p, out[out.length - 1] as Pt) >= m2) out.push(p);
  }
  const last = pts[pts.length - 1] as Pt;
  if (out.length > 1 && dist2(last, out[out.length - 1] as Pt) < m2) out.pop();
  out.push(last);
  return out;
}

export function segDist2(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0;
  t = Math.max(0, Math.min(1, t));
  const qx = a[0] + t * dx - p[0];
  const qy = a[1] + t * dy - p[1];
  return qx * qx + qy * qy;
}

export function douglasPeucker(pts: Pt[], tol: number): Pt[] {
  if (pts.length <= 2) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, pts.length - 1]];
  const t2 = tol * tol;
  while (stack.length) {
    const [s, e] = stack.pop() as [number, number];
    let best = -1;
    let bestD = t2;
    for (let i = s + 1; i < e; i++) {
      const d = segDist2(pts[i] as Pt, pts[s] as Pt, pts[e] as Pt);
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([s, best], [best, e]);
    }
  }
  return pts.filter((_, i) => keep[i] === 1);
}

export function simplifyLine(pts: Pt[]): Pt[] {
  // A closed arc (first == last) needs a split point, or DP collapses it.
  const rounded: Pt[] = [];
  for (const p of pts) {
    const q: Pt = [Math.round(p[0] * 2) / 2, Math.round(p[1] * 2) / 2];
    const prev = rounded[rounded.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) rounded.push(q);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (rounded.length > 4 && first && last && first[0] === last[0] && first[1] === last[1]) {
    const mid = Math.floor(rounded.length / 2);
    const a = douglasPeucker(radial(rounded.slice(0, mid + 1), MIN_DIST), DP_TOL);
    const b = douglasPeucker(radial(rounded.slice(mid), MIN_DIST), DP_TOL);
    return a.concat(b.slice(1));
  }
  return douglasPeucker(radial(rounded, MIN_DIST), DP_TOL);
}

export function ringArea(r: Pt[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const p = r[i] as Pt;
    const q = r[j] as Pt;
    a += (q[0] + p[0]) * (q[1] - p[1]);
  }
  return a / 2;
}

/** Sutherland-Hodgman clip of a ring against an axis-aligned rectangle. */
export function clipRing(ring: Pt[], [x0, y0, x1, y1]: [number, number, number, number]): Pt[] {
  type Edge = { inside: (p: Pt) => boolean; cut: (a: Pt, b: Pt) => Pt };
  const edges: Edge[] = [
    { inside: (p) => p[0] >= x0, cut: (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[0] <= x1, cut: (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[1] >= y0, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0] },
    { inside: (p) => p[1] <= y1, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1] },
  ];
  let out = ring;
  for (const e of edges) {
    const input = out;
    out = [];
    if (input.length === 0) break;
    let prev = input[input.length - 1] as Pt;
    for (const cur of input) {
      const cin = e.inside(cur);
      const pin = e.inside(prev);
      if (cin) {
        if (!pin) out.push(e.cut(prev, cur));
        out.push(cur);
      } else if (pin) {
        out.push(e.cut(prev, cur));
      }
      prev = cur;
    }
  }
  return out;
}

/** Liang-Barsky clip of a polyline; returns the pieces inside the box. */
export function clipLine(line: Pt[], [x0, y0, x1, y1]: [number, number, number, number]): Pt[][] {
  const pieces: Pt[][] = [];
  let cur: Pt[] = [];
  const flush = () => {
    if (cur.length >= 2) pieces.push(cur);
    cur = [];
  };
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as Pt;
    const b = line[i + 1] as Pt;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    let t0 = 0;
    let t1 = 1;
    let ok = true;
    const tests: Array<[number, number]> = [
      [-dx, a[0] - x0],
      [dx, x1 - a[0]],
      [-dy, a[1] - y0],
      [dy, y1 - a[1]],
    ];
    for (const [p, q] of tests) {
      if (p === 0) {
        if (q < 0) ok = false;
      } else {
        const r = q / p;
        if (p < 0) {
          if (r > t1) ok = false;
          else if (r > t0) t0 = r;
        } else if (r < t0) ok = false;
        else if (r < t1) t1 = r;
      }
    }
    if (!ok) {
      flush();
      continue;
    }
    const pa: Pt = [a[0] + t0 * dx, a[1] + t0 * dy];
    const pb: Pt = [a[0] + t1 * dx, a[1] + t1 * dy];
    if (cur.length === 0 || t0 > 0) {
      flush();
      cur.push(pa);
    }
    cur.push(pb);
    if (t1 < 1) flush();
  }
  flush();
  return pieces;
}

export function flat(pts: Pt[]): number[] {
  const out: number[] = [];
  let px = Number.NaN;
  let py = Number.NaN;
  for (const p of pts) {
    const x = Math.round(p[0]);
    const y = Math.round(p[1]);
    if (x === px && y === py) continue;
    out.push(x, y);
    px = x;
    py = y;
  }
  return out;
}

export function projectAll(lonlat: Array<[number, number]>): Pt[] {
  return lonlat.map(([lon, lat]) => project(lon, lat));
}
