/** Oil and gas: fields that produce and routes that carry and earn. */
import { z } from 'zod';
import { FIELD_STATUSES, ROUTE_KINDS, ROUTE_STATUSES } from '../../core/vocabulary.ts';
import { int, LonLat, Sources, slug, text } from './primitives.ts';

export const Field = z
  .strictObject({
    id: slug('a field id').describe('A unique id.'),
    name: text(60).describe('The name shown on the map.'),
    kind: z.enum(['oil', 'gas']).describe('What it produces.'),
    at: LonLat.describe('Where it is drawn on the map.'),
    status: z.enum(FIELD_STATUSES).describe('At the start: undeveloped, developing, producing or depleted (only producing fields produce).'),
    output: int(0, 1000).describe('Export units produced each turn while producing (game scale).'),
    sources: Sources.optional(),
  })
  .meta({ id: 'Field', description: 'An oil or gas field.' });

export const Route = z
  .strictObject({
    id: slug('a route id').describe('A unique id.'),
    name: text(60).describe('The name shown on the map and in the economy’s causes.'),
    kind: z.enum(ROUTE_KINDS).describe('oil or gas (they carry and earn), or rail (drawn, carries nothing).'),
    transit: z
      .array(slug('a state id'))
      .describe('States the route crosses after Azerbaijan, e.g. ["georgia", "turkey"]; a power listed here gains leverage while it operates.'),
    status: z.enum(ROUTE_STATUSES).describe('At the start: planned, building, operating, disrupted or closed (only operating routes carry).'),
    capacity: int(0, 1000).describe('Export units it can carry each turn (game scale).'),
    price: z.number().min(0).max(1000).describe('$ million earned per unit carried, after transit fees (game scale).'),
    leverage: int(0, 50).default(4).describe('Influence each operating route gives each transit power.'),
    path: z.array(LonLat).min(2).optional().describe('Waypoints for the map, from Baku outward.'),
    sources: Sources.optional(),
  })
  .meta({ id: 'Route', description: 'An export route: a pipeline or a railway.' });
