/**
 * Static place, country and sea labels, painted into the geography texture.
 * Returns their boxes so dynamic labels (sites) can avoid them.
 */
import type { GeoData, GeoLabel } from './geoData.ts';
import { flatToXY } from './geometry.ts';
import { DARK } from './overlay.ts';
import { MAP } from './palette.ts';
import type { CanvasPen, TextBox, TextStyle } from './pen.ts';

/** Label placement next to its marker: [dx, dy, originX, originY]. */
const PLACE_OFFSET: Record<string, [number, number, number, number]> = {
  baku: [12, 1, 0, 0.5],
  tbilisi: [0, -10, 0.5, 1],
  yerevan: [-11, 1, 1, 0.5],
  'nakhchivan-city': [0, 8, 0.5, 0],
  ganja: [0, -7, 0.5, 1],
  novorossiysk: [-8, 4, 1, 0],
  supsa: [-9, 0, 1, 0.5],
  ceyhan: [8, 4, 0, 0],
  erzurum: [0, 8, 0.5, 0],
  grozny: [8, -3, 0, 1],
  makhachkala: [9, 0, 0, 0.5],
};

function styleFor(l: GeoLabel, role: string | undefined): TextStyle | null {
  switch (l.kind) {
    case 'anchor':
      return null; // the power badges label these
    case 'capital':
      return { size: 17, weight: 'bold', color: '#ffffff', stroke: DARK, strokeWidth: 4 };
    case 'city':
      return { size: 13, color: '#d9dfe6', stroke: DARK, strokeWidth: 3 };
    case 'sea':
      return { size: 17, italic: true, color: MAP.seaLabel, letterSpacing: 3, ox: 0.5, oy: 0.5 };
    case 'country':
      if (l.id === 'azerbaijan') {
        return {
          size: 21,
          weight: 'bold',
          color: '#33270a',
          stroke: 'rgba(255,236,190,0.55)',
          strokeWidth: 3,
          letterSpacing: 3,
          ox: 0.5,
          oy: 0.5,
        };
      }
      if (l.id === 'nakhchivan') return { size: 11, weight: 'bold', color: '#3a2a08', letterSpacing: 2, ox: 0.5, oy: 0.5 };
      if (role === 'neighbor') {
        return { size: 17, weight: 'bold', color: '#eef1f5', stroke: DARK, strokeWidth: 4, letterSpacing: 3, ox: 0.5, oy: 0.5 };
      }
      return { size: 15, weight: 'bold', color: '#a3adb7', stroke: DARK, strokeWidth: 2, letterSpacing: 4, ox: 0.5, oy: 0.5, alpha: 0.85 };
  }
}

/** Which label gives way when two collide (lower first; a small map has room for fewer). */
function priority(l: GeoLabel, role: string | undefined): number {
  if (l.kind === 'capital') return 0;
  if (l.kind === 'country' && (role === 'focus' || l.id === 'azerbaijan')) return 1;
  if (l.kind === 'country' && role === 'neighbor') return 2;
  if (l.kind === 'city') return 3;
  if (l.kind === 'sea') return 4;
  return 5;
}

/** How a label may move: seas and neighbours' names as areas, AZERBAIJAN east, places not. */
function placement(l: GeoLabel): Pick<Wanted, 'steps' | 'slides'> {
  if (l.id === 'azerbaijan') return { steps: EAST_STEPS, slides: false };
  if (l.kind === 'sea' || (l.kind === 'country' && l.id !== 'nakhchivan')) return { steps: AREA_STEPS, slides: true };
  return { steps: STAY, slides: false };
}

function boxOf(pen: CanvasPen, text: string, x: number, y: number, st: TextStyle): TextBox {
  const { w, h } = pen.measure(text, st);
  return { x: x - w * (st.ox ?? 0), y: y - h * (st.oy ?? 0), w, h };
}

function overlap(a: TextBox, b: TextBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / Math.min(a.w * a.h, b.w * b.h) : 0;
}

/** A world rectangle [x0, y0, x1, y1]: the part of the map on screen. */
type View = readonly [number, number, number, number];

/** Labels keep this far (world px) inside the view's edge. */
const EDGE = 6;

/** `box` moved the least distance that puts it inside `view`, or null if it is wider or taller. */
function inside(box: TextBox, view: View): { dx: number; dy: number } | null {
  const x0 = view[0] + EDGE;
  const y0 = view[1] + EDGE;
  const x1 = view[2] - EDGE;
  const y1 = view[3] - EDGE;
  if (box.w > x1 - x0 || box.h > y1 - y0) return null;
  const dx = box.x < x0 ? x0 - box.x : box.x + box.w > x1 ? x1 - (box.x + box.w) : 0;
  const dy = box.y < y0 ? y0 - box.y : box.y + box.h > y1 ? y1 - (box.y + box.h) : 0;
  return { dx, dy };
}

/** A wanted label: its text, place and style, how much it matters, and where else it may go. */
interface Wanted {
  text: string;
  x: number;
  y: number;
  st: TextStyle;
  rank: number;
  /** Steps it may take out of another label's or a badge's way, in its own widths and heights. */
  steps: readonly (readonly [number, number])[];
  /** Whether it may slide in from the view's edge (a name set in the middle of its area). */
  slides: boolean;
}

const STAY: Wanted['steps'] = [[0, 0]];
/** A sea or country name: a line or two down, or a line up. */
const AREA_STEPS: Wanted['steps'] = [
  [0, 0],
  [0, 1.2],
  [0, -1.2],
  [0, 2.4],
];
/** AZERBAIJAN, between Nagorno-Karabakh's name and the coast: a little east, toward Baku (no
 *  further: past that it runs into Baku and the coast). On a small map, where Karabakh's
 *  grown name covers that spot, it goes down onto the southern lowlands instead. */
const EAST_STEPS: Wanted['steps'] = [
  [0, 0],
  [0.06, 0],
  [0.12, 0],
  [0.1, 1.4],
  [0.16, 1.4],
  [0.1, 1.8],
  [0.1, 2.1],
];

/**
 * Where a wanted label can go: its own place first, then its steps; a sea or country name
 * may also slide in from the view's edge by up to a third of its width — "Caspian Sea", not
 * "Caspian Se". A place name stays by its marker or is left out.
 */
function candidates(w: Wanted, box: TextBox, view: View | undefined): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const [kx, ky] of w.steps) {
    let dx = kx * box.w;
    let dy = ky * box.h;
    if (view) {
      const fit = inside({ ...box, x: box.x + dx, y: box.y + dy }, view);
      if (!fit) continue;
      if ((fit.dx !== 0 || fit.dy !== 0) && (!w.slides || Math.abs(fit.dx) > box.w / 3 || Math.abs(fit.dy) > box.h)) continue;
      dx += fit.dx;
      dy += fit.dy;
    }
    out.push({ x: w.x + dx, y: w.y + dy });
  }
  return out;
}

/** A name of two words or more set on two lines, cut at the space nearest its middle (a
 *  sea's or country's name where one line does not fit; a long site name, siteLabels.ts). */
export function twoLines(text: string): string | null {
  let cut = -1;
  for (let i = 0; i < text.length; i++) if (text[i] === ' ' && (cut < 0 || Math.abs(i - text.length / 2) < Math.abs(cut - text.length / 2))) cut = i;
  return cut > 0 && !text.includes('\n') ? `${text.slice(0, cut)}\n${text.slice(cut + 1)}` : null;
}

/**
 * Paints the place, country and sea labels (and Nagorno-Karabakh's), inside `view` and
 * clear of `avoid` (the badges); where labels grown for a small map would collide, the
 * less important one is left out. Returns their boxes.
 */
export function paintStaticLabels(pen: CanvasPen, geo: GeoData, textScale = 1, view?: View, avoid: readonly TextBox[] = []): TextBox[] {
  const roleOf = new Map(geo.countries.map((c) => [c.id, c.role]));
  const wanted: Wanted[] = [];
  for (const l of geo.labels) {
    const st = styleFor(l, roleOf.get(l.id));
    if (!st) continue;
    // The big AZERBAIJAN label keeps its size (it sits between Karabakh and the coast).
    if (l.id !== 'azerbaijan') st.size *= textScale;
    let x = l.x;
    let y = l.y;
    if (l.kind === 'capital' || l.kind === 'city') {
      const [dx, dy, ox, oy] = PLACE_OFFSET[l.id] ?? [8, 0, 0, 0.5];
      x += dx * textScale;
      y += dy * textScale;
      st.ox = ox;
      st.oy = oy;
    }
    const text = l.kind === 'country' && l.id === 'nakhchivan' ? 'NAKHCHIVAN' : l.name;
    wanted.push({
      text,
      x,
      y,
      st,
      rank: priority(l, roleOf.get(l.id)),
      ...placement(l),
    });
  }
  // Nagorno-Karabakh, above its outline's centre.
  const kr = flatToXY(geo.karabakh);
  if (kr.length) {
    const cx = kr.reduce((s, p) => s + p.x, 0) / kr.length;
    const cy = kr.reduce((s, p) => s + p.y, 0) / kr.length;
    const st: TextStyle = {
      size: 13 * textScale,
      weight: 'bold',
      italic: true,
      color: '#fff4dc',
      stroke: '#2a2030',
      strokeWidth: 4,
      ox: 0.5,
      oy: 0.5,
      lineHeight: 14 * textScale,
    };
    // Before AZERBAIJAN, which steps east out of its way.
    wanted.push({ text: 'Nagorno-\nKarabakh', x: cx - 2, y: cy + 2, st, rank: 0.5, steps: STAY, slides: false });
  }
  const placed: TextBox[] = [];
  for (const w of [...wanted].sort((a, b) => a.rank - b.rank)) {
    const split = w.slides ? twoLines(w.text) : null;
    for (const text of split ? [w.text, split] : [w.text]) {
      const st = text === w.text ? w.st : { ...w.st, lineHeight: w.st.size * 1.1 };
      const box = boxOf(pen, text, w.x, w.y, st);
      // Clear of the badges, grazing another label at most; AZERBAIJAN steps east until it
      // is clear of Nagorno-Karabakh's name, if it can.
      const clear =
        (limit: number) =>
        ({ x, y }: { x: number; y: number }) => {
          const moved = { ...box, x: box.x + x - w.x, y: box.y + y - w.y };
          return !placed.some((p) => overlap(moved, p) > limit) && !avoid.some((a) => overlap(moved, a) > 0);
        };
      const spots = candidates(w, box, view);
      const at = w.steps === EAST_STEPS ? (spots.find(clear(0)) ?? spots.slice(0, 1).find(clear(0.15))) : spots.find(clear(0.15));
      if (!at) continue;
      placed.push(pen.text(text, at.x, at.y, st));
      break;
    }
  }
  return placed;
}
