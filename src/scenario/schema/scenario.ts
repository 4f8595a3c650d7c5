/** The scenario file as a whole: its calendar, starting state, model tuning and outcomes. */
import { z } from 'zod';
import { ConditionSchema } from './conditions.ts';
import { Field, Route } from './energy.ts';
import { PowerSchema } from './powers.ts';
import { int, Month, slug, text } from './primitives.ts';
import { ActionSchema, EventSchema, MapFeature, Trend } from './story.ts';

/** The format this code writes; older versions it still reads are in FORMAT_VERSIONS. */
export const FORMAT_VERSION = 2;
export const FORMAT_VERSIONS = [1, 2] as const;

const LoseRule = z
  .strictObject({
    id: slug('an outcome id').describe('A unique id among the outcomes; a "lose" effect names it.'),
    when: ConditionSchema.optional().describe('Checked after every turn and every choice; omit for outcomes only a `lose` effect triggers.'),
    title: text(80).describe('The heading of the end screen.'),
    text: text(600).describe('What happened, on the end screen.'),
  })
  .meta({ id: 'LoseRule', description: 'A way to lose: the game ends at once, and the score is halved.' });

const WinRule = z
  .strictObject({
    id: slug('an outcome id').describe('A unique id among the outcomes; a "win" effect names it.'),
    when: ConditionSchema.optional().describe('Checked after every turn and every choice (after the lose rules); omit for wins only a `win` effect triggers.'),
    title: text(80).describe('The heading of the end screen.'),
    text: text(600).describe('What was achieved, on the end screen.'),
  })
  .meta({ id: 'WinRule', description: 'A way to win before the last turn: the game ends at once with the full score.' });

const Ending = z
  .strictObject({
    id: slug('an outcome id').describe('A unique id among the outcomes.'),
    when: ConditionSchema.optional().describe('Read after the last turn; omit for an ending that always applies when no earlier one does.'),
    title: text(80).describe('The heading of the end screen.'),
    text: text(600).describe('How the story ends on this path.'),
  })
  .meta({
    id: 'Ending',
    description: 'How a game that reaches its last turn ends: the first ending whose condition holds gives the end screen its title and text.',
  });

const Rating = z
  .strictObject({
    min: int(0, 100).describe('The lowest score that earns it.'),
    label: text(40).describe('The rating’s name.'),
    text: text(300).optional().describe('A sentence on the end screen.'),
  })
  .meta({ id: 'Rating', description: 'A label for scores from `min` up (to the next rating).' });

const weight = (what: string) => int(0, 10).describe(`Weight of ${what} in the score.`);

const ScoreWeights = z
  .strictObject({
    sovereignty: weight('sovereignty'),
    stability: weight('stability'),
    economy: weight('the economy'),
    security: weight('security'),
    karabakh: weight('Karabakh'),
    balance: weight('the balance of influence'),
    relations: int(0, 10).describe('Weight of the worst relation with any power, counted 0 at −40 or below, 50 at 0, 100 at +40 or above.'),
  })
  .meta({ id: 'ScoreWeights', description: 'The score is the weighted average of these, each 0–100.' });

const Model = z
  .strictObject({
    capitalPerTurn: int(0, 10).default(3).describe('Political capital refilled each turn (one more at stability 65+, one less below 30).'),
    capitalMax: int(1, 20).default(6).describe('The most political capital that can be held.'),
    baseIncome: int(0, 10_000).default(40).describe('$ million a turn from the non-energy economy at economy 50.'),
    economyBase: int(0, 100).default(30).describe('What the economy meter tends to without energy revenue.'),
    revenuePerEconomyPoint: int(1, 10_000)
      .default(10)
      .describe('$ million of energy revenue a turn that lift the economy’s target by one point (at most 50 points).'),
    securityBase: int(0, 100).default(35).describe('What the security meter settles toward.'),
    stickStance: int(-100, 100)
      .default(-15)
      .describe('With carrotStance, sets the midpoint below which a power leans to sticks (the further below, the more often).'),
    carrotStance: int(-100, 100)
      .default(20)
      .describe('With stickStance, sets the midpoint above which a power leans to carrots; carrot odds grow from 5 points below it.'),
  })
  .meta({ id: 'Model', description: 'Tuning of the engine’s rules; every field has a default. See docs/model.md.' });

const meter = (what: string) => int(0, 100).describe(`${what} at the start, 0–100.`);

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema this file follows, for editors.'),
    formatVersion: z
      .union([z.literal(1), z.literal(2)], { error: `formatVersion must be one of ${FORMAT_VERSIONS.join(', ')} (${FORMAT_VERSION} is current)` })
      .describe(`The version of the format the file is written in; ${FORMAT_VERSION} is current, older ones are still read.`),
    id: slug('the scenario id').describe('Lowercase words joined by hyphens; the file name should match.'),
    title: text(80).describe('The title, shown in the scenario picker.'),
    period: text(40).describe('The period covered, as shown in the scenario picker, e.g. "1991–1994".'),
    summary: text(400).describe('Two lines for the scenario picker.'),
    briefing: text(2000).optional().describe('The opening briefing shown when the game starts.'),
    calendar: z
      .strictObject({
        start: Month.describe('The month the first turn starts.'),
        monthsPerTurn: int(1, 12).describe('Months in a turn: 3 for quarters.'),
        turns: int(1, 200).describe('How many turns the scenario lasts (at most 200: see docs/security.md).'),
      })
      .describe('When the scenario starts, how long a turn is, how many turns.'),
    eras: z
      .array(
        z.strictObject({
          from: Month.describe('The first month of the era.'),
          title: text(60).describe("The era's heading, shown beside the date from that month on."),
        }),
      )
      .max(20)
      .optional()
      .describe("Eras of a long scenario, in order: each era's title heads the screen from its first month (a campaign's chapters)."),
    initial: z
      .strictObject({
        leader: text(60).describe('Who leads Azerbaijan at the start.'),
        meters: z
          .strictObject({
            sovereignty: meter('Sovereignty'),
            stability: meter('Stability'),
            economy: meter('The economy'),
            security: meter('Security'),
            karabakh: meter('Karabakh'),
          })
          .describe('Azerbaijan’s meters at the start.'),
        treasury: int(-100_000, 1_000_000).describe('$ million in the treasury at the start.'),
        capital: int(0, 20).describe('Political capital at the start.'),
        flags: z
          .record(slug('a flag name'), z.union([z.boolean(), z.number().int()]))
          .default({})
          .describe('Flags and counters set at the start: true, or a whole number.'),
      })
      .describe('The state at the start.'),
    model: Model.default(Model.parse({})),
    powers: z.strictObject({ russia: PowerSchema, turkey: PowerSchema, iran: PowerSchema, west: PowerSchema }).describe('The four powers, all of them.'),
    energy: z
      .strictObject({
        fields: z.array(Field).default([]).describe('Oil and gas fields.'),
        routes: z.array(Route).default([]).describe('Export routes, filled in this order.'),
      })
      .describe('Fields and routes.'),
    actions: z.array(ActionSchema).max(200, 'at most 200 actions (see docs/security.md)').describe('The player’s levers.'),
    events: z
      .array(EventSchema)
      .max(300, 'at most 300 events (see docs/security.md)')
      .describe('The story: dated, windowed, conditional and scheduled events.'),
    trends: z.array(Trend).default([]).describe('Effects applied every turn while their condition holds.'),
    features: z.array(MapFeature).default([]).describe('Security features for the map.'),
    outcomes: z
      .strictObject({
        lose: z.array(LoseRule).min(1, 'define at least one way to lose').describe('Ways to lose, checked in order.'),
        win: z.array(WinRule).optional().describe('Ways to win before the last turn, checked in order after the lose rules.'),
        endings: z.array(Ending).optional().describe('Endings for a game that reaches its last turn; the first that holds is told, else "Azerbaijan endures".'),
        score: ScoreWeights,
        ratings: z.array(Rating).min(1).describe('Labels for score bands.'),
      })
      .describe('How the game ends and is scored.'),
    lint: z
      .strictObject({ ignore: z.array(z.string().max(200)).default([]).describe('"rule" or "rule:subject" for each finding to silence.') })
      .optional()
      .describe('Lint findings to silence, as "rule" or "rule:subject".'),
  })
  .meta({ id: 'Scenario', title: 'Caspian Balance scenario', description: 'A Caspian Balance scenario.' });
