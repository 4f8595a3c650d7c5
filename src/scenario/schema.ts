/**
 * The scenario format: the one zod schema that is the single source of truth. The
 * TypeScript types (types.ts) and the committed JSON Schema
 * (scenarios/scenario.schema.json) are both generated from it. The parts live in
 * schema/: primitives, conditions, effects, powers, energy, story (actions and events)
 * and the scenario as a whole.
 *
 * Checks of each object alone live here; checks across objects (ids that must exist,
 * dates inside the calendar) live in crossref.ts.
 */
export { COMPARE_OPS, CONDITION_FORMS, CONDITION_KEYS, type Condition, ConditionSchema, type Happening } from './schema/conditions.ts';
export { EFFECT_FORMS, EFFECT_OPS, type Effect, EffectSchema } from './schema/effects.ts';
export { Field, Route } from './schema/energy.ts';
export { PowerSchema } from './schema/powers.ts';
export { type Amount, Month, Source } from './schema/primitives.ts';
export { FORMAT_VERSION, FORMAT_VERSIONS, ScenarioSchema } from './schema/scenario.ts';
export { ActionSchema, EventSchema, MapFeature, Trend } from './schema/story.ts';
