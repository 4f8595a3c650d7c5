/**
 * The two world textures the map shows every frame, and what they are painted from.
 *
 * - Geography: sea, land, borders, coasts, place markers and the soft dark edges of the
 *   view, painted when the view's size or zoom changes, never on a turn.
 * - Overlay: the powers' arrows, routes, sites, labels and badges, repainted on a turn.
 *   Most of it does not change from one quarter to the next, so it is composed from
 *   cached canvases: routes and sites (repainted when a route or a site changes), all
 *   labels (when a site changes), and on every turn only the arrows and the badges.
 *
 * Both textures cover the view plus a margin at one texel per screen pixel, placed on
 * whole screen pixels, so the renderer copies them without resampling. They are plain
 * canvases (no Phaser here): the poster shows them before Phaser has loaded, and the
 * scene then shows the same canvases as its textures.
 */
import type { GeoData } from './geoData.ts';
import { paintGeography, type Region, regionSize } from './geoCanvas.ts';
import { paintStaticLabels } from './labels.ts';
import {
  type BadgeSpec,
  badgeObstacles,
  type BandGeom,
  type FeatureGeom,
  paintBadge,
  paintBands,
  paintPressureMarks,
  paintRoutesAndSites,
  type RouteGeom,
} from './overlay.ts';
import { cssColor, MAP } from './palette.ts';
import { CanvasPen } from './pen.ts';
import { paintSiteLabels } from './siteLabels.ts';
import { type Surface, surface } from './surfaces.ts';
import type { MapPressure } from './types.ts';
import type { ViewFit } from './view.ts';

/** Where the textures sit: the world rectangle, texels per world px, the view inside it. */
export interface Bake {
  region: Region;
  scale: number;
  view: Region;
  /** Label size factor: labels grow a little when the map is shown small. */
  textScale: number;
}

export interface OverlayContent {
  routes: RouteGeom[];
  bands: BandGeom[];
  features: FeatureGeom[];
  badges: BadgeSpec[];
  pressures: MapPressure[];
}

/** Where the textures go for a view: one texel per screen pixel, within a texture size every browser takes. */
export function bakeFor(fit: ViewFit): Bake {
  const rw = fit.region[2] - fit.region[0];
  const rh = fit.region[3] - fit.region[1];
  const scale = Math.min(fit.zoom, 4096 / rw, 4096 / rh);
  return { region: fit.region, scale, view: fit.view, textScale: fit.textScale };
}

type Cache = Surface;

export class WorldLayers {
  bake: Bake | null = null;
  /** Duration of the last overlay paint (ms), for debugState(). */
  lastPaintMs = 0;
  /** The two canvases (null before the first paint); a new canvas when the view's size changes. */
  geo: Surface | null = null;
  overlay: Surface | null = null;
  private routesCache: Cache | null = null;
  private labelsCache: Cache | null = null;
  private routesKey = '';
  private labelsKey = '';
  /** Whether the overlay has been painted once (the first paint is on a fresh canvas). */
  private painted = false;

  constructor(private readonly geoData: GeoData) {}

  /** Repaints the geography for `bake` and the overlay with `content`. */
  paintAll(bake: Bake, content: OverlayContent): void {
    this.bake = bake;
    const { width: w, height: h } = regionSize(bake.region, bake.scale);
    this.geo = surface(w, h, this.geo);
    this.overlay = surface(w, h, this.overlay);
    this.paintGeo(this.geo.ctx, bake, 0, 0);
    this.routesKey = '';
    this.labelsKey = '';
    if (this.painted) this.paintOverlay(content);
    else {
      const t0 = performance.now();
      this.paintFreshOverlay(this.overlay.ctx, bake, content, 0, 0);
      this.lastPaintMs = performance.now() - t0;
      const idle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 200));
      idle(() => this.fillCaches(content));
    }
    this.painted = true;
  }

  /**
   * The whole map as `paintAll` would leave it, the overlay over the geography, painted
   * straight onto `ctx` with the textures' top-left corner at (x, y): what a frame shows
   * when it copies the two textures one texel per pixel at whole-pixel places. The poster
   * paints so; two canvases of the textures' size to fill, then copy, made its first frame
   * ~80 ms later (session 12: fresh memory is slow to touch in the test machine's VM). The
   * textures themselves are not painted.
   */
  paintOnto(ctx: CanvasRenderingContext2D, bake: Bake, content: OverlayContent, x: number, y: number): void {
    const { width: w, height: h } = regionSize(bake.region, bake.scale);
    ctx.save();
    // Nothing past the textures' edges, as on them (a coast's glow, a label's halo).
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    ctx.save();
    this.paintGeo(ctx, bake, x, y);
    ctx.restore();
    this.paintFreshOverlay(ctx, bake, content, x, y);
    ctx.restore();
  }

  /** The geography and the view's soft edges, with the textures' corner at (x, y). */
  private paintGeo(ctx: CanvasRenderingContext2D, bake: Bake, x: number, y: number): void {
    paintGeography(ctx, this.geoData, bake.region, bake.scale, x, y);
    this.paintVignette(ctx, bake, x, y);
  }

  /**
   * The overlay drawn whole onto `ctx` (the textures' corner at (x, y)), in the order the
   * cached path composes it (bands, routes and sites, labels, badges): on the map's first
   * paint the caches, two more canvases of the overlay's size to fill and copy, are made
   * when the browser is idle, before the turn that needs them, so the first frame of the
   * map comes sooner.
   */
  private paintFreshOverlay(ctx: CanvasRenderingContext2D, bake: Bake, content: OverlayContent, x: number, y: number): void {
    const group = (paint: (pen: CanvasPen) => void) => {
      ctx.save();
      paint(this.worldPen(ctx, bake, x, y));
      ctx.restore();
    };
    group((pen) => paintBands(pen, content.bands));
    group((pen) => {
      paintRoutesAndSites(pen, content.routes, content.features);
      paintPressureMarks(pen, content.routes, content.features, content.pressures);
    });
    group((pen) => this.paintLabels(pen, content, bake));
    const pen = this.worldPen(ctx, bake, x, y);
    for (const b of content.badges) paintBadge(pen, b, bake.textScale, bake.view);
  }

  /** Builds the overlay's caches for `content`, unless a paint has made them already. */
  private fillCaches(content: OverlayContent): void {
    if (this.bake && this.overlay && !this.routesCache && !this.labelsCache) this.caches(content, this.bake);
  }

  /** Repaints the overlay; the cached parts only if what they show changed. */
  paintOverlay(content: OverlayContent): void {
    const bake = this.bake;
    const tex = this.overlay;
    if (!bake || !tex) return;
    const t0 = performance.now();
    const { canvas, ctx } = tex;
    const { routes, labels } = this.caches(content, bake);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const pen = this.worldPen(ctx, bake);
    paintBands(pen, content.bands);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(routes.canvas, 0, 0);
    ctx.drawImage(labels.canvas, 0, 0);
    this.worldPen(ctx, bake);
    for (const b of content.badges) paintBadge(pen, b, bake.textScale, bake.view);
    this.lastPaintMs = performance.now() - t0;
  }

  /** The cached routes-and-sites and labels canvases for `content`, repainted if what they show changed. */
  private caches(content: OverlayContent, bake: Bake): { routes: Cache; labels: Cache } {
    const routesKey = JSON.stringify([
      content.routes.map((r) => [r.route.id, r.route.status]),
      content.features.map((f) => [f.feature.id, f.feature.active, f.feature.kind, f.x, f.y]),
      content.pressures.map((p) => [p.power, p.kind, p.routes, p.features]),
    ]);
    if (routesKey !== this.routesKey || !this.routesCache) {
      this.routesKey = routesKey;
      this.routesCache = this.cachePaint(this.routesCache, (pen) => {
        paintRoutesAndSites(pen, content.routes, content.features);
        paintPressureMarks(pen, content.routes, content.features, content.pressures);
      });
    }
    const labelsKey = JSON.stringify(content.features.map((f) => [f.feature.id, f.feature.name, f.feature.active, f.x, f.y]));
    if (labelsKey !== this.labelsKey || !this.labelsCache) {
      this.labelsKey = labelsKey;
      this.labelsCache = this.cachePaint(this.labelsCache, (pen) => this.paintLabels(pen, content, bake));
    }
    return { routes: this.routesCache, labels: this.labelsCache };
  }

  /** Every label: the places', seas' and countries', then the sites', all clear of the badges. */
  private paintLabels(pen: CanvasPen, content: OverlayContent, bake: Bake): void {
    const badges = badgeObstacles(pen, content.badges, bake.textScale, bake.view);
    const boxes = paintStaticLabels(pen, this.geoData, bake.textScale, bake.view, badges);
    paintSiteLabels(pen, content.features, boxes, bake.textScale, bake.view);
  }

  /** A pen drawing in world px, the textures' corner at (x, y) of `ctx`. */
  private worldPen(ctx: CanvasRenderingContext2D, bake: Bake, x = 0, y = 0): CanvasPen {
    const s = bake.scale;
    ctx.setTransform(s, 0, 0, s, x - bake.region[0] * s, y - bake.region[1] * s);
    return new CanvasPen(ctx);
  }

  private cachePaint(current: Cache | null, paint: (pen: CanvasPen) => void): Cache {
    const tex = this.overlay as Surface;
    const cache = surface(tex.canvas.width, tex.canvas.height, current);
    paint(this.worldPen(cache.ctx, this.bake as Bake));
    return cache;
  }

  /** Four soft dark edges at the view's sides (the geography is only seen through the view), the textures' corner at (x, y). */
  private paintVignette(ctx: CanvasRenderingContext2D, bake: Bake, x: number, y: number): void {
    const { region, scale: s, view } = bake;
    const { width, height } = regionSize(bake.region, bake.scale);
    ctx.setTransform(1, 0, 0, 1, x, y);
    const x0 = (view[0] - region[0]) * s;
    const y0 = (view[1] - region[1]) * s;
    const x1 = (view[2] - region[0]) * s;
    const y1 = (view[3] - region[1]) * s;
    const d = Math.round(Math.min(x1 - x0, y1 - y0) * 0.08);
    const c = cssColor(MAP.seaDeep);
    const edge = (gx0: number, gy0: number, gx1: number, gy1: number, rx: number, ry: number, rw: number, rh: number) => {
      const g = ctx.createLinearGradient(gx0, gy0, gx1, gy1);
      g.addColorStop(0, c);
      g.addColorStop(1, 'rgba(0,0,0,0)');
      ctx.globalAlpha = 0.55;
      ctx.fillStyle = g;
      ctx.fillRect(rx, ry, rw, rh);
    };
    edge(0, y0, 0, y0 + d, 0, 0, width, y0 + d);
    edge(0, y1, 0, y1 - d, 0, y1 - d, width, height - (y1 - d));
    edge(x0, 0, x0 + d, 0, 0, 0, x0 + d, height);
    edge(x1, 0, x1 - d, 0, x1 - d, 0, width - (x1 - d), height);
    ctx.globalAlpha = 1;
  }
}
