/**
 * Conditions: tests on the game state. Each form is told apart by the key that names
 * it (`var`, `flag`, `fired`, …); the JSON Schema sent to editors uses that key to pick
 * the form, so an editor's error names the real problem.
 */
import { z } from 'zod';
import { FIELD_STATUSES, POWER_IDS, READABLE_VARS, ROUTE_STATUSES } from '../../core/vocabulary.ts';
import { Month, slug, text } from './primitives.ts';

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

const compareOp = z.enum(COMPARE_OPS, { error: `op must be one of ${COMPARE_OPS.join(' ')}` }).describe('How to compare: < <= > >= == (equal) != (not equal).');
const compareValue = z.number().finite('must be a finite number').describe('The number to compare with.');

const Happening = z
  .union([
    z.strictObject({ event: slug('an event id').describe('An event, by id: when it (last) fired.') }),
    z.strictObject({ action: slug('an action id').describe('An action, by id: when it was (last) taken.') }),
  ])
  .meta({ id: 'Happening', description: 'An event ({"event": id}) or an action ({"action": id}).' });

const statusList = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.union([z.enum(values), z.array(z.enum(values)).min(1)]).describe(`The ${what} status wanted, or a list of statuses any of which will do.`);

/** The forms, each under the key that names it: the schema, and what it means. */
export const CONDITION_FORMS = {
  all: z
    .strictObject({
      all: z
        .array(z.lazy(() => ConditionSchema))
        .min(1, 'list at least one condition')
        .describe('Conditions that must all hold.'),
    })
    .meta({ id: 'AllCondition', description: 'Holds when every listed condition holds.' }),
  any: z
    .strictObject({
      any: z
        .array(z.lazy(() => ConditionSchema))
        .min(1, 'list at least one condition')
        .describe('Conditions any one of which will do.'),
    })
    .meta({ id: 'AnyCondition', description: 'Holds when at least one listed condition holds.' }),
  not: z
    .strictObject({ not: z.lazy(() => ConditionSchema).describe('The condition that must not hold.') })
    .meta({ id: 'NotCondition', description: 'Holds when the inner condition does not.' }),
  var: z
    .strictObject({
      var: z
        .enum(READABLE_VARS, { error: `var must be one of: ${READABLE_VARS.join(', ')}` })
        .describe('The variable to read (a meter, the treasury, a power’s relation…).'),
      op: compareOp,
      value: compareValue,
    })
    .meta({ id: 'VarCondition', description: 'Compares a variable of the state with a number: {"var": "stability", "op": "<", "value": 30}.' }),
  counter: z
    .strictObject({ counter: slug('a counter name').describe('The counter to read; one never counted reads 0.'), op: compareOp, value: compareValue })
    .meta({
      id: 'CounterCondition',
      description: 'Compares a counter (raised by "inc", lowered by "dec") with a number: {"counter": "protests", "op": ">=", "value": 3}.',
    }),
  flag: z
    .strictObject({
      flag: slug('a flag name').describe('The flag to test.'),
      is: z
        .union([z.boolean(), z.number().int()])
        .optional()
        .describe('true (the default): set and not false or 0; false: not set; a number: set to exactly that number.'),
    })
    .meta({ id: 'FlagCondition', description: 'Tests a flag: {"flag": "cis-member"} or {"flag": "cis-member", "is": false}.' }),
  since: z
    .strictObject({ since: Month.describe('Holds from the turn containing this month on.') })
    .meta({ id: 'SinceCondition', description: 'Holds on turns that end on or after this month.' }),
  until: z
    .strictObject({ until: Month.describe('Holds up to the turn containing this month.') })
    .meta({ id: 'UntilCondition', description: 'Holds on turns that start on or before this month.' }),
  route: z
    .strictObject({ route: slug('a route id').describe('The route, by id.'), status: statusList(ROUTE_STATUSES, 'route') })
    .meta({ id: 'RouteCondition', description: 'Tests a route’s status: {"route": "btc", "status": "operating"}.' }),
  field: z
    .strictObject({ field: slug('a field id').describe('The field, by id.'), status: statusList(FIELD_STATUSES, 'field') })
    .meta({ id: 'FieldCondition', description: 'Tests a field’s status: {"field": "acg", "status": ["developing", "producing"]}.' }),
  fired: z
    .strictObject({ fired: slug('an event id').describe('The event, by id.') })
    .meta({ id: 'FiredCondition', description: 'Holds once the event has fired.' }),
  chose: z
    .strictObject({
      chose: z
        .strictObject({ event: slug('an event id').describe('The event, by id.'), choice: slug('a choice id').describe('The choice, by id.') })
        .describe('The event and the choice made in it.'),
    })
    .meta({ id: 'ChoseCondition', description: 'Holds when the player made that choice in that event.' }),
  took: z
    .strictObject({ took: slug('an action id').describe('The action, by id.') })
    .meta({ id: 'TookCondition', description: 'Holds once the player has taken the action.' }),
  turnsSince: z.strictObject({ turnsSince: Happening.describe('The event or action to count from.'), op: compareOp, value: compareValue }).meta({
    id: 'TurnsSinceCondition',
    description:
      'Compares the turns since an event last fired or an action was last taken: {"turnsSince": {"event": "coup-1993"}, "op": ">=", "value": 4}. 0 on the turn itself; never holds before it has happened.',
  }),
  before: z
    .strictObject({
      before: z
        .tuple([Happening, Happening])
        .describe('Two events or actions: the first must have happened in an earlier turn than the second, or the second not at all.'),
    })
    .meta({
      id: 'BeforeCondition',
      description:
        'Holds when the first has happened and the second has not happened in the same or an earlier turn: {"before": [{"event": "coup-1993"}, {"event": "cis-entry"}]}.',
    }),
  leader: z
    .strictObject({ leader: z.union([text(60), z.array(text(60)).min(1)]).describe('A leader’s name, or a list of names any of which will do.') })
    .meta({ id: 'LeaderCondition', description: 'Holds while one of these people leads Azerbaijan: {"leader": "Heydar Aliyev"}.' }),
  active: z
    .strictObject({
      active: z
        .strictObject({
          power: z.enum(POWER_IDS).describe('The power.'),
          response: slug('a response id').describe('One of its responses that has a duration.'),
        })
        .describe('The power and its response.'),
    })
    .meta({ id: 'ActiveCondition', description: 'Holds while a power’s response with a duration (an embargo, a troop build-up) is in force.' }),
} as const;

/** The keys that tell condition forms apart. */
export const CONDITION_KEYS = Object.keys(CONDITION_FORMS) as (keyof typeof CONDITION_FORMS)[];

export const ConditionSchema: z.ZodType<Condition> = z
  .lazy(() => z.union(Object.values(CONDITION_FORMS) as unknown as [z.ZodType<Condition>, ...z.ZodType<Condition>[]]))
  .meta({
    id: 'Condition',
    description:
      "A test on the game state, one object whose key names its form: all / any / not combine; var compares a variable; counter compares a counter; flag tests a flag; since / until test the date; route / field test a status; fired / chose / took test what happened; turnsSince and before test when; leader tests who leads; active tests whether a power's response is in force.",
  });
