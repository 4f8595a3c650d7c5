/** The player's levers (actions), the story (events), ongoing trends and map features. */
import * as z from 'zod/mini';
import { DOMAINS } from '../../core/vocabulary.ts';
import { ConditionSchema } from './conditions.ts';
import { Effects } from './effects.ts';
import { describe, int, LonLat, Month, meta, note, Sources, slug, text } from './primitives.ts';

export const ActionSchema = meta(
  z.strictObject({
    id: describe(slug('an action id'), 'A unique id.'),
    label: describe(text(60), 'The button’s label.'),
    domain: describe(z.enum(DOMAINS), 'energy, diplomacy or security: the group it is listed in.'),
    text: describe(text(600), 'What it does, in a sentence or two (the tooltip).'),
    cost: describe(
      z.strictObject({
        capital: describe(int(0, 10), 'Political capital it costs.'),
        treasury: describe(z._default(int(0, 100_000), 0), '$ million it costs.'),
      }),
      'What it costs to take.',
    ),
    era: describe(
      z.optional(
        z.strictObject({
          from: describe(z.optional(Month), 'The first month it is listed.'),
          to: describe(z.optional(Month), 'The last month it is listed.'),
        }),
      ),
      'The period the action belongs to: outside it, it is not listed at all.',
    ),
    when: describe(z.optional(ConditionSchema), 'When the action is on offer; also shown as the reason when it is not.'),
    whenText: describe(z.optional(text(160)), 'The reason shown when `when` does not hold, in the player’s words.'),
    limit: describe(z.optional(int(1, 100)), 'How many times in a game it can be taken.'),
    cooldown: describe(z._default(int(0, 40), 0), 'Turns to wait before taking it again.'),
    effects: Effects,
    historical: describe(z.optional(z.array(Month)), 'Months in which Azerbaijan actually did this.'),
    sources: z.optional(Sources),
    note: z.optional(note()),
  }),
  { id: 'Action', description: 'A lever the player can pull: it costs capital (and perhaps money) and has effects.' },
);

const ChoiceVariant = meta(
  z.strictObject({
    when: describe(ConditionSchema, 'When this wording applies.'),
    label: describe(z.optional(text(120)), 'The label on this path.'),
    hint: describe(z.optional(text(200)), 'The hint on this path.'),
  }),
  { id: 'ChoiceVariant', description: 'Another wording of a choice, for the paths where its condition holds.' },
);

const Choice = meta(
  z.strictObject({
    id: describe(slug('a choice id'), 'A unique id within the event.'),
    label: describe(text(120), 'The button’s label.'),
    hint: describe(z.optional(text(200)), 'A hint of the consequences, shown under the choice.'),
    when: describe(z.optional(ConditionSchema), 'The choice is offered only while this holds; otherwise the player does not see it.'),
    variants: describe(
      z.optional(z.array(ChoiceVariant).check(z.maxLength(8))),
      'Other wordings: the first whose `when` holds replaces the label and/or hint.',
    ),
    effects: Effects,
    historical: describe(z.optional(z.boolean()), 'true marks the choice history took (only where the sources record it); false or omitted: not history’s.'),
  }),
  { id: 'Choice', description: 'One answer to an event.' },
);

const EventVariant = meta(
  z.strictObject({
    when: describe(ConditionSchema, 'When this wording applies (read when the event is shown).'),
    title: describe(z.optional(text(100)), 'The title on this path.'),
    text: describe(z.optional(text(1500)), 'The text on this path.'),
  }),
  { id: 'EventVariant', description: 'Another wording of an event, for the paths where its condition holds.' },
);

export const EventSchema = meta(
  z.strictObject({
    id: describe(slug('an event id'), 'A unique id.'),
    date: describe(z.optional(Month), 'Fires on the turn containing this month, if its conditions hold then.'),
    window: describe(
      z.optional(z.strictObject({ from: describe(Month, 'The first month it can fire.'), to: describe(Month, 'The last month it can fire.') })),
      'Fires on the first turn in the window where its conditions hold (and its chance, if any, comes up).',
    ),
    conditions: describe(z.optional(ConditionSchema), 'Must hold for the event to fire; alone (no date, no window), it fires whenever they hold.'),
    chance: describe(
      z.optional(int(1, 100)),
      "Percent chance per eligible turn; a windowed event whose conditions hold fires on its window's last turn regardless.",
    ),
    repeat: describe(z.optional(int(1, 40)), 'Can fire again this many turns after it last fired.'),
    title: describe(text(100), 'The title of the event dialog.'),
    text: describe(text(1500), 'What happens, in your own words.'),
    variants: describe(
      z.optional(z.array(EventVariant).check(z.maxLength(8))),
      "Text that follows the player's path: the first variant whose `when` holds (read when the event is shown) replaces the title and/or text.",
    ),
    happened: describe(z.optional(Month), 'When this happened in history, for the debrief; defaults to `date`. Omit for events history did not record.'),
    whatIf: describe(z.optional(z.literal(true)), 'Marks an event the sources do not record (a what-if): no choice is historical, and the debrief says so.'),
    note: z.optional(note()),
    sources: describe(
      Sources.check(z.minLength(1, 'cite at least one of the five source documents')),
      'Where this comes from in the sources: one citation at least.',
    ),
    effects: describe(z._default(Effects, []), 'Applied when the event fires, before any choice; a news event (no choices) has only these.'),
    choices: describe(
      z._default(z.array(Choice).check(z.maxLength(6, 'at most 6 choices')), []),
      'The decisions offered; none makes a news event that is reported without asking the player.',
    ),
  }),
  { id: 'Event', description: 'Something that happens: dated, windowed, conditional or scheduled; with choices, or news.' },
);

export const Trend = meta(
  z.strictObject({
    id: describe(slug('a trend id'), 'A unique id.'),
    label: describe(text(80), 'The cause shown for its changes.'),
    when: describe(ConditionSchema, 'While this holds, its effects apply every turn.'),
    effects: Effects,
    sources: z.optional(Sources),
  }),
  { id: 'Trend', description: 'Effects applied every turn while a condition holds (a war, an embargo).' },
);

export const MapFeature = meta(
  z.strictObject({
    id: describe(slug('a feature id'), 'A unique id.'),
    kind: describe(z.enum(['radar', 'base', 'troops', 'front']), 'How it is drawn.'),
    name: describe(text(60), 'Its label on the map.'),
    at: describe(LonLat, 'Where it is drawn.'),
    text: describe(text(300), 'The tooltip: what it is and why it matters.'),
    when: describe(z.optional(ConditionSchema), 'Shown as active while this holds; inactive (greyed) otherwise.'),
    sources: z.optional(Sources),
  }),
  { id: 'MapFeature', description: 'A security feature drawn on the map: a radar, a base, troops, a front line.' },
);
