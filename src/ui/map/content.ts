/**
 * What the overlay shows for a view model, in world pixels: the routes' lines, the
 * powers' arrows, the sites and the badges (with their names, hints and pressures), and
 * the same shapes for hit-testing. Kept until the view model changes; route lines
 * (smoothing, lanes) are rebuilt only when a route's status or path does. No Phaser.
 */
import type { GeoData } from './geoData.ts';
import { type Anchors, anchorsOf, bandGeoms, bandPaths, featureGeoms, routeGeoms } from './geoms.ts';
import type { HitGeoms } from './hover.ts';
import type { OverlayContent } from './layers.ts';
import { type BadgeSpec, badgeRadius, badgeReach, type RouteGeom } from './overlay.ts';
import type { XY } from './geometry.ts';
import type { MapViewModel, PowerId } from './types.ts';
import { clampC, type ViewFit } from './view.ts';

const POWER_IDS: PowerId[] = ['russia', 'turkey', 'iran', 'west'];
export const DEFAULT_NAMES: Record<PowerId, string> = { russia: 'Russia', turkey: 'Turkey', iran: 'Iran', west: 'The West' };
/** Where a badge's name goes. */
const BADGE_LABEL: Record<PowerId, 'below' | 'right' | 'above'> = { russia: 'right', turkey: 'below', iran: 'right', west: 'below' };

/** Screen px kept between a badge's ring and the view's edge. */
const BADGE_EDGE = 6;

export class MapContent {
  /** The badges where the view shows them (fitTo) and Baku; the pointer and pulses read them too. */
  readonly anchors: Anchors;
  /** The badges where the geography puts them. */
  private readonly homes: ReadonlyMap<PowerId, XY>;
  private bandPaths: ReturnType<typeof bandPaths>;
  private routeGeoms: RouteGeom[] = [];
  private routesKey = '';
  private cache: { vm: MapViewModel; content: OverlayContent } | null = null;

  constructor(private readonly geo: GeoData) {
    this.anchors = anchorsOf(geo);
    this.homes = new Map(this.anchors.badges);
    this.bandPaths = bandPaths(this.anchors);
  }

  /**
   * Puts the badges where `fit` shows them whole. A badge stands for a power beyond the
   * map, not for a place on it, and a narrow or tall map crops the world: at 1024×768 the
   * West's badge was off the map's left edge, and in a tall map Turkey's and Iran's too.
   * A badge the view shows whole, ring and margin included, stays where the geography
   * puts it (every badge at 1366×768 and larger); one that it would cut moves in just far
   * enough, and its arrow to Baku starts from there. Call before painting for a new view.
   */
  fitTo(fit: ViewFit): void {
    const [x0, y0, x1, y1] = fit.view;
    const pad = badgeReach(fit.textScale) + BADGE_EDGE / fit.zoom;
    let moved = false;
    for (const [id, home] of this.homes) {
      const at = { x: clampC(home.x, x0 + pad, x1 - pad), y: clampC(home.y, y0 + pad, y1 - pad) };
      const was = this.anchors.badges.get(id);
      if (was?.x === at.x && was.y === at.y) continue;
      this.anchors.badges.set(id, at);
      moved = true;
    }
    // The arrows and what the overlay shows are worked out again only if a badge moved.
    if (!moved) return;
    this.bandPaths = bandPaths(this.anchors);
    this.cache = null;
  }

  /** The drawn line of a route (null when it is not on the map). */
  route(id: string): RouteGeom | null {
    return this.routeGeoms.find((r) => r.route.id === id) ?? null;
  }

  /** What the overlay shows for `vm` (the same object while `vm` is the same). */
  of(vm: MapViewModel): OverlayContent {
    if (this.cache?.vm === vm) return this.cache.content;
    // Route lines (smoothing, lanes) and sites only move when the routes or sites do.
    const routesKey = JSON.stringify(vm.routes.map((r) => [r.id, r.status, r.path]));
    if (routesKey !== this.routesKey) {
      this.routesKey = routesKey;
      this.routeGeoms = routeGeoms(vm.routes);
    } else {
      const byId = new Map(vm.routes.map((r) => [r.id, r]));
      this.routeGeoms = this.routeGeoms.map((g) => ({ ...g, route: byId.get(g.route.id) ?? g.route }));
    }
    const byPower = new Map(vm.powers.map((p) => [p.id, p]));
    const badges: BadgeSpec[] = [];
    for (const id of POWER_IDS) {
      const at = this.anchors.badges.get(id);
      if (!at) continue;
      const power = byPower.get(id);
      badges.push({
        id,
        at,
        power,
        name: power?.name ?? DEFAULT_NAMES[id],
        hint: this.geo.labels.find((l) => l.id === id)?.hint ?? '',
        side: BADGE_LABEL[id],
        pressures: vm.pressures.filter((p) => p.power === id),
      });
    }
    const content = {
      routes: this.routeGeoms,
      bands: bandGeoms(vm.powers, this.bandPaths),
      features: featureGeoms(vm.features, this.geo),
      badges,
      pressures: vm.pressures,
    };
    this.cache = { vm, content };
    return content;
  }

  /** The shapes the pointer is tested against, at a label size factor. */
  hitGeoms(vm: MapViewModel, textScale: number): HitGeoms {
    const c = this.of(vm);
    return {
      routes: c.routes,
      bands: c.bands,
      features: c.features,
      badges: this.anchors.badges,
      powers: new Set(vm.powers.map((p) => p.id)),
      badgeR: badgeRadius(textScale),
    };
  }
}
