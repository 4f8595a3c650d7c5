/**
 * The JSON Schema (draft-07, which editors understand) generated from the zod schema,
 * committed as scenarios/scenario.schema.json; a test keeps the two in step.
 *
 * zod writes a union as "anyOf: [forms]", and an editor facing an object that fits no
 * form can only say "not valid under any of the given schemas". Conditions and effects
 * are rewritten as keyed unions instead: the key that names the form (a condition's
 * `var`, `flag`, … or an effect's `op`) selects the form with `if` / `then`, and every
 * key any form knows is listed, so an editor completes keys, names an unknown key
 * ("Property flg is not allowed"), an unknown op (with the list of ops), or the one
 * property the chosen form is missing.
 */
import { z } from 'zod';
import { CONDITION_FORMS, EFFECT_FORMS, EFFECT_OPS, FORMAT_VERSION, ScenarioSchema } from './schema.ts';

/** The schema's identity: a name for this format version, not a web address (nothing is hosted). */
export const SCHEMA_ID = `urn:caspian-balance:scenario-format:${FORMAT_VERSION}`;

type Json = Record<string, unknown>;

export function scenarioJsonSchema(): Json {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Json;
  const defs = schema.definitions as Record<string, Json>;
  const formDefs = (forms: Record<string, z.core.$ZodType>) =>
    Object.entries(forms).map(([key, form]) => ({ key, id: String(z.globalRegistry.get(form)?.id) }));

  const conditions = formDefs(CONDITION_FORMS);
  // No "one of these keys is required" here: an editor would list every key as missing.
  // The unknown key is named by additionalProperties; the CLI says which forms exist.
  defs.Condition = keyedUnion(defs, defs.Condition, conditions, (key) => ({ required: [key] }), {});
  const effects = formDefs(EFFECT_FORMS);
  defs.Effect = keyedUnion(
    defs,
    defs.Effect,
    effects,
    (op) => ({ properties: { op: { const: op } }, required: ['op'] }),
    { required: ['op'] },
    { op: { type: 'string', enum: [...EFFECT_OPS], description: `What the effect does: ${EFFECT_OPS.join(', ')}.` } },
  );
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    title: 'Caspian Balance scenario',
    description: `A Caspian Balance scenario, format version ${FORMAT_VERSION}. Generated from src/scenario/schema.ts by \`npm run schema\`; do not edit by hand. Documentation: docs/scenario-format.md.`,
    $ref: schema.$ref,
    definitions: defs,
  };
}

/**
 * One object schema for a union of object forms: every form's keys listed (so an
 * unknown key is named), and each form applied when its selecting key is present.
 */
function keyedUnion(
  defs: Record<string, Json>,
  original: Json | undefined,
  forms: { key: string; id: string }[],
  select: (key: string) => Json,
  requirement: Json,
  overrides: Record<string, Json> = {},
): Json {
  const properties: Record<string, Json> = {};
  for (const { key, id } of forms) {
    const form = defs[id] as Json;
    const own = (form.properties ?? {}) as Record<string, Json>;
    for (const [name, prop] of Object.entries(own)) {
      if (properties[name]) continue;
      // The selecting key carries the form's description; shared keys (op, value) their own.
      properties[name] = { description: name === key ? String(form.description) : String(prop.description ?? '') };
    }
  }
  Object.assign(properties, overrides);
  return {
    description: original?.description,
    type: 'object',
    properties,
    additionalProperties: false,
    minProperties: 1,
    ...requirement,
    allOf: forms.map(({ key, id }) => ({ if: select(key), then: { $ref: `#/definitions/${id}` } })),
  };
}
