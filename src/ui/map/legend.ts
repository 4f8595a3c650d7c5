/**
 * The map key, painted (Canvas 2D) with the same drawing code as the map, so
 * the key always matches. The scene shows it on an unzoomed camera.
 */
import { drawFeatureIcon, drawFrontLine, drawPowerBand, drawRoute } from './draw.ts';
import type { XY } from './geometry.ts';
import { MAP, POWER_HUE, RELATION, cssColor, influenceWidth, mixColor, relationColor } from './palette.ts';
import type { CanvasPen } from './pen.ts';
import type { MapFeature, MapRoute, PowerId } from './types.ts';

export const LEGEND_W = 318;
export const LEGEND_HEADER = 30;
export const LEGEND_FULL_H = 336;
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

  // --- Powers
  section(y, 'Powers: pressure on Baku');
  y += 12;
  const grad = c.createLinearGradient(rx, 0, rx + rw, 0);
  grad.addColorStop(0, cssColor(relationColor(-100)));
  grad.addColorStop(0.5, cssColor(relationColor(0)));
  grad.addColorStop(1, cssColor(relationColor(100)));
  c.fillStyle = grad;
  c.fillRect(rx, y, rw, 9);
  pen.lineStyle(1, 0x000000, 0.5);
  pen.strokeRect(rx, y, rw, 9);
  y += 19;
  label(rx, y, 'hostile', 11, '#f3a46e');
  label(rx + rw / 2, y, 'neutral', 11, '#d0d0d0', 0.5);
  label(rx + rw, y, 'friendly', 11, '#8fd0f5', 1);
  y += 16;
  const sample = (x0: number, rel: number, band: 'hostile' | 'neutral' | 'friendly') => {
    const pts: XY[] = [];
    for (let i = 0; i <= 10; i++) pts.push({ x: x0 + i * 8.2, y });
    drawPowerBand(pen, pts, 8, relationColor(rel), band, 1);
  };
  sample(rx, -80, 'hostile');
  sample(rx + rw / 2 - 41, 0, 'neutral');
  sample(rx + rw - 82, 80, 'friendly');
  y += 22;
  // Thickness = influence
  pen.fillStyle(mixColor(RELATION.neutral, RELATION.friendly, 0.3), 1);
  const wl = influenceWidth(10);
  const wh = influenceWidth(90);
  pen.beginPath();
  pen.moveTo(rx, y - wl / 2);
  pen.lineTo(rx + 84, y - wh / 2);
  pen.lineTo(rx + 84, y + wh / 2);
  pen.lineTo(rx, y + wl / 2);
  pen.closePath();
  pen.fillPath();
  label(rx + 94, y, 'band width = influence', 11, MAP.labelDim);
  y += 22;
  let bx = rx + 6;
  for (const id of POWERS) {
    pen.fillStyle(POWER_HUE[id], 1);
    pen.fillCircle(bx, y, 6);
    pen.lineStyle(1.2, 0xffffff, 0.8);
    pen.strokeCircle(bx, y, 6);
    const b = label(bx + 10, y, names[id], 11, MAP.labelDim);
    bx += 10 + b.w + 14;
  }
  y += 18;
  label(rx, y, 'badge: relation \u00b7 ring: influence', 11, MAP.labelDim);
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
