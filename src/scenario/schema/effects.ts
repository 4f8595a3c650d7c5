/**
 * Effects: changes to the game state, each an object whose `op` names it. The engine's
 * interpreter (src/core/effects.ts) is the only code that runs them.
 */
import * as z from 'zod/mini';
import { FIELD_STATUSES, ROUTE_STATUSES, WRITABLE_VARS } from '../../core/vocabulary.ts';
import { type Condition, ConditionSchema } from './conditions.ts';
import { type Amount, amount, describe, int, meta, slug, text } from './primitives.ts';

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

const writableVar = describe(
  z.enum(WRITABLE_VARS, { error: `var must be one of: ${WRITABLE_VARS.join(', ')}` }),
  'The variable to change: a meter, treasury, capital, or a power’s relation, influence, baseRelation or aggression.',
);
const effectList = () => z.array(z.lazy(() => EffectSchema)).check(z.maxLength(64, 'at most 64 effects in one list'));
const op = <T extends string>(name: T, what: string) => describe(z.literal(name), what);

/** The forms, each under its `op`: the schema, and what it does. */
export const EFFECT_FORMS = {
  add: meta(
    z.strictObject({
      op: op('add', 'Adds to a variable.'),
      var: writableVar,
      delta: amount(-100_000, 100_000, 'How much to add (negative to take away); the result is kept in the variable’s range'),
    }),
    { id: 'AddEffect', description: 'Adds to a variable, clamped to its range: {"op": "add", "var": "russia.relation", "delta": -6}.' },
  ),
  set: meta(
    z.strictObject({
      op: op('set', 'Sets a variable.'),
      var: writableVar,
      value: describe(int(-100_000, 1_000_000), 'The new value (kept in the variable’s range).'),
    }),
    { id: 'SetEffect', description: 'Sets a variable to a value: {"op": "set", "var": "stability", "value": 40}.' },
  ),
  flag: meta(
    z.strictObject({
      op: op('flag', 'Sets or clears a flag.'),
      flag: describe(slug('a flag name'), 'The flag.'),
      value: describe(z.optional(z.union([z.boolean(), int(-1_000_000, 1_000_000)])), 'true (the default) or a number sets it; false or 0 clears it.'),
    }),
    { id: 'FlagEffect', description: 'Sets a flag: {"op": "flag", "flag": "cis-member"}; "value": false clears it.' },
  ),
  inc: meta(
    z.strictObject({
      op: op('inc', 'Raises a counter.'),
      counter: describe(slug('a counter name'), 'The counter; one never counted starts at 0.'),
      by: z.optional(amount(1, 1000, 'How much to raise it; 1 by default')),
    }),
    { id: 'IncEffect', description: 'Raises a counter: {"op": "inc", "counter": "protests"}.' },
  ),
  dec: meta(
    z.strictObject({
      op: op('dec', 'Lowers a counter.'),
      counter: describe(slug('a counter name'), 'The counter; one never counted starts at 0.'),
      by: z.optional(amount(1, 1000, 'How much to lower it; 1 by default')),
    }),
    { id: 'DecEffect', description: 'Lowers a counter (it may go below 0): {"op": "dec", "counter": "protests", "by": 2}.' },
  ),
  route: meta(
    z.strictObject({
      op: op('route', 'Changes a route.'),
      route: describe(slug('a route id'), 'The route, by id.'),
      status: describe(z.optional(z.enum(ROUTE_STATUSES)), 'The new status.'),
      capacity: describe(z.optional(int(0, 1000)), 'The new capacity, in export units a turn.'),
      price: describe(z.optional(z.number().check(z.gte(0), z.lte(1000))), 'The new price, $ million per unit carried.'),
      leverage: describe(z.optional(int(0, 50)), 'The new leverage: influence given to each transit power while the route operates.'),
      add: describe(
        z.optional(
          z.strictObject({
            capacity: z.optional(amount(-1000, 1000, 'Units a turn to add to the capacity')),
            price: describe(z.optional(z.number().check(z.gte(-1000), z.lte(1000))), '$ million per unit to add to the price.'),
            leverage: describe(z.optional(int(-50, 50)), 'Points to add to the leverage.'),
          }),
        ),
        'Amounts to add to the route’s capacity, price or leverage (results kept in range: capacity 0–1000, price 0–1000, leverage 0–50).',
      ),
    }),
    {
      id: 'RouteEffect',
      description:
        'Changes a route’s status, capacity, price or leverage: {"op": "route", "route": "baku-supsa", "status": "operating", "add": {"capacity": 4}}.',
    },
  ),
  field: meta(
    z.strictObject({
      op: op('field', 'Changes a field.'),
      field: describe(slug('a field id'), 'The field, by id.'),
      status: describe(z.optional(z.enum(FIELD_STATUSES)), 'The new status.'),
      output: describe(z.optional(int(0, 1000)), 'The new output, in export units a turn while producing.'),
    }),
    { id: 'FieldEffect', description: 'Changes a field’s status or output: {"op": "field", "field": "acg", "status": "producing", "output": 20}.' },
  ),
  if: meta(
    z.strictObject({
      op: op('if', 'Chooses effects by a condition.'),
      when: describe(
        z.lazy(() => ConditionSchema),
        'The condition, read when the effect runs.',
      ),
      then: describe(effectList(), 'Effects applied when the condition holds.'),
      else: describe(z.optional(effectList()), 'Effects applied when it does not.'),
    }),
    { id: 'IfEffect', description: 'Applies "then" when the condition holds, "else" otherwise.' },
  ),
  chance: meta(
    z.strictObject({
      op: op('chance', 'Chooses effects at random.'),
      percent: describe(int(0, 100), 'The chance of "then", in percent.'),
      then: describe(effectList(), 'Effects applied when the chance comes up.'),
      else: describe(z.optional(effectList()), 'Effects applied when it does not.'),
    }),
    { id: 'ChanceEffect', description: 'Applies "then" with the given chance (the game’s seeded generator), "else" otherwise.' },
  ),
  event: meta(
    z.strictObject({
      op: op('event', 'Schedules an event.'),
      event: describe(slug('an event id'), 'The event, by id.'),
      delay: describe(z.optional(int(0, 40)), 'Turns from now; 1 (the next turn) by default, 0 this turn.'),
      wait: describe(
        z.optional(int(1, 400)),
        'Turns the event may wait past its due turn for its conditions to hold; without it, it is dropped if they do not hold when due.',
      ),
    }),
    { id: 'EventEffect', description: 'Schedules an event: {"op": "event", "event": "western-route-opens", "delay": 4}.' },
  ),
  cancel: meta(z.strictObject({ op: op('cancel', 'Cancels a scheduled event.'), event: describe(slug('an event id'), 'The event, by id.') }), {
    id: 'CancelEffect',
    description: 'Removes every scheduled raising of the event that has not happened yet: {"op": "cancel", "event": "western-route-opens"}.',
  }),
  leader: meta(z.strictObject({ op: op('leader', 'Changes who leads Azerbaijan.'), name: describe(text(60), 'The new leader’s name.') }), {
    id: 'LeaderEffect',
    description: 'Installs a new leader: {"op": "leader", "name": "Heydar Aliyev"}.',
  }),
  lose: meta(z.strictObject({ op: op('lose', 'Ends the game in a loss.'), outcome: describe(slug('an outcome id'), 'The id of a rule in outcomes.lose.') }), {
    id: 'LoseEffect',
    description: 'Ends the game with that lose rule: {"op": "lose", "outcome": "coup"}.',
  }),
  win: meta(z.strictObject({ op: op('win', 'Ends the game in a win.'), outcome: describe(slug('an outcome id'), 'The id of a rule in outcomes.win.') }), {
    id: 'WinEffect',
    description: 'Ends the game with that win: {"op": "win", "outcome": "peace-treaty"}.',
  }),
} as const;

export const EFFECT_OPS = Object.keys(EFFECT_FORMS) as (keyof typeof EFFECT_FORMS)[];

export const EffectSchema: z.ZodMiniType<Effect> = meta(
  z.lazy(() =>
    z.discriminatedUnion('op', Object.values(EFFECT_FORMS) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]], {
      error: `op must be one of: ${EFFECT_OPS.join(', ')}`,
    }),
  ),
  {
    id: 'Effect',
    description:
      'A change to the game state, one object whose "op" names it: add / set a variable; flag; inc / dec a counter; route / field changes; if / chance branches; event schedules and cancel unschedules an event; leader; lose / win end the game.',
  },
) as unknown as z.ZodMiniType<Effect>;

export const Effects = describe(effectList(), 'Effects applied in order.');
