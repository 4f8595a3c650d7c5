/**
 * The map projection, shared by `scripts/build-map.ts` (which bakes the
 * geography into world pixels) and the runtime (which places routes,
 * features and anchors given in lon/lat).
 *
 * Equirectangular, scaled for latitude:
 *   x = (lon - LON0) * K * cos(LAT_MID)
 *   y = (LAT_TOP - lat) * K
 *
 * The world is WORLD_W x WORLD_H pixels. The box spans lat 35.6..46.6 N
 * (Ceyhan 36.9 N to the Kuban, Novorossiysk 44.7 N) and, because the world
 * is wider than the requested lon 35..53 box, about lon 33.0..56.4 E, centred
 * on 44.7 E: the whole eastern Black Sea on the left, the Caspian's eastern
 * shore on the right.
 */

export const WORLD_W = 1600;
export const WORLD_H = 1000;

export const LAT_TOP = 46.6;
export const LAT_BOTTOM = 35.6;
export const LAT_MID = (LAT_TOP + LAT_BOTTOM) / 2;
/** Pixels per degree of latitude. */
export const K = WORLD_H / (LAT_TOP - LAT_BOTTOM);
/** Pixels per degree of longitude (at LAT_MID). */
export const KX = K * Math.cos((LAT_MID * Math.PI) / 180);
export const LON_CENTER = 44.7;
export const LON0 = LON_CENTER - WORLD_W / 2 / KX;

/**
 * Geography is baked beyond the 1600x1000 box by this margin (world px), so a
 * viewport whose aspect differs from 1.6 shows land and sea rather than a
 * hard edge.
 */
export const MARGIN_X = 260;
export const MARGIN_Y = 200;

export function project(lon: number, lat: number): [number, number] {
  return [(lon - LON0) * KX, (LAT_TOP - lat) * K];
}

export function unproject(x: number, y: number): [number, number] {
  return [x / KX + LON0, LAT_TOP - y / K];
}
