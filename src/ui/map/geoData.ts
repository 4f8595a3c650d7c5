/**
 * Shape of `geo/caucasus.json`, written by `scripts/build-map.ts`.
 * Every coordinate is an integer world pixel (see projection.ts); rings and
 * lines are flat arrays [x0, y0, x1, y1, ...].
 */

export type CountryRole = 'focus' | 'neighbor' | 'power' | 'neutral';

export interface GeoCountry {
  id: string;
  name: string;
  role: CountryRole;
  /** Outer rings, one per polygon, clipped to `box`. Holes are not kept: enclaves are drawn on top (largest polygons first). */
  polys: number[][];
}

export type GeoLabelKind = 'capital' | 'city' | 'country' | 'sea' | 'anchor';

export interface GeoLabel {
  id: string;
  name: string;
  kind: GeoLabelKind;
  x: number;
  y: number;
  /** For anchors: the direction hint shown under the power's name, e.g. "to Moscow". */
  hint?: string;
}

export interface GeoData {
  v: 1;
  /** World size (the fitted box). */
  w: number;
  h: number;
  /** Extent the geography was baked to: [x0, y0, x1, y1], wider than w x h. */
  box: [number, number, number, number];
  source: string;
  countries: GeoCountry[];
  /** Coastlines (Black Sea, Caspian, Mediterranean, Azov), clipped polylines. */
  coasts: number[][];
  /** Land borders between countries, clipped polylines. */
  borders: number[][];
  /** Approximate former NKAO outline (hand-written, not Natural Earth). */
  karabakh: number[];
  /** Approximate 1994 line of contact (hand-written). */
  contact: number[];
  labels: GeoLabel[];
}
