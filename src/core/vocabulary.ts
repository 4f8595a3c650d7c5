/**
 * The closed vocabulary of the game: the powers, the meters, the state variables that
 * scenario conditions may read and effects may change. The scenario schema and the
 * engine both read these lists, so a name is valid in a scenario file exactly when the
 * engine knows what to do with it.
 */

/** The four powers, in the fixed order every loop over powers uses (determinism). */
export const POWER_IDS = ['russia', 'turkey', 'iran', 'west'] as const;
export type PowerId = (typeof POWER_IDS)[number];

/** Azerbaijan's meters, each 0..100. */
export const METER_IDS = ['sovereignty', 'stability', 'economy', 'security', 'karabakh'] as const;
export type MeterId = (typeof METER_IDS)[number];

export const DOMAINS = ['energy', 'diplomacy', 'security'] as const;
export type Domain = (typeof DOMAINS)[number];

export const ROUTE_STATUSES = ['planned', 'building', 'operating', 'disrupted', 'closed'] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

export const FIELD_STATUSES = ['undeveloped', 'developing', 'producing', 'depleted'] as const;
export type FieldStatus = (typeof FIELD_STATUSES)[number];

export const ROUTE_KINDS = ['oil', 'gas', 'rail'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** The five source documents every historical event must cite. */
export const SOURCE_DOCS = [
  '000_e8ef7e9fb16e62fa.txt',
  '001_d280760346cc79d6.txt',
  '002_ce203c2e77db5ddd.txt',
  '003_2dd91a19950f4940.txt',
  '004_74badb081486c147.txt',
] as const;
export type SourceDoc = (typeof SOURCE_DOCS)[number];

type PowerVar = `${PowerId}.relation` | `${PowerId}.influence` | `${PowerId}.baseRelation` | `${PowerId}.aggression`;
type StanceVar = `${PowerId}.stance`;

function powerVars(suffix: 'relation' | 'influence' | 'stance' | 'baseRelation' | 'aggression'): string[] {
  return POWER_IDS.map((p) => `${p}.${suffix}`);
}

/** Variables an effect may change (`add` / `set`). A power's `baseRelation` (where its
 *  relation settles) and `aggression` (how readily it uses sticks) start at the
 *  scenario's values; an effect can move them for the rest of the game. */
export const WRITABLE_VARS = [
  ...METER_IDS,
  'treasury',
  'capital',
  ...powerVars('relation'),
  ...powerVars('influence'),
  ...powerVars('baseRelation'),
  ...powerVars('aggression'),
] as [MeterId | 'treasury' | 'capital' | PowerVar, ...(MeterId | 'treasury' | 'capital' | PowerVar)[]];
export type WritableVar = MeterId | 'treasury' | 'capital' | PowerVar;

/** Derived or engine-owned variables a condition may read but no effect may set. */
export const DERIVED_VARS = ['balance', 'worstRelation', 'revenue', 'oil', 'gas', 'turn', 'year', ...powerVars('stance')] as const;
export type DerivedVar = 'balance' | 'worstRelation' | 'revenue' | 'oil' | 'gas' | 'turn' | 'year' | StanceVar;

export type ReadableVar = WritableVar | DerivedVar;
export const READABLE_VARS = [...WRITABLE_VARS, ...DERIVED_VARS] as [ReadableVar, ...ReadableVar[]];

export interface VarRange {
  min: number;
  max: number;
}

/** The range each writable variable is clamped to; a change records what was applied. */
export function rangeOf(v: WritableVar): VarRange {
  if (v === 'treasury') return { min: -100_000, max: 1_000_000 };
  if (v === 'capital') return { min: 0, max: 20 };
  if (v.endsWith('.relation') || v.endsWith('.baseRelation')) return { min: -100, max: 100 };
  if (v.endsWith('.aggression')) return { min: 0, max: 300 };
  return { min: 0, max: 100 };
}

/** Human names for variables, used when the engine explains a change. */
export function varLabel(v: ReadableVar): string {
  const dot = v.indexOf('.');
  if (dot > 0) {
    const power = v.slice(0, dot);
    const part = v.slice(dot + 1);
    return `${POWER_NAMES[power as PowerId]} ${PART_NAMES[part] ?? part}`;
  }
  return VAR_NAMES[v] ?? v;
}

export const POWER_NAMES: Record<PowerId, string> = {
  russia: 'Russia',
  turkey: 'Turkey',
  iran: 'Iran',
  west: 'the West',
};

const PART_NAMES: Record<string, string> = { baseRelation: 'base relation' };

const VAR_NAMES: Record<string, string> = {
  sovereignty: 'Sovereignty',
  stability: 'Stability',
  economy: 'Economy',
  security: 'Security',
  karabakh: 'Karabakh',
  treasury: 'Treasury',
  capital: 'Political capital',
  balance: 'Balance',
  worstRelation: 'Worst relation',
  revenue: 'Energy revenue',
  oil: 'Oil output',
  gas: 'Gas output',
  turn: 'Turn',
  year: 'Year',
};

/** Keys that must never appear in data from strangers (prototype pollution). */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
