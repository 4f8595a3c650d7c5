/**
 * Conditions: tests on the game state. Each form is told apart by the key that names
 * it (`var`, `flag`, `fired`, …); the JSON Schema sent to editors uses that key to pick
 * the form, so an editor's error names the real problem.
 */
import * as z from 'zod/mini';
import { FIELD_STATUSES, POWER_IDS, READABLE_VARS, ROUTE_STATUSES } from '../../core/vocabulary.ts';
import { describe, Month, meta, slug, text } from './primitives.ts';

type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
type RouteStatusName = (typeof ROUTE_STATUSES)[number];
type PowerIdName = (typeof POWER_IDS)[number];
type FieldStatusName = (typeof FIELD_STATUSES)[number];

/** An event or an action, for conditions on when something happened. */
export type Happening = { event: string } | { action: string };

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { var: (typeof READABLE_VARS)[number]; op: CompareOp; value: number }
  | { counter: string; op: CompareOp; value: number }
  | { flag: string; is?: boolean | number }
  | { since: string }
  | { until: string }
  | { route: string; status: RouteStatusName | RouteStatusName[] }
  | { field: string; status: FieldStatusName | FieldStatusName[] }
  | { fired: string }
  | { chose: { event: string; choice: string } }
  | { took: string }
  | { turnsSince: Happening; op: CompareOp; value: number }
  | { before: [Happening, Happening] }
  | { leader: string | string[] }
  | { active: { power: PowerIdName; response: string } };

export const COMPARE_OPS = ['<', '<=', '>', '>=', '==', '!='] as const;

const compareOp = describe(
  z.enum(COMPARE_OPS, { error: `op must be one of ${COMPARE_OPS.join(' ')}` }),
  'How to compare: < <= > >= == (equal) != (not equal).',
);
// zod's numbers are finite already (classic zod's `.finite()` was a no-op).
const compareValue = describe(z.number(), 'The number to compare with.');

const Happening = meta(
  z.union([
    z.strictObject({ event: describe(slug('an event id'), 'An event, by id: when it (last) fired.') }),
    z.strictObject({ action: describe(slug('an action id'), 'An action, by id: when it was (last) taken.') }),
  ]),
  { id: 'Happening', description: 'An event ({"event": id}) or an action ({"action": id}).' },
);

const statusList = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  describe(z.union([z.enum(values), z.array(z.enum(values)).check(z.minLength(1))]), `The ${what} status wanted, or a list of statuses any of which will do.`);

const conditions = () => z.array(z.lazy(() => ConditionSchema)).check(z.minLength(1, 'list at least one condition'));

/** The forms, each under the key that names it: the schema, and what it means. */
export const CONDITION_FORMS = {
  all: meta(z.strictObject({ all: describe(conditions(), 'Conditions that must all hold.') }), {
    id: 'AllCondition',
    description: 'Holds when every listed condition holds.',
  }),
  any: meta(z.strictObject({ any: describe(conditions(), 'Conditions any one of which will do.') }), {
    id: 'AnyCondition',
    description: 'Holds when at least one listed condition holds.',
  }),
  not: meta(
    z.strictObject({
      not: describe(
        z.lazy(() => ConditionSchema),
        'The condition that must not hold.',
      ),
    }),
    {
      id: 'NotCondition',
      description: 'Holds when the inner condition does not.',
    },
  ),
  var: meta(
    z.strictObject({
      var: describe(
        z.enum(READABLE_VARS, { error: `var must be one of: ${READABLE_VARS.join(', ')}` }),
        'The variable to read (a meter, the treasury, a power’s relation…).',
      ),
      op: compareOp,
      value: compareValue,
    }),
    { id: 'VarCondition', description: 'Compares a variable of the state with a number: {"var": "stability", "op": "<", "value": 30}.' },
  ),
  counter: meta(
    z.strictObject({ counter: describe(slug('a counter name'), 'The counter to read; one never counted reads 0.'), op: compareOp, value: compareValue }),
    {
      id: 'CounterCondition',
      description: 'Compares a counter (raised by "inc", lowered by "dec") with a number: {"counter": "protests", "op": ">=", "value": 3}.',
    },
  ),
  flag: meta(
    z.strictObject({
      flag: describe(slug('a flag name'), 'The flag to test.'),
      is: describe(
        z.optional(z.union([z.boolean(), z.number().check(z.int())])),
        'true (the default): set and not false or 0; false: not set; a number: set to exactly that number.',
      ),
    }),
    { id: 'FlagCondition', description: 'Tests a flag: {"flag": "cis-member"} or {"flag": "cis-member", "is": false}.' },
  ),
  since: meta(z.strictObject({ since: describe(Month, 'Holds from the turn containing this month on.') }), {
    id: 'SinceCondition',
    description: 'Holds on turns that end on or after this month.',
  }),
  until: meta(z.strictObject({ until: describe(Month, 'Holds up to the turn containing this month.') }), {
    id: 'UntilCondition',
    description: 'Holds on turns that start on or before this month.',
  }),
  route: meta(z.strictObject({ route: describe(slug('a route id'), 'The route, by id.'), status: statusList(ROUTE_STATUSES, 'route') }), {
    id: 'RouteCondition',
    description: 'Tests a route’s status: {"route": "btc", "status": "operating"}.',
  }),
  field: meta(z.strictObject({ field: describe(slug('a field id'), 'The field, by id.'), status: statusList(FIELD_STATUSES, 'field') }), {
    id: 'FieldCondition',
    description: 'Tests a field’s status: {"field": "acg", "status": ["developing", "producing"]}.',
  }),
  fired: meta(z.strictObject({ fired: describe(slug('an event id'), 'The event, by id.') }), {
    id: 'FiredCondition',
    description: 'Holds once the event has fired.',
  }),
  chose: meta(
    z.strictObject({
      chose: describe(
        z.strictObject({ event: describe(slug('an event id'), 'The event, by id.'), choice: describe(slug('a choice id'), 'The choice, by id.') }),
        'The event and the choice made in it.',
      ),
    }),
    { id: 'ChoseCondition', description: 'Holds when the player made that choice in that event.' },
  ),
  took: meta(z.strictObject({ took: describe(slug('an action id'), 'The action, by id.') }), {
    id: 'TookCondition',
    description: 'Holds once the player has taken the action.',
  }),
  turnsSince: meta(z.strictObject({ turnsSince: describe(Happening, 'The event or action to count from.'), op: compareOp, value: compareValue }), {
    id: 'TurnsSinceCondition',
    description:
      'Compares the turns since an event last fired or an action was last taken: {"turnsSince": {"event": "coup-1993"}, "op": ">=", "value": 4}. 0 on the turn itself; never holds before it has happened.',
  }),
  before: meta(
    z.strictObject({
      before: describe(
        z.tuple([Happening, Happening]),
        'Two events or actions: the first must have happened in an earlier turn than the second, or the second not at all.',
      ),
    }),
    {
      id: 'BeforeCondition',
      description:
        'Holds when the first has happened and the second has not happened in the same or an earlier turn: {"before": [{"event": "coup-1993"}, {"event": "cis-entry"}]}.',
    },
  ),
  leader: meta(
    z.strictObject({
      leader: describe(z.union([text(60), z.array(text(60)).check(z.minLength(1))]), 'A leader’s name, or a list of names any of which will do.'),
    }),
    { id: 'LeaderCondition', description: 'Holds while one of these people leads Azerbaijan: {"leader": "Heydar Aliyev"}.' },
  ),
  active: meta(
    z.strictObject({
      active: describe(
        z.strictObject({
          power: describe(z.enum(POWER_IDS), 'The power.'),
          response: describe(slug('a response id'), 'One of its responses that has a duration.'),
        }),
        'The power and its response.',
      ),
    }),
    { id: 'ActiveCondition', description: 'Holds while a power’s response with a duration (an embargo, a troop build-up) is in force.' },
  ),
} as const;

/** The keys that tell condition forms apart. */
export const CONDITION_KEYS = Object.keys(CONDITION_FORMS) as (keyof typeof CONDITION_FORMS)[];

export const ConditionSchema: z.ZodMiniType<Condition> = meta(
  z.lazy(() => z.union(Object.values(CONDITION_FORMS) as unknown as [z.ZodMiniType<Condition>, ...z.ZodMiniType<Condition>[]])),
  {
    id: 'Condition',
    description:
      "A test on the game state, one object whose key names its form: all / any / not combine; var compares a variable; counter compares a counter; flag tests a flag; since / until test the date; route / field test a status; fired / chose / took test what happened; turnsSince and before test when; leader tests who leads; active tests whether a power's response is in force.",
  },
);
