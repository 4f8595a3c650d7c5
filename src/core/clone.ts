/**
 * Copy-on-write drafts. Every public operation returns a new state and leaves its input
 * untouched, but copying the whole state for every click would dominate the engine's
 * cost. So an operation works on a draft: a shallow copy of the top level, whose nested
 * parts are copied the first time the operation writes to them (`own*`). Parts no one
 * writes stay shared with the input — safe, because nothing ever writes to them again.
 *
 * Which parts the draft owns is tracked here, for the one operation running (operations
 * are synchronous and never nested), and forgotten when it finishes; no game data lives
 * here, so it changes no result. A state that is not the running draft (one newGame is
 * building) owns everything.
 */
import type { FieldState, GameState, Meters, PowerState, RouteState, TurnRecord } from './state.ts';
import type { PowerId } from './vocabulary.ts';

let activeDraft: GameState | null = null;
let owned = new Set<object>();
/** The part claimed last: most claims in a row ask for the same list or record again. */
let lastOwned: object | null = null;

export function beginDraft(s: GameState): GameState {
  // Listed field by field: one object shape for every draft keeps the copy fast.
  const d: GameState = {
    version: s.version,
    scenarioId: s.scenarioId,
    scenarioHash: s.scenarioHash,
    seed: s.seed,
    difficulty: s.difficulty,
    turn: s.turn,
    leader: s.leader,
    meters: s.meters,
    treasury: s.treasury,
    capital: s.capital,
    revenue: s.revenue,
    powers: s.powers,
    routes: s.routes,
    fields: s.fields,
    flags: s.flags,
    fired: s.fired,
    chosen: s.chosen,
    uses: s.uses,
    lastTaken: s.lastTaken,
    pending: s.pending,
    scheduled: s.scheduled,
    active: s.active,
    current: s.current,
    history: s.history,
    outcome: s.outcome,
    // The generator state is four numbers and nearly every operation draws: copy it now.
    rng: { c: s.rng.c, s0: s.rng.s0, s1: s.rng.s1, s2: s.rng.s2 },
  };
  if (s.won !== undefined) d.won = s.won;
  activeDraft = d;
  owned = new Set();
  lastOwned = null;
  return d;
}

export function finishDraft(d: GameState): GameState {
  if (activeDraft === d) {
    activeDraft = null;
    owned = new Set();
    lastOwned = null;
  }
  return d;
}

function claim<T extends object>(d: GameState, current: T, copy: (x: T) => T): T {
  if (d !== activeDraft || current === lastOwned) return current;
  if (owned.has(current)) {
    lastOwned = current;
    return current;
  }
  const fresh = copy(current);
  owned.add(fresh);
  lastOwned = fresh;
  return fresh;
}

const shallow = <T extends object>(x: T): T => (Array.isArray(x) ? (x.slice() as T) : Object.assign({}, x));
const copyMeters = (m: Meters): Meters => ({
  sovereignty: m.sovereignty,
  stability: m.stability,
  economy: m.economy,
  security: m.security,
  karabakh: m.karabakh,
});
const copyPowers = (p: GameState['powers']): GameState['powers'] => ({ russia: p.russia, turkey: p.turkey, iran: p.iran, west: p.west });
// Optional parts (set only once an effect changes them) are copied only when present, so a
// game that never uses them keeps the same shape and the same hash.
const copyPower = (p: PowerState): PowerState => {
  const c: PowerState = { relation: p.relation, influence: p.influence, stance: p.stance, cooldowns: p.cooldowns };
  if (p.baseRelation !== undefined) c.baseRelation = p.baseRelation;
  if (p.aggression !== undefined) c.aggression = p.aggression;
  return c;
};
const copyRoute = (r: RouteState): RouteState => {
  const c: RouteState = { status: r.status, capacity: r.capacity, flow: r.flow, revenue: r.revenue };
  if (r.price !== undefined) c.price = r.price;
  if (r.leverage !== undefined) c.leverage = r.leverage;
  return c;
};
const copyField = (f: FieldState): FieldState => ({ status: f.status, output: f.output });
const copyRecord = (r: TurnRecord): TurnRecord => ({
  turn: r.turn,
  date: r.date,
  actions: r.actions,
  choices: r.choices,
  events: r.events,
  responses: r.responses,
  changes: r.changes,
  snapshot: r.snapshot,
});

type OwnableKey = 'meters' | 'powers' | 'routes' | 'fields' | 'flags' | 'fired' | 'chosen' | 'uses' | 'lastTaken' | 'pending' | 'scheduled' | 'active';

/** The draft's own copy of one top-level part, safe to change. */
export function own<K extends OwnableKey>(d: GameState, key: K): GameState[K] {
  const copy = key === 'meters' ? copyMeters : key === 'powers' ? copyPowers : shallow;
  const mine = claim(d, d[key] as GameState[K] & object, copy as unknown as (x: GameState[K] & object) => GameState[K] & object);
  d[key] = mine;
  return mine;
}

export function ownPower(d: GameState, id: PowerId): PowerState {
  const powers = own(d, 'powers');
  const mine = claim(d, powers[id], copyPower);
  powers[id] = mine;
  return mine;
}

export function ownCooldowns(d: GameState, id: PowerId): Record<string, number> {
  const power = ownPower(d, id);
  const mine = claim(d, power.cooldowns, shallow);
  power.cooldowns = mine;
  return mine;
}

/** The draft's own copy of one entry of a keyed part (a route, a field), or undefined. */
function ownEntry<T extends object>(d: GameState, key: 'routes' | 'fields', id: string, copy: (x: T) => T): T | undefined {
  const current = (d[key] as unknown as Record<string, T>)[id];
  if (!current) return undefined;
  const mine = claim(d, current, copy);
  (own(d, key) as unknown as Record<string, T>)[id] = mine;
  return mine;
}

export function ownRoute(d: GameState, id: string): RouteState | undefined {
  return ownEntry(d, 'routes', id, copyRoute);
}

export function ownField(d: GameState, id: string): FieldState | undefined {
  return ownEntry(d, 'fields', id, copyField);
}

type RecordList = 'actions' | 'choices' | 'events' | 'responses' | 'changes';

/** The draft's own copy of one list of the turn being played, safe to append to. */
export function ownTurnList<K extends RecordList>(d: GameState, key: K): TurnRecord[K] {
  const record = claim(d, d.current, copyRecord);
  d.current = record;
  const mine = claim(d, record[key] as TurnRecord[K] & object, shallow);
  record[key] = mine;
  return mine;
}
