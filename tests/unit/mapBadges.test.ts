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
import { badgePills, badgeRadius, badgeReach, coversDisc } from '../../src/ui/map/overlay.ts';
import { CanvasPen } from '../../src/ui/map/pen.ts';
import { sampleViewModel } from '../../src/ui/map/sample.ts';
import type { MapPressure, PowerId } from '../../src/ui/map/types.ts';
import { fitView } from '../../src/ui/map/view.ts';
import { recordingContext } from '../mapText.ts';

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

  describe('with answers in force', () => {
    /** Two answers of every power, the first as long as the campaign's longest (Russia's show of force). */
    const pressing = () => {
      const vm = sampleViewModel();
      const base = vm.pressures[0] as MapPressure;
      vm.pressures = (['russia', 'turkey', 'iran', 'west'] as PowerId[]).flatMap((power) => [
        { ...base, power, id: `${power}-long`, label: 'Russian troops make a show of force', quartersLeft: 2 },
        { ...base, power, id: `${power}-short`, label: 'Embargo', kind: 'carrot' as const, quartersLeft: 1 },
      ]);
      return vm;
    };
    const pillsAt = (w: number, h: number) => {
      const fit = fitView(w, h, GEO.box);
      const content = new MapContent(GEO);
      content.fitTo(fit);
      const pen = new CanvasPen(recordingContext([]));
      const badges = content.of(pressing()).badges;
      return { fit, badges, pills: badges.map((b) => ({ b, pills: badgePills(pen, b, fit.textScale, fit.view) })) };
    };

    it('go under Russia’s badge, centred on it, where beside it they would run off the map', () => {
      for (const [w, h] of [WINDOWS['1024×768'], WINDOWS['1366×768']]) {
        const { fit, pills } = pillsAt(w, h);
        const russia = pills.find((p) => p.b.id === 'russia');
        if (!russia) throw new Error('no Russia');
        const first = russia.pills[0];
        if (!first) throw new Error('no pill');
        // Beside the badge, lined up with its name, the long pill would end past the view's edge.
        expect(russia.b.at.x + badgeRadius(fit.textScale) + 8 + first.w).toBeGreaterThan(fit.view[2] - 6);
        expect(first.y).toBeGreaterThanOrEqual(russia.b.at.y + badgeReach(fit.textScale));
        expect(first.x + first.w / 2).toBeCloseTo(russia.b.at.x, 9);
      }
    });

    it('stay beside the name, lined up with it, where there is room', () => {
      // A short answer beside Russia's and Iran's names at 1920×1080, where it fits beside them.
      for (const [w, h] of [WINDOWS['1920×1080']]) {
        const fit = fitView(w, h, GEO.box);
        const content = new MapContent(GEO);
        content.fitTo(fit);
        const vm = pressing();
        vm.pressures = vm.pressures.filter((p) => p.label === 'Embargo');
        const pen = new CanvasPen(recordingContext([]));
        for (const b of content.of(vm).badges.filter((x) => x.side === 'right')) {
          const [pill] = badgePills(pen, b, fit.textScale, fit.view);
          if (!pill) throw new Error('no pill');
          // Lined up with the name beside the disc (paintBadge: the name 14 px off the disc, the pill 6 px before it), not under it.
          expect(pill.x).toBeCloseTo(b.at.x + badgeRadius(fit.textScale) + 8, 9);
          expect(pill.y).toBeLessThan(b.at.y + badgeReach(fit.textScale));
        }
      }
      const { fit, pills } = pillsAt(1172, 1026);
      const turkey = pills.find((p) => p.b.id === 'turkey');
      if (!turkey) throw new Error('no Turkey');
      // Turkey's name is centred under its badge: so are its pills, under the name's two lines.
      for (const p of turkey.pills) expect(p.x + p.w / 2).toBeCloseTo(turkey.b.at.x, 9);
      expect(turkey.pills[0]?.y).toBeCloseTo(turkey.b.at.y + badgeRadius(fit.textScale) + (20 + 17 + 16 - 9) * fit.textScale, 9);
    });

    it.each(Object.entries(WINDOWS))('at %s show each pill whole inside the view (6 px from its sides), off the badge’s disc', (_, [w, h]) => {
      const { fit, pills } = pillsAt(w, h);
      const [x0, y0, x1, y1] = fit.view;
      const reach = badgeReach(fit.textScale);
      for (const { b, pills: list } of pills) {
        expect(list.map((p) => p.text)).toEqual(['\u26a0 Russian troops make a show of force \u00b7 2 quarters', '+ Embargo \u00b7 last quarter']);
        for (const p of list) {
          // A pill wider than the view itself is the only one let run past its right edge.
          expect(p.x).toBeGreaterThanOrEqual(x0 + 6 - 1e-9);
          if (p.w <= x1 - x0 - 12) expect(p.x + p.w).toBeLessThanOrEqual(x1 - 6 + 1e-9);
          expect(p.y).toBeGreaterThanOrEqual(y0);
          expect(p.y + p.h).toBeLessThanOrEqual(y1);
          expect(coversDisc(p, b.at, reach)).toBe(false);
        }
        // One under another.
        expect((list[1]?.y ?? 0) - (list[0]?.y ?? 0)).toBeCloseTo(21 * fit.textScale, 9);
      }
    });
  });
});
