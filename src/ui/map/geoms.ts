/**
 * Where things go on the map, in world pixels, from the view model: the routes'
 * smoothed lines (side by side where they share a corridor), the powers' arrows toward
 * Baku and the sites. No Phaser, no drawing: the scene paints and hit-tests these.
 */
import { ROUTE_WIDTH } from './draw.ts';
import type { GeoData } from './geoData.ts';
import { cubicBezier, distToPolyline, flatToXY, laneOffsets, smoothPath, type XY } from './geometry.ts';
import { BADGE_R, type BandGeom, type FeatureGeom, type RouteGeom } from './overlay.ts';
import { influenceWidth } from './palette.ts';
import { project } from './projection.ts';
import type { MapFeature, MapPower, MapRoute, PowerId } from './types.ts';

/**
 * Direction (degrees, screen convention: 0 = east, 90 = south) from which each
 * power's band arrives at Baku. Chosen to thread between the export routes
 * that leave Baku north-west (Novorossiysk) and west-north-west (Tbilisi).
 */
const BAND_APPROACH: Record<PowerId, number> = { russia: -84, west: -138, turkey: 181, iran: 95 };
/** Bands stop this far (world px) short of Baku. */
const BAND_STOP: Record<PowerId, number> = { russia: 58, west: 100, turkey: 58, iran: 58 };

/** The fixed points the map is built around: the powers' badges and Baku. */
export interface Anchors {
  badges: Map<PowerId, XY>;
  baku: XY;
}

export function anchorsOf(geo: GeoData): Anchors {
  const badges = new Map<PowerId, XY>();
  let baku: XY = { x: 0, y: 0 };
  for (const l of geo.labels) {
    if (l.kind === 'anchor') badges.set(l.id as PowerId, { x: l.x, y: l.y });
    if (l.id === 'baku') baku = { x: l.x, y: l.y };
  }
  return { badges, baku };
}

/** Operating routes keep the true line; others take side lanes in shared corridors. */
const LANE_RANK: Record<MapRoute['status'], number> = { operating: 0, disrupted: 1, building: 2, planned: 3, closed: 4 };

export function routeGeoms(routes: MapRoute[]): RouteGeom[] {
  const ordered = [...routes].sort((a, b) => LANE_RANK[a.status] - LANE_RANK[b.status] || a.id.localeCompare(b.id));
  const smoothed = ordered.map((route) =>
    smoothPath(
      route.path.map(([lon, lat]) => {
        const [x, y] = project(lon, lat);
        return { x, y };
      }),
      5,
    ),
  );
  const laned = laneOffsets(smoothed, 9);
  return ordered.map((route, i) => ({ route, pts: laned[i] ?? [], width: ROUTE_WIDTH[route.kind] }));
}

/** The curve of each power's arrow (independent of the power's numbers, so computed once). */
export function bandPaths(anchors: Anchors): Map<PowerId, XY[]> {
  const out = new Map<PowerId, XY[]>();
  const t = anchors.baku;
  for (const [id, a] of anchors.badges) {
    const ang = (BAND_APPROACH[id] * Math.PI) / 180;
    const ax = Math.cos(ang);
    const ay = Math.sin(ang);
    const stop = BAND_STOP[id];
    const e = { x: t.x + ax * stop, y: t.y + ay * stop };
    const dx = e.x - a.x;
    const dy = e.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const s = { x: a.x + (dx / len) * (BADGE_R + 12), y: a.y + (dy / len) * (BADGE_R + 12) };
    const c1 = { x: s.x + dx * 0.33, y: s.y + dy * 0.33 };
    const c2 = { x: e.x + ax * len * 0.3, y: e.y + ay * len * 0.3 };
    out.set(id, cubicBezier(s, c1, c2, e, 48));
  }
  return out;
}

export function bandGeoms(powers: MapPower[], paths: Map<PowerId, XY[]>): BandGeom[] {
  const out: BandGeom[] = [];
  for (const power of powers) {
    const pts = paths.get(power.id);
    if (pts) out.push({ power, pts, width: influenceWidth(power.influence) });
  }
  return out;
}

export function featureGeoms(features: MapFeature[], geo: GeoData): FeatureGeom[] {
  const contact = flatToXY(geo.contact);
  return features.map((feature) => {
    const [x, y] = project(feature.at[0], feature.at[1]);
    // A front near the built-in line of contact is drawn along it.
    const line = feature.kind === 'front' && contact.length > 1 && distToPolyline(x, y, contact) < 60 ? contact : null;
    return { feature, x, y, line };
  });
}
