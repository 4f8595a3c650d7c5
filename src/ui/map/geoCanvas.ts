/**
 * Paints the static geography (sea, land, borders, coasts, Nagorno-Karabakh
 * hatching, city markers) once into a 2D canvas, which the scene uploads as
 * a texture. Canvas 2D gives antialiased coasts and proper hatching; the GPU
 * then only draws one textured quad per frame for all of it.
 */
import type { GeoCountry, GeoData } from './geoData.ts';
import { ringArea } from './geometry.ts';
import { K, KX, LAT_TOP, LON0 } from './projection.ts';
import { MAP, POWER_HUE, cssColor, mixColor } from './palette.ts';
import type { PowerId } from './types.ts';

export function countryFill(c: GeoCountry): number {
  if (c.role === 'focus') return MAP.azerbaijan;
  if (c.id === 'armenia') return 0x5d5868;
  if (c.id === 'georgia') return 0x4f5f5a;
  if (c.role === 'power' && c.id in POWER_HUE) return mixColor(MAP.land, POWER_HUE[c.id as PowerId], 0.2);
  return MAP.landNeutral;
}

function ringPath(ctx: CanvasRenderingContext2D, flat: number[], close = true): void {
  ctx.moveTo(flat[0] as number, flat[1] as number);
  for (let i = 2; i + 1 < flat.length; i += 2) ctx.lineTo(flat[i] as number, flat[i + 1] as number);
  if (close) ctx.closePath();
}

function rgba(c: number, a: number): string {
  return `rgba(${(c >> 16) & 255},${(c >> 8) & 255},${c & 255},${a})`;
}

/** A world-px rectangle [x0, y0, x1, y1]. */
export type Region = [number, number, number, number];

/** Canvas size (texels) for painting `region` at `scale` texels per world px: the map's textures' size. */
export function regionSize(region: Region, scale: number): { width: number; height: number } {
  return { width: Math.round((region[2] - region[0]) * scale), height: Math.round((region[3] - region[1]) * scale) };
}

/**
 * Paint the part `region` of the geography into a context sized by `regionSize(region, scale)`,
 * or with that rectangle's corner at (x, y) of a larger one.
 */
export function paintGeography(ctx: CanvasRenderingContext2D, geo: GeoData, region: Region, scale: number, x = 0, y = 0): void {
  const [bx0, by0, bx1, by1] = region;
  ctx.setTransform(scale, 0, 0, scale, x - bx0 * scale, y - by0 * scale);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';

  // Sea: a gentle vertical gradient.
  const sea = ctx.createLinearGradient(0, by0, 0, by1);
  sea.addColorStop(0, cssColor(0x123049));
  sea.addColorStop(1, cssColor(MAP.seaDeep));
  ctx.fillStyle = sea;
  ctx.fillRect(bx0, by0, bx1 - bx0, by1 - by0);

  // Graticule every degree (only visible on the sea; land covers it).
  ctx.strokeStyle = 'rgba(160,200,230,0.07)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let lon = 25; lon <= 65; lon++) {
    const x = (lon - LON0) * KX;
    if (x < bx0 || x > bx1) continue;
    ctx.moveTo(x, by0);
    ctx.lineTo(x, by1);
  }
  for (let lat = 30; lat <= 52; lat++) {
    const y = (LAT_TOP - lat) * K;
    if (y < by0 || y > by1) continue;
    ctx.moveTo(bx0, y);
    ctx.lineTo(bx1, y);
  }
  ctx.stroke();

  // Shallow-water glow along the coasts.
  for (const [w, a] of [
    [18, 0.05],
    [9, 0.07],
    [4, 0.09],
  ] as const) {
    ctx.strokeStyle = rgba(0x6fb0dc, a);
    ctx.lineWidth = w;
    ctx.beginPath();
    for (const line of geo.coasts) ringPath(ctx, line, false);
    ctx.stroke();
  }

  // Land: every polygon, largest first, so enclaves land on top.
  const polys: Array<{ ring: number[]; area: number; c: GeoCountry }> = [];
  for (const c of geo.countries) for (const ring of c.polys) polys.push({ ring, area: ringArea(ring), c });
  polys.sort((a, b) => b.area - a.area);
  for (const p of polys) {
    const fill = countryFill(p.c);
    ctx.fillStyle = cssColor(fill);
    ctx.beginPath();
    ringPath(ctx, p.ring);
    ctx.fill();
    // Slight lightening towards the top: relief-like depth.
    if (p.c.role === 'focus') {
      const gr = ctx.createLinearGradient(0, 380, 0, 720);
      gr.addColorStop(0, 'rgba(255,240,200,0.14)');
      gr.addColorStop(1, 'rgba(60,40,10,0.12)');
      ctx.fillStyle = gr;
      ctx.fill();
    }
  }

  // Nagorno-Karabakh: hatched in Armenia's tone over Azerbaijan's sand.
  if (geo.karabakh.length >= 6) {
    ctx.save();
    ctx.beginPath();
    ringPath(ctx, geo.karabakh);
    ctx.fillStyle = cssColor(MAP.karabakh);
    ctx.fill();
    ctx.clip();
    ctx.strokeStyle = rgba(0x4e4658, 0.75);
    ctx.lineWidth = 2;
    ctx.beginPath();
    const xs = geo.karabakh.filter((_, i) => i % 2 === 0);
    const ys = geo.karabakh.filter((_, i) => i % 2 === 1);
    const x0 = Math.min(...xs) - 80;
    const x1 = Math.max(...xs) + 80;
    const y0 = Math.min(...ys);
    const y1 = Math.max(...ys);
    for (let x = x0; x < x1; x += 6) {
      ctx.moveTo(x, y1);
      ctx.lineTo(x + (y1 - y0), y0);
    }
    ctx.stroke();
    ctx.restore();
  }

  // Borders: a dark under-line and a light line.
  ctx.beginPath();
  for (const line of geo.borders) ringPath(ctx, line, false);
  ctx.strokeStyle = 'rgba(8,14,20,0.55)';
  ctx.lineWidth = 3;
  ctx.stroke();
  ctx.strokeStyle = 'rgba(205,212,222,0.55)';
  ctx.lineWidth = 1.2;
  ctx.setLineDash([5, 3]);
  ctx.stroke();
  ctx.setLineDash([]);

  // Coasts.
  ctx.beginPath();
  for (const line of geo.coasts) ringPath(ctx, line, false);
  ctx.strokeStyle = rgba(MAP.coast, 0.75);
  ctx.lineWidth = 1.2;
  ctx.stroke();

  // Azerbaijan: glowing gold outline (mainland and Nakhchivan).
  const az = geo.countries.find((c) => c.role === 'focus');
  if (az) {
    ctx.save();
    ctx.shadowColor = 'rgba(255,205,110,0.8)';
    ctx.shadowBlur = 14 * scale;
    ctx.strokeStyle = cssColor(MAP.azerbaijanEdge);
    ctx.lineWidth = 2.4;
    ctx.beginPath();
    for (const r of az.polys) ringPath(ctx, r);
    ctx.stroke();
    ctx.restore();
  }

  // Karabakh outline on top, dashed.
  if (geo.karabakh.length >= 6) {
    ctx.beginPath();
    ringPath(ctx, geo.karabakh);
    ctx.strokeStyle = rgba(0x2c2433, 0.9);
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // Place markers.
  for (const l of geo.labels) {
    if (l.kind === 'capital') {
      ctx.beginPath();
      ctx.arc(l.x, l.y, 7, 0, Math.PI * 2);
      ctx.fillStyle = 'rgba(8,14,20,0.85)';
      ctx.fill();
      ctx.beginPath();
      ctx.arc(l.x, l.y, 5.2, 0, Math.PI * 2);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(l.x, l.y, 2.2, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
    } else if (l.kind === 'city') {
      ctx.beginPath();
      ctx.arc(l.x, l.y, 3.4, 0, Math.PI * 2);
      ctx.fillStyle = '#e9edf2';
      ctx.fill();
      ctx.strokeStyle = 'rgba(8,14,20,0.9)';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
  }
}
