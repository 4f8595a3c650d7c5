/** Small, allocation-light 2D helpers for the map (no Phaser here). */

export interface XY {
  x: number;
  y: number;
}

export function flatToXY(flat: number[]): XY[] {
  const out: XY[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ x: flat[i] as number, y: flat[i + 1] as number });
  return out;
}

export function ringArea(flat: number[]): number {
  let a = 0;
  const n = flat.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    a += ((flat[j] as number) + (flat[i] as number)) * ((flat[j + 1] as number) - (flat[i + 1] as number));
  }
  return Math.abs(a / 2);
}

export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function ringBBox(flat: number[]): BBox {
  const b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const x = flat[i] as number;
    const y = flat[i + 1] as number;
    if (x < b.x0) b.x0 = x;
    if (x > b.x1) b.x1 = x;
    if (y < b.y0) b.y0 = y;
    if (y > b.y1) b.y1 = y;
  }
  return b;
}

/** The box [x0, y0, x1, y1] around points, grown by `pad` on every side (hover outlines,
 *  glows: the canvas a highlight is painted into). */
export function paddedBox(pts: XY[], pad: number): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pts) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return [x0 - pad, y0 - pad, x1 + pad, y1 + pad];
}

/** Even-odd point-in-polygon on a flat ring. */
export function pointInRing(x: number, y: number, flat: number[]): boolean {
  let inside = false;
  const n = flat.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = flat[i] as number;
    const yi = flat[i + 1] as number;
    const xj = flat[j] as number;
    const yj = flat[j + 1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function distToSegment(px: number, py: number, a: XY, b: XY): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / l2 : 0;
  t = Math.max(0, Math.min(1, t));
  const qx = a.x + t * dx - px;
  const qy = a.y + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

export function distToPolyline(px: number, py: number, pts: XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < pts.length; i++) {
    const d = distToSegment(px, py, pts[i] as XY, pts[i + 1] as XY);
    if (d < best) best = d;
  }
  return best;
}

export function polylineLength(pts: XY[]): number {
  let len = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i] as XY;
    const b = pts[i + 1] as XY;
    len += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return len;
}

/** Point and direction at a distance `d` along the polyline. */
export function pointAlong(pts: XY[], d: number): { x: number; y: number; angle: number } {
  let rest = Math.max(0, d);
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i] as XY;
    const b = pts[i + 1] as XY;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (rest <= seg || i + 2 === pts.length) {
      const t = seg > 0 ? Math.min(1, rest / seg) : 0;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, angle: Math.atan2(b.y - a.y, b.x - a.x) };
    }
    rest -= seg;
  }
  const p = pts[0] ?? { x: 0, y: 0 };
  return { x: p.x, y: p.y, angle: 0 };
}

/** Sub-polyline between distances d0 and d1. */
export function slicePolyline(pts: XY[], d0: number, d1: number): XY[] {
  const out: XY[] = [];
  let acc = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i] as XY;
    const b = pts[i + 1] as XY;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    const s0 = acc;
    const s1 = acc + seg;
    acc = s1;
    if (s1 < d0) continue;
    if (s0 > d1) break;
    const t0 = seg > 0 ? Math.max(0, (d0 - s0) / seg) : 0;
    const t1 = seg > 0 ? Math.min(1, (d1 - s0) / seg) : 1;
    if (out.length === 0) out.push({ x: a.x + (b.x - a.x) * t0, y: a.y + (b.y - a.y) * t0 });
    out.push({ x: a.x + (b.x - a.x) * t1, y: a.y + (b.y - a.y) * t1 });
  }
  return out;
}

/** Split a polyline into dashes of `on` length separated by `off`. */
export function dashes(pts: XY[], on: number, off: number, phase = 0): XY[][] {
  const total = polylineLength(pts);
  const out: XY[][] = [];
  for (let d = -phase; d < total; d += on + off) {
    const a = Math.max(0, d);
    const b = Math.min(total, d + on);
    if (b - a > 0.5) out.push(slicePolyline(pts, a, b));
  }
  return out;
}

/**
 * Centripetal Catmull-Rom spline through the waypoints, sampled about every
 * `step` px. Two points give a straight line.
 */
export function smoothPath(points: XY[], step = 6): XY[] {
  if (points.length < 3) return points.slice();
  const out: XY[] = [];
  const n = points.length;
  const get = (i: number): XY => {
    if (i < 0) {
      const p0 = points[0] as XY;
      const p1 = points[1] as XY;
      return { x: 2 * p0.x - p1.x, y: 2 * p0.y - p1.y };
    }
    if (i >= n) {
      const p0 = points[n - 1] as XY;
      const p1 = points[n - 2] as XY;
      return { x: 2 * p0.x - p1.x, y: 2 * p0.y - p1.y };
    }
    return points[i] as XY;
  };
  for (let i = 0; i < n - 1; i++) {
    const p0 = get(i - 1);
    const p1 = get(i);
    const p2 = get(i + 1);
    const p3 = get(i + 2);
    const t01 = Math.sqrt(Math.hypot(p1.x - p0.x, p1.y - p0.y)) || 1e-4;
    const t12 = Math.sqrt(Math.hypot(p2.x - p1.x, p2.y - p1.y)) || 1e-4;
    const t23 = Math.sqrt(Math.hypot(p3.x - p2.x, p3.y - p2.y)) || 1e-4;
    // tangents (Barry-Goldman form, reduced)
    const m1x = (p1.x - p0.x) / t01 - (p2.x - p0.x) / (t01 + t12) + (p2.x - p1.x) / t12;
    const m1y = (p1.y - p0.y) / t01 - (p2.y - p0.y) / (t01 + t12) + (p2.y - p1.y) / t12;
    const m2x = (p2.x - p1.x) / t12 - (p3.x - p1.x) / (t12 + t23) + (p3.x - p2.x) / t23;
    const m2y = (p2.y - p1.y) / t12 - (p3.y - p1.y) / (t12 + t23) + (p3.y - p2.y) / t23;
    const t1x = m1x * t12;
    const t1y = m1y * t12;
    const t2x = m2x * t12;
    const t2y = m2y * t12;
    const segLen = Math.hypot(p2.x - p1.x, p2.y - p1.y);
    const steps = Math.max(2, Math.ceil(segLen / step));
    for (let s = i === 0 ? 0 : 1; s <= steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const h00 = 2 * t3 - 3 * t2 + 1;
      const h10 = t3 - 2 * t2 + t;
      const h01 = -2 * t3 + 3 * t2;
      const h11 = t3 - t2;
      out.push({
        x: h00 * p1.x + h10 * t1x + h01 * p2.x + h11 * t2x,
        y: h00 * p1.y + h10 * t1y + h01 * p2.y + h11 * t2y,
      });
    }
  }
  return out;
}

export function quadBezier(a: XY, c: XY, b: XY, n: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    out.push({ x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y });
  }
  return out;
}

/**
 * Closed outline of a band of varying width along a polyline: left edge
 * forwards, right edge backwards. Width goes w0 → w1 linearly by length.
 */
export function bandOutline(pts: XY[], w0: number, w1: number, fromLen = 0, totalLen?: number): XY[] {
  const total = totalLen ?? polylineLength(pts);
  const left: XY[] = [];
  const right: XY[] = [];
  let acc = fromLen;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i] as XY;
    const prev = pts[i - 1] ?? p;
    const next = pts[i + 1] ?? p;
    let dx = next.x - prev.x;
    let dy = next.y - prev.y;
    const l = Math.hypot(dx, dy) || 1;
    dx /= l;
    dy /= l;
    if (i > 0) acc += Math.hypot(p.x - prev.x, p.y - prev.y);
    const t = total > 0 ? Math.min(1, acc / total) : 0;
    const hw = (w0 + (w1 - w0) * t) / 2;
    left.push({ x: p.x - dy * hw, y: p.y + dx * hw });
    right.push({ x: p.x + dy * hw, y: p.y - dx * hw });
  }
  return left.concat(right.reverse());
}

/** A zigzag ("front line") along a polyline. */
export function zigzag(pts: XY[], amplitude: number, wavelength: number): XY[] {
  const total = polylineLength(pts);
  const out: XY[] = [];
  const half = wavelength / 2;
  let k = 0;
  for (let d = 0; d <= total + 0.01; d += half, k++) {
    const p = pointAlong(pts, Math.min(d, total));
    const side = d === 0 || d >= total ? 0 : k % 2 === 0 ? 1 : -1;
    out.push({ x: p.x - Math.sin(p.angle) * amplitude * side, y: p.y + Math.cos(p.angle) * amplitude * side });
  }
  return out;
}

function nearestIndex(p: XY, pts: XY[]): { i: number; d: number } {
  let bi = 0;
  let bd = Infinity;
  for (let i = 0; i < pts.length; i++) {
    const q = pts[i] as XY;
    const d = (q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y);
    if (d < bd) {
      bd = d;
      bi = i;
    }
  }
  return { i: bi, d: Math.sqrt(bd) };
}

const LANE_ORDER = [0, 1, -1, 2, -2, 3, -3, 4, -4];

/**
 * Side-by-side lanes for lines that share a corridor (e.g. several pipelines
 * Baku → Tbilisi). Earlier lines keep their place; a later line, where it runs
 * within `near` px of earlier ones, moves to the first free lane, `spacing` px
 * apart, smoothly, and converges again at its ends. Lines are dense polylines.
 */
export function laneOffsets(lines: XY[][], spacing: number, near = 7, taper = 28): XY[][] {
  const lanes: number[][] = [];
  const out: XY[][] = [];
  for (let li = 0; li < lines.length; li++) {
    const pts = lines[li] as XY[];
    const raw: number[] = new Array(pts.length).fill(0);
    for (let k = 0; k < pts.length; k++) {
      const p = pts[k] as XY;
      const used = new Set<number>();
      for (let j = 0; j < li; j++) {
        const other = lines[j] as XY[];
        const { i, d } = nearestIndex(p, other);
        if (d < near) used.add((lanes[j] as number[])[i] ?? 0);
      }
      if (used.size) raw[k] = LANE_ORDER.find((l) => !used.has(l)) ?? used.size;
    }
    lanes.push(raw);
    // Smooth the lane offset along the line (moving average), taper at ends.
    const n = pts.length;
    const smooth: number[] = new Array(n).fill(0);
    const win = 8;
    for (let k = 0; k < n; k++) {
      let s = 0;
      let c = 0;
      for (let m = Math.max(0, k - win); m <= Math.min(n - 1, k + win); m++) {
        s += raw[m] as number;
        c++;
      }
      smooth[k] = c ? s / c : 0;
    }
    const total = polylineLength(pts);
    let acc = 0;
    const res: XY[] = [];
    for (let k = 0; k < n; k++) {
      const p = pts[k] as XY;
      const prev = pts[k - 1] ?? p;
      const next = pts[k + 1] ?? p;
      if (k > 0) acc += Math.hypot(p.x - prev.x, p.y - prev.y);
      let nx = -(next.y - prev.y);
      let ny = next.x - prev.x;
      const l = Math.hypot(nx, ny) || 1;
      nx /= l;
      ny /= l;
      if (ny < 0 || (ny === 0 && nx < 0)) {
        nx = -nx;
        ny = -ny;
      }
      const t = Math.min(1, acc / taper, (total - acc) / taper);
      const o = (smooth[k] as number) * spacing * Math.max(0, t);
      res.push({ x: p.x + nx * o, y: p.y + ny * o });
    }
    out.push(res);
  }
  return out;
}

export function cubicBezier(a: XY, c1: XY, c2: XY, b: XY, n: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const w0 = u * u * u;
    const w1 = 3 * u * u * t;
    const w2 = 3 * u * t * t;
    const w3 = t * t * t;
    out.push({ x: w0 * a.x + w1 * c1.x + w2 * c2.x + w3 * b.x, y: w0 * a.y + w1 * c1.y + w2 * c2.y + w3 * b.y });
  }
  return out;
}
