/**
 * The map's view of the game: a MapViewModel derived from the state (nothing here is a
 * rule), with `changed` set on whatever moved since the map last drew, so it pulses.
 */
import { type GameState, holds, POWER_IDS } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { powerName } from './format.ts';
import type { MapFeature, MapRoute, MapViewModel } from './map/types.ts';

export function buildViewModel(sc: Scenario, s: GameState, previous: MapViewModel | null): MapViewModel {
  const before = <T extends { id: string }>(list: T[] | undefined, id: string) => list?.find((x) => x.id === id);
  const powers = POWER_IDS.map((id) => {
    const p = s.powers[id];
    const old = before(previous?.powers, id);
    return {
      id,
      name: powerName(id),
      relation: p.relation,
      influence: p.influence,
      changed: old !== undefined && (old.relation !== p.relation || old.influence !== p.influence),
    };
  });
  const routes: MapRoute[] = sc.energy.routes
    .filter((r) => r.path && r.path.length >= 2)
    .map((r) => {
      const rs = s.routes[r.id];
      const status = rs?.status ?? r.status;
      const old = before(previous?.routes, r.id);
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        status,
        path: r.path as [number, number][],
        capacity: rs?.capacity ?? r.capacity,
        transit: r.transit,
        revenue: rs?.revenue ?? 0,
        changed: old !== undefined && (old.status !== status || old.revenue !== (rs?.revenue ?? 0)),
      };
    });
  const features: MapFeature[] = [
    ...sc.energy.fields.map((f) => {
      const fs = s.fields[f.id];
      const status = fs?.status ?? f.status;
      const active = status === 'producing' || status === 'developing';
      const old = before(previous?.features, f.id);
      return {
        id: f.id,
        kind: 'field' as const,
        name: f.name,
        at: f.at as [number, number],
        active,
        text: `${f.kind === 'oil' ? 'Oil' : 'Gas'} field, ${status}${status === 'producing' ? `: ${fs?.output ?? f.output} units a turn` : ''}.`,
        changed: old !== undefined && old.active !== active,
      };
    }),
    ...sc.features.map((f) => {
      const active = holds(sc, s, f.when);
      const old = before(previous?.features, f.id);
      return { id: f.id, kind: f.kind, name: f.name, at: f.at as [number, number], active, text: f.text, changed: old !== undefined && old.active !== active };
    }),
  ];
  return { powers, routes, features, azerbaijan: { sovereignty: s.meters.sovereignty, stability: s.meters.stability } };
}
