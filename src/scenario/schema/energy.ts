/** Oil and gas: fields that produce and routes that carry and earn. */
import * as z from 'zod/mini';
import { FIELD_STATUSES, ROUTE_KINDS, ROUTE_STATUSES } from '../../core/vocabulary.ts';
import { describe, int, LonLat, meta, Sources, slug, text } from './primitives.ts';

export const Field = meta(
  z.strictObject({
    id: describe(slug('a field id'), 'A unique id.'),
    name: describe(text(60), 'The name shown on the map.'),
    kind: describe(z.enum(['oil', 'gas']), 'What it produces.'),
    at: describe(LonLat, 'Where it is drawn on the map.'),
    status: describe(z.enum(FIELD_STATUSES), 'At the start: undeveloped, developing, producing or depleted (only producing fields produce).'),
    output: describe(int(0, 1000), 'Export units produced each turn while producing (game scale).'),
    sources: z.optional(Sources),
  }),
  { id: 'Field', description: 'An oil or gas field.' },
);

export const Route = meta(
  z.strictObject({
    id: describe(slug('a route id'), 'A unique id.'),
    name: describe(text(60), 'The name shown on the map and in the economy’s causes.'),
    kind: describe(z.enum(ROUTE_KINDS), 'oil or gas (they carry and earn), or rail (drawn, carries nothing).'),
    transit: describe(
      z.array(slug('a state id')),
      'States the route crosses after Azerbaijan, e.g. ["georgia", "turkey"]; a power listed here gains leverage while it operates.',
    ),
    status: describe(z.enum(ROUTE_STATUSES), 'At the start: planned, building, operating, disrupted or closed (only operating routes carry).'),
    capacity: describe(int(0, 1000), 'Export units it can carry each turn (game scale).'),
    price: describe(z.number().check(z.gte(0), z.lte(1000)), '$ million earned per unit carried, after transit fees (game scale).'),
    leverage: describe(z._default(int(0, 50), 4), 'Influence each operating route gives each transit power.'),
    path: describe(z.optional(z.array(LonLat).check(z.minLength(2))), 'Waypoints for the map, from Baku outward.'),
    sources: z.optional(Sources),
  }),
  { id: 'Route', description: 'An export route: a pipeline or a railway.' },
);
