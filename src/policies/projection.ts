/**
 * Where a position is heading: a quick, deterministic projection of the final score,
 * for the players that plan (the expert's rollouts end with it; the balancer weighs
 * its moves with it).
 *
 * It runs a few turns of the model's slow forces on plain numbers, without the engine
 * and without drawing a random number: each power's agenda concerns and settling move
 * its relation, its stance follows, its influence drifts toward its ties (warmth
 * included), sovereignty follows the balance, stability follows the economy and
 * sovereignty, trends in force keep acting, and each power's answers are counted at
 * their expected value — the chance of a stick or a carrot times what the power's sticks
 * or carrots do on average. It mirrors src/core/powers.ts, drift.ts and economy.ts in
 * outline, not to the point: it is an estimate a careful player could make from what
 * the game shows, and its errors only cost the planners some skill.
 */
import {
  agendaForTurn,
  type GameState,
  influenceTargetValue,
  METER_IDS,
  type MeterId,
  POWER_IDS,
  type PowerId,
  oddsAtStance,
  relationPart,
  sovereigntyTarget,
  stabilityTarget,
  stepToward,
} from '../core/index.ts';
import { holds, openInTurn, type Test } from '../core/index.ts';
import type { KnownReadings } from './evaluate.ts';
import type { Effect, Scenario } from '../scenario/types.ts';

// Meters and powers are numbers in arrays indexed as METER_IDS and POWER_IDS list them:
// the projection runs for every move a planner weighs, and reading an object by a key
// that changes from one step of a loop to the next costs far more than the arithmetic.
// The arithmetic is the same, in the same order, as when they were keyed by name.
type MeterDeltas = number[];
const zero = (): MeterDeltas => METER_IDS.map(() => 0);
const METERS = METER_IDS.length;
const POWERS = POWER_IDS.length;
const meterIndex = new Map<string, number>(METER_IDS.map((k, i) => [k, i]));
const [SOVEREIGNTY, STABILITY, ECONOMY, SECURITY] = (['sovereignty', 'stability', 'economy', 'security'] as const).map((k) => METER_IDS.indexOf(k)) as [
  number,
  number,
  number,
  number,
];

/** The meter changes an effect list makes, counting `chance` branches at their odds. */
function meterDeltas(effects: readonly Effect[], out: MeterDeltas, scale = 1, depth = 0): void {
  if (depth > 6) return;
  for (const e of effects) {
    const k = e.op === 'add' ? meterIndex.get(e.var) : undefined;
    if (e.op === 'add' && k !== undefined) {
      // A random amount counts at its middle.
      const d = typeof e.delta === 'number' ? e.delta : (e.delta.min + e.delta.max) / 2;
      out[k] = (out[k] as number) + d * scale;
    } else if (e.op === 'chance') {
      meterDeltas(e.then, out, (scale * e.percent) / 100, depth + 1);
      if (e.else) meterDeltas(e.else, out, (scale * (100 - e.percent)) / 100, depth + 1);
    } else if (e.op === 'if') {
      // Unknown branch: half of each.
      meterDeltas(e.then, out, scale / 2, depth + 1);
      if (e.else) meterDeltas(e.else, out, scale / 2, depth + 1);
    }
  }
}

interface Repertoire {
  stick: MeterDeltas;
  carrot: MeterDeltas;
}

/** Per scenario: each power's repertoire (in POWER_IDS order) and the score's meter weights (in METER_IDS order). */
interface Fixed {
  rep: Repertoire[];
  weights: number[];
}

const fixedOf = new WeakMap<Scenario, Fixed>();

/** What each power's sticks and carrots do to the meters on average, weighted as it picks. */
function fixed(scenario: Scenario): Fixed {
  let f = fixedOf.get(scenario);
  if (f) return f;
  const rep: Repertoire[] = [];
  for (const id of POWER_IDS) {
    const r: Repertoire = { stick: zero(), carrot: zero() };
    for (const kind of ['stick', 'carrot'] as const) {
      const list = scenario.powers[id].responses.filter((x) => x.kind === kind);
      let weights = 0;
      for (const x of list) weights += x.weight;
      for (const x of list) {
        // A response in force keeps acting through trends; count its duration once more.
        meterDeltas(x.effects, r[kind], ((x.weight / (weights || 1)) * (1 + x.duration / 2)) as number);
      }
    }
    rep.push(r);
  }
  const w = scenario.outcomes.score;
  f = { rep, weights: METER_IDS.map((k) => w[k]) };
  fixedOf.set(scenario, f);
  return f;
}

/** Turns a projection looks ahead at most: beyond that, its guesses only add noise. */
export const PROJECTION_TURNS = 4;

// Scratch rows, filled afresh by each projection (it never runs inside another).
const m = new Float64Array(METERS);
const trend = new Float64Array(METERS);
const rel = new Float64Array(POWERS);
const stance = new Float64Array(POWERS);
const inf = new Float64Array(POWERS);
const drift = new Float64Array(POWERS);
const fixedTarget = new Float64Array(POWERS);
const base = new Float64Array(POWERS);

/** One power's course over a projection: relation and influence after each turn, and
 *  what its expected answers add to each meter each turn (METERS numbers a turn). */
interface Course {
  rel: Float64Array;
  inf: Float64Array;
  terms: Float64Array;
  /** What it was worked out from. */
  scenario: Scenario | null;
  key: Float64Array;
  difficulty: string;
  aggression: number | undefined;
}

const newCourse = (): Course => ({
  rel: new Float64Array(PROJECTION_TURNS),
  inf: new Float64Array(PROJECTION_TURNS),
  terms: new Float64Array(PROJECTION_TURNS * METERS),
  scenario: null,
  key: new Float64Array(8),
  difficulty: '',
  aggression: undefined,
});

/** The two courses each power had last (a planner's moves mostly leave a power as the
 *  position has it, so one of them is usually that), most recent first. */
const recent: [Course, Course][] = POWER_IDS.map(() => [newCourse(), newCourse()]);
/** The courses of the projection running. */
const courses: Course[] = [];

function courseOf(
  scenario: Scenario,
  i: number,
  id: PowerId,
  difficulty: GameState['difficulty'],
  left: number,
  rel0: number,
  base: number,
  stance0: number,
  inf0: number,
  drift: number,
  fixedTarget: number,
  aggression: number | undefined,
  r: Repertoire,
): Course {
  const pair = recent[i] as [Course, Course];
  for (let j = 0; j < 2; j++) {
    const c = pair[j] as Course;
    const k = c.key;
    if (
      c.scenario === scenario &&
      k[0] === left &&
      k[1] === rel0 &&
      k[2] === base &&
      k[3] === stance0 &&
      k[4] === inf0 &&
      k[5] === drift &&
      k[6] === fixedTarget &&
      c.aggression === aggression &&
      c.difficulty === difficulty
    ) {
      if (j === 1) {
        pair[1] = pair[0];
        pair[0] = c;
      }
      return c;
    }
  }
  const c = pair[1];
  pair[1] = pair[0];
  pair[0] = c;
  if (c.rel.length < left) {
    c.rel = new Float64Array(left);
    c.inf = new Float64Array(left);
    c.terms = new Float64Array(left * METERS);
  }
  let relation = rel0;
  let influence = inf0;
  let stance = stance0;
  for (let t = 0; t < left; t++) {
    relation = clamp(relation + drift, -100, 100);
    relation = clamp(relation + ((base - relation) * 10) / 100, -100, 100);
    const target = clamp(fixedTarget + Math.floor(Math.max(0, relation) / 4), 0, 100);
    influence = clamp(influence + stepToward(Math.round(influence), target, 4, 3), 0, 100);
    stance = stance + (relation - stance) / 2;
    const odds = oddsAtStance(scenario, id, difficulty, Math.round(stance), aggression);
    for (let k = 0; k < METERS; k++) c.terms[t * METERS + k] = (odds.stick * (r.stick[k] as number) + odds.carrot * (r.carrot[k] as number)) / 100;
    c.rel[t] = relation;
    c.inf[t] = influence;
  }
  c.scenario = scenario;
  c.key[0] = left;
  c.key[1] = rel0;
  c.key[2] = base;
  c.key[3] = stance0;
  c.key[4] = inf0;
  c.key[5] = drift;
  c.key[6] = fixedTarget;
  c.aggression = aggression;
  c.difficulty = difficulty;
  return c;
}

/**
 * The final score the position is heading for, as a fraction (not rounded), looking
 * `turns` turns ahead (at most to the end of the scenario). A lost game is worth its
 * outcome's score. `known` holds readings of `s` its caller already has (each power's
 * agenda drift and influence target: see readings.ts); the rest are read here.
 */
export function projectedScore(scenario: Scenario, s: GameState, turns = PROJECTION_TURNS, known?: KnownReadings): number {
  if (s.outcome) return s.outcome.score;
  const left = Math.max(0, Math.min(turns, scenario.calendar.turns - s.turn));
  for (let k = 0; k < METERS; k++) {
    m[k] = s.meters[METER_IDS[k] as MeterId];
    trend[k] = 0;
  }
  // Only the concerns and ties whose dates admit this turn (a campaign has many chapters').
  const agenda = agendaForTurn(scenario, s.turn);
  for (let i = 0; i < POWERS; i++) {
    const id = POWER_IDS[i] as PowerId;
    const p = s.powers[id];
    rel[i] = p.relation;
    base[i] = p.baseRelation ?? scenario.powers[id].baseRelation;
    stance[i] = p.stance;
    inf[i] = p.influence;
    const a = agenda[id];
    let d = known?.drift[id];
    if (d === undefined) {
      d = 0;
      if (a) {
        // The agenda's compiled tests (rules.ts): the same as holds(c.when), found once.
        for (let j = 0; j < a.concerns.length; j++) if ((a.concernTests[j] as Test)(scenario, s)) d += (a.concerns[j] as (typeof a.concerns)[number]).delta;
      } else for (const c of scenario.powers[id].concerns) if (holds(scenario, s, c.when)) d += c.delta;
    }
    drift[i] = d;
    // The ties that do not depend on the relation; warmth is added back each turn.
    const target =
      known?.target[id] ?? (a ? influenceTargetValue(scenario, s, id, undefined, a.sources, a.sourceTests) : influenceTargetValue(scenario, s, id));
    fixedTarget[i] = target - Math.floor(Math.max(0, p.relation) / 4);
  }
  // Only the trends whose dates admit this turn (openInTurn: the engine's own cut).
  const trends = openInTurn(scenario, s.turn, scenario.trends);
  if (trends.length > 0) {
    const t0 = zero();
    for (const t of trends) if (holds(scenario, s, t.when)) meterDeltas(t.effects, t0);
    for (let k = 0; k < METERS; k++) trend[k] = t0[k] as number;
  }
  const { rep, weights: w } = fixed(scenario);
  const { economyBase, revenuePerEconomyPoint, securityBase } = scenario.model;
  const economyTarget = Math.min(100, economyBase + Math.min(50, Math.floor(s.revenue / revenuePerEconomyPoint)));

  // Each power's course (its relation, influence and answers turn by turn) reads only
  // its own numbers, so it is worked out first, or taken from an earlier projection with
  // the same numbers; the meters then add the answers' effects in the same order as
  // before, so the result is the same to the last bit.
  for (let i = 0; i < POWERS; i++) {
    const id = POWER_IDS[i] as PowerId;
    courses[i] = courseOf(
      scenario,
      i,
      id,
      s.difficulty,
      left,
      rel[i] as number,
      base[i] as number,
      stance[i] as number,
      inf[i] as number,
      drift[i] as number,
      fixedTarget[i] as number,
      s.powers[id].aggression,
      rep[i] as Repertoire,
    );
  }
  for (let t = 0; t < left; t++) {
    for (let i = 0; i < POWERS; i++) {
      const c = courses[i] as Course;
      for (let k = 0; k < METERS; k++) m[k] = (m[k] as number) + (c.terms[t * METERS + k] as number);
      inf[i] = c.inf[t] as number;
      rel[i] = c.rel[t] as number;
    }
    for (let k = 0; k < METERS; k++) m[k] = (m[k] as number) + (trend[k] as number);
    const balance = balanceFrom(inf);
    m[ECONOMY] = (m[ECONOMY] as number) + stepToward(Math.round(m[ECONOMY] as number), economyTarget, 4, 3);
    m[SOVEREIGNTY] = (m[SOVEREIGNTY] as number) + stepToward(Math.round(m[SOVEREIGNTY] as number), sovereigntyTarget(balance), 4, 2);
    m[STABILITY] =
      (m[STABILITY] as number) +
      stepToward(Math.round(m[STABILITY] as number), stabilityTarget(Math.round(m[ECONOMY] as number), Math.round(m[SOVEREIGNTY] as number)), 4, 3);
    if ((m[SOVEREIGNTY] as number) < 30) m[STABILITY] = (m[STABILITY] as number) - ((m[SOVEREIGNTY] as number) < 20 ? 2 : 1);
    if (Math.abs((m[SECURITY] as number) - securityBase) > 5)
      m[SECURITY] = (m[SECURITY] as number) + stepToward(Math.round(m[SECURITY] as number), securityBase, 6, 2);
    for (let k = 0; k < METERS; k++) m[k] = clamp(m[k] as number, 0, 100);
  }

  const sw = scenario.outcomes.score;
  let worst = 100;
  for (let i = 0; i < POWERS; i++) worst = Math.min(worst, rel[i] as number);
  let total = 0;
  let weights = 0;
  for (let k = 0; k < METERS; k++) {
    total += (w[k] as number) * (m[k] as number);
    weights += w[k] as number;
  }
  total += sw.balance * balanceFrom(inf) + sw.relations * relationPart(worst);
  weights += sw.balance + sw.relations;
  let score = weights === 0 ? 0 : total / weights;
  // A meter heading for a losing line is a risk the average hides: the game may end.
  for (const k of [SOVEREIGNTY, STABILITY]) if ((m[k] as number) < 22) score -= (22 - (m[k] as number)) * 1.5;
  return score;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** derived.ts's balanceOf, on projected numbers (influence in POWER_IDS order). */
function balanceFrom(inf: Float64Array): number {
  let top = 0;
  for (let i = 0; i < POWERS; i++) if ((inf[i] as number) > (inf[top] as number)) top = i;
  let others = 0;
  for (let i = 0; i < POWERS; i++) if (i !== top) others += inf[i] as number;
  return clamp(100 - 1.5 * ((inf[top] as number) - others / 3), 0, 100);
}
