/**
 * Colour-blind-safe palette for the map, built on the Okabe–Ito set
 * (Okabe & Ito 2008, "Color Universal Design").
 *
 * - One hue per power (badge, territory tint, its arrow), the same as the panels'
 *   (src/ui/colors.ts is the only place the four are defined).
 * - Friend or foe is never a colour: a power's arrow is solid with a barbed head
 *   when friendly, long-dashed when wary, short-dashed with an open head when
 *   cold or hostile, and its badge carries the signed relation and its word.
 *   Influence is the arrow's thickness.
 * - Route kinds differ in colour *and* form (oil: solid core, gas: core with a
 *   dark centre line, rail: ties), route status in pattern (solid, dashed,
 *   dotted, break marker, grey).
 */
import { POWER_COLORS } from '../colors.ts';
import type { MapRoute, PowerId, RouteStatus, Stance } from './types.ts';

/** The eight Okabe–Ito colours. */
export const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

export const POWER_HUE: Record<PowerId, number> = POWER_COLORS;

/** Map surface colours (not data-bearing). */
export const MAP = {
  sea: 0x102a3f,
  seaDeep: 0x0c2133,
  seaLabel: '#7fa7c4',
  land: 0x3b4149,
  landNeutral: 0x353a41,
  neighbor: 0x4b525b,
  azerbaijan: 0xc9a862,
  azerbaijanEdge: 0xffe3a3,
  karabakh: 0xf2d9a0,
  coast: 0x9fc3dc,
  border: 0x1c2026,
  borderLight: 0x8a929c,
  label: '#e9edf2',
  labelDim: '#aab3bd',
  labelStroke: '#0b1620',
  panel: 0x0d1823,
  panelEdge: 0x3a5166,
  capital: 0xffffff,
} as const;

export const ROUTE_KIND: Record<MapRoute['kind'], number> = {
  oil: OKABE_ITO.yellow,
  gas: 0x7fd4ff,
  rail: 0xf2f2f2,
};

export const ROUTE_DISRUPTED = OKABE_ITO.vermillion;
export const ROUTE_CLOSED = 0x7b838c;

export const STATUS_LABEL: Record<RouteStatus, string> = {
  operating: 'operating',
  building: 'under construction',
  planned: 'planned',
  disrupted: 'disrupted',
  closed: 'closed',
};

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function mixColor(c1: number, c2: number, t: number): number {
  const r = Math.round(lerp((c1 >> 16) & 255, (c2 >> 16) & 255, t));
  const g = Math.round(lerp((c1 >> 8) & 255, (c2 >> 8) & 255, t));
  const b = Math.round(lerp(c1 & 255, c2 & 255, t));
  return (r << 16) | (g << 8) | b;
}

/** Dash pattern [on, off] in world px for a stance; null = solid. */
export function stanceDash(stance: Stance): [number, number] | null {
  if (stance === 'friendly') return null;
  if (stance === 'wary') return [22, 9];
  return [9, 8];
}

/** Influence 0..100 → band width in world px. */
export function influenceWidth(influence: number): number {
  const i = Math.max(0, Math.min(100, influence)) / 100;
  return 3 + i * 15;
}

export function cssColor(c: number): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}

export function signed(n: number): string {
  const r = Math.round(n);
  return r > 0 ? `+${r}` : r < 0 ? `\u2212${-r}` : '0';
}
