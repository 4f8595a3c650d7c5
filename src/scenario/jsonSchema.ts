/**
 * The JSON Schema (draft-07, which editors understand) generated from the zod schema,
 * committed as scenarios/scenario.schema.json; a test keeps the two in step.
 */
import { z } from 'zod';
import { ScenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://caspian-balance.example/scenario.schema.json',
    description:
      'A Caspian Balance scenario. Generated from src/scenario/schema.ts by `npm run schema`; do not edit by hand. Documentation: docs/scenario-format.md.',
  };
}
