/**
 * What changed on a turn pulses for a few seconds: a ring round a power's badge, a glow
 * along its arrow or a route, the relation's change floating up, a route's new status.
 * Each pulse is painted once into a small canvas and then only moved and faded by a
 * tween, so an animating frame copies a few small images and paints nothing.
 */
import type Phaser from 'phaser';
import { drawPowerBand, drawRouteGlow, routeColor } from './draw.ts';
import { paddedBox, pointAlong, polylineLength, type XY } from './geometry.ts';
import type { BandGeom, FeatureGeom, RouteGeom } from './overlay.ts';
import { STATUS_LABEL, signed } from './palette.ts';
import { CanvasPen } from './pen.ts';
import { canvasTexture } from './textures.ts';
import type { MapViewModel, PowerId } from './types.ts';
import { onScreen, type WorldView } from './view.ts';

type Tween = Omit<Phaser.Types.Tweens.TweenBuilderConfig, 'targets'>;

export class Pulses {
  private live: { image: Phaser.GameObjects.Image; key: string }[] = [];
  private serial = 0;
  /** Pulses planned and not yet started: started a few per frame (see step). */
  private queue: (() => void)[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    /** Where the world is on screen now (pulses are screen images placed by it). */
    private readonly view: () => WorldView,
  ) {}

  /** Pulses running or waiting to start. */
  get count(): number {
    return this.live.length + this.queue.length;
  }

  clear(): void {
    for (const p of this.live) this.destroy(p);
    this.live = [];
    this.queue = [];
  }

  /** Starts waiting pulses for up to `budgetMs` (at least one): painting them all in one frame would drop it. */
  step(budgetMs: number): void {
    const t0 = performance.now();
    while (this.queue.length > 0) {
      this.queue.shift()?.();
      if (performance.now() - t0 > budgetMs) break;
    }
  }

  private destroy(p: { image: Phaser.GameObjects.Image; key: string }): void {
    this.scene.tweens.killTweensOf(p.image);
    p.image.destroy();
    if (this.scene.textures.exists(p.key)) this.scene.textures.remove(p.key);
  }

  /**
   * A pulse painted by `paint` in world coordinates inside `box` [x0, y0, x1, y1], at
   * `scale` texels per world px, shown centred on `at` and animated by `tween`.
   */
  private add(box: [number, number, number, number], scale: number, at: XY, paint: (pen: CanvasPen) => void, tween: Tween): void {
    const key = `caspian-pulse-${this.serial++}`;
    const w = (box[2] - box[0]) * scale;
    const h = (box[3] - box[1]) * scale;
    const tex = canvasTexture(this.scene.textures, key, w, h, null);
    tex.ctx.setTransform(scale, 0, 0, scale, -box[0] * scale, -box[1] * scale);
    paint(new CanvasPen(tex.ctx));
    const view = this.view();
    const pos = onScreen(view, at.x, at.y, scale);
    const image = this.scene.add.image(pos.x, pos.y, key);
    image.setOrigin((at.x - box[0]) / (box[2] - box[0]), (at.y - box[1]) / (box[3] - box[1]));
    image.setScale(pos.scale);
    image.setAlpha(0);
    const entry = { image, key };
    this.live.push(entry);
    const base = pos.scale;
    const cfg: Tween = { ...tween };
    // A float's end point is in world px, like everything painted.
    if (typeof cfg.y === 'number') cfg.y = view.y + cfg.y * view.zoom;
    if (cfg.scale && typeof cfg.scale === 'object' && 'from' in cfg.scale) {
      const s = cfg.scale as { from: number; to: number };
      cfg.scale = { from: s.from * base, to: s.to * base };
    }
    this.scene.tweens.add({
      ...cfg,
      targets: image,
      onComplete: () => {
        this.live = this.live.filter((p) => p !== entry);
        this.destroy(entry);
      },
    });
  }

  private ring(at: XY, r: number, color: number, scale: number): void {
    const m = r * 2.2;
    this.add(
      [at.x - m, at.y - m, at.x + m, at.y + m],
      scale,
      at,
      (pen) => {
        pen.lineStyle(3, color, 1);
        pen.strokeCircle(at.x, at.y, r);
      },
      { scale: { from: 0.8, to: 2 }, alpha: { from: 0.95, to: 0 }, duration: 1000, repeat: 2, ease: 'Cubic.easeOut' },
    );
  }

  private glow(pts: XY[], pad: number, scale: number, paint: (pen: CanvasPen) => void, tween: Tween): void {
    const box = paddedBox(pts, pad);
    this.add(box, scale, { x: box[0], y: box[1] }, paint, tween);
  }

  private floatText(at: XY, text: string, color: string, dir: number, scale: number): void {
    const size = 18;
    const w = text.length * size * 0.7 + 12;
    this.add(
      [at.x - w / 2, at.y - size, at.x + w / 2, at.y + 4],
      scale,
      { x: at.x, y: at.y },
      (pen) => {
        pen.text(text, at.x, at.y, { size, weight: 'bold', color, stroke: '#0b1620', strokeWidth: 4, ox: 0.5, oy: 1 });
      },
      { y: at.y + dir * 34, alpha: { from: 1, to: 0 }, duration: 2400, delay: 300, ease: 'Sine.easeOut' },
    );
  }

  /** Plans the pulses for what changed between `prev` and `vm` (started by step()). */
  spawn(
    vm: MapViewModel,
    prev: MapViewModel | undefined,
    geoms: { routes: RouteGeom[]; bands: BandGeom[]; features: FeatureGeom[]; badges: Map<PowerId, XY>; badgeR: number },
    scale: number,
  ): void {
    const prevPower = new Map((prev?.powers ?? []).map((p) => [p.id, p]));
    const prevRoute = new Map((prev?.routes ?? []).map((r) => [r.id, r]));
    for (const p of vm.powers) {
      if (!p.changed) continue;
      const a = geoms.badges.get(p.id);
      if (!a) continue;
      this.queue.push(() => this.ring(a, geoms.badgeR + 6, 0xffffff, scale));
      const band = geoms.bands.find((b) => b.power.id === p.id);
      if (band) {
        this.queue.push(() =>
          this.glow(band.pts, band.width + 24, scale, (pen) => drawPowerBand(pen, band.pts, band.width + 6, 0xffffff, 'friendly', 0.9), {
            alpha: { from: 0.55, to: 0 },
            duration: 700,
            repeat: 2,
            ease: 'Sine.easeOut',
          }),
        );
      }
      const before = prevPower.get(p.id);
      if (!before) continue;
      const d = Math.round(p.relation - before.relation);
      if (d === 0) continue;
      const color = d > 0 ? '#8fd6ff' : '#ffab73';
      // Near the top edge the change sinks below the badge instead of rising off-screen.
      if (a.y < 180) this.queue.push(() => this.floatText({ x: a.x, y: a.y + geoms.badgeR + 34 }, signed(d), color, 1, scale));
      else this.queue.push(() => this.floatText({ x: a.x, y: a.y - geoms.badgeR - 12 }, signed(d), color, -1, scale));
    }
    for (const r of geoms.routes) {
      if (!r.route.changed) continue;
      this.queue.push(() =>
        this.glow(r.pts, r.width + 16, scale, (pen) => drawRouteGlow(pen, r.pts, r.width, routeColor(r.route.kind, r.route.status), 1), {
          alpha: { from: 0, to: 1 },
          duration: 500,
          yoyo: true,
          repeat: 2,
          ease: 'Sine.easeInOut',
        }),
      );
      const before = prevRoute.get(r.route.id);
      if (before && before.status !== r.route.status) {
        const mid = pointAlong(r.pts, polylineLength(r.pts) / 2);
        this.queue.push(() => this.floatText({ x: mid.x, y: mid.y - 10 }, STATUS_LABEL[r.route.status], '#ffffff', -1, scale));
      }
    }
    for (const f of geoms.features) {
      if (!f.feature.changed) continue;
      const line = f.line;
      if (line) {
        this.queue.push(() =>
          this.glow(line, 20, scale, (pen) => drawRouteGlow(pen, line, 4, 0xff9d5c, 1), { alpha: { from: 0, to: 1 }, duration: 500, yoyo: true, repeat: 2 }),
        );
      } else this.queue.push(() => this.ring({ x: f.x, y: f.y }, 14, 0xffe9a8, scale));
    }
  }
}
