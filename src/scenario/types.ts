/**
 * Types of a loaded scenario, inferred from the zod schema. This file holds types
 * only, so src/core may import it (`import type`) without taking a runtime dependency
 * outside itself.
 */
import type { z } from 'zod';
import type { ActionSchema, EventSchema, PowerSchema, ScenarioSchema, Source as SourceSchema } from './schema.ts';

export type { Amount, Condition, Effect, Happening } from './schema.ts';
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type ScenarioAction = z.output<typeof ActionSchema>;
export type ScenarioEvent = z.output<typeof EventSchema>;
export type ScenarioPower = z.output<typeof PowerSchema>;
export type ScenarioRoute = Scenario['energy']['routes'][number];
export type ScenarioField = Scenario['energy']['fields'][number];
export type PowerResponse = ScenarioPower['responses'][number];
export type Source = z.output<typeof SourceSchema>;
