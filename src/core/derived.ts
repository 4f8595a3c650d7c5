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
  const top = dominantPower(s);
  let others = 0;
  for (const p of POWER_IDS) if (p !== top) others += s.powers[p].influence;
  const gap = s.powers[top].influence - others / 3;
  const value = Math.round(100 - 1.5 * gap);
  return Math.min(100, Math.max(0, value));
}

/** The power with the most influence; ties go to the first in POWER_IDS order. */
export function dominantPower(s: InfluenceOnly): PowerId {
  let top: PowerId = 'russia';
  for (const p of POWER_IDS) if (s.powers[p].influence > s.powers[top].influence) top = p;
  return top;
}

export function worstRelation(s: GameState): number {
  let worst = 100;
  for (const p of POWER_IDS) if (s.powers[p].relation < worst) worst = s.powers[p].relation;
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
