/**
 * The map key, painted (Canvas 2D) with the same drawing code as the map, so
 * the key always matches. The scene shows it on an unzoomed camera.
 */
import { drawFeatureIcon, drawFrontLine, drawPowerBand, drawRoute } from './draw.ts';
import type { XY } from './geometry.ts';
import { MAP, POWER_HUE, cssColor, influenceWidth } from './palette.ts';
import type { CanvasPen } from './pen.ts';
import type { MapFeature, MapRoute, PowerId, Stance } from './types.ts';

export const LEGEND_W = 318;
export const LEGEND_HEADER = 30;
export const LEGEND_FULL_H = 342;
/** Width of the folded key (a pill at the right end of the panel's place). */
export const LEGEND_FOLDED_W = 118;

const POWERS: PowerId[] = ['russia', 'turkey', 'iran', 'west'];

/** Paint the legend at legend-local coordinates (0,0)-(LEGEND_W, h). Returns h. */
export function paintLegend(pen: CanvasPen, names: Record<PowerId, string>, collapsed: boolean): number {
  const W = LEGEND_W;
  const h = collapsed ? LEGEND_HEADER : LEGEND_FULL_H;
  const c = pen.ctx;
  c.clearRect(0, 0, W + 4, LEGEND_FULL_H + 4);

  // Panel (folded: a small pill at the right)
  const x0 = collapsed ? W - LEGEND_FOLDED_W : 0;
  pen.roundedRect(x0 + 0.5, 0.5, W - x0 - 1, h - 1, 8);
  pen.fillStyle(MAP.panel, 0.9);
  pen.fillPath();
  pen.lineStyle(1, MAP.panelEdge, 0.95);
  pen.strokePath();

  pen.text('MAP KEY', x0 + 12, 15, { size: 12, weight: 'bold', color: '#ffffff', oy: 0.5, letterSpacing: 2 });
  pen.text(collapsed ? '+' : '\u2013', W - 16, 15, { size: 16, weight: 'bold', color: '#cfe0ee', ox: 0.5, oy: 0.5 });
  if (collapsed) return h;

  const label = (x: number, y: number, s: string, size = 12, color: string = MAP.label, ox = 0) => pen.text(s, x, y, { size, color, ox, oy: 0.5 });
  const section = (y: number, s: string) => {
    const b = pen.text(s.toUpperCase(), 12, y, { size: 10, weight: 'bold', color: '#8fb3cf', oy: 0.5, letterSpacing: 1.5 });
    pen.lineStyle(1, MAP.panelEdge, 0.7);
    pen.lineBetween(12 + b.w + 8, y, W - 12, y);
  };

  const rx = 14;
  const rw = W - 28;
  let y = LEGEND_HEADER + 10;

  // --- Powers: colour says which power; form says friend or foe.
  section(y, 'Powers: pressure on Baku');
  y += 14;
  let bx = rx + 6;
  for (const id of POWERS) {
    pen.fillStyle(POWER_HUE[id], 1);
    pen.fillCircle(bx, y, 6);
    pen.lineStyle(1.2, 0xffffff, 0.8);
    pen.strokeCircle(bx, y, 6);
    const b = label(bx + 10, y, names[id], 11, MAP.labelDim);
    bx += 10 + b.w + 14;
  }
  y += 20;
  const grey = 0xc9d0d8;
  const sample = (x0: number, stance: Stance, word: string) => {
    const pts: XY[] = [];
    for (let i = 0; i <= 10; i++) pts.push({ x: x0 + i * 7.4, y });
    drawPowerBand(pen, pts, 8, grey, stance, 1);
    label(x0 + 37, y + 21, word, 11, MAP.label, 0.5);
  };
  sample(rx, 'friendly', 'friendly, close');
  sample(rx + rw / 2 - 37, 'wary', 'wary');
  sample(rx + rw - 74, 'hostile', 'cold, hostile');
  y += 40;
  // Thickness = influence
  pen.fillStyle(grey, 1);
  const wl = influenceWidth(10);
  const wh = influenceWidth(90);
  pen.beginPath();
  pen.moveTo(rx, y - wl / 2);
  pen.lineTo(rx + 84, y - wh / 2);
  pen.lineTo(rx + 84, y + wh / 2);
  pen.lineTo(rx, y + wl / 2);
  pen.closePath();
  pen.fillPath();
  label(rx + 94, y, 'width = influence', 11, MAP.labelDim);
  y += 20;
  label(rx, y, 'badge: relation \u00b1 and its word \u00b7 ring: influence', 11, MAP.labelDim);
  y += 16;
  pen.fillStyle(0x0b1620, 0.9);
  pen.fillCircle(rx + 8, y, 9);
  pen.fillStyle(grey, 1);
  pen.fillCircle(rx + 8, y, 6.8);
  pen.lineStyle(2.4, 0xffffff, 1);
  pen.lineBetween(rx + 4.5, y + 3.5, rx + 11.5, y - 3.5);
  label(rx + 22, y, 'a power\u2019s answer in force (its colour)', 11, MAP.labelDim);
  y += 24;

  // --- Routes
  section(y, 'Routes');
  y += 18;
  const kinds: Array<[MapRoute['kind'], string]> = [
    ['oil', 'Oil'],
    ['gas', 'Gas'],
    ['rail', 'Rail'],
  ];
  kinds.forEach(([k, name], i) => {
    const x0 = rx + i * 100;
    drawRoute(
      pen,
      [
        { x: x0, y },
        { x: x0 + 44, y },
      ],
      k,
      'operating',
      0.9,
      false,
    );
    label(x0 + 51, y, name, 12);
  });
  y += 22;
  const statuses: Array<[MapRoute['status'], string]> = [
    ['operating', 'Operating'],
    ['building', 'Building'],
    ['planned', 'Planned'],
    ['disrupted', 'Disrupted'],
    ['closed', 'Closed'],
  ];
  statuses.forEach(([s, name], i) => {
    const x0 = rx + (i % 3) * 100;
    const yy = y + Math.floor(i / 3) * 20;
    drawRoute(
      pen,
      [
        { x: x0, y: yy },
        { x: x0 + 38, y: yy },
      ],
      'oil',
      s,
      0.8,
      false,
    );
    label(x0 + 45, yy, name, 11, MAP.labelDim);
  });
  y += 46;

  // --- Sites
  section(y, 'Sites');
  y += 20;
  const items: Array<[MapFeature['kind'] | 'disputed', string]> = [
    ['radar', 'Radar'],
    ['base', 'Base'],
    ['troops', 'Troops'],
    ['field', 'Oil/gas field'],
    ['front', 'Front line'],
    ['disputed', 'Disputed area'],
  ];
  items.forEach(([k, name], i) => {
    const x0 = rx + (i % 3) * 100;
    const yy = y + Math.floor(i / 3) * 24;
    if (k === 'front') {
      drawFrontLine(
        pen,
        [
          { x: x0 - 2, y: yy },
          { x: x0 + 22, y: yy },
        ],
        true,
        0.85,
      );
    } else if (k === 'disputed') {
      c.save();
      c.beginPath();
      c.rect(x0 - 1, yy - 7, 22, 14);
      c.fillStyle = cssColor(MAP.karabakh);
      c.fill();
      c.clip();
      pen.lineStyle(1.6, 0x4e4658, 0.8);
      for (let d = -14; d < 24; d += 5) pen.lineBetween(x0 - 1 + d, yy + 7, x0 - 1 + d + 14, yy - 7);
      c.restore();
      pen.lineStyle(1.2, 0x2c2433, 0.9);
      pen.strokeRect(x0 - 1, yy - 7, 22, 14);
    } else drawFeatureIcon(pen, k, x0 + 10, yy, 8, true);
    label(x0 + 28, yy, name, 11.5);
  });
  return h;
}

/** Is the legend-local point on the legend at all? */
export function onLegendPanel(lx: number, ly: number, collapsed: boolean): boolean {
  const x0 = collapsed ? LEGEND_W - LEGEND_FOLDED_W : 0;
  return lx >= x0 && lx <= LEGEND_W && ly >= 0 && ly <= (collapsed ? LEGEND_HEADER : LEGEND_FULL_H);
}

/** Is the legend-local point on its header (the fold/unfold toggle)? */
export function legendHeader(lx: number, ly: number, collapsed = false): boolean {
  return onLegendPanel(lx, ly, collapsed) && ly <= LEGEND_HEADER;
}
