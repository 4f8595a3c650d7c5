/**
 * Values derived from the state on demand, never stored, so they can never disagree
 * with what they are derived from.
 */
import type { GameState } from './state.ts';
import { POWER_IDS, type PowerId } from './vocabulary.ts';

/** All the balance reads of a state: each power's influence (a projection will do). */
type InfluenceOnly = { powers: Record<PowerId, { influence: number }> };

/**
 * How evenly influence is spread over the four powers, 0..100. It reads the gap
 * between the most influential power and the average of the other three: 100 when no
 * power stands out, 0 when one stands 67 or more points above the rest.
 */
export function balanceOf(s: InfluenceOnly): number {
  const p = s.powers;
  const russia = p.russia.influence;
  const turkey = p.turkey.influence;
  const iran = p.iran.influence;
  const west = p.west.influence;
  const top = topAt(russia, turkey, iran, west);
  // The other three, summed in POWER_IDS order.
  const others = top === 0 ? turkey + iran + west : top === 1 ? russia + iran + west : top === 2 ? russia + turkey + west : russia + turkey + iran;
  const gap = (top === 0 ? russia : top === 1 ? turkey : top === 2 ? iran : west) - others / 3;
  const value = Math.round(100 - 1.5 * gap);
  return Math.min(100, Math.max(0, value));
}

/** The power with the most influence; ties go to the first in POWER_IDS order. */
export function dominantPower(s: InfluenceOnly): PowerId {
  const p = s.powers;
  return POWER_IDS[topAt(p.russia.influence, p.turkey.influence, p.iran.influence, p.west.influence)] as PowerId;
}

// The powers are read by name, not in a loop over POWER_IDS: a property read by a key
// that varies goes through V8's slow generic lookup, and these run several times a turn.

/** The place in POWER_IDS of the largest of four numbers given in that order (the first on a tie). */
function topAt(russia: number, turkey: number, iran: number, west: number): number {
  let at = 0;
  let top = russia;
  if (turkey > top) {
    top = turkey;
    at = 1;
  }
  if (iran > top) {
    top = iran;
    at = 2;
  }
  if (west > top) at = 3;
  return at;
}

export function worstRelation(s: GameState): number {
  const p = s.powers;
  let worst = 100;
  if (p.russia.relation < worst) worst = p.russia.relation;
  if (p.turkey.relation < worst) worst = p.turkey.relation;
  if (p.iran.relation < worst) worst = p.iran.relation;
  if (p.west.relation < worst) worst = p.west.relation;
  return worst;
}

/** Output of producing fields of one kind, in export units a turn (scenario field order). */
export function production(s: GameState, kind: 'oil' | 'gas', fields: readonly { id: string; kind: 'oil' | 'gas' }[]): number {
  let total = 0;
  for (const def of fields) {
    if (def.kind !== kind) continue;
    const f = s.fields[def.id];
    if (f && f.status === 'producing') total += f.output;
  }
  return total;
}
