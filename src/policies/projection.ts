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
  entryHolds,
  holds,
  influenceTargetValue,
  METER_IDS,
  openInTurn,
  POWER_IDS,
  type PowerId,
  relationPart,
  sovereigntyTarget,
  stepToward,
  type Test,
} from '../core/index.ts';
import { powerAt } from '../core/slots.ts';
import type { Scenario } from '../scenario/types.ts';
import type { KnownReadings } from './known.ts';
import { type Course, type Courses, clamp, coursesFor, METERS, meterStepsOf, POWERS } from './projectionCourse.ts';

// Meters and powers are numbers in arrays indexed as METER_IDS and POWER_IDS list them:
// the projection runs for every move a planner weighs, and reading an object by a key
// that changes from one step of a loop to the next costs far more than the arithmetic.
// The arithmetic is the same, in the same order, as when they were keyed by name.
// The meter loop below reads the row's places as these meters (m[0] is sovereignty, m[2]
// the economy...); this fails to compile if METER_IDS changes.
const METER_ORDER: typeof METER_IDS = ['sovereignty', 'stability', 'economy', 'security', 'karabakh'];
if (METER_ORDER.some((k, i) => METER_IDS[i] !== k)) throw new Error('projection.ts: METER_IDS changed');

/** What a projection reads of its scenario that does not change: the score's meter weights
 *  (METER_IDS order), each power's base relation (POWER_IDS order) and the powers' courses. */
interface Fixed {
  scenario: Scenario;
  weights: number[];
  /** The weights' sum, the meters' in METER_IDS order then balance + relations, as the score adds them. */
  weightSum: number;
  bases: number[];
  courses: Courses;
}

const fixedOf = new WeakMap<Scenario, Fixed>();
/** The last scenario's: a run projects in one scenario, so a projection compares one
 *  reference instead of making three WeakMap lookups. */
let lastFixed: Fixed | null = null;

function fixedFor(scenario: Scenario): Fixed {
  if (lastFixed !== null && lastFixed.scenario === scenario) return lastFixed;
  let f = fixedOf.get(scenario);
  if (!f) {
    const score = scenario.outcomes.score;
    const weights = METER_IDS.map((k) => score[k]);
    let weightSum = 0;
    for (const w of weights) weightSum += w;
    weightSum += score.balance + score.relations;
    f = {
      scenario,
      weights,
      weightSum,
      bases: POWER_IDS.map((id) => scenario.powers[id].baseRelation),
      courses: coursesFor(scenario),
    };
    fixedOf.set(scenario, f);
  }
  lastFixed = f;
  return f;
}

/** Turns a projection looks ahead at most: beyond that, its guesses only add noise. */
export const PROJECTION_TURNS = 4;

// Scratch rows, filled afresh by each projection (it never runs inside another).
const trend = new Float64Array(METERS);
const inf = new Float64Array(POWERS);
const rel = new Float64Array(POWERS);
const meters = new Float64Array(METERS);
const courses: Course[] = [];

/** How a power's agenda moves its relation each turn in `s` (evaluate.ts agendaDrift),
 *  from the agenda's compiled tests (rules.ts): the same as holds(c.when), found once. */
export function driftOf(scenario: Scenario, s: GameState, id: PowerId, agenda: ReturnType<typeof agendaForTurn>): number {
  let d = 0;
  const a = agenda[id];
  if (a) {
    // A one-flag concern's flag looked up here, without a call of its test (flagsOf).
    for (let j = 0; j < a.concerns.length; j++) {
      if (entryHolds(scenario, s, a.concernFlags[j] as string | null, a.concernTests[j] as Test)) d += (a.concerns[j] as (typeof a.concerns)[number]).delta;
    }
  } else for (const c of scenario.powers[id].concerns) if (holds(scenario, s, c.when)) d += c.delta;
  return d;
}

/**
 * What the trends in force in `s` add to each meter a turn (METER_IDS order), written to
 * `out`: only the trends whose dates admit this turn (openInTurn: the engine's own cut).
 */
export function trendOf(scenario: Scenario, s: GameState, out: Float64Array): void {
  out.fill(0);
  for (const t of openInTurn(scenario, s.turn, scenario.trends)) {
    if (!holds(scenario, s, t.when)) continue;
    // projectionCourse.ts meterDeltas, its steps worked out once per trend.
    const steps = meterStepsOf(t.effects);
    for (let j = 0; j < steps.length; j += 2) {
      const k = steps[j] as number;
      out[k] = (out[k] as number) + (steps[j + 1] as number);
    }
  }
}

/**
 * The final score the position is heading for, as a fraction (not rounded), looking
 * `turns` turns ahead (at most to the end of the scenario). A lost game is worth its
 * outcome's score. `known` holds readings of `s` its caller already has (each power's
 * agenda drift and influence target, the trends' effects: see readings.ts); the rest are
 * read here.
 */
export function projectedScore(scenario: Scenario, s: GameState, turns = PROJECTION_TURNS, known?: KnownReadings): number {
  if (s.outcome) return s.outcome.score;
  const left = Math.max(0, Math.min(turns, scenario.calendar.turns - s.turn));
  let tr = known?.trend;
  if (!tr) {
    trendOf(scenario, s, trend);
    tr = trend;
  }
  // Each power's course (its relation, influence and answers turn by turn) reads only
  // its own numbers, so it is worked out apart, or taken from an earlier projection with
  // the same numbers (projectionCourse.ts); the meters then add the answers' effects in
  // the same order as before, so the result is the same to the last bit.
  const fixed = fixedFor(scenario);
  const all = fixed.courses;
  // Only the concerns and ties whose dates admit this turn (a campaign has many chapters'),
  // found when a reading is not known (most looks know most of them).
  let agenda: ReturnType<typeof agendaForTurn> | undefined;
  const powers = s.powers;
  const bases = fixed.bases;
  for (let i = 0; i < POWERS; i++) {
    const p = powerAt(powers, i);
    let d = known ? (known.drift[i] as number) : Number.NaN;
    let target = known ? (known.target[i] as number) : Number.NaN;
    if (Number.isNaN(d) || Number.isNaN(target)) {
      const id = POWER_IDS[i] as PowerId;
      agenda ??= agendaForTurn(scenario, s.turn);
      if (Number.isNaN(d)) d = driftOf(scenario, s, id, agenda);
      if (Number.isNaN(target)) {
        const a = agenda[id];
        target = a ? influenceTargetValue(scenario, s, id, undefined, a.sources, a.sourceTests, a.sourceFlags) : influenceTargetValue(scenario, s, id);
      }
    }
    // The ties that do not depend on the relation; warmth is added back each turn.
    const fixedTarget = target - Math.floor(Math.max(0, p.relation) / 4);
    courses[i] = all.course(i, s.difficulty, left, p.relation, p.baseRelation ?? (bases[i] as number), p.stance, p.influence, d, fixedTarget, p.aggression);
    rel[i] = p.relation;
    inf[i] = p.influence;
  }
  const { economyBase, revenuePerEconomyPoint, securityBase } = scenario.model;
  const economyTarget = Math.min(100, economyBase + Math.min(50, Math.floor(s.revenue / revenuePerEconomyPoint)));

  // The same arithmetic, in the same order for each meter, as with the meters in an
  // array indexed as METER_IDS: each power's answers in POWER_IDS order, then the trends.
  // The meters in a row of numbers (METER_IDS order), each meter's sums in the same order
  // as before. Five named locals were kept boxed by the optimizing compiler, a new heap
  // number for each sum (~650 bytes of garbage a projection, a third of the balancer's);
  // a typed array's places are plain doubles. A projection: ~1.9 -> ~0.9 µs.
  // The four courses read once, and each meter's sum written out: the powers' answers in
  // POWER_IDS order, then the trend, the same additions in the same order as a loop over
  // them (a + b + c is (a + b) + c), so the same result to the last bit. Four powers,
  // in this order: checked below (POWER_IDS changed).
  const c0 = courses[0] as Course;
  const c1 = courses[1] as Course;
  const c2 = courses[2] as Course;
  const c3 = courses[3] as Course;
  const a0 = c0.terms;
  const a1 = c1.terms;
  const a2 = c2.terms;
  const a3 = c3.terms;
  const m = meters;
  m[0] = s.meters.sovereignty;
  m[1] = s.meters.stability;
  m[2] = s.meters.economy;
  m[3] = s.meters.security;
  m[4] = s.meters.karabakh;
  // The last turn's balance of influence is the score's (the influence after it).
  let balance = 0;
  for (let t = 0; t < left; t++) {
    const at = t * METERS;
    for (let k = 0; k < METERS; k++)
      m[k] = (m[k] as number) + (a0[at + k] as number) + (a1[at + k] as number) + (a2[at + k] as number) + (a3[at + k] as number) + (tr[k] as number);
    inf[0] = c0.inf[t] as number;
    inf[1] = c1.inf[t] as number;
    inf[2] = c2.inf[t] as number;
    inf[3] = c3.inf[t] as number;
    balance = balanceFrom(inf);
    m[2] = (m[2] as number) + step4(Math.round(m[2] as number), economyTarget, 3);
    m[0] = (m[0] as number) + step4(Math.round(m[0] as number), sovereigntyTarget(balance), 2);
    m[1] = (m[1] as number) + step4(Math.round(m[1] as number), halfUp(Math.round(m[2] as number) + Math.round(m[0] as number)), 3);
    if ((m[0] as number) < 30) m[1] = (m[1] as number) - ((m[0] as number) < 20 ? 2 : 1);
    if (Math.abs((m[3] as number) - securityBase) > 5) m[3] = (m[3] as number) + stepToward(Math.round(m[3] as number), securityBase, 6, 2);
    for (let k = 0; k < METERS; k++) m[k] = clamp(m[k] as number, 0, 100);
  }
  // Each power's relation after the last projected turn (the position's own with none).
  if (left > 0) {
    rel[0] = c0.rel[left - 1] as number;
    rel[1] = c1.rel[left - 1] as number;
    rel[2] = c2.rel[left - 1] as number;
    rel[3] = c3.rel[left - 1] as number;
  }
  const sov = m[0] as number;
  const stab = m[1] as number;
  const econ = m[2] as number;
  const sec = m[3] as number;
  const kar = m[4] as number;

  const sw = scenario.outcomes.score;
  let worst = 100;
  for (let i = 0; i < POWERS; i++) worst = Math.min(worst, rel[i] as number);
  const w = fixed.weights;
  let total = 0;
  total += (w[0] as number) * sov;
  total += (w[1] as number) * stab;
  total += (w[2] as number) * econ;
  total += (w[3] as number) * sec;
  total += (w[4] as number) * kar;
  total += sw.balance * (left > 0 ? balance : balanceFrom(inf)) + sw.relations * relationPart(worst);
  const weights = fixed.weightSum;
  let score = weights === 0 ? 0 : total / weights;
  // A meter heading for a losing line is a risk the average hides: the game may end.
  if (sov < 22) score -= (22 - sov) * 1.5;
  if (stab < 22) score -= (22 - stab) * 1.5;
  return score;
}

if (POWER_IDS.join() !== 'russia,turkey,iran,west') throw new Error('projection.ts: POWER_IDS changed');

/**
 * economy.ts stepToward(value, target, 4, max) for whole numbers, in integer arithmetic:
 * gap / 4 is exact, so Math.round(gap / 4), which rounds halves up, is floor((gap + 2) / 4),
 * an arithmetic shift. The same step, with no division and no rounding of a double on the
 * meters' chain of dependent steps (four turns of it a projection). Every caller passes
 * whole numbers: a rounded meter, and a target that is rounded (sovereigntyTarget,
 * halfUp) or whole by the schema (economyBase is an integer, the revenue's part floored).
 */
function step4(value: number, target: number, max: number): number {
  const gap = (target - value) | 0;
  if (gap === 0) return 0;
  let step = (gap + 2) >> 2;
  if (step === 0) step = gap > 0 ? 1 : -1;
  if (step > max) step = max;
  if (step < -max) step = -max;
  return step;
}

/** drift.ts stabilityTarget: Math.round(sum / 2) of a whole sum is floor((sum + 1) / 2). */
function halfUp(sum: number): number {
  return (sum + 1) >> 1;
}

/** derived.ts's balanceOf, on projected numbers (influence in POWER_IDS order). */
function balanceFrom(inf: Float64Array): number {
  let top = 0;
  for (let i = 0; i < POWERS; i++) if ((inf[i] as number) > (inf[top] as number)) top = i;
  let others = 0;
  for (let i = 0; i < POWERS; i++) if (i !== top) others += inf[i] as number;
  return clamp(100 - 1.5 * ((inf[top] as number) - others / 3), 0, 100);
}
