/** The scenario file as a whole: its calendar, starting state, model tuning and outcomes. */
import * as z from 'zod/mini';
import { ConditionSchema } from './conditions.ts';
import { Field, Route } from './energy.ts';
import { PowerSchema } from './powers.ts';
import { describe, int, Month, meta, slug, text } from './primitives.ts';
import { ActionSchema, EventSchema, MapFeature, Trend } from './story.ts';

/** The format this code writes; older versions it still reads are in FORMAT_VERSIONS. */
export const FORMAT_VERSION = 2;
export const FORMAT_VERSIONS = [1, 2] as const;

const LoseRule = meta(
  z.strictObject({
    id: describe(slug('an outcome id'), 'A unique id among the outcomes; a "lose" effect names it.'),
    when: describe(z.optional(ConditionSchema), 'Checked after every turn and every choice; omit for outcomes only a `lose` effect triggers.'),
    title: describe(text(80), 'The heading of the end screen.'),
    text: describe(text(600), 'What happened, on the end screen.'),
  }),
  { id: 'LoseRule', description: 'A way to lose: the game ends at once, and the score is halved.' },
);

const WinRule = meta(
  z.strictObject({
    id: describe(slug('an outcome id'), 'A unique id among the outcomes; a "win" effect names it.'),
    when: describe(
      z.optional(ConditionSchema),
      'Checked after every turn and every choice (after the lose rules); omit for wins only a `win` effect triggers.',
    ),
    title: describe(text(80), 'The heading of the end screen.'),
    text: describe(text(600), 'What was achieved, on the end screen.'),
  }),
  { id: 'WinRule', description: 'A way to win before the last turn: the game ends at once with the full score.' },
);

const Ending = meta(
  z.strictObject({
    id: describe(slug('an outcome id'), 'A unique id among the outcomes.'),
    when: describe(z.optional(ConditionSchema), 'Read after the last turn; omit for an ending that always applies when no earlier one does.'),
    title: describe(text(80), 'The heading of the end screen.'),
    text: describe(text(600), 'How the story ends on this path.'),
  }),
  {
    id: 'Ending',
    description: 'How a game that reaches its last turn ends: the first ending whose condition holds gives the end screen its title and text.',
  },
);

const Rating = meta(
  z.strictObject({
    min: describe(int(0, 100), 'The lowest score that earns it.'),
    label: describe(text(40), 'The rating’s name.'),
    text: describe(z.optional(text(300)), 'A sentence on the end screen.'),
  }),
  { id: 'Rating', description: 'A label for scores from `min` up (to the next rating).' },
);

const weight = (what: string) => describe(int(0, 10), `Weight of ${what} in the score.`);

const ScoreWeights = meta(
  z.strictObject({
    sovereignty: weight('sovereignty'),
    stability: weight('stability'),
    economy: weight('the economy'),
    security: weight('security'),
    karabakh: weight('Karabakh'),
    balance: weight('the balance of influence'),
    relations: describe(int(0, 10), 'Weight of the worst relation with any power, counted 0 at −40 or below, 50 at 0, 100 at +40 or above.'),
  }),
  { id: 'ScoreWeights', description: 'The score is the weighted average of these, each 0–100.' },
);

const Model = meta(
  z.strictObject({
    capitalPerTurn: describe(z._default(int(0, 10), 3), 'Political capital refilled each turn (one more at stability 65+, one less below 30).'),
    capitalMax: describe(z._default(int(1, 20), 6), 'The most political capital that can be held.'),
    baseIncome: describe(z._default(int(0, 10_000), 40), '$ million a turn from the non-energy economy at economy 50.'),
    economyBase: describe(z._default(int(0, 100), 30), 'What the economy meter tends to without energy revenue.'),
    revenuePerEconomyPoint: describe(
      z._default(int(1, 10_000), 10),
      '$ million of energy revenue a turn that lift the economy’s target by one point (at most 50 points).',
    ),
    securityBase: describe(z._default(int(0, 100), 35), 'What the security meter settles toward.'),
    stickStance: describe(
      z._default(int(-100, 100), -15),
      'With carrotStance, sets the midpoint below which a power leans to sticks (the further below, the more often).',
    ),
    carrotStance: describe(
      z._default(int(-100, 100), 20),
      'With stickStance, sets the midpoint above which a power leans to carrots; carrot odds grow from 5 points below it.',
    ),
  }),
  { id: 'Model', description: 'Tuning of the engine’s rules; every field has a default. See docs/model.md.' },
);

const meter = (what: string) => describe(int(0, 100), `${what} at the start, 0–100.`);

export const ScenarioSchema = meta(
  z.strictObject({
    $schema: describe(z.optional(z.string()), 'The JSON Schema this file follows, for editors.'),
    formatVersion: describe(
      z.union([z.literal(1), z.literal(2)], { error: `formatVersion must be one of ${FORMAT_VERSIONS.join(', ')} (${FORMAT_VERSION} is current)` }),
      `The version of the format the file is written in; ${FORMAT_VERSION} is current, older ones are still read.`,
    ),
    id: describe(slug('the scenario id'), 'Lowercase words joined by hyphens; the file name should match.'),
    title: describe(text(80), 'The title, shown in the scenario picker.'),
    period: describe(text(40), 'The period covered, as shown in the scenario picker, e.g. "1991–1994".'),
    summary: describe(text(400), 'Two lines for the scenario picker.'),
    briefing: describe(z.optional(text(2000)), 'The opening briefing shown when the game starts.'),
    calendar: describe(
      z.strictObject({
        start: describe(Month, 'The month the first turn starts.'),
        monthsPerTurn: describe(int(1, 12), 'Months in a turn: 3 for quarters.'),
        turns: describe(int(1, 200), 'How many turns the scenario lasts (at most 200: see docs/security.md).'),
      }),
      'When the scenario starts, how long a turn is, how many turns.',
    ),
    eras: describe(
      z.optional(
        z
          .array(
            z.strictObject({
              from: describe(Month, 'The first month of the era.'),
              title: describe(text(60), "The era's heading, shown beside the date from that month on."),
            }),
          )
          .check(z.maxLength(20)),
      ),
      "Eras of a long scenario, in order: each era's title heads the screen from its first month (a campaign's chapters).",
    ),
    initial: describe(
      z.strictObject({
        leader: describe(text(60), 'Who leads Azerbaijan at the start.'),
        meters: describe(
          z.strictObject({
            sovereignty: meter('Sovereignty'),
            stability: meter('Stability'),
            economy: meter('The economy'),
            security: meter('Security'),
            karabakh: meter('Karabakh'),
          }),
          'Azerbaijan’s meters at the start.',
        ),
        treasury: describe(int(-100_000, 1_000_000), '$ million in the treasury at the start.'),
        capital: describe(int(0, 20), 'Political capital at the start.'),
        flags: describe(
          z._default(z.record(slug('a flag name'), z.union([z.boolean(), z.number().check(z.int())])), {}),
          'Flags and counters set at the start: true, or a whole number.',
        ),
      }),
      'The state at the start.',
    ),
    model: z._default(Model, Model.parse({})),
    powers: describe(z.strictObject({ russia: PowerSchema, turkey: PowerSchema, iran: PowerSchema, west: PowerSchema }), 'The four powers, all of them.'),
    energy: describe(
      z.strictObject({
        fields: describe(z._default(z.array(Field), []), 'Oil and gas fields.'),
        routes: describe(z._default(z.array(Route), []), 'Export routes, filled in this order.'),
      }),
      'Fields and routes.',
    ),
    actions: describe(z.array(ActionSchema).check(z.maxLength(200, 'at most 200 actions (see docs/security.md)')), 'The player’s levers.'),
    events: describe(
      z.array(EventSchema).check(z.maxLength(300, 'at most 300 events (see docs/security.md)')),
      'The story: dated, windowed, conditional and scheduled events.',
    ),
    trends: describe(z._default(z.array(Trend), []), 'Effects applied every turn while their condition holds.'),
    features: describe(z._default(z.array(MapFeature), []), 'Security features for the map.'),
    outcomes: describe(
      z.strictObject({
        lose: describe(z.array(LoseRule).check(z.minLength(1, 'define at least one way to lose')), 'Ways to lose, checked in order.'),
        win: describe(z.optional(z.array(WinRule)), 'Ways to win before the last turn, checked in order after the lose rules.'),
        endings: describe(
          z.optional(z.array(Ending)),
          'Endings for a game that reaches its last turn; the first that holds is told, else "Azerbaijan endures".',
        ),
        score: ScoreWeights,
        ratings: describe(z.array(Rating).check(z.minLength(1)), 'Labels for score bands.'),
      }),
      'How the game ends and is scored.',
    ),
    lint: describe(
      z.optional(
        z.strictObject({
          ignore: describe(z._default(z.array(z.string().check(z.maxLength(200))), []), '"rule" or "rule:subject" for each finding to silence.'),
        }),
      ),
      'Lint findings to silence, as "rule" or "rule:subject".',
    ),
  }),
  { id: 'Scenario', title: 'Caspian Balance scenario', description: 'A Caspian Balance scenario.' },
);
