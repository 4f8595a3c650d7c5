/**
 * The scenario format: the one zod schema that is the single source of truth. The
 * TypeScript types (types.ts) and the committed JSON Schema
 * (scenarios/scenario.schema.json) are both generated from it.
 *
 * Checks of each object alone live here; checks across objects (ids that must exist,
 * dates inside the calendar) live in crossref.ts.
 */
import { z } from 'zod';
import { DOMAINS, FIELD_STATUSES, POWER_IDS, READABLE_VARS, ROUTE_KINDS, ROUTE_STATUSES, SOURCE_DOCS, WRITABLE_VARS } from '../core/vocabulary.ts';

export const FORMAT_VERSION = 1;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Names every JavaScript object already has (`constructor`, …): refused as ids, so no id
 *  can be mistaken for one in a lookup. Only `constructor` also fits the slug pattern. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const slug = (what: string) =>
  z
    .string()
    .max(64, `${what} must be at most 64 characters`)
    .regex(SLUG, `${what} must be lowercase words joined by hyphens, e.g. "contract-of-the-century"`)
    .refine((v) => !PROTOTYPE_NAMES.has(v), `${what} must not be a name every JavaScript object already has (such as "constructor"); choose another`);

export const Month = z
  .string()
  .regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, 'a month is written "YYYY-MM" with a year from 1000 to 9999, e.g. "1994-09"')
  .meta({ id: 'Month', description: 'A calendar month, "YYYY-MM", in the years 1000 to 9999.' });

const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const int = (min: number, max: number) => z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).meta({
  id: 'LonLat',
  description: 'A point as [longitude, latitude] in degrees.',
});

export const Source = z
  .strictObject({
    doc: z.enum(SOURCE_DOCS, {
      error: `doc must be one of the five source files: ${SOURCE_DOCS.join(', ')}`,
    }),
    section: text(200).describe('Where in the document: a heading, or a short description of the passage.'),
  })
  .meta({ id: 'Source', description: 'A citation of one of the five source documents.' });

// ---------------------------------------------------------------- conditions

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { var: (typeof READABLE_VARS)[number]; op: CompareOp; value: number }
  | { flag: string; is?: boolean | number }
  | { since: string }
  | { until: string }
  | { route: string; status: RouteStatusName | RouteStatusName[] }
  | { field: string; status: FieldStatusName | FieldStatusName[] }
  | { fired: string }
  | { chose: { event: string; choice: string } }
  | { took: string }
  | { leader: string | string[] }
  | { active: { power: PowerIdName; response: string } };

type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
type RouteStatusName = (typeof ROUTE_STATUSES)[number];
type PowerIdName = (typeof POWER_IDS)[number];
type FieldStatusName = (typeof FIELD_STATUSES)[number];

export const COMPARE_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;

/** The keys that tell condition forms apart; used to report the error of the form meant. */
export const CONDITION_KEYS = ['all', 'any', 'not', 'var', 'flag', 'since', 'until', 'route', 'field', 'fired', 'chose', 'took', 'leader', 'active'];

export const ConditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z.strictObject({ all: z.array(ConditionSchema).min(1, 'list at least one condition') }),
      z.strictObject({ any: z.array(ConditionSchema).min(1, 'list at least one condition') }),
      z.strictObject({ not: ConditionSchema }),
      z.strictObject({
        var: z.enum(READABLE_VARS, { error: `var must be one of: ${READABLE_VARS.join(', ')}` }),
        op: z.enum(COMPARE_OPS, { error: `op must be one of ${COMPARE_OPS.join(' ')}` }),
        value: z.number().finite('must be a finite number'),
      }),
      z.strictObject({ flag: slug('a flag name'), is: z.union([z.boolean(), z.number().int()]).optional() }),
      z.strictObject({ since: Month }),
      z.strictObject({ until: Month }),
      z.strictObject({ route: slug('a route id'), status: z.union([z.enum(ROUTE_STATUSES), z.array(z.enum(ROUTE_STATUSES)).min(1)]) }),
      z.strictObject({ field: slug('a field id'), status: z.union([z.enum(FIELD_STATUSES), z.array(z.enum(FIELD_STATUSES)).min(1)]) }),
      z.strictObject({ fired: slug('an event id') }),
      z.strictObject({ chose: z.strictObject({ event: slug('an event id'), choice: slug('a choice id') }) }),
      z.strictObject({ took: slug('an action id') }),
      z.strictObject({ leader: z.union([text(60), z.array(text(60)).min(1)]) }),
      z.strictObject({ active: z.strictObject({ power: z.enum(POWER_IDS), response: slug('a response id') }) }),
    ]),
  )
  .meta({
    id: 'Condition',
    description:
      "A test on the game state. Combine with all / any / not; compare a variable; test a flag, the date, a route or field status, whether an event fired, which choice was made, whether an action was taken, who leads Azerbaijan, or whether a power's response (an embargo, a troop build-up) is still in force.",
  });

// ---------------------------------------------------------------- effects

export type Effect =
  | { op: 'add'; var: (typeof WRITABLE_VARS)[number]; delta: number }
  | { op: 'set'; var: (typeof WRITABLE_VARS)[number]; value: number }
  | { op: 'flag'; flag: string; value?: boolean | number }
  | { op: 'route'; route: string; status?: RouteStatusName; capacity?: number }
  | { op: 'field'; field: string; status?: FieldStatusName; output?: number }
  | { op: 'if'; when: Condition; then: Effect[]; else?: Effect[] }
  | { op: 'chance'; percent: number; then: Effect[]; else?: Effect[] }
  | { op: 'event'; event: string; delay?: number }
  | { op: 'leader'; name: string }
  | { op: 'lose'; outcome: string };

const writableVar = z.enum(WRITABLE_VARS, { error: `var must be one of: ${WRITABLE_VARS.join(', ')}` });

export const EffectSchema: z.ZodType<Effect> = z
  .lazy(() =>
    z.discriminatedUnion(
      'op',
      [
        z.strictObject({ op: z.literal('add'), var: writableVar, delta: int(-100_000, 100_000) }),
        z.strictObject({ op: z.literal('set'), var: writableVar, value: int(-100_000, 1_000_000) }),
        z.strictObject({ op: z.literal('flag'), flag: slug('a flag name'), value: z.union([z.boolean(), int(-1_000_000, 1_000_000)]).optional() }),
        z.strictObject({
          op: z.literal('route'),
          route: slug('a route id'),
          status: z.enum(ROUTE_STATUSES).optional(),
          capacity: int(0, 1000).optional(),
        }),
        z.strictObject({
          op: z.literal('field'),
          field: slug('a field id'),
          status: z.enum(FIELD_STATUSES).optional(),
          output: int(0, 1000).optional(),
        }),
        z.strictObject({ op: z.literal('if'), when: ConditionSchema, then: z.array(EffectSchema), else: z.array(EffectSchema).optional() }),
        z.strictObject({ op: z.literal('chance'), percent: int(0, 100), then: z.array(EffectSchema), else: z.array(EffectSchema).optional() }),
        z.strictObject({ op: z.literal('event'), event: slug('an event id'), delay: int(0, 40).optional() }),
        z.strictObject({ op: z.literal('leader'), name: text(60) }),
        z.strictObject({ op: z.literal('lose'), outcome: slug('an outcome id') }),
      ],
      { error: 'op must be one of: add, set, flag, route, field, if, chance, event, leader, lose' },
    ),
  )
  .meta({
    id: 'Effect',
    description:
      'A change to the game state: add to or set a variable, set a flag, change a route or field, branch on a condition or a chance, schedule an event, change the leader, or end the game in a loss.',
  });

const Effects = z.array(EffectSchema).max(64, 'at most 64 effects in one list');

// ---------------------------------------------------------------- powers

const InfluenceSource = z.strictObject({
  id: slug('an influence source id'),
  label: text(80).describe('Why this power has a hold over Azerbaijan, e.g. "70% of trade bound for Russia".'),
  amount: int(-100, 100),
  when: ConditionSchema.optional(),
  sources: z.array(Source).optional(),
});

const Concern = z.strictObject({
  id: slug('a concern id'),
  label: text(80).describe('What the power wants or fears, as the player will read it in a cause list.'),
  delta: int(-20, 20).describe('Change to the relation every turn while the condition holds.'),
  when: ConditionSchema,
  sources: z.array(Source).optional(),
});

const Response = z.strictObject({
  id: slug('a response id'),
  kind: z.enum(['stick', 'carrot']),
  label: text(80),
  text: text(600),
  when: ConditionSchema.optional(),
  stanceAtMost: int(-100, 100).optional(),
  stanceAtLeast: int(-100, 100).optional(),
  weight: int(1, 100).default(1),
  cooldown: int(0, 40).default(2),
  effects: Effects,
  duration: int(0, 40)
    .default(0)
    .describe(
      'Turns the response stays in force after the turn it is used (an embargo, a troop build-up); while it does, `{"active": …}` conditions hold and the map shows it.',
    ),
  endEffects: Effects.default([]).describe('Applied when a response with a duration ends (reopen the route, pull the troops back).'),
  sources: z.array(Source).optional(),
});

export const PowerSchema = z
  .strictObject({
    name: text(40),
    relation: int(-100, 100),
    influence: int(0, 100),
    baseRelation: int(-100, 100).describe('Where the relation settles when nothing pushes it.'),
    baseInfluence: int(0, 100).describe('Influence the power has before any of its influence sources.'),
    aggression: int(0, 300).default(100).describe('Percent scaling of how often it uses sticks.'),
    agenda: text(600).describe('What this power wants in the region, in a sentence or two.'),
    influenceSources: z.array(InfluenceSource).default([]),
    concerns: z.array(Concern).default([]),
    responses: z.array(Response).default([]),
  })
  .meta({ id: 'Power' });

// ---------------------------------------------------------------- energy

const Field = z.strictObject({
  id: slug('a field id'),
  name: text(60),
  kind: z.enum(['oil', 'gas']),
  at: LonLat,
  status: z.enum(FIELD_STATUSES),
  output: int(0, 1000).describe('Export units produced each turn while producing (game scale).'),
  sources: z.array(Source).optional(),
});

const Route = z.strictObject({
  id: slug('a route id'),
  name: text(60),
  kind: z.enum(ROUTE_KINDS),
  transit: z.array(slug('a state id')).describe('States the route crosses after Azerbaijan, e.g. ["georgia", "turkey"].'),
  status: z.enum(ROUTE_STATUSES),
  capacity: int(0, 1000).describe('Export units it can carry each turn (game scale).'),
  price: z.number().min(0).max(1000).describe('$ million earned per unit carried, after transit fees (game scale).'),
  leverage: int(0, 50).default(4).describe('Influence each operating route gives each transit power.'),
  path: z.array(LonLat).min(2).optional().describe('Waypoints for the map, from Baku outward.'),
  sources: z.array(Source).optional(),
});

// ---------------------------------------------------------------- actions and events

export const ActionSchema = z
  .strictObject({
    id: slug('an action id'),
    label: text(60),
    domain: z.enum(DOMAINS),
    text: text(600),
    cost: z.strictObject({ capital: int(0, 10), treasury: int(0, 100_000).default(0) }),
    era: z
      .strictObject({ from: Month.optional(), to: Month.optional() })
      .optional()
      .describe('The period the action belongs to: outside it, it is not listed at all.'),
    when: ConditionSchema.optional().describe('When the action is on offer; also shown as the reason when it is not.'),
    whenText: text(160).optional().describe('The reason shown when `when` does not hold, in the player’s words.'),
    limit: int(1, 100).optional().describe('How many times in a game it can be taken.'),
    cooldown: int(0, 40).default(0).describe('Turns to wait before taking it again.'),
    effects: Effects,
    historical: z.array(Month).optional().describe('Months in which Azerbaijan actually did this.'),
    sources: z.array(Source).optional(),
    note: z.string().max(2000).optional().describe('A note for designers and teachers; the game never shows it.'),
  })
  .meta({ id: 'Action' });

const ChoiceVariant = z.strictObject({
  when: ConditionSchema,
  label: text(120).optional(),
  hint: text(200).optional(),
});

const Choice = z.strictObject({
  id: slug('a choice id'),
  label: text(120),
  hint: text(200).optional().describe('A hint of the consequences, shown under the choice.'),
  when: ConditionSchema.optional().describe('The choice is offered only while this holds; otherwise the player does not see it.'),
  variants: z.array(ChoiceVariant).max(8).optional().describe('Other wordings: the first whose `when` holds replaces the label and/or hint.'),
  effects: Effects,
  historical: z.literal(true).optional().describe('Marks the choice history took (only where the sources record it).'),
});

const EventVariant = z.strictObject({
  when: ConditionSchema,
  title: text(100).optional(),
  text: text(1500).optional(),
});

export const EventSchema = z
  .strictObject({
    id: slug('an event id'),
    date: Month.optional().describe('Fires on the turn containing this month, if its conditions hold then.'),
    window: z
      .strictObject({ from: Month, to: Month })
      .optional()
      .describe('Fires on the first turn in the window where its conditions hold (and its chance, if any, comes up).'),
    conditions: ConditionSchema.optional(),
    chance: int(1, 100)
      .optional()
      .describe("Percent chance per eligible turn; a windowed event whose conditions hold fires on its window's last turn regardless."),
    repeat: int(1, 40).optional().describe('Can fire again this many turns after it last fired.'),
    title: text(100),
    text: text(1500),
    variants: z
      .array(EventVariant)
      .max(8)
      .optional()
      .describe("Text that follows the player's path: the first variant whose `when` holds (read when the event is shown) replaces the title and/or text."),
    happened: Month.optional().describe('When this happened in history, for the debrief; defaults to `date`. Omit for events history did not record.'),
    whatIf: z.literal(true).optional().describe('Marks an event the sources do not record (a what-if): no choice is historical, and the debrief says so.'),
    note: z.string().max(2000).optional().describe('A note for designers and teachers; the game never shows it.'),
    sources: z.array(Source).min(1, 'cite at least one of the five source documents'),
    effects: Effects.default([]).describe('Applied when the event fires, before any choice; a news event (no choices) has only these.'),
    choices: z
      .array(Choice)
      .max(6, 'at most 6 choices')
      .default([])
      .describe('The decisions offered; none makes a news event that is reported without asking the player.'),
  })
  .meta({ id: 'Event' });

const Trend = z.strictObject({
  id: slug('a trend id'),
  label: text(80),
  when: ConditionSchema,
  effects: Effects,
  sources: z.array(Source).optional(),
});

const MapFeature = z
  .strictObject({
    id: slug('a feature id'),
    kind: z.enum(['radar', 'base', 'troops', 'front']),
    name: text(60),
    at: LonLat,
    text: text(300).describe('The tooltip: what it is and why it matters.'),
    when: ConditionSchema.optional().describe('Shown as active while this holds; inactive (greyed) otherwise.'),
    sources: z.array(Source).optional(),
  })
  .meta({ id: 'MapFeature', description: 'A security feature drawn on the map: a radar, a base, troops, a front line.' });

const LoseRule = z.strictObject({
  id: slug('an outcome id'),
  when: ConditionSchema.optional().describe('Checked after every turn and every choice; omit for outcomes only a `lose` effect triggers.'),
  title: text(80),
  text: text(600),
});

const Rating = z.strictObject({ min: int(0, 100), label: text(40), text: text(300).optional() });

const ScoreWeights = z.strictObject({
  sovereignty: int(0, 10),
  stability: int(0, 10),
  economy: int(0, 10),
  security: int(0, 10),
  karabakh: int(0, 10),
  balance: int(0, 10),
  relations: int(0, 10).describe('Weight of the worst relation with any power, scaled to 0..100.'),
});

const Model = z
  .strictObject({
    capitalPerTurn: int(0, 10).default(3),
    capitalMax: int(1, 20).default(6),
    baseIncome: int(0, 10_000).default(40).describe('$ million a turn from the non-energy economy at economy 50.'),
    economyBase: int(0, 100).default(30),
    revenuePerEconomyPoint: int(1, 10_000).default(10),
    securityBase: int(0, 100).default(35),
    stickStance: int(-100, 100).default(-15).describe('Stance at or below which a power starts to use sticks.'),
    carrotStance: int(-100, 100).default(20).describe('Stance at or above which a power starts to offer carrots.'),
  })
  .meta({ id: 'Model', description: 'Tuning of the engine’s rules; every field has a default.' });

// ---------------------------------------------------------------- the scenario

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION, { error: `formatVersion must be ${FORMAT_VERSION}` }),
    id: slug('the scenario id'),
    title: text(80),
    period: text(40).describe('The period covered, as shown in the scenario picker, e.g. "1991–1994".'),
    summary: text(400).describe('Two lines for the scenario picker.'),
    briefing: text(2000).optional().describe('The opening briefing shown when the game starts.'),
    calendar: z.strictObject({ start: Month, monthsPerTurn: int(1, 12), turns: int(1, 200) }),
    initial: z.strictObject({
      leader: text(60),
      meters: z.strictObject({
        sovereignty: int(0, 100),
        stability: int(0, 100),
        economy: int(0, 100),
        security: int(0, 100),
        karabakh: int(0, 100),
      }),
      treasury: int(-100_000, 1_000_000),
      capital: int(0, 20),
      flags: z.record(slug('a flag name'), z.union([z.boolean(), z.number().int()])).default({}),
    }),
    model: Model.default(Model.parse({})),
    powers: z.strictObject({ russia: PowerSchema, turkey: PowerSchema, iran: PowerSchema, west: PowerSchema }),
    energy: z.strictObject({ fields: z.array(Field).default([]), routes: z.array(Route).default([]) }),
    actions: z.array(ActionSchema).max(200),
    events: z.array(EventSchema).max(1000),
    trends: z.array(Trend).default([]).describe('Effects applied every turn while their condition holds.'),
    features: z.array(MapFeature).default([]).describe('Security features for the map.'),
    outcomes: z.strictObject({
      lose: z.array(LoseRule).min(1, 'define at least one way to lose'),
      score: ScoreWeights,
      ratings: z.array(Rating).min(1),
    }),
    lint: z
      .strictObject({ ignore: z.array(z.string().max(200)).default([]) })
      .optional()
      .describe('Lint findings to silence, as "rule" or "rule:subject".'),
  })
  .meta({ id: 'Scenario', title: 'Caspian Balance scenario' });
