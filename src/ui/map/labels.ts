/**
 * Static place, country and sea labels, painted into the geography texture.
 * Returns their boxes so dynamic labels (sites) can avoid them.
 */
import type { GeoData, GeoLabel } from './geoData.ts';
import { flatToXY } from './geometry.ts';
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

const DARK = '#0b1620';

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

function boxOf(pen: CanvasPen, text: string, x: number, y: number, st: TextStyle): TextBox {
  const { w, h } = pen.measure(text, st);
  return { x: x - w * (st.ox ?? 0), y: y - h * (st.oy ?? 0), w, h };
}

function overlap(a: TextBox, b: TextBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / Math.min(a.w * a.h, b.w * b.h) : 0;
}

/**
 * Paints the place, country and sea labels (and Nagorno-Karabakh's); where labels grown
 * for a small map would collide, the less important one is left out. Returns their boxes.
 */
export function paintStaticLabels(pen: CanvasPen, geo: GeoData, textScale = 1): TextBox[] {
  const roleOf = new Map(geo.countries.map((c) => [c.id, c.role]));
  const wanted: { text: string; x: number; y: number; st: TextStyle; rank: number }[] = [];
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
    wanted.push({ text, x, y, st, rank: priority(l, roleOf.get(l.id)) });
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
    wanted.push({ text: 'Nagorno-\nKarabakh', x: cx - 2, y: cy + 2, st, rank: 1 });
  }
  const placed: TextBox[] = [];
  for (const w of [...wanted].sort((a, b) => a.rank - b.rank)) {
    const box = boxOf(pen, w.text, w.x, w.y, w.st);
    if (placed.some((p) => overlap(box, p) > 0.15)) continue;
    placed.push(pen.text(w.text, w.x, w.y, w.st));
  }
  return placed;
}
