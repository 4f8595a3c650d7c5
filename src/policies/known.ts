/**
 * Readings of a position its caller already has: a policy weighing moves from one
 * position keeps those a move cannot have changed (readings.ts) and hands them to its
 * score, which reads the rest from the state. Rows of numbers in POWER_IDS order, NaN
 * where a reading must be taken afresh (no reading is ever NaN): the score reads them
 * for every move weighed, and an object keyed by power, built with a different set of
 * keys for each move, costs more to read than the reading saves.
 */
import { METER_IDS, POWER_IDS, type PowerId } from '../core/index.ts';

export interface KnownReadings {
  /** Each power's agenda drift (evaluate.ts agendaDrift). */
  drift: Float64Array;
  /** Each power's influence target (core/powers.ts influenceTargetNow). */
  target: Float64Array;
  /** What the trends in force add to each meter a turn (projection.ts trendOf), in
   *  METER_IDS order; null when it must be read. */
  trend: Float64Array | null;
}

export function unknownReadings(): KnownReadings {
  return {
    drift: new Float64Array(POWER_IDS.length).fill(Number.NaN),
    target: new Float64Array(POWER_IDS.length).fill(Number.NaN),
    trend: null,
  };
}

export const newTrend = (): Float64Array => new Float64Array(METER_IDS.length);

const INDEX = new Map<PowerId, number>(POWER_IDS.map((id, i) => [id, i]));

/** A power's place in POWER_IDS order. */
export function powerIndex(id: PowerId): number {
  return INDEX.get(id) as number;
}

/** The reading kept in `row` for power `id`, or undefined when it must be read. */
export function knownOf(row: Float64Array | undefined, id: PowerId): number | undefined {
  if (!row) return undefined;
  const v = row[powerIndex(id)] as number;
  return Number.isNaN(v) ? undefined : v;
}
