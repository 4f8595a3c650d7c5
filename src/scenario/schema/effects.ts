/**
 * Effects: changes to the game state, each an object whose `op` names it. The engine's
 * interpreter (src/core/effects.ts) is the only code that runs them.
 */
import { z } from 'zod';
import { FIELD_STATUSES, ROUTE_STATUSES, WRITABLE_VARS } from '../../core/vocabulary.ts';
import { type Condition, ConditionSchema } from './conditions.ts';
import { type Amount, amount, int, slug, text } from './primitives.ts';

type RouteStatusName = (typeof ROUTE_STATUSES)[number];
type FieldStatusName = (typeof FIELD_STATUSES)[number];
type WritableVarName = (typeof WRITABLE_VARS)[number];

export type Effect =
  | { op: 'add'; var: WritableVarName; delta: Amount }
  | { op: 'set'; var: WritableVarName; value: number }
  | { op: 'flag'; flag: string; value?: boolean | number }
  | { op: 'inc'; counter: string; by?: Amount }
  | { op: 'dec'; counter: string; by?: Amount }
  | {
      op: 'route';
      route: string;
      status?: RouteStatusName;
      capacity?: number;
      price?: number;
      leverage?: number;
      add?: { capacity?: Amount; price?: number; leverage?: number };
    }
  | { op: 'field'; field: string; status?: FieldStatusName; output?: number }
  | { op: 'if'; when: Condition; then: Effect[]; else?: Effect[] }
  | { op: 'chance'; percent: number; then: Effect[]; else?: Effect[] }
  | { op: 'event'; event: string; delay?: number; wait?: number }
  | { op: 'cancel'; event: string }
  | { op: 'leader'; name: string }
  | { op: 'lose'; outcome: string }
  | { op: 'win'; outcome: string };

const writableVar = z
  .enum(WRITABLE_VARS, { error: `var must be one of: ${WRITABLE_VARS.join(', ')}` })
  .describe('The variable to change: a meter, treasury, capital, or a power’s relation, influence, baseRelation or aggression.');
const effectList = () => z.array(z.lazy(() => EffectSchema)).max(64, 'at most 64 effects in one list');
const op = <T extends string>(name: T, what: string) => z.literal(name).describe(what);

/** The forms, each under its `op`: the schema, and what it does. */
export const EFFECT_FORMS = {
  add: z
    .strictObject({
      op: op('add', 'Adds to a variable.'),
      var: writableVar,
      delta: amount(-100_000, 100_000, 'How much to add (negative to take away); the result is kept in the variable’s range'),
    })
    .meta({ id: 'AddEffect', description: 'Adds to a variable, clamped to its range: {"op": "add", "var": "russia.relation", "delta": -6}.' }),
  set: z
    .strictObject({
      op: op('set', 'Sets a variable.'),
      var: writableVar,
      value: int(-100_000, 1_000_000).describe('The new value (kept in the variable’s range).'),
    })
    .meta({ id: 'SetEffect', description: 'Sets a variable to a value: {"op": "set", "var": "stability", "value": 40}.' }),
  flag: z
    .strictObject({
      op: op('flag', 'Sets or clears a flag.'),
      flag: slug('a flag name').describe('The flag.'),
      value: z
        .union([z.boolean(), int(-1_000_000, 1_000_000)])
        .optional()
        .describe('true (the default) or a number sets it; false or 0 clears it.'),
    })
    .meta({ id: 'FlagEffect', description: 'Sets a flag: {"op": "flag", "flag": "cis-member"}; "value": false clears it.' }),
  inc: z
    .strictObject({
      op: op('inc', 'Raises a counter.'),
      counter: slug('a counter name').describe('The counter; one never counted starts at 0.'),
      by: amount(1, 1000, 'How much to raise it; 1 by default').optional(),
    })
    .meta({ id: 'IncEffect', description: 'Raises a counter: {"op": "inc", "counter": "protests"}.' }),
  dec: z
    .strictObject({
      op: op('dec', 'Lowers a counter.'),
      counter: slug('a counter name').describe('The counter; one never counted starts at 0.'),
      by: amount(1, 1000, 'How much to lower it; 1 by default').optional(),
    })
    .meta({ id: 'DecEffect', description: 'Lowers a counter (it may go below 0): {"op": "dec", "counter": "protests", "by": 2}.' }),
  route: z
    .strictObject({
      op: op('route', 'Changes a route.'),
      route: slug('a route id').describe('The route, by id.'),
      status: z.enum(ROUTE_STATUSES).optional().describe('The new status.'),
      capacity: int(0, 1000).optional().describe('The new capacity, in export units a turn.'),
      price: z.number().min(0).max(1000).optional().describe('The new price, $ million per unit carried.'),
      leverage: int(0, 50).optional().describe('The new leverage: influence given to each transit power while the route operates.'),
      add: z
        .strictObject({
          capacity: amount(-1000, 1000, 'Units a turn to add to the capacity').optional(),
          price: z.number().min(-1000).max(1000).optional().describe('$ million per unit to add to the price.'),
          leverage: int(-50, 50).optional().describe('Points to add to the leverage.'),
        })
        .optional()
        .describe('Amounts to add to the route’s capacity, price or leverage (results kept in range: capacity 0–1000, price 0–1000, leverage 0–50).'),
    })
    .meta({
      id: 'RouteEffect',
      description:
        'Changes a route’s status, capacity, price or leverage: {"op": "route", "route": "baku-supsa", "status": "operating", "add": {"capacity": 4}}.',
    }),
  field: z
    .strictObject({
      op: op('field', 'Changes a field.'),
      field: slug('a field id').describe('The field, by id.'),
      status: z.enum(FIELD_STATUSES).optional().describe('The new status.'),
      output: int(0, 1000).optional().describe('The new output, in export units a turn while producing.'),
    })
    .meta({ id: 'FieldEffect', description: 'Changes a field’s status or output: {"op": "field", "field": "acg", "status": "producing", "output": 20}.' }),
  if: z
    .strictObject({
      op: op('if', 'Chooses effects by a condition.'),
      when: z.lazy(() => ConditionSchema).describe('The condition, read when the effect runs.'),
      then: effectList().describe('Effects applied when the condition holds.'),
      else: effectList().optional().describe('Effects applied when it does not.'),
    })
    .meta({ id: 'IfEffect', description: 'Applies "then" when the condition holds, "else" otherwise.' }),
  chance: z
    .strictObject({
      op: op('chance', 'Chooses effects at random.'),
      percent: int(0, 100).describe('The chance of "then", in percent.'),
      then: effectList().describe('Effects applied when the chance comes up.'),
      else: effectList().optional().describe('Effects applied when it does not.'),
    })
    .meta({ id: 'ChanceEffect', description: 'Applies "then" with the given chance (the game’s seeded generator), "else" otherwise.' }),
  event: z
    .strictObject({
      op: op('event', 'Schedules an event.'),
      event: slug('an event id').describe('The event, by id.'),
      delay: int(0, 40).optional().describe('Turns from now; 1 (the next turn) by default, 0 this turn.'),
      wait: int(1, 400)
        .optional()
        .describe('Turns the event may wait past its due turn for its conditions to hold; without it, it is dropped if they do not hold when due.'),
    })
    .meta({ id: 'EventEffect', description: 'Schedules an event: {"op": "event", "event": "western-route-opens", "delay": 4}.' }),
  cancel: z.strictObject({ op: op('cancel', 'Cancels a scheduled event.'), event: slug('an event id').describe('The event, by id.') }).meta({
    id: 'CancelEffect',
    description: 'Removes every scheduled raising of the event that has not happened yet: {"op": "cancel", "event": "western-route-opens"}.',
  }),
  leader: z
    .strictObject({ op: op('leader', 'Changes who leads Azerbaijan.'), name: text(60).describe('The new leader’s name.') })
    .meta({ id: 'LeaderEffect', description: 'Installs a new leader: {"op": "leader", "name": "Heydar Aliyev"}.' }),
  lose: z
    .strictObject({ op: op('lose', 'Ends the game in a loss.'), outcome: slug('an outcome id').describe('The id of a rule in outcomes.lose.') })
    .meta({ id: 'LoseEffect', description: 'Ends the game with that lose rule: {"op": "lose", "outcome": "coup"}.' }),
  win: z
    .strictObject({ op: op('win', 'Ends the game in a win.'), outcome: slug('an outcome id').describe('The id of a rule in outcomes.win.') })
    .meta({ id: 'WinEffect', description: 'Ends the game with that win: {"op": "win", "outcome": "peace-treaty"}.' }),
} as const;

export const EFFECT_OPS = Object.keys(EFFECT_FORMS) as (keyof typeof EFFECT_FORMS)[];

export const EffectSchema: z.ZodType<Effect> = z
  .lazy(() =>
    z.discriminatedUnion('op', Object.values(EFFECT_FORMS) as unknown as [z.ZodObject, ...z.ZodObject[]], {
      error: `op must be one of: ${EFFECT_OPS.join(', ')}`,
    }),
  )
  .meta({
    id: 'Effect',
    description:
      'A change to the game state, one object whose "op" names it: add / set a variable; flag; inc / dec a counter; route / field changes; if / chance branches; event schedules and cancel unschedules an event; leader; lose / win end the game.',
  }) as unknown as z.ZodType<Effect>;

export const Effects = effectList().describe('Effects applied in order.');
