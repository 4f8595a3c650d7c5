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
  /** The relation after each turn, and what the answers add to each meter in each turn
   *  (METERS numbers a turn): the arrays of the relations part (`Relations`) it was made with. */
  rel: Float64Array;
  terms: Float64Array;
  /** The influence after each turn. */
  inf: Float64Array;
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
  /** The relations part it read, and that part's stamp then (the part is worked out again
   *  in place for other numbers, which makes this course stale). */
  part: Relations;
  stamp: number;
}

/**
 * The part of a course that reads only the relation, its drift, the base relation, the
 * stance, the aggression and the difficulty: the relation and stance turn by turn, and
 * the answers at each stance. The influence reads the influence and its ties too, so a
 * move that changes only those (most of the moves a course was missed for) finds the
 * answers here and works out the influence alone.
 */
interface Relations {
  rel: Float64Array;
  terms: Float64Array;
  left: number;
  rel0: number;
  base: number;
  stance0: number;
  drift: number;
  aggression: number | undefined;
  difficulty: string;
  /** Which working-out this is (bumped each time the part is worked out again). */
  stamp: number;
}

/** How many courses each power keeps — a position's, and those of the moves weighed from
 *  it and from the positions after the moves taken in the same turn — each in the place
 *  its numbers pick (a course found in one look, not searched for). */
const KEPT = 64;
/** How many relations parts each power keeps, the same way, each made when its place is
 *  first used. A relations part recurs far more than a whole course does, but not within
 *  a few decisions: along 40 balancer games, 64 places worked out 2,837 parts a game,
 *  1,024 places 1,535 and 4,096 places 895 (of ~3,340 courses missed a game). */
const KEPT_RELATIONS = 4096;

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

/** Where a relations part with these numbers is kept (exported for the tests, which make
 *  two parts meet in one place). */
export function placeRelations(rel0: number, stance0: number, drift: number, base: number): number {
  let h = rel0 * 31 + stance0 * 4;
  h = h * 31 + drift;
  h = h * 31 + base;
  return (h | 0) & (KEPT_RELATIONS - 1);
}

/** Relations parts keep their numbers in slabs, SLAB parts to a slab made once: a typed
 *  array of more than 64 bytes keeps its numbers outside V8's heap, far dearer to make and
 *  to free than a view into a slab, and a run makes a part for each of the 16,384 places. */
const SLAB = 256;
/** The turns a part's place in its slab holds (PROJECTION_TURNS); a longer course gets
 *  arrays of its own. */
const SLAB_TURNS = 4;
const PER_PART = SLAB_TURNS * (1 + METERS);

const newRelations = (rel: Float64Array, terms: Float64Array): Relations => ({
  rel,
  terms,
  left: -1,
  rel0: 0,
  base: 0,
  stance0: 0,
  drift: 0,
  aggression: undefined,
  difficulty: '',
  stamp: 0,
});

/** A placeholder part no course is made with (its stamp is never a real one). */
const NO_PART: Relations = { ...newRelations(new Float64Array(SLAB_TURNS), new Float64Array(SLAB_TURNS * METERS)), stamp: -1 };

const newCourse = (): Course => ({
  rel: NO_PART.rel,
  terms: NO_PART.terms,
  inf: new Float64Array(4),
  left: -1,
  rel0: 0,
  base: 0,
  stance0: 0,
  inf0: 0,
  drift: 0,
  fixedTarget: 0,
  aggression: undefined,
  difficulty: '',
  part: NO_PART,
  stamp: -1,
});

/** A relation and stance, and an influence, as they are worked out: locals were kept boxed
 *  by the optimizing compiler (a heap number for each step; see projection.ts). */
const walk = new Float64Array(2);
const walkInf = new Float64Array(1);
/** The stamp of the next relations part worked out. */
let stamps = 0;

/** Each power's kept courses and answer tables, for one scenario. */
export class Courses {
  private readonly kept: Course[][] = POWER_IDS.map(() => Array.from({ length: KEPT }, newCourse));
  private readonly relations: (Relations | null)[][] = POWER_IDS.map(() => new Array<Relations | null>(KEPT_RELATIONS).fill(null));
  private readonly slabs: (Float64Array | null)[][] = POWER_IDS.map(() => new Array<Float64Array | null>(KEPT_RELATIONS / SLAB).fill(null));
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
      c.difficulty === difficulty &&
      c.part.stamp === c.stamp
    )
      return c;
    const r = this.relationsOf(i, difficulty, left, rel0, base, stance0, drift, aggression);
    if (c.inf.length < left) c.inf = new Float64Array(left);
    // The influence as it goes, toward its ties plus the warmth of each turn's relation.
    const v = walkInf;
    v[0] = inf0;
    for (let t = 0; t < left; t++) {
      const relation = r.rel[t] as number;
      const target = clamp(fixedTarget + Math.floor(Math.max(0, relation) / 4), 0, 100);
      v[0] = clamp((v[0] as number) + stepToward(Math.round(v[0] as number), target, 4, 3), 0, 100);
      c.inf[t] = v[0] as number;
    }
    c.rel = r.rel;
    c.terms = r.terms;
    c.part = r;
    c.stamp = r.stamp;
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

  /** Power `i`'s relation, stance and answers over `left` turns from these numbers. */
  private relationsOf(
    i: number,
    difficulty: Difficulty,
    left: number,
    rel0: number,
    base: number,
    stance0: number,
    drift: number,
    aggression: number | undefined,
  ): Relations {
    const kept = this.relations[i] as (Relations | null)[];
    const at = placeRelations(rel0, stance0, drift, base);
    let r = kept[at] as Relations | null;
    if (r === null) {
      const slabs = this.slabs[i] as (Float64Array | null)[];
      const k = (at / SLAB) | 0;
      let slab = slabs[k] as Float64Array | null;
      if (slab === null) {
        slab = new Float64Array(SLAB * PER_PART);
        slabs[k] = slab;
      }
      const from = (at % SLAB) * PER_PART;
      r = newRelations(slab.subarray(from, from + SLAB_TURNS), slab.subarray(from + SLAB_TURNS, from + PER_PART));
      kept[at] = r;
    } else if (
      r.left === left &&
      r.rel0 === rel0 &&
      r.stance0 === stance0 &&
      r.drift === drift &&
      r.base === base &&
      r.aggression === aggression &&
      r.difficulty === difficulty
    )
      return r;
    // Worked out again in place: the courses made with this part are stale from now on.
    // New arrays when they are too short (a course made with the old ones keeps them).
    if (r.rel.length < left) {
      r.rel = new Float64Array(left);
      r.terms = new Float64Array(left * METERS);
    }
    const answers = this.answersFor(i, difficulty, aggression);
    const v = walk;
    v[0] = rel0;
    v[1] = stance0;
    for (let t = 0; t < left; t++) {
      v[0] = clamp((v[0] as number) + drift, -100, 100);
      v[0] = clamp((v[0] as number) + ((base - (v[0] as number)) * 10) / 100, -100, 100);
      const relation = v[0] as number;
      v[1] = (v[1] as number) + (relation - (v[1] as number)) / 2;
      this.answersAt(i, answers, Math.round(v[1] as number), r.terms, t * METERS);
      r.rel[t] = relation;
    }
    r.stamp = ++stamps;
    r.left = left;
    r.rel0 = rel0;
    r.base = base;
    r.stance0 = stance0;
    r.drift = drift;
    r.aggression = aggression;
    r.difficulty = difficulty;
    return r;
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
