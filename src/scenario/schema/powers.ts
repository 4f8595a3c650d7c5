/** The four powers: where each stands, what it wants, and how it answers. */
import { z } from 'zod';
import { ConditionSchema } from './conditions.ts';
import { Effects } from './effects.ts';
import { int, Sources, slug, text } from './primitives.ts';

const InfluenceSource = z
  .strictObject({
    id: slug('an influence source id').describe('A unique id within the power.'),
    label: text(80).describe('Why this power has a hold over Azerbaijan, e.g. "70% of trade bound for Russia".'),
    amount: int(-100, 100).describe('Influence it adds to what the power’s influence settles toward, while it holds.'),
    when: ConditionSchema.optional().describe('While this holds; always when omitted.'),
    sources: Sources.optional(),
  })
  .meta({ id: 'InfluenceSource', description: 'A tie that gives a power influence over Azerbaijan.' });

const Concern = z
  .strictObject({
    id: slug('a concern id').describe('A unique id within the power.'),
    label: text(80).describe('What the power wants or fears, as the player will read it in a cause list.'),
    delta: int(-20, 20).describe('Change to the relation every turn while the condition holds.'),
    when: ConditionSchema.describe('When the power feels this.'),
    sources: Sources.optional(),
  })
  .meta({ id: 'Concern', description: 'Something the power reacts to every turn while it holds.' });

const Response = z
  .strictObject({
    id: slug('a response id').describe('A unique id within the power.'),
    kind: z.enum(['stick', 'carrot']).describe('stick: used when the power is hostile; carrot: when it is warm.'),
    label: text(80).describe('A short name, shown in the turn report.'),
    text: text(600).describe('What the power does, shown in the turn report.'),
    when: ConditionSchema.optional().describe('Only while this holds.'),
    stanceAtMost: int(-100, 100)
      .optional()
      .describe('Only while the power’s felt stance (its stance moved 8 points by the difficulty) is at or below this (a harsher stick).'),
    stanceAtLeast: int(-100, 100).optional().describe('Only while the power’s felt stance is at or above this (a warmer carrot).'),
    weight: int(1, 100).default(1).describe('How likely it is picked among the eligible responses of its kind (weights are relative).'),
    cooldown: int(0, 40).default(2).describe('Turns before it can be used again.'),
    effects: Effects,
    duration: int(0, 40)
      .default(0)
      .describe(
        'Turns the response stays in force after the turn it is used (an embargo, a troop build-up); while it does, `{"active": …}` conditions hold and the map shows it.',
      ),
    endEffects: Effects.default([]).describe('Applied when a response with a duration ends (reopen the route, pull the troops back).'),
    sources: Sources.optional(),
  })
  .meta({ id: 'Response', description: 'Something a power does to Azerbaijan: a stick or a carrot.' });

export const PowerSchema = z
  .strictObject({
    name: text(40).describe('The name shown to the player.'),
    relation: int(-100, 100).describe('Its relation with Azerbaijan at the start, −100 (hostile) to 100 (friendly).'),
    influence: int(0, 100).describe('Its influence over Azerbaijan at the start, 0 to 100.'),
    baseRelation: int(-100, 100).describe('Where the relation settles when nothing pushes it (10% of the gap a turn).'),
    baseInfluence: int(0, 100).describe('Influence the power has before any of its influence sources.'),
    aggression: int(0, 300).default(100).describe('Percent scaling of how fast its stick odds grow below the midpoint of the stick and carrot stances.'),
    agenda: text(600).describe('What this power wants in the region, in a sentence or two.'),
    influenceSources: z.array(InfluenceSource).default([]).describe('Its ties: what its influence settles toward.'),
    concerns: z.array(Concern).default([]).describe('What moves its relation, every turn they hold.'),
    responses: z.array(Response).default([]).describe('Its repertoire of sticks and carrots.'),
  })
  .meta({ id: 'Power', description: 'One of the four powers.' });
