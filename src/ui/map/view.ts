/**
 * How the world fits the map's box, whatever its shape: from a 1024×640 window with the
 * panels round it to a 1920×1080 one. Pure arithmetic, no Phaser.
 */
import type { Region } from './geoCanvas.ts';
import type { XY } from './geometry.ts';
import { WORLD_H, WORLD_W } from './projection.ts';

/**
 * World area that must stay in view whatever the parent's shape: the four badges, the
 * route terminals (Ceyhan to the Caspian fields) and Baku, with a margin.
 */
export const ESSENTIAL: Region = [40, 40, 1330, 960];

/**
 * Azerbaijan (mainland, Nakhchivan, Baku and the offshore fields), with a margin: what the
 * view keeps first where it cannot hold the whole essential area (a tall map, where the
 * baked geography's extent sets the zoom). The badges then move in (content.ts fitTo).
 */
export const FOCUS: Region = [780, 400, 1240, 770];

export interface ViewFit {
  /** Screen px per world px, and the world point at the centre of the view. */
  zoom: number;
  center: XY;
  /** The world rectangle on screen. */
  view: Region;
  /**
   * The world rectangle the textures cover: the view plus a margin, cut at the baked
   * geography's extent, with its corners on whole screen pixels.
   */
  region: Region;
  /** Label size factor: labels grow a little when the map is shown small. */
  textScale: number;
}

/** `c` within [lo, hi]; the middle of the two where they cross. */
export const clampC = (c: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, c)));

export function fitView(w: number, h: number, box: Region, margin = 24): ViewFit {
  const boxW = box[2] - box[0];
  const boxH = box[3] - box[1];
  const contain = Math.min(w / WORLD_W, h / WORLD_H);
  const cover = Math.max(w / WORLD_W, h / WORLD_H);
  // Fill the screen, cropping at most a few % of the world; in a narrow or tall parent,
  // zoom in until the essential area (badges, routes, Baku) just fits; never show past
  // the baked extent.
  const ess = ESSENTIAL;
  const essential = Math.min(w / (ess[2] - ess[0]), h / (ess[3] - ess[1]));
  let zoom = Math.max(Math.min(cover, contain * 1.06), essential);
  zoom = Math.max(zoom, w / boxW, h / boxH);
  // Centre on the world, shifted as little as needed to keep the essential area in view,
  // and Azerbaijan where the essential area does not fit.
  const hw = w / zoom / 2;
  const hh = h / zoom / 2;
  let cx = clampC(WORLD_W / 2, ess[2] - hw, ess[0] + hw);
  let cy = clampC(WORLD_H / 2, ess[3] - hh, ess[1] + hh);
  // Changes nothing where the essential area fits (it holds the focus).
  cx = clampC(cx, FOCUS[2] - hw, FOCUS[0] + hw);
  cy = clampC(cy, FOCUS[3] - hh, FOCUS[1] + hh);
  cx = clampC(cx, box[0] + hw, box[2] - hw);
  cy = clampC(cy, box[1] + hh, box[3] - hh);
  const toScreenX = (x: number) => (x - cx) * zoom + w / 2;
  const toScreenY = (y: number) => (y - cy) * zoom + h / 2;
  const toWorldX = (sx: number) => (sx - w / 2) / zoom + cx;
  const toWorldY = (sy: number) => (sy - h / 2) / zoom + cy;
  const sx0 = Math.max(-margin, Math.ceil(toScreenX(box[0])));
  const sy0 = Math.max(-margin, Math.ceil(toScreenY(box[1])));
  const sx1 = Math.min(Math.ceil(w) + margin, Math.floor(toScreenX(box[2])));
  const sy1 = Math.min(Math.ceil(h) + margin, Math.floor(toScreenY(box[3])));
  // Labels keep about the size they have at 1366×768 however small the map is shown.
  const textScale = Math.round(Math.min(2, Math.max(1, 0.86 / zoom)) * 10) / 10;
  return {
    zoom,
    center: { x: cx, y: cy },
    view: [cx - hw, cy - hh, cx + hw, cy + hh],
    region: [toWorldX(sx0), toWorldY(sy0), toWorldX(sx1), toWorldY(sy1)],
    textScale,
  };
}

/** Where the world is on screen: screen px per world px, and the screen point of world (0, 0). */
export interface WorldView {
  zoom: number;
  x: number;
  y: number;
}

export function worldView(fit: ViewFit, w: number, h: number): WorldView {
  return { zoom: fit.zoom, x: w / 2 - fit.center.x * fit.zoom, y: h / 2 - fit.center.y * fit.zoom };
}

/**
 * Where an image painted at `s` texels per world px with its corner at world (x, y) goes
 * on screen, and its scale. The map's images are placed so, one by one: Phaser's canvas
 * renderer mis-scales images under a zoomed camera, and a container to carry the zoom
 * would ship 2.3 KB (gzipped) more of Phaser.
 */
export function onScreen(view: WorldView, x: number, y: number, s: number): { x: number; y: number; scale: number } {
  return { x: view.x + x * view.zoom, y: view.y + y * view.zoom, scale: view.zoom / s };
}
