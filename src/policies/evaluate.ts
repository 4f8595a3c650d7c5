/**
 * How good a position looks to a careful player: the meters, the balance of influence,
 * and every power's relation, with hostility weighing more than friendship. It also
 * looks ahead a year along trends that are certain — each power's agenda concerns and
 * where its influence is heading — so it sees the bill a policy will bring without
 * peeking at any random draw.
 */
import { agendaForTurn, balanceOf, type GameState, influenceTargetNow, POWER_IDS, type PowerId } from '../core/index.ts';
import { holds } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { type KnownReadings, knownOf } from './known.ts';

const LOOKAHEAD_TURNS = 4;

/** How a power's agenda moves its relation each turn now: the sum of its concerns that hold. */
export function agendaDrift(scenario: Scenario, s: GameState, id: PowerId): number {
  let drift = 0;
  // The concerns that can apply this turn (a concern dated to another period never holds).
  const concerns = agendaForTurn(scenario, s.turn)[id]?.concerns ?? scenario.powers[id].concerns;
  for (const c of concerns) if (holds(scenario, s, c.when)) drift += c.delta;
  return drift;
}

export function projectedRelation(scenario: Scenario, s: GameState, id: PowerId, drift = agendaDrift(scenario, s, id)): number {
  const value = s.powers[id].relation + LOOKAHEAD_TURNS * drift;
  return Math.min(100, Math.max(-100, value));
}

export function evaluatePosition(scenario: Scenario, s: GameState, known?: KnownReadings): number {
  if (s.outcome?.status === 'lost') return -10_000;
  const m = s.meters;
  let score = 3 * m.sovereignty + 2.5 * m.stability + 2 * m.economy + m.security + 1.5 * m.karabakh;
  // Danger zones count double: a meter near its losing line is worth protecting.
  for (const v of [m.sovereignty, m.stability, m.economy]) if (v < 25) score -= 3 * (25 - v);

  // Where influence is heading: halfway to what the ties justify.
  const half = (id: PowerId) => ({ influence: Math.round((s.powers[id].influence + (knownOf(known?.target, id) ?? influenceTargetNow(scenario, s, id))) / 2) });
  const projected = { powers: { russia: half('russia'), turkey: half('turkey'), iran: half('iran'), west: half('west') } };
  score += 1.5 * balanceOf(projected);

  for (const id of POWER_IDS) {
    const rel = projectedRelation(scenario, s, id, knownOf(known?.drift, id) ?? agendaDrift(scenario, s, id));
    score += 0.8 * Math.min(rel, 30);
    if (rel < -15) score -= 1.5 * (-15 - rel);
  }
  score += Math.min(s.treasury, 2000) / 100;
  // A route under construction is revenue and a second way out to come: worth something now.
  for (const route of scenario.energy.routes) {
    if (route.kind !== 'rail' && s.routes[route.id]?.status === 'building') score += Math.min(15, (route.capacity * route.price) / 20);
  }
  return score;
}
