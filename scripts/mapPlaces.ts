/**
 * What scripts/build-map.ts draws by hand on top of Natural Earth: the former
 * Nagorno-Karabakh oblast, the 1994 line of contact, and the place labels.
 */
import type { GeoLabel } from '../src/ui/map/geoData.ts';
import { project } from '../src/ui/map/projection.ts';

// APPROXIMATE outline of the former Nagorno-Karabakh Autonomous Oblast
// (NKAO, 1923-1991), about 4,400 km2 around Stepanakert (39.82 N, 46.75 E).
// Natural Earth admin-0 does not carry it; these ~12 points are hand-placed
// from general maps and are only meant to read right at map scale.
export const KARABAKH_LONLAT: Array<[number, number]> = [
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
export const CONTACT_LONLAT: Array<[number, number]> = [
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

export function label(id: string, name: string, kind: GeoLabel['kind'], lon: number, lat: number, hint?: string): GeoLabel {
  const [x, y] = project(lon, lat);
  const l: GeoLabel = { id, name, kind, x: Math.round(x), y: Math.round(y) };
  if (hint) l.hint = hint;
  return l;
}

export const labels: GeoLabel[] = [
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
