/**
 * How good a position looks to a careful player: the meters, the balance of influence,
 * and every power's relation, with hostility weighing more than friendship. It also
 * looks ahead a year along trends that are certain — each power's agenda concerns and
 * where its influence is heading — so it sees the bill a policy will bring without
 * peeking at any random draw.
 */
import { agendaForTurn, type GameState, influenceTargetNow, POWER_IDS, type PowerId } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';
import type { KnownReadings } from './known.ts';
import { powerAt } from '../core/slots.ts';
import { driftOf } from './projection.ts';

const LOOKAHEAD_TURNS = 4;

/** How a power's agenda moves its relation each turn now: the sum of its concerns that hold. */
export function agendaDrift(scenario: Scenario, s: GameState, id: PowerId): number {
  // The concerns that can apply this turn (a concern dated to another period never
  // holds), tested by the agenda's compiled tests.
  return driftOf(scenario, s, id, agendaForTurn(scenario, s.turn));
}

export function projectedRelation(scenario: Scenario, s: GameState, id: PowerId, drift = agendaDrift(scenario, s, id)): number {
  const value = s.powers[id].relation + LOOKAHEAD_TURNS * drift;
  return Math.min(100, Math.max(-100, value));
}

/** Per scenario: the routes whose construction counts (not rail), and what each is worth. */
const buildingWorth = new WeakMap<Scenario, { id: string; worth: number }[]>();

function routesWorth(scenario: Scenario): { id: string; worth: number }[] {
  let list = buildingWorth.get(scenario);
  if (!list) {
    list = scenario.energy.routes.filter((r) => r.kind !== 'rail').map((r) => ({ id: r.id, worth: Math.min(15, (r.capacity * r.price) / 20) }));
    buildingWorth.set(scenario, list);
  }
  return list;
}

// Each power's influence halfway to its target, in POWER_IDS order (scratch: partisans
// evaluate every move they weigh, and this allocates nothing).
const halfway = [0, 0, 0, 0];

/** The score as it is summed: a typed array's place is a plain double, where a local
 *  summed in loops was kept boxed by the optimizing compiler (a heap number a sum). */
const acc = new Float64Array(1);

/** The meters' worth, the first terms of evaluatePosition and of its ceiling alike. */
function meterWorth(m: GameState['meters']): number {
  let v = 3 * m.sovereignty + 2.5 * m.stability + 2 * m.economy + m.security + 1.5 * m.karabakh;
  // Danger zones count double: a meter near its losing line is worth protecting.
  if (m.sovereignty < 25) v -= 3 * (25 - m.sovereignty);
  if (m.stability < 25) v -= 3 * (25 - m.stability);
  if (m.economy < 25) v -= 3 * (25 - m.economy);
  return v;
}

/** A change to the terms after the meters changes evaluationCeiling below too: the partisans
 *  skip a move on the ceiling, which must never fall under this score (evaluationCeiling.test.ts). */
export function evaluatePosition(scenario: Scenario, s: GameState, known?: KnownReadings): number {
  if (s.outcome?.status === 'lost') return -10_000;
  acc[0] = meterWorth(s.meters);

  // Where influence is heading: halfway to what the ties justify (derived.ts balanceOf of those).
  for (let i = 0; i < POWER_IDS.length; i++) {
    const id = POWER_IDS[i] as PowerId;
    const target = known ? (known.target[i] as number) : Number.NaN;
    halfway[i] = Math.round((powerAt(s.powers, i).influence + (Number.isNaN(target) ? influenceTargetNow(scenario, s, id) : target)) / 2);
  }
  acc[0] = (acc[0] as number) + 1.5 * balanceOfRow(halfway);

  for (let i = 0; i < POWER_IDS.length; i++) {
    const drift = known ? (known.drift[i] as number) : Number.NaN;
    // projectedRelation, with the power read by name.
    const rel = Math.min(
      100,
      Math.max(-100, powerAt(s.powers, i).relation + LOOKAHEAD_TURNS * (Number.isNaN(drift) ? agendaDrift(scenario, s, POWER_IDS[i] as PowerId) : drift)),
    );
    acc[0] = (acc[0] as number) + 0.8 * Math.min(rel, 30);
    if (rel < -15) acc[0] = (acc[0] as number) - 1.5 * (-15 - rel);
  }
  acc[0] = (acc[0] as number) + Math.min(s.treasury, 2000) / 100;
  // A route under construction is revenue and a second way out to come: worth something now.
  for (const r of routesWorth(scenario)) if (s.routes[r.id]?.status === 'building') acc[0] = (acc[0] as number) + r.worth;
  return acc[0] as number;
}

/**
 * A number never below evaluatePosition(scenario, s, known), whatever the readings: the
 * terms that do not read them as evaluatePosition sums them, the balance and relation
 * terms at their most (1.5 × 100, and 0.8 × 30 for each power), and a margin far above the
 * sums' rounding. The partisans skip the readings of a move whose score could not win even
 * with it (policies.ts `Score`).
 */
export function evaluationCeiling(scenario: Scenario, s: GameState): number {
  if (s.outcome?.status === 'lost') return -10_000;
  let v = meterWorth(s.meters);
  v += 1.5 * 100 + POWER_IDS.length * 0.8 * 30;
  v += Math.min(s.treasury, 2000) / 100;
  for (const r of routesWorth(scenario)) if (s.routes[r.id]?.status === 'building') v += r.worth;
  return v + CEILING_MARGIN;
}

/** evaluatePosition and evaluationCeiling sum ~20 terms below ~2,000 in different orders:
 *  each rounding is under 1e-12, so this margin keeps the ceiling above however they round. */
const CEILING_MARGIN = 1e-6;

/** derived.ts `balanceOf`, of influences in POWER_IDS order. */
function balanceOfRow(inf: readonly number[]): number {
  let top = 0;
  for (let i = 1; i < inf.length; i++) if ((inf[i] as number) > (inf[top] as number)) top = i;
  let others = 0;
  for (let i = 0; i < inf.length; i++) if (i !== top) others += inf[i] as number;
  const gap = (inf[top] as number) - others / 3;
  const value = Math.round(100 - 1.5 * gap);
  return Math.min(100, Math.max(0, value));
}
