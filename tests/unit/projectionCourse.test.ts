/**
 * A power's course over a projection (policies/projectionCourse.ts), kept or worked out
 * afresh, must be what working it out in one pass gives, bit for bit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Difficulty, oddsAtStance, POWER_IDS, type PowerId, stepToward } from '../../src/core/index.ts';
import { balancer } from '../../src/policies/policies.ts';
import { type Course, Courses, METERS, repertoire } from '../../src/policies/projectionCourse.ts';
import { playGame } from '../../src/policies/run.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { shippedScenario } from '../helpers.ts';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

type Args = [number, Difficulty, number, number, number, number, number, number, number, number | undefined];

/** The course worked out in one pass, as projection.ts did before courses were kept. */
function reference(scenario: Scenario, args: Args): { rel: number[]; inf: number[]; terms: number[] } {
  const [i, difficulty, left, rel0, base, stance0, inf0, drift, fixedTarget, aggression] = args;
  const id = POWER_IDS[i] as PowerId;
  const rep = repertoire(scenario, id);
  let rel = rel0;
  let inf = inf0;
  let stance = stance0;
  const out = { rel: [] as number[], inf: [] as number[], terms: [] as number[] };
  for (let t = 0; t < left; t++) {
    rel = clamp(rel + drift, -100, 100);
    rel = clamp(rel + ((base - rel) * 10) / 100, -100, 100);
    const target = clamp(fixedTarget + Math.floor(Math.max(0, rel) / 4), 0, 100);
    inf = clamp(inf + stepToward(Math.round(inf), target, 4, 3), 0, 100);
    stance = stance + (rel - stance) / 2;
    const odds = oddsAtStance(scenario, id, difficulty, Math.round(stance), aggression);
    for (let k = 0; k < METERS; k++) out.terms.push((odds.stick * (rep.stick[k] as number) + odds.carrot * (rep.carrot[k] as number)) / 100);
    out.rel.push(rel);
    out.inf.push(inf);
  }
  return out;
}

/** Whether a kept course is the reference, to the last bit. */
function same(c: Course, r: ReturnType<typeof reference>, left: number): boolean {
  for (let t = 0; t < left; t++) {
    if (!Object.is(c.rel[t], r.rel[t]) || !Object.is(c.inf[t], r.inf[t])) return false;
    for (let k = 0; k < METERS; k++) if (!Object.is(c.terms[t * METERS + k], r.terms[t * METERS + k])) return false;
  }
  return true;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a power's course (policies/projectionCourse.ts)", () => {
  it('is the course worked out in one pass, for every course the projection asked along balancer games', () => {
    let asked = 0;
    let wrong = 0;
    const course = Courses.prototype.course;
    for (const [id, seed] of [
      ['campaign-1991-2012', 3],
      ['after-georgia-2008', 7],
    ] as const) {
      const scenario = shippedScenario(id);
      vi.spyOn(Courses.prototype, 'course').mockImplementation(function (this: Courses, ...args: Args) {
        const c = course.apply(this, args);
        asked++;
        if (!same(c, reference(scenario, args), args[2])) wrong++;
        return c;
      });
      playGame(scenario, seed, balancer);
      vi.restoreAllMocks();
    }
    expect(wrong).toBe(0);
    expect(asked).toBeGreaterThan(10_000);
  });
});
