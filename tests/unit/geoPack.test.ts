/** The map's geography ships packed as steps between points, written as characters (src/ui/map/geoPack.ts): unpacked, it is the file. */
import { describe, expect, it } from 'vitest';
import geo from '../../src/ui/map/geo/caucasus.json';
import type { GeoData } from '../../src/ui/map/geoData.ts';
import { type PackedGeo, packGeo, unpackGeo } from '../../src/ui/map/geoPack.ts';

const GEO = geo as unknown as GeoData;

describe('the packed map geography', () => {
  it('unpacks to exactly the coordinates of geo/caucasus.json', () => {
    expect(unpackGeo(JSON.parse(JSON.stringify(packGeo(GEO))) as PackedGeo)).toEqual(GEO);
  });

  it('stores each line as its first point and then steps, a small step as one character', () => {
    const line = { ...GEO, countries: [], coasts: [[10, 20, 13, 18, 13, 25]], borders: [], karabakh: [5, 5], contact: [] };
    // 10, 20, then +3, −2, 0, +7 zig-zagged to 20, 40, 6, 3, 0, 14: '#' is 0, 'P' (the 45th) 45.
    // 20 → '7'; 40 → 'K'; 6 → ')'; 3 → '&'; 0 → '#'; 14 → '1'.
    expect(packGeo(line).coasts).toEqual(['7K)&#1']);
    expect(unpackGeo(packGeo(line)).coasts).toEqual([[10, 20, 13, 18, 13, 25]]);
  });

  it('writes larger numbers with more characters, and negative ones too', () => {
    const line = { ...GEO, countries: [], coasts: [[-260, 1200, 1860, -200]], borders: [], karabakh: [], contact: [] };
    const packed = packGeo(line).coasts[0] as string;
    // −260 → 519 = 24 + 11·45: 2 characters; 1200 → 2400 = 15 + 8·45 + 1·45²: 3; the steps
    // +2120 and −1400 → 4240 and 2799: 3 each.
    expect(packed.length).toBe(2 + 3 + 3 + 3);
    expect(unpackGeo(packGeo(line)).coasts).toEqual([[-260, 1200, 1860, -200]]);
  });

  it('ships fewer characters than the coordinates written out', () => {
    const packed = JSON.stringify(packGeo(GEO));
    expect(packed.length).toBeLessThan(JSON.stringify(GEO).length / 2);
  });
});
