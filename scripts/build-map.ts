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
import type { GeoCountry, GeoData, CountryRole } from '../src/ui/map/geoData.ts';
import { unproject, WORLD_W, WORLD_H, MARGIN_X, MARGIN_Y } from '../src/ui/map/projection.ts';
// The geometry (simplify, clip, flatten) and the hand-drawn overlays and labels live apart.
import { clipLine, clipRing, flat, type Pt, projectAll, ringArea, simplifyLine } from './mapGeometry.ts';
import { CONTACT_LONLAT, KARABAKH_LONLAT, labels } from './mapPlaces.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const args = process.argv.slice(2);
const resArg = args.indexOf('--res');
const RES = resArg >= 0 ? (args[resArg + 1] ?? '50m') : '50m';
if (!['50m', '110m', '10m'].includes(RES)) throw new Error(`unknown --res ${RES}`);

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
