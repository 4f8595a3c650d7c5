/**
 * The map's geography as the game build ships it (vite.config.ts, `mapGeography()`):
 * every ring and line of geo/caucasus.json as its first point and then the step from each
 * point to the next, each number written as one to three characters rather than digits
 * and a comma. The steps are small numbers that repeat: as steps the map's chunk is ~3 KB
 * smaller gzipped, as characters another ~1 KB. The game unpacks it once when the map's
 * chunk loads, to exactly the file's coordinates (tests/unit/geoPack.test.ts).
 */
import type { GeoData } from './geoData.ts';

/** The geography with each line as text (see `write`). */
export type PackedGeo = Omit<GeoData, 'countries' | 'coasts' | 'borders' | 'karabakh' | 'contact'> & {
  countries: (Omit<GeoData['countries'][number], 'polys'> & { polys: string[] })[];
  coasts: string[];
  borders: string[];
  karabakh: string;
  contact: string;
};

/** 90 characters that need no escaping in JSON or in a JS string: '#' (35) to '~' (126) without '\' and '`'. */
const DIGITS = Array.from({ length: 92 }, (_, i) => String.fromCharCode(35 + i)).filter((c) => c !== '\\' && c !== '`');
const HALF = DIGITS.length / 2;
/** Each character's digit by its code (0 for any other character). A table, not a map of strings: the map's chunk unpacks ~40,000 characters once, mostly before its code is optimised. */
const VALUE = new Uint8Array(128);
DIGITS.forEach((c, i) => {
  VALUE[c.charCodeAt(0)] = i;
});

/**
 * A line's numbers as text: each number zig-zagged to a whole number ≥ 0 (0, −1, 1, −2 … →
 * 0, 1, 2, 3 …), then written in base 45, lowest digit first; the first 45 characters end a
 * number, the last 45 say another digit follows. A step of −22..22 is one character.
 */
function write(line: number[]): string {
  let s = '';
  for (let i = 0; i < line.length; i++) {
    const v = i < 2 ? (line[i] as number) : (line[i] as number) - (line[i - 2] as number);
    let z = v >= 0 ? 2 * v : -2 * v - 1;
    while (z >= HALF) {
      s += DIGITS[HALF + (z % HALF)];
      z = Math.floor(z / HALF);
    }
    s += DIGITS[z];
  }
  return s;
}

function read(text: string): number[] {
  const out: number[] = [];
  let z = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const d = VALUE[text.charCodeAt(i)] ?? 0;
    if (d >= HALF) {
      z += (d - HALF) * scale;
      scale *= HALF;
      continue;
    }
    z += d * scale;
    const v = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    const n = out.length;
    out.push(n < 2 ? v : v + (out[n - 2] as number));
    z = 0;
    scale = 1;
  }
  return out;
}

export const packGeo = (geo: GeoData): PackedGeo => ({
  ...geo,
  countries: geo.countries.map((c) => ({ ...c, polys: c.polys.map(write) })),
  coasts: geo.coasts.map(write),
  borders: geo.borders.map(write),
  karabakh: write(geo.karabakh),
  contact: write(geo.contact),
});

export const unpackGeo = (packed: PackedGeo): GeoData => ({
  ...packed,
  countries: packed.countries.map((c) => ({ ...c, polys: c.polys.map(read) })),
  coasts: packed.coasts.map(read),
  borders: packed.borders.map(read),
  karabakh: read(packed.karabakh),
  contact: read(packed.contact),
});
