/**
 * The map's geography as the game build ships it (vite.config.ts, `mapGeography()`):
 * every ring and line of geo/caucasus.json as its first point and then the step from each
 * point to the next. The steps are small numbers that repeat, so the map's chunk is
 * ~3 KB smaller gzipped; the game unpacks it once when the map's chunk loads, to exactly
 * the file's coordinates (tests/unit/geoPack.test.ts).
 */
import type { GeoData } from './geoData.ts';

/** [x0, y0, x1, y1, …] ⇄ [x0, y0, x1 − x0, y1 − y0, …]. */
const steps = (line: number[]): number[] => line.map((v, i) => (i < 2 ? v : v - (line[i - 2] as number)));
const points = (line: number[]): number[] => {
  const out = line.slice();
  for (let i = 2; i < out.length; i++) out[i] = (out[i] as number) + (out[i - 2] as number);
  return out;
};

function convert(geo: GeoData, f: (line: number[]) => number[]): GeoData {
  return {
    ...geo,
    countries: geo.countries.map((c) => ({ ...c, polys: c.polys.map(f) })),
    coasts: geo.coasts.map(f),
    borders: geo.borders.map(f),
    karabakh: f(geo.karabakh),
    contact: f(geo.contact),
  };
}

export const packGeo = (geo: GeoData): GeoData => convert(geo, steps);
export const unpackGeo = (packed: GeoData): GeoData => convert(packed, points);
