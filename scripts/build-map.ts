/**
 * Bakes the map geography for the Caucasus map into src/ui/map/geo/caucasus.json.
 *
 *   npx tsx scripts/build-map.ts            # Natural Earth 1:50m (default)
 *   npx tsx scripts/build-map.ts --res 10m  # 1:10m, finer coasts, bigger file
 *
 * Source: Natural Earth admin-0 countries (v4.1.0) via the `world-atlas`
 * package, decoded with `topojson-client`. The output is committed; the game
 * never runs this script.
 *
 * Steps: decode the topology's arcs; project every arc with the runtime
 * projection (src/ui/map/projection.ts); simplify each arc once (so shared
 * borders stay identical on both sides); rebuild each country's polygons from
 * its arcs; clip them to the baked extent (Sutherland-Hodgman against a
 * rectangle: fine for fills); split arcs into coastlines (used by one
 * polygon) and borders (used by two countries); clip those lines; round to
 * integers and write flat arrays.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topology, GeometryCollection, Polygon, MultiPolygon } from 'topojson-specification';
import type { GeoCountry, GeoData, GeoLabel, CountryRole } from '../src/ui/map/geoData.ts';
import { project, unproject, WORLD_W, WORLD_H, MARGIN_X, MARGIN_Y } from '../src/ui/map/projection.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const args = process.argv.slice(2);
const resArg = args.indexOf('--res');
const RES = resArg >= 0 ? (args[resArg + 1] ?? '50m') : '50m';
if (!['50m', '110m', '10m'].includes(RES)) throw new Error(`unknown --res ${RES}`);

/** Minimum distance between kept points (world px). */
const MIN_DIST = 1.5;
/** Douglas-Peucker tolerance applied after the distance filter (world px). */
const DP_TOL = 0.6;
/** Drop polygons smaller than this (world px^2) — specks of islands. */
const MIN_AREA = 5;

const BOX: [number, number, number, number] = [-MARGIN_X, -MARGIN_Y, WORLD_W + MARGIN_X, WORLD_H + MARGIN_Y];

// ---------------------------------------------------------------------------
// Countries: Natural Earth numeric ids -> our ids.

const KNOWN: Record<string, { id: string; name: string; role: CountryRole }> = {
  '031': { id: 'azerbaijan', name: 'Azerbaijan', role: 'focus' },
  '051': { id: 'armenia', name: 'Armenia', role: 'neighbor' },
  '268': { id: 'georgia', name: 'Georgia', role: 'neighbor' },
  '643': { id: 'russia', name: 'Russia', role: 'power' },
  '792': { id: 'turkey', name: 'Turkey', role: 'power' },
  '364': { id: 'iran', name: 'Iran', role: 'power' },
  '398': { id: 'kazakhstan', name: 'Kazakhstan', role: 'neutral' },
  '795': { id: 'turkmenistan', name: 'Turkmenistan', role: 'neutral' },
  '760': { id: 'syria', name: 'Syria', role: 'neutral' },
  '368': { id: 'iraq', name: 'Iraq', role: 'neutral' },
  '804': { id: 'ukraine', name: 'Ukraine', role: 'neutral' },
};

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// ---------------------------------------------------------------------------
// Geometry helpers (world px).

type Pt = [number, number];

function dist2(a: Pt, b: Pt): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

/** Radial-distance filter, keeping both endpoints. */
function radial(pts: Pt[], min: number): Pt[] {
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

function segDist2(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0;
  t = Math.max(0, Math.min(1, t));
  const qx = a[0] + t * dx - p[0];
  const qy = a[1] + t * dy - p[1];
  return qx * qx + qy * qy;
}

function douglasPeucker(pts: Pt[], tol: number): Pt[] {
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

function simplifyLine(pts: Pt[]): Pt[] {
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

function ringArea(r: Pt[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const p = r[i] as Pt;
    const q = r[j] as Pt;
    a += (q[0] + p[0]) * (q[1] - p[1]);
  }
  return a / 2;
}

/** Sutherland-Hodgman clip of a ring against an axis-aligned rectangle. */
function clipRing(ring: Pt[], [x0, y0, x1, y1]: [number, number, number, number]): Pt[] {
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
function clipLine(line: Pt[], [x0, y0, x1, y1]: [number, number, number, number]): Pt[][] {
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

function flat(pts: Pt[]): number[] {
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

function projectAll(lonlat: Array<[number, number]>): Pt[] {
  return lonlat.map(([lon, lat]) => project(lon, lat));
}

// ---------------------------------------------------------------------------
// Load and decode.

const topoPath = resolve(root, `node_modules/world-atlas/countries-${RES}.json`);
const topo = JSON.parse(readFileSync(topoPath, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const tf = topo.transform;
if (!tf) throw new Error('expected a quantized topology');

/** Arcs decoded to lon/lat. */
const arcsLonLat: Array<Array<[number, number]>> = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map((pos) => {
    x += pos[0] as number;
    y += pos[1] as number;
    return [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]] as [number, number];
  });
});

// The lon/lat extent corresponding to BOX (for picking countries).
const [lonMin, latMax] = unproject(BOX[0], BOX[1]);
const [lonMax, latMin] = unproject(BOX[2], BOX[3]);

function arcInLonLatBox(i: number): boolean {
  const arc = arcsLonLat[i < 0 ? ~i : i] ?? [];
  return arc.some(([lon, lat]) => lon >= lonMin && lon <= lonMax && lat >= latMin && lat <= latMax);
}

// Projected + simplified arcs, computed lazily and cached.
const simplified = new Map<number, Pt[]>();
function arcPts(i: number): Pt[] {
  const k = i < 0 ? ~i : i;
  let pts = simplified.get(k);
  if (!pts) {
    pts = simplifyLine(projectAll(arcsLonLat[k] ?? []));
    simplified.set(k, pts);
  }
  return i < 0 ? pts.slice().reverse() : pts;
}

function ringFromArcs(arcIdx: number[]): Pt[] {
  const out: Pt[] = [];
  for (const a of arcIdx) {
    const pts = arcPts(a);
    for (let j = out.length ? 1 : 0; j < pts.length; j++) out.push(pts[j] as Pt);
  }
  if (out.length > 1) {
    const f = out[0] as Pt;
    const l = out[out.length - 1] as Pt;
    if (f[0] === l[0] && f[1] === l[1]) out.pop();
  }
  return out;
}

// Crimea: Natural Earth 4.1 draws it in Russia's multipolygon. The game runs
// 1991-2012, when it was Ukraine's, so move that polygon to Ukraine.
function isCrimea(lonlatRing: Array<[number, number]>): boolean {
  let sx = 0;
  let sy = 0;
  for (const [lon, lat] of lonlatRing) {
    sx += lon;
    sy += lat;
  }
  const n = lonlatRing.length || 1;
  const cx = sx / n;
  const cy = sy / n;
  return cx > 32.4 && cx < 36.8 && cy > 44.3 && cy < 46.3;
}

function ringLonLat(arcIdx: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const a of arcIdx) {
    const arc = arcsLonLat[a < 0 ? ~a : a] ?? [];
    const pts = a < 0 ? arc.slice().reverse() : arc;
    out.push(...pts);
  }
  return out;
}

interface PolyRec {
  owner: string;
  arcs: number[]; // outer ring arcs
}

const owners = new Map<string, { name: string; role: CountryRole }>();
const polyRecs: PolyRec[] = [];

for (const g of topo.objects.countries.geometries) {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
  const polys: number[][][] = g.type === 'Polygon' ? [(g as Polygon).arcs] : (g as MultiPolygon).arcs;
  const nid = g.id === undefined ? '' : String(g.id);
  const props = (g.properties ?? { name: 'unknown' }) as { name: string };
  const known = KNOWN[nid];
  const id = known?.id ?? slug(props.name);
  for (const poly of polys) {
    const outer = poly[0];
    if (!outer?.some(arcInLonLatBox)) continue;
    let owner = id;
    if (id === 'russia' && isCrimea(ringLonLat(outer))) owner = 'ukraine';
    if (!owners.has(owner)) {
      const k = owner === 'ukraine' ? KNOWN['804'] : known;
      owners.set(owner, { name: k?.name ?? props.name, role: k?.role ?? 'neutral' });
    }
    polyRecs.push({ owner, arcs: outer });
  }
}

// Arc usage -> coastline or border.
const arcUse = new Map<number, Set<string>>();
const arcCount = new Map<number, number>();
for (const p of polyRecs) {
  for (const a of p.arcs) {
    const k = a < 0 ? ~a : a;
    arcCount.set(k, (arcCount.get(k) ?? 0) + 1);
    const s = arcUse.get(k) ?? new Set<string>();
    s.add(p.owner);
    arcUse.set(k, s);
  }
}
// Arcs shared with a polygon we did not pick (outside the box) count as used twice.
for (const g of topo.objects.countries.geometries) {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
  const polys: number[][][] = g.type === 'Polygon' ? [(g as Polygon).arcs] : (g as MultiPolygon).arcs;
  for (const poly of polys) {
    const outer = poly[0];
    if (!outer || outer.some(arcInLonLatBox)) continue;
    for (const a of outer) {
      const k = a < 0 ? ~a : a;
      if (arcCount.has(k)) {
        arcCount.set(k, (arcCount.get(k) ?? 0) + 1);
        arcUse.get(k)?.add('other');
      }
    }
  }
}

const coasts: number[][] = [];
const borders: number[][] = [];
for (const [k, count] of arcCount) {
  const used = arcUse.get(k) ?? new Set<string>();
  const pts = arcPts(k);
  const pieces = clipLine(pts, BOX)
    .map(flat)
    .filter((f) => f.length >= 4);
  if (count === 1) coasts.push(...pieces);
  else if (used.size > 1) borders.push(...pieces);
  // same owner on both sides (Crimea's isthmus after the move): internal, skip
}

// Polygons, clipped; keep per-owner lists sorted later by area.
const countryPolys = new Map<string, Array<{ ring: number[]; area: number }>>();
for (const p of polyRecs) {
  const ring = ringFromArcs(p.arcs);
  const clipped = clipRing(ring, BOX);
  if (clipped.length < 3) continue;
  const area = Math.abs(ringArea(clipped));
  if (area < MIN_AREA) continue;
  const f = flat(clipped);
  if (f.length < 6) continue;
  const list = countryPolys.get(p.owner) ?? [];
  list.push({ ring: f, area });
  countryPolys.set(p.owner, list);
}

const ROLE_ORDER: CountryRole[] = ['neutral', 'power', 'neighbor', 'focus'];
const countries: GeoCountry[] = [...countryPolys.entries()]
  .map(([id, list]) => {
    const o = owners.get(id) ?? { name: id, role: 'neutral' as CountryRole };
    return {
      id,
      name: o.name,
      role: o.role,
      polys: list.sort((a, b) => b.area - a.area).map((x) => x.ring),
    };
  })
  .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.id.localeCompare(b.id));

// ---------------------------------------------------------------------------
// Hand-written overlays.

// APPROXIMATE outline of the former Nagorno-Karabakh Autonomous Oblast
// (NKAO, 1923-1991), about 4,400 km2 around Stepanakert (39.82 N, 46.75 E).
// Natural Earth admin-0 does not carry it; these ~12 points are hand-placed
// from general maps and are only meant to read right at map scale.
const KARABAKH_LONLAT: Array<[number, number]> = [
  [46.55, 40.27],
  [46.8, 40.24],
  [46.98, 40.1],
  [47.06, 39.93],
  [47.03, 39.72],
  [47.12, 39.57],
  [47.0, 39.45],
  [46.8, 39.47],
  [46.62, 39.6],
  [46.48, 39.72],
  [46.38, 39.9],
  [46.4, 40.08],
];

// APPROXIMATE 1994 ceasefire line of contact (north to south), hand-placed:
// from the Armenian border north of Kalbajar, around Mardakert and Aghdam,
// west of Fuzuli, to the Araz near Horadiz.
const CONTACT_LONLAT: Array<[number, number]> = [
  [45.72, 40.32],
  [46.05, 40.3],
  [46.35, 40.33],
  [46.62, 40.3],
  [46.85, 40.22],
  [46.98, 40.05],
  [47.05, 39.9],
  [47.1, 39.72],
  [47.18, 39.55],
  [47.05, 39.39],
];

function label(id: string, name: string, kind: GeoLabel['kind'], lon: number, lat: number, hint?: string): GeoLabel {
  const [x, y] = project(lon, lat);
  const l: GeoLabel = { id, name, kind, x: Math.round(x), y: Math.round(y) };
  if (hint) l.hint = hint;
  return l;
}

const labels: GeoLabel[] = [
  // Capitals
  label('baku', 'Baku', 'capital', 49.87, 40.41),
  label('tbilisi', 'Tbilisi', 'capital', 44.79, 41.72),
  label('yerevan', 'Yerevan', 'capital', 44.51, 40.18),
  // Cities
  label('nakhchivan-city', 'Nakhchivan', 'city', 45.41, 39.21),
  label('ganja', 'Ganja', 'city', 46.36, 40.68),
  label('novorossiysk', 'Novorossiysk', 'city', 37.77, 44.72),
  label('supsa', 'Supsa', 'city', 41.8, 42.0),
  label('ceyhan', 'Ceyhan', 'city', 35.82, 36.87),
  label('erzurum', 'Erzurum', 'city', 41.27, 39.9),
  label('grozny', 'Grozny', 'city', 45.69, 43.32),
  label('makhachkala', 'Makhachkala', 'city', 47.5, 42.98),
  // Power anchors: where each power's badge sits; the label is the power's name.
  label('russia', 'Russia', 'anchor', 44.2, 45.55, 'to Moscow'),
  label('turkey', 'Turkey', 'anchor', 37.6, 39.45, 'to Ankara'),
  label('iran', 'Iran', 'anchor', 48.9, 37.05, 'to Tehran'),
  label('west', 'The West', 'anchor', 34.9, 43.55, 'US · EU · NATO'),
  // Country labels (non-power countries; powers are labelled by their badge)
  label('azerbaijan', 'AZERBAIJAN', 'country', 48.5, 39.88),
  label('armenia', 'ARMENIA', 'country', 45.0, 40.45),
  label('georgia', 'GEORGIA', 'country', 43.35, 42.2),
  label('kazakhstan', 'KAZAKHSTAN', 'country', 54.2, 45.9),
  label('turkmenistan', 'TURKMENISTAN', 'country', 55.1, 39.6),
  label('syria', 'SYRIA', 'country', 39.2, 36.0),
  label('iraq', 'IRAQ', 'country', 43.4, 36.2),
  label('ukraine', 'UKRAINE', 'country', 34.3, 45.55),
  label('nakhchivan', 'NAKHCHIVAN', 'country', 45.25, 39.42),
  // Seas
  label('caspian', 'Caspian Sea', 'sea', 51.6, 40.95),
  label('black-sea', 'Black Sea', 'sea', 36.6, 42.6),
  label('mediterranean', 'Mediterranean', 'sea', 34.4, 36.45),
  label('azov', 'Sea of Azov', 'sea', 36.6, 45.95),
];

const data: GeoData = {
  v: 1,
  w: WORLD_W,
  h: WORLD_H,
  box: BOX,
  source: `Natural Earth 4.1.0 admin-0 countries 1:${RES} (public domain) via world-atlas; Crimea shown as Ukraine (1991-2012); Nagorno-Karabakh and line of contact approximate, hand-drawn`,
  countries,
  coasts,
  borders,
  karabakh: flat(projectAll(KARABAKH_LONLAT)),
  contact: flat(projectAll(CONTACT_LONLAT)),
  labels,
};

const outPath = resolve(root, 'src/ui/map/geo/caucasus.json');
mkdirSync(dirname(outPath), { recursive: true });
const json = `${JSON.stringify(data)}\n`;
writeFileSync(outPath, json);

const pts = countries.reduce((n, c) => n + c.polys.reduce((m, r) => m + r.length / 2, 0), 0);
console.log(
  `wrote ${outPath}: ${countries.length} countries (${countries.map((c) => c.id).join(', ')}), ` +
    `${pts} polygon points, ${coasts.length} coast + ${borders.length} border lines; ` +
    `${json.length} bytes raw, ${gzipSync(json).length} bytes gzipped (res ${RES})`,
);
