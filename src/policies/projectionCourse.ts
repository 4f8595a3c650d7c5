/**
 * One power's course over a projection (projection.ts): its relation and influence after
 * each projected turn, and what its expected answers add to each meter that turn.
 *
 * A course reads only the power's own numbers, and a planner's moves mostly leave a power
 * as the position has it, or as an earlier move left it: so each power keeps its recent
 * courses and a projection with the same numbers reuses one. What the answers add at a
 * stance is kept per (power, difficulty, aggression) too: `oddsAtStance` reads only those
 * and the rounded stance. The numbers are worked out by the same expressions, in the same
 * order, as when they were computed afresh, so every value is the same to the last bit.
 */
import { type Difficulty, METER_IDS, oddsAtStance, POWER_IDS, type PowerId, stepToward } from '../core/index.ts';
import type { Effect, Scenario } from '../scenario/types.ts';

export const METERS = METER_IDS.length;
export const POWERS = POWER_IDS.length;
const meterIndex = new Map<string, number>(METER_IDS.map((k, i) => [k, i]));

/** The meter changes an effect list makes, counting `chance` branches at their odds, added to `out`. */
export function meterDeltas(effects: readonly Effect[], out: Float64Array | number[], scale = 1): void {
  const steps: number[] = [];
  meterSteps(effects, scale, 0, steps);
  for (let j = 0; j < steps.length; j += 2) {
    const k = steps[j] as number;
    out[k] = (out[k] as number) + (steps[j + 1] as number);
  }
}

/**
 * meterDeltas as a list of steps, pairs of (meter index, amount) in effect order: adding
 * them one by one to a row gives meterDeltas' sums to the last bit (each amount is the
 * same product, each sum taken in the same order). The projection reads the trends in
 * force for most moves it weighs, and walking their effects again each time cost more
 * than the sums.
 */
function meterSteps(effects: readonly Effect[], scale: number, depth: number, steps: number[]): void {
  if (depth > 6) return;
  for (const e of effects) {
    const k = e.op === 'add' ? meterIndex.get(e.var) : undefined;
    if (e.op === 'add' && k !== undefined) {
      // A random amount counts at its middle.
      const d = typeof e.delta === 'number' ? e.delta : (e.delta.min + e.delta.max) / 2;
      steps.push(k, d * scale);
    } else if (e.op === 'chance') {
      meterSteps(e.then, (scale * e.percent) / 100, depth + 1, steps);
      if (e.else) meterSteps(e.else, (scale * (100 - e.percent)) / 100, depth + 1, steps);
    } else if (e.op === 'if') {
      // Unknown branch: half of each.
      meterSteps(e.then, scale / 2, depth + 1, steps);
      if (e.else) meterSteps(e.else, scale / 2, depth + 1, steps);
    }
  }
}

const stepsKept = new WeakMap<readonly Effect[], Float64Array>();

/** meterDeltas' steps for an effect list at its own scale (1), worked out once per list. */
export function meterStepsOf(effects: readonly Effect[]): Float64Array {
  let steps = stepsKept.get(effects);
  if (!steps) {
    const list: number[] = [];
    meterSteps(effects, 1, 0, list);
    steps = Float64Array.from(list);
    stepsKept.set(effects, steps);
  }
  return steps;
}

/** What a power's sticks and carrots do to the meters on average (METER_IDS order), weighted as it picks. */
export interface Repertoire {
  stick: number[];
  carrot: number[];
}

export function repertoire(scenario: Scenario, id: PowerId): Repertoire {
  const r: Repertoire = { stick: METER_IDS.map(() => 0), carrot: METER_IDS.map(() => 0) };
  for (const kind of ['stick', 'carrot'] as const) {
    const list = scenario.powers[id].responses.filter((x) => x.kind === kind);
    let weights = 0;
    for (const x of list) weights += x.weight;
    for (const x of list) {
      // A response in force keeps acting through trends; count its duration once more.
      meterDeltas(x.effects, r[kind], (x.weight / (weights || 1)) * (1 + x.duration / 2));
    }
  }
  return r;
}

/** Rounded stances the answer tables cover (a relation, and so a stance, stays in ±100). */
const LOW = -100;
const SPAN = 201;

/** What a power's expected answers add to each meter a turn, by rounded stance, for one
 *  difficulty and aggression: filled as stances are met. */
interface Answers {
  difficulty: Difficulty;
  aggression: number | undefined;
  terms: Float64Array;
  filled: Uint8Array;
}

export interface Course {
  rel: Float64Array;
  inf: Float64Array;
  /** What the answers add to each meter in each turn (METERS numbers a turn). */
  terms: Float64Array;
  /** What it was worked out from. */
  left: number;
  rel0: number;
  base: number;
  stance0: number;
  inf0: number;
  drift: number;
  fixedTarget: number;
  aggression: number | undefined;
  difficulty: string;
}

/** How many courses each power keeps — a position's, and those of the moves weighed from
 *  it and from the positions after the moves taken in the same turn — each in the place
 *  its numbers pick (a course found in one look, not searched for). */
const KEPT = 64;

/** Where a course with these numbers is kept: any function of them would do (a course is
 *  used only when every number matches); this one spreads a turn's courses well. */
function place(rel0: number, inf0: number, stance0: number, drift: number, fixedTarget: number, base: number): number {
  let h = rel0 * 31 + inf0;
  h = h * 31 + stance0 * 4;
  h = h * 31 + drift;
  h = h * 31 + fixedTarget;
  h = h * 31 + base;
  return (h | 0) & (KEPT - 1);
}

const newCourse = (): Course => ({
  rel: new Float64Array(4),
  inf: new Float64Array(4),
  terms: new Float64Array(4 * METERS),
  left: -1,
  rel0: 0,
  base: 0,
  stance0: 0,
  inf0: 0,
  drift: 0,
  fixedTarget: 0,
  aggression: undefined,
  difficulty: '',
});

/** A course's relation, influence and stance as it is worked out. */
const walk = new Float64Array(3);

/** Each power's kept courses and answer tables, for one scenario. */
export class Courses {
  private readonly kept: Course[][] = POWER_IDS.map(() => Array.from({ length: KEPT }, newCourse));
  private readonly answers: Answers[][] = POWER_IDS.map(() => []);
  private readonly rep: Repertoire[];

  constructor(private readonly scenario: Scenario) {
    this.rep = POWER_IDS.map((id) => repertoire(scenario, id));
  }

  /** Power `i`'s course over `left` turns from these numbers. */
  course(
    i: number,
    difficulty: Difficulty,
    left: number,
    rel0: number,
    base: number,
    stance0: number,
    inf0: number,
    drift: number,
    fixedTarget: number,
    aggression: number | undefined,
  ): Course {
    const c = (this.kept[i] as Course[])[place(rel0, inf0, stance0, drift, fixedTarget, base)] as Course;
    if (
      c.left === left &&
      c.rel0 === rel0 &&
      c.inf0 === inf0 &&
      c.stance0 === stance0 &&
      c.drift === drift &&
      c.fixedTarget === fixedTarget &&
      c.base === base &&
      c.aggression === aggression &&
      c.difficulty === difficulty
    )
      return c;
    if (c.rel.length < left) {
      c.rel = new Float64Array(left);
      c.inf = new Float64Array(left);
      c.terms = new Float64Array(left * METERS);
    }
    const answers = this.answersFor(i, difficulty, aggression);
    // The relation, influence and stance as they go, in a typed row: locals were kept
    // boxed by the optimizing compiler (a heap number for each step; see projection.ts).
    const v = walk;
    v[0] = rel0;
    v[1] = inf0;
    v[2] = stance0;
    for (let t = 0; t < left; t++) {
      v[0] = clamp((v[0] as number) + drift, -100, 100);
      v[0] = clamp((v[0] as number) + ((base - (v[0] as number)) * 10) / 100, -100, 100);
      const relation = v[0] as number;
      const target = clamp(fixedTarget + Math.floor(Math.max(0, relation) / 4), 0, 100);
      v[1] = clamp((v[1] as number) + stepToward(Math.round(v[1] as number), target, 4, 3), 0, 100);
      v[2] = (v[2] as number) + (relation - (v[2] as number)) / 2;
      this.answersAt(i, answers, Math.round(v[2] as number), c.terms, t * METERS);
      c.rel[t] = relation;
      c.inf[t] = v[1] as number;
    }
    c.left = left;
    c.rel0 = rel0;
    c.base = base;
    c.stance0 = stance0;
    c.inf0 = inf0;
    c.drift = drift;
    c.fixedTarget = fixedTarget;
    c.aggression = aggression;
    c.difficulty = difficulty;
    return c;
  }

  private answersFor(i: number, difficulty: Difficulty, aggression: number | undefined): Answers {
    const list = this.answers[i] as Answers[];
    for (const a of list) if (a.difficulty === difficulty && a.aggression === aggression) return a;
    const a: Answers = { difficulty, aggression, terms: new Float64Array(SPAN * METERS), filled: new Uint8Array(SPAN) };
    list.push(a);
    return a;
  }

  /** What power `i`'s answers add to each meter at a rounded stance, written to `out` from `at`. */
  private answersAt(i: number, answers: Answers, stance: number, out: Float64Array, at: number): void {
    const row = stance - LOW;
    const inTable = row >= 0 && row < SPAN;
    if (inTable && answers.filled[row] === 1) {
      for (let k = 0; k < METERS; k++) out[at + k] = answers.terms[row * METERS + k] as number;
      return;
    }
    const odds = oddsAtStance(this.scenario, POWER_IDS[i] as PowerId, answers.difficulty, stance, answers.aggression);
    const r = this.rep[i] as Repertoire;
    for (let k = 0; k < METERS; k++) out[at + k] = (odds.stick * (r.stick[k] as number) + odds.carrot * (r.carrot[k] as number)) / 100;
    if (!inTable) return;
    for (let k = 0; k < METERS; k++) answers.terms[row * METERS + k] = out[at + k] as number;
    answers.filled[row] = 1;
  }
}

const coursesOf = new WeakMap<Scenario, Courses>();

export function coursesFor(scenario: Scenario): Courses {
  let c = coursesOf.get(scenario);
  if (!c) {
    c = new Courses(scenario);
    coursesOf.set(scenario, c);
  }
  return c;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
