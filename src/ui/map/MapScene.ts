/**
 * The Caucasus map: a Phaser 4 scene on the canvas renderer.
 *
 * - Geography and overlays are painted with Canvas 2D into two world textures (see
 *   layers.ts); a frame copies them and a few small images (hover, pulses, legend).
 * - A new view model is applied a frame or two after it arrives, never inside the click
 *   that caused it: the panels' frame and the map's repaint fall in different frames, and
 *   the pulses start in the frame after the repaint.
 * - The game loop sleeps when nothing moves; input, updates, resizes and tweens wake it.
 * - What the overlay shows comes from content.ts; the pointer (hover, click, the key's
 *   header) is pointer.ts, hit-tested against the drawn geometry (hover.ts); the key on
 *   screen is legendImage.ts.
 * - Given the poster (poster.ts: the first frame, painted before Phaser loaded), the scene
 *   shows the poster's layers (painted for the poster's view) instead of painting its own,
 *   and takes the poster off the page after its first frame (start.ts).
 */
import type Phaser from 'phaser';
import { MapContent } from './content.ts';
import { describe, type Target } from './describe.ts';
import { GEO } from './geography.ts';
import { pointAlong, polylineLength, type XY } from './geometry.ts';
import { type HitGeoms, HitTester, HoverHighlight } from './hover.ts';
import { bakeFor, type OverlayContent, WorldLayers } from './layers.ts';
import { LegendImage } from './legendImage.ts';
import { badgeRadius } from './overlay.ts';
import { cssColor, MAP } from './palette.ts';
import type * as Lean from './phaser/lean.ts';
import { MapPointer } from './pointer.ts';
import type { Poster } from './poster.ts';
import { project } from './projection.ts';
import { Pulses } from './pulses.ts';
import { place, showKey, showLayers } from './textures.ts';
import type { MapHandlers, MapViewModel, PowerId } from './types.ts';
import { fitView, type ViewFit, type WorldView, worldView } from './view.ts';

const NOOP_HANDLERS: MapHandlers = { onHover: () => {}, onSelectCountry: () => {} };
const EMPTY_VM: MapViewModel = { powers: [], routes: [], features: [], pressures: [], azerbaijan: { sovereignty: 0, stability: 0 } };

export interface MapSceneOptions {
  initial?: MapViewModel;
  handlers?: MapHandlers;
  /** The first frame already on screen, whose canvases the scene shows (poster.ts). */
  poster?: Poster;
  /** Called after Phaser has drawn the scene's first frame. */
  onFirstFrame?: () => void;
}

/** Phaser's parts the map uses (phaser/lean.ts): loaded after the poster's chunk, passed in. */
export type PhaserLean = typeof Lean;

/**
 * The scene's class, on the Phaser that `lean` is: a function, so that this module (in the
 * poster's chunk) does not import Phaser; start.ts defines the class once Phaser is in.
 */
export function defineMapScene({ Scene, InputEvents, ScaleEvents, SceneEvents, WEBGL }: PhaserLean) {
  return class MapScene extends Scene {
    private vm: MapViewModel;
    private handlers: MapHandlers;
    private lastJson = '';
    private ready = false;
    private renders = 0;
    private lastRenderMs = 0;

    /** Where the world is on screen (its images are placed by it: textures.ts). */
    private view: WorldView = { zoom: 1, x: 0, y: 0 };
    private geoImage!: Phaser.GameObjects.Image;
    private overlayImage!: Phaser.GameObjects.Image;
    private legendImage!: Phaser.GameObjects.Image;
    private layers!: WorldLayers;
    private legend!: LegendImage;
    private hover!: HoverHighlight;
    private hits!: HitTester;
    private pulses!: Pulses;

    private fit: ViewFit | null = null;
    private laidOut = { w: -1, h: -1 };
    private overlay: MapContent;
    private readonly poster: Poster | null;
    private readonly onFirstFrame: (() => void) | undefined;

    /** A view model waiting to be drawn, and the one drawn before it (for the pulses). */
    private dirty = false;
    /** False until the frame after the one in which the update arrived. */
    private ripe = false;
    private drawnVm: MapViewModel | undefined;
    /** Pulses wait for the frame after the repaint. */
    private pulsesFrom: { prev: MapViewModel | undefined } | null = null;
    private bakeTimer: number | null = null;

    private idleSleep = true;
    private awakeUntil = 0;
    private resizeObserver: ResizeObserver | null = null;
    private onWindowResize = () => this.wakeFor(900);
    private pointer!: MapPointer;

    constructor(opts: MapSceneOptions = {}) {
      super({ key: 'MapScene' });
      this.vm = opts.initial ?? EMPTY_VM;
      this.handlers = opts.handlers ?? NOOP_HANDLERS;
      this.poster = opts.poster ?? null;
      this.onFirstFrame = opts.onFirstFrame;
      this.overlay = this.poster?.content ?? new MapContent(GEO);
    }

    // ------------------------------------------------------------------ public

    /** Apply a new view model: cheap, a no-op if nothing changed; drawn a frame or two later. */
    setViewModel(vm: MapViewModel): void {
      const json = JSON.stringify(vm);
      if (json === this.lastJson) return;
      this.vm = vm;
      this.lastJson = json;
      if (!this.ready) return;
      this.dirty = true;
      this.ripe = false;
      // Not in this task (the click that ended the turn): the panels get the next frame,
      // the map the one after.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          this.ripe = true;
          this.wakeFor(500);
        }),
      );
    }

    setHandlers(h: MapHandlers): void {
      this.handlers = h;
    }

    /** World px → screen px (relative to the canvas / parent element). */
    worldToScreen(wx: number, wy: number): XY {
      const f = this.fit;
      if (!f) return { x: 0, y: 0 };
      return { x: (wx - f.center.x) * f.zoom + this.scale.width / 2, y: (wy - f.center.y) * f.zoom + this.scale.height / 2 };
    }

    screenToWorld(sx: number, sy: number): XY {
      const f = this.fit;
      if (!f) return { x: 0, y: 0 };
      return { x: (sx - this.scale.width / 2) / f.zoom + f.center.x, y: (sy - this.scale.height / 2) / f.zoom + f.center.y };
    }

    /** Viewport (client) px of a lon/lat point. */
    screenOf(lon: number, lat: number): XY {
      const [x, y] = project(lon, lat);
      return this.toClient(this.worldToScreen(x, y));
    }

    /** A point on the drawn route, in viewport px (for tests and tutorials). */
    routeScreenPoint(id: string, at = 0.5): XY | null {
      const g = this.overlay.route(id);
      if (!g) return null;
      const p = pointAlong(g.pts, polylineLength(g.pts) * at);
      return this.toClient(this.worldToScreen(p.x, p.y));
    }

    /** A power's badge, in viewport px. */
    badgeScreenPoint(id: PowerId): XY | null {
      const a = this.overlay.anchors.badges.get(id);
      return a ? this.toClient(this.worldToScreen(a.x, a.y)) : null;
    }

    /** A site, in viewport px (null when it is not on the map). */
    featureScreenPoint(id: string): XY | null {
      const f = this.content().features.find((g) => g.feature.id === id);
      return f ? this.toClient(this.worldToScreen(f.x, f.y)) : null;
    }

    isReady(): boolean {
      return this.ready;
    }

    /** Keep the game loop running for at least `ms` (it sleeps when nothing moves). */
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
      if (this.pulsesFrom) {
        const { prev } = this.pulsesFrom;
        this.pulsesFrom = null;
        this.pulses.clear();
        this.pulses.spawn(this.vm, prev, this.hitGeoms(), this.fit?.zoom ?? 1);
      } else this.pulses.step(4);
      if (this.dirty && this.ripe) {
        this.dirty = false;
        const t0 = performance.now();
        this.renders++;
        this.layers.paintOverlay(this.content());
        if (this.vm.powers.map((p) => p.name).join() !== this.drawnVm?.powers.map((p) => p.name).join()) this.legend.paint(this.vm);
        this.pulsesFrom = { prev: this.drawnVm };
        this.drawnVm = this.vm;
        this.pointer.refresh();
        this.lastRenderMs = performance.now() - t0;
      }
      if (!this.idleSleep) return;
      const busy = this.dirty || this.pulsesFrom !== null || this.pulses.count > 0 || this.bakeTimer !== null || this.tweens.getTweens().length > 0;
      if (!busy && performance.now() > this.awakeUntil) this.game.loop.sleep();
    }

    /** Counters for tests and profiling. */
    debugState() {
      return {
        lastPaintMs: this.layers?.lastPaintMs ?? 0,
        /** Duration of the last overlay update: geometry, paint, hover (ms). */
        lastRenderMs: this.lastRenderMs,
        running: this.game.loop.running,
        zoom: this.fit?.zoom ?? 0,
        pulses: this.pulses?.count ?? 0,
        renders: this.renders,
        width: this.scale.width,
        height: this.scale.height,
        bakeScale: this.layers?.bake?.scale ?? 0,
        webgl: this.game.renderer.type === WEBGL,
        legendCollapsed: this.legend?.collapsed ?? false,
        /** A power badge's radius on screen (px). */
        badgeRadius: badgeRadius(this.fit?.textScale ?? 1) * (this.fit?.zoom ?? 1),
      };
    }

    // ------------------------------------------------------------------ setup

    create(): void {
      performance.mark('caspian:map-create'); // for bench:browser: Phaser has booted
      // Its own compositing layer: a frame of the map repaints the map only, not the
      // panels round it (without a GPU, Chromium otherwise repaints the whole page).
      this.game.canvas.style.willChange = 'transform';
      this.cameras.main.setBackgroundColor(cssColor(MAP.seaDeep));
      // The world's images are placed and scaled by the view one by one (view.ts, onScreen);
      // the camera stays at zoom 1.
      this.geoImage = this.add.image(0, 0, '__DEFAULT').setOrigin(0, 0);
      this.overlayImage = this.add.image(0, 0, '__DEFAULT').setOrigin(0, 0);
      const hoverImage = this.add.image(0, 0, '__DEFAULT').setOrigin(0, 0);
      // Screen space, above the world and its pulses.
      this.legendImage = this.add.image(0, 0, '__DEFAULT').setOrigin(0, 0).setDepth(1);
      this.legend = this.poster?.legend ?? new LegendImage();
      this.legend.show = (key) => showKey(this.textures, this.legendImage, key);
      this.layers = this.poster?.layers ?? new WorldLayers(GEO);
      this.hover = new HoverHighlight(this.textures, hoverImage, GEO);
      this.hits = new HitTester(GEO);
      this.pulses = new Pulses(this, () => this.view);

      this.scale.on(ScaleEvents.RESIZE, this.layout, this);
      this.pointer = new MapPointer({
        legend: this.legend,
        targetAt: (x, y) => this.targetAt(x, y),
        describe: (t) => describe(t, this.vm, GEO),
        handlers: () => this.handlers,
        toClient: (p) => this.toClient(p),
        setCursor: (c) => this.input.setDefaultCursor(c),
        drawHover: (t) => this.drawHover(t),
        legendToggled: () => this.legend.toggle(this.vm),
        wakeFor: (ms) => this.wakeFor(ms),
      });
      this.input.on(InputEvents.POINTER_MOVE, (p: Phaser.Input.Pointer) => this.pointer.move(p));
      this.input.on(InputEvents.POINTER_DOWN, (p: Phaser.Input.Pointer) => this.pointer.down(p));
      this.input.on(InputEvents.POINTER_UP, (p: Phaser.Input.Pointer) => this.pointer.up(p));
      this.input.on(InputEvents.GAME_OUT, () => this.pointer.out());
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

      this.ready = true;
      this.lastJson = JSON.stringify(this.vm);
      this.drawnVm = this.vm;
      this.layout(); // paints the geography and the overlay, or shows the poster's
      const first = this.onFirstFrame;
      if (first) this.game.events.once('postrender', first);
    }

    // ------------------------------------------------------------------ layout

    private layout(): void {
      const w = this.scale.width;
      const h = this.scale.height;
      // Phaser announces a resize once it is ready even when the size has not changed:
      // nothing to lay out or paint again.
      if (w === this.laidOut.w && h === this.laidOut.h) return;
      this.laidOut = { w, h };
      const first = this.fit === null;
      // The poster was painted for the size Phaser found: show its canvases as they are.
      const poster = first && this.poster?.width === w && this.poster.height === h ? this.poster : null;
      const fit = poster?.fit ?? fitView(w, h, GEO.box);
      this.fit = fit;
      this.cameras.main.setViewport(0, 0, w, h);
      this.view = worldView(fit, w, h);
      // Until the textures are painted again for it, the old ones are shown at the new view.
      const bake = this.layers.bake;
      if (bake) for (const img of [this.geoImage, this.overlayImage]) place(img, bake.region[0], bake.region[1], bake.scale, this.view);
      // Repaint the textures for the new view; while a window is dragged, only once it settles.
      if (this.bakeTimer !== null) window.clearTimeout(this.bakeTimer);
      this.bakeTimer = null;
      if (poster) this.adopt(poster);
      else if (first) this.bake();
      else {
        this.bakeTimer = window.setTimeout(() => {
          this.bakeTimer = null;
          if (!this.sys.isActive()) return;
          this.bake();
          this.wakeFor(300);
        }, 220);
      }
      if (poster) showKey(this.textures, this.legendImage, this.legend);
      else this.legend.layout(w, h, this.vm);
      if (this.pointer.over) this.pointer.refresh();
      this.wakeFor(300);
    }

    private bake(): void {
      const fit = this.fit;
      if (!fit) return;
      this.overlay.fitTo(fit);
      this.layers.paintAll(bakeFor(fit), this.content());
      showLayers(this.textures, this.geoImage, this.overlayImage, this.layers, this.view);
      this.pointer.refresh();
    }

    /**
     * Shows the poster's layers. A view model that arrived after the poster was painted is
     * drawn on the next frame, as an update (its changes pulse).
     */
    private adopt(poster: Poster): void {
      poster.ensureLayers();
      showLayers(this.textures, this.geoImage, this.overlayImage, this.layers, this.view);
      this.drawnVm = poster.vm;
      if (JSON.stringify(poster.vm) !== this.lastJson) {
        this.dirty = true;
        this.ripe = true;
      }
      this.pointer.refresh();
    }

    // ------------------------------------------------------------------ content

    /** What the overlay shows, for the current view model (content.ts). */
    private content(): OverlayContent {
      return this.overlay.of(this.vm);
    }

    private hitGeoms(): HitGeoms {
      return this.overlay.hitGeoms(this.vm, this.fit?.textScale ?? 1);
    }

    // ------------------------------------------------------------------ input (pointer.ts)

    private targetAt(sx: number, sy: number): Target | null {
      if (this.legend.at(sx, sy)) return null;
      const { x, y } = this.screenToWorld(sx, sy);
      return this.hits.at(x, y, 7 / (this.fit?.zoom ?? 1), this.hitGeoms());
    }

    /** Canvas px → viewport (client) px, what a fixed-position tooltip needs. */
    private toClient(p: XY): XY {
      const r = this.game.canvas.getBoundingClientRect();
      const kx = this.scale.width > 0 ? r.width / this.scale.width : 1;
      const ky = this.scale.height > 0 ? r.height / this.scale.height : 1;
      return { x: r.left + p.x * kx, y: r.top + p.y * ky };
    }

    private drawHover(t: Target | null): void {
      const bake = this.layers.bake;
      if (!bake) return;
      this.hover.show(t, this.hitGeoms(), bake.scale, bake.region, this.view);
    }
  };
}

export type MapScene = InstanceType<ReturnType<typeof defineMapScene>>;
