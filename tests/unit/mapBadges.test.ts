/**
 * The powers' badges (src/ui/map/content.ts fitTo) on the map as the game frames it in the
 * windows people use: each badge whole inside the view, its ring clear of the edge, and,
 * where the view has room, exactly where the geography puts it.
 */
import { describe, expect, it } from 'vitest';
import { MapContent } from '../../src/ui/map/content.ts';
import geo from '../../src/ui/map/geo/caucasus.json';
import type { GeoData } from '../../src/ui/map/geoData.ts';
import { anchorsOf } from '../../src/ui/map/geoms.ts';
import { badgeReach } from '../../src/ui/map/overlay.ts';
import { sampleViewModel } from '../../src/ui/map/sample.ts';
import { fitView } from '../../src/ui/map/view.ts';

const GEO = geo as unknown as GeoData;

/** The map element's size in the game at these windows (measured in Chromium). */
const WINDOWS = {
  '360×740 phone': [360, 414],
  '390×844 phone': [390, 449],
  '768×1024 tablet': [768, 635],
  '1024×768': [530, 727],
  '1024×1366 tablet': [530, 1325],
  '1280×800': [747, 756],
  '1366×768': [815, 722],
  '1920×1080': [1172, 1026],
} as const;

/** Screen px between each badge's ring (overlay.ts badgeReach) and the nearest edge of the view. */
function clearance(content: MapContent, w: number, h: number) {
  const fit = fitView(w, h, GEO.box);
  content.fitTo(fit);
  const ring = badgeReach(fit.textScale);
  const [x0, y0, x1, y1] = fit.view;
  return Object.fromEntries(
    content
      .of(sampleViewModel())
      .badges.map((b) => [b.id, Math.min(b.at.x - ring - x0, x1 - b.at.x - ring, b.at.y - ring - y0, y1 - b.at.y - ring) * fit.zoom]),
  );
}

describe('the powers’ badges', () => {
  it('would be cut off where the geography puts them, in a narrow or tall map', () => {
    const home = anchorsOf(GEO).badges;
    const fit = fitView(530, 727, GEO.box);
    // At 1024×768 the West's badge had its centre off the map's left edge (its name showed, beside nothing).
    expect(home.get('west')?.x).toBeLessThan(fit.view[0]);
  });

  it.each(Object.entries(WINDOWS))('at %s show whole, the ring at least 6 px inside the view', (_, [w, h]) => {
    for (const px of Object.values(clearance(new MapContent(GEO), w, h))) expect(px).toBeGreaterThanOrEqual(6 - 1e-9);
  });

  it('stay where the geography puts them when the view has room, and come back there', () => {
    const home = anchorsOf(GEO).badges;
    const content = new MapContent(GEO);
    for (const [w, h] of [WINDOWS['1366×768'], WINDOWS['1920×1080'], WINDOWS['1280×800']]) {
      content.fitTo(fitView(w, h, GEO.box));
      expect(new Map(content.of(sampleViewModel()).badges.map((b) => [b.id, b.at]))).toEqual(home);
    }
    // Moved in for a narrow map, then back after the window grows again.
    content.fitTo(fitView(530, 727, GEO.box));
    expect(content.anchors.badges.get('west')).not.toEqual(home.get('west'));
    content.fitTo(fitView(815, 722, GEO.box));
    expect(content.anchors.badges).toEqual(home);
  });

  it('start their arrows to Baku from where they are shown', () => {
    const content = new MapContent(GEO);
    content.fitTo(fitView(530, 727, GEO.box));
    const c = content.of(sampleViewModel());
    const west = c.badges.find((b) => b.id === 'west');
    const band = c.bands.find((b) => b.power.id === 'west');
    const start = band?.pts[0];
    // The arrow leaves the badge's edge (BADGE_R + 12 world px from its centre, geoms.ts).
    expect(west && start && Math.hypot(start.x - west.at.x, start.y - west.at.y)).toBeCloseTo(22 + 12, 6);
  });
});
