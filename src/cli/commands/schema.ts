import { scenarioJsonSchema } from '../../scenario/jsonSchema.ts';
import type { Io } from '../output.ts';

/** schema: prints the scenario JSON Schema (draft-07). */
export function schemaCommand(io: Io): number {
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
