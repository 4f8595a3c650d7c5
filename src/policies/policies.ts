/**
 * The shipped policies:
 *  - historical: history's choice in every event, and the actions Azerbaijan took, in
 *    the months it took them;
 *  - balancer: whatever keeps every power invested and none dominant, by looking one
 *    decision ahead with the projection of the final score (projection.ts);
 *  - pro-russia / pro-west: always the option that most pleases Moscow, or the West;
 *  - random: uniformly random legal moves;
 *  - spam:<action>: the one action every turn it is allowed, history's choices otherwise;
 *  - expert (expert.ts): a rollout search over the legal moves, the skill ceiling.
 */
import {
  actionsInEra,
  agendaForTurn,
  type Command,
  type GameState,
  availableActions,
  canTake,
  nextFloat,
  nextInt,
  PART,
  type PowerId,
  type RngState,
  rulesOf,
  stateOpen,
  type Touched,
  turnOpenInEra,
  whatIf,
} from '../core/index.ts';
import type { Condition, Scenario, ScenarioAction, ScenarioEvent } from '../scenario/types.ts';
import { agendaDrift, evaluatePosition, evaluationCeiling, projectedRelation } from './evaluate.ts';
import { expert, expertByName } from './expert.ts';
import { type KnownReadings, knownOf } from './known.ts';
import { PROJECTION_TURNS, projectedScore } from './projection.ts';
import { END_TURN, historical, historicalChoice, openChoices, pendingEvent } from './historical.ts';
import type { Policy, PolicyContext } from './policy.ts';
import { carriedScore, carryReadings, readingsFor } from './carried.ts';
import { QuickLooks } from './quickLook.ts';
import { Readings } from './readings.ts';
import type { Written } from './written.ts';

// The historical policy lives in historical.ts (the game ships it alone); named here with the others.
export { historical };

/** How a policy scores a position; `known` holds readings it need not take again.
 *  `cannotWin`, when given, says of a score whether the move would lose to the best so far
 *  (as bestAction compares it): a score may then return, instead of its exact value, an
 *  upper bound of it for which `cannotWin` is true — the move is not chosen either way, and
 *  the exact value is worked out whenever it might be. */
type Score = (scenario: Scenario, s: GameState, known: KnownReadings, cannotWin?: (v: number) => boolean) => number;

/**
 * A move is looked at with the policy's own generator as the game's (advanced once per
 * look, then copied into the look), so a chance effect is sampled instead of revealing
 * what the game's own generator will draw: policies must not peek.
 */
function nextLook(rng: RngState): RngState {
  nextFloat(rng);
  return rng;
}

function chooseBy(scenario: Scenario, s: GameState, event: ScenarioEvent, score: Score, rng: RngState): Command {
  let best: Command | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const readings = new Readings(scenario, s);
  const quick = new QuickLooks(scenario, s, []);
  for (const c of event.choices) {
    // As in bestAction: the engine only for an answer quickLook.ts does not keep.
    const value = (after: GameState, w: Touched) => score(scenario, after, readings.after(after, w));
    const v = quick.lookChoice(event, c, nextLook(rng), value) ?? whatIf(scenario, s, { type: 'choose', event: event.id, choice: c.id }, rng, value);
    if (v === undefined) continue;
    if (v > bestScore) {
      bestScore = v;
      best = { type: 'choose', event: event.id, choice: c.id };
    }
  }
  return best ?? { type: 'choose', event: event.id, choice: event.choices[0]?.id ?? '' };
}

/**
 * The balancer and the partisans think within a budget, so that a game of any valid
 * scenario takes under a second (issue 11): a decision simulates at most 48 moves
 * (candidates and look-ahead together, in scenario order), a game at most 6,000 moves'
 * worth (a move costs more in a scenario of heavy conditions: see moveCost). The shipped
 * scenarios need at most 22 and 3,020 (120 games); past the game’s budget the policy stops
 * taking actions and answers events with history's choice.
 */
export const MAX_SIMULATED_MOVES = 48;
export const MAX_SIMULATED_PER_GAME = 6_000;

/** Whether the game's budget is spent; counts `n` more simulated moves when not. */
function spend(ctx: PolicyContext, s: GameState, n: number): boolean {
  if (!ctx.work) return false;
  if (ctx.work.simulated >= MAX_SIMULATED_PER_GAME) return true;
  ctx.work.simulated += n * moveCost(ctx.scenario, s.turn);
  return false;
}

/** Condition nodes in a condition: each test, and each all / any / not. */
function nodes(c: Condition | undefined): number {
  if (!c) return 0;
  if ('all' in c) return c.all.reduce((n, x) => n + nodes(x), 1);
  if ('any' in c) return c.any.reduce((n, x) => n + nodes(x), 1);
  if ('not' in c) return 1 + nodes(c.not);
  return 1;
}

const moveCosts = new WeakMap<Scenario, number[]>();
/** The last scenario's costs by turn: asked twice a decision, every decision of a game. */
let costsOf: { scenario: Scenario | null; byTurn: number[] } = { scenario: null, byTurn: [] };

/**
 * What one simulated move costs the budget in a turn: 1, plus 1 for every 200 condition
 * nodes each look reads again (the powers' agendas open this turn, the ways to lose), so
 * a scenario of heavy conditions buys fewer looks. The shipped ones cost at most 1.3.
 */
function moveCost(scenario: Scenario, turn: number): number {
  if (costsOf.scenario !== scenario) {
    let byTurn = moveCosts.get(scenario);
    if (!byTurn) {
      byTurn = [];
      moveCosts.set(scenario, byTurn);
    }
    costsOf = { scenario, byTurn };
  }
  let cost = costsOf.byTurn[turn];
  if (cost === undefined) {
    let n = 0;
    for (const p of Object.values(agendaForTurn(scenario, turn))) {
      for (const c of p.concerns) n += nodes(c.when);
      for (const x of p.sources) n += nodes(x.when);
    }
    for (const r of scenario.outcomes.lose) n += nodes(r.when);
    cost = 1 + n / 200;
    costsOf.byTurn[turn] = cost;
  }
  return cost;
}

/** Takes, among available actions, the one whose result scores best, if it beats standing pat by `margin` per point of capital. */
function bestAction(ctx: PolicyContext, s: GameState, score: Score, margin: number): Command {
  const { scenario, rng } = ctx;
  if (spend(ctx, s, 0)) {
    carryReadings(ctx, s, null, null);
    return END_TURN;
  }
  // Look one step further along chains an action opens (invite Western firms, then offer
  // Russia a share): an action worth little alone may enable one worth much. Only an
  // action held back now by its conditions or its cost can be opened by another move
  // this turn (the period, this turn's use, limits and cooldowns stay as they are), so
  // only those are looked at after each move.
  const available: ScenarioAction[] = [];
  const closed: ScenarioAction[] = [];
  for (const b of actionsInEra(scenario, s.turn)) {
    if (!turnOpenInEra(s, b)) continue;
    (stateOpen(scenario, s, b) ? available : closed).push(b);
  }
  // Nothing to weigh (about one decision in nine of the balancer's: the capital is spent):
  // the turn ends, as the loop below would decide, without reading the position.
  if (available.length === 0) {
    carryReadings(ctx, s, null, null);
    return END_TURN;
  }
  const readings = readingsFor(ctx, scenario, s);
  // The last decision's look at the move just made scored this position already (carried.ts).
  const base = carriedScore(readings) ?? score(scenario, s, readings.all());
  let best: Command = END_TURN;
  let bestAct: ScenarioAction | null = null;
  let bestGain = 0;
  /** The score of the position after the chosen action alone, kept for the next decision
   *  (NaN when it may be a bound: see `first`). */
  let bestFirst = Number.NaN;
  /** The score of the position after the action being weighed, alone. */
  let first = Number.NaN;
  let used = 0;
  const cost = (a: { cost: { capital: number; treasury: number } }) => margin * a.cost.capital + a.cost.treasury / 200;
  readings.noteConditions(s, closed);
  const quick = new QuickLooks(scenario, s, closed);
  /** Whether a score after `a` (and then `b`) leaves the move short of the best so far: the
   *  same subtractions, in the same order, as the move's gain is worked out below (a score
   *  is compared only through them, and they never lower a larger score below a smaller). */
  // The action being weighed (`a`) and the closed one looked at after it (`b`): read by the
  // closures below, made once a decision rather than for every look (a balancer game makes
  // ~2,400 looks; their closures and contexts were a fifth of what its decisions allocate).
  let a: ScenarioAction = available[0] as ScenarioAction;
  let b: ScenarioAction = a;
  const losesFirst = (x: number) => x - cost(a) - base <= bestGain;
  const losesSecond = (x: number) => x - cost(a) - cost(b) - base <= bestGain;
  /** The best of the position after `a` and, from it, after each closed action it opens;
   *  `second` looks at one of those (undefined: the look must go through the engine). */
  const further = (after: GameState, wa: Written, second: (b: ScenarioAction) => number | undefined) => {
    first = score(scenario, after, readings.after(after, wa), losesFirst);
    let v = first - cost(a);
    for (const c of closed) {
      if (!readings.mayHold(c, wa) || !stateOpen(scenario, after, c)) continue;
      if (used >= MAX_SIMULATED_MOVES) break;
      used++;
      const v2 = second(c);
      if (v2 !== undefined) v = Math.max(v, v2 - cost(a) - cost(c));
    }
    return v;
  };
  const quickFirst = (after: GameState, wa: Written) => {
    if (!opensAny(scenario, readings, closed, after, wa)) {
      first = score(scenario, after, readings.after(after, wa), losesFirst);
      return first - cost(a);
    }
    // The engine raises an event the move schedules at once, which would hold the next move back.
    if ((wa.bits & PART.other) !== 0) return undefined;
    const usedBefore = used;
    const next = new QuickLooks(scenario, after, []);
    let engine = false;
    const v = further(after, wa, (c) => {
      if (engine) return undefined;
      b = c;
      const v2 = next.look(c, after.rng, (after2, wb) => score(scenario, after2, readings.after(after2, wa, wb), losesSecond));
      if (v2 === undefined) engine = true;
      return v2;
    });
    if (!engine) return v;
    used = usedBefore;
    return undefined;
  };
  const engineFirst = (after: GameState, wa: Written) =>
    further(after, wa, (c) =>
      whatIf(scenario, after, { type: 'act', action: c.id }, after.rng, (after2, wb) => score(scenario, after2, readings.after(after2, wa, wb))),
    );
  for (let i = 0; i < available.length; i++) {
    a = available[i] as ScenarioAction;
    if (used >= MAX_SIMULATED_MOVES) break;
    used++;
    first = Number.NaN;
    // A plain action is scored without the engine (quickLook.ts): the same score, a
    // fraction of the cost; so is each closed action it opens, looked at from the quick
    // position (a second quick look, nested in the first). Any other move goes through the
    // engine, the whole chain again.
    const value = quick.look(a, nextLook(rng), quickFirst) ?? whatIf(scenario, s, { type: 'act', action: a.id }, rng, engineFirst);
    if (value === undefined) continue;
    const gain = value - base;
    if (gain > bestGain) {
      // A score that does not lose (`loses`, as the score was asked) is exact (Score).
      bestFirst = first - cost(a) - base > bestGain ? first : Number.NaN;
      bestGain = gain;
      best = { type: 'act', action: a.id };
      bestAct = a;
    }
  }
  spend(ctx, s, used);
  carryReadings(ctx, s, readings, bestAct, bestFirst);
  return best;
}

/**
 * The balancer's score: where the position is heading (projection.ts), in the units
 * bestAction's margin was tuned for: a point of projected score is worth 13 of its units,
 * a point of capital half of one. The first balancer judged moves by evaluatePosition;
 * the projection reads the model's own slow forces (balance → sovereignty → stability,
 * the powers' expected answers) and plays a clearly stronger game (issue 7 §7).
 */
const balancerScore: Score = (scenario, x, known) => projectedScore(scenario, x, PROJECTION_TURNS, known) * 13;

export const balancer: Policy = {
  name: 'balancer',
  next(ctx, s) {
    const { scenario, rng } = ctx;
    const event = pendingEvent(scenario, s);
    if (event) return spend(ctx, s, event.choices.length) ? historicalChoice(scenario, s, event) : chooseBy(scenario, s, event, balancerScore, rng);
    return bestAction(ctx, s, balancerScore, 0.5);
  },
};

/** Whether a move that wrote `wa` and led to `after` opens one of the `closed` actions. */
function opensAny(scenario: Scenario, readings: Readings, closed: readonly ScenarioAction[], after: GameState, wa: Written): boolean {
  for (let i = 0; i < closed.length; i++) {
    const c = closed[i] as ScenarioAction;
    if (readings.mayHold(c, wa) && stateOpen(scenario, after, c)) return true;
  }
  return false;
}

/** A partisan of `friend`; `ceiling: false` evaluates every move it weighs (the tests
 *  compare its choices with the shipped one's). */
export function partisan(name: string, friend: PowerId, ceiling = true): Policy {
  const affinity = (scenario: Scenario, x: GameState, known: KnownReadings) =>
    projectedRelation(scenario, x, friend, knownOf(known.drift, friend) ?? agendaDrift(scenario, x, friend)) + x.powers[friend].influence / 2;
  const score: Score = (scenario, x, known, cannotWin) => {
    const near = affinity(scenario, x, known);
    // A move that cannot win even with the evaluation's ceiling is not evaluated: the
    // readings of the powers a move touched are most of a look's cost, and 2 in 3 of
    // the moves a partisan weighs lose on affinity alone.
    if (cannotWin && ceiling) {
      const bound = near + evaluationCeiling(scenario, x) / 1000;
      if (cannotWin(bound)) return bound;
    }
    return near + evaluatePosition(scenario, x, known) / 1000;
  };
  return {
    name,
    next(ctx, s) {
      const { scenario, rng } = ctx;
      const event = pendingEvent(scenario, s);
      if (event) return spend(ctx, s, event.choices.length) ? historicalChoice(scenario, s, event) : chooseBy(scenario, s, event, score, rng);
      return bestAction(ctx, s, score, 0.5);
    },
  };
}

export const proRussia = partisan('pro-russia', 'russia');
export const proWest = partisan('pro-west', 'west');

export const random: Policy = {
  name: 'random',
  next({ scenario, rng }: PolicyContext, s) {
    const event = pendingEvent(scenario, s);
    if (event) {
      const open = openChoices(scenario, s, event);
      const pick = open[nextInt(rng, open.length)] ?? event.choices[0];
      return { type: 'choose', event: event.id, choice: pick?.id ?? '' };
    }
    const available = availableActions(scenario, s);
    const i = nextInt(rng, available.length + 1);
    const a = available[i];
    return a ? { type: 'act', action: a.id } : END_TURN;
  },
};

export function spam(actionId: string): Policy {
  return {
    name: `spam:${actionId}`,
    next({ scenario }, s) {
      const event = pendingEvent(scenario, s);
      if (event) return historicalChoice(scenario, s, event);
      const action = rulesOf(scenario).actionById.get(actionId);
      return action && canTake(scenario, s, action) ? { type: 'act', action: actionId } : END_TURN;
    },
  };
}

export const POLICY_NAMES = ['historical', 'balancer', 'pro-russia', 'pro-west', 'random', 'expert'] as const;

/** A policy by name, or null; `spam:<action id>` names the spam policy for that action,
 *  `expert:<rollouts>x<horizon>` the expert with another search budget. */
export function policyByName(name: string): Policy | null {
  switch (name) {
    case 'historical':
      return historical;
    case 'balancer':
      return balancer;
    case 'pro-russia':
      return proRussia;
    case 'pro-west':
      return proWest;
    case 'random':
      return random;
    case 'expert':
      return expert;
    default:
      if (name.startsWith('expert:')) return expertByName(name);
      return name.startsWith('spam:') && name.length > 5 ? spam(name.slice(5)) : null;
  }
}
