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
import { holds, openInTurn } from '../core/index.ts';
import type { KnownReadings } from './evaluate.ts';
import type { Effect, Scenario } from '../scenario/types.ts';

type MeterDeltas = Record<MeterId, number>;
const zero = (): MeterDeltas => ({ sovereignty: 0, stability: 0, economy: 0, security: 0, karabakh: 0 });

/** The meter changes an effect list makes, counting `chance` branches at their odds. */
function meterDeltas(effects: readonly Effect[], out: MeterDeltas, scale = 1, depth = 0): void {
  if (depth > 6) return;
  for (const e of effects) {
    if (e.op === 'add' && (METER_IDS as readonly string[]).includes(e.var)) {
      // A random amount counts at its middle.
      const d = typeof e.delta === 'number' ? e.delta : (e.delta.min + e.delta.max) / 2;
      out[e.var as MeterId] += d * scale;
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

const repertoires = new WeakMap<Scenario, Record<PowerId, Repertoire>>();

/** What each power's sticks and carrots do to the meters on average, weighted as it picks. */
function repertoireOf(scenario: Scenario): Record<PowerId, Repertoire> {
  let r = repertoires.get(scenario);
  if (r) return r;
  r = {} as Record<PowerId, Repertoire>;
  for (const id of POWER_IDS) {
    const rep: Repertoire = { stick: zero(), carrot: zero() };
    for (const kind of ['stick', 'carrot'] as const) {
      const list = scenario.powers[id].responses.filter((x) => x.kind === kind);
      let weights = 0;
      for (const x of list) weights += x.weight;
      for (const x of list) {
        // A response in force keeps acting through trends; count its duration once more.
        meterDeltas(x.effects, rep[kind], ((x.weight / (weights || 1)) * (1 + x.duration / 2)) as number);
      }
    }
    r[id] = rep;
  }
  repertoires.set(scenario, r);
  return r;
}

/** Turns a projection looks ahead at most: beyond that, its guesses only add noise. */
export const PROJECTION_TURNS = 4;

/**
 * The final score the position is heading for, as a fraction (not rounded), looking
 * `turns` turns ahead (at most to the end of the scenario). A lost game is worth its
 * outcome's score. `known` holds readings of `s` its caller already has (each power's
 * agenda drift and influence target: see readings.ts); the rest are read here.
 */
export function projectedScore(scenario: Scenario, s: GameState, turns = PROJECTION_TURNS, known?: KnownReadings): number {
  if (s.outcome) return s.outcome.score;
  const left = Math.max(0, Math.min(turns, scenario.calendar.turns - s.turn));
  const m = { ...s.meters };
  const rel = {} as Record<PowerId, number>;
  const stance = {} as Record<PowerId, number>;
  const inf = {} as Record<PowerId, number>;
  const drift = {} as Record<PowerId, number>;
  const fixedTarget = {} as Record<PowerId, number>;
  // Only the concerns and ties whose dates admit this turn (a campaign has many chapters').
  const agenda = agendaForTurn(scenario, s.turn);
  for (const id of POWER_IDS) {
    const p = s.powers[id];
    rel[id] = p.relation;
    stance[id] = p.stance;
    inf[id] = p.influence;
    let d = known?.drift[id];
    if (d === undefined) {
      d = 0;
      for (const c of agenda[id]?.concerns ?? scenario.powers[id].concerns) if (holds(scenario, s, c.when)) d += c.delta;
    }
    drift[id] = d;
    // The ties that do not depend on the relation; warmth is added back each turn.
    fixedTarget[id] = (known?.target[id] ?? influenceTargetValue(scenario, s, id, undefined, agenda[id]?.sources)) - Math.floor(Math.max(0, p.relation) / 4);
  }
  const trend = zero();
  // Only the trends whose dates admit this turn (openInTurn: the engine's own cut).
  for (const t of openInTurn(scenario, s.turn, scenario.trends)) if (holds(scenario, s, t.when)) meterDeltas(t.effects, trend);
  const rep = repertoireOf(scenario);
  const { economyBase, revenuePerEconomyPoint, securityBase } = scenario.model;
  const economyTarget = Math.min(100, economyBase + Math.min(50, Math.floor(s.revenue / revenuePerEconomyPoint)));

  for (let t = 0; t < left; t++) {
    for (const id of POWER_IDS) {
      const def = scenario.powers[id];
      rel[id] = clamp(rel[id] + drift[id], -100, 100);
      rel[id] = clamp(rel[id] + (((s.powers[id].baseRelation ?? def.baseRelation) - rel[id]) * 10) / 100, -100, 100);
      const target = clamp(fixedTarget[id] + Math.floor(Math.max(0, rel[id]) / 4), 0, 100);
      inf[id] = clamp(inf[id] + stepToward(Math.round(inf[id]), target, 4, 3), 0, 100);
      stance[id] += (rel[id] - stance[id]) / 2;
      const odds = oddsAtStance(scenario, id, s.difficulty, Math.round(stance[id]), s.powers[id].aggression);
      for (const k of METER_IDS) m[k] += (odds.stick * rep[id].stick[k] + odds.carrot * rep[id].carrot[k]) / 100;
    }
    for (const k of METER_IDS) m[k] += trend[k];
    const balance = balanceFrom(inf);
    m.economy += stepToward(Math.round(m.economy), economyTarget, 4, 3);
    m.sovereignty += stepToward(Math.round(m.sovereignty), sovereigntyTarget(balance), 4, 2);
    m.stability += stepToward(Math.round(m.stability), stabilityTarget(Math.round(m.economy), Math.round(m.sovereignty)), 4, 3);
    if (m.sovereignty < 30) m.stability -= m.sovereignty < 20 ? 2 : 1;
    if (Math.abs(m.security - securityBase) > 5) m.security += stepToward(Math.round(m.security), securityBase, 6, 2);
    for (const k of METER_IDS) m[k] = clamp(m[k], 0, 100);
  }

  const w = scenario.outcomes.score;
  let worst = 100;
  for (const id of POWER_IDS) worst = Math.min(worst, rel[id]);
  let total = 0;
  let weights = 0;
  for (const k of METER_IDS) {
    total += w[k] * m[k];
    weights += w[k];
  }
  total += w.balance * balanceFrom(inf) + w.relations * relationPart(worst);
  weights += w.balance + w.relations;
  let score = weights === 0 ? 0 : total / weights;
  // A meter heading for a losing line is a risk the average hides: the game may end.
  for (const k of ['sovereignty', 'stability'] as const) if (m[k] < 22) score -= (22 - m[k]) * 1.5;
  return score;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** derived.ts's balanceOf, on projected numbers. */
function balanceFrom(inf: Record<PowerId, number>): number {
  let top: PowerId = 'russia';
  for (const id of POWER_IDS) if (inf[id] > inf[top]) top = id;
  let others = 0;
  for (const id of POWER_IDS) if (id !== top) others += inf[id];
  return clamp(100 - 1.5 * (inf[top] - others / 3), 0, 100);
}
