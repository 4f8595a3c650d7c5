/** The map's geography ships packed as steps between points (src/ui/map/geoPack.ts): unpacked, it is the file. */
import { describe, expect, it } from 'vitest';
import geo from '../../src/ui/map/geo/caucasus.json';
import type { GeoData } from '../../src/ui/map/geoData.ts';
import { packGeo, unpackGeo } from '../../src/ui/map/geoPack.ts';

const GEO = geo as unknown as GeoData;

describe('the packed map geography', () => {
  it('unpacks to exactly the coordinates of geo/caucasus.json', () => {
    expect(unpackGeo(JSON.parse(JSON.stringify(packGeo(GEO))) as GeoData)).toEqual(GEO);
  });

  it('stores each line as its first point and then steps', () => {
    const line = { ...GEO, countries: [], coasts: [[10, 20, 13, 18, 13, 25]], borders: [], karabakh: [5, 5], contact: [] };
    expect(packGeo(line).coasts).toEqual([[10, 20, 3, -2, 0, 7]]);
  });
});
