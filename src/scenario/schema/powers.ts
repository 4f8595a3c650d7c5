/** The four powers: where each stands, what it wants, and how it answers. */
import * as z from 'zod/mini';
import { ConditionSchema } from './conditions.ts';
import { Effects } from './effects.ts';
import { describe, int, meta, Sources, slug, text } from './primitives.ts';

const InfluenceSource = meta(
  z.strictObject({
    id: describe(slug('an influence source id'), 'A unique id within the power.'),
    label: describe(text(80), 'Why this power has a hold over Azerbaijan, e.g. "70% of trade bound for Russia".'),
    amount: describe(int(-100, 100), 'Influence it adds to what the power’s influence settles toward, while it holds.'),
    when: describe(z.optional(ConditionSchema), 'While this holds; always when omitted.'),
    sources: z.optional(Sources),
  }),
  { id: 'InfluenceSource', description: 'A tie that gives a power influence over Azerbaijan.' },
);

const Concern = meta(
  z.strictObject({
    id: describe(slug('a concern id'), 'A unique id within the power.'),
    label: describe(text(80), 'What the power wants or fears, as the player will read it in a cause list.'),
    delta: describe(int(-20, 20), 'Change to the relation every turn while the condition holds.'),
    when: describe(ConditionSchema, 'When the power feels this.'),
    sources: z.optional(Sources),
  }),
  { id: 'Concern', description: 'Something the power reacts to every turn while it holds.' },
);

const Response = meta(
  z.strictObject({
    id: describe(slug('a response id'), 'A unique id within the power.'),
    kind: describe(z.enum(['stick', 'carrot']), 'stick: used when the power is hostile; carrot: when it is warm.'),
    label: describe(text(80), 'A short name, shown in the turn report.'),
    text: describe(text(600), 'What the power does, shown in the turn report.'),
    when: describe(z.optional(ConditionSchema), 'Only while this holds.'),
    stanceAtMost: describe(
      z.optional(int(-100, 100)),
      'Only while the power’s felt stance (its stance moved 8 points by the difficulty) is at or below this (a harsher stick).',
    ),
    stanceAtLeast: describe(z.optional(int(-100, 100)), 'Only while the power’s felt stance is at or above this (a warmer carrot).'),
    weight: describe(z._default(int(1, 100), 1), 'How likely it is picked among the eligible responses of its kind (weights are relative).'),
    cooldown: describe(z._default(int(0, 40), 2), 'Turns before it can be used again.'),
    effects: Effects,
    duration: describe(
      z._default(int(0, 40), 0),
      'Turns the response stays in force after the turn it is used (an embargo, a troop build-up); while it does, `{"active": …}` conditions hold and the map shows it.',
    ),
    endEffects: describe(z._default(Effects, []), 'Applied when a response with a duration ends (reopen the route, pull the troops back).'),
    sources: z.optional(Sources),
  }),
  { id: 'Response', description: 'Something a power does to Azerbaijan: a stick or a carrot.' },
);

export const PowerSchema = meta(
  z.strictObject({
    name: describe(text(40), 'The name shown to the player.'),
    relation: describe(int(-100, 100), 'Its relation with Azerbaijan at the start, −100 (hostile) to 100 (friendly).'),
    influence: describe(int(0, 100), 'Its influence over Azerbaijan at the start, 0 to 100.'),
    baseRelation: describe(int(-100, 100), 'Where the relation settles when nothing pushes it (10% of the gap a turn).'),
    baseInfluence: describe(int(0, 100), 'Influence the power has before any of its influence sources.'),
    aggression: describe(z._default(int(0, 300), 100), 'Percent scaling of how fast its stick odds grow below the midpoint of the stick and carrot stances.'),
    agenda: describe(text(600), 'What this power wants in the region, in a sentence or two.'),
    influenceSources: describe(z._default(z.array(InfluenceSource), []), 'Its ties: what its influence settles toward.'),
    concerns: describe(z._default(z.array(Concern), []), 'What moves its relation, every turn they hold.'),
    responses: describe(z._default(z.array(Response), []), 'Its repertoire of sticks and carrots.'),
  }),
  { id: 'Power', description: 'One of the four powers.' },
);
