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
import { type BadgeSpec, badgeRadius, type RouteGeom } from './overlay.ts';
import type { MapViewModel, PowerId } from './types.ts';

const POWER_IDS: PowerId[] = ['russia', 'turkey', 'iran', 'west'];
export const DEFAULT_NAMES: Record<PowerId, string> = { russia: 'Russia', turkey: 'Turkey', iran: 'Iran', west: 'The West' };
/** Where a badge's name goes. */
const BADGE_LABEL: Record<PowerId, 'below' | 'right' | 'above'> = { russia: 'right', turkey: 'below', iran: 'right', west: 'below' };

export class MapContent {
  readonly anchors: Anchors;
  private bandPaths: ReturnType<typeof bandPaths>;
  private routeGeoms: RouteGeom[] = [];
  private routesKey = '';
  private cache: { vm: MapViewModel; content: OverlayContent } | null = null;

  constructor(private readonly geo: GeoData) {
    this.anchors = anchorsOf(geo);
    this.bandPaths = bandPaths(this.anchors);
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
