import { describe, expect, it } from 'vitest';
import {
  type GameState,
  holds,
  influenceTargetNow,
  METER_IDS,
  newGame,
  oddsAtStance,
  openInTurn,
  POWER_IDS,
  type PowerId,
  relationPart,
  sovereigntyTarget,
  stabilityTarget,
  stepToward,
} from '../../src/core/index.ts';
import { PROJECTION_TURNS, projectedScore } from '../../src/policies/projection.ts';
import { meterDeltas, repertoire } from '../../src/policies/projectionCourse.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { plainDrift, shippedScenario } from '../helpers.ts';
import { alongBalancerGame } from './balancerGame.ts';

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The projection as it was first written on arrays (session 4): every number worked out
 * afresh, nothing kept from one projection to the next. projection.ts keeps courses,
 * answers and readings across projections; it must give this, bit for bit.
 */
function reference(scenario: Scenario, s: GameState, turns = PROJECTION_TURNS): number {
  if (s.outcome) return s.outcome.score;
  const left = Math.max(0, Math.min(turns, scenario.calendar.turns - s.turn));
  const m = METER_IDS.map((k) => s.meters[k]);
  const trend = METER_IDS.map(() => 0);
  for (const t of openInTurn(scenario, s.turn, scenario.trends)) if (holds(scenario, s, t.when)) meterDeltas(t.effects, trend);
  const economyTarget = Math.min(100, scenario.model.economyBase + Math.min(50, Math.floor(s.revenue / scenario.model.revenuePerEconomyPoint)));
  const ps = POWER_IDS.map((id: PowerId) => {
    const p = s.powers[id];
    const target = influenceTargetNow(scenario, s, id);
    return {
      id,
      rel: p.relation,
      inf: p.influence,
      stance: p.stance,
      base: p.baseRelation ?? scenario.powers[id].baseRelation,
      drift: plainDrift(scenario, s, id),
      fixedTarget: target - Math.floor(Math.max(0, p.relation) / 4),
      rep: repertoire(scenario, id),
    };
  });
  const balance = () => {
    let top = 0;
    for (let i = 0; i < ps.length; i++) if ((ps[i]?.inf as number) > (ps[top]?.inf as number)) top = i;
    let others = 0;
    for (let i = 0; i < ps.length; i++) if (i !== top) others += ps[i]?.inf as number;
    return clamp(100 - 1.5 * ((ps[top]?.inf as number) - others / 3), 0, 100);
  };
  const [SOV, STAB, ECON, SEC] = [0, 1, 2, 3];
  const at = (k: number) => m[k] as number;
  for (let t = 0; t < left; t++) {
    for (const p of ps) {
      p.rel = clamp(p.rel + p.drift, -100, 100);
      p.rel = clamp(p.rel + ((p.base - p.rel) * 10) / 100, -100, 100);
      const target = clamp(p.fixedTarget + Math.floor(Math.max(0, p.rel) / 4), 0, 100);
      p.inf = clamp(p.inf + stepToward(Math.round(p.inf), target, 4, 3), 0, 100);
      p.stance = p.stance + (p.rel - p.stance) / 2;
      const odds = oddsAtStance(scenario, p.id, s.difficulty, Math.round(p.stance), s.powers[p.id].aggression);
      for (let k = 0; k < m.length; k++) m[k] = at(k) + (odds.stick * (p.rep.stick[k] as number) + odds.carrot * (p.rep.carrot[k] as number)) / 100;
    }
    for (let k = 0; k < m.length; k++) m[k] = at(k) + (trend[k] as number);
    const b = balance();
    m[ECON] = at(ECON) + stepToward(Math.round(at(ECON)), economyTarget, 4, 3);
    m[SOV] = at(SOV) + stepToward(Math.round(at(SOV)), sovereigntyTarget(b), 4, 2);
    m[STAB] = at(STAB) + stepToward(Math.round(at(STAB)), stabilityTarget(Math.round(at(ECON)), Math.round(at(SOV))), 4, 3);
    if (at(SOV) < 30) m[STAB] = at(STAB) - (at(SOV) < 20 ? 2 : 1);
    if (Math.abs(at(SEC) - scenario.model.securityBase) > 5) m[SEC] = at(SEC) + stepToward(Math.round(at(SEC)), scenario.model.securityBase, 6, 2);
    for (let k = 0; k < m.length; k++) m[k] = clamp(at(k), 0, 100);
  }
  const sw = scenario.outcomes.score;
  let total = 0;
  let weights = 0;
  METER_IDS.forEach((k, i) => {
    total += sw[k] * at(i);
    weights += sw[k];
  });
  total += sw.balance * balance() + sw.relations * relationPart(Math.min(100, ...ps.map((p) => p.rel)));
  weights += sw.balance + sw.relations;
  let score = weights === 0 ? 0 : total / weights;
  for (const k of [SOV, STAB]) if (at(k) < 22) score -= (22 - at(k)) * 1.5;
  return score;
}

describe('the projection (policies/projection.ts)', () => {
  it('gives, with its kept courses, answers and readings, what working everything out afresh gives, bit for bit', () => {
    for (const id of ['campaign-1991-2012', 'after-georgia-2008']) {
      const scenario = shippedScenario(id);
      for (const difficulty of ['normal', 'hard'] as const) {
        const s = newGame(scenario, 5, { difficulty });
        let looks = 0;
        alongBalancerGame(scenario, s, 'projection', {
          position: () => expect(Object.is(projectedScore(scenario, s), reference(scenario, s)), `${id} turn ${s.turn}`).toBe(true),
          action: (a, readings, quick) =>
            quick.look(a, { ...s.rng }, (after, written) => {
              looks++;
              const kept = projectedScore(scenario, after, PROJECTION_TURNS, readings.after(after, written));
              expect(Object.is(kept, reference(scenario, after)), `${id} turn ${s.turn} ${a.id}`).toBe(true);
            }),
        });
        expect(looks, id).toBeGreaterThan(100);
      }
    }
  });
});
