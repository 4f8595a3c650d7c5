/**
 * The baked geography (geo/caucasus.json; in the build it ships packed and is unpacked
 * here, see mapGeography() in vite.config.ts), shared by the poster and the scene.
 */
import type { GeoData } from './geoData.ts';
import geoJson from './geo/caucasus.json';

export const GEO = geoJson as unknown as GeoData;
