/**
 * The Caucasus map: a Phaser 4 scene.
 *
 * - Static geography is painted once (Canvas 2D) into a texture and shown as
 *   one image; it is repainted only when the zoom changes a lot.
 * - Dynamic overlays (power bands, routes, sites, badges) are Graphics that
 *   are redrawn only in update(), never per frame.
 * - The legend lives on a second, unzoomed camera.
 * - Hover and click are hit-tested by hand against the same geometry that is
 *   drawn (one pointermove handler, no per-object input zones).
 */
import type Phaser from 'phaser';
import BLANK_PNG from './phaser/blank.png?no-inline';
import { CANVAS, Game, InputEvents, SceneEvents, Scene, ScaleEvents, ScaleModes, WEBGL } from './phaser/lean.ts';
import { drawPowerBand, drawRoute, drawRouteGlow, ROUTE_WIDTH, routeColor } from './draw.ts';
import type { GeoData } from './geoData.ts';
import geoJson from './geo/caucasus.json';
import { paintGeography, type Region, regionSize } from './geoCanvas.ts';
import {
  type BBox,
  type XY,
  distToPolyline,
  flatToXY,
  laneOffsets,
  pointAlong,
  pointInRing,
  polylineLength,
  cubicBezier,
  ringArea,
  ringBBox,
  smoothPath,
} from './geometry.ts';
import { paintStaticLabels } from './labels.ts';
import { LEGEND_FULL_H, LEGEND_W, legendHeader, onLegendPanel, paintLegend } from './legend.ts';
import { BADGE_R, type BadgeSpec, type BandGeom, type FeatureGeom, paintLines, paintSites, paintTop, type RouteGeom } from './overlay.ts';
import { MAP, STATUS_LABEL, cssColor, influenceWidth, relationBand, signed } from './palette.ts';
import { CanvasPen, FONT, type TextBox } from './pen.ts';
import { project, WORLD_H, WORLD_W } from './projection.ts';
import type { MapController, MapHandlers, MapRoute, MapViewModel, PowerId } from './types.ts';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const GEO = geoJson as unknown as GeoData;
const POWER_IDS: PowerId[] = ['russia', 'turkey', 'iran', 'west'];
const DEFAULT_NAMES: Record<PowerId, string> = { russia: 'Russia', turkey: 'Turkey', iran: 'Iran', west: 'The West' };

/**
 * Direction (degrees, screen convention: 0 = east, 90 = south) from which each
 * power's band arrives at Baku. Chosen to thread between the export routes
 * that leave Baku north-west (Novorossiysk) and west-north-west (Tbilisi).
 */
const BAND_APPROACH: Record<PowerId, number> = { russia: -84, west: -138, turkey: 181, iran: 95 };
/** Bands stop this far (world px) short of Baku. */
const BAND_STOP: Record<PowerId, number> = { russia: 58, west: 100, turkey: 58, iran: 58 };
/** Where a badge's name goes. */
const BADGE_LABEL: Record<PowerId, 'below' | 'right' | 'above'> = {
  russia: 'right',
  turkey: 'below',
  iran: 'right',
  west: 'below',
};

type Target = { kind: 'power'; id: PowerId } | { kind: 'route'; id: string } | { kind: 'feature'; id: string } | { kind: 'country'; id: string };

interface CountryHit {
  id: string;
  ring: number[];
  bbox: BBox;
}

export interface MapSceneOptions {
  initial?: MapViewModel;
  handlers?: MapHandlers;
}

const NOOP_HANDLERS: MapHandlers = { onHover: () => {}, onSelectCountry: () => {} };
const EMPTY_VM: MapViewModel = { powers: [], routes: [], features: [], azerbaijan: { sovereignty: 0, stability: 0 } };

/**
 * World area that must stay in view whatever the parent's shape: the four badges, the
 * route terminals (Ceyhan to the Caspian fields) and Baku, with a margin.
 */
const ESSENTIAL: Region = [40, 40, 1330, 960];

const GEO_KEY = 'caspian-map-geography';
const OVERLAY_KEY = 'caspian-map-overlay';
const VIGNETTE_KEY = 'caspian-map-vignette';
const LEGEND_KEY = 'caspian-map-legend';

export class MapScene extends Scene {
  private vm: MapViewModel;
  private handlers: MapHandlers;
  private lastJson = '';
  private ready = false;
  private renders = 0;

  private uiCam!: Phaser.Cameras.Scene2D.Camera;
  private worldLayer!: Phaser.GameObjects.Container;
  private uiLayer!: Phaser.GameObjects.Layer;

  private geoTex: Phaser.Textures.CanvasTexture | null = null;
  private overlayTex: Phaser.Textures.CanvasTexture | null = null;
  private legendTex: Phaser.Textures.CanvasTexture | null = null;
  private geoImage!: Phaser.GameObjects.Image;
  private overlayImage!: Phaser.GameObjects.Image;
  private legendImage!: Phaser.GameObjects.Image;
  private bakeScale = 0;
  /** World rectangle the textures cover (the visible area plus a margin). */
  private bakeRegion: Region = [0, 0, 0, 0];
  /** The view the overlay's labels were placed for. */
  private paintedView: Region = [0, 0, 0, 0];
  /** Set by setViewModel(); the overlay is repainted once, on the next frame. */
  private dirty = false;
  private renderedVm: MapViewModel | undefined;
  private lastRenderMs = 0;
  private lastPaintMs = 0;
  private bakeTimer: number | null = null;
  /** Text size factor: labels grow a little when the map is shown small. */
  private textScale = 1;
  private labelBoxes: TextBox[] = [];

  private gHover!: Phaser.GameObjects.Graphics;
  private vignette!: Phaser.GameObjects.Image;
  private vignetteTex: Phaser.Textures.CanvasTexture | null = null;
  private pulses: Phaser.GameObjects.GameObject[] = [];
  private legendCollapsed = false;
  private legendTouched = false;
  private legendScale = 1;
  private legendPaintScale = 0;

  private countryHits: CountryHit[] = [];
  private karabakhRing: number[] = GEO.karabakh;
  private routeGeoms: RouteGeom[] = [];
  private bandGeoms: BandGeom[] = [];
  private featureGeoms: FeatureGeom[] = [];
  private anchors = new Map<PowerId, XY>();
  private target: XY = { x: 0, y: 0 };

  private zoom = 1;
  /** World point at the centre of the view. */
  private center: XY = { x: WORLD_W / 2, y: WORLD_H / 2 };
  /** Render on demand: the loop sleeps when nothing moves (see update()). */
  private idleSleep = true;
  private awakeUntil = 0;
  private resizeObserver: ResizeObserver | null = null;
  private onWindowResize = () => this.wakeFor(900);
  private hovered: Target | null = null;
  private lastPointer: { x: number; y: number } | null = null;
  private downAt: { x: number; y: number } | null = null;

  constructor(opts: MapSceneOptions = {}) {
    super({ key: 'MapScene' });
    this.vm = opts.initial ?? EMPTY_VM;
    this.handlers = opts.handlers ?? NOOP_HANDLERS;
  }

  // ------------------------------------------------------------------ public

  /** Apply a new view model; cheap, and a no-op if nothing changed. */
  setViewModel(vm: MapViewModel): void {
    const json = JSON.stringify(vm);
    if (json === this.lastJson) return;
    const prev = this.vm;
    this.vm = vm;
    this.lastJson = json;
    if (this.ready) {
      // Repainted once on the next frame, however many updates arrive before it.
      if (!this.dirty) this.renderedVm = prev;
      this.dirty = true;
      this.wakeFor(500);
    }
  }

  setHandlers(h: MapHandlers): void {
    this.handlers = h;
  }

  /** World px → screen px (relative to the canvas / parent element). */
  worldToScreen(wx: number, wy: number): { x: number; y: number } {
    const w = this.scale.width;
    const h = this.scale.height;
    return { x: (wx - this.center.x) * this.zoom + w / 2, y: (wy - this.center.y) * this.zoom + h / 2 };
  }

  screenToWorld(sx: number, sy: number): { x: number; y: number } {
    const w = this.scale.width;
    const h = this.scale.height;
    return { x: (sx - w / 2) / this.zoom + this.center.x, y: (sy - h / 2) / this.zoom + this.center.y };
  }

  /** Viewport (client) px of a lon/lat point. */
  screenOf(lon: number, lat: number): { x: number; y: number } {
    const [x, y] = project(lon, lat);
    return this.toClient(this.worldToScreen(x, y));
  }

  /** A point on the drawn route, in viewport px (for tests and tutorials). */
  routeScreenPoint(id: string, at = 0.5): { x: number; y: number } | null {
    const g = this.routeGeoms.find((r) => r.route.id === id);
    if (!g) return null;
    const p = pointAlong(g.pts, polylineLength(g.pts) * at);
    return this.toClient(this.worldToScreen(p.x, p.y));
  }

  /** A power's badge, in viewport px. */
  badgeScreenPoint(id: PowerId): { x: number; y: number } | null {
    const a = this.anchors.get(id);
    return a ? this.toClient(this.worldToScreen(a.x, a.y)) : null;
  }

  isReady(): boolean {
    return this.ready;
  }

  /**
   * Keep the game loop running for at least `ms`. The map renders on demand:
   * when nothing animates and no input arrives, the loop sleeps and the last
   * frame stays on screen (no GPU/CPU cost while the player reads the map).
   */
  wakeFor(ms = 300): void {
    this.awakeUntil = Math.max(this.awakeUntil, performance.now() + ms);
    const loop = this.game.loop;
    if (!loop.running) loop.wake(true);
  }

  /** Turn render-on-demand off (always 60 fps loop) or back on. */
  setIdleSleep(on: boolean): void {
    this.idleSleep = on;
    this.wakeFor(300);
  }

  override update(): void {
    if (!this.ready) return;
    if (this.dirty) {
      this.dirty = false;
      this.renderDynamic(this.renderedVm);
    }
    if (!this.idleSleep) return;
    const busy = this.pulses.length > 0 || this.bakeTimer !== null || this.tweens.getTweens().length > 0;
    if (!busy && performance.now() > this.awakeUntil) this.game.loop.sleep();
  }

  /** Counters for tests and profiling. */
  debugState(): {
    zoom: number;
    pulses: number;
    renders: number;
    width: number;
    height: number;
    bakeScale: number;
    webgl: boolean;
    running: boolean;
    /** Duration of the last overlay update: geometry, Canvas 2D paint, texture upload, pulses (ms). */
    lastRenderMs: number;
    /** Of which the Canvas 2D paint (ms). */
    lastPaintMs: number;
  } {
    return {
      lastPaintMs: this.lastPaintMs,
      lastRenderMs: this.lastRenderMs,
      running: this.game.loop.running,
      zoom: this.zoom,
      pulses: this.pulses.filter((p) => p.active).length,
      renders: this.renders,
      width: this.scale.width,
      height: this.scale.height,
      bakeScale: this.bakeScale,
      webgl: this.game.renderer.type === WEBGL,
    };
  }

  // ------------------------------------------------------------------ setup

  create(): void {
    const main = this.cameras.main;
    main.setBackgroundColor(cssColor(MAP.seaDeep));
    this.uiCam = this.cameras.add(0, 0, this.scale.width, this.scale.height, false, 'ui');
    // World objects live in a container that carries the zoom: the cameras stay at zoom 1,
    // because Phaser's canvas renderer mis-scales images under a zoomed camera.
    this.worldLayer = this.add.container(0, 0);
    this.uiLayer = this.add.layer();
    main.ignore(this.uiLayer);
    this.uiCam.ignore(this.worldLayer);

    for (const l of GEO.labels) {
      if (l.kind === 'anchor') this.anchors.set(l.id as PowerId, { x: l.x, y: l.y });
      if (l.id === 'baku') this.target = { x: l.x, y: l.y };
    }

    // Hit-test polygons, smallest first (enclaves win).
    for (const c of GEO.countries) {
      for (const ring of c.polys) this.countryHits.push({ id: c.id, ring, bbox: ringBBox(ring) });
    }
    this.countryHits.sort((a, b) => ringArea(a.ring) - ringArea(b.ring));

    // Two baked world textures (painted in layout()/bake()): geography, then overlays.
    this.geoImage = this.add.image(GEO.box[0], GEO.box[1], '__DEFAULT').setOrigin(0, 0);
    this.overlayImage = this.add.image(GEO.box[0], GEO.box[1], '__DEFAULT').setOrigin(0, 0);
    this.gHover = this.add.graphics();
    this.worldLayer.add([this.geoImage, this.overlayImage, this.gHover]);

    // Screen-space: vignette and legend.
    this.vignette = this.add.image(0, 0, '__DEFAULT').setOrigin(0, 0);
    this.legendImage = this.add.image(0, 0, '__DEFAULT').setOrigin(0, 0);
    this.uiLayer.add([this.vignette, this.legendImage]);

    this.scale.on(ScaleEvents.RESIZE, this.layout, this);
    this.input.on(InputEvents.POINTER_MOVE, this.onPointerMove, this);
    this.input.on(InputEvents.POINTER_DOWN, (p: Phaser.Input.Pointer) => {
      this.downAt = { x: p.x, y: p.y };
    });
    this.input.on(InputEvents.POINTER_UP, this.onPointerUp, this);
    this.input.on(InputEvents.GAME_OUT, () => {
      this.lastPointer = null;
      this.setHover(null, { x: 0, y: 0 });
    });
    // The loop may be asleep: wake it so the ScaleManager sees size changes.
    window.addEventListener('resize', this.onWindowResize);
    const parent = this.scale.parent;
    if (parent instanceof HTMLElement && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.wakeFor(900));
      this.resizeObserver.observe(parent);
    }
    const cleanup = () => {
      this.scale?.off(ScaleEvents.RESIZE, this.layout, this);
      if (this.bakeTimer !== null) window.clearTimeout(this.bakeTimer);
      this.bakeTimer = null;
      window.removeEventListener('resize', this.onWindowResize);
      this.resizeObserver?.disconnect();
      this.resizeObserver = null;
    };
    this.events.once(SceneEvents.SHUTDOWN, cleanup);
    this.events.once(SceneEvents.DESTROY, cleanup);

    this.computeGeoms();
    this.layout(); // paints geography and overlays
    this.ready = true;
    // For bench:browser: when the map's first frame is on screen.
    this.game.events.once('postrender', () => performance.mark('caspian:map-first-frame'));
    this.lastJson = JSON.stringify(this.vm);
    this.renderDynamic(undefined, false);
  }

  // ------------------------------------------------------------------ layout

  private layout(): void {
    const w = this.scale.width;
    const h = this.scale.height;
    const boxW = GEO.box[2] - GEO.box[0];
    const boxH = GEO.box[3] - GEO.box[1];
    const contain = Math.min(w / WORLD_W, h / WORLD_H);
    const cover = Math.max(w / WORLD_W, h / WORLD_H);
    // Fill the screen, cropping at most a few % of the world; in a narrow or tall parent,
    // zoom in until the essential area (badges, routes, Baku) just fits; never show past
    // the baked extent.
    const ess = ESSENTIAL;
    const essential = Math.min(w / (ess[2] - ess[0]), h / (ess[3] - ess[1]));
    let z = Math.max(Math.min(cover, contain * 1.06), essential);
    z = Math.max(z, w / boxW, h / boxH);
    this.zoom = z;
    // Centre on the world, shifted as little as needed to keep the essential area in view.
    const hw = w / z / 2;
    const hh = h / z / 2;
    const clampC = (c: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, c)));
    let cx = clampC(WORLD_W / 2, ess[2] - hw, ess[0] + hw);
    let cy = clampC(WORLD_H / 2, ess[3] - hh, ess[1] + hh);
    cx = clampC(cx, GEO.box[0] + hw, GEO.box[2] - hw);
    cy = clampC(cy, GEO.box[1] + hh, GEO.box[3] - hh);
    this.center = { x: cx, y: cy };

    const main = this.cameras.main;
    main.setViewport(0, 0, w, h);
    main.setZoom(1);
    main.setScroll(0, 0);
    this.worldLayer.setScale(z);
    this.worldLayer.setPosition(w / 2 - cx * z, h / 2 - cy * z);
    this.uiCam.setViewport(0, 0, w, h);
    this.uiCam.setZoom(1);
    this.uiCam.setScroll(0, 0);

    // World textures at about screen resolution (Phaser's RESIZE canvas is 1 texel per CSS
    // px), covering the visible area; re-painted (debounced) when that no longer fits.
    const want = Math.min(2, Math.max(0.75, Math.ceil(z * 4) / 4));
    const ts = Math.round(clamp(0.86 / z, 1, 1.3) * 10) / 10;
    const view: Region = [cx - hw, cy - hh, cx + hw, cy + hh];
    const r = this.bakeRegion;
    const covered = view[0] >= r[0] && view[1] >= r[1] && view[2] <= r[2] && view[3] <= r[3];
    // Site labels are placed to stay inside the view: repaint when it moved noticeably.
    const v = this.paintedView;
    const moved = Math.max(Math.abs(view[0] - v[0]), Math.abs(view[1] - v[1]), Math.abs(view[2] - v[2]), Math.abs(view[3] - v[3])) > 40;
    if (!this.geoTex) this.bake(want, ts, view);
    else if (!covered || moved || Math.abs(want - this.bakeScale) > 0.2 || ts !== this.textScale) {
      // Debounced in real time (a window drag fires many resizes).
      if (this.bakeTimer !== null) window.clearTimeout(this.bakeTimer);
      this.bakeTimer = window.setTimeout(() => {
        this.bakeTimer = null;
        if (!this.sys.isActive()) return;
        this.bake(want, ts, view);
        this.wakeFor(300);
      }, 220);
    }

    // Legend: top-right, scaled a little with the screen.
    this.legendScale = clamp(Math.min(w / 1366, h / 768), 0.72, 1.25);
    // In a small map the key starts folded (its header stays, one click opens it).
    if (!this.legendTouched) this.legendCollapsed = w < 900 || h < 560;
    this.paintLegend();
    this.legendImage.setPosition(Math.round(w - LEGEND_W * this.legendScale - 12), 12);
    this.drawVignette(w, h);
    if (this.lastPointer) this.refreshHover();
    this.wakeFor(300);
  }

  private canvasTexture(key: string, width: number, height: number, current: Phaser.Textures.CanvasTexture | null) {
    if (current) {
      if (current.width === width && current.height === height) return current;
      // A new texture rather than setSize(): Phaser's canvas renderer keeps drawing a
      // resized texture with its first size's source rectangle.
      this.textures.remove(key);
    }
    const tex = this.textures.createCanvas(key, width, height);
    // Phaser copies the new canvas's pixels (width × height × 4 bytes) for its pixel
    // APIs, which the map never uses: releasing the copies saves ~10 MB of heap.
    if (tex) Object.assign(tex, { imageData: null, data: null, pixels: null, buffer: null });
    return tex;
  }

  /** (Re)paint the geography and the overlays for `view` (+ margin) at `scale` texels per world px. */
  private bake(scale: number, textScale: number, view: Region): void {
    const m = 24;
    const b = GEO.box;
    const region: Region = [
      Math.floor(Math.max(b[0], view[0] - m)),
      Math.floor(Math.max(b[1], view[1] - m)),
      Math.ceil(Math.min(b[2], view[2] + m)),
      Math.ceil(Math.min(b[3], view[3] + m)),
    ];
    // Stay within a texture size every GPU takes.
    const s = Math.min(scale, 4096 / (region[2] - region[0]), 4096 / (region[3] - region[1]));
    this.textScale = textScale;
    this.bakeRegion = region;
    this.paintedView = view;
    this.bakeScale = s;
    const { width, height } = regionSize(region, s);
    this.geoTex = this.canvasTexture(GEO_KEY, width, height, this.geoTex);
    this.overlayTex = this.canvasTexture(OVERLAY_KEY, width, height, this.overlayTex);
    if (!this.geoTex || !this.overlayTex) return;
    const ctx = this.geoTex.getContext();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    paintGeography(ctx, GEO, region, s);
    this.geoTex.refresh();
    for (const [img, key] of [
      [this.geoImage, GEO_KEY],
      [this.overlayImage, OVERLAY_KEY],
    ] as const) {
      // Re-point at the frame and take its size: the canvas renderer draws with the
      // game object's own size, which would otherwise keep the first bake's.
      img.setTexture(key, '__BASE');
      img.setSizeToFrame();
      img.setScale(1 / s);
      img.setPosition(region[0], region[1]);
    }
    this.paintOverlayTexture();
  }

  private paintOverlayTexture(): void {
    const tex = this.overlayTex;
    if (!tex) return;
    const t0 = performance.now();
    const ctx = tex.getContext();
    const s = this.bakeScale;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, tex.width, tex.height);
    const r = this.bakeRegion;
    ctx.setTransform(s, 0, 0, s, -r[0] * s, -r[1] * s);
    const pen = new CanvasPen(ctx);
    const badges: BadgeSpec[] = [];
    const byId = new Map(this.vm.powers.map((p) => [p.id, p]));
    for (const id of POWER_IDS) {
      const at = this.anchors.get(id);
      if (!at) continue;
      const power = byId.get(id);
      badges.push({
        id,
        at,
        power,
        name: power?.name ?? DEFAULT_NAMES[id],
        hint: GEO.labels.find((l) => l.id === id)?.hint ?? '',
        side: BADGE_LABEL[id],
      });
    }
    // Bands, routes and site icons under the static labels; site labels and badges on top.
    paintLines(pen, this.routeGeoms, this.bandGeoms);
    paintSites(pen, this.featureGeoms);
    this.labelBoxes = paintStaticLabels(pen, GEO, this.textScale);
    paintTop(pen, this.featureGeoms, badges, this.labelBoxes, this.textScale, this.paintedView);
    this.lastPaintMs = performance.now() - t0;
    tex.refresh();
  }

  private paintLegend(): void {
    const s = this.legendScale;
    const width = Math.ceil((LEGEND_W + 4) * s);
    const height = Math.ceil((LEGEND_FULL_H + 4) * s);
    if (!this.legendTex || Math.abs(s - this.legendPaintScale) > 0.01) {
      this.legendTex = this.canvasTexture(LEGEND_KEY, width, height, this.legendTex);
    }
    const tex = this.legendTex;
    if (!tex) return;
    const ctx = tex.getContext();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, tex.width, tex.height);
    ctx.setTransform(s, 0, 0, s, 0, 0);
    const names = { ...DEFAULT_NAMES };
    for (const p of this.vm.powers) names[p.id] = p.name;
    paintLegend(new CanvasPen(ctx), names, this.legendCollapsed);
    tex.refresh();
    this.legendPaintScale = s;
    this.legendImage.setTexture(LEGEND_KEY);
  }

  /** Four soft dark edges, painted with Canvas 2D gradients into a texture: Graphics'
   *  gradient fills exist only in WebGL, and the map runs on the canvas renderer too. */
  private drawVignette(w: number, h: number): void {
    if (w < 1 || h < 1) return;
    const tex = this.canvasTexture(VIGNETTE_KEY, w, h, this.vignetteTex);
    this.vignetteTex = tex;
    if (!tex) return;
    const ctx = tex.getContext();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const d = Math.round(Math.min(w, h) * 0.08);
    const c = cssColor(MAP.seaDeep);
    const edge = (x0: number, y0: number, x1: number, y1: number, rx: number, ry: number, rw: number, rh: number) => {
      const g = ctx.createLinearGradient(x0, y0, x1, y1);
      g.addColorStop(0, c);
      g.addColorStop(1, 'rgba(0,0,0,0)');
      ctx.globalAlpha = 0.55;
      ctx.fillStyle = g;
      ctx.fillRect(rx, ry, rw, rh);
    };
    edge(0, 0, 0, d, 0, 0, w, d);
    edge(0, h, 0, h - d, 0, h - d, w, d);
    edge(0, 0, d, 0, 0, 0, d, h);
    edge(w, 0, w - d, 0, w - d, 0, d, h);
    ctx.globalAlpha = 1;
    tex.refresh();
    this.vignette.setTexture(VIGNETTE_KEY, '__BASE');
    this.vignette.setSizeToFrame();
  }

  // ------------------------------------------------------------------ dynamic

  private computeGeoms(): void {
    const vm = this.vm;
    // Operating routes keep the true line; others take side lanes in shared corridors.
    const laneRank: Record<MapRoute['status'], number> = { operating: 0, disrupted: 1, building: 2, planned: 3, closed: 4 };
    const ordered = [...vm.routes].sort((a, b) => laneRank[a.status] - laneRank[b.status] || a.id.localeCompare(b.id));
    const smoothed = ordered.map((route) =>
      smoothPath(
        route.path.map(([lon, lat]) => {
          const [x, y] = project(lon, lat);
          return { x, y };
        }),
        5,
      ),
    );
    const laned = laneOffsets(smoothed, 9);
    this.routeGeoms = ordered.map((route, i) => ({ route, pts: laned[i] ?? [], width: ROUTE_WIDTH[route.kind] }));

    this.bandGeoms = [];
    for (const power of vm.powers) {
      const a = this.anchors.get(power.id);
      if (!a) continue;
      const t = this.target;
      const ang = (BAND_APPROACH[power.id] * Math.PI) / 180;
      const ax = Math.cos(ang);
      const ay = Math.sin(ang);
      const stop = BAND_STOP[power.id];
      const e = { x: t.x + ax * stop, y: t.y + ay * stop };
      const dx = e.x - a.x;
      const dy = e.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      const s = { x: a.x + (dx / len) * (BADGE_R + 12), y: a.y + (dy / len) * (BADGE_R + 12) };
      const c1 = { x: s.x + dx * 0.33, y: s.y + dy * 0.33 };
      const c2 = { x: e.x + ax * len * 0.3, y: e.y + ay * len * 0.3 };
      this.bandGeoms.push({ power, pts: cubicBezier(s, c1, c2, e, 48), width: influenceWidth(power.influence) });
    }

    const contact = flatToXY(GEO.contact);
    this.featureGeoms = vm.features.map((feature) => {
      const [x, y] = project(feature.at[0], feature.at[1]);
      // A front near the built-in line of contact is drawn along it.
      const line = feature.kind === 'front' && contact.length > 1 && distToPolyline(x, y, contact) < 60 ? contact : null;
      return { feature, x, y, line };
    });
  }

  private renderDynamic(prev: MapViewModel | undefined, repaint = true): void {
    const t0 = performance.now();
    this.renders++;
    this.computeGeoms();
    if (repaint) this.paintOverlayTexture();
    const names = prev ? prev.powers.map((p) => p.name).join('|') : '';
    if (prev && names !== this.vm.powers.map((p) => p.name).join('|')) this.paintLegend();
    this.clearPulses();
    this.spawnPulses(prev);
    this.refreshHover();
    this.renderedVm = this.vm;
    this.lastRenderMs = performance.now() - t0;
  }

  // ------------------------------------------------------------------ pulses

  private clearPulses(): void {
    for (const o of this.pulses) {
      this.tweens.killTweensOf(o);
      o.destroy();
    }
    this.pulses = [];
  }

  private track<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.worldLayer.add(o);
    this.pulses.push(o);
    return o;
  }

  /** Tween a pulse object; it is destroyed when the tween ends. */
  private pulseTween(target: Phaser.GameObjects.GameObject, cfg: Omit<Phaser.Types.Tweens.TweenBuilderConfig, 'targets'>): void {
    this.tweens.add({
      ...cfg,
      targets: target,
      onComplete: () => {
        this.pulses = this.pulses.filter((o) => o !== target);
        target.destroy();
      },
    });
  }

  private ring(x: number, y: number, r: number, color: number, delay = 0): void {
    const g = this.track(this.add.graphics({ x, y }));
    g.lineStyle(3, color, 1);
    g.strokeCircle(0, 0, r);
    g.setAlpha(0);
    this.pulseTween(g, { scale: { from: 0.8, to: 2 }, alpha: { from: 0.95, to: 0 }, duration: 1000, delay, repeat: 2, ease: 'Cubic.easeOut' });
  }

  private floatText(x: number, y: number, s: string, color: string, dir = -1): void {
    const t = this.track(
      this.add.text(x, y, s, {
        fontFamily: FONT,
        fontSize: '18px',
        fontStyle: 'bold',
        color,
        stroke: '#0b1620',
        strokeThickness: 4,
        resolution: Math.max(1, this.zoom * (window.devicePixelRatio || 1)),
      }),
    );
    t.setOrigin(0.5, 1);
    this.pulseTween(t, { y: y + dir * 34, alpha: { from: 1, to: 0 }, duration: 2400, delay: 300, ease: 'Sine.easeOut' });
  }

  private spawnPulses(prev: MapViewModel | undefined): void {
    const prevPower = new Map((prev?.powers ?? []).map((p) => [p.id, p]));
    const prevRoute = new Map((prev?.routes ?? []).map((r) => [r.id, r]));
    for (const p of this.vm.powers) {
      if (!p.changed) continue;
      const a = this.anchors.get(p.id);
      if (!a) continue;
      this.ring(a.x, a.y, BADGE_R + 6, 0xffffff);
      const band = this.bandGeoms.find((b) => b.power.id === p.id);
      if (band) {
        const g = this.track(this.add.graphics());
        drawPowerBand(g, band.pts, band.width + 6, 0xffffff, 'friendly', 0.9);
        g.setAlpha(0);
        this.pulseTween(g, { alpha: { from: 0.55, to: 0 }, duration: 700, yoyo: false, repeat: 2, ease: 'Sine.easeOut' });
      }
      const before = prevPower.get(p.id);
      if (before) {
        const d = Math.round(p.relation - before.relation);
        const color = d > 0 ? '#8fd6ff' : '#ffab73';
        // Near the top edge the delta sinks below the badge instead of rising off-screen.
        if (d !== 0 && a.y < 180) this.floatText(a.x, a.y + BADGE_R + 34, signed(d), color, 1);
        else if (d !== 0) this.floatText(a.x, a.y - BADGE_R - 12, signed(d), color);
      }
    }
    for (const r of this.routeGeoms) {
      if (!r.route.changed) continue;
      const g = this.track(this.add.graphics());
      drawRouteGlow(g, r.pts, r.width, routeColor(r.route.kind, r.route.status), 1);
      g.setAlpha(0);
      this.pulseTween(g, { alpha: { from: 0, to: 1 }, duration: 500, yoyo: true, repeat: 2, ease: 'Sine.easeInOut' });
      const before = prevRoute.get(r.route.id);
      if (before && before.status !== r.route.status) {
        const mid = pointAlong(r.pts, polylineLength(r.pts) / 2);
        this.floatText(mid.x, mid.y - 10, STATUS_LABEL[r.route.status], '#ffffff');
      }
    }
    for (const f of this.featureGeoms) {
      if (!f.feature.changed) continue;
      if (f.line) {
        const g = this.track(this.add.graphics());
        drawRouteGlow(g, f.line, 4, 0xff9d5c, 1);
        g.setAlpha(0);
        this.pulseTween(g, { alpha: { from: 0, to: 1 }, duration: 500, yoyo: true, repeat: 2 });
      } else this.ring(f.x, f.y, 14, 0xffe9a8);
    }
  }

  // ------------------------------------------------------------------ hover

  private hitTest(sx: number, sy: number): Target | null {
    const { x, y } = this.screenToWorld(sx, sy);
    const tol = 7 / this.zoom;
    for (const id of POWER_IDS) {
      const a = this.anchors.get(id);
      if (a && this.vm.powers.some((p) => p.id === id) && Math.hypot(x - a.x, y - a.y) < BADGE_R + 10) return { kind: 'power', id };
    }
    for (const f of this.featureGeoms) {
      if (f.line) {
        if (distToPolyline(x, y, f.line) < 6 + tol) return { kind: 'feature', id: f.feature.id };
      } else if (Math.hypot(x - f.x, y - f.y) < 12 + tol) return { kind: 'feature', id: f.feature.id };
    }
    let best: RouteGeom | null = null;
    let bestD = Infinity;
    for (const r of this.routeGeoms) {
      const d = distToPolyline(x, y, r.pts);
      if (d < r.width / 2 + tol && d < bestD) {
        best = r;
        bestD = d;
      }
    }
    if (best) return { kind: 'route', id: best.route.id };
    for (const b of this.bandGeoms) {
      if (distToPolyline(x, y, b.pts) < b.width / 2 + 2) return { kind: 'power', id: b.power.id };
    }
    if (this.karabakhRing.length >= 6 && pointInRing(x, y, this.karabakhRing)) return { kind: 'country', id: 'karabakh' };
    for (const c of this.countryHits) {
      const b = c.bbox;
      if (x < b.x0 || x > b.x1 || y < b.y0 || y > b.y1) continue;
      if (pointInRing(x, y, c.ring)) return { kind: 'country', id: c.id };
    }
    return null;
  }

  private describe(t: Target): { title: string; lines: string[] } | null {
    const vm = this.vm;
    switch (t.kind) {
      case 'power': {
        const p = vm.powers.find((q) => q.id === t.id);
        if (!p) return null;
        return {
          title: p.name,
          lines: [`Relation: ${signed(p.relation)} (${relationBand(p.relation)})`, `Influence: ${Math.round(p.influence)} / 100`],
        };
      }
      case 'route': {
        const r = vm.routes.find((q) => q.id === t.id);
        if (!r) return null;
        const kind = r.kind === 'oil' ? 'Oil pipeline' : r.kind === 'gas' ? 'Gas pipeline' : 'Railway';
        return {
          title: r.name,
          lines: [
            `${kind} \u00b7 ${STATUS_LABEL[r.status]}`,
            `Capacity: ${r.capacity.toLocaleString('en-US')}`,
            `Transit: ${r.transit.length ? r.transit.join(' \u2192 ') : 'none'}`,
            `Revenue: $${r.revenue.toLocaleString('en-US')}M / turn`,
          ],
        };
      }
      case 'feature': {
        const f = vm.features.find((q) => q.id === t.id);
        if (!f) return null;
        const lines = f.text ? [f.text] : [];
        if (!f.active) lines.push('Inactive');
        return { title: f.name, lines };
      }
      case 'country': {
        if (t.id === 'karabakh') {
          return {
            title: 'Nagorno-Karabakh',
            lines: ['Former autonomous oblast of Azerbaijan, disputed', 'Outline approximate'],
          };
        }
        const c = GEO.countries.find((q) => q.id === t.id);
        if (!c) return null;
        if (c.role === 'focus') {
          return {
            title: c.name,
            lines: [`Sovereignty: ${Math.round(vm.azerbaijan.sovereignty)}`, `Stability: ${Math.round(vm.azerbaijan.stability)}`],
          };
        }
        const p = vm.powers.find((q) => q.id === c.id);
        if (p) {
          return {
            title: p.name,
            lines: [`Relation: ${signed(p.relation)} (${relationBand(p.relation)})`, `Influence: ${Math.round(p.influence)} / 100`],
          };
        }
        return { title: c.name, lines: [c.role === 'neighbor' ? 'Neighbour in the South Caucasus' : 'Neutral'] };
      }
    }
  }

  private onLegend(sx: number, sy: number): { lx: number; ly: number } | null {
    const img = this.legendImage;
    const k = this.legendScale;
    const lx = (sx - img.x) / k;
    const ly = (sy - img.y) / k;
    return onLegendPanel(lx, ly, this.legendCollapsed) ? { lx, ly } : null;
  }

  private onPointerMove(p: Phaser.Input.Pointer): void {
    this.lastPointer = { x: p.x, y: p.y };
    const l = this.onLegend(p.x, p.y);
    if (l) {
      this.setHover(null, { x: p.x, y: p.y });
      this.input.setDefaultCursor(legendHeader(l.lx, l.ly, this.legendCollapsed) ? 'pointer' : 'default');
      return;
    }
    this.setHover(this.hitTest(p.x, p.y), { x: p.x, y: p.y });
  }

  private onPointerUp(p: Phaser.Input.Pointer): void {
    const down = this.downAt;
    this.downAt = null;
    if (down && Math.hypot(p.x - down.x, p.y - down.y) > 6) return;
    const l = this.onLegend(p.x, p.y);
    if (l) {
      if (legendHeader(l.lx, l.ly, this.legendCollapsed)) {
        this.legendCollapsed = !this.legendCollapsed;
        this.legendTouched = true;
        this.paintLegend();
        this.wakeFor(200);
      }
      return;
    }
    const t = this.hitTest(p.x, p.y);
    if (t && (t.kind === 'country' || t.kind === 'power')) this.handlers.onSelectCountry(t.id);
  }

  private sameTarget(a: Target | null, b: Target | null): boolean {
    return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
  }

  /** Canvas px → viewport (client) px, what a fixed-position tooltip needs. */
  private toClient(p: { x: number; y: number }): { x: number; y: number } {
    const r = this.game.canvas.getBoundingClientRect();
    const kx = this.scale.width > 0 ? r.width / this.scale.width : 1;
    const ky = this.scale.height > 0 ? r.height / this.scale.height : 1;
    return { x: r.left + p.x * kx, y: r.top + p.y * ky };
  }

  /** `at` is in canvas px; handlers get viewport (client) px. */
  private setHover(t: Target | null, at: { x: number; y: number }): void {
    const changed = !this.sameTarget(t, this.hovered);
    this.hovered = t;
    const info = t ? this.describe(t) : null;
    if (changed) {
      this.wakeFor(200);
      this.drawHover();
      this.input.setDefaultCursor(t && (t.kind === 'country' || t.kind === 'power') ? 'pointer' : 'default');
    }
    if (info || changed) this.handlers.onHover(info, this.toClient(at));
  }

  /** After an update: re-describe what is under the pointer. */
  private refreshHover(): void {
    if (!this.lastPointer) {
      this.drawHover();
      return;
    }
    const t = this.onLegend(this.lastPointer.x, this.lastPointer.y) ? null : this.hitTest(this.lastPointer.x, this.lastPointer.y);
    this.hovered = null;
    this.setHover(t, this.lastPointer);
  }

  private drawHover(): void {
    const g = this.gHover;
    g.clear();
    const t = this.hovered;
    if (!t) return;
    if (t.kind === 'route') {
      const r = this.routeGeoms.find((q) => q.route.id === t.id);
      if (r) {
        drawRouteGlow(g, r.pts, r.width, routeColor(r.route.kind, r.route.status), 0.9);
        drawRoute(g, r.pts, r.route.kind, r.route.status);
      }
    } else if (t.kind === 'feature') {
      const f = this.featureGeoms.find((q) => q.feature.id === t.id);
      if (f?.line) drawRouteGlow(g, f.line, 4, 0xffffff, 0.7);
      else if (f) {
        g.lineStyle(2.5, 0xffffff, 0.9);
        g.strokeCircle(f.x, f.y, 16);
      }
    } else if (t.kind === 'power') {
      const a = this.anchors.get(t.id);
      if (a) {
        g.lineStyle(2.5, 0xffffff, 0.9);
        g.strokeCircle(a.x, a.y, BADGE_R + 13);
      }
    } else {
      const rings = t.id === 'karabakh' ? [this.karabakhRing] : (GEO.countries.find((c) => c.id === t.id)?.polys ?? []);
      g.lineStyle(5, 0xffffff, 0.18);
      for (const r of rings) this.strokeRing(g, r);
      g.lineStyle(2, 0xffffff, 0.85);
      for (const r of rings) this.strokeRing(g, r);
    }
  }

  private strokeRing(g: Phaser.GameObjects.Graphics, flat: number[]): void {
    if (flat.length < 6) return;
    g.beginPath();
    g.moveTo(flat[0] as number, flat[1] as number);
    for (let i = 2; i + 1 < flat.length; i += 2) g.lineTo(flat[i] as number, flat[i + 1] as number);
    g.closePath();
    g.strokePath();
  }
}

/**
 * Mount the map into `parent` (it fills the element and follows its size).
 */
export function startMap(parent: HTMLElement, initial: MapViewModel, handlers: MapHandlers): MapController {
  const scene = new MapScene({ initial, handlers });
  const game = new Game({
    // The canvas renderer: the map is a few pre-painted textures, which Canvas 2D draws
    // at 60 fps even without a GPU (school machines, headless tests), where software
    // WebGL spends ~30 ms a frame on compositing alone (measured with bench:browser).
    type: CANVAS,
    parent,
    backgroundColor: cssColor(MAP.seaDeep),
    banner: false,
    audio: { noAudio: true },
    scale: {
      mode: ScaleModes.RESIZE,
      width: parent.clientWidth || 1366,
      height: parent.clientHeight || 768,
    },
    render: { antialias: true, antialiasGL: true },
    // Phaser's built-in placeholder textures are `data:` URLs, which a strict CSP refuses:
    // a one-pixel file of our own instead (the map never shows them).
    images: { default: BLANK_PNG, missing: BLANK_PNG, white: BLANK_PNG },
    scene: [scene],
  });
  let destroyed = false;
  return {
    game,
    update(vm: MapViewModel) {
      if (!destroyed) scene.setViewModel(vm);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      game.destroy(true);
    },
  };
}
