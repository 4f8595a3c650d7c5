/** The player's levers (actions), the story (events), ongoing trends and map features. */
import { z } from 'zod';
import { DOMAINS } from '../../core/vocabulary.ts';
import { ConditionSchema } from './conditions.ts';
import { Effects } from './effects.ts';
import { int, LonLat, Month, note, Sources, slug, text } from './primitives.ts';

export const ActionSchema = z
  .strictObject({
    id: slug('an action id').describe('A unique id.'),
    label: text(60).describe('The button’s label.'),
    domain: z.enum(DOMAINS).describe('energy, diplomacy or security: the group it is listed in.'),
    text: text(600).describe('What it does, in a sentence or two (the tooltip).'),
    cost: z
      .strictObject({
        capital: int(0, 10).describe('Political capital it costs.'),
        treasury: int(0, 100_000).default(0).describe('$ million it costs.'),
      })
      .describe('What it costs to take.'),
    era: z
      .strictObject({
        from: Month.optional().describe('The first month it is listed.'),
        to: Month.optional().describe('The last month it is listed.'),
      })
      .optional()
      .describe('The period the action belongs to: outside it, it is not listed at all.'),
    when: ConditionSchema.optional().describe('When the action is on offer; also shown as the reason when it is not.'),
    whenText: text(160).optional().describe('The reason shown when `when` does not hold, in the player’s words.'),
    limit: int(1, 100).optional().describe('How many times in a game it can be taken.'),
    cooldown: int(0, 40).default(0).describe('Turns to wait before taking it again.'),
    effects: Effects,
    historical: z.array(Month).optional().describe('Months in which Azerbaijan actually did this.'),
    sources: Sources.optional(),
    note: note().optional(),
  })
  .meta({ id: 'Action', description: 'A lever the player can pull: it costs capital (and perhaps money) and has effects.' });

const ChoiceVariant = z
  .strictObject({
    when: ConditionSchema.describe('When this wording applies.'),
    label: text(120).optional().describe('The label on this path.'),
    hint: text(200).optional().describe('The hint on this path.'),
  })
  .meta({ id: 'ChoiceVariant', description: 'Another wording of a choice, for the paths where its condition holds.' });

const Choice = z
  .strictObject({
    id: slug('a choice id').describe('A unique id within the event.'),
    label: text(120).describe('The button’s label.'),
    hint: text(200).optional().describe('A hint of the consequences, shown under the choice.'),
    when: ConditionSchema.optional().describe('The choice is offered only while this holds; otherwise the player does not see it.'),
    variants: z.array(ChoiceVariant).max(8).optional().describe('Other wordings: the first whose `when` holds replaces the label and/or hint.'),
    effects: Effects,
    historical: z.boolean().optional().describe('true marks the choice history took (only where the sources record it); false or omitted: not history’s.'),
  })
  .meta({ id: 'Choice', description: 'One answer to an event.' });

const EventVariant = z
  .strictObject({
    when: ConditionSchema.describe('When this wording applies (read when the event is shown).'),
    title: text(100).optional().describe('The title on this path.'),
    text: text(1500).optional().describe('The text on this path.'),
  })
  .meta({ id: 'EventVariant', description: 'Another wording of an event, for the paths where its condition holds.' });

export const EventSchema = z
  .strictObject({
    id: slug('an event id').describe('A unique id.'),
    date: Month.optional().describe('Fires on the turn containing this month, if its conditions hold then.'),
    window: z
      .strictObject({ from: Month.describe('The first month it can fire.'), to: Month.describe('The last month it can fire.') })
      .optional()
      .describe('Fires on the first turn in the window where its conditions hold (and its chance, if any, comes up).'),
    conditions: ConditionSchema.optional().describe('Must hold for the event to fire; alone (no date, no window), it fires whenever they hold.'),
    chance: int(1, 100)
      .optional()
      .describe("Percent chance per eligible turn; a windowed event whose conditions hold fires on its window's last turn regardless."),
    repeat: int(1, 40).optional().describe('Can fire again this many turns after it last fired.'),
    title: text(100).describe('The title of the event dialog.'),
    text: text(1500).describe('What happens, in your own words.'),
    variants: z
      .array(EventVariant)
      .max(8)
      .optional()
      .describe("Text that follows the player's path: the first variant whose `when` holds (read when the event is shown) replaces the title and/or text."),
    happened: Month.optional().describe('When this happened in history, for the debrief; defaults to `date`. Omit for events history did not record.'),
    whatIf: z.literal(true).optional().describe('Marks an event the sources do not record (a what-if): no choice is historical, and the debrief says so.'),
    note: note().optional(),
    sources: Sources.min(1, 'cite at least one of the five source documents').describe('Where this comes from in the sources: one citation at least.'),
    effects: Effects.default([]).describe('Applied when the event fires, before any choice; a news event (no choices) has only these.'),
    choices: z
      .array(Choice)
      .max(6, 'at most 6 choices')
      .default([])
      .describe('The decisions offered; none makes a news event that is reported without asking the player.'),
  })
  .meta({ id: 'Event', description: 'Something that happens: dated, windowed, conditional or scheduled; with choices, or news.' });

export const Trend = z
  .strictObject({
    id: slug('a trend id').describe('A unique id.'),
    label: text(80).describe('The cause shown for its changes.'),
    when: ConditionSchema.describe('While this holds, its effects apply every turn.'),
    effects: Effects,
    sources: Sources.optional(),
  })
  .meta({ id: 'Trend', description: 'Effects applied every turn while a condition holds (a war, an embargo).' });

export const MapFeature = z
  .strictObject({
    id: slug('a feature id').describe('A unique id.'),
    kind: z.enum(['radar', 'base', 'troops', 'front']).describe('How it is drawn.'),
    name: text(60).describe('Its label on the map.'),
    at: LonLat.describe('Where it is drawn.'),
    text: text(300).describe('The tooltip: what it is and why it matters.'),
    when: ConditionSchema.optional().describe('Shown as active while this holds; inactive (greyed) otherwise.'),
    sources: Sources.optional(),
  })
  .meta({ id: 'MapFeature', description: 'A security feature drawn on the map: a radar, a base, troops, a front line.' });
