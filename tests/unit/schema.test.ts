/**
 * The JSON Schema editors read (scenarios/scenario.schema.json): every property is
 * described, every shipped scenario and fixture passes it under a standard validator
 * (ajv), and a mistake gets an error that names it — not "not valid under any of the
 * given schemas".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { SCHEMA_ID, scenarioJsonSchema } from '../../src/scenario/jsonSchema.ts';
import { ROOT } from '../helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is walked as raw JSON
type Json = any;
const schema: Json = JSON.parse(readFileSync(join(ROOT, 'scenarios/scenario.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const SCENARIO_FILES = [
  ...readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => `scenarios/${f}`),
  'tests/fixtures/golden-scenario.json',
  'tests/fixtures/lint/base.json',
];

/** Every property of every object in the schema, with where it is. */
function properties(node: Json, at: string, out: { at: string; prop: Json }[] = []): { at: string; prop: Json }[] {
  if (Array.isArray(node))
    node.forEach((x, i) => {
      properties(x, `${at}[${i}]`, out);
    });
  else if (node && typeof node === 'object') {
    if (node.properties && typeof node.properties === 'object')
      for (const [k, v] of Object.entries(node.properties)) out.push({ at: `${at}.properties.${k}`, prop: v });
    // An `if` only selects a form: its properties are tests, not fields to describe.
    for (const [k, v] of Object.entries(node)) if (k !== 'if') properties(v, `${at}.${k}`, out);
  }
  return out;
}

function described(prop: Json): boolean {
  if (typeof prop.description === 'string' && prop.description.length > 0) return true;
  const ref = prop.$ref ?? (prop.allOf?.length === 1 ? prop.allOf[0].$ref : undefined);
  if (ref) return typeof schema.definitions[ref.replace('#/definitions/', '')]?.description === 'string';
  return false;
}

describe('the JSON Schema for editors', () => {
  it('is the one the code generates, with a real identifier', () => {
    expect(schema).toEqual(scenarioJsonSchema());
    expect(schema.$id).toBe(SCHEMA_ID);
    expect(SCHEMA_ID).toBe('urn:caspian-balance:scenario-format:2');
  });

  it('describes every property, condition and effect', () => {
    const missing = properties(schema, '#')
      .filter(({ prop }) => !described(prop))
      .map(({ at }) => at);
    expect(missing).toEqual([]);
    for (const [id, def] of Object.entries(schema.definitions as Record<string, Json>)) {
      expect(typeof def.description, id).toBe('string');
    }
  });

  it.each(SCENARIO_FILES)('%s passes it, and names it in "$schema"', (file) => {
    const data = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(resolve(dirname(join(ROOT, file)), data.$schema)).toBe(join(ROOT, 'scenarios/scenario.schema.json'));
  });

  it("an editor's errors name the real problem", () => {
    const data = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8'));
    data.events[12].choices[1].effects[0] = { op: 'setflag', flag: 'x' };
    data.events[6].conditions = { flg: 'war-active' };
    data.events[7].conditions = { var: 'stability', op: '<' };
    validate(data);
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    expect(errors).toEqual([
      '/events/6/conditions must NOT have additional properties {"additionalProperty":"flg"}',
      `/events/7/conditions must have required property 'value' {"missingProperty":"value"}`,
      '/events/7/conditions must match "then" schema {"failingKeyword":"then"}',
      '/events/12/choices/1/effects/0/op must be equal to one of the allowed values {"allowedValues":["add","set","flag","inc","dec","route","field","if","chance","event","cancel","leader","lose","win"]}',
    ]);
  });
});
