/**
 * The guide (docs/scenario-format.md) and the format cannot drift apart: every field of
 * every object in the JSON Schema is in the guide's section for that object, every
 * condition form, effect op, variable and lint rule is in its section. The tutorial's
 * final file validates, lints clean (the playtest included), plays to an end under every
 * policy, and uses every feature format version 2 added. A file of each format version
 * is loaded forever.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globalRegistry } from 'zod/mini';
import { READABLE_VARS } from '../../src/core/vocabulary.ts';
import { playtestFindings } from '../../src/policies/playtest.ts';
import { POLICY_NAMES, policyByName } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { LINT_RULES, lintScenario } from '../../src/scenario/lint.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { CONDITION_FORMS, EFFECT_FORMS } from '../../src/scenario/schema.ts';
import { featuresAfterV1 } from '../../src/scenario/versions.ts';
import { ROOT } from '../helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is walked as raw JSON
type Json = any;
const guide = readFileSync(join(ROOT, 'docs/scenario-format.md'), 'utf8');
const schema: Json = JSON.parse(readFileSync(join(ROOT, 'scenarios/scenario.schema.json'), 'utf8'));

/** The text under a heading, down to the next heading of the same or a higher level. */
function section(title: string): string {
  const lines = guide.split('\n');
  const start = lines.findIndex((l) => /^#{2,4} /.test(l) && l.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`the guide has no section "${title}"`);
  const level = (lines[start]?.match(/^#+/)?.[0].length ?? 0) as number;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && (l.match(/^#+/)?.[0].length ?? 9) <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

const mentions = (text: string, name: string) => text.includes(`\`${name}\``);
const props = (def: Json): string[] => Object.keys(def?.properties ?? {});

/** Object definitions and the guide section that documents each. */
const SECTIONS: Record<string, string> = {
  Scenario: 'Scenario',
  Model: 'Model',
  Power: 'Power',
  InfluenceSource: 'InfluenceSource',
  Concern: 'Concern',
  Response: 'Response',
  Field: 'Field',
  Route: 'Route',
  Action: 'Action',
  Event: 'Event',
  EventVariant: 'EventVariant',
  Choice: 'Choice',
  ChoiceVariant: 'ChoiceVariant',
  Trend: 'Trend',
  MapFeature: 'MapFeature',
  LoseRule: 'LoseRule, WinRule, Ending',
  WinRule: 'LoseRule, WinRule, Ending',
  Ending: 'LoseRule, WinRule, Ending',
  ScoreWeights: 'ScoreWeights',
  Rating: 'Rating',
  Source: 'Source',
};

describe('the guide covers the whole format', () => {
  const defs = schema.definitions as Record<string, Json>;
  const objectDefs = Object.entries(defs).filter(([id, d]) => props(d).length > 0 && !id.endsWith('Condition') && !id.endsWith('Effect'));

  it('has a section for every kind of object', () => {
    expect(objectDefs.map(([id]) => id).filter((id) => !(id in SECTIONS))).toEqual([]);
  });

  it.each(objectDefs)('documents every field of %s', (id, def) => {
    const text = section(SECTIONS[id] as string);
    expect(props(def).filter((p) => !mentions(text, p))).toEqual([]);
  });

  it('documents the nested objects of the top level and of actions and events', () => {
    const top = defs.Scenario.properties;
    for (const key of ['calendar', 'initial', 'energy', 'outcomes', 'lint'])
      expect(
        props(top[key]).filter((p) => !mentions(section(key), p)),
        key,
      ).toEqual([]);
    expect(props(top.initial.properties.meters).filter((p) => !mentions(section('initial'), p))).toEqual([]);
    expect(props(defs.Action.properties.cost).filter((p) => !mentions(section('Action'), p))).toEqual([]);
    expect(props(defs.Action.properties.era).filter((p) => !mentions(section('Action'), p))).toEqual([]);
    expect(props(defs.Event.properties.window).filter((p) => !mentions(section('Event'), p))).toEqual([]);
  });

  it('documents every condition form and its keys', () => {
    const text = section('Conditions');
    for (const [key, form] of Object.entries(CONDITION_FORMS)) {
      expect(mentions(text, key), key).toBe(true);
      expect(
        props(defs[String(globalRegistry.get(form)?.id)]).filter((p) => !mentions(text, p)),
        key,
      ).toEqual([]);
    }
    for (const op of ['<', '<=', '>', '>=', '==', '!=']) expect(mentions(text, op), op).toBe(true);
  });

  it('documents every effect op and its keys', () => {
    const text = section('Effects');
    for (const [op, form] of Object.entries(EFFECT_FORMS)) {
      expect(mentions(text, op), op).toBe(true);
      const def = defs[String(globalRegistry.get(form)?.id)];
      expect(
        props(def).filter((p) => !mentions(text, p)),
        op,
      ).toEqual([]);
    }
    expect(props(defs.RouteEffect.properties.add).filter((p) => !mentions(text, p))).toEqual([]);
    expect(mentions(text, 'min') && mentions(text, 'max')).toBe(true);
  });

  it('documents every variable', () => {
    const text = section('Variables');
    expect(READABLE_VARS.filter((v) => !mentions(text, v))).toEqual([]);
  });

  it('documents every lint rule', () => {
    const text = section('Lint');
    expect(Object.keys(LINT_RULES).filter((r) => !mentions(text, r))).toEqual([]);
  });

  it('links the model, and the model page exists', () => {
    expect(guide).toContain('](model.md)');
    expect(readFileSync(join(ROOT, 'docs/model.md'), 'utf8')).toContain('# The model');
  });
});

describe("the tutorial's scenario", () => {
  const FILE = 'docs/examples/gas-card-2009.json';
  const loaded = loadScenarioText(readFileSync(join(ROOT, FILE), 'utf8'), FILE);

  it('validates and lints clean, the playtest of the historical path included', () => {
    expect(loaded.findings).toEqual([]);
    const s = loaded.scenario;
    if (!s) throw new Error('invalid');
    expect(lintScenario(s, FILE)).toEqual([]);
    expect(playtestFindings(s, FILE)).toEqual([]);
  });

  it.each(POLICY_NAMES)('plays to an end with the %s policy', (name) => {
    const s = loaded.scenario;
    const policy = policyByName(name);
    if (!s || !policy) throw new Error('missing');
    const game = playGame(s, 1, policy);
    expect(game.refused).toBeUndefined();
    expect(game.state.outcome?.status).toMatch(/^(completed|won|lost)$/);
  });

  it('uses every feature format version 2 added', () => {
    const s = loaded.scenario;
    if (!s) throw new Error('invalid');
    const used = new Set(featuresAfterV1(s).map((f) => f.feature.replace(/ (russia|turkey|iran|west)\./, ' ')));
    expect([...used].sort()).toEqual(
      [
        'an event effect’s wait',
        'before conditions',
        'counter conditions',
        'outcomes.endings',
        'outcomes.win',
        'random amounts',
        'route price, leverage and add',
        'the "cancel" effect',
        'the "dec" effect',
        'the "inc" effect',
        'the "win" effect',
        'the variable aggression',
        'the variable baseRelation',
        'turnsSince conditions',
      ].sort(),
    );
  });

  it('is the file the guide builds', () => {
    expect(guide).toContain('(examples/gas-card-2009.json)');
  });
});

describe('every format version still loads', () => {
  it.each([
    ['tests/fixtures/formats/v1.json', 1],
    ['tests/fixtures/formats/v2.json', 2],
  ])('%s', (file, version) => {
    const r = loadScenarioText(readFileSync(join(ROOT, file), 'utf8'), file);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.scenario?.formatVersion).toBe(version);
    const policy = policyByName('historical');
    if (!r.scenario || !policy) throw new Error('missing');
    const game = playGame(r.scenario, 1, policy);
    expect(game.refused).toBeUndefined();
    expect(game.state.outcome).not.toBeNull();
  });
});
