/**
 * The sites' names on the map (paintSiteLabels, src/ui/map/overlay.ts) for every shipped
 * scenario's sites at the game's three usual window sizes: each name written in full, inside
 * the view, clear of the place and country names, the badges, each other and the other
 * sites' markers. At 1024×640 the fields east of Baku have no room beside their markers, so
 * a name is set further out with a thin line back to its marker. Text is measured by a
 * stand-in context (tests/mapText.ts).
 */
import { describe, expect, it } from 'vitest';
import { newGame } from '../../src/core/index.ts';
import { MapContent } from '../../src/ui/map/content.ts';
import geo from '../../src/ui/map/geo/caucasus.json';
import type { GeoData } from '../../src/ui/map/geoData.ts';
import { paintStaticLabels } from '../../src/ui/map/labels.ts';
import { badgeObstacles } from '../../src/ui/map/overlay.ts';
import { paintSiteLabels } from '../../src/ui/map/siteLabels.ts';
import { CanvasPen, type TextBox } from '../../src/ui/map/pen.ts';
import { fitView } from '../../src/ui/map/view.ts';
import { buildViewModel } from '../../src/ui/mapView.ts';
import { shippedScenario } from '../helpers.ts';
import { MAP_SIZES, recordingContext } from '../mapText.ts';

const GEO = geo as unknown as GeoData;
const SCENARIOS = ['independence-1991', 'balanced-1994', 'after-georgia-2008', 'campaign-1991-2012'];

interface Named extends TextBox {
  name: string;
}

/** The map's names for `id`'s first quarter at w×h: static, badges, sites, and the sites' leader lines. */
function siteLabels(id: string, w: number, h: number) {
  const sc = shippedScenario(id);
  const content = new MapContent(GEO).of(buildViewModel(sc, newGame(sc, '1'), null));
  const fit = fitView(w, h, GEO.box);
  const pen = new CanvasPen(recordingContext([]));
  const badges = badgeObstacles(pen, content.badges, fit.textScale, fit.view);
  const statics = paintStaticLabels(pen, GEO, fit.textScale, fit.view, badges);
  const sites: Named[] = [];
  const leaders: number[][] = [];
  const text = pen.text.bind(pen);
  pen.text = (s, x, y, st) => {
    const box = text(s, x, y, st);
    sites.push({ ...box, name: s.replace('\n', ' ') });
    return box;
  };
  pen.lineBetween = (...xy: number[]) => {
    leaders.push(xy);
    return pen;
  };
  paintSiteLabels(pen, content.features, statics, fit.textScale, fit.view);
  const markers = content.features.filter((f) => !f.line).map((f) => ({ name: f.feature.name, x: f.x - 9, y: f.y - 9, w: 18, h: 18 }));
  return { fit, statics, badges, sites, leaders, markers, names: content.features.map((f) => f.feature.name) };
}

const area = (a: TextBox, b: TextBox) => {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
};

describe('the sites’ names on the map', () => {
  const cases = SCENARIOS.flatMap((id) => MAP_SIZES.map(([w, h]) => [id, w, h] as const));

  it.each(cases)('%s at %i×%i px: every name in full, inside the view, over no other name, badge or marker', (id, w, h) => {
    const { fit, statics, badges, sites, markers, names } = siteLabels(id, w, h);
    expect(sites.map((s) => s.name).sort()).toEqual([...names].sort());
    const v = fit.view;
    const clashes: string[] = [];
    for (const [i, s] of sites.entries()) {
      if (s.x < v[0] || s.y < v[1] || s.x + s.w > v[2] || s.y + s.h > v[3]) clashes.push(`${s.name}: outside the view`);
      // A graze of a few world px² between anti-aliased edges is not a clash.
      for (const b of statics) if (area(s, b) > 40) clashes.push(`${s.name}: over a place name`);
      for (const b of badges) if (area(s, b) > 0) clashes.push(`${s.name}: over a badge`);
      for (const o of sites.slice(i + 1)) if (area(s, o) > 0) clashes.push(`${s.name}: over ${o.name}`);
      for (const m of markers) if (m.name !== s.name && area(s, m) > 0) clashes.push(`${s.name}: over ${m.name}’s marker`);
    }
    expect(clashes).toEqual([]);
  });

  it('set further out with a line to their marker only where the map is small or the markers crowd', () => {
    // At 1024×640 the Caspian fields' names have no room by their markers. At 1920×1080
    // every name sits beside its marker or line, but for one of the three fields off Baku
    // in 2008 (Soviet-era, Contract of the Century, Caspian gas).
    expect(SCENARIOS.map((id) => siteLabels(id, 531, 599).leaders.length)).toEqual([1, 2, 3, 2]);
    expect(SCENARIOS.map((id) => siteLabels(id, 1171, 1039).leaders.length)).toEqual([0, 0, 1, 0]);
  });
});
