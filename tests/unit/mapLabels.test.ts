/**
 * The map's names (src/ui/map/labels.ts) on the map as the game frames it in its three
 * usual window sizes: whole inside the view ("Caspian Sea", not "Caspian Se"), never under a
 * power's badge or the words beside it, and the Caspian always named. Text is measured by
 * a stand-in context (no canvas in Node) at about the game font's proportions.
 */
import { describe, expect, it } from 'vitest';
import { MapContent } from '../../src/ui/map/content.ts';
import geo from '../../src/ui/map/geo/caucasus.json';
import type { GeoData } from '../../src/ui/map/geoData.ts';
import { paintStaticLabels } from '../../src/ui/map/labels.ts';
import { badgeObstacles } from '../../src/ui/map/overlay.ts';
import { CanvasPen, type TextBox } from '../../src/ui/map/pen.ts';
import { sampleViewModel } from '../../src/ui/map/sample.ts';
import { fitView } from '../../src/ui/map/view.ts';
import { MAP_SIZES, recordingContext } from '../mapText.ts';

const GEO = geo as unknown as GeoData;

function labelsAt(w: number, h: number, framed: boolean) {
  const fit = fitView(w, h, GEO.box);
  const written: string[] = [];
  const pen = new CanvasPen(recordingContext(written));
  const content = new MapContent(GEO);
  // Framed as the game frames it: the badges where the view shows them whole.
  if (framed) content.fitTo(fit);
  const badges = badgeObstacles(pen, content.of(sampleViewModel()).badges, fit.textScale, fit.view);
  const boxes = framed ? paintStaticLabels(pen, GEO, fit.textScale, fit.view, badges) : paintStaticLabels(pen, GEO, fit.textScale);
  return { fit, badges, boxes, written };
}

const outside = (b: TextBox, v: readonly number[]) =>
  b.x < (v[0] as number) || b.y < (v[1] as number) || b.x + b.w > (v[2] as number) || b.y + b.h > (v[3] as number);
const meets = (a: TextBox, b: TextBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('the map’s names', () => {
  it('would be cut by the view’s edge or lie under a badge if placed where the geography puts them', () => {
    // What the framing below fixes: at 1366×768 the Caspian's name runs off the right edge
    // and the Black Sea's under the West's badge.
    const { fit, badges, boxes } = labelsAt(815, 722, false);
    expect(boxes.filter((b) => outside(b, fit.view)).length).toBeGreaterThan(0);
    expect(boxes.filter((b) => badges.some((o) => meets(b, o))).length).toBeGreaterThan(0);
  });

  it.each(MAP_SIZES)('at %i×%i px lie whole inside the view and clear of every badge', (w, h) => {
    const { fit, badges, boxes } = labelsAt(w, h, true);
    expect(boxes.length).toBeGreaterThan(15);
    expect(boxes.filter((b) => outside(b, fit.view))).toEqual([]);
    expect(boxes.filter((b) => badges.some((o) => meets(b, o)))).toEqual([]);
  });

  it.each(MAP_SIZES)('at %i×%i px name the Caspian Sea, on one line or two', (w, h) => {
    const { written } = labelsAt(w, h, true);
    const text = written.join('|');
    expect(text.includes('Caspian Sea') || text.includes('Caspian|Sea')).toBe(true);
  });

  it.each(MAP_SIZES)('at %i×%i px keep AZERBAIJAN clear of Nagorno-Karabakh’s name', (w, h) => {
    // East toward Baku where there is room; on the small map, down onto the lowlands.
    const fit = fitView(w, h, GEO.box);
    const lines: { text: string; x: number; y: number }[] = [];
    const boxes = paintStaticLabels(new CanvasPen(recordingContext([], lines)), GEO, fit.textScale, fit.view);
    const boxOf = (text: string) => {
      const line = lines.find((l) => l.text === text);
      return boxes.find((b) => line && line.x >= b.x && line.x <= b.x + b.w && line.y >= b.y && line.y <= b.y + b.h);
    };
    const azerbaijan = boxOf('AZERBAIJAN');
    const karabakh = boxOf('Nagorno-');
    expect(azerbaijan && karabakh && !meets(azerbaijan, karabakh)).toBe(true);
  });
});
