/**
 * What can move each power in one turn, worked out once per scenario and turn: the
 * concerns, ties and responses whose dates admit the turn (rules.ts `openInTurn`), with
 * their conditions compiled (conditions.ts `testsOf`), and the trends of the turn.
 *
 * The engine reads them as records of one shape each (ConcernRule, TieRule, ResponseRule,
 * TrendRule). A scenario's own objects differ in which optional fields they carry, and a
 * field read across objects of many shapes, or a record read by a key that varies
 * (`scenario.powers[id]`), is V8's slow generic lookup: in a replay that lookup had cost
 * more than the rules themselves. The records hold only what the scenario says; the
 * cache holds no game state and changes no result.
 */
import type { PowerResponse, Scenario, ScenarioPower } from '../scenario/types.ts';
import { type Cause, causeOf, joined, namedCause } from './causes.ts';
import { flagsOf, type Test, testsOf } from './conditions.ts';
import { openInTurn } from './rules.ts';
import { POWER_IDS, POWER_NAMES, type PowerId } from './vocabulary.ts';

/** What can move one power in one turn: the entries whose dates admit the turn (see
 *  `openInTurn`), with the tests of their conditions (conditions.ts: testsOf). */
export interface PowerAgenda {
  concerns: ScenarioPower['concerns'];
  sources: ScenarioPower['influenceSources'];
  concernTests: Test[];
  sourceTests: Test[];
  /** The flag each concern's and tie's condition is, when it is one flag set (conditions.ts
   *  flagsOf: tested with flagSet, not a call of the test), else null. */
  concernFlags: (string | null)[];
  sourceFlags: (string | null)[];
  /** The responses open by date, sticks and carrots apart (each in list order). */
  sticks: PowerResponse[];
  stickTests: Test[];
  carrots: PowerResponse[];
  carrotTests: Test[];
  /** The same entries as the engine tests them every turn. */
  concernRules: ConcernRule[];
  tieRules: TieRule[];
  stickRules: ResponseRule[];
  carrotRules: ResponseRule[];
  /** The power, its place in POWER_IDS and its definition. */
  id: PowerId;
  index: number;
  def: ScenarioPower;
  /** The routes through its territory, in scenario order. */
  transit: Scenario['energy']['routes'];
}

/** A concern: when `test` holds, the relation moves by `delta`, for `cause` (its label). */
export interface ConcernRule {
  delta: number;
  test: Test;
  /** The flag the condition is, when it is one flag set (flagsOf), else null. */
  flag: string | null;
  cause: Cause;
}

/** A tie (influence source): when `test` holds, it adds `amount` to what the power's influence settles toward. */
export interface TieRule {
  amount: number;
  test: Test;
  /** The flag the condition is, when it is one flag set (flagsOf), else null. */
  flag: string | null;
}

/** A response as a turn tests and applies it. */
export interface ResponseRule {
  response: PowerResponse;
  id: string;
  /** The id as the string table records it (causes.ts: a Cause remembers its place). */
  idEntry: Cause;
  kind: 'stick' | 'carrot';
  weight: number;
  cooldown: number;
  duration: number;
  effects: PowerResponse['effects'];
  /** `stanceAtMost` / `stanceAtLeast`, or ±Infinity when the response has none. */
  atMost: number;
  atLeast: number;
  test: Test;
  /** "Russia: Gas cut-off": the cause of its effects (causes.ts). */
  cause: Cause;
}

/** A trend open in the turn: its effects apply for `cause` (its label) when `test` holds. */
export interface TrendRule {
  trend: Scenario['trends'][number];
  test: Test;
  cause: Cause;
}

export interface TurnAgenda {
  /** By power id (what policies read) and in POWER_IDS order (what the engine reads). */
  byId: Record<string, PowerAgenda>;
  powers: PowerAgenda[];
  trends: TrendRule[];
}

const ruleLists = new WeakMap<readonly PowerResponse[], ResponseRule[]>();

/** The rule of one response of a power (a team's answer in hot-seat), made once. */
export function responseRule(power: PowerId, response: PowerResponse): ResponseRule {
  let byPower = singles.get(response);
  if (byPower === undefined) {
    byPower = {};
    singles.set(response, byPower);
  }
  let rule = byPower[power];
  if (rule === undefined) {
    rule = responseRules(power, [response])[0] as ResponseRule;
    byPower[power] = rule;
  }
  return rule;
}

const singles = new WeakMap<PowerResponse, Partial<Record<PowerId, ResponseRule>>>();

/** The rules of a list of one power's responses (in list order), made once per list. */
export function responseRules(power: PowerId, list: readonly PowerResponse[]): ResponseRule[] {
  let rules = ruleLists.get(list);
  if (rules === undefined) {
    const tests = testsOf(list);
    rules = list.map((r, i) => ({
      response: r,
      id: r.id,
      idEntry: causeOf(r.id),
      kind: r.kind,
      weight: r.weight,
      cooldown: r.cooldown,
      duration: r.duration,
      effects: r.effects,
      atMost: r.stanceAtMost ?? Number.POSITIVE_INFINITY,
      atLeast: r.stanceAtLeast ?? Number.NEGATIVE_INFINITY,
      test: tests[i] as Test,
      cause: namedCause(joined(POWER_NAMES[power], r.label)),
    }));
    ruleLists.set(list, rules);
  }
  return rules;
}

const agendas = new WeakMap<Scenario, TurnAgenda[]>();

/** What can move each power, and the trends, in a turn (the scenario's turns, or any turn
 *  a policy projects to). */
export function turnAgenda(scenario: Scenario, turn: number): TurnAgenda {
  let byTurn = agendas.get(scenario);
  if (byTurn === undefined) {
    byTurn = [];
    agendas.set(scenario, byTurn);
  }
  // An array by turn when the turn is a small whole number (every turn a game plays).
  const small = turn >= 0 && turn < 10_000 && Number.isInteger(turn);
  let entry = small ? byTurn[turn] : undefined;
  if (entry === undefined) {
    entry = buildAgenda(scenario, turn);
    if (small) byTurn[turn] = entry;
  }
  return entry;
}

/** The concerns, influence sources and responses of each power that can apply in a turn (see `openInTurn`). */
export function agendaForTurn(scenario: Scenario, turn: number): Record<string, PowerAgenda> {
  return turnAgenda(scenario, turn).byId;
}

function buildAgenda(scenario: Scenario, turn: number): TurnAgenda {
  const byId: Record<string, PowerAgenda> = {};
  const powers: PowerAgenda[] = [];
  for (const [id, p] of Object.entries(scenario.powers)) {
    const concerns = openInTurn(scenario, turn, p.concerns);
    const sources = openInTurn(scenario, turn, p.influenceSources);
    const responses = openInTurn(scenario, turn, p.responses);
    const sticks = responses.filter((r) => r.kind === 'stick');
    const carrots = responses.filter((r) => r.kind === 'carrot');
    const concernTests = testsOf(concerns);
    const sourceTests = testsOf(sources);
    const concernFlags = flagsOf(concerns);
    const sourceFlags = flagsOf(sources);
    const index = (POWER_IDS as readonly string[]).indexOf(id);
    const agenda: PowerAgenda = {
      concerns,
      sources,
      concernTests,
      sourceTests,
      concernFlags,
      sourceFlags,
      sticks,
      stickTests: testsOf(sticks),
      carrots,
      carrotTests: testsOf(carrots),
      concernRules: concerns.map((c, i) => ({
        delta: c.delta,
        test: concernTests[i] as Test,
        flag: concernFlags[i] as string | null,
        cause: namedCause(c.label),
      })),
      tieRules: sources.map((x, i) => ({ amount: x.amount, test: sourceTests[i] as Test, flag: sourceFlags[i] as string | null })),
      stickRules: responseRules(id as PowerId, sticks),
      carrotRules: responseRules(id as PowerId, carrots),
      id: id as PowerId,
      index,
      def: p,
      transit: scenario.energy.routes.filter((r) => r.transit.includes(id as PowerId)),
    };
    byId[id] = agenda;
    if (index >= 0) powers[index] = agenda;
  }
  const trends = openInTurn(scenario, turn, scenario.trends);
  const trendTests = testsOf(trends);
  return {
    byId,
    powers,
    trends: trends.map((trend, i) => ({ trend, test: trendTests[i] as Test, cause: namedCause(trend.label) })),
  };
}
