/**
 * The sites' names on the map (fields, bases, the radar, the front line): placed round
 * their markers clear of the other names, painted on the overlay's label layer.
 */
import type { Region } from './geoCanvas.ts';
import { type XY, pointAlong, polylineLength } from './geometry.ts';
import { twoLines } from './labels.ts';
import { DARK, type FeatureGeom, overlaps } from './overlay.ts';
import type { CanvasPen, TextBox, TextStyle } from './pen.ts';

/** A site's name where it will be painted, and the point its leader line starts from (if set out). */
interface SiteLabel {
  f: FeatureGeom;
  text: string;
  x: number;
  y: number;
  st: TextStyle;
  box: TextBox;
  leader: XY | null;
}

/** Where a site's name may go around its anchor, nearest first: [dx, dy, originX, originY] per unit of distance. */
const AROUND: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 1, 0.5, 0], // below
  [1, 0, 0, 0.5], // right
  [0, -1, 0.5, 1], // above
  [-1, 0, 1, 0.5], // left
  [0.55, 1, 1, 0], // below, to the left
  [0.55, -1, 1, 1], // above, to the left
  [-0.55, 1, 0, 0], // below, to the right
  [-0.55, -1, 0, 1], // above, to the right
];

/** A site's name set further out, with a thin line back to its marker, costs this much more per step out. */
const FAR_COST = 40;
/** A front line's name set further from the line's end costs this much more per step along. */
const ALONG_COST = 15;
/** A site's name on two lines costs this much more than on one. */
const TWO_LINE_COST = 30;
/** Overlap (world px²) a site's name may have and still count as clear. */
const GRAZE = 40;

/** Where each site's name goes, in this order, and how much its spot costs in all. */
function placeSiteLabels(
  pen: CanvasPen,
  features: readonly FeatureGeom[],
  avoid: TextBox[],
  textScale: number,
  view: Region | undefined,
): { labels: SiteLabel[]; total: number } {
  const placed: TextBox[] = [];
  const labels: SiteLabel[] = [];
  let total = 0;
  const markers: { box: TextBox; id: string }[] = features
    .filter((f) => !f.line)
    .map((f) => ({ id: f.feature.id, box: { x: f.x - 12, y: f.y - 12, w: 24, h: 24 } }));
  const size = 13 * textScale;
  const lineH = size * 1.15;
  const air = 2 * textScale;
  for (const f of features) {
    const st: TextStyle = { size, color: '#f4f1e8', stroke: DARK, strokeWidth: 3, alpha: f.feature.active ? 1 : 0.7, lineHeight: lineH };
    const name = f.feature.name;
    // A long name may also be set on two lines.
    const split = name.length > 16 ? twoLines(name) : null;
    // A marker's name goes round the marker; a front line's anywhere along it, best near its
    // end (where the line is clearest of Karabakh's name), else further along.
    const anchors: { x: number; y: number; cost: number }[] = f.line
      ? [0.8, 0.5, 0.2].map((k, i) => ({ ...pointAlong(f.line as XY[], polylineLength(f.line as XY[]) * k), cost: i * ALONG_COST }))
      : [{ x: f.x, y: f.y, cost: 0 }];
    const gap = f.line ? 10 : 15;
    // Every candidate with its cost before any overlap: nearer and on one line is nicer.
    const tries: { text: string; ax: number; ay: number; x: number; y: number; ox: number; oy: number; cost: number; far: boolean }[] = [];
    for (const a of anchors) {
      for (const [ring, dist] of [gap, gap + 1.5 * lineH, gap + 3 * lineH, gap + 4.5 * lineH].entries()) {
        for (const [ti, text] of (split ? [name, split] : [name]).entries()) {
          for (const [dx, dy, ox, oy] of AROUND) {
            const x = a.x + (dy === 0 ? dx * dist : dx === 0 ? 0 : Math.sign(dx) * 8);
            const cost = a.cost + ti * TWO_LINE_COST + ring * FAR_COST;
            tries.push({ text, ax: a.x, ay: a.y, x, y: a.y + dy * dist, ox, oy, cost, far: ring > 0 });
          }
        }
      }
    }
    tries.sort((a, b) => a.cost - b.cost);
    let best = tries[0] as (typeof tries)[number];
    let bestScore = Infinity;
    for (const t of tries) {
      if (t.cost >= bestScore) break; // nothing further on can score lower
      const m = pen.measure(t.text, st);
      const box = { x: t.x - m.w * t.ox, y: t.y - m.h * t.oy, w: m.w, h: m.h };
      let hit = 0;
      // Names keep a little air between them, more where they are grown for a small map.
      for (const o of avoid) hit += overlaps(box, o, air) * 2;
      for (const o of placed) hit += overlaps(box, o, air) * 2;
      for (const k of markers) if (k.id !== f.feature.id) hit += overlaps(box, k.box) * 3;
      if (view) {
        // Whatever would fall outside the view counts as a (heavy) overlap.
        const inside = overlaps(box, { x: view[0] + 4, y: view[1] + 4, w: view[2] - view[0] - 8, h: view[3] - view[1] - 8 }, 0);
        hit += (box.w * box.h - inside) * 4;
      }
      const score = t.cost + (hit <= GRAZE * textScale ? 0 : hit);
      if (score < bestScore) {
        best = t;
        bestScore = score;
      }
    }
    const st2 = { ...st, ox: best.ox, oy: best.oy };
    const m = pen.measure(best.text, st2);
    const box = { x: best.x - m.w * best.ox, y: best.y - m.h * best.oy, w: m.w, h: m.h };
    labels.push({ f, text: best.text, x: best.x, y: best.y, st: st2, box, leader: best.far ? { x: best.ax, y: best.ay } : null });
    placed.push(box);
    total += bestScore;
  }
  return { labels, total };
}

/**
 * Site labels, placed to avoid `avoid` (the static labels and the badges), the sites'
 * markers, each other and the view's edges. Each name tries its marker's eight sides on one
 * line, then on two; where a small map leaves no room beside the marker (the offshore
 * fields east of Baku at 1024×640), it is set up to four steps further out with a thin line
 * back to its marker rather than across another name. Names are placed one by one, each
 * clear of those before it, so the order matters where markers crowd (three fields within
 * a few km of Baku): both orders are tried and the better kept.
 */
export function paintSiteLabels(pen: CanvasPen, features: FeatureGeom[], avoid: TextBox[], textScale = 1, view?: Region): void {
  const forward = placeSiteLabels(pen, features, avoid, textScale, view);
  // Every name beside its marker on one line (cost 0) leaves nothing for the other order to win.
  const backward = forward.total > 0 ? placeSiteLabels(pen, [...features].reverse(), avoid, textScale, view) : forward;
  const { labels } = backward.total < forward.total ? backward : forward;
  for (const l of labels) {
    if (l.leader) {
      // The thin line from the marker's rim (or the front line) to the name's nearest edge.
      const { x: ax, y: ay } = l.leader;
      const tx = Math.min(Math.max(ax, l.box.x), l.box.x + l.box.w);
      const ty = Math.min(Math.max(ay, l.box.y), l.box.y + l.box.h);
      const d = Math.hypot(tx - ax, ty - ay) || 1;
      const r = l.f.line ? 3 : 13;
      pen.lineStyle(1.2 * textScale, 0xf4f1e8, l.f.feature.active ? 0.75 : 0.5);
      pen.lineBetween(ax + ((tx - ax) * r) / d, ay + ((ty - ay) * r) / d, tx, ty);
    }
    pen.text(l.text, l.x, l.y, l.st);
  }
}
